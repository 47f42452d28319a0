/**
 * Outliers of small counts. The modified z-score suits series whose values are large enough to be
 * roughly normal; a facility with a median of 2.5 female-condom clients a month reporting 9 has a
 * modified z-score of 5 or more by chance alone (MAD of 1 or 2), and dozens of such series make a
 * list of noise. Below `LOW_COUNT_MEDIAN` a value is judged as a count instead: the exact tail
 * probability of a value at least as far from the baseline mean, under a Poisson distribution
 * with that mean, or a negative binomial with the baseline's own variance when it varies more than
 * Poisson allows (routine counts are over-dispersed: staff, outreach, stock of forms). The
 * probability is given back as the equivalent one-sided normal z-score (`Φ⁻¹(1 − p)`), so the
 * same tiers apply (3.5 ≈ p of 2.3 × 10⁻⁴, 5 ≈ 2.9 × 10⁻⁷).
 */

/** Baseline median under which a series is judged as counts */
export const LOW_COUNT_MEDIAN = 20

// Lanczos approximation (g = 7, n = 9) of ln Γ(x), x > 0
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
]

/** ln Γ(x) for x > 0 */
export const logGamma = (x: number): number => {
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
    const z = x - 1
    let sum = LANCZOS[0] as number
    for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i)
    const t = z + 7.5
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/**
 * ln P(X = k) of a negative binomial with mean `mean` and size `size` (`size` = ∞: Poisson).
 */
const logPmf = (k: number, mean: number, size: number): number => {
    if (!Number.isFinite(size)) return -mean + k * Math.log(mean) - logGamma(k + 1)
    return (
        logGamma(k + size) -
        logGamma(size) -
        logGamma(k + 1) +
        size * Math.log(size / (size + mean)) +
        k * Math.log(mean / (size + mean))
    )
}

/**
 * ln P(X = x) of a count with mean `mean` (> 0) and dispersion variance ÷ mean `dispersion`: a
 * negative binomial of that variance above 1, Poisson at 1 and below
 */
export const countLogLikelihood = (x: number, mean: number, dispersion = 1): number => {
    const k = Math.max(0, Math.round(x))
    if (!(mean > 0)) return k === 0 ? 0 : Number.NEGATIVE_INFINITY
    const size = dispersion > 1.0001 ? mean / (dispersion - 1) : Number.POSITIVE_INFINITY
    return logPmf(k, mean, size)
}

/**
 * P(X ≥ x) (`upper`) or P(X ≤ x) (lower) of a count with mean `mean` (> 0) and size `size`
 * (negative binomial; `Infinity`: Poisson). Summed term by term from `x` outwards, so that tiny
 * tails keep their precision.
 */
export const countTail = (
    x: number,
    mean: number,
    upper: boolean,
    size: number = Number.POSITIVE_INFINITY
): number => {
    const k0 = Math.max(0, Math.round(x))
    if (!(mean > 0)) return upper ? (k0 === 0 ? 1 : 0) : 1
    if (upper && k0 === 0) return 1
    let total = 0
    if (upper) {
        for (let k = k0; k < k0 + 100_000; k++) {
            const term = Math.exp(logPmf(k, mean, size))
            total += term
            if (k > mean && term < total * 1e-15) break
        }
    } else {
        for (let k = k0; k >= 0; k--) {
            const term = Math.exp(logPmf(k, mean, size))
            total += term
            if (k < mean && term < total * 1e-15) break
        }
    }
    return Math.min(1, total)
}

/**
 * Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error below
 * 1.2 × 10⁻⁹), for 0 < p < 1.
 */
export const normalQuantile = (p: number): number => {
    if (p <= 0) return Number.NEGATIVE_INFINITY
    if (p >= 1) return Number.POSITIVE_INFINITY
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269,
        -30.66479806614716, 2.506628277459239,
    ]
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ]
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ]
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
    const low = 0.02425
    const tail = (q: number) =>
        (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
        ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    if (p < low) return tail(Math.sqrt(-2 * Math.log(p)))
    if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)))
    const q = p - 0.5
    const r = q * q
    return (
        ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
        (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
    )
}

/** Φ(x), the standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8) */
export const normalCdf = (x: number): number => {
    const t = 1 / (1 + 0.2316419 * Math.abs(x))
    const d = 0.3989422804014327 * Math.exp((-x * x) / 2)
    const tail =
        d *
        t *
        (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
    return x >= 0 ? 1 - tail : tail
}

/** ln of a bound at least Φ̄(z) = 1 − Φ(z): `normalCdf`'s absolute error (< 7.5 × 10⁻⁸) and more */
const logTailBound = (z: number): number => Math.log(1 - normalCdf(z) + 1e-7)

export interface CountScore {
    /** The equivalent z-score: positive above the mean, negative below */
    z: number
    /** The one-sided tail probability of a value at least this far */
    p: number
    mean: number
    method: 'POISSON' | 'NEG_BINOMIAL'
}

/**
 * E[s²] / σ² of normal samples of n (index) once their lowest and highest values are left out:
 * the sample variance of the n − 2 values kept falls short of the variance by this factor (the
 * extremes carry most of the spread). Monte Carlo, 400,000 samples of each size (standard error
 * below 0.002); n = 36 and over use the last value (their variance is then slightly overstated,
 * which errs on the side of fewer alerts).
 */
const TRIMMED_VARIANCE_FACTOR: Readonly<Record<number, number>> = {
    6: 0.406,
    7: 0.447,
    8: 0.48,
    9: 0.508,
    10: 0.533,
    11: 0.556,
    12: 0.575,
    13: 0.593,
    14: 0.608,
    15: 0.623,
    16: 0.636,
    17: 0.649,
    18: 0.66,
    19: 0.67,
    20: 0.68,
    21: 0.689,
    22: 0.697,
    23: 0.705,
    24: 0.713,
    25: 0.719,
    26: 0.725,
    27: 0.732,
    28: 0.738,
    29: 0.743,
    30: 0.749,
    31: 0.754,
    32: 0.758,
    33: 0.763,
    34: 0.768,
    35: 0.771,
    36: 0.776,
}

/** The consistency factor of the variance of a sample of `n` without its two extremes (n ≥ 6) */
export const trimmedVarianceFactor = (n: number): number =>
    TRIMMED_VARIANCE_FACTOR[Math.min(36, Math.max(6, Math.round(n)))] as number

export interface CountDispersion {
    /** The baseline's mean (its extremes left out from 6 values on) */
    mean: number
    /** Its variance, consistent for the whole baseline (see `trimmedVarianceFactor`) */
    variance: number
    /**
     * The quasi-Poisson dispersion variance ÷ mean, at least 1 (a count varies at least as much
     * as a Poisson count of its mean)
     */
    dispersion: number
}

/**
 * The mean and the dispersion of a baseline of counts, by the method of moments (the
 * quasi-Poisson dispersion φ = s² / x̄ of McCullagh and Nelder, *Generalized Linear Models*, 2nd
 * ed. 1989, §4.5, and the negative binomial's size x̄² / (s² − x̄) from the same moments), with
 * the floor at Poisson (φ ≥ 1). Its highest and lowest values are left out from 6 values on, so
 * that one earlier error does not hide the next, and the variance of what is left is scaled back
 * by `trimmedVarianceFactor`: left as it is, it understates the spread of a 12-month baseline by
 * 40 % and a total that varies twice as much as Poisson (a district's, its facilities' monthly
 * shocks added up) would be judged as Poisson. `null` for an empty baseline or a mean of 0.
 */
export const countDispersion = (baseline: readonly number[]): CountDispersion | null => {
    const sorted = [...baseline].sort((a, b) => a - b)
    const trimmed = sorted.length >= 6
    const used = trimmed ? sorted.slice(1, -1) : sorted
    if (used.length === 0) return null
    const mean = used.reduce((s, v) => s + v, 0) / used.length
    if (!(mean > 0)) return null
    const sampleVariance =
        used.length > 1 ? used.reduce((s, v) => s + (v - mean) ** 2, 0) / (used.length - 1) : mean
    const variance = trimmed
        ? sampleVariance / trimmedVarianceFactor(sorted.length)
        : sampleVariance
    return { mean, variance, dispersion: Math.max(1, variance / mean) }
}

/**
 * The count test of `value` against `baseline` (which must not contain it): the baseline's mean
 * and dispersion (`countDispersion`); Poisson when the variance is at most the mean, else a
 * negative binomial of that variance. `null` for an empty baseline or a mean of 0. With `minZ`
 * (the outlier cut-off), a value within `minZ − 1` standard deviations of the mean whose own
 * probability P(X = value) already proves its exact score not beyond `minZ` is scored by the
 * normal approximation instead (below the cut-off either way, the same verdict as the exact
 * tail; a scan scores every cell).
 *
 * `unitsPerCount` (default 1): the values count units given in courses of at least that many
 * (ampoules of magnesium sulfate, 5 to 12 a patient; female condoms, 5 to 15 a client). Such a
 * count is a compound Poisson count: patients come by chance, each takes a course, and its
 * variance is at least the mean × the units of a course (var(ΣXᵢ) = E[N]·E[X²] ≥ mean × the
 * smallest course). A month of 2 eclampsia patients instead of the usual 0.4 is 16 ampoules
 * against 3: a Poisson count of ampoules would score it z ≈ 4.6, the patients it counts do not.
 * The baseline's own dispersion, read from 12 months (or 4 quarters) mostly 0, often misses it.
 */
export const countScore = (
    value: number,
    baseline: readonly number[],
    minZ?: number,
    unitsPerCount = 1
): CountScore | null => {
    const moments = countDispersion(baseline)
    if (!moments) return null
    const mean = moments.mean
    const variance = Math.max(moments.variance, mean * Math.max(1, unitsPerCount))
    const overdispersed = variance > mean * 1.0001
    const method = overdispersed ? 'NEG_BINOMIAL' : 'POISSON'
    const size = overdispersed ? (mean * mean) / (variance - mean) : Number.POSITIVE_INFINITY
    const upper = value > mean
    // The shortcut (a scan scores every cell): a value within (minZ − 1) standard deviations of
    // the mean is scored by the normal approximation, without summing the tail, when its exact
    // score is provably not beyond minZ either. Being near the mean does not prove it: a count's
    // lower tail stops at 0 and is much thinner than the normal's there. A negative binomial of
    // mean 22.7 and variance 113.6 (size 5.7) gives 0 a normal z of −2.1, but P(X = 0) =
    // (5.7 / 28.4)^5.7 = 1.1 × 10⁻⁴, an exact z of −3.7. What does hold for either tail: the
    // tail P(X ≥ k) (above the mean) or P(X ≤ k) (below it) holds P(X = k) itself, so when
    // P(X = k) ≥ Φ̄(minZ) the exact p is at least Φ̄(minZ) and the exact |z| is at most minZ. Φ̄
    // is taken from `normalCdf` (absolute error < 7.5 × 10⁻⁸) plus 10⁻⁷, so the bound holds
    // despite that error and `normalQuantile`'s (relative 1.2 × 10⁻⁹, ~10⁻⁵ of z here). One
    // term instead of the sum: near the mean P(X = k) is ~φ(z) / sd, far above Φ̄(3.5) = 2.3 ×
    // 10⁻⁴ but for the thin end of the lower tail, which is then summed exactly. Both the normal
    // z (under minZ − 1) and the exact one (at most minZ) are then below the cut-off, so the
    // verdict is the exact one; the z given is approximate only for values not flagged.
    const sd = Math.sqrt(Math.max(variance, mean))
    if (
        minZ !== undefined &&
        Math.abs(value - mean) < Math.max(0, minZ - 1) * sd &&
        logPmf(Math.max(0, Math.round(value)), mean, size) >= logTailBound(minZ)
    ) {
        const z = (value - mean) / sd
        return { z, p: 1 - normalCdf(Math.abs(z)), mean, method }
    }
    const p = countTail(value, mean, upper, size)
    const z = p >= 0.5 ? 0 : -normalQuantile(p)
    return { z: upper ? z : -z, p, mean, method }
}

/**
 * P(X ≥ k) of a binomial count of `n` trials with probability `p` each, summed term by term from
 * `k` upwards (tiny tails keep their precision).
 */
export const binomialTail = (k: number, n: number, p: number): number => {
    const k0 = Math.max(0, Math.ceil(k))
    if (k0 === 0) return 1
    if (k0 > n) return 0
    if (!(p > 0)) return 0
    if (p >= 1) return 1
    const logChoose = (j: number) => logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1)
    let total = 0
    for (let j = k0; j <= n; j++) {
        const term = Math.exp(logChoose(j) + j * Math.log(p) + (n - j) * Math.log(1 - p))
        total += term
        if (j > n * p && term < total * 1e-15) break
    }
    return Math.min(1, total)
}

/**
 * How far beyond chance `missing` reports of `expected` are when each is usually missing with
 * probability `missRate`: the binomial tail P(X ≥ missing) as the equivalent one-sided normal
 * z-score (the same scale as `countScore`; 0 when no more are missing than usual).
 */
export const missingReportsZ = (missing: number, expected: number, missRate: number): number => {
    if (!(expected > 0) || missing <= expected * missRate) return 0
    const p = binomialTail(missing, Math.round(expected), missRate)
    return p >= 0.5 ? 0 : p <= 0 ? Number.POSITIVE_INFINITY : -normalQuantile(p)
}
