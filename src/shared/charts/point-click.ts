import type Highcharts from 'highcharts'

export type PointClick = (point: Highcharts.Point) => void

/** The point a click on the plot area at category `x` means: the first shown series' point there. */
export const pointAtCategory = (
    series: readonly Highcharts.Series[],
    x: number
): Highcharts.Point | undefined => {
    for (const entry of series) {
        if (!entry.visible) continue
        const point = entry.points.find(
            (candidate) => candidate.x === x && typeof candidate.y === 'number'
        )
        if (point) return point
    }
    return undefined
}

/** A point of the drilldown module: `drilldown` names what it drills into */
interface DrillPoint extends Highcharts.Point {
    drilldown?: string
}

const isDrillPoint = (point: Highcharts.Point): point is DrillPoint =>
    Boolean((point as DrillPoint).drilldown)

/** The drill-down point of a category: the first shown series' point there with `drilldown`. */
export const drillPointAtCategory = (
    series: readonly Highcharts.Series[],
    x: number
): DrillPoint | undefined => {
    for (const entry of series) {
        if (!entry.visible) continue
        const point = entry.points.find((candidate) => candidate.x === x && isDrillPoint(candidate))
        if (point) return point
    }
    return undefined
}

/**
 * Adds a click handler to every point, so a chart's points open the next view. A click elsewhere
 * in the plot area counts for the category under it: Highcharts only knows which point a click is
 * on once the mouse has hovered it (a click right after the chart is drawn, before its point index
 * is built, or a tap, would otherwise be lost), and a month's whole column is a bigger target than
 * a 6-pixel marker.
 *
 * Drill-down points (`drilldown` set, `highcharts/modules/drilldown`) drill through the module:
 * a click on one raises the chart's `drilldown` event (the module's own click handler), and so
 * does a click in its category (`doDrilldown`); `onClick` is for the other points.
 */
export const withPointClick = (
    options: Highcharts.Options,
    onClick?: PointClick
): Highcharts.Options =>
    onClick
        ? {
              ...options,
              chart: {
                  ...options.chart,
                  events: {
                      ...options.chart?.events,
                      click(this: Highcharts.Chart, event: Highcharts.PointerEventObject) {
                          const axis = (event as unknown as { xAxis?: { value: number }[] })
                              .xAxis?.[0]
                          if (!axis) return
                          const x = Math.round(axis.value)
                          const drill = drillPointAtCategory(this.series, x)
                          if (drill && typeof drill.doDrilldown === 'function') {
                              drill.doDrilldown()
                              return
                          }
                          const point = pointAtCategory(this.series, x)
                          if (point) onClick(point)
                      },
                  },
              },
              plotOptions: {
                  ...options.plotOptions,
                  series: {
                      ...options.plotOptions?.series,
                      cursor: 'pointer',
                      point: {
                          events: {
                              click(this: Highcharts.Point) {
                                  // The module's handler drills (`drilldown` event)
                                  if (!isDrillPoint(this)) onClick(this)
                              },
                          },
                      },
                  },
              },
          }
        : options
