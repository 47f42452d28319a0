/**
 * Tiers of an alert: how far beyond the usual a finding is, in words a meeting can use.
 *
 * - `outlier`: a modified z-score of at least 3.5. WHO, *Data quality review: a toolkit for
 *   facility data quality assessment*, Module 2 "Desk review of data quality" (2017), metric 2a
 *   (outliers in the current year), recommends the median-based modified z-score for outliers of
 *   routine data with the cut-off of Iglewicz and Hoaglin (1993): |z| ≥ 3.5.
 * - `extreme`: a modified z-score of at least 5, far beyond any chance variation of a normal
 *   series (the repository's WHO default pair, `thresholds.zScore`, documents 3.5 moderate and
 *   5 extreme; the toolkit's own "extreme" tier is 3 standard deviations of the mean-based score,
 *   which the robust score reaches later, hence 5).
 *
 * Every detector scores on the modified z-score's scale (`severity`, see `types.ts`), so one pair
 * of cut-offs tiers them all; the analyst's z-score threshold moves the outlier cut-off (the extreme
 * one never falls below it).
 */
export const OUTLIER_Z = 3.5
export const EXTREME_Z = 5

export const TIERS = ['extreme', 'outlier'] as const
export type Tier = (typeof TIERS)[number]

/** The tier of a score (a modified z-score or a severity on its scale); `null` below the cut-off */
export const tierOf = (score: number, outlierZ: number = OUTLIER_Z): Tier | null => {
    if (!Number.isFinite(score) && score !== Number.POSITIVE_INFINITY) return null
    const value = Math.abs(score)
    if (value >= Math.max(EXTREME_Z, outlierZ)) return 'extreme'
    if (value >= outlierZ) return 'outlier'
    return null
}

/** The higher of two tiers (`extreme` over `outlier` over none) */
export const higherTier = (a: Tier | null, b: Tier | null): Tier | null =>
    a === 'extreme' || b === 'extreme' ? 'extreme' : (a ?? b)
