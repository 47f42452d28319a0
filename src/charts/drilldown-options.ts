/**
 * One period across the children of an org unit (district → facilities...), to tell a national
 * trend from one area's spike. Columns sorted from highest to lowest; only the top N are drawn and
 * the rest are counted in the subtitle ("N more in the table"), so a level with hundreds of
 * facilities stays readable.
 */
import i18n from '@dhis2/d2-i18n'
import type { Options, PointOptionsObject } from 'highcharts'
import { escapeHtml } from '../domain/text'
import { CHART_COLORS, baseOptions, exportFilename } from './common'

export const DEFAULT_DRILLDOWN_TOP = 15

export interface DrilldownValue {
    /** Org unit id: kept on the point (`custom.orgUnitId`) for drilling further */
    id: string
    /** Plain text */
    name: string
    value: number | null
}

export interface DrilldownInput {
    commodityName: string
    serviceName: string
    /** What is shown, plain text: e.g. `Consumption`, `Facility deliveries` */
    measureName: string
    /** Plain text, e.g. `March 2024` */
    periodName: string
    /** The org unit whose children are shown, plain text */
    parentName: string
    values: readonly DrilldownValue[]
    /** How many columns to draw; default 15 */
    top?: number
    /** `percent` fixes the axis to 0–100 % */
    unit?: 'count' | 'percent'
    /** An org unit to highlight (e.g. from an alert) */
    highlightId?: string
    color?: string
}

export interface DrilldownSplit {
    shown: DrilldownValue[]
    /** Children with a value beyond the top N */
    more: number
    /** Children without a value */
    withoutData: number
}

/** Sorts by value (highest first, then by name) and keeps the top N with a value. */
export const splitDrilldownValues = (
    values: readonly DrilldownValue[],
    top: number = DEFAULT_DRILLDOWN_TOP
): DrilldownSplit => {
    const withValue = values
        .filter(
            (entry): entry is DrilldownValue & { value: number } =>
                typeof entry.value === 'number' && Number.isFinite(entry.value)
        )
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    const count = Math.max(0, Math.floor(top))
    return {
        shown: withValue.slice(0, count),
        more: Math.max(0, withValue.length - count),
        withoutData: values.length - withValue.length,
    }
}

/** Columns of one period across child org units, sorted descending, top N. */
export const buildDrilldownOptions = (input: DrilldownInput): Options => {
    const { shown, more, withoutData } = splitDrilldownValues(input.values, input.top)
    const commodity = escapeHtml(input.commodityName)
    const service = escapeHtml(input.serviceName)
    const measure = escapeHtml(input.measureName)
    const period = escapeHtml(input.periodName)
    const parent = escapeHtml(input.parentName)
    const color = input.color ?? CHART_COLORS.consumption
    const percent = input.unit === 'percent'

    const notes = [parent]
    if (more > 0) {
        notes.push(
            i18n.t('{{number}} more in the table', {
                number: String(more),
                interpolation: { escapeValue: false },
            })
        )
    }
    if (withoutData > 0) {
        notes.push(
            i18n.t('{{number}} without data', {
                number: String(withoutData),
                interpolation: { escapeValue: false },
            })
        )
    }

    const data: PointOptionsObject[] = shown.map((entry) => {
        const point: PointOptionsObject = {
            y: entry.value,
            name: escapeHtml(entry.name),
            custom: { orgUnitId: entry.id, note: '' },
        }
        if (entry.id === input.highlightId) {
            point.color = CHART_COLORS.highlight
            point.borderColor = '#000000'
            point.borderWidth = 2
            point.accessibility = { description: i18n.t('Highlighted') }
        }
        return point
    })

    return {
        ...baseOptions({
            title: i18n.t('{{commodity}} \u2194 {{service}} – {{measure}} in {{period}}', {
                commodity,
                service,
                measure,
                period,
                interpolation: { escapeValue: false },
            }),
            subtitle: notes.join(' \u00b7 '),
            description: i18n.t(
                '{{measure}} in {{period}} for each org unit in {{parent}}, highest first.',
                { measure, period, parent, interpolation: { escapeValue: false } }
            ),
            filename: exportFilename(
                input.commodityName,
                input.serviceName,
                input.measureName,
                input.periodName
            ),
        }),
        chart: { type: 'column' },
        legend: { enabled: false, useHTML: false },
        xAxis: { type: 'category', labels: { useHTML: false } },
        yAxis: {
            title: { text: measure },
            min: 0,
            max: percent ? 100 : undefined,
            labels: { format: percent ? '{value}%' : '{value}', useHTML: false },
        },
        tooltip: {
            shared: false,
            useHTML: false,
            headerFormat: '<span style="font-size: 0.8em">{point.key}</span><br/>',
            pointFormat: percent
                ? '{series.name}: <b>{point.y}%</b>'
                : '{series.name}: <b>{point.y}</b>',
        },
        plotOptions: {
            series: { connectNulls: false, animation: false },
            column: { cursor: 'pointer', colorByPoint: false },
        },
        series: [{ type: 'column', name: measure, color, data }],
    }
}
