import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
// Highcharts 12's modules are UMD: imported after `highcharts`, each extends that one copy (the
// CommonJS build registers itself for them), as the accessibility module above
import 'highcharts/modules/drilldown'
import HighchartsReact from 'highcharts-react-official'
import React, { useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import { withMinPlotHeight } from './min-plot'
import { withPointClick, type PointClick } from './point-click'

export type { PointClick } from './point-click'

/** What `chartRef` points to: the chart drawn */
export type ChartHandle = HighchartsReact.RefObject

/** A drill-down point clicked (the drilldown module's `drilldown` event): its chart asks for the level below */
export type DrilldownHandler = (point: Highcharts.Point) => void

/**
 * The chart's `drilldown` event, once per click: a click on a drillable axis label raises it for
 * every shown series' point of that category (`Axis#drilldownCategory`); the first one counts.
 */
const withDrilldownEvent = (
    options: Highcharts.Options,
    onDrilldown: DrilldownHandler
): Highcharts.Options => ({
    ...options,
    chart: {
        ...options.chart,
        events: {
            ...options.chart?.events,
            drilldown(event: Highcharts.DrilldownEventObject) {
                if (Array.isArray(event.points)) {
                    const first = event.points.find(
                        (point): point is Highcharts.Point => typeof point === 'object'
                    )
                    if (first && first !== event.point) return
                }
                onDrilldown(event.point)
            },
        },
    },
})

/**
 * A Highcharts chart (accessibility on), as wide as its container and `height` high (the card
 * derives it from its size, `chartGridLayout`); the plot keeps at least `MIN_PLOT_HEIGHT` pixels.
 * A new height resizes the chart drawn rather than drawing it again. Exporting is not loaded with
 * it: `downloadChartImage` loads it on demand.
 */
export const Chart = ({
    options,
    onPointClick,
    onDrilldown,
    height = 380,
    dataTest,
    chartRef,
}: {
    options: Highcharts.Options
    onPointClick?: PointClick
    /** A drill-down point (or its column, or its axis label) clicked */
    onDrilldown?: DrilldownHandler
    height?: number
    dataTest?: string
    chartRef?: React.Ref<ChartHandle | null>
}) => {
    // The handler is read through a ref: a new callback identity must not re-create the chart
    const clickRef = useRef(onPointClick)
    clickRef.current = onPointClick
    const drilldownRef = useRef(onDrilldown)
    drilldownRef.current = onDrilldown
    const heightRef = useRef(height)
    heightRef.current = height
    const inner = useRef<ChartHandle>(null)
    useImperativeHandle(chartRef, () => inner.current, [])
    const clickable = Boolean(onPointClick)
    const merged = useMemo(
        () =>
            withMinPlotHeight(
                withDrilldownEvent(
                    withPointClick(
                        {
                            ...options,
                            chart: {
                                ...options.chart,
                                height: heightRef.current,
                                style: { fontFamily: 'inherit' },
                            },
                        },
                        clickable ? (point) => clickRef.current?.(point) : undefined
                    ),
                    (point) => drilldownRef.current?.(point)
                )
            ),
        [options, clickable]
    )
    useEffect(() => {
        const chart = inner.current?.chart
        if (chart?.renderer && Math.round(chart.chartHeight) !== height) {
            chart.setSize(null, height, false)
        }
    }, [height])
    return (
        <div data-test={dataTest} style={{ minWidth: 0, maxWidth: '100%', overflow: 'hidden' }}>
            <HighchartsReact highcharts={Highcharts} options={merged} immutable ref={inner} />
        </div>
    )
}
