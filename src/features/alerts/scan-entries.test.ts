import type { Alert, StockoutAlert } from '../../domain/alerts'
import type { ScanAlert } from './scan-alerts'
import {
    NO_ENTRY_FILTERS,
    countEntriesByType,
    cutEntries,
    listedEntries,
    filterEntries,
    longestRun,
    scanEntries,
    sharedElsewhere,
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

describe('cutEntries', () => {
    it('keeps the highest-ranked entries of each program area and counts the rest', () => {
        const ranked = [
            { id: '1', pairId: 'a1' },
            { id: '2', pairId: 'b1' },
            { id: '3', pairId: 'a2' },
            { id: '4', pairId: 'a1' },
            { id: '5', pairId: 'b1' },
            { id: '6', pairId: 'x' },
        ]
        const areas = new Map([
            ['a1', 'A'],
            ['a2', 'A'],
            ['b1', 'B'],
        ])
        const { shown, below } = cutEntries(ranked, areas, 2)
        expect(shown.map((e) => e.id)).toEqual(['1', '2', '3', '5', '6'])
        expect(below).toEqual({ A: 1 })
        expect(cutEntries(ranked, areas).shown).toHaveLength(6)
    })
})

describe('listedEntries', () => {
    const entry = (id: string, pairId: string, level = 3) => ({
        id,
        pairId,
        pairIds: [pairId],
        level,
    })
    const areas = new Map([
        ['a1', 'A'],
        ['a2', 'A'],
        ['b1', 'B'],
    ])
    const ranked = [
        entry('1', 'a1'),
        entry('2', 'b1'),
        entry('3', 'a2', 4),
        entry('4', 'a1'),
        entry('5', 'a2', 4),
        entry('6', 'b1'),
        entry('7', 'b1'),
    ]

    it('cuts each program area to its highest-ranked entries and counts the rest', () => {
        const listed = listedEntries(ranked, NO_ENTRY_FILTERS, areas, false, 2)
        expect(listed.shown.map((e) => e.id)).toEqual(['1', '2', '3', '6'])
        expect(listed.below).toEqual({ A: 2, B: 1 })
        expect(listed.belowCount).toBe(3)
    })

    it('shows the entries below the cut when asked, still counting them', () => {
        const listed = listedEntries(ranked, NO_ENTRY_FILTERS, areas, true, 2)
        expect(listed.shown.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
        expect(listed.belowCount).toBe(3)
    })

    it('applies the filters before the cut', () => {
        const byLevel = listedEntries(ranked, { ...NO_ENTRY_FILTERS, level: 4 }, areas, false, 1)
        expect(byLevel.shown.map((e) => e.id)).toEqual(['3'])
        expect(byLevel.belowCount).toBe(1)
        const byArea = listedEntries(ranked, { ...NO_ENTRY_FILTERS, areaId: 'B' }, areas, false, 2)
        expect(byArea.shown.map((e) => e.id)).toEqual(['2', '6'])
        expect(byArea.below).toEqual({ B: 1 })
    })

    it('cuts nothing under the default of 150 per area', () => {
        const listed = listedEntries(ranked, NO_ENTRY_FILTERS, areas, false)
        expect(listed.shown).toHaveLength(7)
        expect(listed.belowCount).toBe(0)
    })
})

describe('entries shared by pairs of several program areas', () => {
    // A report shared by pairs of three areas: one entry, filed under its own (first) pair
    const entry = (id: string, pairId: string, pairIds: string[] = [pairId]) => ({
        id,
        pairId,
        pairIds,
        level: 3,
    })
    const areas = new Map([
        ['a1', 'A'],
        ['b1', 'B'],
        ['b2', 'B'],
        ['c1', 'C'],
    ])
    const ranked = [
        entry('report', 'a1', ['a1', 'b1', 'c1']),
        entry('b-1', 'b1'),
        entry('b-2', 'b2'),
        entry('c-1', 'c1'),
        entry('b-3', 'b1'),
    ]
    const inArea = (areaId: string, perArea?: number) =>
        listedEntries(ranked, { ...NO_ENTRY_FILTERS, areaId }, areas, false, perArea)

    it("lists an entry under its own pair's area only, so the areas add up to all", () => {
        expect(inArea('A').shown.map((e) => e.id)).toEqual(['report'])
        expect(inArea('B').shown.map((e) => e.id)).toEqual(['b-1', 'b-2', 'b-3'])
        expect(inArea('C').shown.map((e) => e.id)).toEqual(['c-1'])
        const all = listedEntries(ranked, NO_ENTRY_FILTERS, areas, false)
        const sum = ['A', 'B', 'C'].reduce((n, area) => n + inArea(area).shown.length, 0)
        expect(sum).toBe(all.shown.length)
    })

    it('lists at most the cut of each area, the rest counted below it, as with all areas', () => {
        const all = listedEntries(ranked, NO_ENTRY_FILTERS, areas, false, 2)
        for (const area of ['A', 'B', 'C']) {
            const listed = inArea(area, 2)
            expect(listed.shown.length).toBeLessThanOrEqual(2)
            expect(listed.shown).toEqual(all.shown.filter((e) => areas.get(e.pairId) === area))
            expect(listed.belowCount).toBe(all.below[area] ?? 0)
        }
        expect(inArea('C', 0).belowCount).toBe(1)
    })

    it("lists a pair's entries under the pair itself", () => {
        const byPair = filterEntries(ranked, { ...NO_ENTRY_FILTERS, pairId: 'b1' }, areas)
        expect(byPair.map((e) => e.id)).toEqual(['b-1', 'b-3'])
    })

    it('counts the entries of other areas or pairs that also concern the one chosen', () => {
        expect(sharedElsewhere(ranked, NO_ENTRY_FILTERS, areas)).toBe(0)
        expect(sharedElsewhere(ranked, { ...NO_ENTRY_FILTERS, areaId: 'A' }, areas)).toBe(0)
        expect(sharedElsewhere(ranked, { ...NO_ENTRY_FILTERS, areaId: 'B' }, areas)).toBe(1)
        expect(sharedElsewhere(ranked, { ...NO_ENTRY_FILTERS, pairId: 'c1' }, areas)).toBe(1)
        expect(sharedElsewhere(ranked, { ...NO_ENTRY_FILTERS, pairId: 'b2' }, areas)).toBe(0)
        expect(sharedElsewhere(ranked, { ...NO_ENTRY_FILTERS, areaId: 'B', level: 4 }, areas)).toBe(
            0
        )
    })
})
