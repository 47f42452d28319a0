import type Highcharts from 'highcharts'
import { heightForMinPlot } from '../../charts/layout'

/**
 * Adds the layout rule's safety net to a chart: after each render, a plot lower than
 * `MIN_PLOT_HEIGHT` (long wrapped titles, a legend of many items, rotated labels) makes the chart
 * taller by what is missing, so the data always has room.
 */
export const withMinPlotHeight = (options: Highcharts.Options): Highcharts.Options => {
    const previous = options.chart?.events?.render
    return {
        ...options,
        chart: {
            ...options.chart,
            events: {
                ...options.chart?.events,
                render(this: Highcharts.Chart, event: Event) {
                    if (typeof previous === 'function') previous.call(this, event)
                    const next = heightForMinPlot(this.chartHeight, this.plotHeight)
                    // Not during this render: Highcharts is still drawing
                    if (next !== null) {
                        setTimeout(() => {
                            if (this.renderer && this.chartHeight < next) {
                                this.setSize(null, next, false)
                            }
                        }, 0)
                    }
                },
            },
        },
    }
}
