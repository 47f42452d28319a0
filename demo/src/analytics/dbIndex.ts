/**
 * Per-database precomputation for the analytics engine: org unit hierarchy arrays, stored period
 * lookups, and lazily built per-series roll-ups (sums and counts of facility values per non-facility
 * org unit and stored period), so that a national query reads a few hundred cells instead of every
 * facility value. Built once per DemoDb; roll-ups are built on first use of a series and kept.
 */
import type {
    CategoryOptionCombo,
    DataElement,
    DataSet,
    DemoDb,
    Indicator,
    IndicatorType,
    OrgUnit,
    OrgUnitGroup,
    OrgUnitGroupSet,
    PeriodType,
    Registrations,
    ValueSeries,
} from '../data/model'
import { compareToIgnoreCase } from './java'
import { addYearsToEpochDay, epochDayOfIso, parsePeriod, type Period } from './periods'

export interface StoredPeriods {
    type: PeriodType
    periods: Period[]
    indexById: Map<string, number>
    startDay: Int32Array
    endDay: Int32Array
    /** Whether values older than ten years before the latest period end can exist (LAST look-back) */
    spansTenYears: boolean
}

/** Sums and counts of values per non-facility org unit and stored period: `[internal * P + p]`. */
export interface Rollup {
    sum: Float64Array
    count: Int32Array
}

export interface SeriesInfo {
    series: ValueSeries
    dataElement: DataElement
    categoryOptionComboId: string
    periods: StoredPeriods
    /** DHIS2 keeps zero values in analytics only when significant or for average aggregation */
    keepZeros: boolean
}

export interface DataSetInfo {
    dataSet: DataSet
    periods: StoredPeriods
    registrations: Registrations | undefined
}

const PERIOD_TYPES: PeriodType[] = ['Monthly', 'Quarterly', 'Yearly']

export class DbIndex {
    readonly db: DemoDb
    readonly units: OrgUnit[]
    readonly unitIndex = new Map<string, number>()
    readonly level: Int32Array
    readonly parent: Int32Array
    /** Facility slot of each org unit, −1 for non-facilities */
    readonly slot: Int32Array
    /** Org unit index of each facility slot (−1 if the facility is not among the org units) */
    readonly slotUnit: Int32Array
    /** Index among non-facility units (roll-up rows), −1 for facilities */
    readonly internal: Int32Array
    readonly internalCount: number
    /** Non-facility unit indices, deepest level first (roll-up order) */
    private readonly internalByDepth: number[]
    /** Per facility slot: roll-up row of its parent, −1 when it has none */
    private readonly slotParentInternal: Int32Array
    readonly openingDay: Float64Array
    readonly roots: number[]
    readonly unitsByLevel: number[][]
    readonly maxLevel: number
    private readonly sortedChildren: number[][]
    readonly periods: Record<PeriodType, StoredPeriods>
    readonly series: SeriesInfo[] = []
    readonly seriesByKey = new Map<string, number>()
    /** Series indices of each data element, in category combo order */
    readonly seriesOfDataElement = new Map<string, number[]>()
    readonly dataElements = new Map<string, DataElement>()
    readonly indicators = new Map<string, Indicator>()
    readonly indicatorTypes = new Map<string, IndicatorType>()
    readonly dataSets = new Map<string, DataSetInfo>()
    readonly categoryOptionCombos = new Map<string, CategoryOptionCombo>()
    /** Category option combos of each data element's category combo */
    readonly cocsOfDataElement = new Map<string, string[]>()
    readonly levelByNumber = new Map<number, { id: string; name: string }>()
    /** Organisation unit groups: metadata and member unit indices */
    readonly orgUnitGroups = new Map<string, { group: OrgUnitGroup; members: number[] }>()
    readonly groupSets = new Map<string, { groupSet: OrgUnitGroupSet; groups: OrgUnitGroup[] }>()
    private readonly facilityMasks = new Map<string, Uint8Array>()
    private readonly subtreeFacilities = new Map<number, Int32Array>()
    private readonly assignedMasks = new Map<string, Uint8Array>()
    readonly levelById = new Map<string, number>()

    /**
     * Years with data (the analytics partitions DHIS2 creates: `JdbcAnalyticsTableManager
     * .getDataYears`, years of the periods of stored values)
     */
    readonly dataYears = new Set<number>()

    private readonly sumRollups = new Map<number, Rollup>()
    /** Carried-forward roll-ups by series and first period read: `${series}|${from}` */
    private readonly lastRollups = new Map<string, Rollup>()
    /** Roll-ups of group members only, by series and group mask key */
    private readonly maskedRollups = new Map<string, Rollup>()
    private readonly registrationRollups = new Map<
        string,
        { all: Int32Array; timely: Int32Array }
    >()
    private readonly targets = new Map<string, Map<number, Float64Array>>()

    constructor(db: DemoDb) {
        this.db = db
        this.units = db.orgUnits
        const n = this.units.length
        this.level = new Int32Array(n)
        this.parent = new Int32Array(n).fill(-1)
        this.slot = new Int32Array(n).fill(-1)
        this.internal = new Int32Array(n).fill(-1)
        this.openingDay = new Float64Array(n)
        this.units.forEach((u, i) => this.unitIndex.set(u.id, i))
        let maxLevel = 0
        const roots: number[] = []
        this.units.forEach((u, i) => {
            this.level[i] = u.level
            maxLevel = Math.max(maxLevel, u.level)
            const p = u.parentId === null ? undefined : this.unitIndex.get(u.parentId)
            if (p === undefined) roots.push(i)
            else this.parent[i] = p
            const s = db.facilitySlot.get(u.id)
            if (s !== undefined) this.slot[i] = s
            const opening = epochDayOfIso(u.openingDate)
            this.openingDay[i] = Number.isNaN(opening) ? -Infinity : opening
        })
        this.maxLevel = maxLevel
        this.roots = roots.sort((a, b) => this.compareUnits(a, b))
        this.unitsByLevel = Array.from({ length: maxLevel + 1 }, () => [])
        this.units.forEach((_, i) => this.unitsByLevel[this.level[i] as number]?.push(i))
        const children: number[][] = Array.from({ length: n }, () => [])
        this.parent.forEach((p, i) => {
            if (p >= 0) children[p]?.push(i)
        })
        this.sortedChildren = children.map((c) => c.sort((a, b) => this.compareUnits(a, b)))

        let internalCount = 0
        const internalUnits: number[] = []
        for (let i = 0; i < n; i++) {
            if ((this.slot[i] as number) < 0) {
                this.internal[i] = internalCount++
                internalUnits.push(i)
            }
        }
        this.internalCount = internalCount
        this.internalByDepth = internalUnits.sort(
            (a, b) => (this.level[b] as number) - (this.level[a] as number)
        )
        this.slotUnit = Int32Array.from(db.facilities, (f) => this.unitIndex.get(f.id) ?? -1)
        this.slotParentInternal = new Int32Array(db.facilities.length).fill(-1)
        db.facilities.forEach((f, s) => {
            const i = this.unitIndex.get(f.id)
            const p = i === undefined ? -1 : (this.parent[i] as number)
            this.slotParentInternal[s] = p >= 0 ? (this.internal[p] as number) : -1
        })

        this.periods = {
            Monthly: this.storedPeriods('Monthly'),
            Quarterly: this.storedPeriods('Quarterly'),
            Yearly: this.storedPeriods('Yearly'),
        }
        for (const l of db.orgUnitLevels) {
            this.levelByNumber.set(l.level, { id: l.id, name: l.name })
            this.levelById.set(l.id, l.level)
        }
        for (const group of db.organisationUnitGroups ?? []) {
            const members = group.orgUnitIds
                .map((id) => this.unitIndex.get(id))
                .filter((u): u is number => u !== undefined)
            this.orgUnitGroups.set(group.id, { group, members })
        }
        for (const groupSet of db.organisationUnitGroupSets ?? []) {
            const groups = groupSet.organisationUnitGroupIds
                .map((id) => this.orgUnitGroups.get(id)?.group)
                .filter((g): g is OrgUnitGroup => g !== undefined)
            this.groupSets.set(groupSet.id, { groupSet, groups })
        }
        for (const coc of db.categoryOptionCombos) this.categoryOptionCombos.set(coc.id, coc)
        const combos = new Map(db.categoryCombos.map((c) => [c.id, c]))
        for (const de of db.dataElements) {
            this.dataElements.set(de.id, de)
            this.cocsOfDataElement.set(
                de.id,
                combos.get(de.categoryComboId)?.categoryOptionComboIds ?? []
            )
        }
        for (const ind of db.indicators) this.indicators.set(ind.id, ind)
        for (const t of db.indicatorTypes) this.indicatorTypes.set(t.id, t)
        for (const ds of db.dataSets) {
            this.dataSets.set(ds.id, {
                dataSet: ds,
                periods: this.periods[ds.periodType],
                registrations: db.registrations.get(ds.id),
            })
        }
        for (const [key, series] of db.series) {
            const de = this.dataElements.get(series.dataElementId)
            if (!de) continue
            const index = this.series.length
            this.series.push({
                series,
                dataElement: de,
                categoryOptionComboId: series.categoryOptionComboId,
                periods: this.periods[series.periodType],
                keepZeros:
                    de.zeroIsSignificant ||
                    de.aggregationType === 'AVERAGE' ||
                    de.aggregationType === 'AVERAGE_SUM_ORG_UNIT',
            })
            this.seriesByKey.set(key, index)
        }
        for (const info of this.series) {
            const P = info.periods.periods.length
            const values = info.series.values
            const F = P > 0 ? values.length / P : 0
            info.periods.periods.forEach((period, p) => {
                if (this.dataYears.has(period.year)) return
                for (let f = 0; f < F; f++) {
                    if (values[f * P + p] === values[f * P + p]) {
                        this.dataYears.add(period.year)
                        return
                    }
                }
            })
        }
        for (const de of db.dataElements) {
            const order = this.cocsOfDataElement.get(de.id) ?? []
            const list: number[] = []
            for (const coc of order) {
                const s = this.seriesByKey.get(`${de.id}.${coc}`)
                if (s !== undefined) list.push(s)
            }
            // Series whose option combo is not in the data element's combo still hold data
            this.series.forEach((info, s) => {
                if (info.dataElement.id === de.id && !list.includes(s)) list.push(s)
            })
            this.seriesOfDataElement.set(de.id, list)
        }
    }

    private storedPeriods(type: PeriodType): StoredPeriods {
        const periods = this.db.periodsByType[type].map((sp) => {
            const parsed = parsePeriod(sp.id)
            if (!parsed) throw new Error(`Unsupported stored period: ${sp.id}`)
            return parsed
        })
        const indexById = new Map(periods.map((p, i) => [p.id, i]))
        const startDay = Int32Array.from(periods, (p) => p.startDay)
        const endDay = Int32Array.from(periods, (p) => p.endDay)
        const first = periods[0]
        const last = periods[periods.length - 1]
        return {
            type,
            periods,
            indexById,
            startDay,
            endDay,
            spansTenYears:
                !!first && !!last && first.startDay < addYearsToEpochDay(last.endDay, -10),
        }
    }

    /** `OrganisationUnit.compareTo`: display name, ignoring case. */
    compareUnits = (a: number, b: number): number =>
        compareToIgnoreCase((this.units[a] as OrgUnit).name, (this.units[b] as OrgUnit).name)

    unit(i: number): OrgUnit {
        return this.units[i] as OrgUnit
    }

    childrenOf(i: number): number[] {
        return this.sortedChildren[i] ?? []
    }

    /** Ancestor of a unit at a given level, or −1 when the unit is above it. */
    ancestorAtLevel(i: number, level: number): number {
        let u = i
        while (u >= 0 && (this.level[u] as number) > level) u = this.parent[u] as number
        return u >= 0 && this.level[u] === level ? u : -1
    }

    isDescendantOrSelf(i: number, ancestor: number): boolean {
        return this.ancestorAtLevel(i, this.level[ancestor] as number) === ancestor
    }

    /** Whether the unit is one of the given units or a descendant of one. */
    withinAny(i: number, units: ReadonlySet<number>): boolean {
        for (let u = i; u >= 0; u = this.parent[u] as number) if (units.has(u)) return true
        return false
    }

    /** Ancestors from the root down to (excluding) the unit. */
    ancestors(i: number): number[] {
        const list: number[] = []
        let u = this.parent[i] as number
        while (u >= 0) {
            list.push(u)
            u = this.parent[u] as number
        }
        return list.reverse()
    }

    /** Facility slots that are members of any of the given groups (1) or not (0). */
    groupMask(groupIds: readonly string[]): Uint8Array {
        const key = [...groupIds].sort().join(';')
        let mask = this.facilityMasks.get(key)
        if (!mask) {
            mask = new Uint8Array(this.slotUnit.length)
            for (const id of groupIds) {
                for (const u of this.orgUnitGroups.get(id)?.members ?? []) {
                    const s = this.slot[u] as number
                    if (s >= 0) mask[s] = 1
                }
            }
            this.facilityMasks.set(key, mask)
        }
        return mask
    }

    /** Facility slots in the subtree of a unit (the unit included). */
    facilitiesUnder(u: number): Int32Array {
        let list = this.subtreeFacilities.get(u)
        if (!list) {
            const slots: number[] = []
            const units = new Set([u])
            this.slotUnit.forEach((fu, s) => {
                if (fu >= 0 && this.withinAny(fu, units)) slots.push(s)
            })
            list = Int32Array.from(slots)
            this.subtreeFacilities.set(u, list)
        }
        return list
    }

    /** Facility slots assigned to a data set (1) or not (0). */
    assignedMask(dataSetId: string): Uint8Array {
        let mask = this.assignedMasks.get(dataSetId)
        if (!mask) {
            mask = new Uint8Array(this.slotUnit.length)
            for (const id of this.dataSets.get(dataSetId)?.dataSet.orgUnitIds ?? []) {
                const s = this.db.facilitySlot.get(id)
                if (s !== undefined) mask[s] = 1
            }
            this.assignedMasks.set(dataSetId, mask)
        }
        return mask
    }

    /** Sums and counts per non-facility unit and period for a series (zeros dropped unless kept). */
    sumRollup(seriesIndex: number): Rollup {
        let rollup = this.sumRollups.get(seriesIndex)
        if (!rollup) {
            rollup = this.buildRollup(seriesIndex, null)
            this.sumRollups.set(seriesIndex, rollup)
        }
        return rollup
    }

    /**
     * As `sumRollup`, of each facility's latest value at or before each period among the periods
     * from index `from` on (for LAST and LAST_IN_PERIOD: `from` is the first period the query may
     * read, by look-back window and partitions).
     */
    lastRollup(seriesIndex: number, from: number): Rollup {
        const key = `${seriesIndex}|${from}`
        let rollup = this.lastRollups.get(key)
        if (!rollup) {
            rollup = this.buildRollup(seriesIndex, from)
            this.lastRollups.set(key, rollup)
        }
        return rollup
    }

    /**
     * As `sumRollup` (`from` null) / `lastRollup`, of the facilities of a group mask only
     * (`groupMask`; the key identifies the mask).
     */
    maskedRollup(
        seriesIndex: number,
        from: number | null,
        maskKey: string,
        mask: Uint8Array
    ): Rollup {
        const key = `${seriesIndex}|${from === null ? 'S' : `L${from}`}|${maskKey}`
        let rollup = this.maskedRollups.get(key)
        if (!rollup) {
            rollup = this.buildRollup(seriesIndex, from, mask)
            this.maskedRollups.set(key, rollup)
        }
        return rollup
    }

    /** Sums and counts; with `from`, of values carried forward from period `from` on. */
    private buildRollup(
        seriesIndex: number,
        from: number | null,
        mask: Uint8Array | null = null
    ): Rollup {
        const carryForward = from !== null
        const first = from ?? 0
        const info = this.series[seriesIndex] as SeriesInfo
        const values = info.series.values
        const keepZeros = info.keepZeros
        const P = info.periods.periods.length
        const sum = new Float64Array(this.internalCount * P)
        const count = new Int32Array(this.internalCount * P)
        const facilities = this.slotParentInternal.length
        for (let f = 0; f < facilities; f++) {
            const u = this.slotParentInternal[f] as number
            if (u < 0 || (mask && !mask[f])) continue
            const base = f * P
            const ub = u * P
            let last = NaN
            for (let p = first; p < P; p++) {
                const v = values[base + p] as number
                const valid = v === v && (v !== 0 || keepZeros)
                if (carryForward) {
                    if (valid) last = v
                    if (last === last) {
                        sum[ub + p] = (sum[ub + p] as number) + last
                        count[ub + p] = (count[ub + p] as number) + 1
                    }
                } else if (valid) {
                    sum[ub + p] = (sum[ub + p] as number) + v
                    count[ub + p] = (count[ub + p] as number) + 1
                }
            }
        }
        this.propagate(sum, count, P)
        return { sum, count }
    }

    /** Adds each non-facility unit's row into its parent's, deepest first. */
    private propagate(sum: Float64Array | Int32Array, count: Int32Array | null, P: number): void {
        for (const i of this.internalByDepth) {
            const p = this.parent[i] as number
            if (p < 0) continue
            const from = (this.internal[i] as number) * P
            const to = (this.internal[p] as number) * P
            for (let k = 0; k < P; k++) {
                sum[to + k] = (sum[to + k] as number) + (sum[from + k] as number)
                if (count) count[to + k] = (count[to + k] as number) + (count[from + k] as number)
            }
        }
    }

    /** Complete registrations per non-facility unit and data set period: all, and on time. */
    registrationRollup(dataSetId: string): { all: Int32Array; timely: Int32Array } {
        let rollup = this.registrationRollups.get(dataSetId)
        if (!rollup) {
            const info = this.dataSets.get(dataSetId) as DataSetInfo
            const P = info.periods.periods.length
            const all = new Int32Array(this.internalCount * P)
            const timely = new Int32Array(this.internalCount * P)
            const regs = info.registrations?.registrations
            if (regs) {
                const facilities = this.slotParentInternal.length
                for (let f = 0; f < facilities; f++) {
                    const u = this.slotParentInternal[f] as number
                    if (u < 0) continue
                    for (let p = 0; p < P; p++) {
                        const r = regs[f * P + p] as number
                        if (r === 0) continue
                        all[u * P + p] = (all[u * P + p] as number) + 1
                        if (r === 1) timely[u * P + p] = (timely[u * P + p] as number) + 1
                    }
                }
            }
            this.propagate(all, null, P)
            this.propagate(timely, null, P)
            rollup = { all, timely }
            this.registrationRollups.set(dataSetId, rollup)
        }
        return rollup
    }

    /**
     * Opening days (sorted) of the org units assigned to a data set within each unit's subtree, the
     * unit included: the rows of DHIS2's completeness target table.
     */
    targetOpenings(dataSetId: string): Map<number, Float64Array> {
        let map = this.targets.get(dataSetId)
        if (!map) {
            const info = this.dataSets.get(dataSetId) as DataSetInfo
            const lists = new Map<number, number[]>()
            for (const id of new Set(info.dataSet.orgUnitIds)) {
                const assigned = this.unitIndex.get(id)
                if (assigned === undefined) continue
                const opening = this.openingDay[assigned] as number
                let u = assigned
                while (u >= 0) {
                    let list = lists.get(u)
                    if (!list) lists.set(u, (list = []))
                    list.push(opening)
                    u = this.parent[u] as number
                }
            }
            map = new Map()
            for (const [u, list] of lists) map.set(u, Float64Array.from(list).sort())
            this.targets.set(dataSetId, map)
        }
        return map
    }

    /** Builds every roll-up up front (optional; otherwise built on first use). */
    warmUp(): void {
        this.series.forEach((info, s) => {
            this.sumRollup(s)
            const type = info.dataElement.aggregationType
            if (type === 'LAST' || type === 'LAST_AVERAGE_ORG_UNIT') {
                // A request's first partition year starts the look-back (see engine.ts)
                const stored = info.periods.periods
                stored.forEach((p, i) => {
                    if (i === 0 || (stored[i - 1] as Period).year !== p.year) this.lastRollup(s, i)
                })
            }
        })
        for (const id of this.dataSets.keys()) {
            this.registrationRollup(id)
            this.targetOpenings(id)
        }
    }
}

export const STORED_PERIOD_TYPES = PERIOD_TYPES
