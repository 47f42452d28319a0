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
