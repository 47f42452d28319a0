import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import HighchartsReact from 'highcharts-react-official'
import React, { useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import { useDrawTurn } from '../lazy/LazyMount'
import { withMinPlotHeight } from './min-plot'
import { withPointClick, type PointClick } from './point-click'
import classes from './Chart.module.css'

export type { PointClick } from './point-click'

/** What `chartRef` points to: the chart drawn */
export type ChartHandle = HighchartsReact.RefObject

/**
 * A Highcharts chart (accessibility on), as wide as its container and `height` high (the card
 * derives it from its size, `chartGridLayout`); the plot keeps at least `MIN_PLOT_HEIGHT` pixels.
 * A new height resizes the chart drawn rather than drawing it again. Exporting is not loaded with
 * it: `downloadChartImage` loads it on demand.
 */
export const Chart = ({
    options,
    onPointClick,
    height = 380,
    dataTest,
    chartRef,
}: {
    options: Highcharts.Options
    onPointClick?: PointClick
    height?: number
    dataTest?: string
    chartRef?: React.Ref<ChartHandle | null>
}) => {
    // The handler is read through a ref: a new callback identity must not re-create the chart
    const clickRef = useRef(onPointClick)
    clickRef.current = onPointClick
    const heightRef = useRef(height)
    heightRef.current = height
    const inner = useRef<ChartHandle>(null)
    useImperativeHandle(chartRef, () => inner.current, [])
    const clickable = Boolean(onPointClick)
    const merged = useMemo(
        () =>
            withMinPlotHeight(
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
                )
            ),
        [options, clickable]
    )
    const shown = useDrawTurn(merged)
    useEffect(() => {
        const chart = inner.current?.chart
        if (chart?.renderer && Math.round(chart.chartHeight) !== height) {
            chart.setSize(null, height, false)
        }
    }, [height])
    return (
        <div data-test={dataTest} style={{ minWidth: 0, maxWidth: '100%', overflow: 'hidden' }}>
            {shown ? (
                <HighchartsReact highcharts={Highcharts} options={shown} immutable ref={inner} />
            ) : (
                <div
                    className={classes.placeholder}
                    style={{ height }}
                    data-test="chart-placeholder"
                    aria-hidden="true"
                />
            )}
        </div>
    )
}
