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

export interface CountScore {
    /** The equivalent z-score: positive above the mean, negative below */
    z: number
    /** The one-sided tail probability of a value at least this far */
    p: number
    mean: number
    method: 'POISSON' | 'NEG_BINOMIAL'
}

/**
 * The count test of `value` against `baseline` (which must not contain it): the baseline's mean
 * and variance (its highest and lowest values left out when it has 6 or more, so that one earlier
 * error does not hide the next); Poisson when the variance is at most the mean, else a negative
 * binomial of that variance. `null` for an empty baseline or a mean of 0.
 */
export const countScore = (value: number, baseline: readonly number[]): CountScore | null => {
    const sorted = [...baseline].sort((a, b) => a - b)
    const used = sorted.length >= 6 ? sorted.slice(1, -1) : sorted
    if (used.length === 0) return null
    const mean = used.reduce((s, v) => s + v, 0) / used.length
    if (!(mean > 0)) return null
    const variance =
        used.length > 1 ? used.reduce((s, v) => s + (v - mean) ** 2, 0) / (used.length - 1) : mean
    const overdispersed = variance > mean * 1.0001
    const size = overdispersed ? (mean * mean) / (variance - mean) : Number.POSITIVE_INFINITY
    const upper = value > mean
    const p = countTail(value, mean, upper, size)
    const z = p >= 0.5 ? 0 : -normalQuantile(p)
    return {
        z: upper ? z : -z,
        p,
        mean,
        method: overdispersed ? 'NEG_BINOMIAL' : 'POISSON',
    }
}
