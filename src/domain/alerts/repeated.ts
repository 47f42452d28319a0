/**
 * The same value reported month after month: a copied form, not a count. A facility's monthly
 * count of 30 deliveries varies by ±5 or more from one month to the next (Poisson alone: ±√30);
 * the chance that it comes out exactly the same `n` months running is about `p₀^(n−1)`, where
 * `p₀ ≈ 1 / √(2π·variance)` is the chance of any one value near the mean (the variance is the
 * series' own over its earlier months, at least its mean: counts vary at least as Poisson does).
 * That probability is given back as the equivalent one-sided z (`Φ⁻¹(1 − p)`), so the tiers of
 * `tiers.ts` apply: 4 identical months of a count of 30 score about 4.6, six about 6.2.
 *
 * Zeros are left out (a service a facility does not offer is 0 every month), and so are values
 * below `MIN_REPEATED_VALUE` (a count of 2 repeats by chance); the run must end in the tested
 * periods and the months before it must vary (a value that never changed is a different problem,
 * a default entered on every form, which the earlier months would show too).
 */
import { normalQuantile } from './low-counts'
import { isValue, median, percentChange, type NumericSeries } from './stats'
import { alertId, type OutlierAlert } from './types'

/** Fewest identical months in a row for a finding */
export const MIN_REPEATED_RUN = 4
/** Smallest value judged (below it, repeats happen by chance) */
export const MIN_REPEATED_VALUE = 10

export interface RepeatedRun {
    /** Index of the last period of the run (in the tested periods) */
    index: number
    /** Index of its first period */
    start: number
    value: number
    /** Periods in the run */
    length: number
    /** The chance of the run (see the module comment) and its equivalent z */
    p: number
    z: number
}

/**
 * The run of identical values ending at the latest tested period where one ends, or `null`:
 * at least `minRun` identical values ≥ `minValue`, ending among the last `testLast` periods,
 * with at least 4 values before it that are not all that value.
 */
export const findRepeatedRun = (
    values: NumericSeries,
    testLast: number,
    { minRun = MIN_REPEATED_RUN, minValue = MIN_REPEATED_VALUE } = {}
): RepeatedRun | null => {
    const n = values.length
    const firstTested = Math.max(0, n - testLast)
    for (let end = n - 1; end >= firstTested; end--) {
        const value = values[end]
        if (!isValue(value) || value < minValue) continue
        let start = end
        while (start > 0 && values[start - 1] === value) start -= 1
        const length = end - start + 1
        if (length < minRun) continue
        const before: number[] = []
        for (let j = 0; j < start; j++) {
            const v = values[j]
            if (isValue(v)) before.push(v)
        }
        if (before.length < 4 || before.every((v) => v === value)) return null
        const mean = before.reduce((s, v) => s + v, 0) / before.length
        const variance =
            before.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, before.length - 1)
        const spread = Math.max(variance, mean, value)
        const p0 = Math.min(0.5, 1 / Math.sqrt(2 * Math.PI * spread))
        const p = Math.pow(p0, length - 1)
        return { index: end, start, value, length, p, z: -normalQuantile(p) }
    }
    return null
}

export interface RepeatedInput {
    pairId: string
    orgUnitId: string
    /** Period ids; `values` is aligned with them */
    periods: readonly string[]
    values: NumericSeries
    /** Test runs ending in the last n periods */
    testLast: number
    series: 'hmis' | 'lmis'
    /** Smallest z of a finding (the outlier cut-off) */
    zScore: number
}

/**
 * A finding for the same value reported month after month (`findRepeatedRun`), as an outlier of
 * method `REPEATED` at the run's last period: a `spike` when the value is at or above the median
 * of the months before the run, else a `collapse`; `[]` when there is none or it scores below
 * `zScore`.
 */
export const detectRepeatedValues = (input: RepeatedInput): OutlierAlert[] => {
    const run = findRepeatedRun(input.values, input.testLast)
    if (!run || !(run.z >= input.zScore)) return []
    const before = input.values.slice(0, run.start).filter((v): v is number => isValue(v))
    const usual = median(before) ?? run.value
    const up = run.value >= usual
    const type = up ? 'spike' : 'collapse'
    const period = input.periods[run.index] as string
    const measure = input.series === 'lmis' ? 'consumption' : null
    return [
        {
            id: alertId(
                type,
                input.pairId,
                input.orgUnitId,
                period,
                `${measure ?? 'hmis'}:repeated`
            ),
            type,
            pairId: input.pairId,
            orgUnitId: input.orgUnitId,
            period,
            severity: run.z,
            magnitude: run.length,
            direction: up ? 'up' : 'down',
            series: input.series,
            measure,
            method: 'REPEATED',
            details: {
                value: run.value,
                median: usual,
                mad: 0,
                meanAbsoluteDeviation: 0,
                zScore: run.z,
                changePercent: percentChange(run.value, usual),
                baselineSize: before.length,
                expected: usual,
                seasonalFactor: null,
                repeatedPeriods: input.periods.slice(run.start, run.index + 1),
            },
        },
    ]
}
