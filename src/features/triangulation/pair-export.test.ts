import type { AlignedPoint } from '../../domain/periods'
import type { PairDrill } from './drill-model'
import { trendLabels } from './labels'
import { pairCsv } from './pair-csv'
import { drillRowOrder, measureKind, periodValues, trendColumns } from './pair-export'
import type { PairTrend } from './pair-model'

const point = (period: string, value: number | null, estimated = false): AlignedPoint => ({
    period,
    value,
    estimated,
    partial: false,
    sourcePeriods: [period],
    missingPeriods: [],
    reason: estimated ? 'QUARTER_DIVIDED_BY_3' : null,
})

const periods = [
    { id: '202401', name: 'January 2024' },
    { id: '202402', name: 'February 2024' },
]

const trend: PairTrend = {
    hmis: [{ id: 'cases', name: 'PPH cases', points: [point('202401', 12), point('202402', 15)] }],
    consumption: {
        id: 'cons',
        name: 'Consumption',
        points: [point('202401', 4920.666666666667, true), point('202402', null, true)],
    },
    stockOnHand: null,
    stockoutDays: {
        id: 'so',
        name: 'Stockout days',
        points: [point('202401', 0), point('202402', 3)],
    },
    hmisCompleteness: null,
    lmisCompleteness: {
        id: 'lmisCompleteness',
        name: 'LMIS reporting rate (%)',
        points: [point('202401', 93.58226371061843), point('202402', 55)],
    },
    losses: null,
    received: null,
    stockoutRate: null,
    stockoutCounts: {},
    hmisOnTime: null,
    lmisOnTime: null,
    hmisStatus: [],
    lmisStatus: [],
    missingItems: [],
}

const labels = {
    ...trendLabels(),
    period: 'Period',
    periodId: 'Period id',
    orgUnit: 'Org unit',
    orgUnitId: 'Org unit id',
    estimates: 'Estimated',
}

describe('a pair card as CSV', () => {
    it('writes the trend, one row per period, estimates named', () => {
        expect(trendColumns(trend).map((s) => s.id)).toEqual([
            'cases',
            'cons',
            'so',
            'lmisCompleteness',
        ])
        expect(pairCsv(trend, null, periods, labels).split('\r\n')).toEqual([
            '\uFEFFPeriod id,Period,PPH cases,Consumption,Stockout days,LMIS reporting rate (%),Estimated',
            // Rounded as shown: an estimate to one decimal, a percentage to one decimal
            '202401,January 2024,12,4920.7,0,93.6,Consumption',
            // A missing estimate is no estimate
            '202402,February 2024,15,,3,55,',
            '',
        ])
    })

    it('writes the drill-down, one row per org unit, names kept as text', () => {
        const child = (id: string, value: number | null, estimated = false) => ({
            id,
            name: id === 'a' ? '=HYPERLINK("x")' : 'Bo, district',
            value,
            estimated,
        })
        const drill: PairDrill = {
            hmis: [child('a', 4), child('b', 5)],
            hmisName: 'PPH cases',
            consumption: [child('a', 209.33333333333334, true), child('b', 11)],
            stockoutDays: [child('a', null), child('b', 0)],
            hmisCompleteness: [child('a', 100), child('b', 90)],
            lmisCompleteness: [child('a', 50), child('b', 75)],
        }
        expect(pairCsv(trend, drill, periods, labels).split('\r\n')).toEqual([
            '\uFEFFOrg unit id,Org unit,PPH cases,Consumption,Stockout days,HMIS reporting rate (%),LMIS reporting rate (%),Estimated',
            // in the order of the drilled charts: the higher service value first
            'b,"Bo, district",5,11,0,90,75,',
            `a,"'=HYPERLINK(""x"")",4,209.3,,100,50,Consumption`,
            '',
        ])
    })

    it('orders the drill-down rows as the drilled charts: service, then consumption, then name; no value last', () => {
        const child = (id: string, value: number | null) => ({
            id,
            name: id.toUpperCase(),
            value,
            estimated: false,
        })
        const drill: PairDrill = {
            hmis: [child('n', null), child('a', 3), child('c', null), child('b', 9), child('d', 3)],
            hmisName: 'PPH cases',
            consumption: [
                child('n', null),
                child('a', 1),
                child('c', 7),
                child('b', 2),
                child('d', 5),
            ],
            stockoutDays: [],
            hmisCompleteness: [],
            lmisCompleteness: [],
        }
        // b (9); d and a tie on 3: d's consumption is higher; c has consumption only; n nothing
        expect(drillRowOrder(drill).map((index) => drill.hmis[index]?.id)).toEqual([
            'b',
            'd',
            'a',
            'c',
            'n',
        ])
    })
})

describe('one period of a trend', () => {
    it('lists each measure with its kind and whether it is an estimate', () => {
        expect(periodValues(trend, 0)).toEqual([
            { id: 'cases', name: 'PPH cases', kind: 'count', value: 12, estimated: false },
            {
                id: 'cons',
                name: 'Consumption',
                kind: 'count',
                value: 4920.666666666667,
                estimated: true,
            },
            { id: 'so', name: 'Stockout days', kind: 'count', value: 0, estimated: false },
            {
                id: 'lmisCompleteness',
                name: 'LMIS reporting rate (%)',
                kind: 'percent',
                value: 93.58226371061843,
                estimated: false,
            },
        ])
        // A missing estimate is no estimate
        expect(periodValues(trend, 1)[1]).toMatchObject({ value: null, estimated: false })
        expect(measureKind('hmisCompleteness')).toBe('percent')
        expect(measureKind('cons')).toBe('count')
    })
})
