import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox, Popover, Tag, Tooltip } from '@dhis2/ui'
import type Highcharts from 'highcharts'
import React, { useMemo, useRef, useState } from 'react'
import {
    buildDrilldownOptions,
    buildHmisTrendOptions,
    buildLmisTrendOptions,
    type ChartPeriod,
} from '../../charts'
import type { Pair } from '../../domain/config'
import type { Grain } from '../../domain/periods'
import { Chart } from '../../shared/charts/Chart'
import type { ChildValue, PairDrill } from './drill-model'
import { latestValue, type PairTrend, type SeriesData } from './pair-model'
import { SeriesTable } from './SeriesTable'
import classes from './PairCard.module.css'

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
    const tipsButton = useRef<HTMLSpanElement>(null)
    const tips = tipsFor(pair, locale)
    const serviceName = trend?.hmis.map((s) => s.name).join(', ') || pair.name

    const hmisOptions = useMemo((): Highcharts.Options | null => {
        if (!trend) return null
        if (drill?.data) {
            return buildDrilldownOptions({
                commodityName: pair.commodity.name,
                serviceName,
                measureName: drill.data.hmisName,
                periodName: drill.periodName,
                parentName: drill.parentName,
                values: drillValues(drill.data.hmis),
                highlightId: drill.highlight,
            })
        }
        return buildHmisTrendOptions({
            commodityName: pair.commodity.name,
            serviceName,
            orgUnitName,
            periodLabel,
            grain,
            periods,
            series: trend.hmis,
            completeness: trend.hmisCompleteness,
        })
    }, [trend, drill, pair, serviceName, orgUnitName, periodLabel, grain, periods])

    const lmisOptions = useMemo((): Highcharts.Options | null => {
        if (!trend) return null
        if (drill?.data) {
            return buildDrilldownOptions({
                commodityName: pair.commodity.name,
                serviceName,
                measureName: i18n.t('Consumption'),
                periodName: drill.periodName,
                parentName: drill.parentName,
                values: drillValues(drill.data.consumption),
                highlightId: drill.highlight,
                color: '#e65100',
            })
        }
        return buildLmisTrendOptions({
            commodityName: pair.commodity.name,
            serviceName,
            orgUnitName,
            periodLabel,
            grain,
            periods,
            consumption: trend.consumption,
            stockOnHand: trend.stockOnHand,
            stockout: trend.stockoutDays ? { ...trend.stockoutDays, kind: 'days' } : null,
            completeness: trend.lmisCompleteness,
        })
    }, [trend, drill, pair, serviceName, orgUnitName, periodLabel, grain, periods])

    const onTrendClick = (point: Highcharts.Point) => {
        const period = periods[point.x]
        if (period) onDrillPeriod(period.id)
    }
    const onDrillClick = (point: Highcharts.Point) => {
        const id = (point.options.custom as { orgUnitId?: string } | undefined)?.orgUnitId
        if (id && drill?.canDrillFurther) onDrillChild(id)
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
                <SeriesTable trend={trend} drill={drill?.data ?? null} periods={periods} />
            ) : (
                <div className={classes.charts}>
                    {hmisOptions && (
                        <Chart
                            options={hmisOptions}
                            onPointClick={drill?.data ? onDrillClick : onTrendClick}
                            height={chartHeight}
                            dataTest="chart-hmis"
                        />
                    )}
                    {lmisOptions && (
                        <Chart
                            options={lmisOptions}
                            onPointClick={drill?.data ? onDrillClick : onTrendClick}
                            height={chartHeight}
                            dataTest="chart-lmis"
                        />
                    )}
                </div>
            )}
        </section>
    )
}
