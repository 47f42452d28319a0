/**
 * Alerts: what the detectors (`detectors.ts`) report for one pair, one org unit and one period.
 *
 * Common fields:
 * - `id`: stable across runs — `type:pairId:orgUnitId:period`, plus the measure or report where a
 *   detector can raise several alerts of one type for the same period;
 * - `severity`: for ranking, on one scale for all types — an alert just at its threshold scores
 *   about the z-score threshold (3.5 by default): outliers `|z|`, percentage changes scaled by the
 *   pair's `minDropPercent` (see each detector);
 * - `magnitude`: the size of the change in the alert's own unit (percent, percentage points, or
 *   a count), documented per type;
 * - `direction`: `up` or `down`;
 * - `series`: what moved — `hmis`, `lmis`, `completeness` or `both`;
 * - `details`: the numbers the detector used (JSON: `null`, never `NaN` or `Infinity`).
 */
import type { LmisMeasure, PairRatio, PairThresholds } from '../config'
import type { ZScoreMethod } from './stats'

export const ALERT_TYPES = [
    'spike',
    'collapse',
    'divergence',
    'stockoutWithCases',
    'completenessDrop',
    'lmisWithoutHmis',
    'hmisWithoutLmis',
] as const
export type AlertType = (typeof ALERT_TYPES)[number]

export type AlertDirection = 'up' | 'down'
export type AlertSeries = 'hmis' | 'lmis' | 'completeness' | 'both'

interface AlertBase {
    id: string
    pairId: string
    orgUnitId: string
    /** DHIS2 period id, e.g. `202503` */
    period: string
    severity: number
    magnitude: number
    direction: AlertDirection
    series: AlertSeries
}

/**
 * A value far from its trailing baseline (modified z-score beyond `zScore`).
 * `magnitude`: percent change from the baseline median, absolute; the absolute change when the
 * median is 0. `severity`: `|z|`; for a constant baseline, `zScore × |change %| / minDropPercent`.
 */
export interface OutlierAlert extends AlertBase {
    type: 'spike' | 'collapse'
    series: 'hmis' | 'lmis'
    /** The LMIS measure tested; `null` for the HMIS series */
    measure: LmisMeasure | null
    /** `POISSON`/`NEG_BINOMIAL`: a small count judged by its exact tail (`low-counts.ts`) */
    method: ZScoreMethod | 'POISSON' | 'NEG_BINOMIAL'
    details: {
        value: number
        median: number
        mad: number
        meanAbsoluteDeviation: number
        /** `null` for a constant baseline */
        zScore: number | null
        /** `null` when the median is 0 */
        changePercent: number | null
        baselineSize: number
        /**
         * The value expected: the baseline median (times the seasonal factor), or the baseline
         * mean for a count; absent in alerts made before it was recorded
         */
        expected?: number
        /** Last year's factor for the month, when the value was compared without it */
        seasonalFactor?: number | null
    }
}

/**
 * Consumption per case far from its own trailing median, with both reports complete.
 * `magnitude`: percent change of the ratio, absolute. `severity`:
 * `zScore × |ln(ratio / median)| / |ln(1 − minDropPercent / 100)|`, so that a fall of
 * `minDropPercent` and the matching rise (halving and doubling for 50%) both score `zScore`.
 */
export interface DivergenceAlert extends AlertBase {
    type: 'divergence'
    series: 'both'
    /** `change`: the ratio moved by the threshold; `band`: it left the expected band */
    trigger: 'change' | 'band'
    details: {
        consumption: number
        cases: number
        ratio: number
        ratioMedian: number
        ratioChangePercent: number
        consumptionMedian: number
        consumptionChangePercent: number | null
        casesMedian: number
        casesChangePercent: number | null
        hmisCompleteness: number
        lmisCompleteness: number
        bandLow: number | null
        bandHigh: number | null
        /** Changes within ± this percentage count as stable (for the description) */
        stablePercent: number
        baselineSize: number
    }
}

/**
 * No stock (stock on hand 0, stockout days, or a rising stockout rate) while cases stay at or
 * above their usual level. `magnitude`: cases as a percentage of their baseline median.
 * `severity`: `zScore × cases / median cases` (more patients turned away rank higher).
 */
export interface StockoutAlert extends AlertBase {
    type: 'stockoutWithCases'
    series: 'both'
    direction: 'down'
    /** What showed the stockout */
    reason: 'noStock' | 'stockoutDays' | 'stockoutRate'
    details: {
        stockOnHand: number | null
        stockoutDays: number | null
        stockoutRate: number | null
        stockoutRateMedian: number | null
        cases: number
        casesMedian: number
        casesPercentOfUsual: number
        baselineSize: number
    }
}

/**
 * A data set's reporting rate below the threshold or far below its median.
 * `magnitude`: percentage points below the threshold or the median, whichever is larger.
 * `severity`: `zScore × magnitude / completenessDropPoints`.
 */
export interface CompletenessAlert extends AlertBase {
    type: 'completenessDrop'
    series: 'completeness'
    direction: 'down'
    /** Which report */
    report: 'hmis' | 'lmis'
    dataSetId: string | null
    details: {
        rate: number
        median: number | null
        threshold: number
        /** Points below the median; `null` without enough baseline */
        dropPoints: number | null
        baselineSize: number
    }
}

/**
 * An org unit with values in one system and none in the other for the period (a master facility
 * list mismatch). `series`: the missing one. `magnitude`: the number of values of the present
 * one (1 when only presence is known). `severity`: `zScore`.
 */
export interface MasterListAlert extends AlertBase {
    type: 'lmisWithoutHmis' | 'hmisWithoutLmis'
    series: 'hmis' | 'lmis'
    direction: 'down'
    details: { hmisValues: number; lmisValues: number }
}

export type Alert =
    OutlierAlert | DivergenceAlert | StockoutAlert | CompletenessAlert | MasterListAlert

/** Settings of the detectors; a pair's `thresholds` override the first three. */
export interface AlertThresholds {
    /** Modified z-score beyond which a value is an outlier (WHO: 3.5 moderate, 5 extreme) */
    zScore: number
    /** A fall by at least this percentage (or the matching rise for ratios) is an alert */
    minDropPercent: number
    /** Expected band of consumption per case; `null` when the pair has none */
    ratioBand: readonly [number, number] | null
    /** Periods before the tested one that form its baseline */
    baselinePeriods: number
    /** Fewest usable baseline values for a test */
    minBaselinePoints: number
    /** Reporting rate (%) under which a report is incomplete */
    completenessThreshold: number
    /** A fall of the reporting rate by more than these points from its median is an alert */
    completenessDropPoints: number
    /** Changes within ± this percentage count as stable */
    stablePercent: number
    /** A stockout rate this many points above its median counts as a stockout */
    stockoutRateRisePoints: number
}

export const DEFAULT_THRESHOLDS: Readonly<AlertThresholds> = Object.freeze({
    zScore: 3.5,
    minDropPercent: 50,
    ratioBand: null,
    baselinePeriods: 12,
    minBaselinePoints: 4,
    completenessThreshold: 80,
    completenessDropPoints: 20,
    stablePercent: 15,
    stockoutRateRisePoints: 20,
})

/**
 * The thresholds of a pair: its `thresholds` (z-score, minimum drop, ratio band — else the ratio's
 * expected band, either end open) over `DEFAULT_THRESHOLDS`, then `overrides`.
 */
export const thresholdsForPair = (
    pair: { thresholds?: PairThresholds; ratio?: PairRatio } | undefined,
    overrides: Partial<AlertThresholds> = {}
): AlertThresholds => {
    const own = pair?.thresholds
    const ratio = pair?.ratio
    const ratioBand: readonly [number, number] | null =
        own?.ratioBand ??
        (ratio && (ratio.expectedLow !== undefined || ratio.expectedHigh !== undefined)
            ? [ratio.expectedLow ?? 0, ratio.expectedHigh ?? Number.POSITIVE_INFINITY]
            : null)
    return {
        ...DEFAULT_THRESHOLDS,
        ...(own?.zScore !== undefined ? { zScore: own.zScore } : {}),
        ...(own?.minDropPercent !== undefined ? { minDropPercent: own.minDropPercent } : {}),
        ratioBand,
        ...overrides,
    }
}

/** The stable id of an alert */
export const alertId = (
    type: AlertType,
    pairId: string,
    orgUnitId: string,
    period: string,
    qualifier?: string
): string => [type, pairId, orgUnitId, period, ...(qualifier ? [qualifier] : [])].join(':')
