/**
 * Chart images on demand. Highcharts' exporting modules (≈ 13 KB gzip, and a context button that
 * costs ~20 ms per chart to draw) are not part of the first view: they load on the first download.
 * The image is made from the chart's options, drawn off-screen at a fixed export size, then
 * removed: so it works whether the chart is on screen or the card shows its table, and an image
 * from a phone is as readable as one from a desktop.
 */
import type Highcharts from 'highcharts'

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

/** The size exported images are drawn at (the layout's wide rules apply) */
export const EXPORT_SIZE = { width: 900, height: 520 } as const

/** What the exporting module adds to a chart drawn after it was loaded (local export, with offline-exporting) */
type ExportableChart = Highcharts.Chart & {
    exporting?: { exportChart: (options: Highcharts.ExportingOptions) => Promise<void> | void }
}

/**
 * Downloads a chart as an image, made in the browser (never sent to an export server), named after
 * the options' `exporting.filename`.
 */
export const downloadChartImage = async (
    options: Highcharts.Options,
    type: ChartImageType
): Promise<void> => {
    await loadExporting()
    const { default: Highcharts } = await import('highcharts')
    const container = document.createElement('div')
    Object.assign(container.style, {
        position: 'absolute',
        left: '-10000px',
        top: '0',
        width: `${EXPORT_SIZE.width}px`,
    })
    document.body.appendChild(container)
    const copy: ExportableChart = Highcharts.chart(
        container,
        Highcharts.merge(options, {
            chart: { ...EXPORT_SIZE, animation: false, style: { fontFamily: 'sans-serif' } },
        })
    )
    try {
        if (!copy.exporting) throw new Error('Highcharts exporting is not available')
        await copy.exporting.exportChart({ type, filename: options.exporting?.filename })
    } finally {
        copy.destroy()
        container.remove()
    }
}
