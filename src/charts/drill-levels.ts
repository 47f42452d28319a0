/**
 * The drill-down levels a chart goes through, as keys, and how a chart drawn at one level reaches
 * another in place (the Highcharts drilldown module: `addSeriesAsDrilldown` one level down,
 * `drillUp` one level up).
 *
 * A level's key is the drill state of the URL (`dpe`, `dpath`) in one string: `''` for the trend,
 * `<period>` for the period across the org units below the trend's org unit, then one
 * `/<orgUnitId>` per org unit drilled through (`202405/REGION01/DISTRICT7`). Keys are built from
 * uid-like ids only (`view-state.ts` drops anything else), so `/` never occurs inside an id.
 */

/** The trend: no drill-down */
export const TREND_KEY = ''

export interface DrillState {
    period: string
    path: readonly string[]
}

/** The key of a drill state (`''`: the trend). */
export const drillKey = (drill: DrillState | undefined): string =>
    drill ? [drill.period, ...drill.path].join('/') : TREND_KEY

/** The drill state of a key (`undefined`: the trend). */
export const drillStateOf = (key: string): DrillState | undefined => {
    if (key === TREND_KEY) return undefined
    const [period = '', ...path] = key.split('/')
    return { period, path }
}

/** The key one level up (the trend's parent is the trend). */
export const parentKey = (key: string): string => {
    if (key === TREND_KEY) return TREND_KEY
    const cut = key.lastIndexOf('/')
    return cut < 0 ? TREND_KEY : key.slice(0, cut)
}

/**
 * What is clicked on the level above to reach a level: the period on the trend, an org unit on a
 * drilled level. It is the `drilldown` id of the point the level is drilled from.
 */
export const drillStep = (key: string): string => {
    const cut = key.lastIndexOf('/')
    return cut < 0 ? key : key.slice(cut + 1)
}

/** Whether `upper` is `key` or a level above it on its path. */
export const isAtOrAbove = (upper: string, key: string): boolean =>
    upper === TREND_KEY || key === upper || key.startsWith(`${upper}/`)

/**
 * How a chart whose levels are `stack` (its base, the level it was created at, first; the level it
 * shows last) comes to show `target`: drill up `up` levels, then drill down to `down` (one level
 * below what is then shown) when given. `recreate`: not reachable in place (the target is above
 * the chart's base, or more than one level below): the chart is drawn anew at the target.
 */
export type DrillPlan = { type: 'in-place'; up: number; down?: string } | { type: 'recreate' }

export const drillPlan = (stack: readonly string[], target: string): DrillPlan => {
    let depth = stack.length
    // Up while the level shown is not on the target's path (never above the chart's base)
    while (depth > 1 && !isAtOrAbove(stack[depth - 1] ?? TREND_KEY, target)) depth--
    const shown = stack[depth - 1] ?? TREND_KEY
    const up = stack.length - depth
    if (shown === target) return { type: 'in-place', up }
    if (isAtOrAbove(shown, target) && parentKey(target) === shown) {
        return { type: 'in-place', up, down: target }
    }
    return { type: 'recreate' }
}
