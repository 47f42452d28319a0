import { MAX_SEASONAL_FACTOR, deseasonalized, seasonalFactor } from './seasonality'

// 36 months: a December peak of 1.3 × the usual 100
const seasonal: (number | null)[] = Array.from({ length: 36 }, (_, i) =>
    i % 12 === 11 ? 130 : 100
)

describe('seasonalFactor', () => {
    it('is last year’s month over the year before it', () => {
        expect(seasonalFactor(seasonal, 35)).toBeCloseTo(1.3)
        expect(seasonalFactor(seasonal, 30)).toBe(1)
    })
    it('needs 24 months before the tested one', () => {
        expect(seasonalFactor(seasonal, 23)).toBeNull()
        expect(seasonalFactor(seasonal.slice(0, 20), 19)).toBeNull()
    })
    it('is null when last year’s month is missing or 0', () => {
        const gap = [...seasonal]
        gap[23] = null
        expect(seasonalFactor(gap, 35)).toBeNull()
        gap[23] = 0
        expect(seasonalFactor(gap, 35)).toBeNull()
    })
    it('is kept within [1/1.5, 1.5]', () => {
        const spiky = [...seasonal]
        spiky[23] = 1000
        expect(seasonalFactor(spiky, 35)).toBe(MAX_SEASONAL_FACTOR)
        spiky[23] = 1
        expect(seasonalFactor(spiky, 35)).toBeCloseTo(1 / MAX_SEASONAL_FACTOR)
    })
})

describe('deseasonalized', () => {
    it('removes the factor from the value', () => {
        expect(deseasonalized(seasonal, 35)).toEqual({ value: 100, factor: expect.closeTo(1.3) })
        expect(deseasonalized(seasonal, 10)).toEqual({ value: 100, factor: null })
        expect(deseasonalized([null], 0)).toEqual({ value: null, factor: null })
    })
})
