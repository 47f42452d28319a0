import {
    binomialTail,
    countDispersion,
    countLogLikelihood,
    countScore,
    countTail,
    logGamma,
    missingReportsZ,
    normalCdf,
    normalQuantile,
    trimmedVarianceFactor,
} from './low-counts'

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

describe('countScore with the cut-off (a scan scores every cell)', () => {
    it('gives the same verdict as the exact tail: below the cut-off within (minZ − 1) sd', () => {
        let checked = 0
        for (const minZ of [2.5, 3.5, 5]) {
            for (const mean of [0.5, 1, 2, 3.5, 6, 10, 15, 19]) {
                for (const spread of [0, 0.5, 1, 2, 4]) {
                    // a baseline of 12 months with that mean and about that overdispersion
                    const baseline = Array.from({ length: 12 }, (_, i) =>
                        Math.max(0, Math.round(mean + (i % 2 ? 1 : -1) * spread * Math.sqrt(mean)))
                    )
                    for (let value = 0; value <= 3 * mean + 30; value++) {
                        const exact = countScore(value, baseline)
                        const fast = countScore(value, baseline, minZ)
                        if (!exact || !fast) {
                            expect(fast).toEqual(exact)
                            continue
                        }
                        expect(Math.abs(fast.z) >= minZ).toBe(Math.abs(exact.z) >= minZ)
                        if (Math.abs(exact.z) >= minZ) expect(fast.z).toBe(exact.z)
                        checked += 1
                    }
                }
            }
        }
        expect(checked).toBeGreaterThan(1000)
    })
})

describe('countScore with the cut-off: the lower tail of an over-dispersed count at 0', () => {
    // Median 19.5 (judged as counts), trimmed mean 22.7, variance 113.6: a negative binomial of
    // size 5.7. A month of 0 is 2.1 standard deviations below the mean, but a count this
    // dispersed is almost never 0: P(X = 0) = (size / (size + mean))^size ≈ 1.1 × 10⁻⁴
    const baseline = [8, 12, 15, 17, 18, 19, 20, 28, 30, 33, 35, 40]
    const moments = countDispersion(baseline)
    const mean = moments?.mean ?? 0
    const size = (mean * mean) / ((moments?.variance ?? 0) - mean)
    // The slow way: the lower tail at 0 is the one term P(X = 0), its z the normal quantile
    const exactZ = normalQuantile((size / (size + mean)) ** size)

    it('is a case the shortcut’s first condition lets through (within 2.5 sd of the mean)', () => {
        expect(mean).toBeCloseTo(22.7, 6)
        expect((0 - mean) / Math.sqrt(moments?.variance ?? 0)).toBeGreaterThan(-2.5)
        expect(exactZ).toBeLessThan(-3.6)
        expect(exactZ).toBeGreaterThan(-3.8)
    })
    it('is scored beyond the cut-off 3.5, as the exact tail scores it', () => {
        const fast = countScore(0, baseline, 3.5)
        expect(fast?.z).toBeCloseTo(exactZ, 6)
        expect(fast?.z).toBeLessThan(-3.5)
        expect(fast).toEqual(countScore(0, baseline))
    })
    it('is below the cut-off 5 either way', () => {
        expect(Math.abs(countScore(0, baseline, 5)?.z ?? 9)).toBeLessThan(5)
    })
})

describe('countScore with the cut-off: the same verdict as the exact tail, dispersed counts', () => {
    it('agrees for both tails, means up to 30, dispersion up to ×12 and units in courses', () => {
        let checked = 0
        let lowerBeyond = 0
        for (const minZ of [2.5, 3.5, 5]) {
            for (const mean of [0.5, 2, 5, 10, 15, 19, 22, 26, 30]) {
                for (const dispersion of [1, 1.5, 2, 3, 4, 5, 6, 8, 12]) {
                    for (const units of [1, 5]) {
                        // 12 months with that mean and about that variance (mean × dispersion)
                        const half = Math.sqrt(mean * dispersion * 0.7)
                        const baseline = Array.from({ length: 12 }, (_, i) =>
                            Math.max(0, Math.round(mean + ((i % 4) - 1.5) * half * 0.8))
                        )
                        for (let value = 0; value <= 3 * mean + 40; value++) {
                            const exact = countScore(value, baseline, undefined, units)
                            const fast = countScore(value, baseline, minZ, units)
                            if (!exact || !fast) {
                                expect(fast).toEqual(exact)
                                continue
                            }
                            expect(Math.abs(fast.z) > minZ).toBe(Math.abs(exact.z) > minZ)
                            if (Math.abs(exact.z) > minZ) expect(fast.z).toBe(exact.z)
                            if (exact.z < -minZ) lowerBeyond += 1
                            checked += 1
                        }
                    }
                }
            }
        }
        expect(checked).toBeGreaterThan(10_000)
        // the lower tail beyond the cut-off is reached, not only the upper
        expect(lowerBeyond).toBeGreaterThan(50)
    })
})

describe('normalCdf', () => {
    it('matches known values', () => {
        expect(normalCdf(0)).toBeCloseTo(0.5, 6)
        expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6)
        expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6)
    })
})

describe('trimmedVarianceFactor and countDispersion', () => {
    it('scales the variance of a trimmed normal sample back (Monte Carlo table)', () => {
        expect(trimmedVarianceFactor(12)).toBeCloseTo(0.575, 3)
        expect(trimmedVarianceFactor(6)).toBeCloseTo(0.406, 3)
        // beyond the table: its last value
        expect(trimmedVarianceFactor(60)).toBe(trimmedVarianceFactor(36))
        // the factor grows towards 1 with the sample
        expect(trimmedVarianceFactor(24)).toBeGreaterThan(trimmedVarianceFactor(12))
    })
    it('is consistent: the mean variance of trimmed normal samples matches σ²', () => {
        // a deterministic stand-in for normal draws: the normal quantiles of a shuffled grid
        let seed = 1
        const random = () => {
            seed = (seed * 48271) % 2147483647
            return seed / 2147483647
        }
        let sum = 0
        const runs = 4000
        for (let r = 0; r < runs; r++) {
            const sample = Array.from({ length: 12 }, () => 100 + 10 * normalQuantile(random()))
            sum += countDispersion(sample)?.variance ?? 0
        }
        expect(sum / runs / 100).toBeGreaterThan(0.93)
        expect(sum / runs / 100).toBeLessThan(1.07)
    })
    it('gives the quasi-Poisson dispersion with the floor at Poisson', () => {
        const poissonLike = countDispersion([10, 10, 10, 10, 10, 10, 10, 10])
        expect(poissonLike?.dispersion).toBe(1)
        expect(poissonLike?.mean).toBe(10)
        const wide = countDispersion([40, 41, 39, 40, 41, 39, 40, 52, 28, 55, 25, 40])
        // trimmed (25 and 55 left out): 32.4 ÷ 0.575 = 56.3 over a mean of 40
        expect(wide?.dispersion).toBeCloseTo(56.3 / 40, 2)
        expect(countDispersion([])).toBeNull()
        expect(countDispersion([0, 0, 0])).toBeNull()
        // fewer than 6 values: not trimmed, not rescaled
        expect(countDispersion([2, 4])?.variance).toBe(2)
    })
    it('makes an over-dispersed district total’s doubling less extreme than untrimmed Poisson', () => {
        // 12 months of a district's neonatal sepsis cases, then 57 (the demo country, seed 42)
        const baseline = [18, 22, 39, 25, 22, 40, 23, 25, 34, 17, 31, 27]
        const score = countScore(57, baseline)
        expect(score?.method).toBe('NEG_BINOMIAL')
        // below the outlier cut-off; against a baseline as steady as Poisson allows, far beyond
        expect(score?.z).toBeLessThan(3.5)
        const steady = [27, 26, 28, 27, 27, 26, 28, 27, 27, 26, 28, 27]
        expect(countScore(57, steady)?.method).toBe('POISSON')
        expect(countScore(57, steady)?.z).toBeGreaterThan(4.5)
    })
})

describe('binomialTail and missingReportsZ', () => {
    it('gives exact binomial tails', () => {
        // P(X ≥ 1 | 11, 0.05) = 1 − 0.95¹¹
        expect(binomialTail(1, 11, 0.05)).toBeCloseTo(1 - 0.95 ** 11, 12)
        expect(binomialTail(0, 11, 0.05)).toBe(1)
        expect(binomialTail(12, 11, 0.05)).toBe(0)
        // P(X = 11 | 11, 0.5) = 2⁻¹¹
        expect(binomialTail(11, 11, 0.5)).toBeCloseTo(2 ** -11, 14)
    })
    it('finds 3 of 11 reports missing ordinary, three quarters of 40 not', () => {
        // a district's 11 reports, usually 1 in 20 missing
        expect(missingReportsZ(3, 11, 0.05)).toBeLessThan(3.5)
        expect(missingReportsZ(30, 40, 0.05)).toBeGreaterThan(5)
        // no more missing than usual: 0
        expect(missingReportsZ(0, 40, 0.05)).toBe(0)
        expect(missingReportsZ(2, 40, 0.05)).toBe(0)
    })
})

describe('countScore of units given in courses (unitsPerCount)', () => {
    // About 2 clients a month taking 10 female condoms each: 20 units, which by chance varied
    // little over the year
    const baseline = [20, 18, 25, 19, 22, 17, 21, 24, 18, 20, 23, 19]
    it('judges 6 clients’ 60 units as a compound count, not as 60 Poisson events', () => {
        const asUnits = countScore(60, baseline)
        const asCourses = countScore(60, baseline, undefined, 5)
        expect(asUnits?.z).toBeGreaterThan(5)
        expect(asCourses?.z).toBeLessThan(3.5)
        expect(asCourses?.method).toBe('NEG_BINOMIAL')
        expect(asCourses?.mean).toBeCloseTo(asUnits?.mean ?? 0, 10)
    })
    it('still finds a typing error of ×10 in courses', () => {
        expect(countScore(200, baseline, undefined, 5)?.z).toBeGreaterThan(5)
    })
    it('is a count of events at 1 and below', () => {
        expect(countScore(60, baseline, undefined, 0.6)).toEqual(countScore(60, baseline))
        expect(countScore(60, baseline, undefined, 1)).toEqual(countScore(60, baseline))
    })
})

describe('countLogLikelihood', () => {
    it('is the Poisson log probability at a dispersion of 1 and below', () => {
        // P(X = 3 | 2) = e⁻² 2³ ÷ 3!
        expect(countLogLikelihood(3, 2)).toBeCloseTo(-2 + 3 * Math.log(2) - Math.log(6), 10)
        expect(countLogLikelihood(3, 2, 0.5)).toBeCloseTo(countLogLikelihood(3, 2), 10)
    })
    it('is the negative binomial’s above, wider in the tails', () => {
        expect(countLogLikelihood(12, 4, 3)).toBeGreaterThan(countLogLikelihood(12, 4))
        expect(countLogLikelihood(4, 4, 3)).toBeLessThan(countLogLikelihood(4, 4))
        // sums to 1
        let total = 0
        for (let k = 0; k < 200; k++) total += Math.exp(countLogLikelihood(k, 4, 3))
        expect(total).toBeCloseTo(1, 8)
    })
    it('gives 0 all the chance at a mean of 0', () => {
        expect(countLogLikelihood(0, 0)).toBe(0)
        expect(countLogLikelihood(2, 0)).toBe(Number.NEGATIVE_INFINITY)
    })
})
