import { MIN_REPEATED_RUN, detectRepeatedValues, findRepeatedRun } from './repeated'

const months = Array.from({ length: 18 }, (_, i) => {
    const m = 5 + i
    return `${2025 + Math.floor((m - 1) / 12)}${String(((m - 1) % 12) + 1).padStart(2, '0')}`
})
// A facility's deliveries: about 30, varying
const usual = [28, 35, 31, 24, 33, 29, 38, 27, 30, 34]

describe('findRepeatedRun', () => {
    it('finds the same value month after month at the end of the series', () => {
        const values = [...usual, 31, 31, 31, 31, 31, 31, 31, 31]
        const run = findRepeatedRun(values, 6)
        expect(run).toMatchObject({ value: 31, length: 8, start: 10, index: 17 })
        // p₀ of a count near 30 is about 1/√(2π·30) ≈ 0.073: seven repeats ≈ 1e-8
        expect(run?.p).toBeLessThan(1e-7)
        expect(run?.z).toBeGreaterThan(5)
    })
    it('scores a short run far lower than a long one', () => {
        const short = findRepeatedRun([...usual, 30, 33, 29, 31, 31, 31, 31, 25], 6)
        expect(short?.length).toBe(MIN_REPEATED_RUN)
        expect(short?.z).toBeLessThan(4)
    })
    it('leaves out zeros, small counts, runs before the tested months and flat series', () => {
        expect(findRepeatedRun([...usual, 0, 0, 0, 0, 0, 0, 0, 0], 6)).toBeNull()
        expect(findRepeatedRun([3, 5, 2, 4, 6, 3, 2, 2, 2, 2, 2, 2], 6)).toBeNull()
        expect(findRepeatedRun([...usual, 31, 31, 31, 31, 30, 33, 29, 35], 3)).toBeNull()
        expect(
            findRepeatedRun(
                Array.from({ length: 18 }, () => 12),
                6
            )
        ).toBeNull()
        expect(findRepeatedRun([...usual, 31, 31, 31], 6)).toBeNull()
    })
    it('does not join values across a missing month', () => {
        expect(findRepeatedRun([...usual, 31, 31, null, 31, 31, 31], 6)).toBeNull()
    })
})

describe('detectRepeatedValues', () => {
    const input = {
        pairId: 'p1',
        orgUnitId: 'f1',
        periods: months,
        testLast: 6,
        series: 'hmis' as const,
        zScore: 3.5,
    }
    it('gives one outlier of method REPEATED at the run’s last month, with its months', () => {
        const [alert, ...rest] = detectRepeatedValues({
            ...input,
            values: [...usual, 31, 31, 31, 31, 31, 31, 31, 31],
        })
        expect(rest).toEqual([])
        expect(alert).toMatchObject({
            type: 'spike',
            method: 'REPEATED',
            period: months[17],
            series: 'hmis',
            measure: null,
            details: { value: 31, median: 30.5 },
        })
        expect(alert?.details.repeatedPeriods).toEqual(months.slice(10))
        expect(alert?.severity).toBeGreaterThan(5)
    })
    it('is a collapse when the value is below the usual, and nothing below the cut-off', () => {
        const [low] = detectRepeatedValues({
            ...input,
            values: [...usual, 20, 20, 20, 20, 20, 20, 20, 20],
        })
        expect(low?.type).toBe('collapse')
        expect(
            detectRepeatedValues({
                ...input,
                values: [...usual, 30, 33, 29, 31, 31, 31, 31, 25],
            })
        ).toEqual([])
    })
})
