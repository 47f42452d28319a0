import { aggregateStockoutRate, countStockouts, stockoutRate, sumStockoutCounts } from './index'

describe('stockoutRate', () => {
    it('divides facilities stocked out by facilities reporting', () => {
        expect(stockoutRate({ stockedOut: 3, reporting: 12 })).toBe(25)
        expect(stockoutRate({ stockedOut: 0, reporting: 12 })).toBe(0)
        expect(stockoutRate({ stockedOut: 12, reporting: 12 })).toBe(100)
    })

    it('gives null when nobody reported or counts are inconsistent', () => {
        expect(stockoutRate({ stockedOut: 0, reporting: 0 })).toBeNull()
        expect(stockoutRate({ stockedOut: 5, reporting: 4 })).toBeNull()
        expect(stockoutRate({ stockedOut: -1, reporting: 4 })).toBeNull()
        expect(stockoutRate({ stockedOut: Number.NaN, reporting: 4 })).toBeNull()
    })

    it('aggregates from counts, not by averaging percentages', () => {
        const small = { stockedOut: 5, reporting: 5 } // 100 %
        const large = { stockedOut: 0, reporting: 195 } // 0 %
        expect(sumStockoutCounts([small, large])).toEqual({ stockedOut: 5, reporting: 200 })
        expect(aggregateStockoutRate([small, large])).toBe(2.5) // not (100 + 0) / 2 = 50
        expect(aggregateStockoutRate([])).toBeNull()
    })
})

describe('countStockouts', () => {
    it('counts a zero closing stock or stockout days as a stockout', () => {
        expect(
            countStockouts([
                { stockOnHand: 0 },
                { stockOnHand: 10, stockoutDays: 3 },
                { stockOnHand: 10, stockoutDays: 0 },
                { stockOnHand: 25 },
            ])
        ).toEqual({ stockedOut: 2, reporting: 4 })
    })

    it('does not count missing values as zeros or as reports', () => {
        expect(
            countStockouts([
                { stockOnHand: null },
                { stockOnHand: null, stockoutDays: null },
                { stockOnHand: 4 },
            ])
        ).toEqual({ stockedOut: 0, reporting: 1 })
    })

    it('uses the reported flag when given, and the zeroIsSignificant option', () => {
        const reports = [
            { stockOnHand: null, reported: true },
            { stockOnHand: 3, reported: false },
            { stockOnHand: 3, reported: true },
        ]
        expect(countStockouts(reports)).toEqual({ stockedOut: 0, reporting: 2 })
        expect(countStockouts(reports, { missingStockOnHandIsZeroWhenReported: true })).toEqual({
            stockedOut: 1,
            reporting: 2,
        })
        expect(countStockouts([])).toEqual({ stockedOut: 0, reporting: 0 })
    })
})
