import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import 'highcharts/modules/exporting'
import 'highcharts/modules/offline-exporting'
import 'highcharts/modules/export-data'
import HighchartsReact from 'highcharts-react-official'
import React, { useMemo, useRef } from 'react'

export type PointClick = (point: Highcharts.Point) => void

/** Adds a click handler to every point, so a chart's points open the next view (drill-down). */
export const withPointClick = (
    options: Highcharts.Options,
    onClick?: PointClick
): Highcharts.Options =>
    onClick
        ? {
              ...options,
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

/** A Highcharts chart (accessibility and offline exporting on), sized to its container. */
export const Chart = ({
    options,
    onPointClick,
    height = 380,
    dataTest,
}: {
    options: Highcharts.Options
    onPointClick?: PointClick
    height?: number
    dataTest?: string
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
            <HighchartsReact highcharts={Highcharts} options={merged} immutable />
        </div>
    )
}
