import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
    COC,
    DEFAULT_CATEGORY_COMBO_ID,
    DEFAULT_CATEGORY_ID,
    DEFAULT_CATEGORY_OPTION_COMBO_ID,
    DEFAULT_CATEGORY_OPTION_ID,
    commodityCatalogue,
    dataSetId,
    hmisElementId,
    rrWindowMonths,
} from './catalogue'
import {
    generateCountry,
    generateCountryWithTruth,
    groundTruth,
    writeGroundTruth,
    type GroundTruth,
} from './generate'
import { hierarchySize } from './hierarchy'
import type { DemoDb, ValueSeries } from './model'
import { monthId as monthIdOf } from './periods'
import { AWKWARD_FACILITY_NAMES, INJECTION_MARKUP } from './names'
import { isValidUid } from './uid'

const OPTS = { facilities: 300, seed: 20240611, endPeriod: '202610' }
const D = DEFAULT_CATEGORY_OPTION_COMBO_ID

let db: DemoDb
let truth: GroundTruth

beforeAll(() => {
    const generated = generateCountryWithTruth(OPTS)
    db = generated.db
    truth = generated.truth
})

const seriesOf = (de: string, coc = D): ValueSeries => {
    const s = db.series.get(`${de}.${coc}`)
    if (!s) throw new Error(`no series ${de}.${coc}`)
    return s
}
const periodsOf = (s: ValueSeries) => db.periodsByType[s.periodType]
const cellValue = (s: ValueSeries, slot: number, periodId: string): number => {
    const periods = periodsOf(s)
    const k = periods.findIndex((p) => p.id === periodId)
    if (k < 0) throw new Error(`no period ${periodId}`)
    return s.values[slot * periods.length + k] as number
}
const slotOf = (id: string): number => {
    const slot = db.facilitySlot.get(id)
    if (slot === undefined) throw new Error(`not a facility: ${id}`)
    return slot
}
const monthIndexOf = (id: string) => db.periodsByType.Monthly.findIndex((p) => p.id === id)
const catalogue = commodityCatalogue()
const commodity = (key: string) => {
    const c = catalogue.find((x) => x.key === key)
    if (!c) throw new Error(`no commodity ${key}`)
    return c
}

describe('determinism', () => {
    it('holds every generated series in single precision (all values are counts)', () => {
        for (const [key, s] of db.series) expect(s.values, key).toBeInstanceOf(Float32Array)
    })

    it('gives the same country for the same options', () => {
        const again = generateCountryWithTruth(OPTS)
        expect(again.db.orgUnits.map((o) => [o.id, o.name, o.code, o.path])).toEqual(
            db.orgUnits.map((o) => [o.id, o.name, o.code, o.path])
        )
        for (const [key, s] of db.series) {
            const other = again.db.series.get(key)
            expect(other).toBeDefined()
            // byte comparison: NaN cells compare equal, and it is fast
            const same = Buffer.from(s.values.buffer).equals(
                Buffer.from(other?.values.buffer ?? new ArrayBuffer(0))
            )
            expect(same, key).toBe(true)
        }
        for (const [key, r] of db.registrations) {
            const other = again.db.registrations.get(key)?.registrations ?? new Uint8Array()
            expect(Buffer.from(other).equals(Buffer.from(r.registrations)), key).toBe(true)
        }
        expect(again.truth).toEqual(truth)
    })

    it('changes with the seed but keeps metadata ids', () => {
        const other = generateCountry({ ...OPTS, seed: OPTS.seed + 1 })
        expect(other.orgUnits[1]?.id).not.toEqual(db.orgUnits[1]?.id)
        expect(other.dataElements.map((d) => d.id)).toEqual(db.dataElements.map((d) => d.id))
        expect(other.dataSets.map((d) => d.id)).toEqual(db.dataSets.map((d) => d.id))
    })

    it('uses neither Math.random nor the clock when endPeriod is given', () => {
        const random = vi.spyOn(Math, 'random')
        const now = vi.spyOn(Date, 'now')
        generateCountry({ facilities: 40, seed: 3, endPeriod: '202312' })
        expect(random).not.toHaveBeenCalled()
        expect(now).not.toHaveBeenCalled()
        random.mockRestore()
        now.mockRestore()
    })
})

describe('periods', () => {
    afterEach(() => vi.useRealTimers())

    it('covers 2023-01 to endPeriod in months, quarters and years', () => {
        const { Monthly, Quarterly, Yearly } = db.periodsByType
        expect(Monthly.length).toBe(46)
        expect(Monthly[0]).toEqual({
            id: '202301',
            periodType: 'Monthly',
            startDate: '2023-01-01',
            endDate: '2023-01-31',
        })
        expect(Monthly.at(-1)?.id).toBe('202610')
        expect(Monthly.find((p) => p.id === '202402')?.endDate).toBe('2024-02-29')
        expect(Quarterly.map((p) => p.id)).toEqual(
            [2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`))
        )
        expect(Quarterly[1]).toMatchObject({ startDate: '2023-04-01', endDate: '2023-06-30' })
        expect(Yearly.map((p) => p.id)).toEqual(['2023', '2024', '2025', '2026'])
    })

    it('ends by default with the month before the current date', () => {
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(new Date('2026-11-15T10:00:00Z'))
        const small = generateCountry({ facilities: 30, seed: 1 })
        expect(small.periodsByType.Monthly.at(-1)?.id).toBe('202610')
        vi.setSystemTime(new Date('2027-01-03T10:00:00Z'))
        expect(generateCountry({ facilities: 30, seed: 1 }).periodsByType.Monthly.at(-1)?.id).toBe(
            '202612'
        )
    })

    it('rejects bad options', () => {
        expect(() => generateCountry({ facilities: 10, seed: 1, endPeriod: '202610' })).toThrow()
        expect(() => generateCountry({ facilities: 100, seed: 1, endPeriod: '202306' })).toThrow()
        expect(() => generateCountry({ facilities: 100, seed: 1, endPeriod: '2026-10' })).toThrow()
    })
})

describe('org unit hierarchy', () => {
    it('has four named levels with the expected counts', () => {
        expect(db.orgUnitLevels.map((l) => [l.level, l.name])).toEqual([
            [1, 'National'],
            [2, 'Region'],
            [3, 'District'],
            [4, 'Facility'],
        ])
        const byLevel = [1, 2, 3, 4].map((l) => db.orgUnits.filter((o) => o.level === l))
        expect(byLevel[0]).toHaveLength(1)
        expect(byLevel[1]?.length).toBeGreaterThanOrEqual(3)
        expect(byLevel[3]).toHaveLength(300)
        for (const region of byLevel[1] ?? [])
            expect(region.childIds.length).toBeGreaterThanOrEqual(2)
        for (const district of byLevel[2] ?? []) {
            expect(district.childIds.length).toBeGreaterThanOrEqual(3)
        }
        expect(hierarchySize(6000)).toEqual({ regions: 26, districts: 180 })
        expect(hierarchySize(300).regions).toBeGreaterThanOrEqual(3)
    })

    it('is consistent: paths, parents, children, indexes, slots', () => {
        expect(db.orgUnits[0]?.parentId).toBeNull()
        const ids = new Set<string>()
        const codes = new Set<string>()
        db.orgUnits.forEach((ou, i) => {
            expect(ou.index).toBe(i)
            expect(isValidUid(ou.id)).toBe(true)
            ids.add(ou.id)
            codes.add(ou.code)
            expect(db.orgUnitById.get(ou.id)).toBe(ou)
            expect(ou.shortName.length).toBeLessThanOrEqual(50)
            expect(ou.openingDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000$/)
            const parent = ou.parentId ? db.orgUnitById.get(ou.parentId) : undefined
            expect(ou.path).toBe(`${parent?.path ?? ''}/${ou.id}`)
            expect(ou.path.split('/').length - 1).toBe(ou.level)
            if (parent) expect(parent.childIds).toContain(ou.id)
            for (const c of ou.childIds) expect(db.orgUnitById.get(c)?.parentId).toBe(ou.id)
        })
        expect(ids.size).toBe(db.orgUnits.length)
        expect(codes.size).toBe(db.orgUnits.length)
        db.facilities.forEach((f, slot) => {
            expect(f.level).toBe(4)
            expect(db.facilitySlot.get(f.id)).toBe(slot)
        })
    })

    it('has realistic names, including the awkward ones', () => {
        const names = db.orgUnits.map((o) => o.name)
        for (const required of ['Thiès', 'Ziguinchor', 'Kédougou']) {
            expect(names.some((n) => n.includes(required))).toBe(true)
        }
        expect(names.filter((n) => n === AWKWARD_FACILITY_NAMES.island)).toHaveLength(1)
        expect(names.filter((n) => n === AWKWARD_FACILITY_NAMES.ndjamenaRoad)).toHaveLength(1)
        const injected = db.orgUnits.filter((o) => o.name.includes(INJECTION_MARKUP))
        expect(injected).toHaveLength(1)
        expect(injected[0]?.level).toBe(4)
        expect(names.filter((n) => n.includes('<'))).toHaveLength(1)
        expect(names.some((n) => /[éèô]/.test(n))).toBe(true)
        expect(names.filter((n) => n.includes("'")).length).toBeGreaterThan(3)
        for (const type of ['Hospital', 'Health Centre', 'Dispensary', 'Poste de Santé']) {
            expect(names.some((n) => n.includes(type))).toBe(true)
        }
        expect(new Set(db.facilities.map((f) => f.name)).size).toBe(db.facilities.length)
    })

    it('exposes facility types and LMIS groups as org unit group sets', () => {
        const groups = db.organisationUnitGroups ?? []
        const sets = db.organisationUnitGroupSets ?? []
        expect(sets.map((s) => s.name)).toEqual(['Facility type', 'LMIS reporting group'])
        for (const set of sets) {
            const members = set.organisationUnitGroupIds.flatMap(
                (g) => groups.find((x) => x.id === g)?.orgUnitIds ?? []
            )
            expect(new Set(members).size).toBe(members.length)
        }
        const typeSet = sets[0]
        const typed = typeSet?.organisationUnitGroupIds.flatMap(
            (g) => groups.find((x) => x.id === g)?.orgUnitIds ?? []
        )
        expect(typed).toHaveLength(300)
        const monthly = groups.find((g) => g.code === 'LMIS_MONTHLY')?.orgUnitIds
        const lmisMonthly = db.dataSets.find((d) => d.id === dataSetId('lmisMonthly'))
        expect(new Set(monthly)).toEqual(new Set(lmisMonthly?.orgUnitIds))
        const quarterly = ['A', 'B', 'C'].flatMap(
            (g) => groups.find((x) => x.code === `LMIS_GROUP_${g}`)?.orgUnitIds ?? []
        )
        const lmisQuarterly = db.dataSets.find((d) => d.id === dataSetId('lmisQuarterly'))
        expect(new Set(quarterly)).toEqual(new Set(lmisQuarterly?.orgUnitIds))
    })
})

describe('metadata', () => {
    it('has DHIS2’s default category model and real disaggregations', () => {
        expect(db.categoryCombos.find((c) => c.isDefault)).toMatchObject({
            id: DEFAULT_CATEGORY_COMBO_ID,
            name: 'default',
            code: 'default',
            categoryIds: [DEFAULT_CATEGORY_ID],
            categoryOptionComboIds: [DEFAULT_CATEGORY_OPTION_COMBO_ID],
        })
        expect(db.categories.find((c) => c.id === DEFAULT_CATEGORY_ID)?.categoryOptionIds).toEqual([
            DEFAULT_CATEGORY_OPTION_ID,
        ])
        expect(db.categoryOptionCombos.find((c) => c.id === D)?.name).toBe('default')
        const deliveries = db.dataElements.find((d) => d.id === hmisElementId('deliveries'))
        const combo = db.categoryCombos.find((c) => c.id === deliveries?.categoryComboId)
        expect(combo?.name).toBe('Place of delivery')
        expect(
            combo?.categoryOptionComboIds.map(
                (id) => db.categoryOptionCombos.find((c) => c.id === id)?.name
            )
        ).toEqual(['Facility', 'Community'])
        for (const s of db.series.values()) {
            const de = db.dataElements.find((d) => d.id === s.dataElementId)
            const cc = db.categoryCombos.find((c) => c.id === de?.categoryComboId)
            expect(cc?.categoryOptionComboIds).toContain(s.categoryOptionComboId)
        }
        const ids = [
            ...db.categories,
            ...db.categoryOptions,
            ...db.categoryCombos,
            ...db.categoryOptionCombos,
            ...db.dataElements,
            ...db.dataSets,
            ...db.indicators,
            ...db.indicatorTypes,
        ].map((o) => o.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) expect(isValidUid(id)).toBe(true)
    })

    it('has HMIS and LMIS data elements with the right aggregation types', () => {
        const hmis = db.dataElements.filter((d) => d.code.startsWith('HMIS_'))
        expect(hmis).toHaveLength(12)
        for (const d of hmis) expect(d.aggregationType).toBe('SUM')
        const lmis = db.dataElements.filter((d) => d.code.startsWith('LMIS_'))
        // 13 commodities × 6 measures (with the stocked-out flag) × monthly and quarterly R&R
        expect(lmis).toHaveLength(13 * 6 * 2)
        for (const d of lmis) {
            expect(d.code).toMatch(/^LMIS_[A-Z0-9]+_(CONS|SOH|SOD|LOSS|RECV|SO)(_Q)?$/)
            expect(d.aggregationType).toBe(d.code.includes('_SOH') ? 'LAST' : 'SUM')
            expect(d.shortName.length).toBeLessThanOrEqual(50)
        }
        expect(db.dataElements.find((d) => d.code === 'LMIS_OXY_CONS')?.name).toBe(
            'LMIS - Oxytocin 10 IU - Consumption'
        )
        expect(new Set(db.dataElements.map((d) => d.name)).size).toBe(db.dataElements.length)
        expect(new Set(db.dataElements.map((d) => d.shortName)).size).toBe(db.dataElements.length)
    })

    it('has one HMIS and two LMIS data sets with distinct elements per period type', () => {
        const [hmis, monthly, quarterly] = db.dataSets
        expect(hmis).toMatchObject({ name: 'HMIS Monthly Summary', periodType: 'Monthly' })
        expect(monthly).toMatchObject({ name: 'LMIS Monthly Report', periodType: 'Monthly' })
        expect(quarterly).toMatchObject({
            name: 'LMIS Quarterly Report (R&R)',
            periodType: 'Quarterly',
        })
        expect(hmis?.dataElementIds).toHaveLength(12)
        expect(hmis?.orgUnitIds).toHaveLength(299)
        const m = new Set(monthly?.orgUnitIds)
        const q = new Set(quarterly?.orgUnitIds)
        expect([...m].filter((id) => q.has(id))).toEqual([])
        expect(m.size + q.size).toBe(299)
        expect(m.size / 300).toBeGreaterThan(0.15)
        expect(m.size / 300).toBeLessThan(0.65)
        for (const de of monthly?.dataElementIds ?? []) {
            expect(quarterly?.dataElementIds).not.toContain(de)
        }
    })

    it('has indicators over these elements with typed factors', () => {
        expect(db.indicatorTypes.map((t) => [t.name, t.factor])).toEqual([
            ['Number', 1],
            ['Per thousand', 1000],
            ['Percent', 100],
        ])
        const pph = db.indicators.find((i) => i.code === 'IN_PPH_RATE')
        expect(pph?.numerator).toBe(`#{${hmisElementId('pph')}}`)
        expect(pph?.denominator).toBe(`#{${hmisElementId('deliveries')}.${COC.facility}}`)
        expect(db.indicatorTypes.find((t) => t.id === pph?.indicatorTypeId)?.factor).toBe(1000)
        const known = new Set([
            ...db.dataElements.map((d) => d.id),
            ...db.categoryOptionCombos.map((c) => c.id),
        ])
        for (const ind of db.indicators) {
            for (const expr of [ind.numerator, ind.denominator]) {
                for (const m of expr.matchAll(/#\{([^}]+)\}/g)) {
                    for (const part of (m[1] ?? '').split('.')) expect(known.has(part)).toBe(true)
                }
            }
        }
    })
})

describe('values', () => {
    it('stores series per period type of their data set, only where they exist', () => {
        const periodTypeOf = new Map<string, string>()
        for (const ds of db.dataSets) {
            for (const de of ds.dataElementIds) periodTypeOf.set(de, ds.periodType)
        }
        expect(db.series.size).toBe(14 + 78 + 78)
        for (const s of db.series.values()) {
            expect(s.periodType).toBe(periodTypeOf.get(s.dataElementId))
            expect(s.values.length).toBe(300 * periodsOf(s).length)
        }
        expect(seriesOf(commodity('oxytocin').lmis.quarterly.stockOnHand.id).periodType).toBe(
            'Quarterly'
        )
    })

    it('has a value exactly where a report is registered', () => {
        for (const ds of db.dataSets) {
            const reg = db.registrations.get(ds.id)
            expect(reg?.periodType).toBe(ds.periodType)
            const n = db.periodsByType[ds.periodType].length
            const series = [...db.series.values()].filter((s) =>
                ds.dataElementIds.includes(s.dataElementId)
            )
            const assigned = new Set(ds.orgUnitIds)
            let missing = 0
            let late = 0
            let expected = 0
            for (let slot = 0; slot < 300; slot++) {
                for (let k = 0; k < n; k++) {
                    const r = reg?.registrations[slot * n + k] ?? 0
                    const present = series.map((s) => !Number.isNaN(s.values[slot * n + k]))
                    expect(present.every((p) => p === r > 0)).toBe(true)
                    if (!assigned.has(db.facilities[slot]?.id ?? '')) expect(r).toBe(0)
                    else if (ds.periodType === 'Monthly') {
                        expected++
                        if (r === 0) missing++
                        if (r === 2) late++
                    }
                }
            }
            if (ds.periodType === 'Monthly') {
                expect(missing / expected).toBeGreaterThan(0.03)
                expect(missing / expected).toBeLessThan(0.12)
                expect(late).toBeGreaterThan(0)
            }
        }
    })

    it('keeps stock arithmetic and stockouts consistent', () => {
        const months = db.periodsByType.Monthly
        // Recording errors seeded after the simulation (spikes, duplicates, partial collapses of
        // recorded consumption) break the balance on purpose
        const spiked = new Set(
            truth.anomalies
                .filter(
                    (a) =>
                        ['spike', 'duplicate_entry'].includes(a.type) ||
                        (a.type === 'consumption_collapse' && (a.factor ?? 0) >= 0.5)
                )
                .flatMap((a) =>
                    (a.facilityIds ?? [a.orgUnitId]).flatMap((ou) =>
                        a.periods.map((p) => `${a.dataElementIds[0]}|${ou}|${p}`)
                    )
                )
        )
        // counted rather than asserted per cell: expect() on millions of cells is slow
        const problems: string[] = []
        let stockouts = 0
        let reports = 0
        for (const c of catalogue) {
            for (const [kind, ids] of [
                ['monthly', c.lmis.monthly],
                ['quarterly', c.lmis.quarterly],
            ] as const) {
                const soh = seriesOf(ids.stockOnHand.id).values
                const sod = seriesOf(ids.stockoutDays.id).values
                const cons = seriesOf(ids.consumption.id).values
                const recv = seriesOf(ids.quantityReceived.id).values
                for (let i = 0; i < soh.length; i++) {
                    const h = soh[i] as number
                    const [d, u, r] = [sod[i], cons[i], recv[i]]
                    if (Number.isNaN(h)) continue
                    reports++
                    if (!(h >= 0 && (u as number) >= 0 && (r as number) >= 0)) {
                        problems.push(`${c.key} ${kind} negative at ${i}`)
                    }
                    if (!Number.isInteger(h)) problems.push(`${c.key} ${kind} fraction at ${i}`)
                    if ((d as number) > (kind === 'monthly' ? 31 : 92)) {
                        problems.push(`${c.key} ${kind} stockout days ${d} at ${i}`)
                    }
                    if ((d as number) > 0) {
                        stockouts++
                        // a month with stockout days ends with stock only when a delivery came
                        // after the stock ran out
                        if (kind === 'monthly' && h !== 0 && !((r as number) > 0)) {
                            problems.push(`${c.key} stockout days with stock, no delivery at ${i}`)
                        }
                    }
                    // the LMIS's own flag: stocked out during the period or at its end
                    const flag = seriesOf(ids.stockedOut.id).values[i]
                    if (flag !== ((d as number) > 0 || h === 0 ? 1 : 0)) {
                        problems.push(`${c.key} ${kind} stocked-out flag ${flag} at ${i}`)
                    }
                }
            }
            // SOH(t) = SOH(t−1) + received − consumption − losses, over consecutive monthly reports
            const m = c.lmis.monthly
            const soh = seriesOf(m.stockOnHand.id).values
            const cons = seriesOf(m.consumption.id).values
            const recv = seriesOf(m.quantityReceived.id).values
            const loss = seriesOf(m.lossesAdjustments.id).values
            const n = months.length
            for (let slot = 0; slot < 300; slot++) {
                for (let k = 1; k < n; k++) {
                    const i = slot * n + k
                    if (Number.isNaN(soh[i]) || Number.isNaN(soh[i - 1])) continue
                    const key = `${m.consumption.id}|${db.facilities[slot]?.id}|${months[k]?.id}`
                    if (spiked.has(key)) continue
                    const expected =
                        (soh[i - 1] as number) +
                        (recv[i] as number) -
                        (cons[i] as number) -
                        (loss[i] as number)
                    if (soh[i] !== expected) problems.push(`${c.key} balance at ${slot}/${k}`)
                }
            }
        }
        expect(problems.slice(0, 10)).toEqual([])
        expect(stockouts / reports).toBeGreaterThan(0.005)
        expect(stockouts / reports).toBeLessThan(0.25)
    })

    it('ties HMIS counts together and follows the seasons', () => {
        const del = seriesOf(hmisElementId('deliveries'), COC.facility).values
        const male = seriesOf(hmisElementId('liveBirths'), COC.male).values
        const female = seriesOf(hmisElementId('liveBirths'), COC.female).values
        const pph = seriesOf(hmisElementId('pph')).values
        for (let i = 0; i < del.length; i++) {
            if (Number.isNaN(del[i])) continue
            // (spikes only raise deliveries, so the invariants hold on spiked cells too)
            expect((male[i] as number) + (female[i] as number)).toBeLessThanOrEqual(
                del[i] as number
            )
            expect(pph[i]).toBeLessThanOrEqual(del[i] as number)
        }
        const pneumonia = seriesOf(hmisElementId('pneumoniaU5')).values
        const n = db.periodsByType.Monthly.length
        const monthTotal = (k: number) => {
            let t = 0
            for (let slot = 0; slot < 300; slot++) {
                const v = pneumonia[slot * n + k] as number
                if (!Number.isNaN(v)) t += v
            }
            return t
        }
        // July (peak) vs January, each year 2023–2025
        for (const y of [0, 12, 24]) expect(monthTotal(y + 6)).toBeGreaterThan(1.2 * monthTotal(y))
    })

    it('stores quarterly R&Rs by calendar quarter, staggered by reporting group', () => {
        const groups = db.organisationUnitGroups ?? []
        const members = (code: string) =>
            new Set(groups.find((g) => g.code === code)?.orgUnitIds ?? [])
        const a = members('LMIS_GROUP_A')
        const c = members('LMIS_GROUP_C')
        const cons = seriesOf(commodity('ors').lmis.quarterly.consumption.id)
        const reporters = (period: string, group?: Set<string>) =>
            db.facilities.filter(
                (f, slot) =>
                    (!group || group.has(f.id)) && !Number.isNaN(cellValue(cons, slot, period))
            ).length
        // endPeriod 202610: Q3 2026 is in for all groups, Q4 2026 for none
        expect(reporters('2026Q3', a)).toBeGreaterThan(0.7 * a.size)
        expect(reporters('2026Q3', c)).toBeGreaterThan(0.7 * c.size)
        expect(reporters('2026Q4')).toBe(0)
        // one month later, group C's Sep–Nov R&R is in for Q4 and nobody else's
        const later = generateCountry({ ...OPTS, endPeriod: '202611' })
        const laterCons = later.series.get(`${cons.dataElementId}.${D}`)
        const nQ = later.periodsByType.Quarterly.length
        const q4 = later.facilities.filter(
            (_, slot) => !Number.isNaN(laterCons?.values[slot * nQ + nQ - 1])
        )
        const laterC = new Set(
            later.organisationUnitGroups?.find((g) => g.code === 'LMIS_GROUP_C')?.orgUnitIds
        )
        expect(q4.length).toBeGreaterThan(0)
        expect(q4.every((f) => laterC.has(f.id))).toBe(true)
        // quarterly registrations include late ones
        const reg = db.registrations.get(dataSetId('lmisQuarterly'))?.registrations ?? []
        expect([...reg].filter((r) => r === 2).length).toBeGreaterThan(0)
    })

    it('has mid-month stockouts restocked by a delivery, and zero balances without stockout days', () => {
        let restocked = 0
        let zeroNoDays = 0
        let reports = 0
        for (const c of catalogue) {
            const m = c.lmis.monthly
            const soh = seriesOf(m.stockOnHand.id).values
            const sod = seriesOf(m.stockoutDays.id).values
            const recv = seriesOf(m.quantityReceived.id).values
            for (let i = 0; i < soh.length; i++) {
                if (Number.isNaN(soh[i])) continue
                reports++
                if ((sod[i] as number) > 0 && (soh[i] as number) > 0 && (recv[i] as number) > 0)
                    restocked++
                if (soh[i] === 0 && sod[i] === 0) zeroNoDays++
            }
        }
        expect(restocked).toBeGreaterThan(0.0005 * reports)
        expect(zeroNoDays).toBeGreaterThan(0)
        expect(zeroNoDays).toBeLessThan(0.05 * reports)
    })

    it('has plausible losses, adjustments and receipts', () => {
        for (const c of catalogue) {
            if (c.key === 'resuscitationDevices') continue
            const m = c.lmis.monthly
            const sum = (id: string, pick: (v: number) => boolean = () => true) =>
                Array.from(seriesOf(id).values).reduce(
                    (t, v) => (Number.isNaN(v) || !pick(v) ? t : t + v),
                    0
                )
            const consumption = sum(m.consumption.id)
            const losses = sum(m.lossesAdjustments.id, (v) => v > 0)
            const transfersIn = -sum(m.lossesAdjustments.id, (v) => v < 0)
            const received = sum(m.quantityReceived.id)
            // losses of a few percent of what is dispensed; some transfers in; receipts in line
            expect(losses / consumption, c.key).toBeGreaterThan(0.002)
            expect(losses / consumption, c.key).toBeLessThan(0.08)
            expect(transfersIn, c.key).toBeGreaterThan(0)
            expect(received / (consumption + losses - transfersIn), c.key).toBeGreaterThan(0.8)
            expect(received / (consumption + losses - transfersIn), c.key).toBeLessThan(1.2)
        }
    })

    it('does not make consumption exactly cases × dose', () => {
        // implants: one set per client, but the register misses some clients and some sets are
        // wasted: over the months, a facility's sets and clients differ
        const c = commodity('implants')
        const cons = seriesOf(c.lmis.monthly.consumption.id).values
        const clients = seriesOf(hmisElementId('fpImplants')).values
        const n = db.periodsByType.Monthly.length
        let facilities = 0
        let equal = 0
        for (let slot = 0; slot < 300; slot++) {
            let sets = 0
            let people = 0
            for (let k = 0; k < n; k++) {
                const i = slot * n + k
                if (Number.isNaN(cons[i]) || Number.isNaN(clients[i])) continue
                sets += cons[i] as number
                people += clients[i] as number
            }
            if (sets < 20) continue
            facilities++
            if (sets === people) equal++
        }
        expect(facilities).toBeGreaterThan(20)
        expect(equal / facilities).toBeLessThan(0.2)
        // ORS: sachets per diarrhoea case vary from month to month at one facility
        const ors = seriesOf(commodity('ors').lmis.monthly.consumption.id).values
        const cases = seriesOf(hmisElementId('diarrhoeaU5')).values
        const ratios = new Set<string>()
        for (let i = 0; i < ors.length; i++) {
            const r = (ors[i] as number) / (cases[i] as number)
            if (Number.isFinite(r) && (cases[i] as number) > 10) ratios.add(r.toFixed(2))
        }
        expect(ratios.size).toBeGreaterThan(50)
    })

    it('makes each quarterly R&R cover its group’s three months, windows following each other', () => {
        // rrWindowMonths: A the calendar quarter, B shifted by one month, C by minus one (two in
        // the cycle of quarters), each stored in the quarter holding two or three of its months
        const q1 = 2024 * 4
        const months = (g: 'A' | 'B' | 'C') => rrWindowMonths(q1, g).map(monthIdOf)
        expect(months('A')).toEqual(['202401', '202402', '202403'])
        expect(months('B')).toEqual(['202402', '202403', '202404'])
        expect(months('C')).toEqual(['202312', '202401', '202402'])
        // SOH(Q) = SOH(Q−1) + received − consumption − losses over the window: the windows of
        // consecutive quarters are contiguous, and the flows are the sums over each window
        const quarterly = new Set(
            db.dataSets.find((d) => d.code === 'DS_LMIS_QUARTERLY')?.orgUnitIds
        )
        const nQ = db.periodsByType.Quarterly.length
        let checked = 0
        const problems: string[] = []
        for (const c of catalogue) {
            const q = c.lmis.quarterly
            const [soh, cons, recv, loss] = [
                q.stockOnHand,
                q.consumption,
                q.quantityReceived,
                q.lossesAdjustments,
            ].map((e) => seriesOf(e.id).values) as (Float64Array | Float32Array)[]
            db.facilities.forEach((f, slot) => {
                if (!quarterly.has(f.id)) return
                for (let k = 1; k < nQ; k++) {
                    const i = slot * nQ + k
                    if (Number.isNaN(soh![i]) || Number.isNaN(soh![i - 1])) continue
                    // a seeded recording error of the quarter's consumption breaks it on purpose
                    const period = db.periodsByType.Quarterly[k]?.id
                    if (
                        truth.anomalies.some(
                            (a) =>
                                a.orgUnitId === f.id &&
                                a.period === period &&
                                a.dataElementIds.includes(q.consumption.id)
                        )
                    ) {
                        continue
                    }
                    checked++
                    const expected = soh![i - 1]! + recv![i]! - cons![i]! - loss![i]!
                    if (soh![i] !== expected) problems.push(`${c.key} ${f.id} ${k}`)
                }
            })
        }
        expect(problems.slice(0, 5)).toEqual([])
        expect(checked).toBeGreaterThan(1000)
    })

    it('has a group B R&R for a quarter only once April (its window’s end) is over', () => {
        const inQ1 = (endPeriod: string, code: string) => {
            const country = generateCountry({ ...OPTS, endPeriod })
            const group = new Set(
                country.organisationUnitGroups?.find((g) => g.code === code)?.orgUnitIds
            )
            const series = country.series.get(
                `${commodity('ors').lmis.quarterly.consumption.id}.${D}`
            )!
            const nQ = country.periodsByType.Quarterly.length
            const k = country.periodsByType.Quarterly.findIndex((p) => p.id === '2026Q1')
            return country.facilities.filter(
                (f, slot) => group.has(f.id) && !Number.isNaN(series.values[slot * nQ + k])
            ).length
        }
        expect(inQ1('202603', 'LMIS_GROUP_A')).toBeGreaterThan(0)
        expect(inQ1('202603', 'LMIS_GROUP_B')).toBe(0)
        expect(inQ1('202604', 'LMIS_GROUP_B')).toBeGreaterThan(0)
    })

    it('keeps the commodity ratios that make sense within their expected band', () => {
        const monthly = new Set(
            db.dataSets.find((d) => d.id === dataSetId('lmisMonthly'))?.orgUnitIds
        )
        const slots = db.facilities
            .map((f, s) => (monthly.has(f.id) ? s : -1))
            .filter((s) => s >= 0)
        const total = (values: Float64Array | Float32Array) => {
            const n = db.periodsByType.Monthly.length
            let t = 0
            for (const slot of slots) {
                for (let k = 0; k < n; k++) {
                    const v = values[slot * n + k] as number
                    if (!Number.isNaN(v)) t += v
                }
            }
            return t
        }
        for (const c of catalogue) {
            if (!c.ratio.meaningful) continue
            const pair = c.hmis[c.ratio.denominator]
            const hmisSeries = [...db.series.values()].filter(
                (s) =>
                    s.dataElementId === pair?.dataElement.id &&
                    (!pair.categoryOptionCombo ||
                        s.categoryOptionComboId === pair.categoryOptionCombo.id)
            )
            const cases = hmisSeries.reduce((sum, s) => sum + total(s.values), 0)
            const ratio = total(seriesOf(c.lmis.monthly.consumption.id).values) / cases
            expect(ratio, c.key).toBeGreaterThanOrEqual(c.ratio.expectedBand[0])
            expect(ratio, c.key).toBeLessThanOrEqual(c.ratio.expectedBand[1])
        }
    })
})

describe('commodity catalogue', () => {
    it('lists the 13 commodities with resolvable element ids', () => {
        expect(catalogue.map((c) => c.key)).toEqual([
            'oxytocin',
            'misoprostol',
            'magnesiumSulfate',
            'injectableAntibiotics',
            'antenatalCorticosteroids',
            'chlorhexidine',
            'resuscitationDevices',
            'amoxicillin',
            'ors',
            'zinc',
            'femaleCondoms',
            'implants',
            'emergencyContraception',
        ])
        const byId = new Map(db.dataElements.map((d) => [d.id, d]))
        for (const c of catalogue) {
            for (const refs of [c.lmis.monthly, c.lmis.quarterly]) {
                for (const ref of Object.values(refs)) expect(byId.get(ref.id)?.code).toBe(ref.code)
            }
            expect(c.hmis.length).toBeGreaterThan(0)
            for (const h of c.hmis) {
                expect(byId.get(h.dataElement.id)?.code).toBe(h.dataElement.code)
                if (h.categoryOptionCombo) {
                    expect(db.series.has(h.dimensionItem)).toBe(true)
                }
            }
        }
        expect(commodity('oxytocin').hmis[0]?.dimensionItem).toBe(
            `${hmisElementId('deliveries')}.${COC.facility}`
        )
        expect(catalogue.filter((c) => !c.ratio.meaningful).map((c) => c.key)).toEqual([
            'misoprostol',
            'injectableAntibiotics',
            'resuscitationDevices',
            'amoxicillin',
        ])
    })
})

describe('seeded anomalies', () => {
    const facilitySeries = (de: string, coc = D) => {
        const s = seriesOf(de, coc)
        const n = periodsOf(s).length
        return (slot: number) => Array.from(s.values.subarray(slot * n, (slot + 1) * n))
    }
    const median = (xs: number[]) => {
        const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
        return v[Math.floor(v.length / 2)] ?? 0
    }
    const of = (type: string) => truth.anomalies.filter((a) => a.type === type)

    it('records every anomaly type', () => {
        expect(of('spike').length).toBeGreaterThanOrEqual(6)
        // The district collapse to ~15 %, and the harder partial collapses (30–50 %)
        expect(of('consumption_collapse').filter((a) => (a.factor ?? 1) < 0.3)).toHaveLength(1)
        expect(
            of('consumption_collapse').filter((a) => (a.factor ?? 0) >= 0.5).length
        ).toBeGreaterThan(0)
        expect(of('duplicate_entry').length).toBeGreaterThan(0)
        expect(of('constant_reporting').length).toBeGreaterThan(0)
        expect(of('stockout_with_cases').length).toBeGreaterThanOrEqual(3)
        expect(of('stockout_with_cases').some((a) => a.orgUnitLevel === 3)).toBe(true)
        expect(of('completeness_drop')).toHaveLength(1)
        expect(of('lmis_without_hmis')).toHaveLength(1)
        expect(of('hmis_without_lmis')).toHaveLength(1)
        for (const a of truth.anomalies) {
            const ou = db.orgUnitById.get(a.orgUnitId)
            expect(ou?.level).toBe(a.orgUnitLevel)
            expect(ou?.name).toBe(a.orgUnitName)
            expect(a.periods).toContain(a.period)
        }
        expect(groundTruth(db)).toBe(truth)
        expect(truth.facilityProfiles).toHaveLength(300)
    })

    it('spikes are ×10 values that stand out from the facility’s series', () => {
        for (const a of of('spike').filter((x) => x.factor === 10 && !/Q/.test(x.period))) {
            const de = a.dataElementIds[0] as string
            const coc = a.categoryOptionComboId ?? D
            const slot = slotOf(a.orgUnitId)
            expect(cellValue(seriesOf(de, coc), slot, a.period)).toBe(a.value)
            expect(a.value).toBe(Math.round((a.originalValue as number) * 10))
            const series = facilitySeries(de, coc)(slot)
            expect(a.value as number).toBeGreaterThan(4 * median(series))
        }
    })

    it('collapses a district’s consumption while its cases stay stable', () => {
        const [a] = of('consumption_collapse').filter((x) => (x.factor ?? 1) < 0.3)
        if (!a) throw new Error('no collapse')
        const c = commodity(a.pairId as string)
        const slots = (a.facilityIds ?? []).map(slotOf)
        const sum = (de: string, coc: string | undefined, k: number) =>
            slots.reduce((t, s) => {
                const series = [...db.series.values()].filter(
                    (x) => x.dataElementId === de && (!coc || x.categoryOptionComboId === coc)
                )
                const n = db.periodsByType.Monthly.length
                return (
                    t +
                    series.reduce((u, x) => {
                        const v = x.values[s * n + k] as number
                        return Number.isNaN(v) ? u : u + v
                    }, 0)
                )
            }, 0)
        const first = monthIndexOf(a.period)
        const pair = c.hmis[0]
        for (const p of a.periods) {
            const k = monthIndexOf(p)
            const before =
                [1, 2, 3]
                    .map((d) => sum(a.dataElementIds[0] as string, D, first - d))
                    .reduce((x, y) => x + y) / 3
            expect(sum(a.dataElementIds[0] as string, D, k)).toBeLessThan(0.35 * before)
            const casesBefore =
                [1, 2, 3]
                    .map((d) =>
                        sum(pair?.dataElement.id ?? '', pair?.categoryOptionCombo?.id, first - d)
                    )
                    .reduce((x, y) => x + y) / 3
            expect(
                sum(pair?.dataElement.id ?? '', pair?.categoryOptionCombo?.id, k)
            ).toBeGreaterThan(0.6 * casesBefore)
        }
    })

    it('stocks out facilities for 2+ months while cases continue', () => {
        for (const a of of('stockout_with_cases')) {
            expect(a.periods.length).toBeGreaterThanOrEqual(2)
            const c = commodity(a.pairId as string)
            const facilities = a.orgUnitLevel === 4 ? [a.orgUnitId] : (a.facilityIds ?? [])
            expect(facilities.length).toBeGreaterThan(0)
            let cases = 0
            for (const id of facilities) {
                const slot = slotOf(id)
                for (const p of a.periods) {
                    const days = Number(
                        db.periodsByType.Monthly.find((x) => x.id === p)?.endDate.slice(8)
                    )
                    expect(cellValue(seriesOf(c.lmis.monthly.stockOnHand.id), slot, p)).toBe(0)
                    expect(cellValue(seriesOf(c.lmis.monthly.consumption.id), slot, p)).toBe(0)
                    expect(cellValue(seriesOf(c.lmis.monthly.stockoutDays.id), slot, p)).toBe(days)
                    expect(cellValue(seriesOf(c.lmis.monthly.stockedOut.id), slot, p)).toBe(1)
                    expect(a.dataElementIds).toContain(c.lmis.monthly.stockedOut.id)
                    const pair = c.hmis[0]
                    const hmis = [...db.series.values()].filter(
                        (s) =>
                            s.dataElementId === pair?.dataElement.id &&
                            (!pair.categoryOptionCombo ||
                                s.categoryOptionComboId === pair.categoryOptionCombo.id)
                    )
                    for (const s of hmis) cases += cellValue(s, slot, p)
                }
            }
            expect(cases).toBeGreaterThan(0)
        }
    })

    it('drops a district’s HMIS completeness for a month', () => {
        const [a] = of('completeness_drop')
        if (!a) throw new Error('no completeness drop')
        const district = db.orgUnitById.get(a.orgUnitId)
        const reg = db.registrations.get(dataSetId('hmis'))?.registrations ?? new Uint8Array()
        const n = db.periodsByType.Monthly.length
        const rate = (k: number) => {
            const slots = (district?.childIds ?? []).map(slotOf)
            return slots.filter((s) => (reg[s * n + k] ?? 0) > 0).length / slots.length
        }
        const k = monthIndexOf(a.period)
        expect(rate(k)).toBeLessThanOrEqual(0.4)
        expect(rate(k - 1)).toBeGreaterThanOrEqual(0.6)
        expect(a.dataSetId).toBe(dataSetId('hmis'))
    })

    it('has one LMIS facility without HMIS and one HMIS facility without LMIS', () => {
        const [lmisOnly] = of('lmis_without_hmis')
        const [hmisOnly] = of('hmis_without_lmis')
        const assigned = (key: 'hmis' | 'lmisMonthly' | 'lmisQuarterly', id: string) =>
            db.dataSets.find((d) => d.id === dataSetId(key))?.orgUnitIds.includes(id)
        expect(assigned('hmis', lmisOnly?.orgUnitId ?? '')).toBe(false)
        expect(
            assigned('lmisMonthly', lmisOnly?.orgUnitId ?? '') ||
                assigned('lmisQuarterly', lmisOnly?.orgUnitId ?? '')
        ).toBe(true)
        expect(assigned('hmis', hmisOnly?.orgUnitId ?? '')).toBe(true)
        expect(assigned('lmisMonthly', hmisOnly?.orgUnitId ?? '')).toBe(false)
        expect(assigned('lmisQuarterly', hmisOnly?.orgUnitId ?? '')).toBe(false)
        const slot = slotOf(lmisOnly?.orgUnitId ?? '')
        expect(facilitySeries(hmisElementId('pneumoniaU5'))(slot).every(Number.isNaN)).toBe(true)
        expect(
            facilitySeries(commodity('ors').lmis.monthly.consumption.id)(slot).some(
                (v) => !Number.isNaN(v)
            )
        ).toBe(true)
    })

    it('writes the ground truth as JSON', () => {
        const dir = mkdtempSync(join(tmpdir(), 'truth-'))
        try {
            const path = join(dir, 'truth.json')
            writeGroundTruth(path, db)
            expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(
                JSON.parse(JSON.stringify(truth))
            )
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })
})

describe('the big country', () => {
    it('generates 6,000 facilities in a few seconds', { timeout: 120_000 }, () => {
        const before = process.memoryUsage()
        const t0 = performance.now()
        const big = generateCountry({ facilities: 6000, seed: 1, endPeriod: '202610' })
        const ms = performance.now() - t0
        const after = process.memoryUsage()
        let bytes = 0
        for (const s of big.series.values()) bytes += s.values.byteLength
        console.log(
            `6,000 facilities: ${Math.round(ms)} ms, series ${Math.round(bytes / 1e6)} MB, ` +
                `array buffers +${Math.round((after.arrayBuffers - before.arrayBuffers) / 1e6)} MB, ` +
                `heap +${Math.round((after.heapUsed - before.heapUsed) / 1e6)} MB`
        )
        expect(big.facilities).toHaveLength(6000)
        expect(big.orgUnits.filter((o) => o.level === 2)).toHaveLength(26)
        expect(big.orgUnits.filter((o) => o.level === 3)).toHaveLength(180)
        // 30 ×10 spikes over the whole period, and the harder ones in the recent months
        const spikes = groundTruth(big)?.anomalies.filter((a) => a.type === 'spike') ?? []
        expect(
            spikes.filter((a) => a.factor === 10 && !a.description.startsWith('Quarterly')).length
        ).toBe(40)
        expect(spikes.filter((a) => a.factor === 2).length).toBe(30)
        expect(spikes.filter((a) => a.factor === 3).length).toBeGreaterThanOrEqual(30)
    })
})
