import i18n from '@dhis2/d2-i18n'
import { Button } from '@dhis2/ui'
import Highcharts from 'highcharts'
import HighchartsReact from 'highcharts-react-official'
import React, { useEffect, useMemo, useRef } from 'react'
import { createPortal } from 'react-dom'
import { sparklineOptions } from '../../../charts/sparkline-options'
import { monthsOfQuarter, seriesPeriodTypeOf } from '../../../domain/periods'
import { pairsById, serviceName } from '../alert-view'
import type { PairOrgUnitSeries } from '../scan-data'
import type { ScanEntry } from '../scan-entries'
import { assigneeLabel, effectiveStatusLabel, eventLine, formatWhen } from './follow-up-text'
import { exportRows, type ExportContext } from './AlertsExport'
import classes from './AlertsPrintView.module.css'

/** How many entries a print holds (the first of those shown, highest impact first) */
export const PRINT_LIMIT = 40

const CHART_WIDTH = 300
const CHART_HEIGHT = 120

/**
 * The entries shown, in their order, as pages for the monthly review meeting: each with its rank,
 * tier, place, pair, every reason in words, its share of the parent total, its follow-up, and two
 * small charts of its org unit and pair (HMIS cases, LMIS consumption), the flagged periods marked. Drawn over the app (a portal on `document.body`, so that the print
 * stylesheet can leave out everything else), then `window.print()` once the charts are drawn.
 */
export const AlertsPrintView = ({
    entries,
    ctx,
    onClose,
}: {
    entries: readonly ScanEntry[]
    ctx: ExportContext
    onClose: () => void
}) => {
    const shown = useMemo(() => entries.slice(0, PRINT_LIMIT), [entries])
    const rows = useMemo(() => exportRows(shown, ctx), [shown, ctx])
    const pairs = useMemo(() => pairsById(ctx.config), [ctx.config])
    const series = useMemo(() => {
        const map = new Map<string, PairOrgUnitSeries>()
        for (const level of ctx.scan.levels) {
            for (const s of level.series) map.set(`${s.orgUnitId}:${s.pairId}`, s)
        }
        return map
    }, [ctx.scan])
    const months = ctx.scan.window.months
    const percent = useMemo(() => {
        try {
            return new Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 1 })
        } catch {
            return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 })
        }
    }, [ctx.locale])
    const printed = useRef(false)
    useEffect(() => {
        if (printed.current) return undefined
        printed.current = true
        // After the charts are drawn (synchronously, no animation) and laid out
        const timer = window.setTimeout(() => window.print(), 300)
        return () => window.clearTimeout(timer)
    }, [])
    useEffect(() => {
        const onKey = (event: KeyboardEvent) => {
            if (event.key === 'Escape') onClose()
        }
        window.addEventListener('keydown', onKey)
        return () => window.removeEventListener('keydown', onKey)
    }, [onClose])

    return createPortal(
        <div className={classes.root} data-print-root="" data-test="alerts-print-view">
            <div className={classes.screenOnly}>
                <Button small onClick={() => window.print()} dataTest="alerts-print-again">
                    {i18n.t('Print')}
                </Button>
                <Button small secondary onClick={onClose} dataTest="alerts-print-close">
                    {i18n.t('Back to the alerts')}
                </Button>
            </div>
            <h1 className={classes.title}>{i18n.t('Alerts for the review meeting')}</h1>
            <p className={classes.meta}>
                {i18n.t(
                    '{{shown}} of {{total}} entries (one per org unit and pair), highest impact first, {{first}} to {{last}}',
                    {
                        shown: String(shown.length),
                        total: String(entries.length),
                        first: ctx.periodName(months[0] ?? ''),
                        last: ctx.periodName(months[months.length - 1] ?? ''),
                        interpolation: { escapeValue: false },
                    }
                )}
            </p>
            <ol className={classes.list}>
                {rows.map((row, i) => {
                    const entry = shown[i] as ScanEntry
                    const pair = pairs.get(entry.pairId)
                    const s = series.get(`${entry.orgUnitId}:${entry.pairId}`)
                    const marked = entry.periods.flatMap((period) =>
                        seriesPeriodTypeOf(period) === 'QUARTERLY'
                            ? monthsOfQuarter(period)
                            : [period]
                    )
                    const f = row.followUp
                    const comments = (f?.history ?? []).filter((e) => e.action === 'comment')
                    const chart = (
                        title: string,
                        values: (number | null)[] | null | undefined,
                        kind: 'hmis' | 'consumption'
                    ) =>
                        values ? (
                            <HighchartsReact
                                highcharts={Highcharts}
                                options={sparklineOptions({
                                    title,
                                    periods: months,
                                    periodName: ctx.periodName,
                                    values,
                                    kind,
                                    marked,
                                    width: CHART_WIDTH,
                                    height: CHART_HEIGHT,
                                    description: `${title}, ${row.orgUnit}`,
                                })}
                            />
                        ) : (
                            <p className={classes.noData}>
                                {i18n.t('{{what}}, no data', {
                                    what: title,
                                    interpolation: { escapeValue: false },
                                })}
                            </p>
                        )
                    return (
                        <li key={entry.id} className={classes.item} data-test="print-alert">
                            <div className={classes.head}>
                                <strong>
                                    {row.rank}. {row.orgUnit} · {row.pair}
                                </strong>
                                <span>
                                    <span className={classes.tier} data-test="print-tier">
                                        {row.tier}
                                    </span>
                                    {row.parentShare !== null && (
                                        <>
                                            {' · '}
                                            {i18n.t('{{percent}} of the parent total', {
                                                percent: percent.format(row.parentShare),
                                            })}
                                        </>
                                    )}
                                </span>
                            </div>
                            {row.path && <div className={classes.path}>{row.path}</div>}
                            <ul className={classes.reasons} data-test="print-reasons">
                                {row.reasons.map((reason, j) => (
                                    <li key={entry.reasons[j]?.alert.id ?? j}>{reason}</li>
                                ))}
                            </ul>
                            <div className={classes.charts} data-test="print-charts">
                                {chart(
                                    pair ? serviceName(pair, ctx.scan.itemNames) : entry.pairId,
                                    s?.cases,
                                    'hmis'
                                )}
                                {chart(
                                    i18n.t('{{commodity}} consumption', {
                                        commodity: pair?.commodity.name ?? entry.pairId,
                                        interpolation: { escapeValue: false },
                                    }),
                                    s?.consumption,
                                    'consumption'
                                )}
                            </div>
                            <div className={classes.followUp} data-test="print-follow-up">
                                <strong>{i18n.t('Follow-up')}</strong>{' '}
                                {f ? (
                                    <>
                                        <span data-test="print-follow-up-status">
                                            {effectiveStatusLabel(f)}
                                        </span>
                                        {f.assignee && (
                                            <>
                                                {' · '}
                                                <span data-test="print-follow-up-assignee">
                                                    {i18n.t('Assigned to {{assignee}}', {
                                                        assignee: assigneeLabel(f.assignee),
                                                        interpolation: { escapeValue: false },
                                                    })}
                                                </span>
                                            </>
                                        )}
                                        {' · '}
                                        {f.last
                                            ? `${eventLine(f.last)} · ${formatWhen(f.last.at, ctx.locale)}`
                                            : i18n.t('Nothing done yet.')}
                                        {comments.map((e) => (
                                            <q key={e.id} className={classes.comment}>
                                                {e.by.name}: {e.action === 'comment' ? e.text : ''}
                                            </q>
                                        ))}
                                    </>
                                ) : (
                                    i18n.t('Nothing done yet.')
                                )}
                            </div>
                        </li>
                    )
                })}
            </ol>
        </div>,
        document.body
    )
}
