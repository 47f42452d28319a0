/**
 * Seasonality: pneumonia and diarrhoea swing by a third around their yearly median, so a
 * December peak scores far beyond the z-score cut-off against the twelve months before it. Where
 * the series holds the same month last year and a year of baseline before that (24 months before
 * the tested one), the tested value is compared with its baseline after removing last year's
 * seasonal factor for that month: `factor = value 12 months before ÷ median of the 12 months
 * before that`, kept within [1/1.5, 1.5] (a single month of last year is noisy, and an error last
 * year must not excuse one now).
 */
import { isValue, median, type NumericSeries } from './stats'

/** Months of a year */
export const SEASON = 12
/** The largest seasonal factor applied (and its inverse, the smallest) */
export const MAX_SEASONAL_FACTOR = 1.5

/**
 * The seasonal factor of the period at `index`: the value `SEASON` periods before, over the
 * median of the `SEASON` periods before that (at least `minPoints` usable); `null` where the
 * series is too short or the values are missing or 0.
 */
export const seasonalFactor = (
    series: NumericSeries,
    index: number,
    minPoints = 8
): number | null => {
    const lastYear = series[index - SEASON]
    if (!isValue(lastYear) || lastYear <= 0 || index - 2 * SEASON < 0) return null
    const before: number[] = []
    for (let j = index - 2 * SEASON; j < index - SEASON; j++) {
        const v = series[j]
        if (isValue(v)) before.push(v)
    }
    if (before.length < minPoints) return null
    const level = median(before)
    if (level === null || level <= 0) return null
    return Math.min(MAX_SEASONAL_FACTOR, Math.max(1 / MAX_SEASONAL_FACTOR, lastYear / level))
}

/**
 * The value at `index` with its seasonal factor removed (`value ÷ factor`), and the factor;
 * the value itself and `null` where no factor can be computed.
 */
export const deseasonalized = (
    series: NumericSeries,
    index: number,
    minPoints = 8
): { value: number | null; factor: number | null } => {
    const value = series[index]
    if (!isValue(value)) return { value: null, factor: null }
    const factor = seasonalFactor(series, index, minPoints)
    return factor === null ? { value, factor: null } : { value: value / factor, factor }
}
