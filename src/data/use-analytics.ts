import { useDataEngine } from '@dhis2/app-runtime'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { parseAnalyticsResponse, type AnalyticsQuery, type AnalyticsTable } from '../api/analytics'
import type { DataEngine } from './engine'
import { queryKeys } from './query-keys'
import { markOnce } from '../shared/perf/mark'

/** One analytics request's query (`useAnalytics`; the first view's are also asked by `startFirstView`) */
export const analyticsQuery = (engine: DataEngine, query: AnalyticsQuery | null) => ({
    queryKey: queryKeys.analytics(query?.params ?? {}),
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<AnalyticsTable> => {
        markOnce('first-analytics-request')
        const { analytics } = await engine.query({ analytics: query as AnalyticsQuery }, { signal })
        markOnce('first-analytics-response')
        return parseAnalyticsResponse(analytics)
    },
})

/**
 * One analytics request through the data engine, parsed. Cached by its parameters: drilling back up
 * or revisiting a view asks the server nothing.
 */
export const useAnalytics = (query: AnalyticsQuery | null) => {
    const engine = useDataEngine()
    return useQuery({
        ...analyticsQuery(engine, query),
        enabled: query !== null,
        placeholderData: keepPreviousData,
    })
}
