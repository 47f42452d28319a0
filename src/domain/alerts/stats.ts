/**
 * Robust statistics for the alert detectors: median, median absolute deviation (MAD), mean
 * absolute deviation (MeanAD) and the modified z-score of the WHO Data Quality Review toolkit and
 * DHIS2's outlier detection.
 *
 * Modified z-score: `0.6745 × (x − median) / MAD`, i.e. `(x − median) / (1.4826 × MAD)`, where
 * `1.4826 × MAD` estimates the standard deviation of normal data. When more than half of the
 * baseline has the same value, MAD = 0: the score then uses the mean absolute deviation around the
 * median, `(x − median) / (1.253314 × MeanAD)` (`1.253314 × MeanAD` also estimates the standard
 * deviation: IBM SPSS/Cognos's definition of the modified z-score). When MeanAD is 0 too, the
 * baseline is constant and there is no score (`method: 'CONSTANT'`, `z: null`).
 */

/** A series aligned by period: a number, or `null`/`undefined` where no value is known */
export type NumericSeries = readonly (number | null | undefined)[]

/** `0.6745`: the 0.75 quantile of the standard normal distribution (1 / 1.4826) */
export const MAD_FACTOR = 0.6745
/** `1.253314` = √(π/2): standard deviation / mean absolute deviation of normal data */
export const MEAN_AD_FACTOR = 1.253314

/** Whether a series value is a usable number */
export const isValue = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value)

/** The median of some numbers; `null` for none. */
export const median = (values: readonly number[]): number | null => {
    if (values.length === 0) return null
    // A typed array sorts numbers natively (no comparator call per comparison): a scan takes
    // medians of every series of every org unit
    const sorted = Float64Array.from(values).sort()
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 === 1
        ? (sorted[middle] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Median of `|x − center|`; `null` for no values. */
export const medianAbsoluteDeviation = (values: readonly number[], center: number): number | null =>
    median(values.map((value) => Math.abs(value - center)))

/** Mean of `|x − center|`; `null` for no values. */
export const meanAbsoluteDeviation = (values: readonly number[], center: number): number | null =>
    values.length === 0
        ? null
        : values.reduce((sum, value) => sum + Math.abs(value - center), 0) / values.length

export type ZScoreMethod = 'MAD' | 'MEAN_AD' | 'CONSTANT'

export interface ModifiedZScore {
    /** The score; `null` when the baseline is constant */
    z: number | null
    median: number
    mad: number
    meanAbsoluteDeviation: number
    method: ZScoreMethod
}

/**
 * The modified z-score of `value` against `baseline` (which must not contain `value` itself);
 * `null` when the baseline is empty.
 */
export const modifiedZScore = (
    value: number,
    baseline: readonly number[]
): ModifiedZScore | null => {
    const center = median(baseline)
    if (center === null) return null
    const mad = medianAbsoluteDeviation(baseline, center) ?? 0
    const meanAd = meanAbsoluteDeviation(baseline, center) ?? 0
    const common = { median: center, mad, meanAbsoluteDeviation: meanAd }
    if (mad > 0) return { ...common, z: (MAD_FACTOR * (value - center)) / mad, method: 'MAD' }
    if (meanAd > 0) {
        return { ...common, z: (value - center) / (MEAN_AD_FACTOR * meanAd), method: 'MEAN_AD' }
    }
    return { ...common, z: null, method: 'CONSTANT' }
}

/**
 * The score of another value against the same baseline, from its `modifiedZScore` (no second
 * pass over the baseline): `null` when the baseline is constant.
 */
export const rescore = (score: Omit<ModifiedZScore, 'z'>, value: number): ModifiedZScore => {
    const { median: center, mad, meanAbsoluteDeviation: meanAd } = score
    if (mad > 0) return { ...score, z: (MAD_FACTOR * (value - center)) / mad, method: 'MAD' }
    if (meanAd > 0) {
        return { ...score, z: (value - center) / (MEAN_AD_FACTOR * meanAd), method: 'MEAN_AD' }
    }
    return { ...score, z: null, method: 'CONSTANT' }
}

/**
 * The usable values of the `size` periods before `index` (the trailing baseline of the period at
 * `index`, which it never includes).
 */
export const trailingValues = (series: NumericSeries, index: number, size: number): number[] =>
    series.slice(Math.max(0, index - size), Math.max(0, index)).filter(isValue)

/** `(value − reference) / reference × 100`; `null` when the reference is 0. */
export const percentChange = (value: number, reference: number): number | null =>
    reference === 0 ? null : ((value - reference) / Math.abs(reference)) * 100

/**
 * The standard deviation a modified z-score stands for: `MAD ÷ 0.6745`, else `1.253314 × MeanAD`;
 * `null` for a constant baseline.
 */
export const robustScale = (score: Omit<ModifiedZScore, 'z'>): number | null =>
    score.mad > 0
        ? score.mad / MAD_FACTOR
        : score.meanAbsoluteDeviation > 0
          ? MEAN_AD_FACTOR * score.meanAbsoluteDeviation
          : null

/**
 * The score of `value` with the standard deviation at least `floor`: where the robust scale is
 * smaller (a MAD of 1.5 in a series of 33 cases a month), `(value − median) ÷ floor`. A constant
 * baseline keeps its `null` score. The score's method is kept: the scale is the robust one or its
 * floor, and the details still carry MAD and MeanAD.
 */
export const floorScale = (score: ModifiedZScore, value: number, floor: number): ModifiedZScore => {
    const scale = robustScale(score)
    if (scale === null || !(floor > scale)) return score
    return { ...score, z: (value - score.median) / floor }
}
