import React from 'react'
import classes from './Chart.module.css'

/**
 * The box of a chart, or of its placeholder: its size set, its layout contained (a chart being
 * drawn measures its text without laying out the rest of the page). Without Highcharts: the card
 * shows it before the charts' code is loaded.
 */
export const ChartBox = ({
    height,
    dataTest,
    children,
}: {
    height: number
    dataTest?: string
    children: React.ReactNode
}) => (
    <div
        data-test={dataTest}
        style={{
            minWidth: 0,
            maxWidth: '100%',
            overflow: 'hidden',
            height,
            contain: 'size layout paint',
        }}
    >
        {children}
    </div>
)

/** Where a chart will be drawn: its size, a quiet background */
export const ChartPlaceholder = ({ height }: { height: number }) => (
    <div
        className={classes.placeholder}
        style={{ height }}
        data-test="chart-placeholder"
        aria-hidden="true"
    />
)
