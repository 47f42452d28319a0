import i18n from '@dhis2/d2-i18n'
import {
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
} from '@dhis2/ui'
import React from 'react'
import type { ChartPeriod } from '../../charts'
import { describeAlignment, type AlignedPoint } from '../../domain/periods'
import { formatNumber, type NumberKind } from '../../shared/format/number'
import type { PairDrill } from './drill-model'
import type { PairTrend } from './pair-model'
import { trendLabels } from './labels'
import { drillColumns, drillRowOrder, measureKind, trendColumns } from './pair-export'
import classes from './SeriesTable.module.css'

/** Marks a period whose reports are not all in yet (no value shown, as in the charts) */
const INCOMPLETE_MARK = '…'

/** A period left empty because its reports are not all in yet (`withoutIncomplete`) */
const notAllIn = (point: { value: number | null; reason?: AlignedPoint['reason'] }): boolean =>
    point.reason === 'PERIOD_INCOMPLETE' && point.value === null

const format = (
    point:
        | (Pick<AlignedPoint, 'value' | 'estimated'> & Partial<Pick<AlignedPoint, 'reason'>>)
        | undefined,
    kind: NumberKind,
    locale: string
): string =>
    !point
        ? ''
        : notAllIn(point)
          ? INCOMPLETE_MARK
          : formatNumber(point.value, { kind, estimated: point.estimated, locale })

/** The accessible alternative to a card's charts: the same numbers, estimates marked with ≈. */
export const SeriesTable = ({
    trend,
    drill,
    periods,
    locale,
}: {
    trend: PairTrend
    drill: PairDrill | null
    periods: ChartPeriod[]
    /** The user's locale, for the numbers */
    locale: string
}) => {
    const labels = trendLabels()
    if (drill) {
        const columns = drillColumns(drill, labels)
        return (
            <DataTable scrollHeight="420px" dataTest="pair-table" className={classes.table}>
                <DataTableHead>
                    <DataTableRow>
                        <DataTableColumnHeader fixed top="0">
                            {i18n.t('Org unit')}
                        </DataTableColumnHeader>
                        {columns.map((c) => (
                            <DataTableColumnHeader key={c.name} fixed top="0">
                                {c.name}
                            </DataTableColumnHeader>
                        ))}
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    {drillRowOrder(drill).map((index) => (
                        <DataTableRow key={drill.hmis[index]?.id}>
                            <DataTableCell>{drill.hmis[index]?.name}</DataTableCell>
                            {columns.map((c) => (
                                <DataTableCell key={c.name} align="right">
                                    {format(c.values[index], c.kind, locale)}
                                </DataTableCell>
                            ))}
                        </DataTableRow>
                    ))}
                </DataTableBody>
            </DataTable>
        )
    }
    const series = trendColumns(trend)
    // What the ≈ of the table's estimates mean: each kind of estimate once (a quarter ÷ 3 in the
    // monthly view; the staggered groups' reports placed in their windows, in either view)
    const estimates = [
        ...new Set(
            series.flatMap((s) =>
                s.points
                    .filter((p) => p.estimated && p.value !== null)
                    .map((p) =>
                        p.reason === 'QUARTER_DIVIDED_BY_3' || p.reason === null
                            ? i18n.t(
                                  '≈ Estimate – a quarterly value divided by 3, not a value reported for the month.'
                              )
                            : `≈ ${describeAlignment(p) ?? ''}`
                    )
            )
        ),
    ]
    const hasIncomplete = series.some((s) => s.points.some(notAllIn))
    return (
        <>
            <DataTable scrollHeight="420px" dataTest="pair-table" className={classes.table}>
                <DataTableHead>
                    <DataTableRow>
                        <DataTableColumnHeader fixed top="0">
                            {i18n.t('Period')}
                        </DataTableColumnHeader>
                        {series.map((s) => (
                            <DataTableColumnHeader key={s.id} fixed top="0">
                                {s.name}
                            </DataTableColumnHeader>
                        ))}
                    </DataTableRow>
                </DataTableHead>
                <DataTableBody>
                    {periods.map((period, index) => (
                        <DataTableRow key={period.id}>
                            <DataTableCell>{period.name}</DataTableCell>
                            {series.map((s) => (
                                <DataTableCell key={s.id} align="right">
                                    {format(s.points[index], measureKind(s.id), locale)}
                                </DataTableCell>
                            ))}
                        </DataTableRow>
                    ))}
                </DataTableBody>
            </DataTable>
            {estimates.map((text) => (
                <p
                    key={text}
                    style={{ fontSize: 12, color: '#4a5768' }}
                    data-test="pair-table-estimates"
                >
                    {text}
                </p>
            ))}
            {hasIncomplete && (
                <p style={{ fontSize: 12, color: '#4a5768' }} data-test="pair-table-incomplete">
                    {`${INCOMPLETE_MARK} ${i18n.t('Incomplete – reports not all in yet')}`}
                </p>
            )}
        </>
    )
}
