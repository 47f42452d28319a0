/**
 * A pair card's numbers as CSV (the card's Download menu): the trend, one row per period, or the
 * drill-down, one row per org unit, in the rows of `pair-export.ts`. Loaded when a CSV is asked
 * for, not with the first view.
 */
import type { ChartPeriod } from '../../charts'
import { toCsv, type CsvCell } from '../../shared/download'
import { csvNumber } from '../../shared/format/number'
import type { ChildValue, PairDrill } from './drill-model'
import { drillColumns, drillRowOrder, measureKind, trendColumns } from './pair-export'
import type { PairTrend, TrendLabels } from './pair-model'

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
            ...drillRowOrder(drill).map((index): CsvCell[] => {
                const child = drill.hmis[index] as ChildValue
                const cells = columns.map((c) => {
                    const estimated = c.values[index]?.estimated ?? false
                    return {
                        name: c.name,
                        value: csvNumber(c.values[index]?.value, { kind: c.kind, estimated }),
                        estimated,
                    }
                })
                return [child.id, child.name, ...cells.map((c) => c.value), estimatesOf(cells)]
            }),
        ])
    }
    const columns = trendColumns(trend)
    return toCsv([
        [labels.periodId, labels.period, ...columns.map((c) => c.name), labels.estimates],
        ...periods.map((period, index): CsvCell[] => {
            const cells = columns.map((c) => {
                const estimated = c.points[index]?.estimated ?? false
                return {
                    name: c.name,
                    value: csvNumber(c.points[index]?.value, {
                        kind: measureKind(c.id),
                        estimated,
                    }),
                    estimated,
                }
            })
            return [period.id, period.name, ...cells.map((c) => c.value), estimatesOf(cells)]
        }),
    ])
}
