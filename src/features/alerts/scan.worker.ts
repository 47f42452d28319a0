/**
 * Runs the alert detectors, the grouping into entries and the ranking off the main thread, so that
 * the Alerts page stays responsive over thousands of facilities. A thin wrapper: the logic is
 * `scan-alerts.ts` and `scan-entries.ts`, tested there.
 *
 * The scan comes in parts (`scan-transfer.ts`): each part (a batch of regions of a national scan,
 * or the whole scan) is scanned as soon as it is whole, while the page fetches and builds the
 * next; on `run` only what spans the parts is left (shares of the parents' totals, the ranking,
 * the entries).
 */
import { ScanAlertsInParts } from './scan-alerts'
import { scanEntries, stockoutsByDuration } from './scan-entries'
import type { ScanWorkerResponse } from './run-scan-alerts'
import { ScanAssembler, type ScanWorkerMessage } from './scan-transfer'

const scope = self as unknown as {
    onmessage: ((event: MessageEvent<ScanWorkerMessage>) => void) | null
    postMessage: (message: ScanWorkerResponse) => void
}

const assembler = new ScanAssembler()
let scan: ScanAlertsInParts | null = null
/** The worker's time on the parts before `run` */
let partsMilliseconds = 0

scope.onmessage = (event) => {
    try {
        const message = event.data
        const done = assembler.add(message)
        if (message.kind === 'start') {
            const { pairs, overrides } = assembler.settings()
            scan = new ScanAlertsInParts(pairs, overrides)
            partsMilliseconds = 0
        }
        if (!scan) return
        for (const part of assembler.takeParts()) {
            const started = performance.now()
            scan.add(part)
            partsMilliseconds += performance.now() - started
        }
        if (!done) return
        const { overrides, facilityLevel } = assembler.settings()
        const started = performance.now()
        const alerts = scan.alerts()
        const entries = scanEntries(alerts, { facilityLevel, outlierZ: overrides.zScore })
        const stockouts = stockoutsByDuration(alerts)
        scope.postMessage({
            ok: true,
            result: { alerts, entries, stockouts },
            milliseconds: performance.now() - started,
            partsMilliseconds,
        })
    } catch (error) {
        scope.postMessage({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
        })
    }
}
