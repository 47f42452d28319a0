/**
 * Drill-down in place, with the Highcharts drilldown module: a chart drawn once (the trend, or the
 * level a shared link opens at) goes down one level with `addSeriesAsDrilldown` (the module
 * animates the columns out of the point clicked) and up again with `drillUp`, keeping its DOM
 * element. What goes with a level and the module does not change (titles, the value axis' title,
 * the x axis' bands, the secondary axes, the tooltip, the layout rules) is set here, and put back
 * on the way up.
 *
 * Which level to show comes from the view (its URL), for every chart of the view at once
 * (`syncChartDrill`); the plan of steps is `drillPlan` (`charts/drill-levels.ts`).
 */
import type Highcharts from 'highcharts'
import { DRILL_ANIMATION_MS } from '../../charts/common'
import { drillPlan, drillStep } from '../../charts/drill-levels'
import type { DrilldownLevel } from '../../charts/drilldown-options'
import { responsiveRules } from '../../charts/layout'

/** The drilldown module's additions to a chart (`highcharts/modules/drilldown`) */
interface DrillChart extends Highcharts.Chart {
    addSeriesAsDrilldown: (point: Highcharts.Point, options: Highcharts.SeriesOptionsType) => void
    drillUp: () => void
    /** Highcharts' responsive rules: `reset` undoes the rules that apply */
    setResponsive?: (redraw?: boolean, reset?: boolean) => void
}

/** What a chart showed before it drilled one level down: put back when it drills up. */
interface Restore {
    title: string
    subtitle: string
    /** What screen readers are told the chart shows (accessibility module) */
    description: string
    rules: Highcharts.ResponsiveRulesOptions[]
    plotBands: Highcharts.XAxisPlotBandsOptions[]
    yTitle: string
    yMax: number | string | null | undefined
    visible: boolean[]
    shared: boolean
}

interface Shown {
    key: string
    level: DrilldownLevel | null
    restore: Restore | null
}

/** The levels each chart went through, from the level it was created at (its base) */
const stacks = new WeakMap<Highcharts.Chart, Shown[]>()

/** The level key a chart shows (`undefined`: not synced yet). */
export const shownDrillKey = (chart: Highcharts.Chart): string | undefined => {
    const stack = stacks.get(chart)
    return stack?.[stack.length - 1]?.key
}

/**
 * Records the level a chart was created at (its options drew level `key`): a chart drawn in its
 * turn (`useDrawTurn`) may be created long after the level it was made for was chosen.
 */
export const setChartBase = (chart: Highcharts.Chart, key: string): void => {
    stacks.set(chart, [{ key, level: null, restore: null }])
}

/**
 * The description screen readers get with the chart, for the level it shows: read from the
 * chart's options by the accessibility module as it renders, so set there for the drill's redraw
 * (`chart.update` would also set up the module's components again, for a level's every chart)
 */
const setDescription = (chart: Highcharts.Chart, description: string) => {
    chart.options.accessibility = { ...chart.options.accessibility, description }
}

const capture = (chart: Highcharts.Chart): Restore => ({
    title: String(chart.options.title?.text ?? ''),
    subtitle: String(chart.options.subtitle?.text ?? ''),
    description: String(chart.options.accessibility?.description ?? ''),
    rules: chart.options.responsive?.rules ?? [],
    plotBands: [...(chart.xAxis[0]?.options.plotBands ?? [])],
    yTitle: String(chart.yAxis[0]?.options.title?.text ?? ''),
    yMax: chart.yAxis[0]?.options.max,
    visible: chart.yAxis.map((axis) => axis.options.visible !== false),
    shared: Boolean(chart.tooltip?.options.shared),
})

const setRules = (chart: Highcharts.Chart, rules: Highcharts.ResponsiveRulesOptions[]) => {
    // Read by Highcharts at each redraw (`Chart#setResponsive`)
    chart.options.responsive = { ...chart.options.responsive, rules }
}

/**
 * The point a level is drilled from: the point of its period (trend) or org unit (drilled) —
 * the one clicked in the chart clicked, the same period or org unit in the others. An org unit
 * another pair does not draw (beyond its top N): the chart's first point, so that it still drills.
 */
const pointOf = (chart: Highcharts.Chart, step: string): Highcharts.Point | undefined => {
    const visible = chart.series.filter((series) => series.visible)
    const points = visible.flatMap((series) => series.points ?? [])
    const drilledFrom = (point: Highcharts.Point) =>
        (point.options as { drilldown?: string }).drilldown === step
    return (
        points.find((point) => drilledFrom(point) && typeof point.y === 'number') ??
        points.find(drilledFrom) ??
        points.find((point) => typeof point.y === 'number') ??
        points[0]
    )
}

/**
 * Forgets the accessibility module's focused element (the point clicked, a legend item): drilling
 * removes it, and the module would draw its focus border on the removed element at the next
 * redraw (a TypeError in `SVGElement#getBBox`).
 */
const clearFocus = (chart: Highcharts.Chart) => {
    const focus = chart as { focusElement?: { removeFocusBorder?: () => void } }
    focus.focusElement?.removeFocusBorder?.()
    delete focus.focusElement
}

/** The module's animation on (the chart clicked and its partner) or off (the others: less work) */
const setAnimation = (chart: Highcharts.Chart, animate: boolean) => {
    if (chart.options.drilldown) {
        chart.options.drilldown.animation = animate ? { duration: DRILL_ANIMATION_MS } : false
    }
}

const drillDown = (
    chart: DrillChart,
    stack: Shown[],
    key: string,
    level: DrilldownLevel,
    animate: boolean
): boolean => {
    const point = pointOf(chart, drillStep(key))
    if (!point) return false
    clearFocus(chart)
    setAnimation(chart, animate)
    // The layout rules name the series they apply to (an unnamed one is removed): undone while
    // the series they name are drawn, then the level's rules, naming its series
    chart.setResponsive?.(false, true)
    const restore = capture(chart)
    setRules(
        chart,
        responsiveRules({
            ...level.layout,
            yAxisIds: chart.yAxis.map((axis) => axis.options.id ?? ''),
        })
    )
    chart.setTitle({ text: level.title }, { text: level.subtitle }, false)
    setDescription(chart, level.description)
    const [xAxis] = chart.xAxis
    if (xAxis && restore.plotBands.length > 0) xAxis.update({ plotBands: [] }, false)
    chart.yAxis.forEach((axis, index) => {
        if (index === 0) {
            axis.update(
                {
                    title: { text: level.yAxis.title.text },
                    ...(level.yAxis.max !== undefined ? { max: level.yAxis.max } : {}),
                },
                false
            )
        } else if (axis.options.visible !== false) {
            // The reporting rate's, the stockout rate's: nothing of a level is drawn on them
            axis.update({ visible: false }, false)
        }
    })
    chart.tooltip?.update({ shared: false })
    chart.addSeriesAsDrilldown(point, {
        ...level.series,
        animation: animate ? { duration: DRILL_ANIMATION_MS } : false,
    })
    stack.push({ key, level, restore })
    return true
}

const drillUp = (chart: DrillChart, stack: Shown[], animate: boolean) => {
    const shown = stack.pop()
    const restore = shown?.restore
    if (!restore) return
    clearFocus(chart)
    setAnimation(chart, animate)
    chart.setResponsive?.(false, true)
    setRules(chart, restore.rules)
    chart.setTitle({ text: restore.title }, { text: restore.subtitle }, false)
    setDescription(chart, restore.description)
    const [xAxis] = chart.xAxis
    if (xAxis && restore.plotBands.length > 0) {
        xAxis.update({ plotBands: restore.plotBands }, false)
    }
    chart.yAxis.forEach((axis, index) => {
        if (index === 0) {
            axis.update({ title: { text: restore.yTitle }, max: restore.yMax }, false)
        } else if (restore.visible[index] && axis.options.visible === false) {
            axis.update({ visible: true }, false)
        }
    })
    chart.tooltip?.update({ shared: restore.shared })
    chart.drillUp()
}

/**
 * Brings a chart to the level `target` (`key` `''`: the trend; `level`: what the level draws, for
 * every key but the trend) in place. `baseKey`: the level the chart was created at. `recreate`:
 * the chart cannot get there in place (above its base, or more than one level down at once): the
 * caller draws it anew at the target. `animate`: with the module's animation (default).
 */
export const syncChartDrill = (
    chart: Highcharts.Chart,
    baseKey: string,
    target: { key: string; level: DrilldownLevel | null },
    animate = true
): 'done' | 'recreate' => {
    const drill = chart as DrillChart
    if (typeof drill.addSeriesAsDrilldown !== 'function') return 'recreate'
    let stack = stacks.get(chart)
    if (!stack) {
        stack = [{ key: baseKey, level: null, restore: null }]
        stacks.set(chart, stack)
    }
    const top = stack[stack.length - 1]
    // The same level with other contents (a highlight, names read later): drawn again
    if (
        top &&
        stack.length > 1 &&
        top.key === target.key &&
        target.level &&
        top.level !== target.level
    ) {
        drillUp(drill, stack, false)
    }
    const plan = drillPlan(
        stack.map((shown) => shown.key),
        target.key
    )
    if (plan.type === 'recreate') return 'recreate'
    // Several levels up at once: the last one animates
    for (let i = 0; i < plan.up; i++) {
        drillUp(drill, stack, animate && plan.down === undefined && i === plan.up - 1)
    }
    if (plan.down !== undefined) {
        if (!target.level || !drillDown(drill, stack, plan.down, target.level, animate)) {
            return 'recreate'
        }
    }
    return 'done'
}
