import { useMemo } from 'react'
import { buildAnalyticsQuery } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import { useAnalytics } from '../../data/use-analytics'
import { useItemMetadata } from '../../data/use-metadata'
import { requestItems } from './pair-model'
import { singlePeriod } from './drill-model'
import { stockStatusRequest, type StockScope } from './stock-model'
import type { ViewPeriods } from './view-periods'
import { knownIds, pairsMetadataIds, staggeredTableRequest, trendRequest } from './view-requests'

/** Item metadata for the pairs of a view: one round of metadata requests for all of them. */
export const usePairsMetadata = (pairs: readonly Pair[]) => {
    const { data, dataSets } = useMemo(() => pairsMetadataIds(pairs), [pairs])
    return useItemMetadata(data, dataSets)
}

/**
 * The trend of every pair of the view: ONE analytics request for all pairs (data items and
 * reporting counts, months and quarters together), whatever the number of pairs.
 *
 * It does not wait for the items' metadata: it asks for every item of the mapping at once, in
 * parallel with the metadata requests. Once the metadata is known, items the server does not have
 * (deleted since the mapping was written) are left out: when all exist, that is the same request
 * (same cache key, nothing asked again); when one is missing (DHIS2 answers 409 to the first), the
 * request without it follows.
 */
export const useTrendTable = (
    pairs: readonly Pair[],
    metadata: ReturnType<typeof usePairsMetadata>['data'],
    ou: string | undefined,
    periods: ViewPeriods,
    /** Several org units (`ou` items, e.g. `USER_ORGUNIT_CHILDREN;LEVEL-x`): their sum, by DHIS2 */
    combined?: readonly string[]
) => {
    const query = useMemo(
        () => trendRequest(pairs, metadata, ou, periods.request, combined),
        [pairs, metadata, ou, periods.request, combined]
    )
    return useAnalytics(query)
}

/** One period across the children of `parent`: ONE analytics request for all pairs. */
export const useDrillTable = (
    pairs: readonly Pair[],
    metadata: ReturnType<typeof usePairsMetadata>['data'],
    parent: { id: string; level: number } | undefined,
    period: string | undefined
) => {
    const query = useMemo(() => {
        if (!metadata || !parent || !period) return null
        const dx = requestItems(pairs, knownIds(metadata))
        return dx.length
            ? buildAnalyticsQuery({
                  dx,
                  pe: singlePeriod(period).request,
                  ou: { id: parent.id, level: parent.level + 1 },
              })
            : null
    }, [pairs, metadata, parent, period])
    return useAnalytics(query)
}

/**
 * The stock status of every pair for one org unit and period: ONE analytics request
 * (`stockStatusRequest`) at facility level, or of the org unit's totals when the facilities would
 * give too many rows, after the trend has said which period is complete.
 */
export const useStockStatusTable = (
    pairs: readonly Pair[],
    metadata: ReturnType<typeof usePairsMetadata>['data'],
    ou: { id: string; level: number } | undefined,
    facilityLevel: number | undefined,
    grain: ViewPeriods['grain'],
    period: string | null,
    /** Facility rows, or the org unit's totals when they would be too many (`stockStatusScope`) */
    scope: StockScope = 'facilities',
    /** Read the stocked-out flags facility by facility (`stockStatusRequest`) */
    flags = false
) => {
    const query = useMemo(
        () =>
            metadata && ou && facilityLevel !== undefined && period
                ? stockStatusRequest({
                      pairs,
                      known: knownIds(metadata),
                      ou,
                      facilityLevel,
                      grain,
                      period,
                      scope,
                      flags,
                  })
                : null,
        [pairs, metadata, ou, facilityLevel, grain, period, scope, flags]
    )
    return useAnalytics(query)
}

/**
 * The staggered groups' quarterly values of every pair that names them: ONE analytics request with
 * the group set as a dimension (`staggeredRequest`); nothing when no pair names groups.
 */
export const useStaggeredTable = (
    pairs: readonly Pair[],
    metadata: ReturnType<typeof usePairsMetadata>['data'],
    ou: string | undefined,
    periods: ViewPeriods,
    combined?: readonly string[]
) => {
    const request = useMemo(
        () => staggeredTableRequest(pairs, metadata, ou, periods, combined),
        [pairs, metadata, ou, periods, combined]
    )
    const table = useAnalytics(request?.query ?? null)
    return { groupSet: request?.groupSet ?? null, table }
}
