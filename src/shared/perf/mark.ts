/**
 * A user-timing mark (`triangulate:<name>`) of a step of the app's start, read by the bench's
 * navigation probe (`bench/nav-probe.ts`) and visible in the browser's performance panel.
 * Marked once per page: later calls with the same name are ignored.
 */
const marked = new Set<string>()

export const markOnce = (name: string): void => {
    if (marked.has(name) || typeof performance === 'undefined' || !performance.mark) return
    marked.add(name)
    performance.mark(`triangulate:${name}`)
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** The time now, as `measureSince` takes it. */
export const perfNow = (): number => now()

/**
 * A user-timing measure `triangulate:<name>` from `start` (a `perfNow()`) to now, read by the
 * bench's alert-scan probe (`bench/scan-probe.ts`: the main thread's parsing and merging, the
 * worker's scan) and visible in the browser's performance panel. `detail` is kept with it.
 */
export const measureSince = (name: string, start: number, detail?: unknown): void => {
    if (typeof performance === 'undefined' || !performance.measure) return
    try {
        performance.measure(`triangulate:${name}`, { start, end: now(), detail })
    } catch {
        // a browser without measure options: the app works the same without the measure
    }
}
