/**
 * Running a scan's requests: a few at a time, in plan order, reporting each one done, stopping at
 * the first failure or when the signal aborts. The fetch is injected (the data engine in the app,
 * the demo analytics engine in tests).
 */
import type { AnalyticsQuery, AnalyticsTable } from '../../api/analytics'
import { SCAN_CONCURRENCY, type ScanRequest } from './scan-plan'

export type FetchTable = (query: AnalyticsQuery, signal?: AbortSignal) => Promise<AnalyticsTable>

export interface RunRequestsOptions {
    signal?: AbortSignal
    /** Called after each request: done so far, total */
    onProgress?: (done: number, total: number) => void
    concurrency?: number
}

const aborted = (signal: AbortSignal): unknown =>
    signal.reason ?? new DOMException('The scan was cancelled', 'AbortError')

/** The tables of the requests, in plan order. */
export const runScanRequests = async (
    requests: readonly ScanRequest[],
    fetchTable: FetchTable,
    { signal, onProgress, concurrency = SCAN_CONCURRENCY }: RunRequestsOptions = {}
): Promise<AnalyticsTable[]> => {
    const tables: AnalyticsTable[] = new Array<AnalyticsTable>(requests.length)
    let next = 0
    let done = 0
    onProgress?.(0, requests.length)
    const worker = async (): Promise<void> => {
        while (next < requests.length) {
            if (signal?.aborted) throw aborted(signal)
            const index = next++
            tables[index] = await fetchTable((requests[index] as ScanRequest).query, signal)
            done += 1
            onProgress?.(done, requests.length)
        }
    }
    const workers = Array.from(
        { length: Math.max(1, Math.min(concurrency, requests.length)) },
        worker
    )
    await Promise.all(workers)
    return tables
}

/**
 * The tables of each level, for `buildScanData`: the ordinary ones, and those with a group set as
 * a dimension (staggered reporting groups) apart.
 */
export const tablesByLevel = (
    requests: readonly ScanRequest[],
    tables: readonly AnalyticsTable[],
    maxLevel: number
): {
    level: number
    facilityLevel: boolean
    tables: AnalyticsTable[]
    groupTables: AnalyticsTable[]
    groupSet: string | null
}[] => {
    const levels = [...new Set(requests.map((request) => request.level))]
    const of = (level: number, grouped: boolean) =>
        requests.flatMap((request, i) =>
            request.level === level && (request.groupSet !== undefined) === grouped && tables[i]
                ? [tables[i] as AnalyticsTable]
                : []
        )
    return levels.map((level) => ({
        level,
        facilityLevel: level >= maxLevel,
        tables: of(level, false),
        groupTables: of(level, true),
        groupSet:
            requests.find((request) => request.level === level && request.groupSet)?.groupSet ??
            null,
    }))
}
