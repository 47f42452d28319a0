import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import HighchartsReact from 'highcharts-react-official'
import React, { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react'
import { useDrawTurn } from '../lazy/LazyMount'
import { withMinPlotHeight } from './min-plot'
import { withPointClick, type PointClick } from './point-click'
import classes from './Chart.module.css'

export type { PointClick } from './point-click'

/** Calls `onDrawn` with the chart's height after each render (it may grow: `withMinPlotHeight`). */
const withDrawnHeight = (
    options: Highcharts.Options,
    onDrawn: (height: number) => void
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
                    onDrawn(Math.round(this.chartHeight))
                },
            },
        },
    }
}

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
    // The height the chart was drawn at (more than `height` when its plot needed room)
    const [drawnHeight, setDrawnHeight] = useState<number | null>(null)
    const drawnRef = useRef(setDrawnHeight)
    const merged = useMemo(
        () =>
            withDrawnHeight(
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
                (drawn) => drawnRef.current(drawn)
            ),
        [options, clickable]
    )
    const shown = useDrawTurn(merged)
    useEffect(() => {
        const chart = inner.current?.chart
        if (chart?.renderer && Math.round(chart.chartHeight) !== height) {
            chart.setSize(null, height, false)
        }
        // also for a chart drawn in its turn with options made at another height
    }, [height, shown])
    // The box of the chart (or of its placeholder) has its size set and contains its layout: a
    // chart being drawn measures its text without laying out the rest of the page
    const boxHeight = shown ? Math.max(height, drawnHeight ?? height) : height
    return (
        <div
            data-test={dataTest}
            style={{
                minWidth: 0,
                maxWidth: '100%',
                overflow: 'hidden',
                height: boxHeight,
                contain: 'size layout paint',
            }}
        >
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
