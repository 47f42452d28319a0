import { countScore, countTail, logGamma, normalQuantile } from './low-counts'

describe('logGamma', () => {
    it('matches factorials', () => {
        expect(logGamma(1)).toBeCloseTo(0, 10)
        expect(logGamma(5)).toBeCloseTo(Math.log(24), 10)
        expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10)
    })
})

describe('countTail', () => {
    it('gives exact Poisson tails', () => {
        // P(X ≥ 1 | 2) = 1 − e⁻²
        expect(countTail(1, 2, true)).toBeCloseTo(1 - Math.exp(-2), 12)
        // P(X ≤ 0 | 2) = e⁻²
        expect(countTail(0, 2, false)).toBeCloseTo(Math.exp(-2), 12)
        // P(X ≥ 10 | 2.5) = 1 − Σ₀⁹ e^−2.5 2.5^k / k! = 2.7735 × 10⁻⁴
        expect(countTail(10, 2.5, true)).toBeCloseTo(2.77352e-4, 9)
    })
    it('keeps tiny tails precise', () => {
        const p = countTail(40, 2.5, true)
        expect(p).toBeGreaterThan(0)
        expect(p).toBeLessThan(1e-25)
    })
    it('has heavier tails for a negative binomial of the same mean', () => {
        expect(countTail(10, 2.5, true, 2)).toBeGreaterThan(countTail(10, 2.5, true))
    })
})

describe('normalQuantile', () => {
    it('inverts the normal distribution', () => {
        expect(normalQuantile(0.5)).toBeCloseTo(0, 9)
        expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5)
        expect(normalQuantile(2.326e-4)).toBeCloseTo(-3.5, 2)
        expect(normalQuantile(2.87e-7)).toBeCloseTo(-5, 2)
    })
})

describe('countScore', () => {
    it('judges a small count by its tail probability, as an equivalent z', () => {
        // Female condoms: a median of 2.5 clients; 9 is not extreme for such a series
        const baseline = [2, 3, 2, 4, 1, 3, 2, 3, 2, 3, 4, 2]
        const nine = countScore(9, baseline)
        expect(nine?.method).toBe('POISSON')
        expect(nine?.z).toBeGreaterThan(2.5)
        expect(nine?.z).toBeLessThan(5)
        // ×10 is
        expect(countScore(25, baseline)?.z).toBeGreaterThan(5)
        // A fall to 0 of a mean of 2.6 is chance
        expect(Math.abs(countScore(0, baseline)?.z ?? 9)).toBeLessThan(3.5)
    })
    it('uses a negative binomial when the baseline varies more than Poisson', () => {
        const baseline = [0, 8, 1, 9, 0, 7, 2, 10, 1, 6]
        const score = countScore(18, baseline)
        expect(score?.method).toBe('NEG_BINOMIAL')
        expect(score?.z).toBeLessThan(countScore(18, [4, 5, 4, 5, 4, 5, 4, 5, 4, 5])?.z ?? 0)
    })
    it('leaves out the highest and lowest baseline values (an earlier error)', () => {
        const clean = countScore(30, [3, 3, 4, 3, 3, 4])
        const withError = countScore(30, [3, 3, 4, 3, 40, 4])
        expect(withError?.z).toBeCloseTo(clean?.z ?? 0, 0)
    })
    it('has no score for an empty or all-zero baseline', () => {
        expect(countScore(3, [])).toBeNull()
        expect(countScore(3, [0, 0, 0, 0])).toBeNull()
    })
})
