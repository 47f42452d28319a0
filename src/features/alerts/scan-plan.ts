/**
 * Planning an alert scan: which periods and which analytics requests. Pure functions, no React.
 *
 * A scan covers the org units of one or more levels under the user's data-view roots over a window
 * of months: `baselineMonths` of history followed by the `testMonths` tested for alerts (each
 * tested month is compared with the `baselineMonths` months before it).
 *
 * Requests are batched: for each level, ONE request per period type for every pair of the scanned
 * program areas — `ou: ROOT;LEVEL-n`, the data items read at their own period type (monthly items
 * and monthly data sets' report counts over the months, quarterly ones over the quarters), never one
 * request per pair or per org unit.
 *
 * Two DHIS2 limits can still split a batch: an analytics response holds at most 100,000 rows
 * (`keyAnalyticsMaxLimit`, error E7128) and a request URL about 8 KB. A batch is split by `dx`
 * into as few chunks as keep each one under `maxRows` rows (dx × periods × org units, an upper
 * bound: empty values have no row) and `maxDxChars` characters of `dx`; only when a single item
 * over every period would exceed the rows are the periods split too. At district level this is a
 * handful of requests whatever the number of pairs; it grows with the size of the country only
 * because the rows do, never with one request per org unit.
 */
import { buildAnalyticsQuery, type AnalyticsQuery } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import {
    addMonths,
    periodIdContaining,
    periodsEndingWith,
    quartersOfMonths,
    staggeredRequestQuarters,
    type CalendarOptions,
    type SeriesPeriodType,
} from '../../domain/periods'
import {
    REPORTS_ACTUAL,
    REPORTS_EXPECTED,
    requestItems,
    staggeredItems,
    type DataSetInfo,
    type ItemInfo,
} from '../triangulation/pair-model'

/** Rows per request we aim for: half DHIS2's default limit of 100,000 (E7128), for headroom */
export const MAX_ROWS_PER_REQUEST = 50_000
/** Characters of the `dx` parameter per request, leaving room in an 8 KB URL for the rest */
export const MAX_DX_CHARS = 5_000
/** Requests of a scan in flight at once (kind to the server, still faster than one by one) */
export const SCAN_CONCURRENCY = 2

export const BASELINE_CHOICES = [6, 12, 24] as const
export const TEST_WINDOW_CHOICES = [3, 6, 12] as const
export const DEFAULT_BASELINE_MONTHS = 12
export const DEFAULT_TEST_MONTHS = 6

/** What the analyst asks to scan */
export interface ScanSettings {
    /** Program area id; `null` for every program area */
    areaId: string | null
    /** Org unit levels to scan, e.g. `[3]` for districts */
    levels: number[]
    baselineMonths: number
    testMonths: number
}

/** The months of a scan: the baseline, then the tested months, oldest first */
export interface ScanWindow {
    months: string[]
    /** The quarters covering the months (for quarterly data) */
    quarters: string[]
    baselineMonths: number
    testMonths: number
}

export interface MetadataMaps {
    items: ReadonlyMap<string, ItemInfo>
    dataSets: ReadonlyMap<string, DataSetInfo>
}

/** One analytics request of a scan */
export interface ScanRequest {
    level: number
    periodType: SeriesPeriodType
    dx: string[]
    pe: string[]
    /** Upper bound of the rows: dx × pe × org units (× groups) */
    estimatedRows: number
    query: AnalyticsQuery
    /**
     * The org unit group set of staggered reporting groups this request has as a dimension: the
     * quarterly LMIS flows by group, to place each group's reports on the months they cover
     */
    groupSet?: string
}

export interface ScanLimits {
    maxRows: number
    maxDxChars: number
}

/** The last complete month: the month before the one containing `today` (`yyyy-MM-dd`). */
export const lastCompleteMonth = (today: string, options?: CalendarOptions): string =>
    addMonths(periodIdContaining(today, 'MONTHLY', options), -1)

/** Days after a month ends before its reports are due (DHIS2's default `timelyDays`) */
export const REPORTING_DELAY_DAYS = 15

/**
 * The last month whose reports are due: the last complete month once `REPORTING_DELAY_DAYS` of
 * the current month have passed, else the month before. Early in a month most of last month's
 * reports are not in yet; scanning it would flag every org unit for incomplete reporting.
 */
export const lastDueMonth = (today: string, options?: CalendarOptions): string => {
    const day = Number(today.slice(8, 10))
    const current = periodIdContaining(today, 'MONTHLY', options)
    return addMonths(current, day > REPORTING_DELAY_DAYS ? -1 : -2)
}

/** The window of a scan ending with `lastMonth`. */
export const scanWindow = (
    lastMonth: string,
    baselineMonths: number,
    testMonths: number
): ScanWindow => {
    const months = periodsEndingWith(lastMonth, baselineMonths + testMonths)
    return { months, quarters: quartersOfMonths(months), baselineMonths, testMonths }
}

/** The pairs a scan covers: those of one program area, or of all. */
export const scanPairs = (
    programAreas: readonly { id: string; pairs: readonly Pair[] }[],
    areaId: string | null
): Pair[] =>
    programAreas.filter((area) => areaId === null || area.id === areaId).flatMap((a) => a.pairs)

const REPORT_SUFFIX = new RegExp(`\\.(${REPORTS_ACTUAL}|${REPORTS_EXPECTED})$`)

/** The period type a `dx` item is read at: its own (or its data set's), monthly by default. */
export const dxPeriodType = (dx: string, metadata: MetadataMaps): SeriesPeriodType => {
    if (REPORT_SUFFIX.test(dx)) {
        const dataSet = dx.replace(REPORT_SUFFIX, '')
        return metadata.dataSets.get(dataSet)?.periodType === 'QUARTERLY' ? 'QUARTERLY' : 'MONTHLY'
    }
    return metadata.items.get(dx)?.periodType === 'QUARTERLY' ? 'QUARTERLY' : 'MONTHLY'
}

/** Splits a list into `parts` runs of nearly equal length, in order. */
const splitEvenly = <T>(list: readonly T[], parts: number): T[][] => {
    const count = Math.max(1, Math.min(parts, list.length))
    const out: T[][] = []
    let start = 0
    for (let i = 0; i < count; i++) {
        const end = start + Math.ceil((list.length - start) / (count - i))
        out.push(list.slice(start, end))
        start = end
    }
    return out
}

const dxChars = (dx: readonly string[]): number => dx.reduce((sum, id) => sum + id.length + 1, 0)

/**
 * Splits `dx` into the fewest chunks of nearly equal size such that each holds at most
 * `perChunk` items and `maxChars` characters.
 */
export const chunkItems = (
    dx: readonly string[],
    perChunk: number,
    maxChars: number
): string[][] => {
    if (dx.length === 0) return []
    let parts = Math.max(
        Math.ceil(dx.length / Math.max(1, perChunk)),
        Math.ceil(dxChars(dx) / Math.max(1, maxChars))
    )
    for (;;) {
        const chunks = splitEvenly(dx, parts)
        if (parts >= dx.length || chunks.every((chunk) => dxChars(chunk) <= maxChars)) {
            return chunks
        }
        parts += 1
    }
}

export interface PlanScanInput {
    pairs: readonly Pair[]
    metadata: MetadataMaps
    /** The data-view roots scanned (org unit ids) */
    roots: readonly string[]
    /** The levels scanned and how many org units each has under the roots */
    levels: readonly { level: number; orgUnits: number }[]
    window: ScanWindow
    limits?: Partial<ScanLimits>
    /**
     * The facility level: the levels above it whose pairs name staggered reporting groups also get
     * the quarterly LMIS flows by group (the facility level aligns each facility by its group)
     */
    facilityLevel?: number
}

/**
 * The analytics requests of a scan (see the module comment): per level, the monthly items over the
 * months and the quarterly items over the quarters, split only as DHIS2's limits require.
 */
export const planScan = ({
    pairs,
    metadata,
    roots,
    levels,
    window,
    limits = {},
    facilityLevel,
}: PlanScanInput): ScanRequest[] => {
    const maxRows = limits.maxRows ?? MAX_ROWS_PER_REQUEST
    const maxChars = limits.maxDxChars ?? MAX_DX_CHARS
    const known = new Set([...metadata.items.keys(), ...metadata.dataSets.keys()])
    const dx = requestItems(pairs, known)
    const byType: Record<SeriesPeriodType, string[]> = { MONTHLY: [], QUARTERLY: [] }
    for (const id of dx) byType[dxPeriodType(id, metadata)].push(id)
    const periodsOf: Record<SeriesPeriodType, string[]> = {
        MONTHLY: window.months,
        QUARTERLY: window.quarters,
    }
    const requests: ScanRequest[] = []
    if (roots.length === 0) return requests
    const withMeta = new Set<number>()
    for (const { level, orgUnits } of levels) {
        const units = Math.max(1, orgUnits)
        for (const periodType of ['MONTHLY', 'QUARTERLY'] as const) {
            const items = byType[periodType]
            const periods = periodsOf[periodType]
            if (items.length === 0 || periods.length === 0) continue
            // Periods are split only when one item over all of them is already too many rows
            const periodsPerChunk = Math.max(
                1,
                Math.min(periods.length, Math.floor(maxRows / units))
            )
            for (const pe of splitEvenly(periods, Math.ceil(periods.length / periodsPerChunk))) {
                const perChunk = Math.max(1, Math.floor(maxRows / (pe.length * units)))
                for (const chunk of chunkItems(items, perChunk, maxChars)) {
                    // The level's org units, names and hierarchies come with its first request;
                    // the others are rows only (`skipMeta`): every request of a level has the
                    // same org units, and their metaData would be the same each time
                    const skipMeta = withMeta.has(level)
                    withMeta.add(level)
                    requests.push({
                        level,
                        periodType,
                        dx: chunk,
                        pe,
                        estimatedRows: chunk.length * pe.length * units,
                        query: buildAnalyticsQuery({
                            dx: chunk,
                            pe,
                            ou: roots.map((id) => ({ id, level })),
                            hierarchyMeta: true,
                            showHierarchy: true,
                            skipMeta,
                        }),
                    })
                }
            }
        }
        if (facilityLevel !== undefined && level < facilityLevel) {
            requests.push(
                ...groupRequests(pairs, metadata, roots, level, units, window, maxRows, maxChars)
            )
        }
    }
    return requests
}

/**
 * At an aggregate level, the quarterly LMIS flows of the pairs that name staggered reporting
 * groups, with the group set as a dimension — as the view asks them (`staggeredRequest`): each
 * group's reports are then shifted to the months they cover and the groups summed, instead of
 * every report being spread over its calendar quarter. One request per level (split only as
 * DHIS2's limits require); the pairs' first group set, as the view.
 */
const groupRequests = (
    pairs: readonly Pair[],
    metadata: MetadataMaps,
    roots: readonly string[],
    level: number,
    units: number,
    window: ScanWindow,
    maxRows: number,
    maxChars: number
): ScanRequest[] => {
    const reporting = pairs.find((pair) => pair.lmis.reportingGroups)?.lmis.reportingGroups
    if (!reporting) return []
    const dx = staggeredItems(pairs, metadata.items, reporting.groupSet)
    const pe = staggeredRequestQuarters(window.quarters)
    const groupIds = [
        ...new Set(
            pairs
                .filter((pair) => pair.lmis.reportingGroups?.groupSet === reporting.groupSet)
                .flatMap((pair) => pair.lmis.reportingGroups?.groups.map((g) => g.id) ?? [])
        ),
    ]
    if (dx.length === 0 || pe.length === 0 || groupIds.length === 0) return []
    const perChunk = Math.max(1, Math.floor(maxRows / (pe.length * units * groupIds.length)))
    return chunkItems(dx, perChunk, maxChars).map((chunk) => ({
        level,
        periodType: 'QUARTERLY' as const,
        dx: chunk,
        pe,
        estimatedRows: chunk.length * pe.length * units * groupIds.length,
        groupSet: reporting.groupSet,
        query: buildAnalyticsQuery({
            dx: chunk,
            pe,
            ou: roots.map((id) => ({ id, level })),
            dimensions: { [reporting.groupSet]: groupIds },
            // Only their values are read (the org units come with the level's other requests)
            skipMeta: true,
        }),
    }))
}

/**
 * Facilities above which a scan of the facility level runs by batches of regions (the roots'
 * children, `batchRoots`, at most this many org units a batch): the values of one batch at a
 * time are held, folded and dropped, which bounds the page's memory on a national scan.
 */
export const FACILITIES_PER_BATCH = 1500

/** Org units of a scan's part: one or more of the roots' children, and their sizes */
export interface ScanBatch {
    roots: string[]
    /** The scanned levels and how many org units each has under `roots` */
    levels: { level: number; orgUnits: number }[]
}

/**
 * The roots' children (regions under a national root) in batches of consecutive children of at
 * most `maxOrgUnits` org units of the scanned levels together (a child larger than that is a
 * batch alone), in order: a large facility scan holds one batch's tables at a time, and each
 * batch is planned with its own sizes, so that its requests are as few as DHIS2's row limit
 * allows (planned with the country's size, a region's requests were split ~25 times too finely).
 */
export const batchRoots = (
    children: readonly { id: string; orgUnits: Readonly<Record<number, number>> }[],
    levels: readonly number[],
    maxOrgUnits: number
): ScanBatch[] => {
    const batches: ScanBatch[] = []
    let current: { roots: string[]; counts: Record<number, number>; size: number } | null = null
    const flush = () => {
        if (current) {
            const counts = current.counts
            batches.push({
                roots: current.roots,
                levels: levels.map((level) => ({ level, orgUnits: counts[level] ?? 0 })),
            })
        }
    }
    for (const child of children) {
        const size = levels.reduce((sum, level) => sum + (child.orgUnits[level] ?? 0), 0)
        if (current && current.size + size > maxOrgUnits) {
            flush()
            current = null
        }
        current ??= { roots: [], counts: {}, size: 0 }
        current.roots.push(child.id)
        current.size += size
        for (const level of levels) {
            current.counts[level] = (current.counts[level] ?? 0) + (child.orgUnits[level] ?? 0)
        }
    }
    flush()
    return batches
}

/** The staggered reporting groups the pairs name: group id → months its window is shifted by. */
export const reportingGroupOffsets = (pairs: readonly Pair[]): Map<string, number> => {
    const offsets = new Map<string, number>()
    for (const pair of pairs) {
        for (const group of pair.lmis.reportingGroups?.groups ?? []) {
            offsets.set(group.id, group.monthOffset)
        }
    }
    return offsets
}

/**
 * Facility id → its group's window shift, from the groups' members
 * (`organisationUnitGroups?fields=id,organisationUnits[id]`).
 */
export const facilityOffsetsOf = (
    offsets: ReadonlyMap<string, number>,
    groups: readonly { id: string; organisationUnits?: readonly { id: string }[] }[]
): Map<string, number> => {
    const out = new Map<string, number>()
    for (const group of groups) {
        const offset = offsets.get(group.id)
        if (offset === undefined) continue
        for (const unit of group.organisationUnits ?? []) out.set(unit.id, offset)
    }
    return out
}
