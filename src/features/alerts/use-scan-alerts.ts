import { useEffect, useState } from 'react'
import type { Pair } from '../../domain/config'
import { detectScanAlertsAsync, scanSize, type ScanAlert, type ScanOverrides } from './scan-alerts'
import type { ScanData } from './scan-data'

interface Result {
    scan: ScanData
    overrides: ScanOverrides
    alerts: ScanAlert[]
}

/**
 * The scan's alerts with the analyst's thresholds, computed in batches off the render (a facility
 * scan has thousands of org units): changing a threshold restarts the computation and keeps the
 * previous alerts of the same scan on screen meanwhile. No request is made.
 */
export const useScanAlerts = (
    scan: ScanData | undefined,
    pairs: readonly Pair[],
    overrides: ScanOverrides
) => {
    const [result, setResult] = useState<Result | null>(null)
    const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
    useEffect(() => {
        if (!scan) return undefined
        const controller = new AbortController()
        setProgress({ done: 0, total: scanSize(scan) })
        detectScanAlertsAsync(scan, pairs, overrides, {
            signal: controller.signal,
            onProgress: (done, total) => setProgress({ done, total }),
        })
            .then((alerts) => {
                if (controller.signal.aborted) return
                setResult({ scan, overrides, alerts })
                setProgress(null)
            })
            .catch(() => undefined)
        return () => controller.abort()
    }, [scan, pairs, overrides])
    const current = result && result.scan === scan ? result : null
    return {
        alerts: current?.alerts ?? null,
        /** The alerts shown are of other thresholds while new ones are computed */
        computing: progress !== null,
        progress,
    }
}
