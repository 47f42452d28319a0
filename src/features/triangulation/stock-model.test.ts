import { analyticsHeader } from '../../api/analytics/test-headers'
import { parseAnalyticsResponse } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import type { ItemInfo, PairTrend, SeriesData } from './pair-model'
import {
    STOCK_ROW_BUDGET,
    expectedFacilities,
    facilityStock,
    pairStockFigures,
    stockItems,
    stockRowsPerFacility,
    stockStatusPeriods,
    stockStatusRequest,
    stockStatusScope,
} from './stock-model'
import drilledDistrict from './fixtures/stock-status-drilled-district.json'

const table = (rows: [string, string, string, number][], ous: string[]) =>
    parseAnalyticsResponse({
        headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
        metaData: { items: {}, dimensions: { dx: [], pe: [], ou: ous, co: [] } },
        rows: rows.map(([dx, pe, ou, v]) => [dx, pe, ou, String(v)]),
        headerWidth: 4,
        width: 4,
        height: rows.length,
    })

const DE = {
    sohM: 'aaaaaaaaaa1',
    sohQ: 'aaaaaaaaaa2',
    daysM: 'aaaaaaaaaa3',
    daysQ: 'aaaaaaaaaa4',
    consM: 'aaaaaaaaaa5',
    consQ: 'aaaaaaaaaa6',
    flagM: 'aaaaaaaaaa7',
}
const pair: Pair = {
    id: 'oxytocin',
    name: 'Oxytocin',
    commodity: { name: 'Oxytocin' },
    hmis: { items: [{ id: 'bbbbbbbbbb1' }] },
    lmis: {
        stockOnHand: [DE.sohM, DE.sohQ],
        stockoutDays: [DE.daysM, DE.daysQ],
        consumption: [DE.consM, DE.consQ],
    },
    thresholds: { monthsOfStock: [2, 4] },
}
const info = (id: string, periodType: 'MONTHLY' | 'QUARTERLY'): [string, ItemInfo] => [
    id,
    { id, name: id, periodType },
]
const items = new Map<string, ItemInfo>([
    info(DE.sohM, 'MONTHLY'),
    info(DE.sohQ, 'QUARTERLY'),
    info(DE.daysM, 'MONTHLY'),
    info(DE.daysQ, 'QUARTERLY'),
    info(DE.consM, 'MONTHLY'),
    info(DE.consQ, 'QUARTERLY'),
    info(DE.flagM, 'MONTHLY'),
])
const emptyTrend = (): PairTrend => ({
    hmis: [],
    consumption: null,
    stockOnHand: null,
    stockoutDays: null,
    losses: null,
    received: null,
    stockoutRate: null,
    stockoutCounts: {},
    hmisCompleteness: null,
    lmisCompleteness: null,
    hmisOnTime: null,
    lmisOnTime: null,
    hmisStatus: [],
    lmisStatus: [],
    missingItems: [],
})

describe('the stock status request', () => {
    it('asks the AMC months and their quarter, at facility level, with LAST_IN_PERIOD', () => {
        expect(stockStatusPeriods('monthly', '202609')).toEqual({
            months: ['202607', '202608', '202609'],
            quarter: '2026Q3',
            last: '202609',
        })
        const query = stockStatusRequest({
            pairs: [pair],
            known: new Set(Object.values(DE)),
            ou: { id: 'OU', level: 1 },
            facilityLevel: 4,
            grain: 'monthly',
            period: '202609',
        })
        expect(query?.params.dimension).toContain('pe:202607;202608;202609;2026Q3')
        expect(query?.params.dimension).toContain('ou:OU;LEVEL-4')
        expect(query?.params.aggregationType).toBe('LAST_IN_PERIOD')
    })
    it('leaves stockout days out when the stocked-out flag is mapped', () => {
        const flagged = { ...pair, lmis: { ...pair.lmis, stockedOut: DE.flagM } }
        expect(stockItems([flagged], new Set(Object.values(DE)))).not.toContain(DE.daysM)
        expect(stockItems([pair], new Set(Object.values(DE)))).toContain(DE.daysM)
    })
})

describe('facility stock and the figures (hand-computed)', () => {
    // F1 monthly: SOH 30 in Sep, consumption 10, 20, 30 → AMC 20, MOS 1.5 → under (min 2)
    // F2 quarterly: SOH 90 in Q3, consumption 90 in Q3 → AMC 30, MOS 3 → within
    // F3 monthly: SOH 0 → stocked out
    // F4 no report in Sep (its August count must not be used)
    const t = table(
        [
            [DE.sohM, '202609', 'F1', 30],
            [DE.consM, '202607', 'F1', 10],
            [DE.consM, '202608', 'F1', 20],
            [DE.consM, '202609', 'F1', 30],
            [DE.sohQ, '2026Q3', 'F2', 90],
            [DE.consQ, '2026Q3', 'F2', 90],
            [DE.sohM, '202609', 'F3', 0],
            [DE.consM, '202609', 'F3', 12],
            [DE.sohM, '202608', 'F4', 50],
        ],
        ['F1', 'F2', 'F3', 'F4']
    )
    it('reads each facility’s items at their own period type', () => {
        expect(facilityStock(pair, t, items, 'monthly', '202609', 'F2')).toEqual({
            stockOnHand: 90,
            stockoutDays: null,
            monthlyConsumption: [30, 30, 30],
        })
        expect(facilityStock(pair, t, items, 'monthly', '202609', 'F4').stockOnHand).toBeNull()
    })
    it('counts facilities and sums before dividing', () => {
        const figures = pairStockFigures({
            pair,
            trend: emptyTrend(),
            table: t,
            items,
            grain: 'monthly',
            period: '202609',
        })
        expect(figures.summary).toMatchObject({
            reporting: 3,
            stockedOut: 1,
            under: 1,
            within: 1,
            over: 0,
        })
        expect(figures.summary?.stockedOutPercent).toBeCloseTo(100 / 3)
        // (30 + 90 + 0) ÷ (20 + 30 + 12)
        expect(figures.summary?.monthsOfStock).toBeCloseTo(120 / 62)
    })
    it('takes the stocked-out count from the server-side flag when mapped', () => {
        const flagged = { ...pair, lmis: { ...pair.lmis, stockedOut: DE.flagM } }
        const figures = pairStockFigures({
            pair: flagged,
            trend: {
                ...emptyTrend(),
                stockoutCounts: { '202609': { stockedOut: 2, reporting: 8 } },
            },
            table: t,
            items,
            grain: 'monthly',
            period: '202609',
        })
        expect(figures.summary?.stockedOutPercent).toBe(25)
        expect(figures.summary?.reporting).toBe(8)
        expect(figures.stockedOutOfReports).toBe(false)
    })
    it('says when the flag counts monthly reports over a quarter, not facilities', () => {
        const flagged = { ...pair, lmis: { ...pair.lmis, stockedOut: DE.flagM } }
        const figures = pairStockFigures({
            pair: flagged,
            trend: {
                ...emptyTrend(),
                stockoutCounts: {
                    '2026Q3': { stockedOut: 6, reporting: 24, monthlyReports: true },
                },
            },
            table: t,
            items,
            grain: 'quarterly',
            period: '2026Q3',
        })
        expect(figures.summary?.stockedOutPercent).toBe(25)
        expect(figures.stockedOutOfReports).toBe(true)
    })
})

describe('the stock status of many facilities', () => {
    const flagged = { ...pair, lmis: { ...pair.lmis, stockedOut: DE.flagM } }
    const known = new Set(Object.values(DE))
    const scopeOf = (facilities: number | null, pairs: Pair[] = [flagged]) =>
        stockStatusScope({ pairs, known, items, grain: 'monthly', period: '202609', facilities })

    it('counts the rows a facility can give: a monthly item at 3 months and the quarter', () => {
        // flagged: SOH and consumption, monthly and quarterly → 2 monthly items × 4 periods
        expect(stockRowsPerFacility(stockItems([flagged], known), items, 'monthly', '202609')).toBe(
            8
        )
        // quarterly grain: the quarter's 3 months and the quarter
        expect(stockRowsPerFacility([DE.sohM], items, 'quarterly', '2026Q3')).toBe(4)
        expect(stockRowsPerFacility([DE.sohQ], items, 'monthly', '202609')).toBe(1)
    })

    it('reads facilities one by one within the row budget, else the org unit’s totals', () => {
        expect(scopeOf(null)).toBe('facilities')
        expect(scopeOf(STOCK_ROW_BUDGET / 8)).toBe('facilities')
        expect(scopeOf(STOCK_ROW_BUDGET / 8 + 1)).toBe('orgUnit')
        // 6,000 facilities, a pair without its flag too (stockout days asked): 12 rows each
        expect(scopeOf(6000, [flagged, pair])).toBe('orgUnit')
        const forty = Array.from({ length: 40 }, (_, i) => ({ ...flagged, id: `pair-${i}` }))
        const query = stockStatusRequest({
            pairs: forty,
            known,
            ou: { id: 'OU', level: 1 },
            facilityLevel: 4,
            grain: 'monthly',
            period: '202609',
            scope: 'orgUnit',
        })
        expect(query?.params.dimension).toContain('ou:OU')
        expect(query?.params.dimension).not.toContain('ou:OU;LEVEL-4')
    })

    it('takes the facilities expected from the trends’ LMIS report tallies', () => {
        const status = (expected: number) => ({
            ...emptyTrend(),
            lmisStatus: [
                {
                    period: '202609',
                    open: false,
                    incomplete: false,
                    reports: { actual: expected - 1, expected },
                },
            ],
        })
        expect(expectedFacilities([status(120), status(300)], '202609')).toBe(300)
        expect(expectedFacilities([status(120)], '202610')).toBeNull()
    })

    it('gives months of stock and AMC from the totals, stocked out from the flag, no min–max counts', () => {
        // The org unit's own rows: Σ SOH 120, Σ consumption by month 22, 20, 42 and 90 a quarter
        const totals = table(
            [
                [DE.sohM, '202609', 'OU', 30],
                [DE.sohQ, '2026Q3', 'OU', 90],
                [DE.consM, '202607', 'OU', 10],
                [DE.consM, '202608', 'OU', 20],
                [DE.consM, '202609', 'OU', 42],
                [DE.consQ, '2026Q3', 'OU', 90],
            ],
            ['OU']
        )
        const figures = pairStockFigures({
            pair: flagged,
            trend: {
                ...emptyTrend(),
                stockoutCounts: { '202609': { stockedOut: 30, reporting: 600 } },
            },
            table: totals,
            items,
            grain: 'monthly',
            period: '202609',
            scope: 'orgUnit',
        })
        expect(figures.scope).toBe('orgUnit')
        // AMC: (10 + 20 + 42) ÷ 3 + 90 ÷ 3 = 54; MOS 120 ÷ 54
        expect(figures.summary?.amc).toBeCloseTo(54)
        expect(figures.summary?.monthsOfStock).toBeCloseTo(120 / 54)
        expect(figures.summary).toMatchObject({
            stockedOut: 30,
            reporting: 600,
            under: 0,
            within: 0,
            over: 0,
        })
        expect(figures.summary?.stockedOutPercent).toBe(5)
        // Without a flag, nobody was counted
        const unflagged = pairStockFigures({
            pair,
            trend: emptyTrend(),
            table: totals,
            items,
            grain: 'monthly',
            period: '202609',
            scope: 'orgUnit',
        })
        expect(unflagged.summary?.stockedOutPercent).toBeNull()
    })
})

describe('the stock status of a drilled org unit below the trend’s', () => {
    // The demo's Misoprostol ↔ PPH cases pair, trend of Kigoma Kusini Region (its stocked-out flag
    // summed: 13 of 143 LMIS reports), drilled at August 2026 to Mvomero District (31 facilities).
    // `drilledDistrict` is the demo's answer to the app's facility-level request of the district,
    // flags asked facility by facility: 30 facilities reported, 2 with the flag at 1.
    const ID = {
        sohM: 'oV4F1dYfBLP',
        sohQ: 'HpB6yexeQdY',
        daysM: 'UtY69aoVn9A',
        daysQ: 'b4NlMGffJo1',
        consM: 'fMl5DBCGgUz',
        consQ: 'SfV01wAUhnP',
        flagM: 'g6zDife8FO7',
        flagQ: 'mvzr5qlaPbY',
    }
    const miso: Pair = {
        id: 'misoprostol-pph',
        name: 'Misoprostol ↔ PPH cases',
        commodity: { name: 'Misoprostol 200 mcg' },
        hmis: { items: [{ id: 'bbbbbbbbbb1' }] },
        lmis: {
            stockOnHand: [ID.sohM, ID.sohQ],
            stockoutDays: [ID.daysM, ID.daysQ],
            consumption: [ID.consM, ID.consQ],
            stockedOut: [ID.flagM, ID.flagQ],
        },
    }
    const known = new Map<string, ItemInfo>(
        Object.entries(ID).map(([key, id]) => info(id, key.endsWith('Q') ? 'QUARTERLY' : 'MONTHLY'))
    )
    const regionTrend: PairTrend = {
        ...emptyTrend(),
        stockoutCounts: { '202608': { stockedOut: 13, reporting: 143 } },
    }
    const facilitiesOfDistrict = drilledDistrict.metaData.dimensions.ou.length

    it('asks each facility’s stocked-out flag in place of its stockout days', () => {
        const query = stockStatusRequest({
            pairs: [miso],
            known: new Set(known.keys()),
            ou: { id: 'cmcHtfPFKGl', level: 3 },
            facilityLevel: 4,
            grain: 'monthly',
            period: '202608',
            flags: true,
        })
        const dx =
            String(query?.params.dimension)
                .match(/dx:([^,]*)/)?.[1]
                ?.split(';') ?? []
        expect(dx).toEqual(expect.arrayContaining([ID.flagM, ID.flagQ, ID.sohM, ID.consQ]))
        expect(dx).not.toContain(ID.daysM)
    })

    it('counts the district’s own facilities, never the region’s reports', () => {
        const figures = pairStockFigures({
            pair: miso,
            trend: regionTrend,
            table: parseAnalyticsResponse(drilledDistrict),
            items: known,
            grain: 'monthly',
            period: '202608',
            ou: 'cmcHtfPFKGl',
            trendOu: 'roehPCo0v0g',
        })
        const summary = figures.summary
        expect(facilitiesOfDistrict).toBe(31)
        expect(summary).toMatchObject({ stockedOut: 2, reporting: 30 })
        expect(summary?.reporting).toBeLessThanOrEqual(facilitiesOfDistrict)
        // Every reporting facility is in exactly one of the strip's counts
        expect(
            (summary?.stockedOut ?? 0) +
                (summary?.under ?? 0) +
                (summary?.within ?? 0) +
                (summary?.over ?? 0) +
                (summary?.unknown ?? 0)
        ).toBe(summary?.reporting)
        expect(figures.stockedOutOfReports).toBe(false)
        // The trend's own org unit keeps the server's counts of the flag summed
        const region = pairStockFigures({
            pair: miso,
            trend: regionTrend,
            table: parseAnalyticsResponse(drilledDistrict),
            items: known,
            grain: 'monthly',
            period: '202608',
            ou: 'roehPCo0v0g',
            trendOu: 'roehPCo0v0g',
        })
        expect(region.summary).toMatchObject({ stockedOut: 13, reporting: 143 })
    })

    it('gives none of the trend’s figures of the period as the drilled org unit’s', () => {
        // The region's trend: its losses, receipts, reports on time, consumption and cases
        const series = (value: number): SeriesData => ({
            id: 'x',
            name: 'x',
            points: [
                {
                    period: '202608',
                    value,
                    estimated: false,
                    partial: false,
                    sourcePeriods: ['202608'],
                    missingPeriods: [],
                    reason: null,
                },
            ],
        })
        const trend: PairTrend = {
            ...regionTrend,
            hmis: [series(400)],
            consumption: series(500),
            losses: series(694.7),
            received: series(35187),
            hmisOnTime: series(80.8),
            lmisOnTime: series(83.9),
        }
        const withRatio: Pair = { ...miso, ratio: { expectedLow: 0.8, expectedHigh: 1.5 } }
        const figuresOf = (ou: string) =>
            pairStockFigures({
                pair: withRatio,
                trend,
                table: parseAnalyticsResponse(drilledDistrict),
                items: known,
                grain: 'monthly',
                period: '202608',
                ou,
                trendOu: 'roehPCo0v0g',
            })
        const district = figuresOf('cmcHtfPFKGl')
        expect(district).toMatchObject({
            drilled: true,
            losses: null,
            received: null,
            hmisOnTime: null,
            lmisOnTime: null,
            ratio: null,
        })
        // its own stock status is still given
        expect(district.summary).toMatchObject({ stockedOut: 2, reporting: 30 })
        // the trend's own org unit has them
        const region = figuresOf('roehPCo0v0g')
        expect(region).toMatchObject({
            drilled: false,
            losses: 694.7,
            received: 35187,
            hmisOnTime: 80.8,
            lmisOnTime: 83.9,
        })
        expect(region.ratio?.value).toBeCloseTo(1.25)
    })

    it('does not count a drilled org unit read from its totals', () => {
        const figures = pairStockFigures({
            pair: miso,
            trend: regionTrend,
            table: table([[ID.sohQ, '2026Q3', 'cmcHtfPFKGl', 4000]], ['cmcHtfPFKGl']),
            items: known,
            grain: 'monthly',
            period: '202608',
            scope: 'orgUnit',
            ou: 'cmcHtfPFKGl',
            trendOu: 'roehPCo0v0g',
        })
        expect(figures.summary?.stockedOutPercent).toBeNull()
        expect(figures.summary?.reporting).toBe(0)
    })
})
