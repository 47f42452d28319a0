/**
 * After a drill-down the accessibility module moves the browser's focus to the first point of the
 * chart's new series (`Point#highlight` on `afterApplyDrilldown`,
 * `Accessibility/Components/SeriesComponent/SeriesKeyboardNavigation.js`): right for the chart a
 * keyboard user drilled, whose focus is in it. But the view drills every chart with it (the
 * clicked pair's partner, the other cards: `syncChartDrill`), and each of them then took the
 * focus in turn, leaving it in whichever chart drilled last, away from the chart the user drilled
 * — and each move cost a focus, a layout and a focus border in every chart. Here the move is kept
 * for a chart that has the focus and left out for the others.
 */
import type Highcharts from 'highcharts'

/** Charts drilling while the focus is elsewhere */
const unfocused = new WeakSet<object>()

/** The part of Highcharts used here */
export interface HighchartsWithPoint {
    Point: { prototype: object }
}

const installed = new WeakSet<object>()

/** Wraps `Point#highlight` (the accessibility module's) to skip charts drilling without focus. */
export const installDrillFocusGuard = (highcharts: HighchartsWithPoint): void => {
    const proto = highcharts.Point.prototype as {
        highlight?: (this: Highcharts.Point, ...args: unknown[]) => unknown
    }
    const highlight = proto.highlight
    if (!highlight || installed.has(proto)) return
    installed.add(proto)
    proto.highlight = function guardedHighlight(this: Highcharts.Point, ...args: unknown[]) {
        const chart = this.series?.chart
        if (chart && unfocused.has(chart)) return this
        return highlight.apply(this, args)
    }
}

/** Whether the page's focus is inside `container` */
export const hasFocusWithin = (container: Element | undefined, active: Element | null): boolean =>
    Boolean(container && active && container.contains(active))

/**
 * Runs `drill` (a drill-down of `chart`) without the accessibility module's focus move when the
 * focus is not in the chart.
 */
export const drillKeepingFocus = (chart: Highcharts.Chart, drill: () => void): void => {
    const focused =
        typeof document !== 'undefined' &&
        hasFocusWithin(chart.container as Element | undefined, document.activeElement)
    if (focused) {
        drill()
        return
    }
    unfocused.add(chart)
    try {
        drill()
    } finally {
        unfocused.delete(chart)
    }
}
