/**
 * Computes the rows of an analytics query the way dhis2-core's SQL does over its analytics tables
 * (`JdbcAnalyticsManager`), using the roll-ups of `DbIndex`:
 *
 * - SUM: `sum(value)` of the values of periods within the query period (data is aggregated up,
 *   never disaggregated down: a period finer than the data's period type has no value).
 * - COUNT: `count(value)`.
 * - AVERAGE: `avg(value)` over all org unit × period (× option combo) values.
 * - AVERAGE_SUM_ORG_UNIT: `sum(daysxvalue) / days in the query period`: summed over org units,
 *   a day-weighted average over periods.
 * - For the two average types, data of a coarser period type than the query period is
 *   disaggregated (`QueryPlannerUtils.isDisaggregation`): a month takes its quarter's value.
 * - LAST / LAST_AVERAGE_ORG_UNIT, LAST_IN_PERIOD / LAST_IN_PERIOD_AVERAGE_ORG_UNIT: see "Last
 *   values" below.
 * - MIN / MAX: `min(value)` / `max(value)` over all rows of the cell; MIN_SUM_ORG_UNIT /
 *   MAX_SUM_ORG_UNIT: per facility the min / max of its rows in the query period
 *   (`getMinOrMaxValueSubquerySql`, grouped by `ou` and the query's dimensions), summed over
 *   facilities.
 * - The `aggregationType` request parameter replaces every data element's own type
 *   (`AnalyticsQuery.aggregationType`, see `query.ts`).
 * - Zero values count only for zero-significant data elements and the average types, as DHIS2's
 *   analytics table population drops other zeros.
 *
 * ## Last values (dhis2-core 2.41.9, `JdbcAnalyticsManager.getFromClause` /
 * `getFirstOrLastValueSubquerySql` / `getWhereClause`, `DefaultQueryPlanner.planQuery` /
 * `groupByPeriod`, `PartitionUtils.getPartitions`, `JdbcPartitionManager.filterNonExistingPartitions`)
 *
 * `AnalyticsAggregationType.fromAggregationType` makes LAST = (SUM over org units, LAST over time),
 * LAST_AVERAGE_ORG_UNIT = (AVERAGE, LAST), LAST_IN_PERIOD = (SUM, LAST_IN_PERIOD),
 * LAST_IN_PERIOD_AVERAGE_ORG_UNIT = (AVERAGE, LAST_IN_PERIOD). A query is split per dimension period
 * (`groupByPeriod`); for each, a window subquery ranks the analytics rows of each data element,
 * org unit (the facility holding the value), option combo and attribute option combo by period end
 * date, then start date, latest first, and keeps rank 1; the outer query sums (or averages) them:
 * - LAST: rows with `pestartdate >= latest end date − 10 years` and `peenddate <= latest end date`
 *   (`LAST_VALUE_YEARS_OFFSET = -10`). So a value is carried forward into later periods, including
 *   periods after the last data (a future month of the current year shows the latest stock), for up
 *   to ten years; a quarterly value only counts from the month its quarter ends in.
 * - LAST_IN_PERIOD: rows with `pestartdate >= earliest start date` and `peenddate <= latest end
 *   date` of the query period: the latest value inside the period, never carried forward.
 * - Partitions: the rows read are those of the yearly analytics partitions (`analytics_<year>`,
 *   the start year of the data's period: `PeriodResourceTable.resolveYearFromPeriod`,
 *   `JdbcAnalyticsTableManager.getPartitionClause`) of the years spanned by ALL periods of the request (dimension and
 *   filter, computed before the per-period split), keeping only partitions that exist (years with
 *   data). So LAST does not look back beyond the first year of the request: a request for 2026's
 *   months does not carry a 2025 value into January 2026, while one that also asks for 202512
 *   does. When none of the request's years has a partition (all periods after the last data
 *   year, or before the first), the whole table is read and only the ten-year window applies.
 *
 * Indicators: numerator and denominator are evaluated from the aggregated item values of each
 * cell (`SKIP_IF_ALL_VALUES_MISSING`), value = num × factor / den. Reporting rates follow
 * `DataHandler.addReportingRates`: target = assigned org units opened by the period start ×
 * `periodSpan(query period type, data set period type)` × number of filter periods.
 */
import type { DataElement } from '../data/model'
import type { DbIndex, Rollup, StoredPeriods } from './dbIndex'
import { AnalyticsError } from './errors'
import { javaHashOrderOfHashes, precisionRound } from './java'
import {
    addYearsToEpochDay,
    FREQUENCY_ORDER,
    periodOfMonth,
    periodSpan,
    type Period,
} from './periods'
import {
    METRICS,
    type AnalyticsQuery,
    type Dimension,
    type DxItem,
    type Metric,
    type RequestAggregationType,
} from './query'
import { LabelTable, RowKind, RowSet } from './rows'

type AggKind = RequestAggregationType

/** `ListGrid` row values, already rendered as DHIS2's JSON renders them (`String.valueOf`). */
export type Row = string[]

interface PeriodSlot {
    key: string | null
    periods: Period[]
}

/** An org unit cell: org unit(s) and, with group set dimensions or filters, the facilities counted. */
interface OuSlot {
    /** Code of the org unit in its column (−1 without an org unit column) */
    ouCode: number
    units: number[]
    /** Facility slots counted (group sets), null for all */
    mask: Uint8Array | null
    /** Identifies the mask (its groups) for the cached roll-ups */
    maskKey: string
    /** Code of the group in each group set column */
    groups: number[]
}

interface RangeSpec {
    idx: Int32Array
    days: Float64Array
    totalDays: number
}

interface LastSpec {
    /** Latest stored period ending by the query period's end (−1: none) */
    idx: number
    /** Stored periods whose values may be picked (window and partitions), up to `idx` */
    ok: Uint8Array
    /** First period of the run of pickable periods ending at `idx` (> idx: none) */
    from: number
    /** No pickable period before `from`: the carried-forward roll-up from `from` applies */
    fast: boolean
}

/** Default of DHIS2's `keyAnalyticsMaxLimit` system setting */
const MAX_LIMIT = 100000

const TYPE_INDEX: Record<StoredPeriods['type'], number> = { Monthly: 0, Quarterly: 1, Yearly: 2 }

const isLast = (kind: AggKind): boolean => kind === 'LAST' || kind === 'LAST_AVERAGE_ORG_UNIT'
const isLastInPeriod = (kind: AggKind): boolean =>
    kind === 'LAST_IN_PERIOD' || kind === 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT'
const isAverage = (kind: AggKind): boolean => kind === 'AVERAGE' || kind === 'AVERAGE_SUM_ORG_UNIT'
const isExtreme = (kind: AggKind): boolean =>
    kind === 'MIN' || kind === 'MAX' || kind === 'MIN_SUM_ORG_UNIT' || kind === 'MAX_SUM_ORG_UNIT'

/** Whether carried-forward roll-ups from this stored period are kept: the first of a year. */
const isRollupStart = (stored: StoredPeriods, from: number): boolean =>
    from === 0 ||
    (stored.periods[from] as Period | undefined)?.year !==
        (stored.periods[from - 1] as Period | undefined)?.year

/** Index of the last sorted value ≤ day (−1: none). */
const lastIndexAtOrBefore = (sorted: Int32Array, day: number): number => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((sorted[mid] as number) <= day) lo = mid + 1
        else hi = mid
    }
    return lo - 1
}

/** `MathUtils.getRounded`: 2 decimals between −1 and 1, else 1 decimal. */
export const getRounded = (value: number): number =>
    precisionRound(value, value < 1 && value > -1 ? 2 : 1)

/** `AnalyticsUtils.getRoundedValue(Object)` for Double values: 10 decimals with skipRounding. */
const rounded = (query: AnalyticsQuery, value: number): number =>
    query.skipRounding ? precisionRound(value, 10) : getRounded(value)

const firstIndexStartingAtOrAfter = (starts: Int32Array, day: number): number => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((starts[mid] as number) < day) lo = mid + 1
        else hi = mid
    }
    return lo
}

const intersect = (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const out = new Uint8Array(a.length)
    for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) & (b[i] as number)
    return out
}

/** Number of sorted values ≤ day. */
const countAtOrBefore = (sorted: Float64Array, day: number): number => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((sorted[mid] as number) <= day) lo = mid + 1
        else hi = mid
    }
    return lo
}

export class QueryEvaluator {
    private readonly peSlots: PeriodSlot[]
    private readonly ouSlots: OuSlot[]
    private readonly peFilter: Period[] | null
    /** Per period slot: [type × 2 + disaggregate] */
    private readonly rangeSpecs: (RangeSpec | undefined)[][]
    /** Per period slot: [type × 2 + in period] */
    private readonly lastSpecs: (LastSpec | undefined)[][]
    /** Years of the analytics partitions read (null: the whole table), see "Last values" */
    private readonly partitionYears: ReadonlySet<number> | null
    private readonly slotUnit: Int32Array
    /** Accumulators per org unit slot: sum, count and Σ value × days of the rows read */
    private readonly sum: Float64Array
    private readonly count: Float64Array
    private readonly weighted: Float64Array
    /** Column positions of the dimensions in a row */
    private readonly pos: { dx: number; co: number; pe: number; ou: number }
    /** Column positions of the group set dimensions */
    private readonly groupColumns: number[]
    private readonly width: number
    /** Item ids per row column; period and org unit codes are slot indices */
    private readonly tables: LabelTable[]
    private readonly scratch: Int32Array

    constructor(
        private readonly index: DbIndex,
        private readonly query: AnalyticsQuery
    ) {
        const dims = query.dimensions
        const find = (id: Dimension['id']): Dimension | undefined =>
            dims.find((d) => d.id === id) ?? query.filters.find((d) => d.id === id)
        const pe = find('pe')
        const peItems = pe?.id === 'pe' ? pe.items : []
        const peIsDim = dims.some((d) => d.id === 'pe')
        this.peSlots = peIsDim
            ? peItems.map((p) => ({ key: p.id, periods: [p] }))
            : [{ key: null, periods: peItems }]
        this.peFilter = peIsDim ? null : peItems
        this.rangeSpecs = this.peSlots.map(() => [])
        this.lastSpecs = this.peSlots.map(() => [])
        this.partitionYears = partitionYearsOf(index, query)
        const ou = find('ou')
        const ouIsDim = dims.some((d) => d.id === 'ou')
        const base: { key: string | null; units: number[] }[] =
            ou?.id === 'ou' && ouIsDim
                ? ou.items.map((u) => ({ key: index.unit(u).id, units: [u] }))
                : [{ key: null, units: this.disjoint(ou?.id === 'ou' ? ou.items : index.roots) }]
        // Group set filters: facilities in any of a filter's groups, for every filter
        let filterMask: Uint8Array | null = null
        let filterKey = ''
        // Only groups of the set select facilities (the group set column of DHIS2's analytics
        // table holds each unit's group of that set)
        const inSet = (d: Dimension, ids: string[]): string[] =>
            d.id === 'ougs'
                ? ids.filter((id) => d.groupSet.organisationUnitGroupIds.includes(id))
                : []
        for (const f of query.filters) {
            if (f.id !== 'ougs') continue
            const ids = inSet(
                f,
                f.items.map((g) => g.id)
            )
            const mask = index.groupMask(ids)
            filterMask = filterMask ? intersect(filterMask, mask) : mask
            filterKey += `&${[...ids].sort().join('|')}`
        }
        // Group set dimensions: one cell per combination of their groups
        const groupDims = dims.filter((d) => d.id === 'ougs')
        let combos: { groups: number[]; mask: Uint8Array | null; key: string }[] = [
            { groups: [], mask: filterMask, key: filterKey },
        ]
        for (const d of groupDims) {
            if (d.id !== 'ougs') continue
            combos = combos.flatMap((c) =>
                d.items.map((g, code) => {
                    const mask = index.groupMask(inSet(d, [g.id]))
                    return {
                        groups: [...c.groups, code],
                        mask: c.mask ? intersect(c.mask, mask) : mask,
                        key: `${c.key}&${g.id}`,
                    }
                })
            )
        }
        this.ouSlots = base.flatMap((b, ouCode) =>
            combos.map((c) => ({
                ouCode,
                units: b.units,
                mask: c.mask,
                maskKey: c.key,
                groups: c.groups,
            }))
        )
        this.slotUnit = index.slotUnit
        this.sum = new Float64Array(this.ouSlots.length)
        this.count = new Float64Array(this.ouSlots.length)
        this.weighted = new Float64Array(this.ouSlots.length)
        const at = (id: Dimension['id']): number => dims.findIndex((d) => d.id === id)
        this.pos = { dx: at('dx'), co: at('co'), pe: at('pe'), ou: at('ou') }
        this.groupColumns = groupDims.map((d) => dims.indexOf(d))
        this.width = dims.length
        this.tables = dims.map(() => new LabelTable())
        if (this.pos.pe >= 0)
            for (const slot of this.peSlots) this.tables[this.pos.pe]?.code(slot.key ?? '')
        if (this.pos.ou >= 0) for (const b of base) this.tables[this.pos.ou]?.code(b.key ?? '')
        groupDims.forEach((d, k) => {
            if (d.id !== 'ougs') return
            for (const g of d.items) this.tables[this.groupColumns[k] as number]?.code(g.id)
        })
        this.scratch = new Int32Array(Math.max(this.width, 1))
    }

    /** Drops units inside another listed unit, so that filter org units are not counted twice. */
    private disjoint(units: number[]): number[] {
        const set = new Set(units)
        return [...set].filter((u) => {
            for (
                let p = this.index.parent[u] as number;
                p >= 0;
                p = this.index.parent[p] as number
            ) {
                if (set.has(p)) return false
            }
            return true
        })
    }

    // ---------------------------------------------------------------------------------------------
    // Periods
    // ---------------------------------------------------------------------------------------------

    /** Stored periods read for a period slot: contained ones, or for averages the coarser data period. */
    private rangeSpec(slot: number, stored: StoredPeriods, disaggregate: boolean): RangeSpec {
        const cache = this.rangeSpecs[slot] as (RangeSpec | undefined)[]
        const key = TYPE_INDEX[stored.type] * 2 + (disaggregate ? 1 : 0)
        let spec = cache[key]
        if (spec) return spec
        const idx: number[] = []
        const days: number[] = []
        let totalDays = 0
        const seen = new Set<number>()
        for (const p of (this.peSlots[slot] as PeriodSlot).periods) {
            if (FREQUENCY_ORDER[stored.type] > FREQUENCY_ORDER[p.type]) {
                if (!disaggregate) continue
                const data = periodOfMonth(stored.type, p.firstMonth)
                const i = stored.indexById.get(data.id)
                if (i === undefined || seen.has(i)) continue
                seen.add(i)
                idx.push(i)
                days.push(data.days)
                totalDays += data.days
                continue
            }
            totalDays += p.days
            for (
                let i = firstIndexStartingAtOrAfter(stored.startDay, p.startDay);
                i < stored.periods.length;
                i++
            ) {
                if ((stored.endDay[i] as number) > p.endDay) break
                if (seen.has(i)) continue
                seen.add(i)
                idx.push(i)
                days.push((stored.periods[i] as Period).days)
            }
        }
        spec = { idx: Int32Array.from(idx), days: Float64Array.from(days), totalDays }
        cache[key] = spec
        return spec
    }

    /**
     * Stored periods a LAST (or LAST_IN_PERIOD) value of a period slot may come from: ending by
     * the slot's latest end, starting at or after ten years before it (LAST) or the slot's
     * earliest start (LAST_IN_PERIOD), in a partition year read by the query.
     */
    private lastSpec(slot: number, stored: StoredPeriods, inPeriod: boolean): LastSpec {
        const cache = this.lastSpecs[slot] as (LastSpec | undefined)[]
        const key = TYPE_INDEX[stored.type] * 2 + (inPeriod ? 1 : 0)
        let spec = cache[key]
        if (spec) return spec
        const periods = (this.peSlots[slot] as PeriodSlot).periods
        const endDay = Math.max(...periods.map((p) => p.endDay))
        const minStartDay = inPeriod
            ? Math.min(...periods.map((p) => p.startDay))
            : addYearsToEpochDay(endDay, -10)
        const idx = lastIndexAtOrBefore(stored.endDay, endDay)
        const years = this.partitionYears
        const ok = new Uint8Array(Math.max(idx + 1, 0))
        for (let i = 0; i <= idx; i++) {
            const p = stored.periods[i] as Period
            ok[i] = p.startDay >= minStartDay && (years === null || years.has(p.year)) ? 1 : 0
        }
        let from = idx
        while (from >= 0 && ok[from] === 1) from--
        from++
        let fast = true
        for (let i = 0; i < Math.min(from, ok.length); i++) if (ok[i] === 1) fast = false
        spec = { idx, ok, from, fast }
        cache[key] = spec
        return spec
    }

    // ---------------------------------------------------------------------------------------------
    // Data element values
    // ---------------------------------------------------------------------------------------------

    /**
     * Adds the rows a series contributes to each org unit slot (sum, count, Σ value × days) for a
     * period slot.
     */
    private accumulate(seriesIndex: number, kind: AggKind, pe: number): void {
        const index = this.index
        const info = index.series[seriesIndex]
        if (!info) return
        const stored = info.periods
        const P = stored.periods.length
        const values = info.series.values
        const keepZeros = info.keepZeros
        const { sum, count, weighted } = this
        const slots = this.ouSlots
        const n = slots.length
        if (isLast(kind) || isLastInPeriod(kind)) {
            const spec = this.lastSpec(pe, stored, isLastInPeriod(kind))
            const p = spec.idx
            if (p < 0 || (spec.fast && spec.from > p)) return
            const last = (f: number, o: number): void => {
                const v = this.lastOfFacility(values, f * P, spec, keepZeros)
                if (v === v) {
                    sum[o] = (sum[o] as number) + v
                    count[o] = (count[o] as number) + 1
                }
            }
            for (let o = 0; o < n; o++) {
                const { units, mask, maskKey } = slots[o] as OuSlot
                for (const u of units) {
                    const s = index.slot[u] as number
                    if (s >= 0) {
                        if (!mask || mask[s]) last(s, o)
                    } else if (spec.fast && (spec.from === p || isRollupStart(stored, spec.from))) {
                        // one period to read: its plain sums; else the values carried forward
                        // from a year start (cached per start, so a bounded number of roll-ups)
                        const rollup =
                            spec.from === p
                                ? mask
                                    ? index.maskedRollup(seriesIndex, null, maskKey, mask)
                                    : index.sumRollup(seriesIndex)
                                : mask
                                  ? index.maskedRollup(seriesIndex, spec.from, maskKey, mask)
                                  : index.lastRollup(seriesIndex, spec.from)
                        const cell = (index.internal[u] as number) * P + p
                        sum[o] = (sum[o] as number) + (rollup.sum[cell] as number)
                        count[o] = (count[o] as number) + (rollup.count[cell] as number)
                    } else {
                        for (const f of index.facilitiesUnder(u)) if (!mask || mask[f]) last(f, o)
                    }
                }
            }
            return
        }
        const spec = this.rangeSpec(pe, stored, isAverage(kind))
        const idx = spec.idx
        const days = spec.days
        const m = idx.length
        if (m === 0) return
        for (let o = 0; o < n; o++) {
            const { units, mask, maskKey } = slots[o] as OuSlot
            let s0 = 0
            let c0 = 0
            let w0 = 0
            for (const u of units) {
                const s = index.slot[u] as number
                if (s < 0) {
                    const rollup: Rollup = mask
                        ? index.maskedRollup(seriesIndex, null, maskKey, mask)
                        : index.sumRollup(seriesIndex)
                    const row = (index.internal[u] as number) * P
                    for (let k = 0; k < m; k++) {
                        const cell = row + (idx[k] as number)
                        const v = rollup.sum[cell] as number
                        s0 += v
                        c0 += rollup.count[cell] as number
                        w0 += v * (days[k] as number)
                    }
                    continue
                }
                if (mask && !mask[s]) continue
                const base = s * P
                for (let k = 0; k < m; k++) {
                    const v = values[base + (idx[k] as number)] as number
                    if (v !== v || (v === 0 && !keepZeros)) continue
                    s0 += v
                    c0++
                    w0 += v * (days[k] as number)
                }
            }
            sum[o] = (sum[o] as number) + s0
            count[o] = (count[o] as number) + c0
            weighted[o] = (weighted[o] as number) + w0
        }
    }

    /** A facility's latest value among the pickable periods of a LAST spec, or NaN. */
    private lastOfFacility(
        values: Float64Array | Float32Array,
        base: number,
        spec: LastSpec,
        keepZeros: boolean
    ): number {
        const { ok } = spec
        for (let p = spec.idx; p >= 0; p--) {
            if (ok[p] !== 1) continue
            const v = values[base + p] as number
            if (v !== v || (v === 0 && !keepZeros)) continue
            return v
        }
        return NaN
    }

    /**
     * MIN / MAX (over all rows of a cell) and MIN_SUM_ORG_UNIT / MAX_SUM_ORG_UNIT (per facility
     * over its rows of the query period, all option combos together as DHIS2 groups by `ou` and
     * the query's dimensions only, then summed), for the given series of one data element.
     */
    private accumulateExtreme(series: readonly number[], kind: AggKind, pe: number): void {
        const index = this.index
        const isMax = kind === 'MAX' || kind === 'MAX_SUM_ORG_UNIT'
        const perFacility = kind === 'MIN_SUM_ORG_UNIT' || kind === 'MAX_SUM_ORG_UNIT'
        const better = (a: number, b: number): boolean => (isMax ? a > b : a < b)
        const infos = series
            .map((s) => index.series[s])
            .filter((info): info is NonNullable<typeof info> => info !== undefined)
        const specs = infos.map((info) => this.rangeSpec(pe, info.periods, false))
        const { sum, count } = this
        const slots = this.ouSlots
        for (let o = 0; o < slots.length; o++) {
            const { units, mask } = slots[o] as OuSlot
            let cell = NaN
            let total = 0
            let facilities = 0
            const visit = (f: number): void => {
                if (mask && !mask[f]) return
                let own = NaN
                infos.forEach((info, k) => {
                    const P = info.periods.periods.length
                    const values = info.series.values
                    for (const p of (specs[k] as RangeSpec).idx) {
                        const v = values[f * P + p] as number
                        if (v !== v || (v === 0 && !info.keepZeros)) continue
                        if (own !== own || better(v, own)) own = v
                    }
                })
                if (own !== own) return
                facilities++
                total += own
                if (cell !== cell || better(own, cell)) cell = own
            }
            for (const u of units) {
                const s = index.slot[u] as number
                if (s >= 0) visit(s)
                else for (const f of index.facilitiesUnder(u)) visit(f)
            }
            if (facilities === 0) continue
            sum[o] = perFacility ? total : cell
            count[o] = facilities
        }
    }

    private reset(): void {
        this.sum.fill(0)
        this.count.fill(0)
        this.weighted.fill(0)
    }

    /** Final values per org unit slot from the accumulators (NaN: no row). */
    private finalize(
        kind: AggKind,
        pe: number,
        stored: StoredPeriods | undefined,
        target: Float64Array
    ): void {
        const { sum, count, weighted } = this
        const days =
            kind === 'AVERAGE_SUM_ORG_UNIT' && stored
                ? this.rangeSpec(pe, stored, true).totalDays
                : 0
        for (let o = 0; o < target.length; o++) {
            const c = count[o] as number
            if (c === 0) {
                target[o] = NaN
                continue
            }
            switch (kind) {
                case 'SUM':
                case 'LAST':
                case 'LAST_IN_PERIOD':
                case 'MIN':
                case 'MAX':
                case 'MIN_SUM_ORG_UNIT':
                case 'MAX_SUM_ORG_UNIT':
                    target[o] = sum[o] as number
                    break
                case 'COUNT':
                    target[o] = c
                    break
                case 'AVERAGE':
                case 'LAST_AVERAGE_ORG_UNIT':
                case 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT':
                    target[o] = (sum[o] as number) / c
                    break
                case 'AVERAGE_SUM_ORG_UNIT':
                    target[o] = days > 0 ? (weighted[o] as number) / days : NaN
            }
        }
    }

    /**
     * Values of a data element (all its series, or the given ones) for every org unit slot of a
     * period slot, written to `target` (NaN: no row).
     */
    private slotValues(
        de: DataElement,
        series: readonly number[],
        pe: number,
        target: Float64Array
    ): Float64Array {
        const kind = this.kindOf(de)
        this.reset()
        if (isExtreme(kind)) this.accumulateExtreme(series, kind, pe)
        else for (const s of series) this.accumulate(s, kind, pe)
        this.finalize(kind, pe, this.index.series[series[0] ?? -1]?.periods, target)
        return target
    }

    /** The request's `aggregationType`, else the data element's (NONE aggregated as SUM). */
    private kindOf(de: DataElement): AggKind {
        if (this.query.aggregationType) return this.query.aggregationType
        return de.aggregationType === 'NONE' ? 'SUM' : de.aggregationType
    }

    private seriesOf(item: DxItem): number[] {
        if (item.kind === 'DATA_ELEMENT')
            return this.index.seriesOfDataElement.get(item.dataElement.id) ?? []
        if (item.kind === 'DATA_ELEMENT_OPERAND') {
            const s = this.index.seriesByKey.get(`${item.dataElement.id}.${item.coc.id}`)
            return s === undefined ? [] : [s]
        }
        return []
    }

    /**
     * Values of several data elements / operands aggregated together (data as filter): values of the
     * same aggregation type are aggregated as one, the types' results are summed.
     */
    private combinedValues(items: DxItem[], pe: number, target: Float64Array): Float64Array {
        const byKind = new Map<AggKind, number[]>()
        for (const item of items) {
            if (item.kind !== 'DATA_ELEMENT' && item.kind !== 'DATA_ELEMENT_OPERAND') continue
            const kind = this.kindOf(item.dataElement)
            byKind.set(kind, [...(byKind.get(kind) ?? []), ...this.seriesOf(item)])
        }
        target.fill(NaN)
        const part = new Float64Array(target.length)
        for (const [kind, series] of byKind) {
            this.reset()
            if (isExtreme(kind)) this.accumulateExtreme(series, kind, pe)
            else for (const s of series) this.accumulate(s, kind, pe)
            this.finalize(kind, pe, this.index.series[series[0] ?? -1]?.periods, part)
            for (let o = 0; o < target.length; o++) {
                const v = part[o] as number
                if (v === v) target[o] = target[o] === target[o] ? (target[o] as number) + v : v
            }
        }
        return target
    }

    // ---------------------------------------------------------------------------------------------
    // Rows
    // ---------------------------------------------------------------------------------------------

    /** Writes the dimension codes of a row into the scratch array (columns in dimension order). */
    private setCodes(dx: number, co: number, pe: number, ou: number): Int32Array {
        const codes = this.scratch
        if (this.pos.dx >= 0) codes[this.pos.dx] = dx
        if (this.pos.co >= 0) codes[this.pos.co] = co
        if (this.pos.pe >= 0) codes[this.pos.pe] = pe
        const slot = this.ouSlots[ou] as OuSlot
        if (this.pos.ou >= 0) codes[this.pos.ou] = slot.ouCode
        for (let k = 0; k < this.groupColumns.length; k++) {
            codes[this.groupColumns[k] as number] = slot.groups[k] as number
        }
        return codes
    }

    private dxCode(label: string, keyLabel: string = label): number {
        return this.pos.dx >= 0 ? (this.tables[this.pos.dx] as LabelTable).code(label, keyLabel) : 0
    }

    /** All rows, in DHIS2's order: indicators, data elements, operands, reporting rates. */
    result(): { rows: RowSet; order: Int32Array } {
        const { query } = this
        const out = new RowSet(this.width, this.tables)
        if (query.skipData) return { rows: out, order: new Int32Array(0) }
        const dxDim = query.dimensions.find((d) => d.id === 'dx')
        const dxFilter = query.filters.find((d) => d.id === 'dx')
        const items = dxDim?.id === 'dx' ? dxDim.items : dxFilter?.id === 'dx' ? dxFilter.items : []
        const asFilter = !dxDim
        this.checkLimit(items)
        const sections: { from: number; to: number; sort: 'hash' | 'labels' }[] = []
        const section = (from: number, sort: 'hash' | 'labels'): void => {
            if (out.count > from) sections.push({ from, to: out.count, sort })
        }
        let from = out.count
        this.indicatorRows(out, items)
        section(from, 'labels')
        from = out.count
        this.dataElementRows(out, items, asFilter, 'DATA_ELEMENT')
        section(from, 'hash')
        from = out.count
        this.dataElementRows(out, items, asFilter, 'DATA_ELEMENT_OPERAND')
        section(from, 'hash')
        for (const metric of METRICS) {
            from = out.count
            this.reportingRateRows(out, items, metric)
            section(from, 'hash')
        }
        const order = new Int32Array(out.count)
        let at = 0
        for (const { from: start, to, sort } of sections) {
            if (sort === 'hash') {
                // Java HashMap iteration order of the rows' dimension keys
                for (const i of javaHashOrderOfHashes(out.hashes.subarray(start, to)))
                    order[at++] = start + i
            } else {
                const w = this.width
                const indices = Array.from({ length: to - start }, (_, i) => start + i)
                indices.sort((a, b) => {
                    for (let c = 0; c < w; c++) {
                        const x = out.label(a, c)
                        const y = out.label(b, c)
                        if (x !== y) return x < y ? -1 : 1
                    }
                    return 0
                })
                for (const r of indices) order[at++] = r
            }
        }
        return { rows: out, order }
    }

    /**
     * DHIS2 refuses a query whose SQL result exceeds the `keyAnalyticsMaxLimit` system setting
     * (100 000 rows, E7128) unless `ignoreLimit`. It counts per sub-query after splitting a query
     * into up to 8 parallel ones, so the demo refuses when the possible rows exceed 8 × the limit:
     * this also keeps a runaway request from exhausting the demo server's memory.
     */
    private checkLimit(items: DxItem[]): void {
        if (this.query.ignoreLimit) return
        const coDim = this.query.dimensions.find((d) => d.id === 'co')
        let dataRows = 0
        for (const item of items) {
            dataRows +=
                coDim && (item.kind === 'DATA_ELEMENT' || item.kind === 'DATA_ELEMENT_OPERAND')
                    ? this.seriesOf(item).length
                    : 1
        }
        const cells = Math.max(dataRows, 1) * this.peSlots.length * this.ouSlots.length
        if (cells > 8 * MAX_LIMIT)
            throw new AnalyticsError('E7128', MAX_LIMIT.toLocaleString('en-US'))
    }

    /** The rows as DHIS2 renders them (for tests and callers that want plain arrays). */
    rows(): Row[] {
        const { rows, order } = this.result()
        return Array.from(order, (r) => rows.cells(r, this.query.includeNumDen))
    }

    private forEachCell(callback: (pe: number, ou: number) => void): void {
        for (let pe = 0; pe < this.peSlots.length; pe++) {
            if ((this.peSlots[pe] as PeriodSlot).periods.length === 0) continue
            for (let ou = 0; ou < this.ouSlots.length; ou++) callback(pe, ou)
        }
    }

    private dataElementRows(
        out: RowSet,
        items: DxItem[],
        asFilter: boolean,
        kind: 'DATA_ELEMENT' | 'DATA_ELEMENT_OPERAND'
    ): void {
        const selected = items.filter((i) => i.kind === kind)
        if (selected.length === 0) return
        const q = this.query
        const coDim = q.dimensions.find((d) => d.id === 'co')
        const values = new Float64Array(this.ouSlots.length)
        const emit = (dx: number, co: number, pe: number): void => {
            for (let o = 0; o < values.length; o++) {
                const v = values[o] as number
                if (v === v) out.push(this.setCodes(dx, co, pe, o), rounded(q, v), RowKind.Data)
            }
        }
        if (asFilter) {
            for (let pe = 0; pe < this.peSlots.length; pe++) {
                this.combinedValues(selected, pe, values)
                emit(0, 0, pe)
            }
            return
        }
        for (const item of selected) {
            if (item.kind !== 'DATA_ELEMENT' && item.kind !== 'DATA_ELEMENT_OPERAND') continue
            const series = this.seriesOf(item)
            const dx = this.dxCode(item.id)
            if (coDim?.id === 'co') {
                const wanted = coDim.items.length > 0 ? new Set(coDim.items.map((c) => c.id)) : null
                const coTable = this.tables[this.pos.co] as LabelTable
                for (const s of series) {
                    const coc = this.index.series[s]?.categoryOptionComboId ?? ''
                    if (coc === '' || (wanted !== null && !wanted.has(coc))) continue
                    const code = coTable.code(coc)
                    for (let pe = 0; pe < this.peSlots.length; pe++) {
                        this.slotValues(item.dataElement, [s], pe, values)
                        emit(dx, code, pe)
                    }
                }
            } else {
                for (let pe = 0; pe < this.peSlots.length; pe++) {
                    this.slotValues(item.dataElement, series, pe, values)
                    emit(dx, 0, pe)
                }
            }
        }
    }

    private indicatorRows(out: RowSet, items: DxItem[]): void {
        const indicators = items.filter((i) => i.kind === 'INDICATOR')
        if (indicators.length === 0) return
        const nOu = this.ouSlots.length
        // Distinct items of all expressions, evaluated once per period slot for all org unit slots
        const refs: { de: DataElement | undefined; series: number[]; values: Float64Array }[] = []
        const refIndex = new Map<string, number>()
        const plans = indicators.map((ind) => {
            const map = (expr: typeof ind.numerator): Int32Array =>
                Int32Array.from(expr?.items ?? [], (it) => {
                    const key = it.categoryOptionComboId
                        ? `${it.dataElementId}.${it.categoryOptionComboId}`
                        : it.dataElementId
                    let r = refIndex.get(key)
                    if (r === undefined) {
                        const de = this.index.dataElements.get(it.dataElementId)
                        const series = !de
                            ? []
                            : it.categoryOptionComboId
                              ? [this.index.seriesByKey.get(key)].filter(
                                    (s): s is number => s !== undefined
                                )
                              : (this.index.seriesOfDataElement.get(de.id) ?? [])
                        r = refs.length
                        refIndex.set(key, r)
                        refs.push({ de, series, values: new Float64Array(nOu) })
                    }
                    return r
                })
            return {
                ind,
                num: map(ind.numerator),
                den: map(ind.denominator),
                numValues: new Float64Array(ind.numerator?.items.length ?? 0),
                denValues: new Float64Array(ind.denominator?.items.length ?? 0),
                dx: this.dxCode(ind.id),
            }
        })
        const q = this.query
        for (let pe = 0; pe < this.peSlots.length; pe++) {
            const slot = this.peSlots[pe] as PeriodSlot
            if (slot.periods.length === 0) continue
            for (const ref of refs) {
                if (ref.de && ref.series.length > 0)
                    this.slotValues(ref.de, ref.series, pe, ref.values)
                else ref.values.fill(NaN)
            }
            const days = (this.peFilter ?? slot.periods).reduce((n, p) => n + p.days, 0)
            for (let o = 0; o < nOu; o++) {
                for (const plan of plans) {
                    const { ind } = plan
                    if (ind.kind !== 'INDICATOR' || !ind.numerator || !ind.denominator) continue
                    for (let i = 0; i < plan.den.length; i++) {
                        plan.denValues[i] = (refs[plan.den[i] as number] as (typeof refs)[number])
                            .values[o] as number
                    }
                    for (let i = 0; i < plan.num.length; i++) {
                        plan.numValues[i] = (refs[plan.num[i] as number] as (typeof refs)[number])
                            .values[o] as number
                    }
                    const denominator = ind.denominator.evaluate(plan.denValues, days)
                    const numerator = ind.numerator.evaluate(plan.numValues, days)
                    if (denominator === null || denominator === 0 || numerator === null) continue
                    const multiplier = Math.trunc(ind.indicatorType?.factor ?? 1)
                    const divisor = 1
                    const value = (numerator * multiplier) / (denominator * divisor)
                    if (!Number.isFinite(value)) continue
                    out.push(
                        this.setCodes(plan.dx, 0, pe, o),
                        rounded(q, value),
                        RowKind.Indicator,
                        rounded(q, numerator),
                        rounded(q, denominator),
                        rounded(q, multiplier / divisor),
                        multiplier
                    )
                }
            }
        }
    }

    private reportingRateRows(out: RowSet, items: DxItem[], metric: Metric): void {
        const timeUnits = this.peFilter ? this.peFilter.length : 1
        for (const item of items) {
            if (item.kind !== 'REPORTING_RATE' || item.metric !== metric) continue
            const info = this.index.dataSets.get(item.dataSet.id)
            if (!info) continue
            const openings = this.index.targetOpenings(info.dataSet.id)
            // The key DHIS2 hashes has the data set id; the row shows the reporting rate item
            const dx = this.dxCode(item.id, item.dataSet.id)
            this.forEachCell((pe, ou) => {
                const slot = this.peSlots[pe] as PeriodSlot
                let restrictionStart = Infinity
                for (const p of slot.periods)
                    restrictionStart = Math.min(restrictionStart, p.startDay)
                const { units, mask } = this.ouSlots[ou] as OuSlot
                let count = 0
                for (const u of units) {
                    if (mask) {
                        // Only facilities of the groups: count assigned, open member facilities
                        const assigned = this.index.assignedMask(info.dataSet.id)
                        for (const f of this.index.facilitiesUnder(u)) {
                            const fu = this.slotUnit[f] as number
                            if (
                                mask[f] &&
                                assigned[f] &&
                                (this.index.openingDay[fu] as number) <= restrictionStart
                            )
                                count++
                        }
                        continue
                    }
                    const list = openings.get(u)
                    if (list) count += countAtOrBefore(list, restrictionStart)
                }
                if (count === 0) return
                const queryType = (slot.periods[0] as Period).type
                const target = count * periodSpan(queryType, info.periods.type) * timeUnits
                const actual =
                    metric === 'EXPECTED_REPORTS'
                        ? 0
                        : this.actualReports(info.dataSet.id, metric, pe, ou)
                const value = reportingRate(metric, target, actual)
                out.push(
                    this.setCodes(dx, 0, pe, ou),
                    this.query.skipRounding ? value : getRounded(value),
                    RowKind.ReportingRate,
                    actual,
                    target
                )
            })
        }
    }

    private actualReports(dataSetId: string, metric: Metric, pe: number, ou: number): number {
        const index = this.index
        const info = index.dataSets.get(dataSetId)
        if (!info) return 0
        const timely = metric === 'REPORTING_RATE_ON_TIME' || metric === 'ACTUAL_REPORTS_ON_TIME'
        const spec = this.rangeSpec(pe, info.periods, false)
        const P = info.periods.periods.length
        const regs = info.registrations?.registrations
        let total = 0
        const { units, mask } = this.ouSlots[ou] as OuSlot
        for (const u of units) {
            const s = index.slot[u] as number
            if (s >= 0 || mask) {
                if (!regs) continue
                for (const f of s >= 0 ? [s] : index.facilitiesUnder(u)) {
                    if (mask && !mask[f]) continue
                    for (const p of spec.idx) {
                        const r = regs[f * P + p] as number
                        if (r === 1 || (r === 2 && !timely)) total++
                    }
                }
            } else {
                const rollup = index.registrationRollup(dataSetId)
                const counts = timely ? rollup.timely : rollup.all
                const row = (index.internal[u] as number) * P
                for (const p of spec.idx) total += counts[row + p] as number
            }
        }
        return total
    }
}

/**
 * The years of the analytics partitions a query reads (`PartitionUtils.getPartitions`: every year
 * spanned by a period of the request, dimension or filter; `filterNonExistingPartitions`: only
 * years with data), or null when none exists and DHIS2 reads the whole analytics table.
 */
const partitionYearsOf = (index: DbIndex, query: AnalyticsQuery): ReadonlySet<number> | null => {
    const years = new Set<number>()
    for (const d of [...query.dimensions, ...query.filters]) {
        if (d.id !== 'pe') continue
        for (const p of d.items) {
            const endYear = Math.floor(p.lastMonth / 12)
            for (let y = p.year; y <= endYear; y++) if (index.dataYears.has(y)) years.add(y)
        }
    }
    return years.size > 0 ? years : null
}

/** `DataHandler.getReportingRate`. */
const reportingRate = (metric: Metric, target: number, actual: number): number => {
    if (metric === 'EXPECTED_REPORTS') return target
    if (metric === 'ACTUAL_REPORTS' || metric === 'ACTUAL_REPORTS_ON_TIME') return actual
    return Math.abs(target) < 0.01 ? 0 : Math.min((actual * 100) / target, 100)
}
