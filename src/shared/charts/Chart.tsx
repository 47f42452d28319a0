import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import HighchartsReact from 'highcharts-react-official'
import React, { useMemo, useRef } from 'react'
import { withPointClick, type PointClick } from './point-click'

export type { PointClick } from './point-click'

/** What `chartRef` points to: the chart drawn (for downloads, see `export-chart.ts`) */
export type ChartHandle = HighchartsReact.RefObject

/**
 * A Highcharts chart (accessibility on), sized to its container. Exporting is not loaded with it:
 * `downloadChartImage` loads it on demand.
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
    chartRef?: React.Ref<ChartHandle>
}) => {
    // The handler is read through a ref: a new callback identity must not re-create the chart
    const clickRef = useRef(onPointClick)
    clickRef.current = onPointClick
    const clickable = Boolean(onPointClick)
    const merged = useMemo(
        () =>
            withPointClick(
                {
                    ...options,
                    chart: { ...options.chart, height, style: { fontFamily: 'inherit' } },
                },
                clickable ? (point) => clickRef.current?.(point) : undefined
            ),
        [options, clickable, height]
    )
    return (
        <div data-test={dataTest} style={{ minWidth: 0 }}>
            <HighchartsReact highcharts={Highcharts} options={merged} immutable ref={chartRef} />
        </div>
    )
}
