/**
 * A scan's data posted to its worker in pieces. A national facility scan's `ScanData` is about
 * 78,000 series (133 MB of heap): copied to the worker in one `postMessage`, its structured clone
 * took one main-thread task of 1.4 s (the page frozen). Cut into messages of at most a few
 * thousand series, org units or report counts, each posted in its own task, no task is long; the
 * worker puts them back together in order (`ScanAssembler`), exactly as they were. A national
 * scan is posted part by part, each batch of regions as soon as it is built, and the worker scans
 * each part as it is whole (`ScanAlertsInParts`). Pure code, no DOM.
 */
import type { Pair } from '../../domain/config'
import type { ScanOverrides } from './scan-alerts'
import type { LevelScanData, ScanData } from './scan-data'

/** What the worker scans (see `run-scan-alerts.ts`) */
export interface ScanWorkerRequest {
    scan: ScanData
    pairs: readonly Pair[]
    overrides: ScanOverrides
    /** The deepest (facility) level of the instance, when known */
    facilityLevel: number | null
}

/** The thresholds and levels a scan's alerts are computed with */
export type ScanSettings = Omit<ScanWorkerRequest, 'scan'>

/** One message of a scan posted in pieces, in the order `scanMessages` gives them */
export type ScanWorkerMessage =
    | {
          kind: 'start'
          pairs: readonly Pair[]
          overrides: ScanOverrides
          facilityLevel: number | null
      }
    | {
          kind: 'part'
          window: ScanData['window']
          dataSets: ScanData['dataSets']
          itemNames: ScanData['itemNames']
          levels: { level: number; facilityLevel: boolean }[]
      }
    | { kind: 'orgUnits'; level: number; orgUnits: LevelScanData['orgUnits'] }
    | { kind: 'series'; level: number; series: LevelScanData['series'] }
    | { kind: 'reports'; level: number; reports: LevelScanData['reports'] }
    /** The part is whole: the worker may scan it */
    | { kind: 'partDone' }
    /** Every part is in: the worker answers */
    | { kind: 'run' }

/** Most series, org units or org units' report counts in one message */
export const ITEMS_PER_MESSAGE = 2000

/**
 * The messages of one part of a scan (a batch of regions, or the whole scan), made one at a time
 * as they are asked for (so that only the one being posted is copied): its window and data sets,
 * then per level (in order, by their index in `scan.levels`) its org units, series and report
 * counts in slices of at most `perMessage`, then `partDone`.
 */
export function* partMessages(
    scan: ScanData,
    perMessage = ITEMS_PER_MESSAGE
): Generator<ScanWorkerMessage> {
    const size = Math.max(1, Math.floor(perMessage))
    yield {
        kind: 'part',
        window: scan.window,
        dataSets: scan.dataSets,
        itemNames: scan.itemNames,
        levels: scan.levels.map((level) => ({
            level: level.level,
            facilityLevel: level.facilityLevel,
        })),
    }
    for (const [index, level] of scan.levels.entries()) {
        for (let i = 0; i < level.orgUnits.length; i += size) {
            yield { kind: 'orgUnits', level: index, orgUnits: level.orgUnits.slice(i, i + size) }
        }
        for (let i = 0; i < level.series.length; i += size) {
            yield { kind: 'series', level: index, series: level.series.slice(i, i + size) }
        }
        const ids = Object.keys(level.reports)
        for (let i = 0; i < ids.length; i += size) {
            const reports: LevelScanData['reports'] = {}
            for (const id of ids.slice(i, i + size)) {
                reports[id] = level.reports[id] as LevelScanData['reports'][string]
            }
            yield { kind: 'reports', level: index, reports }
        }
    }
    yield { kind: 'partDone' }
}

/** The settings' message, first of a scan's */
export const startMessage = ({ pairs, overrides, facilityLevel }: ScanSettings) =>
    ({ kind: 'start', pairs, overrides, facilityLevel }) as const satisfies ScanWorkerMessage

/** A whole scan's messages: `start`, the scan as one part (`partMessages`), `run` */
export function* scanMessages(
    { scan, ...settings }: ScanWorkerRequest,
    perMessage = ITEMS_PER_MESSAGE
): Generator<ScanWorkerMessage> {
    yield startMessage(settings)
    yield* partMessages(scan, perMessage)
    yield { kind: 'run' }
}

/** The worker's side: the messages put back together, in the order they came. */
export class ScanAssembler {
    private started: ScanSettings | null = null
    private current: ScanData | null = null
    private finished: ScanData[] = []

    /** Takes one message; `true` once every part is in (`run`). */
    add(message: ScanWorkerMessage): boolean {
        if (message.kind === 'start') {
            this.started = {
                pairs: message.pairs,
                overrides: message.overrides,
                facilityLevel: message.facilityLevel,
            }
            this.current = null
            this.finished = []
            return false
        }
        if (!this.started) throw new Error('A scan message came before its start')
        if (message.kind === 'run') {
            if (this.current) throw new Error('The scan ended in the middle of a part')
            return true
        }
        if (message.kind === 'part') {
            if (this.current) throw new Error('A part of the scan began before the last one ended')
            this.current = {
                window: message.window,
                dataSets: message.dataSets,
                itemNames: message.itemNames,
                levels: message.levels.map((level) => ({
                    ...level,
                    orgUnits: [],
                    series: [],
                    reports: {},
                })),
            }
            return false
        }
        const part = this.current
        if (!part) throw new Error('A piece of the scan came outside a part')
        if (message.kind === 'partDone') {
            this.finished.push(part)
            this.current = null
            return false
        }
        const level = part.levels[message.level]
        if (!level) throw new Error(`A scan message for level #${message.level}, not started`)
        if (message.kind === 'orgUnits') {
            for (const unit of message.orgUnits) level.orgUnits.push(unit)
        } else if (message.kind === 'series') {
            for (const series of message.series) level.series.push(series)
        } else {
            Object.assign(level.reports, message.reports)
        }
        return false
    }

    /** The scan's settings (after `start`). */
    settings(): ScanSettings {
        if (!this.started) throw new Error('No scan was started')
        return this.started
    }

    /** The parts made whole (`partDone`) since the last call, in order. */
    takeParts(): ScanData[] {
        const parts = this.finished
        this.finished = []
        return parts
    }
}
