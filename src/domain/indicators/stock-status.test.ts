import { summarizeStockStatus } from './index'

describe('summarizeStockStatus (hand-computed)', () => {
    it('counts facilities, not percentages, and sums before dividing', () => {
        const summary = summarizeStockStatus([
            // AMC 10, SOH 0: stocked out
            { stockOnHand: 0, stockoutDays: 0, monthlyConsumption: [10, 10, 10] },
            // AMC 20, SOH 40: MOS 2 → under (min 3)
            { stockOnHand: 40, stockoutDays: 0, monthlyConsumption: [20, 20, 20] },
            // AMC 10, SOH 40: MOS 4 → within
            { stockOnHand: 40, stockoutDays: 0, monthlyConsumption: [10, null, 10] },
            // a quarterly report of 45 (15 per month), SOH 150: MOS 10 → over
            { stockOnHand: 150, stockoutDays: null, monthlyConsumption: [15, 15, 15] },
            // stockout days: stocked out although stock remains
            { stockOnHand: 5, stockoutDays: 3, monthlyConsumption: [30, 30, 30] },
            // did not report stock: not in the denominator, its AMC still counts for the org unit
            { stockOnHand: null, stockoutDays: null, monthlyConsumption: [6, 6, 6] },
        ])
        expect(summary.reporting).toBe(5)
        expect(summary.stockedOut).toBe(2)
        expect(summary.stockedOutPercent).toBe(40)
        expect([summary.under, summary.within, summary.over, summary.unknown]).toEqual([1, 1, 1, 0])
        expect(summary.stockOnHand).toBe(235)
        expect(summary.amc).toBe(10 + 20 + 10 + 15 + 30 + 6)
        // (0 + 40 + 40 + 150 + 5) ÷ (10 + 20 + 10 + 15 + 30)
        expect(summary.monthsOfStock).toBeCloseTo(235 / 85, 10)
    })
    it('uses the pair’s min–max and says when nothing is known', () => {
        const facility = { stockOnHand: 40, stockoutDays: 0, monthlyConsumption: [10] }
        expect(summarizeStockStatus([facility], { min: 1, max: 2 }).over).toBe(1)
        expect(summarizeStockStatus([{ ...facility, monthlyConsumption: [null] }]).unknown).toBe(1)
        const empty = summarizeStockStatus([])
        expect(empty.stockedOutPercent).toBeNull()
        expect(empty.monthsOfStock).toBeNull()
    })
})
