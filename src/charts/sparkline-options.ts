/**
 * A small static chart of one series (print view of the alerts): line, no animation, no tooltip,
 * the alert's period marked, axis labels small. Names are escaped (see `common.ts`).
 */
import type { Options } from 'highcharts'
import { escapeHtml } from '../domain/text'
import { seriesColor, type SeriesKind } from './palette'

export interface SparklineInput {
    /** Plain text */
    title: string
    /** Period ids, in order */
    periods: readonly string[]
    /** Period names for the axis, by id */
    periodName: (id: string) => string
    values: readonly (number | null)[]
    kind: SeriesKind
    /** The alert's period (a month of `periods`, or a quarter: its months are marked) */
    marked: readonly string[]
    width: number
    height: number
    /** Plain text: read by screen readers */
    description: string
}

export const sparklineOptions = ({
    title,
    periods,
    periodName,
    values,
    kind,
    marked,
    width,
    height,
    description,
}: SparklineInput): Options => {
    const markedIndexes = periods.flatMap((p, i) => (marked.includes(p) ? [i] : []))
    const first = markedIndexes[0]
    const last = markedIndexes[markedIndexes.length - 1]
    return {
        chart: {
            type: 'line',
            width,
            height,
            animation: false,
            spacing: [4, 4, 2, 2],
            style: { fontFamily: 'inherit' },
        },
        accessibility: { description: escapeHtml(description) },
        title: {
            text: escapeHtml(title),
            align: 'left',
            style: { fontSize: '11px', fontWeight: '600' },
        },
        credits: { enabled: false },
        legend: { enabled: false },
        tooltip: { enabled: false },
        exporting: { enabled: false },
        xAxis: {
            categories: periods.map((p) => escapeHtml(periodName(p))),
            // About three labels whole (first, middle, last), never cut to "…"
            labels: {
                step: Math.max(1, Math.ceil(periods.length / 3)),
                autoRotation: [0],
                style: { fontSize: '8px', textOverflow: 'none', whiteSpace: 'nowrap' },
            },
            tickLength: 0,
            plotBands:
                first !== undefined && last !== undefined
                    ? [{ from: first - 0.5, to: last + 0.5, color: 'rgba(255, 170, 0, 0.25)' }]
                    : [],
        },
        yAxis: {
            title: { text: undefined },
            min: 0,
            labels: { style: { fontSize: '8px' } },
            maxPadding: 0.05,
        },
        plotOptions: {
            series: {
                animation: false,
                enableMouseTracking: false,
                marker: { radius: 2 },
                states: { hover: { enabled: false } },
            },
        },
        series: [
            {
                type: 'line',
                name: escapeHtml(title),
                color: seriesColor(kind),
                data: values.map((v) => (v === null ? null : v)),
            },
        ],
    }
}
