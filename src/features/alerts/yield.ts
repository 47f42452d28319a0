/**
 * Yielding to the event loop during long computations (a scan of thousands of org units), so the
 * page repaints progress and reacts to Cancel. A message on a `MessageChannel` runs as a new task
 * at once; `setTimeout` would be throttled to once a second, or less, in a background tab.
 */
export const nextTask = (): Promise<void> =>
    new Promise((resolve) => {
        if (typeof MessageChannel === 'undefined') {
            setTimeout(resolve, 0)
            return
        }
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
            channel.port1.close()
            resolve()
        }
        channel.port2.postMessage(null)
    })

/** Milliseconds of work between yields: a few frames, so the page still answers at once */
export const SLICE_MS = 50
/** Milliseconds between progress reports: each one re-renders the page */
export const REPORT_MS = 250

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/**
 * A time slicer: `due()` says when to yield (after `batch` units of work or `SLICE_MS`, whichever
 * comes first), `yield()` yields and starts a new slice; `reportDue()` says when to report progress
 * (at every yield with `batch`, else every `REPORT_MS`).
 */
export const slicer = (batch = Number.POSITIVE_INFINITY) => {
    let start = now()
    let reported = start
    let count = 0
    return {
        due: (): boolean => {
            count += 1
            return count >= batch || now() - start >= SLICE_MS
        },
        reportDue: (): boolean => {
            if (Number.isFinite(batch) || now() - reported >= REPORT_MS) {
                reported = now()
                return true
            }
            return false
        },
        yield: async (): Promise<void> => {
            await nextTask()
            start = now()
            count = 0
        },
    }
}
