/**
 * The scan's alerts, entries and stockouts computed in a Web Worker (`scan.worker.ts`, bundled by
 * the platform's Vite build from the `new Worker(new URL(...), { type: 'module' })` pattern, as
 * the facility matcher does), or in the page in slices where workers are not available (tests in
 * jsdom). Cancelling terminates the worker.
 */
import { measureSince, perfNow } from '../../shared/perf/mark'
import { detectScanAlertsAsync, type ScanAlert } from './scan-alerts'
import {
    scanEntries,
    stockoutsByDuration,
    type ScanEntry,
    type StockoutEntry,
} from './scan-entries'

import type { ScanData } from './scan-data'
import {
    partMessages,
    scanMessages,
    startMessage,
    type ScanSettings,
    type ScanWorkerMessage,
    type ScanWorkerRequest,
} from './scan-transfer'
import { nextTask } from './yield'

export type { ScanWorkerRequest } from './scan-transfer'

export interface ScanResult {
    alerts: ScanAlert[]
    entries: ScanEntry[]
    stockouts: StockoutEntry[]
}

export type ScanWorkerResponse =
    | {
          ok: true
          result: ScanResult
          /** The worker's time after `run` (what was left once every part was in) */
          milliseconds: number
          /** The worker's time on the parts before `run` */
          partsMilliseconds: number
      }
    | { ok: false; message: string }

const aborted = (signal: AbortSignal): unknown =>
    signal.reason ?? new DOMException('Aborted', 'AbortError')

/**
 * A scan worker: `post` sends messages (each in its own task, `scan-transfer.ts`), `result` is its
 * answer after `run`. Aborting `signal` terminates it and rejects `result`. The measure
 * `scan:worker` runs from the first message (`inParts`: from `run`, what is left after the last
 * part) to the result, with the worker's own time over the same span as its detail.
 */
const openScanWorker = (signal: AbortSignal | undefined, inParts: boolean) => {
    const worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' })
    let ran = perfNow()
    let settle: { resolve: (result: ScanResult) => void; reject: (error: unknown) => void }
    const result = new Promise<ScanResult>((resolve, reject) => {
        settle = { resolve, reject }
    })
    // Awaited by whoever takes the result; a failure meanwhile is not left unhandled
    result.catch(() => undefined)
    const stop = () => {
        worker.terminate()
        if (signal) settle.reject(aborted(signal))
    }
    if (signal?.aborted) stop()
    signal?.addEventListener('abort', stop, { once: true })
    worker.onmessage = (event: MessageEvent<ScanWorkerResponse>) => {
        signal?.removeEventListener('abort', stop)
        worker.terminate()
        const receiving = perfNow()
        const data = event.data
        measureSince('scan:receive', receiving)
        measureSince(
            'scan:worker',
            ran,
            data.ok ? data.milliseconds + (inParts ? 0 : data.partsMilliseconds) : undefined
        )
        if (data.ok) settle.resolve(data.result)
        else settle.reject(new Error(data.message))
    }
    worker.onerror = (event) => {
        signal?.removeEventListener('abort', stop)
        worker.terminate()
        settle.reject(new Error(event.message || 'The alert scan worker failed'))
    }
    /** Posts the messages, one task each; stops when `signal` aborts */
    const post = async (messages: Iterable<ScanWorkerMessage>): Promise<void> => {
        for (const message of messages) {
            if (signal?.aborted) return
            if (inParts && message.kind === 'run') ran = perfNow()
            const posting = perfNow()
            worker.postMessage(message)
            measureSince('scan:post', posting)
            await nextTask()
        }
    }
    return { post, result }
}

/** The scan's alerts, entries and stockouts; rejects when `signal` aborts. */
export const runScanAlerts = (
    request: ScanWorkerRequest,
    {
        signal,
        onProgress,
    }: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}
): Promise<ScanResult> => {
    if (typeof Worker === 'undefined') {
        return detectScanAlertsAsync(request.scan, request.pairs, request.overrides, {
            ...(signal ? { signal } : {}),
            ...(onProgress ? { onProgress } : {}),
        }).then((alerts) => ({
            alerts,
            entries: scanEntries(alerts, {
                facilityLevel: request.facilityLevel,
                outlierZ: request.overrides.zScore,
            }),
            stockouts: stockoutsByDuration(alerts),
        }))
    }
    if (signal?.aborted) return Promise.reject(aborted(signal))
    const worker = openScanWorker(signal, false)
    // The scan in pieces, each posted in its own task (`scan-transfer.ts`)
    void worker.post(scanMessages(request))
    return worker.result
}

/** A scan scanned part by part as it comes (`scanInParts`) */
export interface ScanInParts {
    /** Posts the next part (a batch of regions) for the worker to scan at once */
    add: (part: ScanData) => Promise<void>
    /** Every part is in: the result, once the worker has finished */
    finish: () => Promise<ScanResult>
}

/**
 * A worker that scans a scan's parts as they are built (`ScanAlertsInParts`), so that after the
 * last part only that part's scan and the ranking are left; `null` where workers are not
 * available (then the whole scan is computed afterwards, `runScanAlerts`). Aborting `signal`
 * terminates the worker.
 */
export const scanInParts = (
    settings: ScanSettings,
    { signal }: { signal?: AbortSignal } = {}
): ScanInParts | null => {
    if (typeof Worker === 'undefined' || signal?.aborted) return null
    const worker = openScanWorker(signal, true)
    // One part posted at a time, in order
    let posting = worker.post([startMessage(settings)])
    return {
        add: (part) => (posting = posting.then(() => worker.post(partMessages(part)))),
        finish: () => {
            posting = posting.then(() => worker.post([{ kind: 'run' }]))
            return worker.result
        },
    }
}

/** Results computed while the scan came (`scanInParts`), by scan, with the settings they are of */
const prepared = new WeakMap<ScanData, { key: string; result: Promise<ScanResult> }>()

const settingsKey = ({ pairs, overrides, facilityLevel }: ScanSettings): string =>
    JSON.stringify({ pairs, overrides, facilityLevel })

/** Keeps the result computed while `scan` came, for `preparedScanResult` */
export const prepareScanResult = (
    scan: ScanData,
    settings: ScanSettings,
    result: Promise<ScanResult>
): void => {
    prepared.set(scan, { key: settingsKey(settings), result })
}

/** The result computed while `scan` came, if it is of these settings */
export const preparedScanResult = (
    scan: ScanData,
    settings: ScanSettings
): Promise<ScanResult> | null => {
    const found = prepared.get(scan)
    return found && found.key === settingsKey(settings) ? found.result : null
}
