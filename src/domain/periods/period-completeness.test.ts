import { isPeriodOpen, markIncompletePeriods } from './period-completeness'

const p = (period: string, actual: number, expected: number, open = false) => ({
    period,
    open,
    reports: { actual, expected },
})

describe('isPeriodOpen', () => {
    it('is open until the period has ended', () => {
        expect(isPeriodOpen('202611', '202612')).toBe(false)
        expect(isPeriodOpen('202612', '202612')).toBe(true)
        expect(isPeriodOpen('2026Q4', '202612')).toBe(true)
        expect(isPeriodOpen('2026Q4', '202701')).toBe(false)
        expect(isPeriodOpen('2026Q3', '202612')).toBe(false)
    })
})

describe('markIncompletePeriods', () => {
    it('marks the open periods at the end, whatever their counts', () => {
        const out = markIncompletePeriods([p('2026Q3', 90, 100), p('2026Q4', 95, 100, true)])
        expect(out.map((x) => x.incomplete)).toEqual([false, true])
    })
    it('marks the latest periods with fewer reports than usual, and stops at a complete one', () => {
        const out = markIncompletePeriods([
            p('202606', 50, 100), // old and low: low completeness, not "not yet in"
            p('202607', 93, 100),
            p('202608', 94, 100),
            p('202609', 92, 100),
            p('202610', 60, 100),
            p('202611', 33, 100),
        ])
        expect(out.map((x) => x.incomplete)).toEqual([false, false, false, false, true, true])
    })
    it('keeps a normal latest period (within 90 % of the usual rate)', () => {
        const out = markIncompletePeriods([p('202609', 90, 100), p('202610', 82, 100)])
        // 0.82 ≥ 0.9 × 0.9 = 0.81
        expect(out[1]?.incomplete).toBe(false)
        expect(
            markIncompletePeriods([p('202609', 90, 100), p('202610', 80, 100)])[1]?.incomplete
        ).toBe(true)
    })
    it('without report counts only open periods are incomplete', () => {
        const out = markIncompletePeriods([
            { period: '202611', open: false, reports: null },
            { period: '202612', open: true, reports: null },
        ])
        expect(out.map((x) => x.incomplete)).toEqual([false, true])
    })
})
