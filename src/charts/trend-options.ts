/**
 * Trend charts of a pair: service data (HMIS) and logistics data (LMIS), over the view's months or
 * quarters, drawn side by side (the pilots' choice over compound indicators).
 */
import i18n from '@dhis2/d2-i18n'
import type { Options, SeriesOptionsType, YAxisOptions } from 'highcharts'
import type { AlignedPoint, Grain } from '../domain/periods'
import { escapeHtml } from '../domain/text'
import {
    alignmentCaption,
    baseOptions,
    chartPoint,
    completenessAxis,
    estimateZones,
    exportFilename,
    pointsByPeriod,
    shortPeriodNames,
    type ChartPeriod,
    type ChartSeriesInput,
    type ValueFormat,
} from './common'
import { seriesColor } from './palette'

/** The id of the reporting-rate series of a trend chart (dropped with its axis in small charts; not the axis id: `chart.get` would find the axis) */
export const COMPLETENESS_SERIES_ID = 'reporting-rate'

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
    /** The user's locale, for the numbers in tooltips */
    locale?: string
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

const categories = (periods: readonly ChartPeriod[]): string[] =>
    periods.map((period) => escapeHtml(period.name))

const lineSeries = (
    input: ChartSeriesInput,
    periods: readonly ChartPeriod[],
    color: string,
    yAxis: number,
    format: ValueFormat,
    extra: Partial<Extract<SeriesOptionsType, { type: 'line' }>> = {}
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
        data: points.map((point) => chartPoint(point, 'line', color, format)),
        ...extra,
    }
}

const completenessSeries = (
    input: ChartSeriesInput,
    periods: readonly ChartPeriod[],
    yAxis: number,
    locale: string | undefined
): SeriesOptionsType =>
    lineSeries(
        { ...input, id: COMPLETENESS_SERIES_ID },
        periods,
        seriesColor('completeness'),
        yAxis,
        { kind: 'percent', locale },
        { lineWidth: 1, marker: { enabled: false }, legendIndex: 99 }
    )

/** The x axis of the periods: labels that rotate, then step, rather than overlap. */
const periodAxis = (periods: readonly ChartPeriod[]) => ({
    categories: categories(periods),
    labels: { useHTML: false, autoRotation: [-45], style: { textOverflow: 'ellipsis' } },
})

const layoutSpec = (
    periods: readonly ChartPeriod[],
    yAxis: readonly YAxisOptions[],
    series: readonly SeriesOptionsType[],
    shortTitle: string
) => ({
    shortTitle: escapeHtml(shortTitle),
    yAxisIds: yAxis.map((axis) => axis.id ?? ''),
    seriesIds: series.map((entry) => entry.id),
    shortCategories: shortPeriodNames(periods.map((period) => period.name)).map(escapeHtml),
    droppedAxisIds: yAxis.some((axis) => axis.id === 'completeness') ? ['completeness'] : [],
    droppedSeriesIds: yAxis.some((axis) => axis.id === 'completeness')
        ? [COMPLETENESS_SERIES_ID]
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
    const series: SeriesOptionsType[] = input.series.map((entry, index) =>
        lineSeries(entry, input.periods, seriesColor('hmis', index), 0, format)
    )
    if (input.completeness) {
        yAxis.push(completenessAxis())
        series.push(completenessSeries(input.completeness, input.periods, 1, input.locale))
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
        xAxis: periodAxis(input.periods),
        yAxis,
        series,
    }
}

export interface LmisTrendInput extends TrendChartInput {
    consumption?: ChartSeriesInput | null
    /** Drawn as a line on the quantity axis */
    stockOnHand?: ChartSeriesInput | null
    /** Stockout days, or stockout rate (% of facilities), on a second axis */
    stockout?: (ChartSeriesInput & { kind: 'days' | 'rate' }) | null
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
                data: points.map((point) => chartPoint(point, 'column', color, format)),
            })
        } else {
            series.push(lineSeries(input.consumption, input.periods, color, 0, format))
        }
    }
    if (input.stockOnHand) {
        drawn.push(input.stockOnHand)
        series.push(
            lineSeries(input.stockOnHand, input.periods, seriesColor('stockOnHand'), 0, format, {
                dashStyle: 'ShortDot',
            })
        )
    }
    if (input.stockout) {
        drawn.push(input.stockout)
        const rate = input.stockout.kind === 'rate'
        yAxis.push({
            id: 'stockout',
            title: {
                text: escapeHtml(
                    rate ? i18n.t('Facilities stocked out (%)') : i18n.t('Stockout days')
                ),
            },
            min: 0,
            max: rate ? 100 : undefined,
            opposite: true,
            labels: { format: rate ? '{value}%' : '{value}', useHTML: false },
        })
        series.push(
            lineSeries(input.stockout, input.periods, seriesColor('stockout'), yAxis.length - 1, {
                kind: rate ? 'percent' : 'count',
                locale: input.locale,
            })
        )
    }
    if (input.completeness) {
        yAxis.push(completenessAxis())
        series.push(
            completenessSeries(input.completeness, input.periods, yAxis.length - 1, input.locale)
        )
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
        xAxis: periodAxis(input.periods),
        yAxis,
        series,
    }
}
