/**
 * The one layout rule of every chart of the app (trend and drill-down, app and dashboard plugin):
 *
 * - the chart's height comes from its container (`chartGridLayout`): from the width in the app,
 *   from the height left in a dashboard item; charts stack when two do not fit side by side;
 * - as a chart gets narrower or lower, Highcharts' `responsive.rules` (`responsiveRules`) make its
 *   text smaller, use the short title, drop the axis titles, rotate or step the x labels, keep the
 *   legend to two lines (paged beyond), and at small sizes drop the secondary axis that would
 *   collide (the reporting rate: the card says it in words) and the subtitle;
 * - whatever the text takes, the plot keeps at least `MIN_PLOT_HEIGHT` pixels
 *   (`heightForMinPlot`, applied after each render by the `Chart` component).
 */
import type { Options, ResponsiveRulesOptions, SeriesOptionsType, YAxisOptions } from 'highcharts'

/** The smallest plot area (pixels) a chart is drawn with */
export const MIN_PLOT_HEIGHT = 120
/** A chart lower than this could not keep its plot area with a title, legend and labels */
export const MIN_CHART_HEIGHT = 220
/**
 * In the app (the page scrolls) charts are at least this high: above `LOW_HEIGHT`, so they keep
 * their reporting-rate axis
 */
export const MIN_APP_CHART_HEIGHT = 330
export const MAX_CHART_HEIGHT = 440
/** In a dashboard item the charts may be as tall as the item */
const MAX_FILL_HEIGHT = 1000
/** Two charts side by side need this width each; otherwise they stack */
export const MIN_COLUMN_WIDTH = 260
/** The gap between the charts of a card (kept in step with `PairCard.module.css`) */
export const CHART_GAP = 12
/** The safety net never grows a chart beyond this */
const MAX_GROWN_HEIGHT = 1200

/** Width limits (chart pixels) of the responsive rules */
export const NARROW_WIDTH = 560
export const SMALL_WIDTH = 420
/** Height limit (chart pixels) under which the chart sheds its secondary axis and subtitle */
export const LOW_HEIGHT = 320

export interface ChartGridInput {
    /** Width of the cards' chart area */
    width: number
    /** In a dashboard item: the height left for the charts (the item does not scroll) */
    availableHeight?: number
    /** Charts in the card */
    charts?: number
}

export interface ChartGrid {
    columns: number
    chartWidth: number
    chartHeight: number
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/**
 * Columns and chart height for the charts of a card. Side by side when each gets
 * `MIN_COLUMN_WIDTH`, else stacked. Height: the share of the available height (dashboard item, at
 * least `MIN_CHART_HEIGHT`), or from the width (0.7 of it when side by side, 0.8 stacked on a
 * phone), within `MIN_APP_CHART_HEIGHT`–`MAX_CHART_HEIGHT`.
 */
export const chartGridLayout = ({
    width,
    availableHeight,
    charts = 2,
}: ChartGridInput): ChartGrid => {
    const count = Math.max(1, Math.floor(charts))
    const usable = Math.max(0, width)
    const columns =
        count > 1 && usable >= count * MIN_COLUMN_WIDTH + (count - 1) * CHART_GAP ? count : 1
    const chartWidth = Math.floor((usable - (columns - 1) * CHART_GAP) / columns)
    const rows = Math.ceil(count / columns)
    const fromWidth = chartWidth * (columns > 1 ? 0.7 : 0.8)
    const fill = availableHeight !== undefined && availableHeight > 0
    const height = fill ? (availableHeight - (rows - 1) * CHART_GAP) / rows : fromWidth
    return {
        columns,
        chartWidth,
        // A dashboard item's charts take its whole height, however tall
        chartHeight: Math.round(
            fill
                ? clamp(height, MIN_CHART_HEIGHT, MAX_FILL_HEIGHT)
                : clamp(height, MIN_APP_CHART_HEIGHT, MAX_CHART_HEIGHT)
        ),
    }
}

/**
 * The chart height that gives the plot `min` pixels, or `null` when it has them already (or the
 * chart would grow past any sensible size).
 */
export const heightForMinPlot = (
    chartHeight: number,
    plotHeight: number,
    min: number = MIN_PLOT_HEIGHT
): number | null => {
    if (plotHeight >= min) return null
    const next = Math.ceil(chartHeight + (min - plotHeight))
    return next <= MAX_GROWN_HEIGHT ? next : null
}

export interface ResponsiveSpec {
    /** Already escaped; the title at narrow widths (the card names the pair already) */
    shortTitle: string
    /** Every y axis, in order (their titles go at narrow widths) */
    yAxisIds: readonly string[]
    /** Every series, in order (`undefined`: a series without id, matched by its place) */
    seriesIds?: readonly (string | undefined)[]
    /**
     * Rotations the x labels may take at narrow widths: long org unit names go vertical (at -45°
     * the first one would run out of the chart on the left); default -45° then -90°
     */
    labelRotations?: readonly number[]
    /** Secondary axes dropped at small sizes, with their series */
    droppedAxisIds?: readonly string[]
    droppedSeriesIds?: readonly string[]
}

/**
 * Highcharts' responsive rules of a chart: see the file comment.
 *
 * Highcharts applies a rule with `chart.update(options, redraw, oneToOne = true)`
 * (`Core/Responsive.js`, `setResponsive`): an axis or series a rule's `yAxis`/`series` list leaves
 * out is REMOVED, and the lists of two matching rules do not merge (the later one replaces the
 * earlier). So the rules here are exclusive (one matches at any size) and each lists every axis
 * and every series.
 */
export const responsiveRules = ({
    shortTitle,
    yAxisIds,
    seriesIds = [],
    labelRotations = [-45, -90],
    droppedAxisIds = [],
    droppedSeriesIds = [],
}: ResponsiveSpec): ResponsiveRulesOptions[] => {
    const options = (narrow: boolean, small: boolean, low = false): Options => ({
        title: {
            ...(narrow ? { text: shortTitle } : {}),
            style: { fontSize: small ? '12px' : narrow ? '13px' : '14px' },
        },
        subtitle: small ? { text: '' } : { style: { fontSize: '11px' } },
        ...(narrow || low
            ? {
                  legend: {
                      itemStyle: { fontSize: '11px' },
                      itemDistance: 10,
                      symbolWidth: 12,
                      padding: 4,
                      margin: 6,
                      // Two lines at most (one in a low chart); more are paged
                      maxHeight: low ? 24 : 40,
                  },
              }
            : {}),
        ...(narrow
            ? {
                  xAxis: {
                      labels: {
                          autoRotation: [...labelRotations],
                          style: { fontSize: '10px', textOverflow: 'ellipsis' },
                      },
                  },
              }
            : {}),
        yAxis: yAxisIds.map((id): YAxisOptions => ({
            id,
            ...(narrow ? { title: { text: '' }, labels: { style: { fontSize: '10px' } } } : {}),
            ...(small && droppedAxisIds.includes(id) ? { visible: false } : {}),
        })),
        ...(seriesIds.length > 0
            ? {
                  series: seriesIds.map(
                      (id) =>
                          (id === undefined
                              ? {}
                              : small && droppedSeriesIds.includes(id)
                                ? { id, visible: false, showInLegend: false }
                                : { id }) as SeriesOptionsType
                  ),
              }
            : {}),
    })
    return [
        {
            condition: { maxWidth: SMALL_WIDTH, minHeight: LOW_HEIGHT + 1 },
            chartOptions: options(true, true),
        },
        {
            condition: { maxWidth: SMALL_WIDTH, maxHeight: LOW_HEIGHT },
            chartOptions: options(true, true, true),
        },
        {
            condition: {
                minWidth: SMALL_WIDTH + 1,
                maxWidth: NARROW_WIDTH,
                minHeight: LOW_HEIGHT + 1,
            },
            chartOptions: options(true, false),
        },
        {
            condition: { minWidth: SMALL_WIDTH + 1, maxWidth: NARROW_WIDTH, maxHeight: LOW_HEIGHT },
            chartOptions: options(true, true, true),
        },
        {
            condition: { minWidth: NARROW_WIDTH + 1, maxHeight: LOW_HEIGHT },
            chartOptions: options(false, true, true),
        },
    ]
}

/** Options every chart gets for its layout: x labels that rotate or step, never overlapping. */
export const layoutOptions = (spec: ResponsiveSpec): Options => ({
    responsive: { rules: responsiveRules(spec) },
})

/**
 * The rules that apply to a chart of `width` × `height`, as Highcharts decides it (every limit of
 * a condition must hold; `Chart#matchResponsiveRule`). For tests and the export size.
 */
export const matchingRules = (
    rules: readonly ResponsiveRulesOptions[],
    width: number,
    height: number
): ResponsiveRulesOptions[] =>
    rules.filter(({ condition = {} }) => {
        const { maxWidth, maxHeight, minWidth = 0, minHeight = 0 } = condition
        return (
            width <= (maxWidth ?? Number.MAX_VALUE) &&
            height <= (maxHeight ?? Number.MAX_VALUE) &&
            width >= minWidth &&
            height >= minHeight
        )
    })
