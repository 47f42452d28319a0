/**
 * Runs the alert detectors, the grouping into entries and the ranking off the main thread, so that
 * the Alerts page stays responsive over thousands of facilities. A thin wrapper: the logic is
 * `scan-alerts.ts` and `scan-entries.ts`, tested there.
 */
import { detectScanAlerts } from './scan-alerts'
import { scanEntries, stockoutsByDuration } from './scan-entries'
import type { ScanWorkerResponse } from './run-scan-alerts'
import { ScanAssembler, type ScanWorkerMessage } from './scan-transfer'

const scope = self as unknown as {
    onmessage: ((event: MessageEvent<ScanWorkerMessage>) => void) | null
    postMessage: (message: ScanWorkerResponse) => void
}

const assembler = new ScanAssembler()

scope.onmessage = (event) => {
    try {
        // The scan comes in pieces (`scanMessages`), the last one `run`
        if (!assembler.add(event.data)) return
        const { scan, pairs, overrides, facilityLevel } = assembler.scan()
        const started = performance.now()
        const alerts = detectScanAlerts(scan, pairs, overrides)
        const entries = scanEntries(alerts, { facilityLevel, outlierZ: overrides.zScore })
        const stockouts = stockoutsByDuration(alerts)
        scope.postMessage({
            ok: true,
            result: { alerts, entries, stockouts },
            milliseconds: performance.now() - started,
        })
    } catch (error) {
        scope.postMessage({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
        })
    }
}
