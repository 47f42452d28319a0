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
import React, { Suspense, lazy, useMemo, useRef, useState } from 'react'
import {
    buildDrilldownOptions,
    buildHmisTrendOptions,
    buildLmisTrendOptions,
    exportFilename,
    type ChartPeriod,
} from '../../charts'
import type { Pair } from '../../domain/config'
import type { Grain } from '../../domain/periods'
import { Chart, type ChartHandle } from '../../shared/charts/Chart'
import { downloadChartImage, type ChartImageType } from '../../shared/charts/export-chart'
import { downloadText } from '../../shared/download'
import type { ChildValue, PairDrill } from './drill-model'
import { trendLabels } from './labels'
import { pairCsv } from './pair-export'
import { latestValue, type PairTrend, type SeriesData } from './pair-model'
import classes from './PairCard.module.css'

// The table view is not part of the first view: loaded when first asked for
const SeriesTable = lazy(() => import('./SeriesTable').then((m) => ({ default: m.SeriesTable })))

const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : `${Math.round(value)}%`

/**
 * Reporting completeness of one system for the latest period the chart shows data for (a quarter
 * not reported yet is not "low completeness").
 */
const CompletenessBadge = ({
    label,
    series,
    reference,
}: {
    label: string
    series: SeriesData | null
    reference: SeriesData | null | undefined
}) => {
    const shown = new Set(
        (reference?.points ?? []).filter((p) => p.value !== null).map((p) => p.period)
    )
    const latest = latestValue(
        series && reference
            ? { ...series, points: series.points.filter((p) => shown.has(p.period)) }
            : series
    )
    if (!series) return null
    const value = latest?.value ?? null
    return (
        <Tooltip
            content={i18n.t('{{system}} reports received / expected, latest period – {{value}}', {
                system: label,
                value: percent(value),
                interpolation: { escapeValue: false },
            })}
        >
            <Tag
                neutral={value === null}
                positive={value !== null && value >= 90}
                negative={value !== null && value < 70}
                dataTest="completeness-badge"
            >
                {label} {percent(value)}
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
 * The card's downloads: each chart as an image (made in the browser; the exporting code loads on
 * the first one) and the numbers as CSV.
 */
const DownloadMenu = ({
    charts,
    chartsShown,
    onCsv,
}: {
    charts: Record<ChartKind, React.RefObject<ChartHandle>>
    chartsShown: boolean
    onCsv: () => void
}) => {
    const [open, setOpen] = useState(false)
    const { show: showError } = useAlert(
        () => i18n.t('The image could not be made. Check your connection and try again.'),
        { critical: true }
    )
    const image = (kind: ChartKind, type: ChartImageType) => () => {
        setOpen(false)
        const chart = charts[kind].current?.chart
        if (chart) downloadChartImage(chart, type).catch(() => showError())
    }
    const items: { kind: ChartKind; type: ChartImageType; label: string }[] = [
        { kind: 'hmis', type: 'image/png', label: i18n.t('Service chart as image (PNG)') },
        { kind: 'lmis', type: 'image/png', label: i18n.t('Logistics chart as image (PNG)') },
        { kind: 'hmis', type: 'image/svg+xml', label: i18n.t('Service chart as vector (SVG)') },
        { kind: 'lmis', type: 'image/svg+xml', label: i18n.t('Logistics chart as vector (SVG)') },
    ]
    return (
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
                            disabled={!chartsShown}
                            onClick={image(item.kind, item.type)}
                            dataTest={`pair-download-${item.kind}-${item.type === 'image/png' ? 'png' : 'svg'}`}
                        />
                    ))}
                    <MenuItem
                        label={i18n.t('Numbers as a spreadsheet (CSV)')}
                        onClick={() => {
                            setOpen(false)
                            onCsv()
                        }}
                        dataTest="pair-download-csv"
                    />
                </FlyoutMenu>
            }
        >
            {i18n.t('Download')}
        </DropdownButton>
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
        data: PairDrill | null
        periodName: string
        parentName: string
        canDrillFurther: boolean
        highlight?: string
    } | null
    onDrillPeriod: (periodId: string) => void
    onDrillChild: (orgUnitId: string) => void
    chartHeight?: number
}

const drillValues = (values: ChildValue[]) =>
    values.map(({ id, name, value }) => ({ id, name, value }))

export const PairCard = ({
    pair,
    locale,
    grain,
    periods,
    periodLabel,
    orgUnitName,
    trend,
    drill,
    onDrillPeriod,
    onDrillChild,
    chartHeight,
}: PairCardProps) => {
    const [showTable, setShowTable] = useState(false)
    const [showTips, setShowTips] = useState(false)
    const hmisChart = useRef<ChartHandle>(null)
    const lmisChart = useRef<ChartHandle>(null)
    const tipsButton = useRef<HTMLSpanElement>(null)
    const tips = tipsFor(pair, locale)
    const serviceName = trend?.hmis.map((s) => s.name).join(', ') || pair.name

    // Trend and drill-down options are memoized apart, on what each shows only: a drill-down that
    // is loading keeps the very same trend options, so no chart is drawn again before its data
    // arrives (a new options object re-creates the chart).
    const commodityName = pair.commodity.name
    const drillData = drill?.data ?? null
    const drillPeriodName = drill?.periodName ?? ''
    const drillParentName = drill?.parentName ?? ''
    const drillHighlight = drill?.highlight

    const trendOptions = useMemo((): Record<'hmis' | 'lmis', Highcharts.Options> | null => {
        if (!trend) return null
        const common = { commodityName, serviceName, orgUnitName, periodLabel, grain, periods }
        return {
            hmis: buildHmisTrendOptions({
                ...common,
                series: trend.hmis,
                completeness: trend.hmisCompleteness,
            }),
            lmis: buildLmisTrendOptions({
                ...common,
                consumption: trend.consumption,
                stockOnHand: trend.stockOnHand,
                stockout: trend.stockoutDays ? { ...trend.stockoutDays, kind: 'days' } : null,
                completeness: trend.lmisCompleteness,
            }),
        }
    }, [trend, commodityName, serviceName, orgUnitName, periodLabel, grain, periods])
    const drillOptions = useMemo((): Record<'hmis' | 'lmis', Highcharts.Options> | null => {
        if (!drillData) return null
        const common = {
            commodityName,
            serviceName,
            periodName: drillPeriodName,
            parentName: drillParentName,
            highlightId: drillHighlight,
        }
        return {
            hmis: buildDrilldownOptions({
                ...common,
                measureName: drillData.hmisName,
                values: drillValues(drillData.hmis),
            }),
            lmis: buildDrilldownOptions({
                ...common,
                measureName: i18n.t('Consumption'),
                values: drillValues(drillData.consumption),
                color: '#e65100',
            }),
        }
    }, [drillData, commodityName, serviceName, drillPeriodName, drillParentName, drillHighlight])
    const hmisOptions = trend ? (drillOptions?.hmis ?? trendOptions?.hmis ?? null) : null
    const lmisOptions = trend ? (drillOptions?.lmis ?? trendOptions?.lmis ?? null) : null

    const onTrendClick = (point: Highcharts.Point) => {
        const period = periods[point.x]
        if (period) onDrillPeriod(period.id)
    }
    const onDrillClick = (point: Highcharts.Point) => {
        const id = (point.options.custom as { orgUnitId?: string } | undefined)?.orgUnitId
        if (id && drill?.canDrillFurther) onDrillChild(id)
    }

    const downloadCsv = () => {
        if (!trend) return
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

    return (
        <section className={classes.card} data-test={`pair-card-${pair.id}`} aria-label={pair.name}>
            <header className={classes.header}>
                <h2 className={classes.title}>{pair.name}</h2>
                <div className={classes.badges}>
                    <CompletenessBadge
                        label={i18n.t('HMIS')}
                        series={trend?.hmisCompleteness ?? null}
                        reference={trend?.hmis[0]}
                    />
                    <CompletenessBadge
                        label={i18n.t('LMIS')}
                        series={trend?.lmisCompleteness ?? null}
                        reference={trend?.consumption}
                    />
                </div>
                <div className={classes.actions}>
                    {tips && (
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
                    )}
                    <Button
                        small
                        secondary
                        onClick={() => setShowTable((v) => !v)}
                        dataTest="pair-table-toggle"
                    >
                        {showTable ? i18n.t('Show charts') : i18n.t('Show table')}
                    </Button>
                    {trend && (
                        <DownloadMenu
                            charts={{ hmis: hmisChart, lmis: lmisChart }}
                            chartsShown={!showTable}
                            onCsv={downloadCsv}
                        />
                    )}
                </div>
            </header>
            {showTips && tips && (
                <Popover
                    reference={tipsButton}
                    placement="bottom-end"
                    onClickOutside={() => setShowTips(false)}
                >
                    <div className={classes.tips} data-test="pair-tips">
                        {tips}
                    </div>
                </Popover>
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
            {!trend ? null : showTable ? (
                <Suspense fallback={<CircularLoader small />}>
                    <SeriesTable trend={trend} drill={drill?.data ?? null} periods={periods} />
                </Suspense>
            ) : (
                <div className={classes.charts}>
                    {hmisOptions && (
                        <Chart
                            options={hmisOptions}
                            onPointClick={drill?.data ? onDrillClick : onTrendClick}
                            height={chartHeight}
                            dataTest="chart-hmis"
                            chartRef={hmisChart}
                        />
                    )}
                    {lmisOptions && (
                        <Chart
                            options={lmisOptions}
                            onPointClick={drill?.data ? onDrillClick : onTrendClick}
                            height={chartHeight}
                            dataTest="chart-lmis"
                            chartRef={lmisChart}
                        />
                    )}
                </div>
            )}
        </section>
    )
}
