/**
 * Chart images on demand. Highcharts' exporting modules (≈ 13 KB gzip, and a context button that
 * costs ~20 ms per chart to draw) are not part of the first view: they load on the first download.
 * A chart drawn before they were loaded has no exporter, so the image is made from a copy of it
 * drawn off-screen, at the same size, then removed.
 */
import Highcharts from 'highcharts'

let loading: Promise<void> | null = null

/** Loads the exporting and offline-exporting modules, once (a failed load can be tried again). */
export const loadExporting = (): Promise<void> => {
    loading ??= (async () => {
        await import('highcharts/modules/exporting')
        // Offline exporting composes onto the exporting module: after it
        await import('highcharts/modules/offline-exporting')
    })().catch((error: unknown) => {
        loading = null
        throw error
    })
    return loading
}

export type ChartImageType = 'image/png' | 'image/svg+xml'

/** What the exporting module adds to a chart drawn after it was loaded (local export, with offline-exporting) */
type ExportableChart = Highcharts.Chart & {
    exporting?: { exportChart: (options: Highcharts.ExportingOptions) => Promise<void> | void }
}

/**
 * Downloads a chart as an image, made in the browser (never sent to an export server), named after
 * the chart's `exporting.filename`.
 */
export const downloadChartImage = async (
    chart: Highcharts.Chart,
    type: ChartImageType
): Promise<void> => {
    await loadExporting()
    const container = document.createElement('div')
    Object.assign(container.style, {
        position: 'absolute',
        left: '-10000px',
        top: '0',
        width: `${chart.chartWidth}px`,
    })
    document.body.appendChild(container)
    const copy: ExportableChart = Highcharts.chart(
        container,
        Highcharts.merge(chart.userOptions, {
            chart: { width: chart.chartWidth, height: chart.chartHeight, animation: false },
        })
    )
    try {
        if (!copy.exporting) throw new Error('Highcharts exporting is not available')
        await copy.exporting.exportChart({ type, filename: chart.options.exporting?.filename })
    } finally {
        copy.destroy()
        container.remove()
    }
}
