/**
 * Running a scan's requests: a few at a time, in plan order, reporting each one done, stopping at
 * the first failure or when the signal aborts. The fetch is injected (the data engine in the app,
 * the demo analytics engine in tests).
 */
import type { AnalyticsQuery, AnalyticsTable } from '../../api/analytics'
import { ScanTableMerger, type ScanTable } from './merge-tables'
import { SCAN_CONCURRENCY, type ScanRequest } from './scan-plan'
import { measureSince, perfNow } from '../../shared/perf/mark'

export type FetchTable = (query: AnalyticsQuery, signal?: AbortSignal) => Promise<AnalyticsTable>

export interface RunRequestsOptions {
    signal?: AbortSignal
    /** Called after each request: done so far, total */
    onProgress?: (done: number, total: number) => void
    concurrency?: number
}

const aborted = (signal: AbortSignal): unknown =>
    signal.reason ?? new DOMException('The scan was cancelled', 'AbortError')

/**
 * Runs the requests, handing each table to `receive` with its index in the plan as it comes (not
 * in plan order when several are in flight).
 */
const fetchEach = async (
    requests: readonly ScanRequest[],
    fetchTable: FetchTable,
    receive: (index: number, table: AnalyticsTable) => void,
    { signal, onProgress, concurrency = SCAN_CONCURRENCY }: RunRequestsOptions
): Promise<void> => {
    let next = 0
    let done = 0
    onProgress?.(0, requests.length)
    const worker = async (): Promise<void> => {
        while (next < requests.length) {
            if (signal?.aborted) throw aborted(signal)
            const index = next++
            receive(index, await fetchTable((requests[index] as ScanRequest).query, signal))
            done += 1
            onProgress?.(done, requests.length)
        }
    }
    const workers = Array.from(
        { length: Math.max(1, Math.min(concurrency, requests.length)) },
        worker
    )
    await Promise.all(workers)
}

/** The tables of the requests, in plan order. */
export const runScanRequests = async (
    requests: readonly ScanRequest[],
    fetchTable: FetchTable,
    options: RunRequestsOptions = {}
): Promise<AnalyticsTable[]> => {
    const tables: AnalyticsTable[] = new Array<AnalyticsTable>(requests.length)
    await fetchEach(requests, fetchTable, (index, table) => (tables[index] = table), options)
    return tables
}

/** A level's tables read as one, for `buildScanData` */
export interface ScanLevelTables {
    level: number
    /** The deepest level (`maxLevel` or below) */
    facilityLevel: boolean
    /** The ordinary tables of the level */
    table: ScanTable
    /**
     * The tables with the staggered reporting groups' set as a dimension, above the facility
     * level; `null` without any
     */
    groupTable: ScanTable | null
    groupSet: string | null
}

/**
 * The scan's requests run (`runScanRequests`) and their tables merged level by level
 * (`ScanTableMerger`): the ordinary ones, and those with a group set as a dimension (staggered
 * reporting groups) apart, each in plan order (the first value of a cell wins). Each table is
 * folded in as soon as the tables before it in the plan are in, so that no more than the
 * responses still in flight are held whole: only the values are kept.
 */
export const runScanLevels = async (
    requests: readonly ScanRequest[],
    fetchTable: FetchTable,
    maxLevel: number,
    options: RunRequestsOptions = {}
): Promise<ScanLevelTables[]> => {
    const levels = new Map<
        number,
        { plain: ScanTableMerger; grouped: ScanTableMerger | null; groupSet: string | null }
    >()
    for (const request of requests) {
        let level = levels.get(request.level)
        if (!level) {
            level = { plain: new ScanTableMerger(), grouped: null, groupSet: null }
            levels.set(request.level, level)
        }
        level.groupSet ??= request.groupSet ?? null
    }
    const pending = new Map<number, AnalyticsTable>()
    let folded = 0
    const receive = (index: number, table: AnalyticsTable) => {
        const folding = perfNow()
        pending.set(index, table)
        for (let next = pending.get(folded); next; next = pending.get(folded)) {
            pending.delete(folded)
            const request = requests[folded] as ScanRequest
            const level = levels.get(request.level)
            folded += 1
            if (!level) continue
            if (request.groupSet === undefined) level.plain.add(next)
            // Group set tables are read above the facility level only
            else if (request.level < maxLevel) (level.grouped ??= new ScanTableMerger()).add(next)
        }
        measureSince('scan:fold', folding)
    }
    await fetchEach(requests, fetchTable, receive, options)
    return [...levels].map(([level, { plain, grouped, groupSet }]) => ({
        level,
        facilityLevel: level >= maxLevel,
        table: plain.table(),
        groupTable: grouped && groupSet ? grouped.table() : null,
        groupSet,
    }))
}
