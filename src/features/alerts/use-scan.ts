import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState } from 'react'
import { parseAnalyticsResponse, type AnalyticsQuery } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import { buildScanData, mergeScanData, type ScanData } from './scan-data'
import {
    facilityOffsetsOf,
    FACILITIES_PER_BATCH,
    batchRoots,
    planScan,
    reportingGroupOffsets,
    type ScanBatch,
    type MetadataMaps,
    type ScanRequest,
    type ScanWindow,
} from './scan-plan'
import { runScanLevels, type FetchTable } from './scan-run'
import { measureSince, perfNow } from '../../shared/perf/mark'
import { prepareScanResult, scanInParts } from './run-scan-alerts'
import type { ScanOverrides } from './scan-alerts'

export { FACILITIES_PER_BATCH } from './scan-plan'

export interface NamedLevel {
    level: number
    name: string
}

/** The org unit levels with their names, top first (`/api/organisationUnitLevels`). */
export const useNamedLevels = () => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: ['organisationUnitLevels', 'named'],
        staleTime: Infinity,
        queryFn: async ({ signal }): Promise<NamedLevel[]> => {
            const { levels } = (await engine.query(
                {
                    levels: {
                        resource: 'organisationUnitLevels',
                        params: { fields: 'level,displayName', paging: false },
                    },
                },
                { signal }
            )) as { levels: { organisationUnitLevels?: { level: number; displayName: string }[] } }
            return (levels.organisationUnitLevels ?? [])
                .map((l) => ({ level: l.level, name: l.displayName }))
                .sort((a, b) => a.level - b.level)
        },
    })
}

type Engine = ReturnType<typeof useDataEngine>

/**
 * How many org units each level has under each root (one small metadata request per root and
 * level, asking only for the pager's total, all in one data engine query).
 */
export const countOrgUnits = async (
    engine: Engine,
    roots: readonly string[],
    levels: readonly number[],
    signal?: AbortSignal
): Promise<Record<string, Record<number, number>>> => {
    const keys = levels.flatMap((level) => roots.map((root) => ({ level, root })))
    const query = Object.fromEntries(
        keys.map(({ level, root }, i) => [
            `c${i}`,
            {
                resource: 'organisationUnits',
                params: {
                    filter: [`level:eq:${level}`, `path:like:${root}`],
                    fields: 'id',
                    pageSize: 1,
                },
            },
        ])
    )
    const result = (await engine.query(query, signal ? { signal } : {})) as Record<
        string,
        { pager?: { total?: number } }
    >
    const counts: Record<string, Record<number, number>> = {}
    keys.forEach(({ level, root }, i) => {
        const byLevel = (counts[root] ??= {})
        byLevel[level] = result[`c${i}`]?.pager?.total ?? 0
    })
    return counts
}

/**
 * How many org units each level has under the roots: the scan plan needs it to keep analytics
 * responses under DHIS2's row limit.
 */
export const useLevelCounts = (roots: readonly string[], levels: readonly number[]) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: ['alerts', 'orgUnitCounts', [...roots], [...levels]],
        enabled: roots.length > 0 && levels.length > 0,
        staleTime: 30 * 60 * 1000,
        queryFn: async ({ signal }): Promise<Record<number, number>> => {
            const byRoot = await countOrgUnits(engine, roots, levels, signal)
            const counts: Record<number, number> = {}
            for (const root of roots) {
                for (const level of levels) {
                    counts[level] = (counts[level] ?? 0) + (byRoot[root]?.[level] ?? 0)
                }
            }
            return counts
        },
    })
}

export type ScanProgress =
    | { phase: 'requests'; done: number; total: number }
    | { phase: 'analysis'; done: number; total: number }

export interface ScanInput {
    pairs: readonly Pair[]
    metadata: MetadataMaps
    roots: readonly string[]
    levels: readonly { level: number; orgUnits: number }[]
    maxLevel: number
    window: ScanWindow
}

/** The cache key of a scan: what it covers (its requests follow from it). */
export const scanQueryKey = (input: ScanInput | null) =>
    [
        'alertsScan',
        input
            ? {
                  pairs: input.pairs.map((pair) => ({ ...pair, tips: undefined })),
                  roots: [...input.roots],
                  levels: input.levels.map((l) => l.level),
                  maxLevel: input.maxLevel,
                  months: input.window.months,
                  testMonths: input.window.testMonths,
              }
            : null,
    ] as const

const SCAN_STALE_TIME = 30 * 60 * 1000

/** The children of the roots (regions under a national root), for a scan by batches */
const childrenOf = async (
    engine: Engine,
    roots: readonly string[],
    signal: AbortSignal | undefined
): Promise<string[]> => {
    const { children } = (await engine.query(
        {
            children: {
                resource: 'organisationUnits',
                params: {
                    filter: `parent.id:in:[${roots.join(',')}]`,
                    fields: 'id',
                    paging: false,
                },
            },
        },
        signal ? { signal } : {}
    )) as { children: { organisationUnits?: { id: string }[] } }
    return (children.organisationUnits ?? []).map((unit) => unit.id)
}

/**
 * A large facility scan's batches of regions (`batchRoots`): the roots' children and their org
 * units per scanned level (two metadata requests); `null` when the roots have one child or none
 * (the scan goes in one go). Enabled for scans of more than `FACILITIES_PER_BATCH` facilities.
 */
export const scanBatchesQuery = (engine: Engine, input: ScanInput | null) => {
    const facilities = input?.levels.find((l) => l.level >= input.maxLevel)?.orgUnits ?? 0
    const scanned = input?.levels.map((l) => l.level) ?? []
    const roots = input?.roots ?? []
    return {
        queryKey: ['alertsScan', 'batches', [...roots], scanned] as const,
        enabled: input !== null && facilities > FACILITIES_PER_BATCH,
        staleTime: SCAN_STALE_TIME,
        queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<ScanBatch[] | null> => {
            const children = await childrenOf(engine, roots, signal)
            if (children.length <= 1) return null
            const counts = await countOrgUnits(engine, children, scanned, signal)
            return batchRoots(
                children.map((id) => ({ id, orgUnits: counts[id] ?? {} })),
                scanned,
                FACILITIES_PER_BATCH
            )
        },
    }
}

/** Each batch's requests, each planned with its own sizes (no batches: the plan in one go) */
export const scanPlans = (
    input: ScanInput,
    requests: ScanRequest[],
    batches: ScanBatch[] | null
): ScanRequest[][] =>
    batches === null
        ? [requests]
        : batches.map((batch) =>
              planScan({
                  pairs: input.pairs,
                  metadata: input.metadata,
                  roots: batch.roots,
                  levels: batch.levels,
                  window: input.window,
                  // the levels above the facilities also by staggered group, as in one go
                  facilityLevel: input.maxLevel,
              })
          )

/** The thresholds and facility level a scan's alerts are computed with (`useScanAlerts`) */
export interface ScanAlertSettings {
    overrides: ScanOverrides
    facilityLevel: number | null
}

/**
 * An alert scan, cached by React Query under `scanQueryKey`: nothing is requested until `run()`;
 * a scan already in the cache (e.g. on coming back to the page) is there at once. `cancel()`
 * aborts the requests in flight (the query's signal) and drops the partial scan.
 *
 * `alerts`: the thresholds the page will ask `useScanAlerts` for. With them, a worker scans each
 * piece of the scan (a few hundred org units of a batch of regions) as soon as it is built, while
 * the rest is fetched and built, and the result is kept with the scan for `useScanAlerts`
 * (`prepareScanResult`): once the last piece is built, only its scan and what spans the pieces
 * (parents' totals, the ranking, the entries) are left.
 */
export const useAlertScan = (input: ScanInput | null, alerts?: ScanAlertSettings) => {
    const alertSettings = useRef(alerts)
    alertSettings.current = alerts
    const engine = useDataEngine()
    const queryClient = useQueryClient()
    const [progress, setProgress] = useState<ScanProgress | null>(null)
    const queryKey = useMemo(() => scanQueryKey(input), [input])
    const requests: ScanRequest[] = useMemo(
        () =>
            input
                ? planScan({
                      pairs: input.pairs,
                      metadata: input.metadata,
                      roots: input.roots,
                      levels: input.levels,
                      window: input.window,
                      facilityLevel: input.maxLevel,
                  })
                : [],
        [input]
    )
    // A large facility scan goes by batches of regions, each planned with its own sizes: the
    // batches (two small metadata requests) are asked as the settings are chosen, so that the
    // panel says how many requests the scan will send, and the scan reads them from the cache
    const batchesQuery = useMemo(() => scanBatchesQuery(engine, input), [engine, input])
    const batchPlan = useQuery(batchesQuery)
    /** The scan's requests, batch by batch (one batch: the plan in one go); `null` while asked */
    const plans: ScanRequest[][] | null = useMemo(() => {
        if (!input) return []
        if (!batchesQuery.enabled) return [requests]
        return batchPlan.data === undefined ? null : scanPlans(input, requests, batchPlan.data)
    }, [input, requests, batchesQuery.enabled, batchPlan.data])
    const queryFn = useCallback(
        async ({ signal }: { signal: AbortSignal }): Promise<ScanData> => {
            if (!input) throw new Error('Nothing to scan')
            const fetchTable: FetchTable = async (query: AnalyticsQuery, abort) => {
                const asked = perfNow()
                const { analytics } = await engine.query(
                    { analytics: query },
                    { signal: abort ?? signal }
                )
                measureSince('scan:request', asked)
                const parsing = perfNow()
                const table = parseAnalyticsResponse(analytics)
                measureSince('scan:parse', parsing)
                return table
            }
            // Large facility scans: by batches of the roots' children (regions), one batch's
            // tables held at a time, each planned with its own sizes; else the plan in one go
            const batches = batchesQuery.enabled ? await queryClient.fetchQuery(batchesQuery) : null
            // Facilities of staggered reporting groups: their group's members (one metadata
            // request), only when facilities are scanned and the mapping names groups
            const groupOffsets = reportingGroupOffsets(input.pairs)
            const facilityOffsets =
                groupOffsets.size > 0 && input.levels.some((l) => l.level >= input.maxLevel)
                    ? facilityOffsetsOf(
                          groupOffsets,
                          (
                              (await engine.query(
                                  {
                                      groups: {
                                          resource: 'organisationUnitGroups',
                                          params: {
                                              filter: `id:in:[${[...groupOffsets.keys()].join(',')}]`,
                                              fields: 'id,organisationUnits[id]',
                                              paging: false,
                                          },
                                      },
                                  },
                                  { signal }
                              )) as {
                                  groups: {
                                      organisationUnitGroups?: {
                                          id: string
                                          organisationUnits?: { id: string }[]
                                      }[]
                                  }
                              }
                          ).groups.organisationUnitGroups ?? []
                      )
                    : undefined
            const plans = scanPlans(input, requests, batches)
            const totalRequests = plans.reduce((sum, plan) => sum + plan.length, 0)
            let requestsDone = 0
            let building = false
            // Each response is folded into its level's values as it comes (only the values are
            // held, not the rows)
            const fetchBatch = (b: number) => {
                const before = requestsDone
                const plan = plans[b] ?? []
                requestsDone += plan.length
                const fetched = runScanLevels(plan, fetchTable, input.maxLevel, {
                    signal,
                    onProgress: (done) => {
                        // While a batch is analysed, its progress is shown
                        if (!building) {
                            setProgress({
                                phase: 'requests',
                                done: before + done,
                                total: totalRequests,
                            })
                        }
                    },
                })
                // Awaited later; a failure meanwhile is not left unhandled
                fetched.catch(() => undefined)
                return fetched
            }
            // Each piece of a batch is scanned by a worker as soon as it is built (when workers are
            // there): after the last answer, only the last piece's scan and the ranking are left
            const settings = alertSettings.current
            const stopParts = new AbortController()
            const abortParts = () => stopParts.abort(signal.reason)
            signal.addEventListener('abort', abortParts, { once: true })
            const alertSettingsOfScan = settings
                ? {
                      pairs: input.pairs,
                      overrides: settings.overrides,
                      facilityLevel: settings.facilityLevel,
                  }
                : null
            const inParts = alertSettingsOfScan
                ? scanInParts(alertSettingsOfScan, { signal: stopParts.signal })
                : null
            try {
                const parts: ScanData[] = []
                // The next batch's requests are in flight while a batch is analysed (the server
                // answers while the page builds the series): two batches' values held at most
                let next = fetchBatch(0)
                for (let b = 0; b < plans.length; b++) {
                    const levels = await next
                    if (b + 1 < plans.length) next = fetchBatch(b + 1)
                    building = true
                    const part = await buildScanData(
                        {
                            pairs: input.pairs,
                            metadata: input.metadata,
                            window: input.window,
                            roots: input.roots,
                            levels,
                            facilityOffsets,
                        },
                        {
                            signal,
                            onProgress: (done, total) =>
                                setProgress({ phase: 'analysis', done, total }),
                            // each piece (a few hundred org units) to the worker as it is built
                            ...(inParts ? { onPiece: (piece) => void inParts.add(piece) } : {}),
                        }
                    )
                    parts.push(part)
                    building = false
                }
                const scan = mergeScanData(parts)
                if (!scan) throw new Error('Nothing to scan')
                if (inParts && alertSettingsOfScan) {
                    prepareScanResult(scan, alertSettingsOfScan, inParts.finish())
                }
                return scan
            } catch (error) {
                stopParts.abort(error)
                throw error
            } finally {
                signal.removeEventListener('abort', abortParts)
            }
        },
        [engine, input, requests, batchesQuery, queryClient]
    )
    const query = useQuery({
        queryKey,
        queryFn,
        enabled: false,
        staleTime: SCAN_STALE_TIME,
        gcTime: 2 * SCAN_STALE_TIME,
        structuralSharing: false,
    })
    const run = useCallback(() => {
        if (!input) return
        setProgress(null)
        queryClient
            .fetchQuery({
                queryKey,
                queryFn,
                staleTime: 0,
                gcTime: 2 * SCAN_STALE_TIME,
                structuralSharing: false,
            })
            // The query's state holds the error; a cancelled scan is no error
            .catch(() => undefined)
            .finally(() => setProgress(null))
    }, [input, queryClient, queryKey, queryFn])
    const cancel = useCallback(() => {
        void queryClient.cancelQueries({ queryKey })
    }, [queryClient, queryKey])
    return {
        data: query.data,
        error: query.error,
        running: query.fetchStatus === 'fetching',
        /** When the cached scan was made */
        updatedAt: query.dataUpdatedAt,
        progress,
        /**
         * The requests the scan will send (batch by batch for a large facility scan); `null`
         * while the batches are asked
         */
        requests: plans === null ? null : plans.flat(),
        run,
        cancel,
    }
}
