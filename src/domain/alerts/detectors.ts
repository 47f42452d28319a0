/**
 * Alert detectors: pure functions over plain numeric series aligned by period, for one pair and
 * one org unit (the master-list check: one pair and one period over many org units).
 *
 * Each period is tested against its trailing baseline: the `baselinePeriods` (12) periods before
 * it, never itself, missing values skipped; a test needs `minBaselinePoints` (4) usable values.
 * `testLast` limits the tests to the last n periods (e.g. the ones on screen); by default every
 * period with enough baseline is tested.
 */
import type { LmisMeasure } from '../config'
import { countDispersion, countScore, missingReportsZ } from './low-counts'
import { seasonalFactor } from './seasonality'
import {
    floorScale,
    isValue,
    median,
    modifiedZScore,
    percentChange,
    rescore,
    trailingValues,
    type NumericSeries,
} from './stats'
import {
    DEFAULT_THRESHOLDS,
    alertId,
    type AlertThresholds,
    type CompletenessAlert,
    type DivergenceAlert,
    type MasterListAlert,
    type OutlierAlert,
    type StockoutAlert,
} from './types'

/** What every per-org-unit detector needs besides its series */
export interface SeriesContext {
    pairId: string
    orgUnitId: string
    /** Period ids; every series of the input is aligned with them */
    periods: readonly string[]
    /** Test only the last n periods (default: all) */
    testLast?: number
    /** Over `DEFAULT_THRESHOLDS`; `thresholdsForPair(pair)` gives a pair's */
    thresholds?: Partial<AlertThresholds>
}

const settings = (thresholds: Partial<AlertThresholds> | undefined): AlertThresholds => ({
    ...DEFAULT_THRESHOLDS,
    ...thresholds,
})

/** Indexes of the periods to test */
const testedIndexes = (context: SeriesContext): number[] => {
    const count = context.periods.length
    const first = context.testLast === undefined ? 0 : Math.max(0, count - context.testLast)
    return Array.from({ length: count - first }, (_, offset) => first + offset)
}

/** The indexes of the trailing baseline of `index` that pass `usable` */
const trailingIndexes = (
    index: number,
    size: number,
    usable: (index: number) => boolean
): number[] => {
    const out: number[] = []
    for (let j = Math.max(0, index - size); j < index; j++) if (usable(j)) out.push(j)
    return out
}

/** `minDropPercent` as a fraction kept inside (0, 1), for log-scaled severities */
const dropFraction = (minDropPercent: number): number =>
    Math.min(0.99, Math.max(0.01, minDropPercent / 100))

/** Finite or `null` (details are JSON) */
const finiteOrNull = (value: number | null | undefined): number | null =>
    typeof value === 'number' && Number.isFinite(value) ? value : null

// ---------------------------------------------------------------------------------------------
// Spike / collapse
// ---------------------------------------------------------------------------------------------

export interface OutlierInput extends SeriesContext {
    values: NumericSeries
    series: 'hmis' | 'lmis'
    /** The LMIS measure of `values` (default `consumption`); ignored for HMIS */
    measure?: LmisMeasure
    /**
     * The values are counts (cases, units): under this baseline median a value is judged as a
     * count (`low-counts.ts`: exact Poisson or negative-binomial tail, as an equivalent z); from
     * it on by the modified z-score, with its standard deviation at least the count's own
     * (`countDispersion`: the baseline's quasi-Poisson dispersion, at least Poisson's). `null`
     * (default): not counts, the modified z-score always, as it is
     */
    lowCountMedian?: number | null
    /**
     * Remove last year's seasonal factor of the month before testing (`seasonality.ts`), where
     * the series holds 24 periods before the tested one (series of months only)
     */
    seasonal?: boolean
    /**
     * Units per counted event, when the values count units given in courses (consumption: the
     * fewest units one patient takes, the low end of the pair's expected consumption per case):
     * such a count varies at least this many times as much as a Poisson count of its mean
     * (`countDispersion`'s floor; default 1, a count of events)
     */
    unitsPerCount?: number
}

/**
 * Spikes and collapses: values whose modified z-score against their trailing baseline is beyond
 * ±`zScore` (see `stats.ts`: MAD, then MeanAD when MAD = 0).
 *
 * Constant baseline (MAD = MeanAD = 0, every baseline value equal to c): there is no score; the
 * value is flagged when it differs from c by more than `minDropPercent` % of c. A constant baseline
 * of 0 is never flagged: a change from 0 has no percentage, and rare events (a first PPH case
 * after months of none) are not outliers.
 */
export const detectOutliers = (input: OutlierInput): OutlierAlert[] => {
    const t = settings(input.thresholds)
    const measure = input.series === 'lmis' ? (input.measure ?? 'consumption') : null
    const alerts: OutlierAlert[] = []
    for (const index of testedIndexes(input)) {
        const value = input.values[index]
        if (!isValue(value)) continue
        const baseline = trailingValues(input.values, index, t.baselinePeriods)
        if (baseline.length < t.minBaselinePoints) continue
        const robust = modifiedZScore(value, baseline)
        if (!robust) continue
        const lowCount =
            input.lowCountMedian !== undefined &&
            input.lowCountMedian !== null &&
            robust.median < input.lowCountMedian
        const season = input.seasonal && !lowCount ? seasonalFactor(input.values, index) : null
        const tested = season !== null ? value / season : value
        const units = Math.max(1, input.unitsPerCount ?? 1)
        const counted = lowCount ? countScore(value, baseline, t.zScore, units) : null
        const rescored = season !== null ? rescore(robust, tested) : robust
        // A count varies at least as much as its own baseline's dispersion says (and as a Poisson
        // count of its median): a MAD that 12 months make small by chance (1.5 for 33 cases a
        // month, where Poisson alone gives a standard deviation of 5.7) would turn an ordinary
        // month into a z-score of 18
        // (the floor only lowers a score: worked out only for one beyond the cut-off)
        const dispersion =
            !lowCount &&
            input.lowCountMedian !== undefined &&
            input.lowCountMedian !== null &&
            rescored.z !== null &&
            Math.abs(rescored.z) > t.zScore
                ? countDispersion(baseline)
                : null
        const adjusted = dispersion
            ? floorScale(
                  rescored,
                  tested,
                  Math.sqrt(
                      Math.max(
                          dispersion.variance,
                          units * Math.max(robust.median, dispersion.mean)
                      )
                  )
              )
            : rescored
        const score: {
            z: number | null
            median: number
            mad: number
            meanAbsoluteDeviation: number
            method: OutlierAlert['method']
        } = counted ? { ...robust, z: counted.z, method: counted.method } : (adjusted ?? robust)
        if (lowCount && !counted) continue
        const expected = counted ? counted.mean : score.median * (season ?? 1)
        const changePercent = percentChange(value, expected)
        let severity: number
        if (score.z !== null) {
            if (Math.abs(score.z) <= t.zScore) continue
            severity = Math.abs(score.z)
        } else {
            if (changePercent === null || Math.abs(changePercent) <= t.minDropPercent) continue
            severity = (t.zScore * Math.abs(changePercent)) / Math.max(t.minDropPercent, 1)
        }
        const up = value > expected
        const type = up ? 'spike' : 'collapse'
        const period = input.periods[index] as string
        alerts.push({
            id: alertId(type, input.pairId, input.orgUnitId, period, measure ?? 'hmis'),
            type,
            pairId: input.pairId,
            orgUnitId: input.orgUnitId,
            period,
            severity,
            magnitude:
                changePercent !== null ? Math.abs(changePercent) : Math.abs(value - expected),
            direction: up ? 'up' : 'down',
            series: input.series,
            measure,
            method: score.method,
            details: {
                value,
                median: score.median,
                mad: score.mad,
                meanAbsoluteDeviation: score.meanAbsoluteDeviation,
                zScore: score.z,
                changePercent,
                baselineSize: baseline.length,
                expected,
                seasonalFactor: season,
            },
        })
    }
    return alerts
}

// ---------------------------------------------------------------------------------------------
// Divergence
// ---------------------------------------------------------------------------------------------

export interface DivergenceInput extends SeriesContext {
    consumption: NumericSeries
    cases: NumericSeries
    /** Reporting rates (%) of the HMIS and LMIS reports; a period is used only when both are at
     *  least `completenessThreshold` */
    hmisCompleteness: NumericSeries
    lmisCompleteness: NumericSeries
}

/**
 * Consumption and cases moving apart: the ratio consumption / cases against the median of its
 * trailing baseline, using only periods where both reports are complete and there are cases.
 *
 * Flagged when the ratio falls by at least `minDropPercent` % or rises by the matching factor
 * (1 / (1 − d): +100% for 50%, so that halving and doubling weigh the same) — trigger `change` —
 * or when it leaves `ratioBand` while its median was inside — trigger `band`. A ratio median of 0
 * cannot be compared and is skipped; so are periods without cases (a fall of cases to zero shows
 * as an HMIS collapse). Runs for pairs without a configured ratio too: the test compares the ratio
 * with itself, not with a dose per case.
 */
export const detectDivergence = (input: DivergenceInput): DivergenceAlert[] => {
    const t = settings(input.thresholds)
    const d = Math.min(1, Math.max(0, t.minDropPercent / 100))
    const usable = (index: number): boolean => {
        const hmis = input.hmisCompleteness[index]
        const lmis = input.lmisCompleteness[index]
        const consumption = input.consumption[index]
        const cases = input.cases[index]
        return (
            isValue(hmis) &&
            isValue(lmis) &&
            hmis >= t.completenessThreshold &&
            lmis >= t.completenessThreshold &&
            isValue(consumption) &&
            consumption >= 0 &&
            isValue(cases) &&
            cases > 0
        )
    }
    const ratioAt = (index: number): number =>
        (input.consumption[index] as number) / (input.cases[index] as number)
    const band = t.ratioBand
    const inBand = (ratio: number): boolean => band !== null && ratio >= band[0] && ratio <= band[1]

    const alerts: DivergenceAlert[] = []
    for (const index of testedIndexes(input)) {
        if (!usable(index)) continue
        const baseline = trailingIndexes(index, t.baselinePeriods, usable)
        if (baseline.length < t.minBaselinePoints) continue
        const ratioMedian = median(baseline.map(ratioAt)) as number
        if (ratioMedian <= 0) continue
        const ratio = ratioAt(index)
        const byChange = ratio <= ratioMedian * (1 - d) || (d < 1 && ratio >= ratioMedian / (1 - d))
        const byBand = band !== null && inBand(ratioMedian) && !inBand(ratio)
        if (!byChange && !byBand) continue

        const consumption = input.consumption[index] as number
        const cases = input.cases[index] as number
        const consumptionMedian = median(baseline.map((j) => input.consumption[j] as number)) ?? 0
        const casesMedian = median(baseline.map((j) => input.cases[j] as number)) ?? 0
        const ratioChangePercent = ((ratio - ratioMedian) / ratioMedian) * 100
        const factor = Math.min(1000, Math.max(0.001, ratio / ratioMedian))
        const period = input.periods[index] as string
        alerts.push({
            id: alertId('divergence', input.pairId, input.orgUnitId, period),
            type: 'divergence',
            pairId: input.pairId,
            orgUnitId: input.orgUnitId,
            period,
            severity:
                (t.zScore * Math.abs(Math.log(factor))) /
                -Math.log(1 - dropFraction(t.minDropPercent)),
            magnitude: Math.abs(ratioChangePercent),
            direction: ratio < ratioMedian ? 'down' : 'up',
            series: 'both',
            trigger: byChange ? 'change' : 'band',
            details: {
                consumption,
                cases,
                ratio,
                ratioMedian,
                ratioChangePercent,
                consumptionMedian,
                consumptionChangePercent: percentChange(consumption, consumptionMedian),
                casesMedian,
                casesChangePercent: percentChange(cases, casesMedian),
                hmisCompleteness: input.hmisCompleteness[index] as number,
                lmisCompleteness: input.lmisCompleteness[index] as number,
                bandLow: finiteOrNull(band?.[0]),
                bandHigh: finiteOrNull(band?.[1]),
                stablePercent: t.stablePercent,
                baselineSize: baseline.length,
            },
        })
    }
    return alerts
}

// ---------------------------------------------------------------------------------------------
// Stockout while patients keep coming
// ---------------------------------------------------------------------------------------------

export interface StockoutInput extends SeriesContext {
    cases: NumericSeries
    /** Stock on hand at the end of each period (0 = no stock) */
    stockOnHand?: NumericSeries
    /** Days without stock in each period */
    stockoutDays?: NumericSeries
    /** Percentage of facilities stocked out (for org units above facilities) */
    stockoutRate?: NumericSeries
}

/**
 * A stockout while cases stay stable or above their usual level (at least the baseline median
 * minus `stablePercent` %): stock on hand 0, else stockout days > 0, else a stockout rate at least
 * `stockoutRateRisePoints` above its own trailing median.
 *
 * Stock on hand summed over facilities is rarely 0 and stockout days summed over facilities are
 * nearly always > 0: for org units above facilities pass the stockout rate (and stock on hand only
 * where a total of 0 is meaningful).
 */
export const detectStockoutWithCases = (input: StockoutInput): StockoutAlert[] => {
    const t = settings(input.thresholds)
    const alerts: StockoutAlert[] = []
    for (const index of testedIndexes(input)) {
        const cases = input.cases[index]
        if (!isValue(cases)) continue
        const caseBaseline = trailingValues(input.cases, index, t.baselinePeriods)
        if (caseBaseline.length < t.minBaselinePoints) continue
        const casesMedian = median(caseBaseline) as number
        if (casesMedian <= 0 || cases < casesMedian * (1 - t.stablePercent / 100)) continue

        const stockOnHand = finiteOrNull(input.stockOnHand?.[index])
        const stockoutDays = finiteOrNull(input.stockoutDays?.[index])
        const stockoutRate = finiteOrNull(input.stockoutRate?.[index])
        const rateBaseline = input.stockoutRate
            ? trailingValues(input.stockoutRate, index, t.baselinePeriods)
            : []
        const stockoutRateMedian =
            rateBaseline.length >= t.minBaselinePoints ? median(rateBaseline) : null
        const reason: StockoutAlert['reason'] | null =
            stockOnHand === 0
                ? 'noStock'
                : stockoutDays !== null && stockoutDays > 0
                  ? 'stockoutDays'
                  : stockoutRate !== null &&
                      stockoutRate > 0 &&
                      stockoutRateMedian !== null &&
                      stockoutRate - stockoutRateMedian >= t.stockoutRateRisePoints
                    ? 'stockoutRate'
                    : null
        if (reason === null) continue
        const period = input.periods[index] as string
        alerts.push({
            id: alertId('stockoutWithCases', input.pairId, input.orgUnitId, period),
            type: 'stockoutWithCases',
            pairId: input.pairId,
            orgUnitId: input.orgUnitId,
            period,
            severity: (t.zScore * cases) / casesMedian,
            magnitude: (cases / casesMedian) * 100,
            direction: 'down',
            series: 'both',
            reason,
            details: {
                stockOnHand,
                stockoutDays,
                stockoutRate,
                stockoutRateMedian,
                cases,
                casesMedian,
                casesPercentOfUsual: (cases / casesMedian) * 100,
                baselineSize: caseBaseline.length,
            },
        })
    }
    return alerts
}

// ---------------------------------------------------------------------------------------------
// Completeness
// ---------------------------------------------------------------------------------------------

export interface ReportingRates {
    report: 'hmis' | 'lmis'
    dataSetId?: string
    /** Reporting rate (%) by period */
    rates: NumericSeries
    /**
     * Reports expected by period (the rate's denominator), where known: a fall is then judged
     * against chance too (`detectCompletenessDrops`)
     */
    expected?: NumericSeries
}

export interface CompletenessInput extends SeriesContext {
    reports: readonly ReportingRates[]
}

/**
 * Whether the reports missing in period `index` are beyond chance against the baseline's rate of
 * missing reports (`detectCompletenessDrops`); true when the reports expected are not known
 */
const beyondChance = (
    rates: NumericSeries,
    expected: NumericSeries | undefined,
    index: number,
    baselinePeriods: number,
    zScore: number
): boolean => {
    const n = expected?.[index]
    const rate = rates[index]
    if (!expected || !isValue(n) || n <= 0 || !isValue(rate)) return true
    const missingOf = (j: number): number | null => {
        const e = expected[j]
        const r = rates[j]
        return isValue(e) && e > 0 && isValue(r) ? Math.max(0, e * (1 - r / 100)) : null
    }
    let missedBefore = 0
    let expectedBefore = 0
    for (let j = Math.max(0, index - baselinePeriods); j < index; j++) {
        const m = missingOf(j)
        if (m === null) continue
        missedBefore += m
        expectedBefore += expected[j] as number
    }
    const missRate = (missedBefore + 0.5) / (expectedBefore + 1)
    return missingReportsZ(Math.round(missingOf(index) ?? 0), n, missRate) >= zScore
}

/**
 * Reporting rates below `completenessThreshold` (80%), or more than `completenessDropPoints` (20)
 * points below their trailing median. The drop test needs `minBaselinePoints`; the threshold test
 * does not. Data sets are shared by pairs: callers showing several pairs may check them once.
 *
 * With the reports expected (`ReportingRates.expected`), the reports missing must also be beyond
 * chance (`missingReportsZ` ≥ the z-score cut-off), each report being missing as often as in the
 * baseline (its missing reports over its expected ones, plus ½ over 1 so that a baseline without
 * a missing report does not make any one missing report infinitely unlikely): 3 of a district's
 * 11 oxytocin reports late one month is 72.7 % against a usual 95 %, below 80 % and 23 points
 * down, and happens by chance in one district-month in 80 (binomial); a district where three
 * quarters of the facilities did not report is not chance. A rate below the threshold whose
 * baseline median is below it too is a standing low rate, not a month's chance: flagged as
 * before.
 */
export const detectCompletenessDrops = (input: CompletenessInput): CompletenessAlert[] => {
    const t = settings(input.thresholds)
    const alerts: CompletenessAlert[] = []
    for (const { report, dataSetId, rates, expected } of input.reports) {
        for (const index of testedIndexes(input)) {
            const rate = rates[index]
            if (!isValue(rate)) continue
            const baseline = trailingValues(rates, index, t.baselinePeriods)
            const rateMedian = baseline.length >= t.minBaselinePoints ? median(baseline) : null
            const dropPoints = rateMedian === null ? null : rateMedian - rate
            const below = rate < t.completenessThreshold
            const dropped = dropPoints !== null && dropPoints > t.completenessDropPoints
            if (!below && !dropped) continue
            const standing = below && rateMedian !== null && rateMedian < t.completenessThreshold
            if (!standing && !beyondChance(rates, expected, index, t.baselinePeriods, t.zScore)) {
                continue
            }
            const magnitude = Math.max(
                below ? t.completenessThreshold - rate : 0,
                dropped && dropPoints !== null ? dropPoints : 0
            )
            const period = input.periods[index] as string
            alerts.push({
                id: alertId(
                    'completenessDrop',
                    input.pairId,
                    input.orgUnitId,
                    period,
                    dataSetId ? `${report}-${dataSetId}` : report
                ),
                type: 'completenessDrop',
                pairId: input.pairId,
                orgUnitId: input.orgUnitId,
                period,
                severity: (t.zScore * magnitude) / Math.max(t.completenessDropPoints, 1),
                magnitude,
                direction: 'down',
                series: 'completeness',
                report,
                dataSetId: dataSetId ?? null,
                details: {
                    rate,
                    median: rateMedian,
                    threshold: t.completenessThreshold,
                    dropPoints,
                    baselineSize: baseline.length,
                },
            })
        }
    }
    return alerts
}

// ---------------------------------------------------------------------------------------------
// Master-list gaps
// ---------------------------------------------------------------------------------------------

export interface OrgUnitPresence {
    orgUnitId: string
    /** HMIS values of the pair in the period: a count, or whether there are any */
    hmis: number | boolean
    /** LMIS values of the pair in the period: a count, or whether there are any */
    lmis: number | boolean
}

export interface MasterListInput {
    pairId: string
    period: string
    orgUnits: readonly OrgUnitPresence[]
    thresholds?: Partial<AlertThresholds>
}

const countOf = (presence: number | boolean): number =>
    typeof presence === 'number'
        ? Number.isFinite(presence)
            ? Math.max(0, presence)
            : 0
        : presence
          ? 1
          : 0

/**
 * Org units with LMIS values but no HMIS values for the period (`lmisWithoutHmis`), and the
 * reverse (`hmisWithoutLmis`): facilities missing from one system's list, or mapped to another
 * org unit. Org units with neither are not reported.
 */
export const detectMasterListGaps = (input: MasterListInput): MasterListAlert[] => {
    const t = settings(input.thresholds)
    const alerts: MasterListAlert[] = []
    for (const unit of input.orgUnits) {
        const hmisValues = countOf(unit.hmis)
        const lmisValues = countOf(unit.lmis)
        if (hmisValues > 0 === lmisValues > 0) continue
        const type = hmisValues > 0 ? 'hmisWithoutLmis' : 'lmisWithoutHmis'
        alerts.push({
            id: alertId(type, input.pairId, unit.orgUnitId, input.period),
            type,
            pairId: input.pairId,
            orgUnitId: unit.orgUnitId,
            period: input.period,
            severity: t.zScore,
            magnitude: Math.max(hmisValues, lmisValues),
            direction: 'down',
            series: hmisValues > 0 ? 'lmis' : 'hmis',
            details: { hmisValues, lmisValues },
        })
    }
    return alerts
}
