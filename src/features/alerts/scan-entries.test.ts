import type { Alert, StockoutAlert } from '../../domain/alerts'
import type { ScanAlert } from './scan-alerts'
import {
    NO_ENTRY_FILTERS,
    countEntriesByType,
    filterEntries,
    longestRun,
    scanEntries,
    stockoutsByDuration,
} from './scan-entries'

const stockout = (orgUnitId: string, period: string): ScanAlert => ({
    alert: {
        id: `stockoutWithCases:p:${orgUnitId}:${period}`,
        type: 'stockoutWithCases',
        pairId: 'p',
        orgUnitId,
        period,
        severity: 4,
        magnitude: 100,
        direction: 'down',
        series: 'both',
        reason: 'noStock',
        details: {
            stockOnHand: 0,
            stockoutDays: 30,
            stockoutRate: null,
            stockoutRateMedian: null,
            cases: 10,
            casesMedian: 10,
            casesPercentOfUsual: 100,
            baselineSize: 12,
        },
    } satisfies StockoutAlert,
    pairIds: ['p'],
    level: 4,
})

const other = (type: Alert['type'], orgUnitId: string, level: number, pairId = 'p'): ScanAlert =>
    ({
        alert: {
            id: `${type}:${pairId}:${orgUnitId}`,
            type,
            pairId,
            orgUnitId,
            period: '202601',
            severity: 6,
            series: 'hmis',
        },
        pairIds: [pairId],
        level,
    }) as ScanAlert

describe('longestRun', () => {
    it('counts consecutive months', () => {
        expect(longestRun(['202511', '202512', '202601', '202603'])).toBe(3)
        expect(longestRun([])).toBe(0)
    })
})

describe('stockoutsByDuration', () => {
    it('lists stockouts per org unit × pair, longest run first', () => {
        const list = stockoutsByDuration([
            stockout('a', '202601'),
            stockout('b', '202601'),
            stockout('b', '202602'),
            stockout('b', '202603'),
            other('spike', 'c', 4),
        ])
        expect(list.map((s) => [s.orgUnitId, s.longestRun, s.lastPeriod])).toEqual([
            ['b', 3, '202603'],
            ['a', 1, '202601'],
        ])
    })
})

describe('scanEntries', () => {
    it('leaves stockouts and facility reporting gaps out of the entries', () => {
        const entries = scanEntries(
            [
                stockout('a', '202601'),
                other('completenessDrop', 'f', 4),
                other('completenessDrop', 'd', 3),
                other('spike', 'f', 4),
            ],
            { facilityLevel: 4 }
        )
        expect(entries.map((e) => [e.orgUnitId, e.reasons[0]?.alert.type])).toEqual(
            expect.arrayContaining([
                ['d', 'completenessDrop'],
                ['f', 'spike'],
            ])
        )
        expect(entries).toHaveLength(2)
    })
})

describe('filterEntries', () => {
    const entries = scanEntries([other('spike', 'a', 3, 'p1'), other('divergence', 'b', 4, 'p2')])
    const areas = new Map([
        ['p1', 'area1'],
        ['p2', 'area2'],
    ])
    it('filters by area, pair, type, level and tier', () => {
        expect(filterEntries(entries, NO_ENTRY_FILTERS, areas)).toHaveLength(2)
        expect(
            filterEntries(entries, { ...NO_ENTRY_FILTERS, areaId: 'area2' }, areas).map(
                (e) => e.orgUnitId
            )
        ).toEqual(['b'])
        expect(
            filterEntries(entries, { ...NO_ENTRY_FILTERS, type: 'spike' }, areas).map(
                (e) => e.orgUnitId
            )
        ).toEqual(['a'])
        expect(
            filterEntries(entries, { ...NO_ENTRY_FILTERS, level: 4 }, areas).map((e) => e.orgUnitId)
        ).toEqual(['b'])
        expect(filterEntries(entries, { ...NO_ENTRY_FILTERS, tier: 'outlier' }, areas)).toEqual([])
        expect(countEntriesByType(entries)).toEqual({ spike: 1, divergence: 1 })
    })
})
