/**
 * The numbers of a pair card as rows (for the table view and the CSV download): the trend, one row
 * per period, or the drill-down, one row per org unit. Estimates are marked (their own column in
 * CSV), values rounded as the app shows them (`shared/format/number`), dot-decimal.
 */
import { sharedDrilldownOrder } from '../../charts'
import type { NumberKind } from '../../shared/format/number'
import type { TrendLabels } from './pair-model'
import type { ChildValue, PairDrill } from './drill-model'
import type { PairTrend, SeriesData } from './pair-model'

/** Reporting rates are percentages; every other measure of a pair is a count. */
export const measureKind = (id: string): NumberKind =>
    id === 'hmisCompleteness' ||
    id === 'lmisCompleteness' ||
    id === 'hmisOnTime' ||
    id === 'stockoutRate' ||
    id === 'lmisOnTime'
        ? 'percent'
        : 'count'

/** The series of a trend, in the table's column order (absent measures left out). */
export const trendColumns = (trend: PairTrend): SeriesData[] =>
    [
        ...trend.hmis,
        trend.consumption,
        trend.stockOnHand,
        trend.stockoutDays,
        trend.losses,
        trend.received,
        trend.stockoutRate,
        trend.hmisCompleteness,
        trend.lmisCompleteness,
        trend.hmisOnTime,
        trend.lmisOnTime,
    ].filter((s): s is SeriesData => s !== null)

/** The measures of a drill-down, in the table's column order. */
export const drillColumns = (
    drill: PairDrill,
    labels: TrendLabels
): { name: string; kind: NumberKind; values: ChildValue[] }[] => [
    { name: drill.hmisName, kind: 'count', values: drill.hmis },
    { name: labels.consumption, kind: 'count', values: drill.consumption },
    { name: labels.stockoutDays, kind: 'count', values: drill.stockoutDays },
    { name: labels.hmisCompleteness, kind: 'percent', values: drill.hmisCompleteness },
    { name: labels.lmisCompleteness, kind: 'percent', values: drill.lmisCompleteness },
]

/** One period of a trend, measure by measure (what a click on a facility's month shows). */
export const periodValues = (
    trend: PairTrend,
    index: number
): { id: string; name: string; kind: NumberKind; value: number | null; estimated: boolean }[] =>
    trendColumns(trend).map((series) => {
        const point = series.points[index]
        return {
            id: series.id,
            name: series.name,
            kind: measureKind(series.id),
            value: point?.value ?? null,
            estimated: Boolean(point?.estimated && point.value !== null),
        }
    })

/**
 * The drill-down's rows (indexes of `drill.hmis`) in the order of the drilled charts
 * (`sharedDrilldownOrder`: by the service value, highest first, then consumption, then name), the
 * children without any value last, by name: the table and the CSV read as the charts do.
 */
export const drillRowOrder = (drill: PairDrill): number[] => {
    const { ids } = sharedDrilldownOrder(drill.hmis, drill.consumption, Number.POSITIVE_INFINITY)
    const rank = new Map(ids.map((id, index) => [id, index]))
    const rankOf = (index: number) => rank.get(drill.hmis[index]?.id ?? '') ?? ids.length
    return drill.hmis
        .map((_, index) => index)
        .sort(
            (a, b) =>
                rankOf(a) - rankOf(b) ||
                (drill.hmis[a]?.name ?? '').localeCompare(drill.hmis[b]?.name ?? '')
        )
}
