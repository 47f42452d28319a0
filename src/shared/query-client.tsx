import { useDataEngine } from '@dhis2/app-runtime'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import React, { useMemo } from 'react'
import type { ReactNode } from 'react'
import { isRetryable } from './api-errors/describe-error'

/**
 * One React Query client per page, shared by everything rendered in it (app or plugin).
 * Requests go through the app-runtime data engine (see `src/api/engine.ts`), so auth, base URL and
 * API version come from the platform.
 */
let sharedClient: QueryClient | null = null

export const getQueryClient = (): QueryClient => {
    if (!sharedClient) {
        sharedClient = new QueryClient({
            defaultOptions: {
                queries: {
                    staleTime: 5 * 60 * 1000,
                    gcTime: 30 * 60 * 1000,
                    refetchOnWindowFocus: false,
                    // Not for answers that cannot change (401, 403, 404, 409…)
                    retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
                },
            },
        })
    }
    return sharedClient
}

export const QueryProvider = ({ children }: { children: ReactNode }) => {
    const client = useMemo(getQueryClient, [])
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

export type DataEngine = ReturnType<typeof useDataEngine>
