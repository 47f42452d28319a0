/**
 * Contract: the demo DHIS2 answers the stock-status requests of a supply-chain officer on a
 * generated country as DHIS2 2.41 would, end to end through `/api/analytics` (in process):
 * stocked-out facilities counted from the LMIS flag, stock on hand with LAST and
 * LAST_IN_PERIOD (the `aggregationType` parameter), the "LMIS reporting group" group set as a
 * dimension, and timeliness (`REPORTING_RATE_ON_TIME`, `ACTUAL_REPORTS_ON_TIME`) of the HMIS and
 * both LMIS data sets. Expected numbers are counted from the raw values and registrations.
 */
import { describe, expect, it } from 'vitest'
import { DemoAnalytics } from '../../demo/src/analytics'
import { DATA_SETS, commodityCatalogue, metadataUid } from '../../demo/src/data/catalogue'
import { DEFAULT_CATEGORY_OPTION_COMBO_ID as D } from '../../demo/src/data/catalogue'
import { generateCountry } from '../../demo/src/data/generate'
import type { DemoDb } from '../../demo/src/data/model'

const END = '202611'
const db: DemoDb = generateCountry({ facilities: 600, seed: 42, endPeriod: END })
// 4 December 2026: the current quarter (2026Q4) is partly reported, December not at all
const analytics = new DemoAnalytics(db, { now: () => new Date(2026, 11, 4) })
const ROOT = db.orgUnits[0]!.id
const oxytocin = commodityCatalogue().find((c) => c.key === 'oxytocin')!
const LMIS_GROUP_SET = metadataUid('ougs', 'OUGS_LMIS_GROUP')
const group = (code: string): string => metadataUid('oug', code)

interface Grid {
    headers: { name: string; column: string; meta: boolean }[]
    metaData: { items: Record<string, { name: string }>; dimensions: Record<string, string[]> }
    rows: string[][]
}

const get = (query: string): Grid => {
    const outcome = analytics.run(new URLSearchParams(query), null)
    if (!outcome.ok) throw outcome.error
    return JSON.parse(outcome.body.toString('utf8')) as Grid
}

/** value by the row's dimension cells joined with `|` */
const values = (grid: Grid): Map<string, number> => {
    const v = grid.headers.findIndex((h) => h.name === 'value')
    return new Map(grid.rows.map((r) => [r.slice(0, v).join('|'), Number(r[v])]))
}

const raw = (deId: string) => {
    const series = db.series.get(`${deId}.${D}`)!
    const periods = db.periodsByType[series.periodType]
    return (slot: number, periodId: string): number =>
        series.values[slot * periods.length + periods.findIndex((p) => p.id === periodId)]!
}

describe('stock status on the generated country', () => {
    it('counts stocked-out facilities with the LMIS flag (SUM) and the reporting ones (COUNT)', () => {
        const flag = oxytocin.lmis.monthly.stockedOut.id
        const months = ['202609', '202610', '202611']
        const sum = values(
            get(`dimension=dx:${flag}&dimension=pe:${months.join(';')}&filter=ou:${ROOT}`)
        )
        const count = values(
            get(
                `dimension=dx:${flag}&dimension=pe:${months.join(';')}&filter=ou:${ROOT}&aggregationType=COUNT`
            )
        )
        const at = raw(flag)
        for (const pe of months) {
            let out = 0
            let reported = 0
            db.facilities.forEach((_, slot) => {
                const v = at(slot, pe)
                if (Number.isNaN(v)) return
                reported++
                out += v
            })
            expect(sum.get(`${flag}|${pe}`) ?? 0).toBe(out)
            expect(count.get(`${flag}|${pe}`)).toBe(reported)
            expect(out / reported).toBeLessThan(0.5)
        }
        // facilities stocked out at some time in the quarter: MAX_SUM_ORG_UNIT over its months
        const anyTime = values(
            get(
                `dimension=dx:${flag}&dimension=pe:2026Q3&filter=ou:${ROOT}&aggregationType=MAX_SUM_ORG_UNIT`
            )
        )
        let expected = 0
        db.facilities.forEach((_, slot) => {
            if (['202607', '202608', '202609'].some((pe) => at(slot, pe) === 1)) expected++
        })
        expect(anyTime.get(`${flag}|2026Q3`) ?? 0).toBe(expected)
    })

    it('carries stock on hand forward with LAST (as DHIS2), never with LAST_IN_PERIOD', () => {
        const soh = oxytocin.lmis.monthly.stockOnHand.id
        const pe = 'pe:202610;202611;202612'
        const last = values(get(`dimension=dx:${soh}&dimension=${pe}&filter=ou:${ROOT}`))
        const inPeriod = values(
            get(
                `dimension=dx:${soh}&dimension=${pe}&filter=ou:${ROOT}&aggregationType=LAST_IN_PERIOD`
            )
        )
        // December 2026 has no report yet: LAST shows each facility's latest 2026 count
        expect(last.get(`${soh}|202612`)).toBe(last.get(`${soh}|202611`))
        expect(inPeriod.has(`${soh}|202612`)).toBe(false)
        // November: LAST_IN_PERIOD counts only the facilities that reported in November
        const at = raw(soh)
        let reportedTotal = 0
        db.facilities.forEach((_, slot) => {
            const v = at(slot, '202611')
            if (!Number.isNaN(v)) reportedTotal += v
        })
        expect(inPeriod.get(`${soh}|202611`)).toBe(reportedTotal)
        expect(last.get(`${soh}|202611`)!).toBeGreaterThanOrEqual(reportedTotal)
    })

    it('takes a quarterly R&R count into a month only once its quarter has ended', () => {
        const soh = oxytocin.lmis.quarterly.stockOnHand.id
        const grid = get(
            `dimension=dx:${soh}&dimension=pe:202609;202610;202611;202612&filter=ou:${ROOT}`
        )
        const v = values(grid)
        // October and November: 2026Q4 has not ended, the Q3 R&Rs are carried forward
        expect(v.get(`${soh}|202610`)).toBe(v.get(`${soh}|202609`))
        expect(v.get(`${soh}|202611`)).toBe(v.get(`${soh}|202609`))
        // December: group C's Sep–Nov R&R (stored in Q4) replaces its Q3 count
        expect(v.get(`${soh}|202612`)).not.toBe(v.get(`${soh}|202609`))
    })

    it('splits by LMIS reporting group (org unit group set dimension) with ou, pe and dx', () => {
        const cons = oxytocin.lmis.quarterly.consumption.id
        const [a, b, c, monthly] = ['A', 'B', 'C', 'MONTHLY'].map((g) =>
            group(g === 'MONTHLY' ? 'LMIS_MONTHLY' : `LMIS_GROUP_${g}`)
        ) as [string, string, string, string]
        const grid = get(
            `dimension=dx:${cons}&dimension=${LMIS_GROUP_SET}:${a};${b};${c};${monthly}` +
                `&dimension=pe:2026Q3;2026Q4&dimension=ou:${ROOT}`
        )
        expect(grid.headers.map((h) => [h.name, h.column])).toEqual([
            ['dx', 'Data'],
            [LMIS_GROUP_SET, 'LMIS reporting group'],
            ['pe', 'Period'],
            ['ou', 'Organisation unit'],
            ['value', 'Value'],
        ])
        expect(grid.metaData.dimensions[LMIS_GROUP_SET]).toEqual([a, b, c, monthly])
        expect(grid.metaData.items[LMIS_GROUP_SET]?.name).toBe('LMIS reporting group')
        const v = values(grid)
        const total = values(
            get(`dimension=dx:${cons}&dimension=pe:2026Q3;2026Q4&dimension=ou:${ROOT}`)
        )
        for (const pe of ['2026Q3', '2026Q4']) {
            const parts = [a, b, c].map((g) => v.get(`${cons}|${g}|${pe}|${ROOT}`) ?? 0)
            expect(parts.reduce((x, y) => x + y, 0)).toBe(total.get(`${cons}|${pe}|${ROOT}`) ?? 0)
            // monthly reporters have no R&R
            expect(v.has(`${cons}|${monthly}|${pe}|${ROOT}`)).toBe(false)
        }
        // the current quarter is partly reported: only group C's Sep–Nov window has ended
        expect(v.get(`${cons}|${c}|2026Q4|${ROOT}`)).toBeGreaterThan(0)
        expect(v.has(`${cons}|${a}|2026Q4|${ROOT}`)).toBe(false)
        expect(v.has(`${cons}|${b}|2026Q4|${ROOT}`)).toBe(false)
        // without items: every group of the set
        expect(
            get(
                `dimension=dx:${cons}&dimension=${LMIS_GROUP_SET}&dimension=pe:2026Q3&filter=ou:${ROOT}`
            ).metaData.dimensions[LMIS_GROUP_SET]
        ).toEqual([a, b, c, monthly])
    })

    it('reports timeliness of the HMIS and both LMIS data sets, with some late reports', () => {
        for (const [key, pe] of [
            ['hmis', '202601;202602;202603;202604;202605;202606'],
            ['lmisMonthly', '202601;202602;202603;202604;202605;202606'],
            ['lmisQuarterly', '2025Q3;2025Q4;2026Q1;2026Q2'],
        ] as const) {
            const ds = db.dataSets.find((d) => d.code === DATA_SETS[key].code)!
            const metrics = [
                'REPORTING_RATE',
                'REPORTING_RATE_ON_TIME',
                'ACTUAL_REPORTS',
                'ACTUAL_REPORTS_ON_TIME',
                'EXPECTED_REPORTS',
            ]
            const v = values(
                get(
                    `dimension=dx:${metrics.map((m) => `${ds.id}.${m}`).join(';')}` +
                        `&dimension=pe:${pe}&filter=ou:${ROOT}`
                )
            )
            const regs = db.registrations.get(ds.id)!.registrations
            const stored = db.periodsByType[ds.periodType]
            let actual = 0
            let onTime = 0
            for (const p of pe.split(';')) {
                const k = stored.findIndex((s) => s.id === p)
                let a = 0
                let t = 0
                db.facilities.forEach((_, slot) => {
                    const r = regs[slot * stored.length + k]
                    if (r! > 0) a++
                    if (r === 1) t++
                })
                const at = (m: string) => v.get(`${ds.id}.${m}|${p}`)
                expect(at('ACTUAL_REPORTS'), `${key} ${p}`).toBe(a)
                expect(at('ACTUAL_REPORTS_ON_TIME'), `${key} ${p}`).toBe(t)
                const expected = at('EXPECTED_REPORTS')!
                expect(at('REPORTING_RATE_ON_TIME')).toBeCloseTo(
                    Math.min((t * 100) / expected, 100),
                    1
                )
                expect(at('REPORTING_RATE_ON_TIME')!).toBeLessThan(at('REPORTING_RATE')!)
                actual += a
                onTime += t
            }
            // realistic: most reports on time, a clear share late
            expect(onTime / actual, key).toBeGreaterThan(0.7)
            expect(onTime / actual, key).toBeLessThan(0.95)
        }
    })
})
