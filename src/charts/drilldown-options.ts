/**
 * One period across the children of an org unit (district → facilities...), to tell a national
 * trend from one area's spike. Columns sorted from highest to lowest; only the top N are drawn and
 * the rest are counted in the subtitle ("N more in the table"), so a level with hundreds of
 * facilities stays readable. The service and the logistics chart of a pair draw their columns in
 * ONE order (`sharedDrilldownOrder`), so an org unit sits at the same place left and right.
 */
import i18n from '@dhis2/d2-i18n'
import type {
    Options,
    PointOptionsObject,
    SeriesColumnOptions,
    SeriesTooltipOptionsObject,
    YAxisOptions,
} from 'highcharts'
import { escapeHtml } from '../domain/text'
import { formatNumber } from '../shared/format/number'
import { baseOptions, estimatedColumn, exportFilename } from './common'
import type { ResponsiveSpec } from './layout'
import { PALETTE, seriesColor } from './palette'

/** The id of a drill-down chart's one series (its columns) */
export const DRILLDOWN_SERIES_ID = 'values'

export const DEFAULT_DRILLDOWN_TOP = 15
/** Longest axis label of an org unit (the full name is in the tooltip) */
export const DRILLDOWN_LABEL_LENGTH = 24

export interface DrilldownValue {
    /** Org unit id: kept on the point (`custom.orgUnitId`) for drilling further */
    id: string
    /** Plain text */
    name: string
    value: number | null
    /** A quarterly value ÷ 3: drawn pale with a dashed border, "≈" in the tooltip */
    estimated?: boolean
}

export interface DrilldownSplit {
    shown: DrilldownValue[]
    /** Children with a value beyond the top N */
    more: number
    /** Children without a value */
    withoutData: number
}

/** The org units a pair's drill-down charts show, in their one order */
export interface DrilldownOrder {
    ids: string[]
    more: number
    withoutData: number
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
    /** The columns and their order, shared with the pair's other chart; default: this chart's */
    order?: DrilldownOrder
    /** `percent` fixes the axis to 0–100 % */
    unit?: 'count' | 'percent'
    /** An org unit to highlight (e.g. from an alert) */
    highlightId?: string
    color?: string
    /** The user's locale, for the numbers in tooltips */
    locale?: string
    /** A line added to the tooltip (e.g. "Click to go one level down"), plain text */
    clickHint?: string
    /**
     * The org units have a level below: each column is a drill-down point of the Highcharts
     * drilldown module (`drilldown`: its org unit id)
     */
    drillable?: boolean
}

/**
 * One drill-down level of a chart: what the Highcharts drilldown module adds in place of what the
 * chart showed (`addSeriesAsDrilldown`), with the titles, axis and layout rules that go with it.
 * `buildDrilldownOptions` makes a whole chart of it (a chart drawn drilled, an exported image).
 */
export interface DrilldownLevel {
    /** The columns: one per org unit, in the pair's one order */
    series: SeriesColumnOptions & { tooltip: SeriesTooltipOptionsObject }
    /** Escaped */
    title: string
    /** Escaped */
    subtitle: string
    /** Escaped; the exported image's caption ('' when nothing to say) */
    caption: string
    /** Escaped */
    description: string
    filename: string
    /** The value axis (escaped title) */
    yAxis: YAxisOptions & { title: { text: string } }
    /** The chart's short title and series for the layout rule (`layout.ts`) */
    layout: ResponsiveSpec
}

const hasValue = (entry: DrilldownValue): entry is DrilldownValue & { value: number } =>
    typeof entry.value === 'number' && Number.isFinite(entry.value)

/** Sorts by value (highest first, then by name) and keeps the top N with a value. */
export const splitDrilldownValues = (
    values: readonly DrilldownValue[],
    top: number = DEFAULT_DRILLDOWN_TOP
): DrilldownSplit => {
    const withValue = values
        .filter(hasValue)
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    const count = Math.max(0, Math.floor(top))
    return {
        shown: withValue.slice(0, count),
        more: Math.max(0, withValue.length - count),
        withoutData: values.length - withValue.length,
    }
}

/**
 * One order of the children for both charts of a pair: by the service (HMIS) value, highest first,
 * then (children without a service value) by the logistics value, then by name. The top N children
 * with a value on either side are drawn, in both charts at the same place; a child without a value
 * on one side has no column there.
 */
export const sharedDrilldownOrder = (
    primary: readonly DrilldownValue[],
    secondary: readonly DrilldownValue[],
    top: number = DEFAULT_DRILLDOWN_TOP
): DrilldownOrder => {
    const second = new Map(secondary.map((entry) => [entry.id, entry]))
    const seen = new Set<string>()
    const children: { id: string; name: string; a: number | null; b: number | null }[] = []
    for (const entry of [...primary, ...secondary]) {
        if (seen.has(entry.id)) continue
        seen.add(entry.id)
        const other = second.get(entry.id)
        const a = primary.find((p) => p.id === entry.id)
        children.push({
            id: entry.id,
            name: entry.name,
            a: a && hasValue(a) ? a.value : null,
            b: other && hasValue(other) ? other.value : null,
        })
    }
    const desc = (x: number | null, y: number | null) =>
        x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x
    const withValue = children
        .filter((child) => child.a !== null || child.b !== null)
        .sort((x, y) => desc(x.a, y.a) || desc(x.b, y.b) || x.name.localeCompare(y.name))
    const count = Math.max(0, Math.floor(top))
    return {
        ids: withValue.slice(0, count).map((child) => child.id),
        more: Math.max(0, withValue.length - count),
        withoutData: children.length - withValue.length,
    }
}

const commonPrefix = (names: readonly string[]): string =>
    names.reduce((prefix, name) => {
        let i = 0
        while (i < prefix.length && i < name.length && prefix[i] === name[i]) i++
        return prefix.slice(0, i)
    })

const reverse = (text: string) => [...text].reverse().join('')

/** Cuts a shared prefix back to its last word boundary (`District Sanitaire de ` of `…de Bo`). */
const wordPrefix = (prefix: string, names: readonly string[]): string => {
    if (
        names.every(
            (name) => name.length > prefix.length && /[\s\-–—/,.(]/.test(name[prefix.length] ?? '')
        )
    )
        return prefix
    const cut = Math.max(
        ...[' ', '-', '/', ',', '(', '.', '–', '—'].map((c) => prefix.lastIndexOf(c))
    )
    return cut >= 0 ? prefix.slice(0, cut + 1) : ''
}

/** Shortens the middle of a name longer than `max` characters: `Kakua Chie…h Centre`. */
export const ellipsizeMiddle = (name: string, max: number = DRILLDOWN_LABEL_LENGTH): string => {
    const chars = [...name]
    if (chars.length <= max) return name
    const head = Math.ceil((max - 1) / 2)
    const tail = Math.floor((max - 1) / 2)
    return `${chars.slice(0, head).join('').trimEnd()}\u2026${chars
        .slice(chars.length - tail)
        .join('')
        .trimStart()}`
}

/**
 * Short axis labels for sibling org units: the words all of them start (or end) with are left out
 * (`District Sanitaire de Bo`, `District Sanitaire de Kenema` → `Bo`, `Kenema`), then long names
 * are shortened in the middle. Plain text in, plain text out, one label per name.
 */
export const shortOrgUnitLabels = (
    names: readonly string[],
    max: number = DRILLDOWN_LABEL_LENGTH
): string[] => {
    let labels = names.map((name) => name.trim())
    if (labels.length >= 2) {
        const prefix = wordPrefix(commonPrefix(labels), labels).trimEnd()
        if (prefix && labels.every((label) => label.slice(prefix.length).trim() !== '')) {
            labels = labels.map((label) => label.slice(prefix.length).trim())
        }
        const reversed = labels.map(reverse)
        const suffix = reverse(wordPrefix(commonPrefix(reversed), reversed)).trimStart()
        if (suffix && labels.every((label) => label.slice(0, -suffix.length).trim() !== '')) {
            labels = labels.map((label) => label.slice(0, -suffix.length).trim())
        }
        labels = labels.map((label) => label.replace(/^[\s\-–—/,.(]+|[\s\-–—/,]+$/g, '') || label)
    }
    return labels.map((label) => ellipsizeMiddle(label, max))
}

/** Columns of one period across child org units, sorted descending, top N. */
export const buildDrilldownLevel = (input: DrilldownInput): DrilldownLevel => {
    const byId = new Map(input.values.map((entry) => [entry.id, entry]))
    const order =
        input.order ??
        (() => {
            const split = splitDrilldownValues(input.values, input.top)
            return { ...split, ids: split.shown.map((entry) => entry.id) }
        })()
    const shown = order.ids
        .map((id) => byId.get(id))
        .filter((entry): entry is DrilldownValue => entry !== undefined)
    const { more, withoutData } = order
    const commodity = escapeHtml(input.commodityName)
    const service = escapeHtml(input.serviceName)
    const measure = escapeHtml(input.measureName)
    const period = escapeHtml(input.periodName)
    const parent = escapeHtml(input.parentName)
    const color = input.color ?? seriesColor('hmis')
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

    const labels = shortOrgUnitLabels(shown.map((entry) => entry.name))
    const estimateNote = ` \u2014 ${escapeHtml(i18n.t('Estimate – quarterly value ÷ 3'))}`
    const data: PointOptionsObject[] = shown.map((entry, index) => {
        const estimated = Boolean(entry.estimated) && hasValue(entry)
        const point: PointOptionsObject = {
            y: hasValue(entry) ? entry.value : null,
            name: escapeHtml(labels[index] ?? entry.name),
            custom: {
                orgUnitId: entry.id,
                fullName: escapeHtml(entry.name),
                display: hasValue(entry)
                    ? formatNumber(entry.value, {
                          kind: percent ? 'percent' : 'count',
                          estimated,
                          locale: input.locale,
                      })
                    : escapeHtml(i18n.t('no data')),
                note: estimated ? estimateNote : '',
                estimated,
            },
        }
        if (estimated) {
            Object.assign(point, estimatedColumn(color))
            point.accessibility = { description: i18n.t('Estimate – quarterly value ÷ 3') }
        }
        if (input.drillable) point.drilldown = entry.id
        if (entry.id === input.highlightId) {
            point.color = estimated ? point.color : PALETTE.highlight
            point.borderColor = '#000000'
            point.borderWidth = 2
            point.accessibility = { description: i18n.t('Highlighted') }
        }
        return point
    })
    const shortTitle = i18n.t('{{measure}} in {{period}}', {
        measure,
        period,
        interpolation: { escapeValue: false },
    })

    const caption = data.some((point) => point.custom?.estimated)
        ? escapeHtml(
              i18n.t('Pale columns with a dashed border are estimates – quarterly value ÷ 3.')
          )
        : ''
    return {
        series: {
            type: 'column',
            id: DRILLDOWN_SERIES_ID,
            name: measure,
            color,
            data,
            showInLegend: false,
            tooltip: {
                headerFormat: '<span style="font-size: 0.8em">{point.custom.fullName}</span><br/>',
                pointFormat: '{series.name}: <b>{point.custom.display}</b>{point.custom.note}',
                footerFormat: input.clickHint
                    ? `<br/><span style="font-size: 0.8em">${escapeHtml(input.clickHint)}</span>`
                    : '',
            },
        },
        title: i18n.t('{{commodity}} \u2194 {{service}} – {{measure}} in {{period}}', {
            commodity,
            service,
            measure,
            period,
            interpolation: { escapeValue: false },
        }),
        subtitle: notes.join(' \u00b7 '),
        caption,
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
        yAxis: {
            id: 'value',
            title: { text: measure },
            min: 0,
            max: percent ? 100 : undefined,
            labels: { format: percent ? '{value}%' : '{value}', useHTML: false },
        },
        layout: {
            shortTitle,
            yAxisIds: ['value'],
            // No series in the layout rules: a level drops none at small sizes, and a rule that
            // names series is undone (`Chart#setResponsive`) with the series of the options the
            // chart was created with, by place — in a chart drilled in place, the trend's. Undoing
            // it removed the level's series, and the module's drill-up then failed on it
            // (`Drilldown.js`, `drillUp`: "Cannot read properties of undefined (reading
            // 'setColumn')"): at narrow widths, from the second level down.
            labelRotations: [-90],
        },
    }
}

/** A chart of one drill-down level (drawn drilled: a shared link, an exported image). */
export const buildDrilldownOptions = (input: DrilldownInput): Options =>
    drilldownLevelOptions(buildDrilldownLevel(input))

/** The whole chart of a drill-down level. */
export const drilldownLevelOptions = (level: DrilldownLevel): Options => {
    const { tooltip, ...series } = level.series
    return {
        ...baseOptions({
            title: level.title,
            subtitle: level.subtitle,
            caption: level.caption,
            description: level.description,
            filename: level.filename,
            layout: level.layout,
        }),
        chart: { type: 'column' },
        legend: { enabled: false, useHTML: false },
        xAxis: {
            type: 'category',
            // Two org units may have the same name: one column each
            uniqueNames: false,
            labels: {
                useHTML: false,
                // Vertical when they do not fit: at -45° the first name would run out on the left
                autoRotation: [-90],
                style: { textOverflow: 'ellipsis' },
            },
        },
        yAxis: level.yAxis,
        tooltip: { ...tooltip, shared: false, useHTML: false },
        plotOptions: {
            series: { connectNulls: false, animation: false },
            column: { cursor: 'pointer', colorByPoint: false },
        },
        series: [series],
    }
}
