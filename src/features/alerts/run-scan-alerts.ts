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

import { scanMessages, type ScanWorkerRequest } from './scan-transfer'
import { nextTask } from './yield'

export type { ScanWorkerRequest } from './scan-transfer'

export interface ScanResult {
    alerts: ScanAlert[]
    entries: ScanEntry[]
    stockouts: StockoutEntry[]
}

export type ScanWorkerResponse =
    { ok: true; result: ScanResult; milliseconds: number } | { ok: false; message: string }

const aborted = (signal: AbortSignal): unknown =>
    signal.reason ?? new DOMException('Aborted', 'AbortError')

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
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(aborted(signal))
            return
        }
        const worker = new Worker(new URL('./scan.worker.ts', import.meta.url), {
            type: 'module',
        })
        const stop = () => {
            worker.terminate()
            if (signal) reject(aborted(signal))
        }
        signal?.addEventListener('abort', stop, { once: true })
        worker.onmessage = (event: MessageEvent<ScanWorkerResponse>) => {
            signal?.removeEventListener('abort', stop)
            worker.terminate()
            const receiving = perfNow()
            const data = event.data
            measureSince('scan:receive', receiving)
            measureSince('scan:worker', posted, data.ok ? data.milliseconds : undefined)
            if (data.ok) resolve(data.result)
            else reject(new Error(data.message))
        }
        worker.onerror = (event) => {
            signal?.removeEventListener('abort', stop)
            worker.terminate()
            reject(new Error(event.message || 'The alert scan worker failed'))
        }
        const posted = perfNow()
        // The scan in pieces, each posted in its own task (`scan-transfer.ts`)
        void (async () => {
            for (const message of scanMessages(request)) {
                if (signal?.aborted) return
                const posting = perfNow()
                worker.postMessage(message)
                measureSince('scan:post', posting)
                await nextTask()
            }
        })()
    })
}
