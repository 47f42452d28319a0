/**
 * Trend charts of a pair: service data (HMIS) and logistics data (LMIS), over the view's months or
 * quarters, drawn side by side (the pilots' choice over compound indicators).
 */
import i18n from '@dhis2/d2-i18n'
import type {
    AxisLabelsFormatterContextObject,
    Options,
    PointOptionsObject,
    SeriesOptionsType,
    YAxisOptions,
} from 'highcharts'
import type { AlignedPoint, Grain } from '../domain/periods'
import { escapeHtml } from '../domain/text'
import {
    alignmentCaption,
    baseOptions,
    chartPoint,
    completenessAxis,
    describePoints,
    estimateZones,
    exportFilename,
    pointsByPeriod,
    shortPeriodNames,
    type ChartPeriod,
    type ChartSeriesInput,
    type DescribePoint,
    type ValueFormat,
} from './common'
import { NARROW_WIDTH } from './layout'
import { seriesColor } from './palette'

/** The id of the reporting-rate series of a trend chart (dropped with its axis in small charts; not the axis id: `chart.get` would find the axis) */
export const COMPLETENESS_SERIES_ID = 'reporting-rate'
/** The id of the reports-on-time series (dropped with the percent axis in small charts) */
export const ON_TIME_SERIES_ID = 'reports-on-time'

export interface TrendChartInput {
    /** Plain text, e.g. `Oxytocin 10 IU` */
    commodityName: string
    /** Plain text: the HMIS service, e.g. `Facility deliveries` */
    serviceName: string
    /** Plain text, e.g. `Bo` */
    orgUnitName: string
    /** Plain text, e.g. `Last 12 months` */
    periodLabel?: string
    grain: Grain
    /** The x axis, in order */
    periods: readonly ChartPeriod[]
    /** Reporting rate (%) of the data set(s), aligned to the periods; drawn as a thin line */
    completeness?: ChartSeriesInput | null
    /**
     * Periods (indices of `periods`) whose reports are not all due or in: shaded and labelled
     * "incomplete", their values not drawn (`domain/periods/period-completeness.ts`)
     */
    incomplete?: readonly number[]
    /** The user's locale, for the numbers in tooltips */
    locale?: string
    /**
     * A click on a period drills down (the org units below): each point is a drill-down point of
     * the Highcharts drilldown module (`drilldown`: its period id)
     */
    drillable?: boolean
}

export interface HmisTrendInput extends TrendChartInput {
    /** One series per HMIS item */
    series: readonly ChartSeriesInput[]
}

const subtitle = (input: TrendChartInput): string =>
    escapeHtml(
        [
            input.orgUnitName,
            input.periodLabel,
            input.grain === 'monthly' ? i18n.t('monthly') : i18n.t('quarterly'),
        ]
            .filter(Boolean)
            .join(' \u00b7 ')
    )

/**
 * The points of a series on the periods' category axis: each named after its period (the axis
 * takes its categories from the names, as the drilled org units do: one axis for both) and, when
 * the view can drill, a drill-down point of its period.
 */
const onPeriods = (
    data: PointOptionsObject[],
    periods: readonly ChartPeriod[],
    drillable: boolean | undefined
): PointOptionsObject[] =>
    data.map((point, index) => {
        const period = periods[index]
        if (!period) return point
        return {
            ...point,
            name: escapeHtml(period.name),
            ...(drillable ? { drilldown: period.id } : {}),
        }
    })

const lineSeries = (
    input: ChartSeriesInput,
    periods: readonly ChartPeriod[],
    color: string,
    yAxis: number,
    format: ValueFormat,
    extra: Partial<Extract<SeriesOptionsType, { type: 'line' }>> = {},
    drillable?: boolean,
    describe?: DescribePoint
): SeriesOptionsType => {
    const points = pointsByPeriod(periods, input.points)
    return {
        type: 'line',
        id: input.id,
        name: escapeHtml(input.name),
        color,
        yAxis,
        zoneAxis: 'x',
        zones: estimateZones(points),
        marker: { enabled: true, radius: 3 },
        data: onPeriods(
            points.map((point) => chartPoint(point, 'line', color, format, describe)),
            periods,
            drillable
        ),
        ...extra,
    }
}

const completenessSeries = (
    input: ChartSeriesInput,
    periods: readonly ChartPeriod[],
    yAxis: number,
    locale: string | undefined,
    drillable?: boolean,
    describe?: DescribePoint
): SeriesOptionsType =>
    lineSeries(
        { ...input, id: COMPLETENESS_SERIES_ID },
        periods,
        seriesColor('completeness'),
        yAxis,
        { kind: 'percent', locale },
        { lineWidth: 1, marker: { enabled: false }, legendIndex: 99 },
        drillable,
        describe
    )

/**
 * The x axis of the periods: labels that rotate, then step, rather than overlap, and short period
 * names in a narrow chart (the width of the layout rule's narrow charts). A category axis named by
 * the points (not `categories`): the drilldown module draws the org units below on this same axis.
 */
const periodAxis = (periods: readonly ChartPeriod[], incomplete: readonly number[] = []) => {
    const short = new Map(
        shortPeriodNames(periods.map((period) => period.name)).map((name, index) => [
            escapeHtml(periods[index]?.name ?? ''),
            escapeHtml(name),
        ])
    )
    return {
        type: 'category' as const,
        uniqueNames: false,
        labels: {
            useHTML: false,
            autoRotation: [-45],
            style: { textOverflow: 'ellipsis' },
            formatter(this: AxisLabelsFormatterContextObject): string {
                const text = String(this.value)
                return this.chart.chartWidth <= NARROW_WIDTH ? (short.get(text) ?? text) : text
            },
        },
        plotBands: incomplete.map((index) => ({
            from: index - 0.5,
            to: index + 0.5,
            color: 'rgba(117, 117, 117, 0.12)',
            zIndex: 0,
            label: {
                text: escapeHtml(i18n.t('incomplete')),
                rotation: -90,
                verticalAlign: 'top' as const,
                textAlign: 'right' as const,
                y: 6,
                x: 4,
                useHTML: false,
                // Highcharts gives a band's label the band's width: the rotated word may be longer
                style: {
                    fontSize: '10px',
                    color: '#4a5768',
                    width: 200,
                    textOverflow: 'clip',
                    whiteSpace: 'nowrap',
                },
            },
        })),
    }
}

const layoutSpec = (
    periods: readonly ChartPeriod[],
    yAxis: readonly YAxisOptions[],
    series: readonly SeriesOptionsType[],
    shortTitle: string
) => ({
    shortTitle: escapeHtml(shortTitle),
    yAxisIds: yAxis.map((axis) => axis.id ?? ''),
    seriesIds: series.map((entry) => entry.id),
    droppedAxisIds: yAxis.some((axis) => axis.id === 'completeness') ? ['completeness'] : [],
    droppedSeriesIds: yAxis.some((axis) => axis.id === 'completeness')
        ? series
              .filter((entry) => entry.yAxis === yAxis.findIndex((a) => a.id === 'completeness'))
              .map((entry) => entry.id ?? '')
        : [],
})

const allPoints = (
    series: readonly ChartSeriesInput[],
    periods: readonly ChartPeriod[]
): { name: string; points: (AlignedPoint | undefined)[] }[] =>
    series.map((entry) => ({ name: entry.name, points: pointsByPeriod(periods, entry.points) }))

/** Service data (HMIS) of a pair over time, with the HMIS reporting rate. */
export const buildHmisTrendOptions = (input: HmisTrendInput): Options => {
    const commodity = escapeHtml(input.commodityName)
    const service = escapeHtml(input.serviceName)
    const orgUnit = escapeHtml(input.orgUnitName)
    const yAxis: YAxisOptions[] = [
        {
            id: 'services',
            title: { text: escapeHtml(i18n.t('Services / cases')) },
            min: 0,
            labels: { useHTML: false },
        },
    ]
    const format: ValueFormat = { kind: 'count', locale: input.locale }
    const describe = describePoints()
    const series: SeriesOptionsType[] = input.series.map((entry, index) =>
        lineSeries(
            entry,
            input.periods,
            seriesColor('hmis', index),
            0,
            format,
            {},
            input.drillable,
            describe
        )
    )
    if (input.completeness) {
        yAxis.push(completenessAxis())
        series.push(
            completenessSeries(
                input.completeness,
                input.periods,
                1,
                input.locale,
                input.drillable,
                describe
            )
        )
    }
    return {
        ...baseOptions({
            title: i18n.t('{{commodity}} \u2194 {{service}} – service data (HMIS)', {
                commodity,
                service,
                interpolation: { escapeValue: false },
            }),
            subtitle: subtitle(input),
            caption: alignmentCaption(allPoints(input.series, input.periods), input.periods),
            description: i18n.t(
                'Service data (HMIS) for {{service}}, the service {{commodity}} is used for, in {{orgUnit}}.',
                { service, commodity, orgUnit, interpolation: { escapeValue: false } }
            ),
            filename: exportFilename(input.commodityName, input.serviceName, 'hmis'),
            layout: layoutSpec(input.periods, yAxis, series, i18n.t('Service data (HMIS)')),
        }),
        chart: { type: 'line' },
        xAxis: periodAxis(input.periods, input.incomplete),
        yAxis,
        series,
    }
}

export interface LmisTrendInput extends TrendChartInput {
    consumption?: ChartSeriesInput | null
    /** Drawn as a line on the quantity axis */
    stockOnHand?: ChartSeriesInput | null
    /**
     * Stockout rate (% of facilities) on the percent axis of the reporting rate; stockout days
     * (a sum over facilities, hard to read) on an axis of their own
     */
    stockout?: (ChartSeriesInput & { kind: 'days' | 'rate' }) | null
    /** Reports on time (%), on the percent axis */
    onTime?: ChartSeriesInput | null
    /** Consumption as columns (default) or a line */
    consumptionStyle?: 'column' | 'line'
}

/** Logistics data (LMIS) of a pair over time: consumption, stock on hand, stockouts. */
export const buildLmisTrendOptions = (input: LmisTrendInput): Options => {
    const commodity = escapeHtml(input.commodityName)
    const service = escapeHtml(input.serviceName)
    const orgUnit = escapeHtml(input.orgUnitName)
    const yAxis: YAxisOptions[] = [
        {
            id: 'quantity',
            title: { text: escapeHtml(i18n.t('Quantity')) },
            min: 0,
            labels: { useHTML: false },
        },
    ]
    const series: SeriesOptionsType[] = []
    const drawn: ChartSeriesInput[] = []
    const format: ValueFormat = { kind: 'count', locale: input.locale }
    const describe = describePoints()

    if (input.consumption) {
        drawn.push(input.consumption)
        const color = seriesColor('consumption')
        if ((input.consumptionStyle ?? 'column') === 'column') {
            const points = pointsByPeriod(input.periods, input.consumption.points)
            series.push({
                type: 'column',
                id: input.consumption.id,
                name: escapeHtml(input.consumption.name),
                color,
                yAxis: 0,
                data: onPeriods(
                    points.map((point) => chartPoint(point, 'column', color, format, describe)),
                    input.periods,
                    input.drillable
                ),
            })
        } else {
            series.push(
                lineSeries(
                    input.consumption,
                    input.periods,
                    color,
                    0,
                    format,
                    {},
                    input.drillable,
                    describe
                )
            )
        }
    }
    if (input.stockOnHand) {
        drawn.push(input.stockOnHand)
        series.push(
            lineSeries(
                input.stockOnHand,
                input.periods,
                seriesColor('stockOnHand'),
                0,
                format,
                { dashStyle: 'ShortDot' },
                input.drillable,
                describe
            )
        )
    }
    if (input.stockout?.kind === 'days') {
        drawn.push(input.stockout)
        yAxis.push({
            id: 'stockout',
            title: { text: escapeHtml(i18n.t('Stockout days')) },
            min: 0,
            opposite: true,
            labels: { format: '{value}', useHTML: false },
        })
        series.push(
            lineSeries(
                input.stockout,
                input.periods,
                seriesColor('stockout'),
                yAxis.length - 1,
                { kind: 'count', locale: input.locale },
                {},
                input.drillable,
                describe
            )
        )
    }
    // One percent axis (0–100 %) for the stockout rate and the reporting rates: two axes, not three
    const rate = input.stockout?.kind === 'rate' ? input.stockout : null
    if (rate || input.completeness || input.onTime) {
        yAxis.push({
            ...completenessAxis(),
            title: { text: escapeHtml(i18n.t('Percent')) },
        })
        const axis = yAxis.length - 1
        const percent: ValueFormat = { kind: 'percent', locale: input.locale }
        if (rate) {
            drawn.push(rate)
            series.push(
                lineSeries(
                    rate,
                    input.periods,
                    seriesColor('stockout'),
                    axis,
                    percent,
                    {},
                    input.drillable,
                    describe
                )
            )
        }
        if (input.completeness) {
            series.push(
                completenessSeries(
                    input.completeness,
                    input.periods,
                    axis,
                    input.locale,
                    input.drillable,
                    describe
                )
            )
        }
        if (input.onTime) {
            series.push(
                lineSeries(
                    { ...input.onTime, id: ON_TIME_SERIES_ID },
                    input.periods,
                    seriesColor('completeness'),
                    axis,
                    percent,
                    {
                        lineWidth: 1,
                        dashStyle: 'ShortDash',
                        marker: { enabled: false },
                        legendIndex: 100,
                    },
                    input.drillable,
                    describe
                )
            )
        }
    }
    return {
        ...baseOptions({
            title: i18n.t('{{commodity}} \u2194 {{service}} – logistics data (LMIS)', {
                commodity,
                service,
                interpolation: { escapeValue: false },
            }),
            subtitle: subtitle(input),
            caption: alignmentCaption(allPoints(drawn, input.periods), input.periods),
            description: i18n.t(
                'Logistics data (LMIS) for {{commodity}}, used for {{service}}, in {{orgUnit}}.',
                { service, commodity, orgUnit, interpolation: { escapeValue: false } }
            ),
            filename: exportFilename(input.commodityName, input.serviceName, 'lmis'),
            layout: layoutSpec(input.periods, yAxis, series, i18n.t('Logistics data (LMIS)')),
        }),
        chart: { type: 'column' },
        xAxis: periodAxis(input.periods, input.incomplete),
        yAxis,
        series,
    }
}
