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
import { fileNamePart } from '../shared/download/file-name'
import { formatNumber, type NumberKind } from '../shared/format/number'
import { layoutOptions, type ResponsiveSpec } from './layout'
import { PALETTE } from './palette'

/** Series colours: the app's one palette (`palette.ts`) */
export const CHART_COLORS = PALETTE

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
    /**
     * Already escaped; in exported images only: on screen the card says it under its header, so
     * that the caption never takes the plot's height in a small chart
     */
    caption?: string
    /** Already escaped; read by screen readers */
    description: string
    filename: string
    /** The chart's short title and axes, for the layout rule (`layout.ts`) */
    layout: ResponsiveSpec
}

/** Options every chart of the app has. */
export const baseOptions = ({
    title,
    subtitle,
    caption,
    description,
    filename,
    layout,
}: BaseOptionsInput): Options => ({
    ...layoutOptions(layout),
    title: { text: title, useHTML: false },
    subtitle: { text: subtitle ?? '', useHTML: false },
    credits: { enabled: false },
    accessibility: { enabled: true, description },
    exporting: {
        enabled: true,
        // Export in the browser (offline-exporting module); never send data to export.highcharts.com
        local: true,
        fallbackToExportServer: false,
        filename,
        chartOptions: { caption: { text: caption ?? '', useHTML: false } },
        // The card's Download menu exports (loading the module on demand), not a button per chart
        buttons: { contextButton: { enabled: false } },
    },
    legend: { enabled: true, useHTML: false },
    tooltip: {
        shared: true,
        useHTML: false,
        headerFormat: '<span style="font-size: 0.8em">{point.key}</span><br/>',
        pointFormat:
            '<span style="color:{point.color}">\u25CF</span> {series.name}: <b>{point.custom.display}</b>{point.custom.note}<br/>',
    },
    plotOptions: {
        series: { connectNulls: false, animation: false },
    },
    drilldown: {
        // Drilling animates (the columns grow from the point clicked); charts are drawn without
        animation: { duration: DRILL_ANIMATION_MS },
        // The module's breadcrumbs are not shown (`PairCard.module.css` hides them; floating, they
        // take no room): the view's one breadcrumb trail above the cards drills every chart of the
        // view up together, keeps the URL and the browser's back button in step, and names the
        // org units on the way. The module's own would drill up one chart only, out of step with
        // its partner chart and the other cards, and repeat that trail in every chart.
        breadcrumbs: { floating: true },
        // Period and org unit labels keep their look (the whole column is the click target)
        activeAxisLabelStyle: {
            cursor: 'pointer',
            color: '#4a5768',
            fontWeight: 'normal',
            textDecoration: 'none',
        },
    },
})

/** How long drilling down or up animates (ms) */
export const DRILL_ANIMATION_MS = 300

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

/** The tooltip note of a point: its alignment explanation, escaped, or ''. */
export const pointNote = (point: AlignedPoint | undefined): string =>
    noteText(point ? describeAlignment(point) : null)

/** An alignment explanation (plain text) as a tooltip note: escaped, after a dash; '' for none */
const noteText = (note: string | null): string => (note ? ` \u2014 ${escapeHtml(note)}` : '')

/** Explains an aligned point (`describeAlignment`): plain text, `null` when there is nothing to say */
export type DescribePoint = (point: AlignedPoint) => string | null

/**
 * `describeAlignment` for the points of one chart: each explanation translated once (by reason and
 * number of missing months), not once per point — a chart has up to a few hundred points and most
 * share a reason (every estimated month of a quarterly series).
 */
export const describePoints = (): DescribePoint => {
    const known = new Map<string, string | null>()
    return (point) => {
        if (point.reason === null) return null
        const key = `${point.reason}|${point.missingPeriods.length}`
        let note = known.get(key)
        if (note === undefined) {
            note = describeAlignment(point)
            known.set(key, note)
        }
        return note
    }
}

export type PointStyle = 'column' | 'line'

/** How a series' values read: counts or percentages, in the user's locale */
export interface ValueFormat {
    kind?: NumberKind
    locale?: string
}

/** The pale, dashed-border look of an estimated column (the trend's and the drill-down's). */
export const estimatedColumn = (color: string): PointOptionsObject => ({
    color: withOpacity(color, 0.25),
    borderColor: color,
    borderWidth: 2,
    dashStyle: 'Dash',
})

/**
 * A Highcharts point for an aligned point. Estimates are marked by shape, not colour alone: a
 * hollow diamond on lines, a pale column with a dashed border on columns; their tooltip says how
 * they were estimated.
 */
export const chartPoint = (
    point: AlignedPoint | undefined,
    style: PointStyle,
    color: string,
    format: ValueFormat = {},
    describe: DescribePoint = describeAlignment
): PointOptionsObject => {
    const value = point?.value ?? null
    const note = point ? describe(point) : null
    const options: PointOptionsObject = {
        y: value,
        custom: {
            display: formatNumber(value, { ...format, estimated: point?.estimated ?? false }),
            note: noteText(note),
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
            Object.assign(options, estimatedColumn(color))
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
    // Named for screen readers when its title is not drawn (a drilled chart hides the axis)
    accessibility: { description: i18n.t('Reporting rate (%)') },
    min: 0,
    max: 100,
    // Its own ticks: aligned with the left axis' ticks it would run to 120 %
    tickPositions: [0, 50, 100],
    opposite: true,
    gridLineWidth: 0,
    labels: { format: '{value}%', useHTML: false },
})

/** The lines about what is estimated or not shown, plain text (the card shows them). */
export const alignmentNotes = (
    series: readonly { name: string; points: readonly (AlignedPoint | undefined)[] }[],
    periods: readonly ChartPeriod[]
): string[] => {
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
    return lines
}

/** The caption of an exported chart: the alignment notes, escaped; '' when nothing to say. */
export const alignmentCaption = (
    series: readonly { name: string; points: readonly (AlignedPoint | undefined)[] }[],
    periods: readonly ChartPeriod[]
): string => alignmentNotes(series, periods).map(escapeHtml).join('<br/>')

/**
 * The options with one category of the x axis marked (a period chosen where there is no level
 * below to drill to); the options as they are for `null`.
 */
export const withSelectedCategory = (options: Options, index: number | null): Options => {
    if (index === null || index < 0) return options
    const xAxis = Array.isArray(options.xAxis) ? options.xAxis[0] : options.xAxis
    return {
        ...options,
        xAxis: {
            ...xAxis,
            plotBands: [
                ...(xAxis?.plotBands ?? []),
                {
                    from: index - 0.5,
                    to: index + 0.5,
                    className: 'marked-period',
                    color: withOpacity(PALETTE.highlight, 0.15),
                    borderColor: PALETTE.highlight,
                    borderWidth: 1,
                    zIndex: 0,
                },
            ],
        },
    }
}

/** The options with a hint line (plain text, e.g. what a click does) at the foot of the tooltip. */
export const withTooltipHint = (options: Options, hint: string | undefined): Options =>
    hint
        ? {
              ...options,
              tooltip: {
                  ...options.tooltip,
                  footerFormat: `<span style="font-size: 0.8em">${escapeHtml(hint)}</span>`,
              },
          }
        : options

/**
 * Short period names for narrow charts, in any language and calendar: each word of 4+ letters is
 * cut to the shortest prefix (3 letters at least) that no other word of the labels starts with
 * (`December 2025` → `Dec 2025`; French `Juin`/`Juillet` → `Juin`/`Juil`). Plain text.
 */
export const shortPeriodNames = (names: readonly string[]): string[] => {
    const words = [...new Set(names.flatMap((name) => name.match(/\p{L}{4,}/gu) ?? []))]
    const short = new Map<string, string>()
    for (const word of words) {
        const letters = [...word]
        let length = 3
        while (
            length < letters.length &&
            words.some(
                (other) =>
                    other !== word &&
                    [...other].slice(0, length).join('').toLowerCase() ===
                        letters.slice(0, length).join('').toLowerCase()
            )
        ) {
            length++
        }
        short.set(word, letters.slice(0, length).join(''))
    }
    return names.map((name) => name.replace(/\p{L}{4,}/gu, (word) => short.get(word) ?? word))
}
