/**
 * The numbers of a pair card as rows (for the table view and the CSV download): the trend, one row
 * per period, or the drill-down, one row per org unit. Estimates are marked.
 */
import type { ChartPeriod } from '../../charts'
import { toCsv, type CsvCell } from '../../shared/download'
import type { TrendLabels } from './pair-model'
import type { ChildValue, PairDrill } from './drill-model'
import type { PairTrend, SeriesData } from './pair-model'

/** The series of a trend, in the table's column order (absent measures left out). */
export const trendColumns = (trend: PairTrend): SeriesData[] =>
    [
        ...trend.hmis,
        trend.consumption,
        trend.stockOnHand,
        trend.stockoutDays,
        trend.hmisCompleteness,
        trend.lmisCompleteness,
    ].filter((s): s is SeriesData => s !== null)

/** The measures of a drill-down, in the table's column order. */
export const drillColumns = (
    drill: PairDrill,
    labels: TrendLabels
): { name: string; values: ChildValue[] }[] => [
    { name: drill.hmisName, values: drill.hmis },
    { name: labels.consumption, values: drill.consumption },
    { name: labels.stockoutDays, values: drill.stockoutDays },
    { name: labels.hmisCompleteness, values: drill.hmisCompleteness },
    { name: labels.lmisCompleteness, values: drill.lmisCompleteness },
]

export interface PairCsvLabels extends TrendLabels {
    period: string
    periodId: string
    orgUnit: string
    orgUnitId: string
    /** The last column: which values of the row are estimates */
    estimates: string
}

const estimatesOf = (cells: { name: string; estimated: boolean; value: number | null }[]) =>
    cells
        .filter((cell) => cell.estimated && cell.value !== null)
        .map((cell) => cell.name)
        .join('; ')

/** The card's numbers as CSV: the drill-down when there is one, else the trend. */
export const pairCsv = (
    trend: PairTrend,
    drill: PairDrill | null,
    periods: readonly ChartPeriod[],
    labels: PairCsvLabels
): string => {
    if (drill) {
        const columns = drillColumns(drill, labels)
        return toCsv([
            [labels.orgUnitId, labels.orgUnit, ...columns.map((c) => c.name), labels.estimates],
            ...drill.hmis.map((child, index): CsvCell[] => {
                const cells = columns.map((c) => ({
                    name: c.name,
                    value: c.values[index]?.value ?? null,
                    estimated: c.values[index]?.estimated ?? false,
                }))
                return [child.id, child.name, ...cells.map((c) => c.value), estimatesOf(cells)]
            }),
        ])
    }
    const columns = trendColumns(trend)
    return toCsv([
        [labels.periodId, labels.period, ...columns.map((c) => c.name), labels.estimates],
        ...periods.map((period, index): CsvCell[] => {
            const cells = columns.map((c) => ({
                name: c.name,
                value: c.points[index]?.value ?? null,
                estimated: c.points[index]?.estimated ?? false,
            }))
            return [period.id, period.name, ...cells.map((c) => c.value), estimatesOf(cells)]
        }),
    ])
}
