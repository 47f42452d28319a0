/**
 * Consumption per case: LMIS consumption ÷ HMIS cases, e.g. oxytocin doses per facility delivery.
 *
 * Only for pairs with a consistent dose per case, and only when the pair's configuration says so
 * (`pair.ratio`). The HMIS/LMIS pilots (Tanzania, Senegal) chose side-by-side charts over compound
 * indicators: misoprostol has no fixed dose per PPH case (prevention vs treatment); amoxicillin
 * and newborn antibiotics treat many conditions or substitute for each other. For those a ratio
 * has no expected value and is not computed.
 */
import type { Pair } from '../config'

export type RatioStatus = 'BELOW' | 'WITHIN' | 'ABOVE' | 'UNKNOWN'

/**
 * Consumption ÷ cases for a pair; `null` when the pair has no ratio configured, when either value
 * is missing, or when there are no cases.
 */
export const consumptionPerCase = (
    pair: Pick<Pair, 'ratio'>,
    consumption: number | null | undefined,
    cases: number | null | undefined
): number | null => {
    if (pair.ratio === undefined) {
        return null
    }
    if (
        typeof consumption !== 'number' ||
        typeof cases !== 'number' ||
        !Number.isFinite(consumption) ||
        !Number.isFinite(cases) ||
        cases <= 0
    ) {
        return null
    }
    return consumption / cases
}

/**
 * Where a ratio falls against the pair's expected band: `thresholds.ratioBand` if set, else the
 * ratio's `expectedLow`/`expectedHigh` (either may be open).
 */
export const ratioStatus = (
    pair: Pick<Pair, 'ratio' | 'thresholds'>,
    ratio: number | null | undefined
): RatioStatus => {
    if (typeof ratio !== 'number' || !Number.isFinite(ratio) || pair.ratio === undefined) {
        return 'UNKNOWN'
    }
    const [low, high] = pair.thresholds?.ratioBand ?? [
        pair.ratio.expectedLow,
        pair.ratio.expectedHigh,
    ]
    if (low === undefined && high === undefined) {
        return 'UNKNOWN'
    }
    if (low !== undefined && ratio < low) {
        return 'BELOW'
    }
    if (high !== undefined && ratio > high) {
        return 'ABOVE'
    }
    return 'WITHIN'
}
