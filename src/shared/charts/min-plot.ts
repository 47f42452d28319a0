import type Highcharts from 'highcharts'
import { heightForMinPlot } from '../../charts/layout'

/**
 * `options` with `handler` run after each render of the chart, after the render handler the options
 * already had (Highcharts takes one `chart.events.render`).
 */
export const withRenderHandler = (
    options: Highcharts.Options,
    handler: (chart: Highcharts.Chart) => void
): Highcharts.Options => {
    const previous = options.chart?.events?.render
    return {
        ...options,
        chart: {
            ...options.chart,
            events: {
                ...options.chart?.events,
                render(this: Highcharts.Chart, event: Event) {
                    if (typeof previous === 'function') previous.call(this, event)
                    handler(this)
                },
            },
        },
    }
}

/**
 * Adds the layout rule's safety net to a chart: after each render, a plot lower than
 * `MIN_PLOT_HEIGHT` (long wrapped titles, a legend of many items, rotated labels) makes the chart
 * taller by what is missing, so the data always has room.
 */
export const withMinPlotHeight = (options: Highcharts.Options): Highcharts.Options =>
    withRenderHandler(options, (chart) => {
        const next = heightForMinPlot(chart.chartHeight, chart.plotHeight)
        // Not during this render: Highcharts is still drawing
        if (next !== null) {
            setTimeout(() => {
                if (chart.renderer && chart.chartHeight < next) {
                    chart.setSize(null, next, false)
                }
            }, 0)
        }
    })
