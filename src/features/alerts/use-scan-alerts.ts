import { useEffect, useState } from 'react'
import type { Pair } from '../../domain/config'
import { preparedScanResult, runScanAlerts, type ScanResult } from './run-scan-alerts'
import type { ScanOverrides } from './scan-alerts'
import type { ScanData } from './scan-data'
import type { ScanEntry, StockoutEntry } from './scan-entries'

interface Result extends ScanResult {
    scan: ScanData
    overrides: ScanOverrides
}

/**
 * The scan's alerts with the analyst's thresholds, grouped into ranked entries and the stockout
 * list, computed in a Web Worker (the page never freezes, whatever the number of facilities), or
 * taken from the worker that scanned the scan's parts as they came (`useAlertScan`'s `alerts`):
 * changing a threshold restarts the computation and keeps the previous entries of the same scan
 * on screen meanwhile. No request is made.
 */
export const useScanAlerts = (
    scan: ScanData | undefined,
    pairs: readonly Pair[],
    overrides: ScanOverrides,
    facilityLevel: number | null = null
) => {
    const [result, setResult] = useState<Result | null>(null)
    const [computing, setComputing] = useState(false)
    const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
    useEffect(() => {
        if (!scan) return undefined
        const controller = new AbortController()
        setComputing(true)
        setProgress(null)
        const run = () =>
            runScanAlerts(
                { scan, pairs, overrides, facilityLevel },
                {
                    signal: controller.signal,
                    onProgress: (done, total) => setProgress({ done, total }),
                }
            )
        // Computed while the scan came, part by part (`useAlertScan`), when of these thresholds;
        // should that have failed, computed again
        const prepared = preparedScanResult(scan, { pairs, overrides, facilityLevel })
        ;(prepared ? prepared.catch(() => (controller.signal.aborted ? prepared : run())) : run())
            .then((computed) => {
                if (controller.signal.aborted) return
                setResult({ scan, overrides, ...computed })
                setComputing(false)
                setProgress(null)
            })
            .catch(() => {
                if (!controller.signal.aborted) setComputing(false)
            })
        return () => controller.abort()
    }, [scan, pairs, overrides, facilityLevel])
    const current = result && result.scan === scan ? result : null
    return {
        alerts: current?.alerts ?? null,
        entries: (current?.entries ?? null) as ScanEntry[] | null,
        stockouts: (current?.stockouts ?? null) as StockoutEntry[] | null,
        /** The entries shown are of other thresholds (or none yet) while new ones are computed */
        computing,
        /** Org units done, when computed in the page (no worker) */
        progress,
    }
}
