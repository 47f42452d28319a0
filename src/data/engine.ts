import { useDataEngine } from '@dhis2/app-runtime'
import type { QueryFunctionContext } from '@tanstack/react-query'

export type DataEngine = ReturnType<typeof useDataEngine>
export type QueryParams = Record<string, string | number | boolean | string[] | undefined>

/**
 * A React Query `queryFn` that reads one resource through the app-runtime data engine, so auth,
 * base URL, API version and the platform's error types are the platform's. Cancellation is passed on.
 */
export const engineQueryFn =
    (engine: DataEngine, resource: string, params?: QueryParams) =>
    async ({ signal }: QueryFunctionContext): Promise<unknown> => {
        const result = await engine.query(
            { result: { resource, params: params as Record<string, string> } },
            { signal }
        )
        return result.result
    }

/** HTTP status of an engine error (FetchError details), when the server answered. */
export const httpStatusOf = (error: unknown): number | undefined => {
    const details = (error as { details?: { httpStatusCode?: unknown } } | null)?.details
    return typeof details?.httpStatusCode === 'number' ? details.httpStatusCode : undefined
}
