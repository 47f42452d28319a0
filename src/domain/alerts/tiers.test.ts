import { EXTREME_Z, OUTLIER_Z, higherTier, tierOf } from './tiers'

describe('tierOf', () => {
    it('is outlier from 3.5 and extreme from 5, on either side', () => {
        expect(OUTLIER_Z).toBe(3.5)
        expect(EXTREME_Z).toBe(5)
        expect(tierOf(3.49)).toBeNull()
        expect(tierOf(3.5)).toBe('outlier')
        expect(tierOf(-4.9)).toBe('outlier')
        expect(tierOf(5)).toBe('extreme')
        expect(tierOf(-12)).toBe('extreme')
        expect(tierOf(Number.POSITIVE_INFINITY)).toBe('extreme')
        expect(tierOf(Number.NaN)).toBeNull()
    })
    it('follows the analyst threshold, the extreme cut-off never below it', () => {
        expect(tierOf(3, 2.5)).toBe('outlier')
        expect(tierOf(4, 6)).toBeNull()
        expect(tierOf(6, 6)).toBe('extreme')
    })
})

describe('higherTier', () => {
    it('keeps the stronger tier', () => {
        expect(higherTier(null, 'outlier')).toBe('outlier')
        expect(higherTier('outlier', 'extreme')).toBe('extreme')
        expect(higherTier(null, null)).toBeNull()
    })
})
