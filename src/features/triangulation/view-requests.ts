/**
 * The view's first requests as plain functions of their inputs: the view's hooks
 * (`use-view-data.ts`) and the requests asked as the app starts (`first-view.ts`) make them with
 * the same code, so both give the same queries (same cache keys: nothing is asked twice).
 */
import { buildAnalyticsQuery, type AnalyticsQuery } from '../../api/analytics'
import type { Config, Pair, ProgramArea } from '../../domain/config'
import type { ItemMetadata } from '../../data/use-metadata'
import { pairDataItems, requestItems, staggeredRequest } from './pair-model'
import type { ViewPeriods } from './view-periods'

/** The program area a view shows: the one named (`area`), else the mapping's first */
export const viewArea = (config: Config, areaId: string | undefined): ProgramArea | undefined =>
    config.programAreas.find((a) => a.id === areaId) ?? config.programAreas[0]

/** The pairs a view shows: the area's, or only the one named (`pair`, a focused view) */
export const viewPairs = (area: ProgramArea | undefined, pairId: string | undefined): Pair[] => {
    const all = area?.pairs ?? []
    return pairId ? all.filter((p) => p.id === pairId) : all
}

/** The data items and data sets whose metadata the pairs need (one round of requests) */
export const pairsMetadataIds = (
    pairs: readonly Pair[]
): { data: string[]; dataSets: string[] } => {
    const all = pairs.map(pairDataItems)
    return { data: all.flatMap((p) => p.data), dataSets: all.flatMap((p) => p.dataSets) }
}

/** The ids the server knows, from the items' metadata */
export const knownIds = (metadata: {
    items: ReadonlyMap<string, unknown>
    dataSets: ReadonlyMap<string, unknown>
}): Set<string> => new Set([...metadata.items.keys(), ...metadata.dataSets.keys()])

/**
 * The trend's request (`useTrendTable`): every item of the pairs before the metadata is known,
 * the items the server has after; one org unit, or several summed (`combined`)
 */
export const trendRequest = (
    pairs: readonly Pair[],
    metadata: ItemMetadata | undefined,
    ou: string | undefined,
    periods: readonly string[],
    combined?: readonly string[]
): AnalyticsQuery | null => {
    if ((!ou && !combined) || periods.length === 0) return null
    const dx = requestItems(pairs, metadata ? knownIds(metadata) : null, true)
    if (!dx.length) return null
    return combined
        ? buildAnalyticsQuery({
              dx,
              pe: periods,
              ou: combined.map((id) => ({ id })),
              ouAsFilter: true,
          })
        : buildAnalyticsQuery({ dx, pe: periods, ou: { id: ou as string } })
}

/**
 * The staggered groups' request (`useStaggeredTable`): as the trend's, every flow of the pairs
 * before the metadata is known (in parallel with it), the items the server has after
 */
export const staggeredTableRequest = (
    pairs: readonly Pair[],
    metadata: ItemMetadata | undefined,
    ou: string | undefined,
    periods: ViewPeriods,
    combined?: readonly string[]
): ReturnType<typeof staggeredRequest> =>
    ou || combined
        ? staggeredRequest(
              pairs,
              metadata ? knownIds(metadata) : null,
              periods,
              combined ?? (ou as string)
          )
        : null
