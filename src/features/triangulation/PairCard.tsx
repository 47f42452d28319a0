import { useAlert } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    DropdownButton,
    FlyoutMenu,
    MenuItem,
    NoticeBox,
    Popover,
    Tag,
    Tooltip,
} from '@dhis2/ui'
import type Highcharts from 'highcharts'
import React, {
    Suspense,
    lazy,
    useCallback,
    useEffect,
    useLayoutEffect,
    useMemo,
    useReducer,
    useRef,
    useState,
} from 'react'
import {
    TREND_KEY,
    alignmentNotes,
    buildDrilldownLevel,
    buildHmisTrendOptions,
    buildLmisTrendOptions,
    exportFilename,
    pointsByPeriod,
    seriesColor,
    sharedDrilldownOrder,
    drilldownLevelOptions,
    withSelectedCategory,
    withTooltipHint,
    type ChartPeriod,
    type DrilldownLevel,
} from '../../charts'
import type { Pair } from '../../domain/config'
import type { PeriodCompleteness } from '../../domain/periods'
import type { Grain } from '../../domain/periods'
import type { ChartHandle } from '../../shared/charts/Chart'
import { Chart } from '../../shared/charts/LazyChart'
import { setChartBase, syncChartDrill } from '../../shared/charts/chart-drill'
import type { ChartImageType } from '../../shared/charts/export-chart'
import { useChartGrid } from '../../shared/charts/use-chart-grid'
import { formatNumber } from '../../shared/format/number'
import { completenessSentence } from './completeness-text'
import { periodClick, type ChildValue, type PairDrill } from './drill-model'
import { trendLabels } from './labels'
import { periodValues } from './pair-export'
import { latestCompleteness, type PairTrend, type SeriesData } from './pair-model'
import type { PairStockFigures } from './stock-model'
import classes from './PairCard.module.css'

// The table view is not part of the first view: loaded when first asked for
const SeriesTable = lazy(() => import('./SeriesTable').then((m) => ({ default: m.SeriesTable })))
const PairDefinitions = lazy(() =>
    import('./PairDefinitions').then((m) => ({ default: m.PairDefinitions }))
)

/**
 * Reporting completeness of one system for the latest period the chart shows data for (a quarter
 * not reported yet is not "low completeness"): a badge, and in words under the header when the
 * totals of that period are incomplete.
 */
const useCompleteness = (
    label: string,
    series: SeriesData | null,
    reference: SeriesData | null | undefined,
    periods: readonly ChartPeriod[],
    locale: string
) => {
    const latest = latestCompleteness(series, reference)
    const periodName = periods.find((p) => p.id === latest?.period)?.name ?? latest?.period ?? ''
    return {
        label,
        shown: Boolean(series),
        value: latest?.value ?? null,
        sentence: completenessSentence({ system: label, value: latest?.value, periodName, locale }),
    }
}

const CompletenessBadge = ({
    completeness,
    locale,
}: {
    completeness: ReturnType<typeof useCompleteness>
    locale: string
}) => {
    if (!completeness.shown) return null
    const { label, value, sentence } = completeness
    const rate = value === null ? '–' : formatNumber(value, { kind: 'percent', locale })
    return (
        <Tooltip
            content={
                sentence?.text ??
                i18n.t('{{system}} – no reports expected or received', {
                    system: label,
                    interpolation: { escapeValue: false },
                })
            }
        >
            <Tag
                neutral={value === null}
                positive={value !== null && value >= 90}
                negative={value !== null && value < 70}
                dataTest="completeness-badge"
            >
                {label} {rate}
            </Tag>
        </Tooltip>
    )
}

const tipsFor = (pair: Pair, locale: string): string | undefined => {
    const tips = pair.tips ?? {}
    return tips[locale] ?? tips[locale.split(/[-_]/)[0] ?? ''] ?? tips.en ?? Object.values(tips)[0]
}

type ChartKind = 'hmis' | 'lmis'

/**
 * The card's downloads: each chart as an image (made in the browser from the chart's options, so
 * also while the card shows its table; the exporting code loads on the first one) and the numbers
 * as CSV. Escape closes the menu and gives the focus back to its button.
 */
const DownloadMenu = ({
    charts,
    onCsv,
}: {
    charts: Record<ChartKind, Highcharts.Options | null>
    /** Resolves once the CSV is downloaded (its code is loaded on demand) */
    onCsv: () => Promise<void>
}) => {
    const [open, setOpen] = useState(false)
    const anchor = useRef<HTMLSpanElement>(null)
    const { show: showError } = useAlert(
        () => i18n.t('The image could not be made. Check your connection and try again.'),
        { critical: true }
    )
    const { show: showCsvError } = useAlert(
        () => i18n.t('The spreadsheet could not be made. Check your connection and try again.'),
        { critical: true }
    )
    useEffect(() => {
        if (!open) return
        const onKey = (event: KeyboardEvent) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            setOpen(false)
            anchor.current?.querySelector('button')?.focus()
        }
        document.addEventListener('keydown', onKey)
        return () => document.removeEventListener('keydown', onKey)
    }, [open])
    const image = (kind: ChartKind, type: ChartImageType) => () => {
        setOpen(false)
        const options = charts[kind]
        // The image code (and Highcharts' exporting modules) load on the first download
        if (options) {
            import('../../shared/charts/export-chart')
                .then(({ downloadChartImage }) => downloadChartImage(options, type))
                .catch(() => showError())
        }
    }
    const items: { kind: ChartKind; type: ChartImageType; label: string }[] = [
        { kind: 'hmis', type: 'image/png', label: i18n.t('Service chart as image (PNG)') },
        { kind: 'lmis', type: 'image/png', label: i18n.t('Logistics chart as image (PNG)') },
        { kind: 'hmis', type: 'image/svg+xml', label: i18n.t('Service chart as vector (SVG)') },
        { kind: 'lmis', type: 'image/svg+xml', label: i18n.t('Logistics chart as vector (SVG)') },
    ]
    return (
        <span ref={anchor}>
            <DropdownButton
                small
                secondary
                open={open}
                onClick={({ open: next }: { open: boolean }) => setOpen(next)}
                dataTest="pair-download"
                component={
                    <FlyoutMenu dense dataTest="pair-download-menu">
                        {items.map((item) => (
                            <MenuItem
                                key={`${item.kind}-${item.type}`}
                                label={item.label}
                                disabled={!charts[item.kind]}
                                onClick={image(item.kind, item.type)}
                                dataTest={`pair-download-${item.kind}-${item.type === 'image/png' ? 'png' : 'svg'}`}
                            />
                        ))}
                        <MenuItem
                            label={i18n.t('Numbers as a spreadsheet (CSV)')}
                            onClick={() => {
                                setOpen(false)
                                onCsv().catch(() => showCsvError())
                            }}
                            dataTest="pair-download-csv"
                        />
                    </FlyoutMenu>
                }
            >
                {i18n.t('Download')}
            </DropdownButton>
        </span>
    )
}

export interface PairCardProps {
    pair: Pair
    locale: string
    grain: Grain
    periods: ChartPeriod[]
    periodLabel: string
    orgUnitName: string
    trend: PairTrend | null
    drill: {
        /** The drill-down's level key (`drillKey`: period and path of the URL) */
        key: string
        data: PairDrill | null
        periodName: string
        parentName: string
        canDrillFurther: boolean
        highlight?: string
    } | null
    /**
     * Whether the trend's org unit has a level below (`false`: a facility, a click on a period
     * shows that period here; `undefined`: not known yet)
     */
    canDrillPeriod?: boolean
    onDrillPeriod: (periodId: string) => void
    onDrillChild: (orgUnitId: string) => void
    /**
     * Another card's chart was clicked to drill: this card's charts drill after the clicked
     * pair's are painted (each card in its own task), so the pair clicked answers first
     */
    drillAfterPaint?: boolean
    /** A dashboard item: the charts share the item's height (it does not scroll) */
    fillHeight?: boolean
    /** Stock status of the org unit for one period (`null`: no complete period to show) */
    stock?: {
        figures: PairStockFigures | null
        periodName: string
        orgUnitName: string
        loading: boolean
    } | null
}

/** Indices of the periods a system's reports are not all in for. */
const incompleteIndices = (
    periods: readonly ChartPeriod[],
    status: readonly PeriodCompleteness[]
): number[] => {
    const incomplete = new Set(status.filter((s) => s.incomplete).map((s) => s.period))
    return periods.flatMap((p, index) => (incomplete.has(p.id) ? [index] : []))
}

/**
 * The honest current period in words: which periods are incomplete, with the reports in, and that
 * they are not drawn (so a partial total is not read as a drop).
 */
const incompleteSentence = (
    system: string,
    periods: readonly ChartPeriod[],
    status: readonly PeriodCompleteness[],
    locale: string
): string | null => {
    const incomplete = status.filter((s) => s.incomplete)
    if (incomplete.length === 0) return null
    const names = incomplete
        .map((s) => periods.find((p) => p.id === s.period)?.name ?? s.period)
        .join(', ')
    // The reports in for the latest incomplete period (the one the user reads first)
    const reports = incomplete[incomplete.length - 1]?.reports
    if (!reports || reports.expected === 0) {
        return i18n.t(
            '{{system}} – {{periods}} incomplete (not over yet). Not drawn, so a partial total is not read as a drop.',
            { system, periods: names, interpolation: { escapeValue: false } }
        )
    }
    return i18n.t(
        '{{system}} – {{periods}} incomplete ({{reports}} in). Not drawn, so a partial total is not read as a drop.',
        {
            system,
            periods: names,
            reports: i18n.t('{{actual}} of {{expected}} reports', {
                actual: formatNumber(Math.round(reports.actual), { locale }),
                expected: formatNumber(Math.round(reports.expected), { locale }),
                interpolation: { escapeValue: false },
            }),
            interpolation: { escapeValue: false },
        }
    )
}

const RATIO_WORDS = (): Record<string, string> => ({
    BELOW: i18n.t('below the expected band'),
    WITHIN: i18n.t('within the expected band'),
    ABOVE: i18n.t('above the expected band'),
    UNKNOWN: '',
})

/** The stock status figures of a card (beside the charts; folded in a dashboard item). */
const StockFigures = ({
    stock,
    locale,
    compact,
}: {
    stock: NonNullable<PairCardProps['stock']>
    locale: string
    compact: boolean
}) => {
    const { figures } = stock
    const summary = figures?.summary ?? null
    const count = (value: number | null | undefined, estimated = false) =>
        value === null || value === undefined ? '–' : formatNumber(value, { locale, estimated })
    const percent = (value: number | null | undefined) =>
        value === null || value === undefined
            ? '–'
            : formatNumber(value, { kind: 'percent', locale })
    const title = i18n.t('Stock status – {{orgUnit}}, {{period}}', {
        orgUnit: stock.orgUnitName,
        period: stock.periodName,
        interpolation: { escapeValue: false },
    })
    // From the org unit's totals (too many facilities to read one by one): no facility counted
    const totalsOnly = figures?.scope === 'orgUnit'
    // A drilled org unit's facilities are counted from their flags one by one, which is not done
    // when they are too many: its trend (the trend's counts) has them
    const drilledHint = i18n.t('show the trend for {{name}}', {
        name: stock.orgUnitName,
        interpolation: { escapeValue: false },
    })
    const notCounted = figures?.drilled
        ? i18n.t('Not counted for a drilled org unit – {{hint}}', {
              hint: drilledHint,
              interpolation: { escapeValue: false },
          })
        : i18n.t('Not counted at this level – choose a smaller org unit')
    const stockedOut = summary ? (
        <span data-test="stock-stocked-out">
            {totalsOnly && summary.stockedOutPercent === null
                ? notCounted
                : figures?.stockedOutOfReports
                  ? // a quarter of monthly reports: a facility counts once per report it sent
                    i18n.t(
                        '{{percent}} of reports with a stockout ({{facilities}} of {{total}} LMIS reports)',
                        {
                            percent: percent(summary.stockedOutPercent),
                            facilities: count(summary.stockedOut),
                            total: count(summary.reporting),
                            interpolation: { escapeValue: false },
                        }
                    )
                  : i18n.t('{{percent}} stocked out ({{facilities}} of {{total}} facilities)', {
                        percent: percent(summary.stockedOutPercent),
                        facilities: count(summary.stockedOut),
                        total: count(summary.reporting),
                        interpolation: { escapeValue: false },
                    })}
        </span>
    ) : null
    const mos = summary ? (
        <span data-test="stock-mos">
            {count(
                summary.monthsOfStock === null ? null : Math.round(summary.monthsOfStock * 10) / 10
            )}
        </span>
    ) : null
    const entries: { id: string; label: string; value: React.ReactNode }[] = []
    if (summary) {
        entries.push(
            { id: 'stocked-out', label: i18n.t('Facilities stocked out'), value: stockedOut },
            { id: 'mos', label: i18n.t('Months of stock'), value: mos },
            {
                id: 'amc',
                label: i18n.t('Average monthly consumption (AMC)'),
                value: count(summary.amc === null ? null : Math.round(summary.amc)),
            },
            {
                id: 'min-max',
                label: i18n.t('Min–max {{range}}', {
                    range: i18n.t('{{months}} months', {
                        months: `${formatNumber(summary.bands.min, { locale })}–${formatNumber(summary.bands.max, { locale })}`,
                    }),
                    interpolation: { escapeValue: false },
                }),
                value: totalsOnly
                    ? notCounted
                    : i18n.t('{{under}} under · {{within}} within · {{over}} over', {
                          under: count(summary.under),
                          within: count(summary.within),
                          over: count(summary.over),
                          interpolation: { escapeValue: false },
                      }),
            }
        )
    }
    if (figures?.drilled) {
        // Of the trend's org unit, not of this one: not shown as if they were
        entries.push({
            id: 'trend-figures',
            label: i18n.t('Losses, receipts, reports on time, consumption per case'),
            value: i18n.t('Read from an org unit’s own trend – {{hint}}', {
                hint: drilledHint,
                interpolation: { escapeValue: false },
            }),
        })
    } else if (figures) {
        entries.push(
            {
                id: 'losses',
                label: i18n.t('Losses and adjustments'),
                value: count(figures.losses, figures.lossesEstimated),
            },
            {
                id: 'received',
                label: i18n.t('Quantity received'),
                value: count(figures.received, figures.receivedEstimated),
            },
            {
                id: 'on-time',
                label: i18n.t('Reports on time'),
                value: i18n.t('HMIS {{hmis}} · LMIS {{lmis}}', {
                    hmis: percent(figures.hmisOnTime),
                    lmis: percent(figures.lmisOnTime),
                    interpolation: { escapeValue: false },
                }),
            }
        )
        if (figures.ratio) {
            const { value, status, low, high } = figures.ratio
            entries.push({
                id: 'ratio',
                label: i18n.t('Consumption per case'),
                value:
                    value === null
                        ? '–'
                        : i18n.t('{{value}} ({{status}} {{low}}–{{high}})', {
                              value: formatNumber(Math.round(value * 100) / 100, { locale }),
                              status: RATIO_WORDS()[status] ?? '',
                              low: formatNumber(low, { locale }),
                              high: formatNumber(high, { locale }),
                              interpolation: { escapeValue: false },
                          }),
            })
        }
    }
    const list = (
        <dl className={classes.figures}>
            {entries.map((entry) => (
                <div key={entry.id} className={classes.figure} data-test={`figure-${entry.id}`}>
                    <dt>{entry.label}</dt>
                    <dd>{entry.value}</dd>
                </div>
            ))}
        </dl>
    )
    if (compact) {
        return (
            <details
                className={classes.stock}
                data-test="stock-status"
                data-period={figures?.period}
            >
                <summary>
                    {stock.periodName}:{' '}
                    {summary ? (
                        <span data-test="stock-stocked-out">
                            {i18n.t('{{percent}} stocked out', {
                                percent: percent(summary.stockedOutPercent),
                                interpolation: { escapeValue: false },
                            })}
                        </span>
                    ) : stock.loading ? (
                        '…'
                    ) : (
                        '–'
                    )}
                    {mos ? ` · ${i18n.t('Months of stock')} ` : ''}
                    {mos}
                </summary>
                {list}
            </details>
        )
    }
    return (
        <section
            className={classes.stock}
            data-test="stock-status"
            data-period={figures?.period}
            aria-label={title}
        >
            <h3 className={classes.stockTitle}>
                {title}
                {stock.loading && !summary ? ' …' : ''}
            </h3>
            {list}
        </section>
    )
}

const drillValues = (values: ChildValue[]) =>
    values.map(({ id, name, value, estimated }) => ({ id, name, value, estimated }))

/** The numbers of one period of a facility, shown where a click on a month cannot drill. */
const PeriodDetail = ({
    trend,
    index,
    periodName,
    orgUnitName,
    locale,
    onClose,
}: {
    trend: PairTrend
    index: number
    periodName: string
    orgUnitName: string
    locale: string
    onClose: () => void
}) => (
    <div className={classes.periodDetail} data-test="period-detail" role="status">
        <strong>
            {i18n.t('{{period}} – {{orgUnit}}', {
                period: periodName,
                orgUnit: orgUnitName,
                interpolation: { escapeValue: false },
            })}
        </strong>
        <ul className={classes.periodValues}>
            {periodValues(trend, index).map((entry) => (
                <li key={entry.id}>
                    {entry.name}:{' '}
                    <b>
                        {entry.value === null
                            ? i18n.t('no data')
                            : formatNumber(entry.value, {
                                  kind: entry.kind,
                                  estimated: entry.estimated,
                                  locale,
                              })}
                    </b>
                </li>
            ))}
        </ul>
        <span className={classes.hint}>{i18n.t('No level below this org unit to compare.')}</span>
        <Button small secondary onClick={onClose} dataTest="period-detail-close">
            {i18n.t('Close')}
        </Button>
    </div>
)

export const PairCard = ({
    pair,
    locale,
    grain,
    periods,
    periodLabel,
    orgUnitName,
    trend,
    drill,
    canDrillPeriod,
    onDrillPeriod,
    onDrillChild,
    drillAfterPaint = false,
    fillHeight = false,
    stock = null,
}: PairCardProps) => {
    const [showTable, setShowTable] = useState(false)
    const [showTips, setShowTips] = useState(false)
    // A period chosen where there is no level below (a facility): marked and its numbers shown
    const [selected, setSelected] = useState<number | null>(null)
    const tipsButton = useRef<HTMLSpanElement>(null)
    // The tips panel closes with Escape or its Close button too (on a phone it covers the button
    // that opened it), the focus back on that button
    const closeTips = useCallback(() => {
        setShowTips(false)
        tipsButton.current?.querySelector('button')?.focus()
    }, [])
    useEffect(() => {
        if (!showTips) return
        const onKey = (event: KeyboardEvent) => {
            if (event.key === 'Escape') closeTips()
        }
        document.addEventListener('keydown', onKey)
        return () => document.removeEventListener('keydown', onKey)
    }, [showTips, closeTips])
    const tips = tipsFor(pair, locale)
    const serviceName = trend?.hmis.map((s) => s.name).join(', ') || pair.name
    const { ref: chartsRef, grid } = useChartGrid(fillHeight)
    useEffect(() => setSelected(null), [trend, periods, canDrillPeriod])

    // Trend and drill-down options are memoized apart, on what each shows only: a drill-down that
    // is loading keeps the very same trend options, so no chart is drawn again before its data
    // arrives (a new options object re-creates the chart).
    const commodityName = pair.commodity.name
    const drillData = drill?.data ?? null
    const drillPeriodName = drill?.periodName ?? ''
    const drillParentName = drill?.parentName ?? ''
    const drillHighlight = drill?.highlight
    const drillFurther = drill?.canDrillFurther ?? false

    const trendOptions = useMemo((): Record<ChartKind, Highcharts.Options> | null => {
        if (!trend) return null
        const common = {
            commodityName,
            serviceName,
            orgUnitName,
            periodLabel,
            grain,
            periods,
            locale,
            // A click on a period drills down (the drilldown module), except at a facility
            drillable: canDrillPeriod !== false,
        }
        const hmisIncomplete = incompleteIndices(periods, trend.hmisStatus)
        const lmisIncomplete = incompleteIndices(periods, trend.lmisStatus)
        const hint =
            canDrillPeriod === false
                ? i18n.t('Click to see the numbers of this period')
                : i18n.t('Click to compare the org units below in this period')
        return {
            hmis: withTooltipHint(
                buildHmisTrendOptions({
                    ...common,
                    series: trend.hmis,
                    completeness: trend.hmisCompleteness,
                    incomplete: hmisIncomplete,
                }),
                hint
            ),
            lmis: withTooltipHint(
                buildLmisTrendOptions({
                    ...common,
                    // Consumption bars; the percentages (reporting, on time) share one axis; stock on
                    // hand and stockouts are figures beside the charts (counts of facilities)
                    consumption: trend.consumption,
                    stockout: trend.stockoutRate ? { ...trend.stockoutRate, kind: 'rate' } : null,
                    completeness: trend.lmisCompleteness,
                    onTime: trend.lmisOnTime,
                    incomplete: lmisIncomplete,
                }),
                hint
            ),
        }
    }, [
        trend,
        commodityName,
        serviceName,
        orgUnitName,
        periodLabel,
        grain,
        periods,
        locale,
        canDrillPeriod,
    ])
    const drillLevels = useMemo((): Record<ChartKind, DrilldownLevel> | null => {
        if (!drillData) return null
        const hmisValues = drillValues(drillData.hmis)
        const consumptionValues = drillValues(drillData.consumption)
        const common = {
            commodityName,
            serviceName,
            periodName: drillPeriodName,
            parentName: drillParentName,
            highlightId: drillHighlight,
            locale,
            // One order of the org units left and right
            order: sharedDrilldownOrder(hmisValues, consumptionValues),
            clickHint: drillFurther ? i18n.t('Click to go one level down') : undefined,
            drillable: drillFurther,
        }
        return {
            hmis: buildDrilldownLevel({
                ...common,
                measureName: drillData.hmisName,
                values: hmisValues,
                color: seriesColor('hmis'),
            }),
            lmis: buildDrilldownLevel({
                ...common,
                measureName: i18n.t('Consumption'),
                values: consumptionValues,
                color: seriesColor('consumption'),
            }),
        }
    }, [
        drillData,
        commodityName,
        serviceName,
        drillPeriodName,
        drillParentName,
        drillHighlight,
        drillFurther,
        locale,
    ])
    const drillOptions = useMemo(
        (): Record<ChartKind, Highcharts.Options> | null =>
            drillLevels
                ? {
                      hmis: drilldownLevelOptions(drillLevels.hmis),
                      lmis: drilldownLevelOptions(drillLevels.lmis),
                  }
                : null,
        [drillLevels]
    )
    const trendShown = useMemo(
        (): Record<ChartKind, Highcharts.Options | null> => ({
            hmis: trendOptions ? withSelectedCategory(trendOptions.hmis, selected) : null,
            lmis: trendOptions ? withSelectedCategory(trendOptions.lmis, selected) : null,
        }),
        [trendOptions, selected]
    )
    // The level the view shows: the drill-down once its data is in, else the trend
    const targetKey = drill && drillLevels ? drill.key : TREND_KEY
    // What the charts show (and the Download menu exports)
    const shownOptions = useMemo(
        (): Record<ChartKind, Highcharts.Options | null> =>
            !trend ? { hmis: null, lmis: null } : (drillOptions ?? trendShown),
        [trend, drillOptions, trendShown]
    )

    // The charts are created once, at a base level (the trend; or the level a shared link opens
    // at), and drill down and up from it in place with the Highcharts drilldown module, in step
    // with the view's drill-down (its URL: every card of the view follows the one clicked). They
    // are drawn anew only at a level they cannot reach in place (`syncChartDrill`). A chart not
    // drawn yet (its card far from the view, `useDrawTurn`) has no chart object to drill: its
    // base becomes the view's level, so that it is created there in its turn, already drilled.
    const [drilledBase, setDrilledBase] = useState<
        Partial<Record<ChartKind, { key: string; options: Highcharts.Options }>>
    >({})
    const baseOptions = useMemo(
        (): Record<ChartKind, Highcharts.Options | null> =>
            !trend
                ? { hmis: null, lmis: null }
                : {
                      hmis: drilledBase.hmis?.options ?? trendShown.hmis,
                      lmis: drilledBase.lmis?.options ?? trendShown.lmis,
                  },
        [trend, drilledBase, trendShown]
    )
    const hmisChart = useRef<ChartHandle | null>(null)
    const lmisChart = useRef<ChartHandle | null>(null)
    const chartsDrawn = Boolean(grid) && !showTable
    const drillLater = useRef(drillAfterPaint)
    drillLater.current = drillAfterPaint
    const targetRef = useRef(targetKey)
    targetRef.current = targetKey
    // A chart created at another level than the view's (made before the view drilled): synced
    const [created, bumpCreated] = useReducer((n: number) => n + 1, 0)
    const chartCreated = useCallback((chart: Highcharts.Chart, key: string) => {
        setChartBase(chart, key)
        if (key !== targetRef.current) bumpCreated()
    }, [])
    // In a layout effect: the pair clicked is drilled before the browser paints the view's other
    // changes (breadcrumbs, notes), in the same frame
    useLayoutEffect(() => {
        const charts = { hmis: hmisChart, lmis: lmisChart } as const
        const kinds = ['hmis', 'lmis'] as const
        const baseFor = (kind: ChartKind) =>
            targetKey === TREND_KEY || !drillOptions
                ? undefined
                : { key: targetKey, options: drillOptions[kind] }
        // The base of each kind given (only when it changes: a chart drawn anew keeps its old
        // chart object until its turn, and is asked to sync again meanwhile)
        const rebase = (which: readonly ChartKind[]) =>
            setDrilledBase((bases) => {
                const changed = which.filter((kind) => {
                    const next = baseFor(kind)
                    return bases[kind]?.key !== next?.key || bases[kind]?.options !== next?.options
                })
                if (changed.length === 0) return bases
                const next = { ...bases }
                for (const kind of changed) next[kind] = baseFor(kind)
                return next
            })
        // Not drawn yet: made at the view's level in its turn (cheap, no chart to change)
        const undrawn = kinds.filter((kind) => !charts[kind].current?.chart)
        if (undrawn.length > 0) rebase(undrawn)
        const sync = (animate: boolean) => {
            const recreate: ChartKind[] = []
            for (const kind of kinds) {
                const chart = charts[kind].current?.chart
                if (!chart) continue
                const level = targetKey === TREND_KEY ? null : (drillLevels?.[kind] ?? null)
                const base = drilledBase[kind]?.key ?? TREND_KEY
                if (
                    syncChartDrill(chart, base, { key: targetKey, level }, animate) === 'recreate'
                ) {
                    recreate.push(kind)
                }
            }
            if (recreate.length > 0) rebase(recreate)
        }
        if (!drillLater.current) {
            sync(true)
            return
        }
        // After the next paint (a task queued in the frame's callback runs once it is painted)
        let timer: ReturnType<typeof setTimeout> | undefined
        const frame = requestAnimationFrame(() => {
            // Without the animation: less work while the pair clicked animates
            timer = setTimeout(() => sync(false), 0)
        })
        return () => {
            cancelAnimationFrame(frame)
            if (timer !== undefined) clearTimeout(timer)
        }
    }, [targetKey, drillLevels, drillOptions, drilledBase, chartsDrawn, created])

    // What is estimated or not shown, in words (in exported images it is the chart's caption)
    const notes = useMemo(() => {
        if (!trend) return []
        if (drillData) {
            return [drillData.hmis, drillData.consumption].some((values) =>
                values.some((v) => v.estimated && v.value !== null)
            )
                ? [i18n.t('Pale columns with a dashed border are estimates – quarterly value ÷ 3.')]
                : []
        }
        const series = [...trend.hmis, trend.consumption].filter(
            (entry): entry is SeriesData => entry !== null
        )
        const lines = alignmentNotes(
            series.map((entry) => ({
                name: entry.name,
                points: pointsByPeriod(periods, entry.points),
            })),
            periods
        )
        const consumptionPoints = trend.consumption?.points ?? []
        if (consumptionPoints.some((p) => p.reason === 'GROUP_WINDOWS')) {
            lines.push(
                i18n.t(
                    'Quarterly reports are placed in the window each reporting group’s report covers (groups shifted as the mapping says), then summed.'
                )
            )
        } else if (consumptionPoints.some((p) => p.estimated)) {
            lines.push(
                i18n.t(
                    'Quarterly reports are spread over calendar quarters – the mapping names no reporting groups.'
                )
            )
        }
        return lines
    }, [trend, drillData, periods])

    const hmisCompleteness = useCompleteness(
        i18n.t('HMIS'),
        trend?.hmisCompleteness ?? null,
        trend?.hmis[0],
        periods,
        locale
    )
    const lmisCompleteness = useCompleteness(
        i18n.t('LMIS'),
        trend?.lmisCompleteness ?? null,
        trend?.consumption,
        periods,
        locale
    )

    // A drill-down point clicked (the drilldown module's `drilldown` event): the view drills, and
    // every chart follows it once the level's data is in. Other points: a period of a facility.
    const onDrilldown = (point: Highcharts.Point) => {
        const id = (point.options.custom as { orgUnitId?: string } | undefined)?.orgUnitId
        if (id) {
            if (drill?.canDrillFurther) onDrillChild(id)
            return
        }
        const click = periodClick(periods, point.x, canDrillPeriod)
        if (click?.type === 'drill') onDrillPeriod(click.period)
        else if (click?.type === 'select') setSelected(click.index)
    }
    const onPointClick = (point: Highcharts.Point) => {
        const id = (point.options.custom as { orgUnitId?: string } | undefined)?.orgUnitId
        // An org unit without a level below: nothing to drill
        if (!id) onDrilldown(point)
    }

    const downloadCsv = async () => {
        if (!trend) return
        const [{ pairCsv }, { downloadText }] = await Promise.all([
            import('./pair-csv'),
            import('../../shared/download'),
        ])
        const csv = pairCsv(trend, drill?.data ?? null, periods, {
            ...trendLabels(),
            period: i18n.t('Period'),
            periodId: i18n.t('Period id'),
            orgUnit: i18n.t('Org unit'),
            orgUnitId: i18n.t('Org unit id'),
            estimates: i18n.t('Estimated values'),
        })
        const name = drill?.data
            ? exportFilename(pair.name, drill.parentName, drill.periodName)
            : exportFilename(pair.name, orgUnitName, periodLabel)
        downloadText(`${name}.csv`, csv)
    }

    // The trend's latest period: said under the trend, not under another period's drill-down
    const incomplete = drillData
        ? []
        : [hmisCompleteness, lmisCompleteness].filter((c) => c.sentence?.incomplete)
    const openPeriods =
        drillData || !trend
            ? []
            : [
                  incompleteSentence(i18n.t('HMIS'), periods, trend.hmisStatus, locale),
                  incompleteSentence(i18n.t('LMIS'), periods, trend.lmisStatus, locale),
              ].filter((text): text is string => text !== null)
    const selectedPeriod = selected === null ? undefined : periods[selected]

    return (
        <section
            className={fillHeight ? `${classes.card} ${classes.compact}` : classes.card}
            data-test={`pair-card-${pair.id}`}
            aria-label={pair.name}
        >
            <header className={classes.header}>
                <h2 className={classes.title}>{pair.name}</h2>
                <div className={classes.badges}>
                    <CompletenessBadge completeness={hmisCompleteness} locale={locale} />
                    <CompletenessBadge completeness={lmisCompleteness} locale={locale} />
                </div>
                <div className={classes.actions}>
                    {
                        <span ref={tipsButton}>
                            <Button
                                small
                                secondary
                                onClick={() => setShowTips((v) => !v)}
                                dataTest="pair-tips-button"
                            >
                                {i18n.t('How to interpret')}
                            </Button>
                        </span>
                    }
                    <Button
                        small
                        secondary
                        onClick={() => setShowTable((v) => !v)}
                        dataTest="pair-table-toggle"
                    >
                        {showTable ? i18n.t('Show charts') : i18n.t('Show table')}
                    </Button>
                    {trend && <DownloadMenu charts={shownOptions} onCsv={downloadCsv} />}
                </div>
            </header>
            {showTips && (
                // The panel opens once its definitions are loaded (the first time: their code), so
                // that it is placed with its whole content
                <Suspense fallback={null}>
                    <Popover
                        reference={tipsButton}
                        placement="bottom-end"
                        onClickOutside={() => setShowTips(false)}
                    >
                        <div className={classes.tips} data-test="pair-tips">
                            {tips && <p className={classes.tipText}>{tips}</p>}
                            <h3 className={classes.stockTitle}>{i18n.t('Definitions')}</h3>
                            <PairDefinitions className={classes.definitions} />
                            <div className={classes.tipsClose}>
                                <Button
                                    small
                                    secondary
                                    onClick={closeTips}
                                    dataTest="pair-tips-close"
                                >
                                    {i18n.t('Close')}
                                </Button>
                            </div>
                        </div>
                    </Popover>
                </Suspense>
            )}
            {fillHeight &&
                ((trend && stock) ||
                    incomplete.length > 0 ||
                    notes.length > 0 ||
                    openPeriods.length > 0) && (
                    // A dashboard item keeps its height for the charts: the notes and the stock status
                    // share one line, their details on demand
                    <div className={classes.compactLines}>
                        {(incomplete.length > 0 || notes.length > 0 || openPeriods.length > 0) && (
                            <details className={classes.notes} data-test="pair-notes">
                                <summary
                                    className={
                                        incomplete.length > 0 || openPeriods.length > 0
                                            ? classes.incomplete
                                            : undefined
                                    }
                                >
                                    {incomplete.length > 0 || openPeriods.length > 0
                                        ? i18n.t('Incomplete totals – why?')
                                        : i18n.t('About these numbers')}
                                </summary>
                                {openPeriods.map((text) => (
                                    <p key={text} data-test="incomplete-periods">
                                        {text}
                                    </p>
                                ))}
                                {incomplete.map((c) => (
                                    <p key={c.label} data-test="completeness-text">
                                        {c.sentence?.text}
                                    </p>
                                ))}
                                {notes.map((note) => (
                                    <p key={note}>{note}</p>
                                ))}
                            </details>
                        )}
                        {trend && stock && <StockFigures stock={stock} locale={locale} compact />}
                    </div>
                )}
            {!fillHeight &&
                (incomplete.length > 0 || notes.length > 0 || openPeriods.length > 0) && (
                    <div className={classes.notes} data-test="pair-notes">
                        {openPeriods.map((text) => (
                            <p
                                key={text}
                                className={classes.incomplete}
                                data-test="incomplete-periods"
                            >
                                {text}
                            </p>
                        ))}
                        {incomplete.map((c) => (
                            <p
                                key={c.label}
                                className={classes.incomplete}
                                data-test="completeness-text"
                            >
                                {c.sentence?.text}
                            </p>
                        ))}
                        {notes.map((note) => (
                            <p key={note}>{note}</p>
                        ))}
                    </div>
                )}
            {trend && trend.missingItems.length > 0 && (
                <NoticeBox warning title={i18n.t('Some data items no longer exist')}>
                    {i18n.t(
                        'These ids in the mapping were not found on the server – {{ids}}. Ask an administrator to fix the mapping.',
                        {
                            ids: trend.missingItems.join(', '),
                            interpolation: { escapeValue: false },
                        }
                    )}
                </NoticeBox>
            )}
            {trend && !drillData && selectedPeriod && selected !== null && (
                <PeriodDetail
                    trend={trend}
                    index={selected}
                    periodName={selectedPeriod.name}
                    orgUnitName={orgUnitName}
                    locale={locale}
                    onClose={() => setSelected(null)}
                />
            )}
            {!fillHeight && trend && stock && (
                <StockFigures stock={stock} locale={locale} compact={false} />
            )}
            {!trend ? null : showTable ? (
                <Suspense fallback={<CircularLoader small />}>
                    <SeriesTable
                        trend={trend}
                        drill={drill?.data ?? null}
                        periods={periods}
                        locale={locale}
                    />
                </Suspense>
            ) : (
                <div
                    className={classes.charts}
                    ref={chartsRef}
                    style={
                        grid
                            ? { gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))` }
                            : undefined
                    }
                >
                    {grid && baseOptions.hmis && (
                        <Chart
                            options={baseOptions.hmis}
                            onPointClick={onPointClick}
                            onDrilldown={onDrilldown}
                            height={grid.chartHeight}
                            dataTest="chart-hmis"
                            chartRef={hmisChart}
                            levelKey={drilledBase.hmis?.key ?? TREND_KEY}
                            onCreated={chartCreated}
                        />
                    )}
                    {grid && baseOptions.lmis && (
                        <Chart
                            options={baseOptions.lmis}
                            onPointClick={onPointClick}
                            onDrilldown={onDrilldown}
                            height={grid.chartHeight}
                            dataTest="chart-lmis"
                            chartRef={lmisChart}
                            levelKey={drilledBase.lmis?.key ?? TREND_KEY}
                            onCreated={chartCreated}
                        />
                    )}
                </div>
            )}
        </section>
    )
}
