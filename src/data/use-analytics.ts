import { useDataEngine } from '@dhis2/app-runtime'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { parseAnalyticsResponse, type AnalyticsQuery, type AnalyticsTable } from '../api/analytics'
import { queryKeys } from './query-keys'
import { markOnce } from '../shared/perf/mark'

/**
 * One analytics request through the data engine, parsed. Cached by its parameters: drilling back up
 * or revisiting a view asks the server nothing.
 */
export const useAnalytics = (query: AnalyticsQuery | null) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: queryKeys.analytics(query?.params ?? {}),
        enabled: query !== null,
        placeholderData: keepPreviousData,
        queryFn: async ({ signal }): Promise<AnalyticsTable> => {
            markOnce('first-analytics-request')
            const { analytics } = await engine.query(
                { analytics: query as AnalyticsQuery },
                { signal }
            )
            markOnce('first-analytics-response')
            return parseAnalyticsResponse(analytics)
        },
    })
}
