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

const header = (name: string) => ({
    name,
    column: name,
    valueType: name === 'value' ? 'NUMBER' : 'TEXT',
    type: name === 'value' ? 'java.lang.Double' : 'java.lang.String',
    hidden: false,
    meta: name !== 'value',
})

const table = (rows: [string, string, string, number][]) =>
    parseAnalyticsResponse({
        headers: ['dx', 'pe', 'ou', 'value'].map(header),
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
    const trend = buildPairTrend({
        pair,
        table: table(rows),
        items,
        dataSets,
        periods,
        ou: 'OU',
        labels,
    })

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
        const t = buildPairTrend({
            pair: withDeleted,
            table: table(rows),
            items,
            dataSets,
            periods,
            ou: 'OU',
            labels,
        })
        expect(t.missingItems).toEqual(['zzzzzzzzzz9'])
        expect(t.hmis).toEqual([])
    })

    it('leaves out an item that has no data at all for the org unit', () => {
        const onlyMonthly = rows.filter(([dx]) => dx !== DE.consQ)
        const t = buildPairTrend({
            pair,
            table: table(onlyMonthly),
            items,
            dataSets,
            periods,
            ou: 'OU',
            labels,
        })
        expect(t.consumption?.points.map((p) => p.value)).toEqual([40, 40, 40, 40, 40, 40])
        expect(t.consumption?.points[0]?.estimated).toBe(false)
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
