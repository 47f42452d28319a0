/**
 * Aggregated values of every aggregation type, at every org unit level and for several period
 * types, against values computed independently from the fixture's raw arrays (testing/reference.ts).
 */
import { describe, expect, it } from 'vitest'
import type { DemoUser } from '../http/types'
import { DemoAnalytics } from './index'
import { ADMIN, buildFixtureDb, FIXTURE_DATA_ELEMENTS, FX } from './testing/fixture'
import { refPeriod, refReporting, refValue } from './testing/reference'

const db = buildFixtureDb()
const analytics = new DemoAnalytics(db, { now: () => new Date(2025, 0, 10) })

const run = (query: string, user: DemoUser = ADMIN): string[][] => {
    const outcome = analytics.run(new URLSearchParams(query), user)
    if (!outcome.ok) throw outcome.error
    return outcome.rows()
}

/** Rows keyed by their dimension cells joined with `|`, mapped to the value cell. */
const byKey = (rows: string[][], dims: number): Map<string, string> =>
    new Map(rows.map((r) => [r.slice(0, dims).join('|'), r[dims] as string]))

const ALL_UNITS = db.orgUnits.map((o) => o.id)
const PERIODS = ['202402', '202312', '2024Q1', '2023Q4', '2024S1', '2023', '2024', '2025Q1', '2022']

/** `MathUtils.getRounded` for the fixture's positive values, and Java's `Double.toString`. */
const dhis2Format = (value: number): string => {
    const rounded = Number(value.toFixed(Math.abs(value) < 1 ? 2 : 1))
    return Number.isInteger(rounded) ? `${rounded}.0` : String(rounded)
}

describe('aggregation types against raw values', () => {
    for (const de of FIXTURE_DATA_ELEMENTS.filter((d) => d.aggregationType !== 'NONE')) {
        it(`${de.aggregationType} ${de.periodType} (${de.id}) at every level and period`, () => {
            const rows = run(
                `dimension=dx:${de.id}&dimension=pe:${PERIODS.join(';')}` +
                    `&dimension=ou:LEVEL-1;LEVEL-2;LEVEL-3;LEVEL-4&skipRounding=true`
            )
            const values = byKey(rows, 3)
            let present = 0
            for (const pe of PERIODS) {
                for (const ou of ALL_UNITS) {
                    const expected = refValue(db, de.id, null, [ou], [pe], {
                        requestPeriodIds: PERIODS,
                    })
                    const actual = values.get(`${de.id}|${pe}|${ou}`)
                    if (expected === null) {
                        expect(actual, `${pe} ${ou}`).toBeUndefined()
                    } else {
                        present++
                        expect(actual, `${pe} ${ou}`).toBeDefined()
                        expect(Number(actual)).toBeCloseTo(expected, 8)
                    }
                }
            }
            expect(rows).toHaveLength(present)
            expect(present).toBeGreaterThan(0)
        })
    }

    it('renders values rounded as DHIS2 (1 decimal, 2 below 1) with Java number format', () => {
        const dx = FIXTURE_DATA_ELEMENTS.filter((d) => d.aggregationType !== 'NONE').map(
            (d) => d.id
        )
        const rows = run(
            `dimension=dx:${dx.join(';')}&dimension=pe:2024Q1;202403;2023&dimension=ou:LEVEL-2;LEVEL-4`
        )
        expect(rows.length).toBeGreaterThan(30)
        for (const [dxId, pe, ou, value] of rows) {
            const expected = refValue(db, dxId as string, null, [ou as string], [pe as string], {
                requestPeriodIds: ['2024Q1', '202403', '2023'],
            })
            expect(value).toBe(dhis2Format(expected as number))
        }
    })

    it('does not disaggregate summed quarterly data to months, but does for averages', () => {
        const rows = run(
            `dimension=dx:${FX.deQuarterSum};${FX.deQuarterAvgSum}&dimension=pe:202401;202402;2024Q1&dimension=ou:${FX.root}&skipRounding=true`
        )
        const values = byKey(rows, 3)
        expect(values.has(`${FX.deQuarterSum}|202401|${FX.root}`)).toBe(false)
        expect(values.has(`${FX.deQuarterSum}|2024Q1|${FX.root}`)).toBe(true)
        // AVERAGE_SUM_ORG_UNIT: a month takes the value of its quarter (sum over org units)
        const quarter = values.get(`${FX.deQuarterAvgSum}|2024Q1|${FX.root}`)
        expect(values.get(`${FX.deQuarterAvgSum}|202401|${FX.root}`)).toBe(quarter)
        expect(values.get(`${FX.deQuarterAvgSum}|202402|${FX.root}`)).toBe(quarter)
    })

    it('LAST looks back before the period start and carries the last value forward', () => {
        const rows = run(
            `dimension=dx:${FX.deLast}&dimension=pe:2025Q1;2022&dimension=ou:${FX.f1}&skipRounding=true`
        )
        const values = byKey(rows, 3)
        // No data in 2025: the latest value (December 2024 or before) is used
        expect(Number(values.get(`${FX.deLast}|2025Q1|${FX.f1}`))).toBeCloseTo(
            refValue(db, FX.deLast, null, [FX.f1], ['2024']) as number,
            8
        )
        expect(values.has(`${FX.deLast}|2022|${FX.f1}`)).toBe(false)
    })

    it('LAST only looks back ten years from the period end', () => {
        for (const de of [FX.deLast, FX.deLastAvg]) {
            const rows = run(
                `dimension=dx:${de}&dimension=pe:2033;2034&dimension=ou:LEVEL-2;LEVEL-4&skipRounding=true`
            )
            const values = byKey(rows, 3)
            for (const ou of [FX.regionA, FX.regionB, FX.f1, FX.f5]) {
                for (const pe of ['2033', '2034']) {
                    const expected = refValue(db, de, null, [ou], [pe])
                    const actual = values.get(`${de}|${pe}|${ou}`)
                    if (expected === null) expect(actual).toBeUndefined()
                    else expect(Number(actual)).toBeCloseTo(expected, 8)
                }
            }
            expect([...values.keys()].some((k) => k.includes('|2033|'))).toBe(true)
            expect([...values.keys()].some((k) => k.includes('|2034|'))).toBe(false)
        }
    })

    it('aggregates filters: org units without double counting, periods together', () => {
        for (const de of [FX.deSum, FX.deAverage, FX.deAvgSum, FX.deLast, FX.deCount]) {
            const rows = run(
                `dimension=dx:${de}&filter=pe:202401;202402;202403&filter=ou:${FX.regionA};${FX.districtA1};${FX.f4}&skipRounding=true`
            )
            expect(rows).toHaveLength(1)
            const expected = refValue(
                db,
                de,
                null,
                [FX.regionA, FX.f4],
                ['202401', '202402', '202403']
            )
            expect(Number((rows[0] as string[])[1])).toBeCloseTo(expected as number, 8)
        }
    })

    it('splits data elements by category option combo with the co dimension', () => {
        const rows = run(
            `dimension=dx:${FX.deSum};${FX.deAvgSum}&dimension=co&dimension=pe:2024Q2&dimension=ou:${FX.regionB}&skipRounding=true`
        )
        const values = byKey(rows, 4)
        for (const de of [FX.deSum, FX.deAvgSum]) {
            for (const coc of [FX.cocMale, FX.cocFemale]) {
                const expected = refValue(db, de, coc, [FX.regionB], ['2024Q2'])
                expect(Number(values.get(`${de}|${coc}|2024Q2|${FX.regionB}`))).toBeCloseTo(
                    expected as number,
                    8
                )
            }
        }
        const only = run(
            `dimension=dx:${FX.deSum}&dimension=co:${FX.cocFemale}&dimension=pe:2024Q2&dimension=ou:${FX.regionB}`
        )
        expect(only.map((r) => r[1])).toEqual([FX.cocFemale])
    })

    it('aggregates data element operands', () => {
        const rows = run(
            `dimension=dx:${FX.deLast}.${FX.cocFemale};${FX.deSum}.${FX.cocMale}&dimension=pe:2024&dimension=ou:LEVEL-3&skipRounding=true`
        )
        const values = byKey(rows, 3)
        for (const ou of [FX.districtA1, FX.districtA2, FX.districtB1]) {
            expect(Number(values.get(`${FX.deLast}.${FX.cocFemale}|2024|${ou}`))).toBeCloseTo(
                refValue(db, FX.deLast, FX.cocFemale, [ou], ['2024']) as number,
                8
            )
            expect(Number(values.get(`${FX.deSum}.${FX.cocMale}|2024|${ou}`))).toBeCloseTo(
                refValue(db, FX.deSum, FX.cocMale, [ou], ['2024']) as number,
                8
            )
        }
    })
})

/** Values of one data element per period at one org unit (undefined: no row). */
const seriesAt = (query: string, de: string, ou: string, periods: string[]) => {
    const values = byKey(run(query), 3)
    return periods.map((pe) => values.get(`${de}|${pe}|${ou}`))
}

describe('LAST, LAST_IN_PERIOD and the aggregationType parameter (dhis2-core 2.41)', () => {
    it('LAST takes a quarterly value only from the month its quarter ends in', () => {
        // JdbcAnalyticsManager.getFirstOrLastValueSubquerySql: peenddate <= the period's end
        const months = ['202312', '202401', '202402', '202403']
        const [dec, jan, feb, mar] = seriesAt(
            `dimension=dx:${FX.deQuarterLast}&dimension=pe:${months.join(';')}` +
                `&dimension=ou:${FX.f1}&skipRounding=true`,
            FX.deQuarterLast,
            FX.f1,
            months
        )
        const q4 = refValue(db, FX.deQuarterLast, null, [FX.f1], ['2023Q4'])
        const q1 = refValue(db, FX.deQuarterLast, null, [FX.f1], ['2024Q1'])
        expect(q4).not.toBeNull()
        expect(q1).not.toBe(q4)
        expect(Number(dec)).toBe(q4)
        // January and February 2024: 2024Q1 has not ended, the 2023Q4 count is carried forward
        expect(Number(jan)).toBe(q4)
        expect(Number(feb)).toBe(q4)
        expect(Number(mar)).toBe(q1)
    })

    it('LAST reads only the partitions (years) of the request: no look-back past its first year', () => {
        // DefaultQueryPlanner.planQuery → PartitionUtils.getPartitions(all request periods)
        const q = (pe: string): string =>
            `dimension=dx:${FX.deQuarterLast}&dimension=pe:${pe}&dimension=ou:${FX.f1}&skipRounding=true`
        const alone = seriesAt(q('202401'), FX.deQuarterLast, FX.f1, ['202401'])
        expect(alone).toEqual([undefined])
        const withDecember = seriesAt(q('202312;202401'), FX.deQuarterLast, FX.f1, ['202401'])
        expect(Number(withDecember[0])).toBe(
            refValue(db, FX.deQuarterLast, null, [FX.f1], ['2023Q4'])
        )
        // a year filter adds its partition too
        const rows = run(
            `dimension=dx:${FX.deLast}&dimension=ou:${FX.root}&filter=pe:2024&skipRounding=true`
        )
        expect(Number((rows[0] as string[])[2])).toBeCloseTo(
            refValue(db, FX.deLast, null, [FX.root], ['2024']) as number,
            8
        )
    })

    it('LAST carries the latest value into months after the data, within the years read', () => {
        // 2025 has no data (no partition): the whole table is read, the ten-year window applies
        const months = ['202501', '202512']
        const values = seriesAt(
            `dimension=dx:${FX.deLast}&dimension=pe:${months.join(';')}&dimension=ou:${FX.root}&skipRounding=true`,
            FX.deLast,
            FX.root,
            months
        )
        const december = refValue(db, FX.deLast, null, [FX.root], ['202412'], {
            requestPeriodIds: ['202412'],
        })
        expect(values.map(Number)).toEqual([december, december])
        // LAST_IN_PERIOD never carries forward: no value after the data
        const inPeriod = seriesAt(
            `dimension=dx:${FX.deLast}&dimension=pe:${months.join(';')}&dimension=ou:${FX.root}&aggregationType=LAST_IN_PERIOD`,
            FX.deLast,
            FX.root,
            months
        )
        expect(inPeriod).toEqual([undefined, undefined])
    })

    it('LAST_IN_PERIOD takes each facility’s latest value inside the period', () => {
        const periods = ['2024Q1', '2024', '202402', '2023Q4']
        for (const ou of [FX.f1, FX.f3, FX.districtB1, FX.root]) {
            const values = seriesAt(
                `dimension=dx:${FX.deLastInPeriod}&dimension=pe:${periods.join(';')}&dimension=ou:${ou}&skipRounding=true`,
                FX.deLastInPeriod,
                ou,
                periods
            )
            periods.forEach((pe, i) => {
                const expected = refValue(db, FX.deLastInPeriod, null, [ou], [pe])
                if (expected === null) expect(values[i]).toBeUndefined()
                else expect(Number(values[i])).toBeCloseTo(expected, 8)
            })
        }
        // at a facility: the value of the period's last month that has one
        const f1 = db.facilitySlot.get(FX.f1) as number
        const monthly = db.periodsByType.Monthly
        const values = db.series.get(`${FX.deLastInPeriod}.${FX.cocDefault}`)!.values
        const march = monthly.findIndex((p) => p.id === '202403')
        let expected = NaN
        for (let p = march; p >= march - 2 && Number.isNaN(expected); p--)
            expected = values[f1 * monthly.length + p] as number
        const [q1] = seriesAt(
            `dimension=dx:${FX.deLastInPeriod}&dimension=pe:2024Q1&dimension=ou:${FX.f1}&skipRounding=true`,
            FX.deLastInPeriod,
            FX.f1,
            ['2024Q1']
        )
        expect(Number(q1)).toBe(expected)
        // quarterly data has no value inside a month
        const [month] = seriesAt(
            `dimension=dx:${FX.deQuarterLast}&dimension=pe:202403&dimension=ou:${FX.f1}&aggregationType=LAST_IN_PERIOD`,
            FX.deQuarterLast,
            FX.f1,
            ['202403']
        )
        expect(month).toBeUndefined()
    })

    it('aggregationType overrides each data element’s type, for every type the demo computes', () => {
        const types = [
            'SUM',
            'AVERAGE',
            'AVERAGE_SUM_ORG_UNIT',
            'COUNT',
            'LAST',
            'LAST_AVERAGE_ORG_UNIT',
            'LAST_IN_PERIOD',
            'LAST_IN_PERIOD_AVERAGE_ORG_UNIT',
            'MIN',
            'MAX',
            'MIN_SUM_ORG_UNIT',
            'MAX_SUM_ORG_UNIT',
        ] as const
        const periods = ['202402', '2024Q1', '2023']
        const units = [FX.root, FX.regionB, FX.f4]
        for (const type of types) {
            for (const de of [FX.deSum, FX.deLast, FX.deQuarterSum, FX.deSumZero]) {
                const values = byKey(
                    run(
                        `dimension=dx:${de}&dimension=pe:${periods.join(';')}` +
                            `&dimension=ou:${units.join(';')}&aggregationType=${type}&skipRounding=true`
                    ),
                    3
                )
                for (const pe of periods) {
                    for (const ou of units) {
                        const expected = refValue(db, de, null, [ou], [pe], {
                            aggregationType: type,
                            requestPeriodIds: periods,
                        })
                        const actual = values.get(`${de}|${pe}|${ou}`)
                        const label = `${type} ${de} ${pe} ${ou}`
                        if (expected === null) expect(actual, label).toBeUndefined()
                        else expect(Number(actual), label).toBeCloseTo(expected, 8)
                    }
                }
            }
        }
        // the override reaches the data elements of indicators too
        const sum = run(
            `dimension=dx:${FX.indRate}&dimension=pe:2024Q1&dimension=ou:${FX.root}&skipRounding=true`
        )
        const last = run(
            `dimension=dx:${FX.indRate}&dimension=pe:2024Q1&dimension=ou:${FX.root}&skipRounding=true&aggregationType=LAST_IN_PERIOD`
        )
        expect(sum[0]?.[3]).not.toBe(last[0]?.[3])
    })

    it('refuses an aggregationType DHIS2 does not know (400) or the demo does not compute (409)', () => {
        const base = `dimension=dx:${FX.deSum}&dimension=pe:2024Q1&dimension=ou:${FX.root}`
        const bad = analytics.run(new URLSearchParams(`${base}&aggregationType=last`), ADMIN)
        expect(bad.ok).toBe(false)
        if (!bad.ok) {
            expect(bad.error.httpStatus).toBe(400)
            expect(bad.error.message).toBe(
                "Value 'last' is not valid for parameter aggregationType. Valid values are: " +
                    '[SUM, AVERAGE, AVERAGE_SUM_ORG_UNIT, LAST, LAST_AVERAGE_ORG_UNIT, ' +
                    'LAST_LAST_ORG_UNIT, LAST_IN_PERIOD, LAST_IN_PERIOD_AVERAGE_ORG_UNIT, FIRST, ' +
                    'FIRST_AVERAGE_ORG_UNIT, FIRST_FIRST_ORG_UNIT, COUNT, STDDEV, VARIANCE, MIN, ' +
                    'MAX, MIN_SUM_ORG_UNIT, MAX_SUM_ORG_UNIT, NONE, CUSTOM, DEFAULT]'
            )
        }
        const unsupported = analytics.run(
            new URLSearchParams(`${base}&aggregationType=STDDEV`),
            ADMIN
        )
        expect(unsupported.ok).toBe(false)
        if (!unsupported.ok) expect(unsupported.error.httpStatus).toBe(409)
        // empty: not given
        expect(analytics.run(new URLSearchParams(`${base}&aggregationType=`), ADMIN).ok).toBe(true)
    })
})

describe('organisation unit group sets', () => {
    const groups: Record<string, string[]> = {
        [FX.groupClinics]: [FX.f1, FX.f4, FX.f6],
        [FX.groupOthers]: [FX.f2, FX.f3, FX.f5],
    }
    const under = (unit: string, members: string[]): string[] =>
        members.filter((f) => db.orgUnitById.get(f)?.path.split('/').includes(unit))

    it('splits values by group (a dimension) for every aggregation type', () => {
        for (const de of [
            FX.deSum,
            FX.deAverage,
            FX.deAvgSum,
            FX.deLast,
            FX.deLastAvg,
            FX.deQuarterSum,
        ]) {
            const rows = run(
                `dimension=dx:${de}&dimension=${FX.groupSetType}&dimension=pe:2024Q2;2024&dimension=ou:${FX.root};${FX.regionA};${FX.regionB}&skipRounding=true`
            )
            const values = byKey(rows, 4)
            let expectedRows = 0
            for (const [group, members] of Object.entries(groups)) {
                for (const ou of [FX.root, FX.regionA, FX.regionB]) {
                    for (const pe of ['2024Q2', '2024']) {
                        const facilities = under(ou, members)
                        const expected =
                            facilities.length > 0 ? refValue(db, de, null, facilities, [pe]) : null
                        const actual = values.get(`${de}|${group}|${pe}|${ou}`)
                        if (expected === null) {
                            expect(actual).toBeUndefined()
                        } else {
                            expectedRows++
                            expect(Number(actual), `${de} ${group} ${pe} ${ou}`).toBeCloseTo(
                                expected,
                                8
                            )
                        }
                    }
                }
            }
            expect(rows).toHaveLength(expectedRows)
        }
    })

    it('takes ALL_ITEMS as every group, and keeps a group of no set as an item without data', () => {
        const base = `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.root}`
        const all = analytics.run(
            new URLSearchParams(`${base}&dimension=${FX.groupSetType}`),
            ADMIN
        )
        const keyword = analytics.run(
            new URLSearchParams(`${base}&dimension=${FX.groupSetType}:ALL_ITEMS`),
            ADMIN
        )
        expect(all.ok && keyword.ok).toBe(true)
        if (all.ok && keyword.ok) expect(keyword.body.equals(all.body)).toBe(true)
        // DimensionalObjectProducer.getDynamicDimension: getOrdered(OrganisationUnitGroup, items)
        const foreign = analytics.run(
            new URLSearchParams(
                `${base}&dimension=${FX.groupSetType}:${FX.groupUrban};${FX.groupClinics}`
            ),
            ADMIN
        )
        expect(foreign.ok).toBe(true)
        if (!foreign.ok) return
        const json = JSON.parse(foreign.body.toString('utf8')) as {
            metaData: { dimensions: Record<string, string[]>; items: Record<string, unknown> }
            rows: string[][]
        }
        expect(json.metaData.dimensions[FX.groupSetType]).toEqual([FX.groupUrban, FX.groupClinics])
        expect(json.metaData.items[FX.groupUrban]).toEqual({ name: 'Urban facilities' })
        expect(json.rows.map((r) => r[3])).toEqual([FX.groupClinics])
    })

    it('restricts to the groups of a group set filter', () => {
        const rows = run(
            `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.regionB}&filter=${FX.groupSetType}:${FX.groupClinics}&skipRounding=true`
        )
        expect(rows).toHaveLength(1)
        const expected = refValue(
            db,
            FX.deSum,
            null,
            under(FX.regionB, groups[FX.groupClinics] ?? []),
            ['2024']
        )
        expect(Number(rows[0]?.[3])).toBeCloseTo(expected as number, 8)
    })

    it('counts expected and actual reports of the group members', () => {
        const rows = run(
            `dimension=dx:${FX.dsMonthly}.EXPECTED_REPORTS;${FX.dsMonthly}.ACTUAL_REPORTS&dimension=${FX.groupSetType}&dimension=pe:2024Q1&filter=ou:${FX.root}`
        )
        const values = byKey(rows, 3)
        for (const [group, members] of Object.entries(groups)) {
            const ref = refReporting(db, FX.dsMonthly, members, ['2024Q1'])
            expect(values.get(`${FX.dsMonthly}.EXPECTED_REPORTS|${group}|2024Q1`)).toBe(
                `${ref?.expected}.0`
            )
            expect(values.get(`${FX.dsMonthly}.ACTUAL_REPORTS|${group}|2024Q1`)).toBe(
                `${ref?.actual}.0`
            )
        }
    })
})

describe('indicators', () => {
    it('computes numerator / denominator × factor with the numerator columns of DHIS2', () => {
        const rows = run(
            `dimension=dx:${FX.indRate}&dimension=pe:202401;2024Q2&dimension=ou:${FX.regionA};${FX.regionB};${FX.f3}&includeNumDen=true`
        )
        expect(rows.length).toBe(6)
        for (const [dx, pe, ou, value, num, den, factor, multiplier, divisor] of rows) {
            expect(dx).toBe(FX.indRate)
            const n = refValue(db, FX.deSum, null, [ou as string], [pe as string]) as number
            const d = refValue(db, FX.deSumZero, null, [ou as string], [pe as string]) as number
            expect(value).toBe(dhis2Format((n * 100) / d))
            expect(num).toBe(dhis2Format(n))
            expect(den).toBe(dhis2Format(d))
            expect([factor, multiplier, divisor]).toEqual(['100.0', '100', '1'])
        }
    })

    it('treats missing items as zero unless all are missing, and uses [days]', () => {
        const rows = run(
            `dimension=dx:${FX.indOperands};${FX.indMixed}&dimension=pe:202403;2024&dimension=ou:LEVEL-4&skipRounding=true`
        )
        const values = byKey(rows, 3)
        for (const pe of ['202403', '2024']) {
            const days = refPeriod(pe).days
            for (const f of db.facilities) {
                const male = refValue(db, FX.deSum, FX.cocMale, [f.id], [pe])
                const female = refValue(db, FX.deSum, FX.cocFemale, [f.id], [pe])
                const operands = values.get(`${FX.indOperands}|${pe}|${f.id}`)
                if (male === null && female === null) expect(operands).toBeUndefined()
                else expect(Number(operands)).toBeCloseTo((male ?? 0) + 2 * (female ?? 0), 8)

                const avg = refValue(db, FX.deAverage, null, [f.id], [pe])
                const last = refValue(db, FX.deLast, FX.cocMale, [f.id], [pe])
                const lastAvg = refValue(db, FX.deLastAvg, null, [f.id], [pe])
                const mixed = values.get(`${FX.indMixed}|${pe}|${f.id}`)
                const num =
                    avg === null && last === null ? null : ((avg ?? 0) - (last ?? 0)) / 2 + days
                const den = lastAvg === null ? null : lastAvg + 0.5
                if (num === null || den === null || den === 0) expect(mixed).toBeUndefined()
                else expect(Number(mixed)).toBeCloseTo((num * 1000) / den, 6)
            }
        }
    })

    it('has no row when every item of the numerator is missing', () => {
        expect(
            run(`dimension=dx:${FX.indNoData}&dimension=pe:202401&dimension=ou:${FX.root}`)
        ).toEqual([])
        expect(
            run(`dimension=dx:${FX.indNoData}&dimension=pe:2024Q1&dimension=ou:${FX.root}`)
        ).toHaveLength(1)
    })

    it('takes a single indicator as filter', () => {
        const rows = run(
            `filter=dx:${FX.indRate}&dimension=pe:2024Q1&dimension=ou:${FX.regionA}&skipRounding=true`
        )
        expect(rows).toHaveLength(1)
        const n = refValue(db, FX.deSum, null, [FX.regionA], ['2024Q1']) as number
        const d = refValue(db, FX.deSumZero, null, [FX.regionA], ['2024Q1']) as number
        expect(rows[0]?.slice(0, 2)).toEqual(['2024Q1', FX.regionA])
        expect(Number(rows[0]?.[2])).toBeCloseTo((n * 100) / d, 8)
    })
})

describe('reporting rates', () => {
    const metrics = [
        'REPORTING_RATE',
        'REPORTING_RATE_ON_TIME',
        'ACTUAL_REPORTS',
        'ACTUAL_REPORTS_ON_TIME',
        'EXPECTED_REPORTS',
    ]

    for (const [ds, periods] of [
        [FX.dsMonthly, ['202401', '202403', '2024Q1', '2023', '2024S2']],
        [FX.dsQuarterly, ['202402', '2024Q1', '2024']],
    ] as const) {
        it(`${ds}: expected = open assigned units × data set periods in the query period`, () => {
            const dx = metrics.map((m) => `${ds}.${m}`).join(';')
            const rows = run(
                `dimension=dx:${dx}&dimension=pe:${periods.join(';')}&dimension=ou:LEVEL-1;LEVEL-2;LEVEL-3;LEVEL-4&includeNumDen=true&skipRounding=true`
            )
            const values = new Map(rows.map((r) => [r.slice(0, 3).join('|'), r.slice(3)]))
            let expectedRows = 0
            for (const pe of periods) {
                for (const ou of ALL_UNITS) {
                    const ref = refReporting(db, ds, [ou], [pe])
                    if (!ref) {
                        for (const m of metrics)
                            expect(values.has(`${ds}.${m}|${pe}|${ou}`)).toBe(false)
                        continue
                    }
                    expectedRows += metrics.length
                    const rate = (actual: number): number =>
                        ref.expected < 0.01 ? 0 : Math.min((actual * 100) / ref.expected, 100)
                    const expected: Record<string, [number, number]> = {
                        REPORTING_RATE: [rate(ref.actual), ref.actual],
                        REPORTING_RATE_ON_TIME: [rate(ref.onTime), ref.onTime],
                        ACTUAL_REPORTS: [ref.actual, ref.actual],
                        ACTUAL_REPORTS_ON_TIME: [ref.onTime, ref.onTime],
                        EXPECTED_REPORTS: [ref.expected, 0],
                    }
                    for (const m of metrics) {
                        const cells = values.get(`${ds}.${m}|${pe}|${ou}`) as string[]
                        const [value, actual] = expected[m] as [number, number]
                        expect(Number(cells[0]), `${m} ${pe} ${ou}`).toBeCloseTo(value, 8)
                        expect(cells.slice(1)).toEqual([
                            Number.isInteger(actual) ? `${actual}.0` : String(actual),
                            `${ref.expected}.0`,
                            '100',
                            '',
                            '',
                        ])
                    }
                }
            }
            expect(rows).toHaveLength(expectedRows)
        })
    }

    it('gives a quarterly data set asked per month an expected count of zero (period span 0)', () => {
        const rows = run(
            `dimension=dx:${FX.dsQuarterly}.EXPECTED_REPORTS;${FX.dsQuarterly}.REPORTING_RATE&dimension=pe:202402&dimension=ou:${FX.root}`
        )
        expect(rows.map((r) => r[3])).toEqual(['0.0', '0.0'])
    })

    it('multiplies the target by the number of filter periods', () => {
        const rows = run(
            `dimension=dx:${FX.dsMonthly}.EXPECTED_REPORTS&filter=pe:202401;202402&dimension=ou:${FX.regionA}`
        )
        const ref = refReporting(db, FX.dsMonthly, [FX.regionA], ['202401', '202402'])
        expect(rows).toEqual([
            [`${FX.dsMonthly}.EXPECTED_REPORTS`, FX.regionA, `${ref?.expected}.0`],
        ])
    })
})
