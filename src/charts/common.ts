/**
 * What the chart builders share: base options (accessibility on, offline exporting, no HTML in
 * text), colours, and turning aligned points into Highcharts points that show estimates.
 *
 * Text safety: names come from the server and the configuration and are plain text. Highcharts
 * parses a subset of HTML in titles, labels, legends and tooltips even with `useHTML: false` (it
 * renders SVG text through its own markup parser), so every such string is escaped with
 * `escapeHtml` before it reaches the options, and translated templates are interpolated without
 * i18next's own escaping (which would escape twice).
 */
import i18n from '@dhis2/d2-i18n'
import type {
    Options,
    PointOptionsObject,
    SeriesZonesOptionsObject,
    YAxisOptions,
} from 'highcharts'
import { describeAlignment, type AlignedPoint } from '../domain/periods'
import { escapeHtml } from '../domain/text'
import { fileNamePart } from '../shared/download/csv'

/** Series colours: distinct, readable on white; estimates also differ by shape, not only colour */
export const CHART_COLORS = {
    hmis: ['#1565c0', '#6a1b9a', '#00838f', '#ad1457', '#4e342e'],
    consumption: '#2e7d32',
    stockOnHand: '#6d4c41',
    stockout: '#c62828',
    completeness: '#757575',
    highlight: '#ef6c00',
} as const

/** A period on the x axis */
export interface ChartPeriod {
    id: string
    name: string
}

/** A series to draw: its (plain-text) name and its aligned points, matched to periods by id */
export interface ChartSeriesInput {
    id?: string
    name: string
    points: readonly AlignedPoint[]
}

/** Lower-case file name without extension for exported charts (at most 80 characters) */
export const exportFilename = (...parts: readonly string[]): string =>
    fileNamePart(parts.join('-'), 'chart').slice(0, 80)

export interface BaseOptionsInput {
    /** Already escaped */
    title: string
    /** Already escaped */
    subtitle?: string
    /** Already escaped; shown under the chart and in exports */
    caption?: string
    /** Already escaped; read by screen readers */
    description: string
    filename: string
}

/** Options every chart of the app has. */
export const baseOptions = ({
    title,
    subtitle,
    caption,
    description,
    filename,
}: BaseOptionsInput): Options => ({
    title: { text: title, useHTML: false },
    subtitle: { text: subtitle ?? '', useHTML: false },
    caption: { text: caption ?? '', useHTML: false },
    credits: { enabled: false },
    accessibility: { enabled: true, description },
    exporting: {
        enabled: true,
        // Export in the browser (offline-exporting module); never send data to export.highcharts.com
        local: true,
        fallbackToExportServer: false,
        filename,
        // The card's Download menu exports (loading the module on demand), not a button per chart
        buttons: { contextButton: { enabled: false } },
    },
    legend: { enabled: true, useHTML: false },
    tooltip: {
        shared: true,
        useHTML: false,
        headerFormat: '<span style="font-size: 0.8em">{point.key}</span><br/>',
        pointFormat:
            '<span style="color:{point.color}">\u25CF</span> {series.name}: <b>{point.y}</b>{point.custom.note}<br/>',
    },
    plotOptions: {
        series: { connectNulls: false, animation: false },
    },
})

/** The points of a series in the order of the periods (`undefined` where none). */
export const pointsByPeriod = (
    periods: readonly ChartPeriod[],
    points: readonly AlignedPoint[]
): (AlignedPoint | undefined)[] => {
    const byId = new Map(points.map((point) => [point.period, point]))
    return periods.map((period) => byId.get(period.id))
}

/** `#2e7d32` → `rgba(46, 125, 50, 0.25)` */
export const withOpacity = (hex: string, opacity: number): string => {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
    if (!match) {
        return hex
    }
    const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16))
    return `rgba(${r}, ${g}, ${b}, ${opacity})`
}

/** Values shown with at most one decimal (estimates such as 330 ÷ 3 = 110.0 or 33.3). */
const displayValue = (value: number): number => Math.round(value * 10) / 10

/** The tooltip note of a point: its alignment explanation, escaped, or ''. */
export const pointNote = (point: AlignedPoint | undefined): string => {
    const note = point ? describeAlignment(point) : null
    return note ? ` \u2014 ${escapeHtml(note)}` : ''
}

export type PointStyle = 'column' | 'line'

/**
 * A Highcharts point for an aligned point. Estimates are marked by shape, not colour alone: a
 * hollow diamond on lines, a pale column with a dashed border on columns; their tooltip says how
 * they were estimated.
 */
export const chartPoint = (
    point: AlignedPoint | undefined,
    style: PointStyle,
    color: string
): PointOptionsObject => {
    const value = point?.value ?? null
    const note = point ? describeAlignment(point) : null
    const options: PointOptionsObject = {
        y: value === null ? null : displayValue(value),
        custom: {
            note: pointNote(point),
            estimated: point?.estimated ?? false,
            partial: point?.partial ?? false,
            sourcePeriods: point?.sourcePeriods ?? [],
        },
    }
    if (note) {
        options.accessibility = { description: note }
    }
    if (point?.estimated) {
        if (style === 'column') {
            options.color = withOpacity(color, 0.25)
            options.borderColor = color
            options.borderWidth = 2
            options.dashStyle = 'Dash'
        } else {
            options.marker = {
                enabled: true,
                symbol: 'diamond',
                radius: 5,
                fillColor: '#ffffff',
                lineColor: color,
                lineWidth: 2,
            }
        }
    }
    return options
}

/**
 * Zones along x (category index) that draw line segments touching an estimated point dashed,
 * with solid lines elsewhere.
 */
export const estimateZones = (
    points: readonly (AlignedPoint | undefined)[]
): SeriesZonesOptionsObject[] => {
    const intervals: [number, number][] = []
    points.forEach((point, index) => {
        if (!point?.estimated) return
        const start = Math.max(0, index - 1)
        const end = Math.min(points.length - 1, index + 1)
        const last = intervals[intervals.length - 1]
        if (last && start <= last[1]) {
            last[1] = Math.max(last[1], end)
        } else {
            intervals.push([start, end])
        }
    })
    if (intervals.length === 0) {
        return []
    }
    const zones: SeriesZonesOptionsObject[] = []
    for (const [start, end] of intervals) {
        zones.push({ value: start })
        zones.push({ value: end === points.length - 1 ? end + 1 : end, dashStyle: 'Dash' })
    }
    zones.push({})
    return zones
}

/** The thin 0–100 % axis of the reporting rate. */
export const completenessAxis = (): YAxisOptions => ({
    id: 'completeness',
    title: { text: escapeHtml(i18n.t('Reporting rate (%)')) },
    min: 0,
    max: 100,
    opposite: true,
    gridLineWidth: 0,
    labels: { format: '{value}%', useHTML: false },
})

/** The caption lines about what is estimated or not shown, escaped; '' when nothing to say. */
export const alignmentCaption = (
    series: readonly { name: string; points: readonly (AlignedPoint | undefined)[] }[],
    periods: readonly ChartPeriod[]
): string => {
    const lines: string[] = []
    if (series.some((entry) => entry.points.some((point) => point?.estimated))) {
        lines.push(
            i18n.t(
                'Dashed lines, hollow diamonds and pale columns are estimates – quarterly value ÷ 3.'
            )
        )
    }
    for (const entry of series) {
        const partial = entry.points
            .map((point, index) => (point?.partial ? periods[index]?.name : undefined))
            .filter((name): name is string => name !== undefined)
        if (partial.length > 0) {
            lines.push(
                partial.length <= 2
                    ? i18n.t(
                          '{{series}} – not shown for {{periods}} (incomplete – values missing).',
                          {
                              series: entry.name,
                              periods: partial.join(', '),
                              interpolation: { escapeValue: false },
                          }
                      )
                    : i18n.t(
                          '{{series}} – not shown for {{number}} periods (incomplete – values missing; see the table).',
                          {
                              series: entry.name,
                              number: partial.length,
                              interpolation: { escapeValue: false },
                          }
                      )
            )
        }
    }
    return lines.map(escapeHtml).join('<br/>')
}
