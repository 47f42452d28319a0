/**
 * A deliberately naive re-statement of DHIS2's aggregation rules, computing expected values straight
 * from a DemoDb's raw arrays (no roll-ups, no shared code with the engine), for the tests.
 */
import type {
    AggregationType,
    DataElement,
    DataSet,
    DemoDb,
    PeriodType,
    StoredPeriod,
} from '../../data/model'

export interface RefPeriod {
    id: string
    type: 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly'
    start: string
    end: string
    days: number
}

const pad = (n: number): string => String(n).padStart(2, '0')
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()
const dayNumber = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86400000

/** A query period from its ISO id (monthly, quarterly, six-monthly, yearly). */
export const refPeriod = (id: string): RefPeriod => {
    let first: number
    let last: number
    let type: RefPeriod['type']
    const y = Number(id.slice(0, 4))
    if (/^\d{6}$/.test(id)) {
        type = 'Monthly'
        first = last = Number(id.slice(4))
    } else if (id.includes('Q')) {
        type = 'Quarterly'
        last = Number(id.slice(5)) * 3
        first = last - 2
    } else if (id.includes('S')) {
        type = 'SixMonthly'
        last = Number(id.slice(5)) * 6
        first = last - 5
    } else {
        type = 'Yearly'
        first = 1
        last = 12
    }
    const start = `${y}-${pad(first)}-01`
    const end = `${y}-${pad(last)}-${pad(lastDay(y, last))}`
    return { id, type, start, end, days: dayNumber(end) - dayNumber(start) + 1 }
}

const FREQUENCY: Record<RefPeriod['type'], number> = {
    Monthly: 30,
    Quarterly: 91,
    SixMonthly: 182,
    Yearly: 365,
}

const storedDays = (p: StoredPeriod): number => dayNumber(p.endDate) - dayNumber(p.startDate) + 1

export const facilitiesUnder = (db: DemoDb, unitIds: string[]): number[] => {
    const slots: number[] = []
    db.facilities.forEach((f, slot) => {
        const path = f.path.split('/')
        if (unitIds.some((u) => path.includes(u))) slots.push(slot)
    })
    return slots
}

const isAverage = (de: DataElement): boolean =>
    de.aggregationType === 'AVERAGE' || de.aggregationType === 'AVERAGE_SUM_ORG_UNIT'

/**
 * Expected aggregated value of a data element (or one option combo of it) for org units and query
 * periods (several = filter), or null when DHIS2 returns no row.
 */
export interface RefOptions {
    /** The request's `aggregationType` (overrides the data element's) */
    aggregationType?: AggregationType
    /** All periods of the request (for the partitions LAST reads); default: `periodIds` */
    requestPeriodIds?: string[]
}

export const refValue = (
    db: DemoDb,
    dataElementId: string,
    cocId: string | null,
    unitIds: string[],
    periodIds: string[],
    options: RefOptions = {}
): number | null => {
    const de = db.dataElements.find((d) => d.id === dataElementId)
    if (!de) throw new Error(`No data element ${dataElementId}`)
    const series = [...db.series.values()].filter(
        (s) =>
            s.dataElementId === dataElementId &&
            (cocId === null || s.categoryOptionComboId === cocId)
    )
    const slots = facilitiesUnder(db, unitIds)
    const queryPeriods = periodIds.map(refPeriod)
    const valid = (v: number): boolean =>
        !Number.isNaN(v) && (v !== 0 || de.zeroIsSignificant || isAverage(de))
    const values: number[] = []
    let weighted = 0
    let days = 0
    const type = options.aggregationType ?? de.aggregationType

    if (
        type === 'LAST' ||
        type === 'LAST_AVERAGE_ORG_UNIT' ||
        type === 'LAST_IN_PERIOD' ||
        type === 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT'
    ) {
        const inPeriod = type === 'LAST_IN_PERIOD' || type === 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT'
        const end = queryPeriods
            .map((q) => q.end)
            .sort()
            .at(-1) as string
        // LAST: periods starting within the ten years before the end; LAST_IN_PERIOD: in the period
        const earliest = inPeriod
            ? (queryPeriods.map((q) => q.start).sort()[0] as string)
            : `${Number(end.slice(0, 4)) - 10}${end.slice(4)}`
        // Partitions: years of the request's periods that have data, else every year
        const dataYears = new Set<string>()
        for (const list of Object.values(db.periodsByType)) {
            for (const sp of list) {
                const p = list.indexOf(sp)
                const has = [...db.series.values()].some(
                    (v) =>
                        v.periodType === sp.periodType &&
                        Array.from({ length: db.facilities.length }, (_, f) => f).some(
                            (f) => !Number.isNaN(v.values[f * list.length + p] as number)
                        )
                )
                if (has) dataYears.add(sp.startDate.slice(0, 4))
            }
        }
        const requestYears = new Set<string>()
        for (const q of (options.requestPeriodIds ?? periodIds).map(refPeriod)) {
            for (let y = Number(q.start.slice(0, 4)); y <= Number(q.end.slice(0, 4)); y++) {
                if (dataYears.has(String(y))) requestYears.add(String(y))
            }
        }
        for (const s of series) {
            const stored = db.periodsByType[s.periodType]
            for (const slot of slots) {
                // the latest value by period end date among the readable rows
                let best: { end: string; value: number } | null = null
                stored.forEach((sp, p) => {
                    if (sp.endDate > end || sp.startDate < earliest) return
                    if (requestYears.size > 0 && !requestYears.has(sp.startDate.slice(0, 4))) return
                    const v = s.values[slot * stored.length + p] as number
                    if (!valid(v)) return
                    if (best === null || sp.endDate > best.end) best = { end: sp.endDate, value: v }
                })
                if (best !== null) values.push((best as { value: number }).value)
            }
        }
        if (values.length === 0) return null
        const sum = values.reduce((a, b) => a + b, 0)
        return type === 'LAST' || type === 'LAST_IN_PERIOD' ? sum : sum / values.length
    }

    const seriesType: PeriodType = series[0]?.periodType ?? 'Monthly'
    const stored = db.periodsByType[seriesType]
    const read = new Set<string>()
    const averageType = type === 'AVERAGE' || type === 'AVERAGE_SUM_ORG_UNIT'
    for (const q of queryPeriods) {
        if (averageType && FREQUENCY[seriesType] > FREQUENCY[q.type]) {
            // Disaggregation: the data period containing the query period's start
            const data = stored.find((sp) => sp.startDate <= q.start && sp.endDate >= q.start)
            if (data && !read.has(data.id)) {
                read.add(data.id)
                days += storedDays(data)
            }
        } else {
            days += q.days
            for (const sp of stored)
                if (sp.startDate >= q.start && sp.endDate <= q.end) read.add(sp.id)
        }
    }
    const perFacility = new Map<number, number[]>()
    for (const s of series) {
        stored.forEach((sp, p) => {
            if (!read.has(sp.id)) return
            for (const slot of slots) {
                const v = s.values[slot * stored.length + p] as number
                if (!valid(v)) continue
                values.push(v)
                perFacility.set(slot, [...(perFacility.get(slot) ?? []), v])
                weighted += v * storedDays(sp)
            }
        })
    }
    if (values.length === 0) return null
    const sum = values.reduce((a, b) => a + b, 0)
    const sumOf = (pick: (list: number[]) => number): number =>
        [...perFacility.values()].reduce((total, list) => total + pick(list), 0)
    switch (type) {
        case 'MIN':
            return Math.min(...values)
        case 'MAX':
            return Math.max(...values)
        case 'MIN_SUM_ORG_UNIT':
            return sumOf((list) => Math.min(...list))
        case 'MAX_SUM_ORG_UNIT':
            return sumOf((list) => Math.max(...list))
        case 'SUM':
        case 'NONE':
            return sum
        case 'COUNT':
            return values.length
        case 'AVERAGE':
            return sum / values.length
        case 'AVERAGE_SUM_ORG_UNIT':
            return weighted / days
    }
}

/** Expected reporting rate numbers: [actual, actual on time, expected] or null without target. */
export const refReporting = (
    db: DemoDb,
    dataSetId: string,
    unitIds: string[],
    periodIds: string[]
): { actual: number; onTime: number; expected: number } | null => {
    const ds = db.dataSets.find((d) => d.id === dataSetId) as DataSet
    const queryPeriods = periodIds.map(refPeriod)
    const restrictionStart = queryPeriods.map((q) => q.start).sort()[0] as string
    const units = new Set(facilitiesUnder(db, unitIds).map((s) => db.facilities[s]?.id))
    const assigned = ds.orgUnitIds.filter((id) => units.has(id))
    const open = assigned.filter(
        (id) => (db.orgUnitById.get(id)?.openingDate ?? '').slice(0, 10) <= restrictionStart
    )
    if (open.length === 0) return null
    const queryType = (queryPeriods[0] as RefPeriod).type
    const span = Math.floor(FREQUENCY[queryType] / FREQUENCY[ds.periodType])
    const expected = open.length * span * queryPeriods.length
    const stored = db.periodsByType[ds.periodType]
    const regs = db.registrations.get(ds.id)?.registrations
    let actual = 0
    let onTime = 0
    for (const slot of facilitiesUnder(db, unitIds)) {
        stored.forEach((sp, p) => {
            if (!queryPeriods.some((q) => sp.startDate >= q.start && sp.endDate <= q.end)) return
            const r = regs?.[slot * stored.length + p] ?? 0
            if (r > 0) actual++
            if (r === 1) onTime++
        })
    }
    return { actual, onTime, expected }
}
