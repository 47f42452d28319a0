import { analyticsHeader } from '../../api/analytics/test-headers'
import { parseAnalyticsResponse } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import { buildPairDrill, singlePeriod } from './drill-model'
import {
    buildPairTrend,
    latestCompleteness,
    requestItems,
    sumPoints,
    type DataSetInfo,
    type ItemInfo,
} from './pair-model'
import { viewPeriods } from './view-periods'

const table = (rows: [string, string, string, number][]) =>
    parseAnalyticsResponse({
        headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
        metaData: {
            items: {
                OU: { name: 'Country' },
                A: { name: 'Region A' },
                B: { name: 'Region B <b>' },
            },
            dimensions: { dx: [], pe: [], ou: ['A', 'B'], co: [] },
        },
        rows: rows.map(([dx, pe, ou, v]) => [dx, pe, ou, String(v)]),
        headerWidth: 4,
        width: 4,
        height: rows.length,
    })

const DE = {
    cases: 'aaaaaaaaaa1',
    consM: 'aaaaaaaaaa2',
    consQ: 'aaaaaaaaaa3',
    sohM: 'aaaaaaaaaa4',
    sohQ: 'aaaaaaaaaa5',
}
const DS = { hmis: 'dddddddddd1', lmisM: 'dddddddddd2', lmisQ: 'dddddddddd3' }

const pair: Pair = {
    id: 'oxytocin',
    name: 'Oxytocin ↔ Deliveries',
    commodity: { name: 'Oxytocin' },
    hmis: { items: [{ id: DE.cases, name: 'Deliveries' }], dataSet: DS.hmis },
    lmis: {
        consumption: [DE.consM, DE.consQ],
        stockOnHand: [DE.sohM, DE.sohQ],
        dataSet: [DS.lmisM, DS.lmisQ],
    },
}

const items = new Map<string, ItemInfo>([
    [DE.cases, { id: DE.cases, name: 'Deliveries', periodType: 'MONTHLY' }],
    [DE.consM, { id: DE.consM, name: 'Consumption (monthly)', periodType: 'MONTHLY' }],
    [DE.consQ, { id: DE.consQ, name: 'Consumption (quarterly)', periodType: 'QUARTERLY' }],
    [DE.sohM, { id: DE.sohM, name: 'SOH (monthly)', periodType: 'MONTHLY' }],
    [DE.sohQ, { id: DE.sohQ, name: 'SOH (quarterly)', periodType: 'QUARTERLY' }],
])
const dataSets = new Map<string, DataSetInfo>([
    [DS.hmis, { id: DS.hmis, name: 'HMIS', periodType: 'MONTHLY' }],
    [DS.lmisM, { id: DS.lmisM, name: 'LMIS monthly', periodType: 'MONTHLY' }],
    [DS.lmisQ, { id: DS.lmisQ, name: 'LMIS quarterly', periodType: 'QUARTERLY' }],
])
const labels = {
    consumption: 'Consumption',
    stockOnHand: 'Stock on hand',
    stockoutDays: 'Stockout days',
    hmisCompleteness: 'HMIS %',
    lmisCompleteness: 'LMIS %',
}

describe('the view periods', () => {
    it('asks for months and their quarters together', () => {
        const p = viewPeriods('LAST_6_MONTHS', 'monthly', '2024-07-15')
        expect(p.display).toEqual(['202401', '202402', '202403', '202404', '202405', '202406'])
        expect(p.request).toEqual([...p.display, '2024Q1', '2024Q2'])
        const q = viewPeriods('LAST_4_QUARTERS', 'quarterly', '2024-07-15')
        expect(q.display).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2'])
        expect(q.months).toHaveLength(12)
    })
})

describe('one request for all pairs', () => {
    it('lists every existing item once, with the reporting counts of the data sets', () => {
        const known = new Set([...items.keys(), ...dataSets.keys()])
        const dx = requestItems([pair, pair], known)
        expect(dx).toHaveLength(5 + 3 * 2)
        expect(dx).toContain(`${DS.lmisQ}.ACTUAL_REPORTS`)
        // A deleted item is left out of the request (it would make DHIS2 refuse it)
        expect(requestItems([pair], new Set([DE.cases]))).toEqual([DE.cases])
    })

    it('asks for every item while the metadata is unknown: the same request when all exist', () => {
        const known = new Set([...items.keys(), ...dataSets.keys()])
        expect(requestItems([pair], null)).toEqual(requestItems([pair], known))
    })
})

describe('a pair trend', () => {
    const periods = viewPeriods('LAST_6_MONTHS', 'monthly', '2024-07-15')
    const rows: [string, string, string, number][] = [
        ...periods.months.map((m, i): [string, string, string, number] => [
            DE.cases,
            m,
            'OU',
            100 + i,
        ]),
        ...periods.months.map((m): [string, string, string, number] => [DE.consM, m, 'OU', 40]),
        [DE.consQ, '2024Q1', 'OU', 180],
        [DE.consQ, '2024Q2', 'OU', 210],
        ...periods.months.map((m): [string, string, string, number] => [DE.sohM, m, 'OU', 500]),
        [DE.sohQ, '2024Q1', 'OU', 900],
        [DE.sohQ, '2024Q2', 'OU', 800],
        [`${DS.hmis}.ACTUAL_REPORTS`, '202401', 'OU', 9],
        [`${DS.hmis}.EXPECTED_REPORTS`, '202401', 'OU', 10],
        [`${DS.lmisM}.ACTUAL_REPORTS`, '202401', 'OU', 4],
        [`${DS.lmisM}.EXPECTED_REPORTS`, '202401', 'OU', 4],
        [`${DS.lmisQ}.ACTUAL_REPORTS`, '2024Q1', 'OU', 3],
        [`${DS.lmisQ}.EXPECTED_REPORTS`, '2024Q1', 'OU', 6],
    ]
    /** The trend's input on the table of `rows` (in `currentMonth`, when given) */
    const trendInput = (currentMonth?: string) => ({
        pair,
        table: table(rows),
        items,
        dataSets,
        periods,
        ou: 'OU',
        labels,
        ...(currentMonth ? { currentMonth } : {}),
    })
    const trend = buildPairTrend(trendInput())

    it('keeps HMIS values as they are', () => {
        expect(trend.hmis[0]?.points.map((p) => p.value)).toEqual([100, 101, 102, 103, 104, 105])
        expect(trend.hmis[0]?.points.every((p) => !p.estimated)).toBe(true)
    })

    it('adds monthly consumption to the quarter ÷ 3, marked as an estimate', () => {
        const jan = trend.consumption?.points[0]
        expect(jan?.value).toBe(40 + 60)
        expect(jan?.estimated).toBe(true)
        expect(trend.consumption?.points[3]?.value).toBe(40 + 70)
    })

    it('shows stock on hand only where every part is known (quarter ends), never divided', () => {
        const soh = trend.stockOnHand?.points.map((p) => p.value)
        expect(soh).toEqual([null, null, 1400, null, null, 1300])
        expect(trend.stockOnHand?.points[0]?.partial).toBe(true)
    })

    it('computes completeness from counts, combining monthly and quarterly data sets', () => {
        expect(trend.hmisCompleteness?.points[0]?.value).toBe(90)
        // (4 monthly + 3 quarterly reports) / (4 + 6 expected)
        expect(trend.lmisCompleteness?.points[0]?.value).toBe(70)
    })

    it('names items missing on the server', () => {
        const withDeleted: Pair = {
            ...pair,
            hmis: { ...pair.hmis, items: [{ id: 'zzzzzzzzzz9' }] },
        }
        const t = buildPairTrend({ ...trendInput(), pair: withDeleted })
        expect(t.missingItems).toEqual(['zzzzzzzzzz9'])
        expect(t.hmis).toEqual([])
    })

    it('leaves out an item that has no data at all for the org unit', () => {
        const onlyMonthly = rows.filter(([dx]) => dx !== DE.consQ)
        const t = buildPairTrend({ ...trendInput(), table: table(onlyMonthly) })
        expect(t.consumption?.points.map((p) => p.value)).toEqual([40, 40, 40, 40, 40, 40])
        expect(t.consumption?.points[0]?.estimated).toBe(false)
    })

    it('gives the same trend with its status computed beforehand', () => {
        const input = trendInput('202406')
        const trend = buildPairTrend(input)
        const status = { hmis: trend.hmisStatus, lmis: trend.lmisStatus }
        expect(status.lmis.some((p) => p.incomplete)).toBe(true)
        expect(buildPairTrend({ ...input, status })).toEqual(buildPairTrend(input))
        // The status given is the one used
        const none = { hmis: [], lmis: [] }
        expect(buildPairTrend({ ...input, status: none }).lmisStatus).toEqual([])
    })

    it("builds an alert scan's series only, the same as the whole trend's", () => {
        const input = trendInput('202407')
        const full = buildPairTrend(input)
        const scan = buildPairTrend({ ...input, scanSeriesOnly: true })
        expect(full.consumption).not.toBeNull()
        for (const key of ['hmis', 'consumption', 'stockOnHand', 'stockoutDays'] as const) {
            expect(scan[key]).toEqual(full[key])
        }
        expect(scan.hmisStatus).toEqual(full.hmisStatus)
        expect(scan.lmisStatus).toEqual(full.lmisStatus)
        expect(full.hmisCompleteness).not.toBeNull()
        expect([scan.losses, scan.received, scan.stockoutRate, scan.hmisCompleteness]).toEqual([
            null,
            null,
            null,
            null,
        ])
    })

    it("reads a table's values by period as it gives them, the same as value by value", () => {
        const input = trendInput('202407')
        const byPeriod = new Map<string, Map<string, Map<string, number | null>>>()
        for (const [dx, pe, ou, v] of rows) {
            const byOu = byPeriod.get(dx) ?? new Map<string, Map<string, number | null>>()
            byPeriod.set(dx, byOu)
            const values = byOu.get(ou) ?? new Map<string, number | null>()
            byOu.set(ou, values)
            values.set(pe, v)
        }
        const withMaps = {
            ...input,
            table: {
                value: (...args: Parameters<typeof input.table.value>) =>
                    input.table.value(...args),
                periodValues: (dx: string, ou: string) => byPeriod.get(dx)?.get(ou),
            },
        }
        const trend = buildPairTrend(withMaps)
        expect(trend.consumption?.points.some((p) => p.value !== null)).toBe(true)
        expect(trend).toEqual(buildPairTrend(input))
        // An item without values at the org unit: no values, as read value by value
        const elsewhere = { ...withMaps, ou: 'A' }
        expect(buildPairTrend(elsewhere)).toEqual(buildPairTrend({ ...input, ou: 'A' }))
    })
})

describe('the facilities stocked out (the stocked-out flag, summed by DHIS2)', () => {
    const flag = 'aaaaaaaaaa6'
    const flagged: Pair = {
        ...pair,
        lmis: { ...pair.lmis, stockedOut: flag, dataSet: DS.lmisM },
    }
    const flagItems = new Map(items).set(flag, {
        id: flag,
        name: 'Stocked out (0/1)',
        periodType: 'MONTHLY',
    })
    const rows: [string, string, string, number][] = [
        [flag, '202401', 'OU', 1],
        [flag, '202402', 'OU', 2],
        [flag, '202403', 'OU', 0],
        [`${DS.lmisM}.ACTUAL_REPORTS`, '202401', 'OU', 10],
        [`${DS.lmisM}.ACTUAL_REPORTS`, '202402', 'OU', 10],
        [`${DS.lmisM}.ACTUAL_REPORTS`, '202403', 'OU', 10],
    ]
    const trendOf = (selection: string, grain: 'monthly' | 'quarterly') =>
        buildPairTrend({
            pair: flagged,
            table: table(rows),
            items: flagItems,
            dataSets,
            periods: viewPeriods(selection, grain, '2024-04-15'),
            ou: 'OU',
            labels,
        })

    it('counts facilities in a month', () => {
        expect(trendOf('202401_202403', 'monthly').stockoutCounts['202402']).toEqual({
            stockedOut: 2,
            reporting: 10,
        })
    })

    it('counts monthly reports in a quarter, and says so: a facility is counted once a month', () => {
        const trend = trendOf('202401_202403', 'quarterly')
        expect(trend.stockoutCounts['2024Q1']).toEqual({
            stockedOut: 3,
            reporting: 30,
            monthlyReports: true,
        })
        expect(trend.stockoutRate?.points[0]?.value).toBe(10)
    })
})

describe('sumPoints', () => {
    it('is empty for no series and the series itself for one', () => {
        expect(sumPoints([])).toEqual([])
        const one = [
            {
                period: '202401',
                value: 1,
                estimated: false,
                partial: false,
                sourcePeriods: ['202401'],
                missingPeriods: [],
                reason: null,
            },
        ]
        expect(sumPoints([one])).toBe(one)
    })
})

describe('a drilled period', () => {
    it('gives each child its value for the clicked month, estimates marked', () => {
        const rows: [string, string, string, number][] = [
            [DE.cases, '202402', 'A', 50],
            [DE.cases, '202402', 'B', 70],
            [DE.consM, '202402', 'A', 45],
            [DE.consQ, '2024Q1', 'B', 210],
        ]
        expect(singlePeriod('202402').request).toEqual(['202402', '2024Q1'])
        const drill = buildPairDrill({
            pair,
            table: table(rows),
            items,
            dataSets,
            period: '202402',
            children: [
                { id: 'A', name: 'Region A' },
                { id: 'B', name: 'Region B <b>' },
            ],
            labels,
        })
        expect(drill.hmis.map((c) => c.value)).toEqual([50, 70])
        expect(drill.consumption).toEqual([
            { id: 'A', name: 'Region A', value: 45, estimated: false },
            { id: 'B', name: 'Region B <b>', value: 70, estimated: true },
        ])
    })
})

describe('latestCompleteness', () => {
    const aligned = (period: string, value: number | null) => ({
        period,
        value,
        estimated: false,
        partial: false,
        sourcePeriods: [period],
        missingPeriods: [],
        reason: null,
    })
    it('is the rate of the latest period the chart shows data for', () => {
        const rate = {
            id: 'lmisCompleteness',
            name: 'LMIS',
            points: [aligned('2024Q4', 95), aligned('2025Q1', 55), aligned('2025Q2', 0)],
        }
        const consumption = {
            id: 'cons',
            name: 'Consumption',
            points: [aligned('2024Q4', 10), aligned('2025Q1', 4), aligned('2025Q2', null)],
        }
        expect(latestCompleteness(rate, consumption)?.period).toBe('2025Q1')
        expect(latestCompleteness(rate, null)?.period).toBe('2025Q2')
        expect(latestCompleteness(null, consumption)).toBeNull()
    })
})

describe('the honest current period', () => {
    // Viewed on 4 December 2026: Q4 is not over; one reporting group of three is in
    const periods = viewPeriods('THIS_YEAR', 'monthly', '2026-12-04')
    const report = (ds: string, pe: string, actual: number, expected: number) =>
        [
            [`${ds}.ACTUAL_REPORTS`, pe, 'OU', actual],
            [`${ds}.EXPECTED_REPORTS`, pe, 'OU', expected],
        ] as [string, string, string, number][]
    const rows: [string, string, string, number][] = [
        ...periods.months.flatMap((m) => [
            [DE.cases, m, 'OU', 100] as [string, string, string, number],
            [DE.consM, m, 'OU', 60] as [string, string, string, number],
            ...report(DS.hmis, m, m === '202611' ? 40 : 95, 100),
            ...report(DS.lmisM, m, 38, 40),
        ]),
        ...['2026Q1', '2026Q2', '2026Q3'].flatMap((q) => [
            [DE.consQ, q, 'OU', 120] as [string, string, string, number],
            ...report(DS.lmisQ, q, 58, 60),
        ]),
        [DE.consQ, '2026Q4', 'OU', 40],
        ...report(DS.lmisQ, '2026Q4', 20, 60),
    ]
    const trend = buildPairTrend({
        pair,
        table: table(rows),
        items,
        dataSets,
        periods,
        ou: 'OU',
        labels,
        currentMonth: '202612',
    })
    it('does not draw the months of an open quarter, and says how many reports are in', () => {
        const value = (period: string) => trend.consumption?.points.find((p) => p.period === period)
        expect(value('202609')?.value).toBeCloseTo(60 + 40)
        for (const month of ['202610', '202611', '202612']) {
            expect(value(month)?.value).toBeNull()
            expect(value(month)?.reason).toBe('PERIOD_INCOMPLETE')
        }
        const october = trend.lmisStatus.find((s) => s.period === '202610')
        expect(october).toMatchObject({ open: true, incomplete: true })
        expect(october?.reports).toEqual({ actual: 38 + 20, expected: 40 + 60 })
    })
    it('does not draw a month whose reports are still arriving', () => {
        const cases = trend.hmis[0]?.points
        expect(cases?.find((p) => p.period === '202610')?.value).toBe(100)
        expect(cases?.find((p) => p.period === '202611')?.value).toBeNull()
        expect(trend.hmisStatus.find((s) => s.period === '202611')?.reports).toEqual({
            actual: 40,
            expected: 100,
        })
    })
})
