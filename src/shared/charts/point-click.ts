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

/**
 * Adds a click handler to every point, so a chart's points open the next view (drill-down). A
 * click elsewhere in the plot area counts for the category under it: Highcharts only knows which
 * point a click is on once the mouse has hovered it (a click right after the chart is drawn, before
 * its point index is built, or a tap, would otherwise be lost), and a month's whole column is a
 * bigger target than a 6-pixel marker.
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
                          const point = pointAtCategory(this.series, Math.round(axis.value))
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
                                  onClick(this)
                              },
                          },
                      },
                  },
              },
          }
        : options
