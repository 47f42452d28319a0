/**
 * From a scan's analytics tables to the detectors' inputs: per pair and org unit, the series the
 * triangulation view would draw (`buildPairTrend`, monthly grain), and per org unit the report
 * counts of the pairs' data sets. Pure functions, no React; `buildScanData` yields to the event
 * loop between org units so a page can show its progress.
 */
import { idsOf, type Pair } from '../../domain/config'
import { addMonths, groupWindow, monthsOfQuarter } from '../../domain/periods'
import {
    REPORTS_ACTUAL,
    REPORTS_EXPECTED,
    buildPairTrend,
    itemValuesByPeriod,
    type DataSetInfo,
    type PairStatus,
    type SeriesData,
    type TrendLabels,
} from '../triangulation/pair-model'
import type { ViewPeriods } from '../triangulation/view-periods'
import type { ScanTable } from './merge-tables'
import { slicer } from './yield'
import { measureSince, perfNow } from '../../shared/perf/mark'
import type { MetadataMaps, ScanWindow } from './scan-plan'

/** Values aligned to the window's months (or a data set's quarters); `null` where none */
export type Series = (number | null)[]

export interface ScanOrgUnit {
    id: string
    name: string
    level: number
    /** Ancestor ids, from the data-view root down to the parent (`metaData.ouHierarchy`) */
    ancestors: string[]
    /** Ancestor names, from the data-view root down to the parent (`metaData.ouNameHierarchy`) */
    ancestorNames: string[]
}

/** One pair at one org unit, every series aligned to the window's months */
export interface PairOrgUnitSeries {
    pairId: string
    orgUnitId: string
    /** The HMIS item the commodity is compared with: the pair's first item the server knows */
    casesItem: string | null
    cases: Series | null
    consumption: Series | null
    stockOnHand: Series | null
    stockoutDays: Series | null
    /** Months with any value of the pair's HMIS items */
    hmisValues: boolean[]
    /** Months with any value of the pair's LMIS measures (a quarter's value counts for its months) */
    lmisValues: boolean[]
    /**
     * When part of the consumption is reported quarterly (monthly values are quarter ÷ 3
     * estimates), cases and consumption by quarter: consumption is compared with cases there, not
     * month by month.
     */
    quarterly: {
        cases: Series | null
        consumption: Series | null
        /**
         * A facility of a staggered reporting group: the months its reports (and so the compared
         * cases) are shifted by from the calendar quarters (`groupWindow`); 0 otherwise. Its HMIS
         * reports are counted over the same months as its cases.
         */
        monthOffset?: number
    } | null
}

/** Report counts of one data set at one org unit, over the data set's periods of the window */
export interface ReportCountSeries {
    actual: Series
    expected: Series
}

export interface LevelScanData {
    level: number
    /** The deepest level: stock on hand and stockout days are one facility's */
    facilityLevel: boolean
    orgUnits: ScanOrgUnit[]
    series: PairOrgUnitSeries[]
    /** Org unit id → data set id → report counts */
    reports: Record<string, Record<string, ReportCountSeries>>
}

export interface ScanData {
    window: ScanWindow
    /** The data sets of the scanned pairs that the server knows, with their period types */
    dataSets: DataSetInfo[]
    /** Names of the HMIS items compared (the server's), by id */
    itemNames: Record<string, string>
    levels: LevelScanData[]
}

/** The view periods of a scan window (monthly grain) */
export const windowPeriods = (window: ScanWindow): ViewPeriods => ({
    grain: 'monthly',
    display: window.months,
    request: [...window.months, ...window.quarters],
    months: window.months,
    quarters: window.quarters,
})

/** The view periods of a scan window by quarter (a quarter only partly in the window has no flows) */
export const windowQuarterPeriods = (window: ScanWindow): ViewPeriods => ({
    grain: 'quarterly',
    display: window.quarters,
    request: [...window.months, ...window.quarters],
    months: window.months,
    quarters: window.quarters,
})

/** The data sets of the pairs (HMIS and LMIS), each once, in order */
export const pairDataSetIds = (pairs: readonly Pair[]): string[] => [
    ...new Set(pairs.flatMap((pair) => [...idsOf(pair.hmis.dataSet), ...idsOf(pair.lmis.dataSet)])),
]

const LABELS: TrendLabels = {
    consumption: 'consumption',
    stockOnHand: 'stockOnHand',
    stockoutDays: 'stockoutDays',
    hmisCompleteness: 'hmisCompleteness',
    lmisCompleteness: 'lmisCompleteness',
}

const valuesOf = (series: SeriesData | null | undefined): Series | null =>
    series ? series.points.map((point) => point.value) : null

/** Per period, whether any of the series has a value (in loops: called per pair and org unit) */
const anyValue = (lists: readonly (SeriesData | null | undefined)[], length: number): boolean[] => {
    const out = new Array<boolean>(length).fill(false)
    for (const series of lists) {
        if (!series) continue
        const points = series.points
        for (let index = 0; index < length; index++) {
            if (!out[index] && (points[index]?.value ?? null) !== null) out[index] = true
        }
    }
    return out
}

/**
 * Cases over the months a staggered group's report of each quarter covers (`groupWindow`): the
 * sum of the monthly cases, `null` when a month is missing or outside the window.
 *
 * Only the quarters whose calendar months all lie in the window are compared, whatever the
 * group's shift — the same quarters as for calendar-quarter reports (`windowQuarterPeriods`). A
 * shifted window can fit in the scan's months when the calendar quarter does not (the scan starts
 * in May: group B's report stored in Q2 covers May–Jul); comparing that quarter would give the
 * group one more baseline quarter, hence one more quarter tested, than the others, and twice
 * their divergence alerts (measured on the demo, `test/contract/staggered-divergence.test.ts`).
 */
export const windowCases = (
    cases: SeriesData | undefined,
    months: readonly string[],
    quarters: readonly string[],
    monthOffset: number
): Series | null => {
    if (!cases) return null
    const byMonth = new Map(cases.points.map((point) => [point.period, point.value]))
    return quarters.map((quarter) => {
        if (!monthsOfQuarter(quarter).every((month) => months.includes(month))) return null
        let total = 0
        for (const month of groupWindow(quarter, monthOffset)) {
            const value = months.includes(month) ? byMonth.get(month) : null
            if (value === null || value === undefined) return null
            total += value
        }
        return total
    })
}

/** A scan reads no data set's report counts into its trends (the completeness is its own) */
const NO_DATA_SETS: ReadonlyMap<string, DataSetInfo> = new Map()

/**
 * The status of each pair's systems in a scan (`systemStatus`), computed once per pair and period
 * grain: the trends of a scan read no report counts (`NO_DATA_SETS`), so it is the same at every
 * org unit (78,000 trends at 6,000 facilities; computing it for each was a quarter of the build).
 * Periods not over by the window's last month are left out (a quarter with one reporting group in
 * is not a fall), as the view does.
 */
export class ScanStatuses {
    readonly currentMonth: string | undefined
    private readonly known = new Map<Pair, Map<ViewPeriods, PairStatus>>()

    constructor(
        private readonly metadata: MetadataMaps,
        periods: ViewPeriods
    ) {
        const last = periods.months[periods.months.length - 1]
        this.currentMonth = last === undefined ? undefined : addMonths(last, 1)
    }

    of(pair: Pair, periods: ViewPeriods): PairStatus {
        let byPeriods = this.known.get(pair)
        if (!byPeriods) this.known.set(pair, (byPeriods = new Map()))
        let status = byPeriods.get(periods)
        if (!status) {
            // The status of a trend without any value: it reads no count (`NO_DATA_SETS`)
            const trend = buildPairTrend({
                pair,
                table: { value: () => null },
                items: this.metadata.items,
                dataSets: NO_DATA_SETS,
                periods,
                ou: '',
                labels: LABELS,
                currentMonth: this.currentMonth,
                scanSeriesOnly: true,
            })
            status = { hmis: trend.hmisStatus, lmis: trend.lmisStatus }
            byPeriods.set(periods, status)
        }
        return status
    }
}

/** One pair at one org unit of a (merged) scan table. */
export const pairOrgUnitSeries = (
    pair: Pair,
    table: ScanTable,
    metadata: MetadataMaps,
    periods: ViewPeriods,
    ou: string,
    quarterPeriods?: ViewPeriods,
    /** A facility of a staggered reporting group: its window's shift in months */
    facilityOffset: number | null = null,
    /**
     * An aggregate org unit: the quarterly LMIS flows by staggered group (the group set as a
     * dimension), shifted to the months each group's reports cover, then summed
     */
    groupTable: ScanTable | null = null,
    /** The pairs' status computed once for the whole scan (else for this org unit) */
    statuses: ScanStatuses = new ScanStatuses(metadata, periods)
): PairOrgUnitSeries => {
    const trendAt = (at: ViewPeriods, offset: number | null) =>
        buildPairTrend({
            groupTable,
            pair,
            table,
            items: metadata.items,
            dataSets: NO_DATA_SETS,
            periods: at,
            ou,
            labels: LABELS,
            facilityOffset: offset,
            scanSeriesOnly: true,
            currentMonth: statuses.currentMonth,
            status: statuses.of(pair, at),
        })
    // By month, a staggered facility's reports are placed on the months they cover
    const trend = trendAt(periods, facilityOffset)
    const first = trend.hmis[0]
    const length = periods.display.length
    const estimated = trend.consumption?.points.some((point) => point.estimated) ?? false
    // By quarter, its reports are compared as they are with the cases of the months they cover
    const byQuarter = estimated && quarterPeriods ? trendAt(quarterPeriods, null) : null
    const shifted = byQuarter && facilityOffset !== null && pair.lmis.reportingGroups
    const quarterCases = shifted
        ? windowCases(first, periods.months, quarterPeriods?.display ?? [], facilityOffset)
        : valuesOf(byQuarter?.hmis.find((series) => series.id === first?.id))
    return {
        pairId: pair.id,
        orgUnitId: ou,
        casesItem: first?.id ?? null,
        cases: valuesOf(first),
        consumption: valuesOf(trend.consumption),
        stockOnHand: valuesOf(trend.stockOnHand),
        stockoutDays: valuesOf(trend.stockoutDays),
        hmisValues: anyValue(trend.hmis, length),
        lmisValues: anyValue([trend.consumption, trend.stockOnHand, trend.stockoutDays], length),
        quarterly: byQuarter
            ? {
                  cases: quarterCases,
                  consumption: valuesOf(byQuarter.consumption),
                  monthOffset: shifted ? (facilityOffset ?? 0) : 0,
              }
            : null,
    }
}

/** Report counts of the data sets at one org unit. */
export const reportCounts = (
    table: ScanTable,
    dataSets: readonly DataSetInfo[],
    window: ScanWindow,
    ou: string
): Record<string, ReportCountSeries> => {
    const out: Record<string, ReportCountSeries> = {}
    for (const dataSet of dataSets) {
        const periods = dataSet.periodType === 'QUARTERLY' ? window.quarters : window.months
        const read = (kind: string) => {
            const values = itemValuesByPeriod(table, `${dataSet.id}.${kind}`, periods, ou)
            return periods.map((pe) => values.get(pe) ?? null)
        }
        out[dataSet.id] = { actual: read(REPORTS_ACTUAL), expected: read(REPORTS_EXPECTED) }
    }
    return out
}

/** The org units of a level's table, with names and ancestors below the data-view roots. */
export const scanOrgUnits = (
    table: ScanTable,
    level: number,
    roots: readonly string[]
): ScanOrgUnit[] =>
    table.itemIds('ou').map((id) => {
        const path = table.ouHierarchy[id] ?? []
        const rootIndex = path.findIndex((ancestor) => roots.includes(ancestor))
        const ancestors = rootIndex > 0 ? path.slice(rootIndex) : [...path]
        // The name path ends with the org unit itself and starts where the id path starts
        const names = (table.ouNameHierarchy[id] ?? []).slice(0, -1)
        return {
            id,
            name: table.itemName(id) ?? id,
            level,
            ancestors,
            ancestorNames: names.slice(Math.max(0, names.length - ancestors.length)),
        }
    })

export interface BuildScanInput {
    pairs: readonly Pair[]
    metadata: MetadataMaps
    window: ScanWindow
    roots: readonly string[]
    /**
     * Per level, its tables read as one (`runScanLevels`, or `mergeTables`); `groupTable`: those
     * with the staggered groups' set (`groupSet`) as a dimension, read above the facility level
     */
    levels: readonly {
        level: number
        facilityLevel: boolean
        table: ScanTable
        groupTable?: ScanTable | null
        groupSet?: string | null
    }[]
    /**
     * Facilities of staggered reporting groups (the pairs' `lmis.reportingGroups`): facility id →
     * the months its group's quarterly window is shifted by. Their quarterly consumption is then
     * compared with the cases of the months it covers, not of the calendar quarter
     */
    facilityOffsets?: ReadonlyMap<string, number>
}

export interface BuildScanOptions {
    /** Called between slices of work: org units analysed so far, total */
    onProgress?: (done: number, total: number) => void
    signal?: AbortSignal
    /** Most org units between yields to the event loop (else a slice is about one frame) */
    batch?: number
    /**
     * Called with each piece of the scan as soon as it is built: at most `pieceSize` consecutive
     * org units of one level with their series and reports, in order (the pieces, put together
     * with `mergeScanData`, are the scan returned), for a worker to scan them meanwhile
     */
    onPiece?: (piece: ScanData) => void
    /** Most org units of a piece (`onPiece`) */
    pieceSize?: number
}

/** Most org units of a piece of a scan handed on as it is built (`BuildScanOptions.onPiece`) */
export const PIECE_ORG_UNITS = 250

/**
 * The detectors' inputs for every pair and org unit of the scan, in slices of about one frame
 * (yielding between them, stopping when `signal` aborts).
 */
export const buildScanData = async (
    { pairs, metadata, window, roots, levels, facilityOffsets }: BuildScanInput,
    { onProgress, signal, batch, onPiece, pieceSize = PIECE_ORG_UNITS }: BuildScanOptions = {}
): Promise<ScanData> => {
    const periods = windowPeriods(window)
    const quarterPeriods = windowQuarterPeriods(window)
    const dataSets = pairDataSetIds(pairs)
        .map((id) => metadata.dataSets.get(id))
        .filter((info): info is DataSetInfo => !!info?.periodType)
    const merged = levels.map(({ level, facilityLevel, table, groupTable, groupSet }) => ({
        level,
        facilityLevel,
        table,
        groupTable: !facilityLevel && groupSet && groupTable ? groupTable : null,
        groupSet: groupSet ?? null,
        orgUnits: scanOrgUnits(table, level, roots),
    }))
    const itemNames: Record<string, string> = {}
    for (const pair of pairs) {
        for (const item of pair.hmis.items) {
            const name = item.name ?? metadata.items.get(item.id)?.name
            if (name) itemNames[item.id] = name
        }
    }
    const statuses = new ScanStatuses(metadata, periods)
    const total = merged.reduce((sum, level) => sum + level.orgUnits.length, 0)
    let done = 0
    onProgress?.(0, total)
    const out: LevelScanData[] = []
    const slice = slicer(batch)
    let sliceStart = perfNow()
    for (const { level, facilityLevel, table, groupTable, groupSet, orgUnits } of merged) {
        const series: PairOrgUnitSeries[] = []
        const reports: LevelScanData['reports'] = {}
        /** The org units and series handed on so far (`onPiece`) */
        let unitsOut = 0
        let seriesOut = 0
        const handOn = (units: number) => {
            if (!onPiece || units <= unitsOut) return
            const pieceUnits = orgUnits.slice(unitsOut, units)
            const pieceReports: LevelScanData['reports'] = {}
            for (const unit of pieceUnits) {
                const counts = reports[unit.id]
                if (counts) pieceReports[unit.id] = counts
            }
            onPiece({
                window,
                dataSets,
                itemNames,
                levels: [
                    {
                        level,
                        facilityLevel,
                        orgUnits: pieceUnits,
                        series: series.slice(seriesOut),
                        reports: pieceReports,
                    },
                ],
            })
            unitsOut = units
            seriesOut = series.length
        }
        for (const [index, unit] of orgUnits.entries()) {
            if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError')
            for (const pair of pairs) {
                series.push(
                    pairOrgUnitSeries(
                        pair,
                        table,
                        metadata,
                        periods,
                        unit.id,
                        quarterPeriods,
                        facilityLevel ? (facilityOffsets?.get(unit.id) ?? null) : null,
                        groupTable && pair.lmis.reportingGroups?.groupSet === groupSet
                            ? groupTable
                            : null,
                        statuses
                    )
                )
            }
            reports[unit.id] = reportCounts(table, dataSets, window, unit.id)
            done += 1
            if (index + 1 - unitsOut >= pieceSize) handOn(index + 1)
            if (slice.due()) {
                if (slice.reportDue()) onProgress?.(done, total)
                measureSince('scan:build', sliceStart)
                await slice.yield()
                sliceStart = perfNow()
            }
        }
        handOn(orgUnits.length)
        out.push({ level, facilityLevel, orgUnits, series, reports })
    }
    measureSince('scan:build', sliceStart)
    onProgress?.(done, total)
    return { window, dataSets, itemNames, levels: out }
}

/**
 * One scan from scans of parts of the org units (e.g. region by region, so that no more than one
 * region's analytics tables are held at once): the levels' org units, series and reports put
 * together, level by level; window, data sets and names from the first part.
 */
export const mergeScanData = (parts: readonly ScanData[]): ScanData | null => {
    const first = parts[0]
    if (!first) return null
    const levels = new Map<number, LevelScanData>()
    for (const part of parts) {
        for (const level of part.levels) {
            const into = levels.get(level.level)
            if (!into) {
                levels.set(level.level, {
                    ...level,
                    orgUnits: [...level.orgUnits],
                    series: [...level.series],
                    reports: { ...level.reports },
                })
                continue
            }
            const seen = new Set(into.orgUnits.map((u) => u.id))
            const fresh = new Set(level.orgUnits.filter((u) => !seen.has(u.id)).map((u) => u.id))
            into.orgUnits.push(...level.orgUnits.filter((u) => fresh.has(u.id)))
            into.series.push(...level.series.filter((s) => fresh.has(s.orgUnitId)))
            for (const id of fresh) {
                const reports = level.reports[id]
                if (reports) into.reports[id] = reports
            }
        }
    }
    return {
        window: first.window,
        dataSets: first.dataSets,
        itemNames: Object.assign({}, ...parts.map((p) => p.itemNames)) as Record<string, string>,
        levels: [...levels.values()].sort((a, b) => a.level - b.level),
    }
}
