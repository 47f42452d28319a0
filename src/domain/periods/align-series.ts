/**
 * Aligning HMIS and LMIS series on one time axis, monthly or quarterly, without ever mixing
 * actual and derived values silently: every output point says which source periods it comes
 * from, whether it is an estimate, whether sources were missing, and why.
 *
 * Measures are of two kinds:
 * - flows (`flow`): counts over the period, additive over time: HMIS service counts, LMIS
 *   consumption, losses, quantities received, stockout days;
 * - levels (`level`): a state at the end of the period, not additive over time: stock on hand.
 *
 * Monthly view
 * - monthly sources are shown as they are;
 * - a quarterly flow is shown on each month of the quarter as quarter ÷ 3, flagged
 *   `estimated` (reason `QUARTER_DIVIDED_BY_3`): an average, not what was consumed that month
 *   (Tanzania's HMIS/LMIS dashboards compared these averages with monthly actuals);
 * - a quarterly level (stock on hand at the end of the quarter) is not divided: it is shown on the
 *   quarter's last month as an actual value (`QUARTER_END_LEVEL`) and the quarter's first two
 *   months stay empty (`LEVEL_ONLY_AT_QUARTER_END`), as the OpenLMIS → DHIS2 interface stored it.
 *
 * Quarterly view
 * - a monthly flow is summed over the quarter's three months only when all three have a value;
 *   otherwise the quarter has no value and is flagged `partial` (`MONTHS_MISSING`, with the
 *   months that are missing): a two-month sum next to a three-month one would read as a drop;
 * - a monthly level takes the quarter's last month (as DHIS2's LAST aggregation does); when that
 *   month has no value the quarter has none, flagged `partial` (`LAST_MONTH_MISSING`) if an
 *   earlier month had one: an earlier month's stock is not the quarter-end stock;
 * - quarterly sources are shown as they are.
 *
 * Staggered reporting: in Tanzania, LMIS facilities were in groups A/B/C, each reporting
 * quarterly in a different month for the three months before the report. In DHIS2 such data is
 * stored per calendar quarter (the interface maps each report to a DHIS2 quarterly period), which
 * is what the app reads: the months a group's report really covered cannot be recovered from
 * DHIS2, which is one more reason why monthly estimates from quarterly data are only averages.
 */
import {
    monthsOfQuarter,
    quarterOfMonth,
    seriesPeriodTypeOf,
    type SeriesPeriodType,
} from './calendar-periods'

/** The grain of the view's time axis (same words as the view state's `grain`) */
export type Grain = 'monthly' | 'quarterly'
export type MeasureKind = 'flow' | 'level'

/** Values by period id; `null` or absent when the period has no value */
export type PeriodValues = Readonly<Record<string, number | null | undefined>>

/** Values by period id as a record or a map (a scan reads its values into maps: faster to fill) */
export type PeriodValuesIn = PeriodValues | ReadonlyMap<string, number | null | undefined>

export type AlignmentReason =
    /** Monthly estimate of a quarterly flow: the quarter's value ÷ 3 */
    | 'QUARTER_DIVIDED_BY_3'
    /** A quarterly level (stock at the end of the quarter) shown on the quarter's last month */
    | 'QUARTER_END_LEVEL'
    /** A month before the quarter's last one: a quarterly level has no monthly value */
    | 'LEVEL_ONLY_AT_QUARTER_END'
    /** A quarter whose flow could not be summed: some of its months have no value */
    | 'MONTHS_MISSING'
    /** A quarter whose level is unknown: its last month has no value, an earlier one has */
    | 'LAST_MONTH_MISSING'
    /** A month showing its quarter's reporting rate (the data set is reported quarterly) */
    | 'QUARTER_RATE'
    /** Quarterly reports of staggered groups placed on the months each covers (`staggered.ts`) */
    | 'GROUP_WINDOWS'
    /** Reports not all due or in yet (`period-completeness.ts`): the partial total is not shown */
    | 'PERIOD_INCOMPLETE'

export interface AlignedPoint {
    /** The output period: a month (`202405`) in the monthly view, a quarter (`2024Q2`) otherwise */
    period: string
    value: number | null
    /** Derived from another period type (quarter ÷ 3), not an actual value for this period */
    estimated: boolean
    /** Some of the source periods had no value (see `missingPeriods`) */
    partial: boolean
    /** The source periods whose values were used */
    sourcePeriods: string[]
    /** Source periods that were needed but had no value */
    missingPeriods: string[]
    /** Why the point is not simply the source value; `null` when it is */
    reason: AlignmentReason | null
}

export interface AlignValuesInput {
    grain: Grain
    /** The output periods, in order: months in the monthly view, quarters in the quarterly one */
    periods: readonly string[]
    values: PeriodValuesIn
    /** The period type the values are stored with in DHIS2 */
    sourcePeriodType: SeriesPeriodType
    kind: MeasureKind
}

const valueOf = (values: PeriodValuesIn, period: string): number | null => {
    const value = values instanceof Map ? values.get(period) : (values as PeriodValues)[period]
    return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * A point built field by field (no object spread: a national scan builds millions of them, and a
 * spread of the extras was a fifth of its time)
 */
const point = (
    period: string,
    value: number | null,
    sourcePeriods: string[],
    extra?: Partial<Omit<AlignedPoint, 'period' | 'value' | 'sourcePeriods'>>
): AlignedPoint => ({
    period,
    value,
    estimated: extra?.estimated ?? false,
    partial: extra?.partial ?? false,
    sourcePeriods,
    missingPeriods: extra?.missingPeriods ?? [],
    reason: extra?.reason ?? null,
})

const identity = (period: string, values: PeriodValuesIn): AlignedPoint => {
    const value = valueOf(values, period)
    return value === null
        ? point(period, null, [], { missingPeriods: [period] })
        : point(period, value, [period])
}

const monthFromQuarter = (
    month: string,
    values: PeriodValuesIn,
    kind: MeasureKind
): AlignedPoint => {
    const quarter = quarterOfMonth(month)
    const quarterValue = valueOf(values, quarter)
    if (kind === 'level') {
        const isLastMonth = monthsOfQuarter(quarter)[2] === month
        if (!isLastMonth) {
            return point(month, null, [], { reason: 'LEVEL_ONLY_AT_QUARTER_END' })
        }
        return quarterValue === null
            ? point(month, null, [], { missingPeriods: [quarter] })
            : point(month, quarterValue, [quarter], { reason: 'QUARTER_END_LEVEL' })
    }
    return quarterValue === null
        ? point(month, null, [], { missingPeriods: [quarter] })
        : point(month, quarterValue / 3, [quarter], {
              estimated: true,
              reason: 'QUARTER_DIVIDED_BY_3',
          })
}

const quarterFromMonths = (
    quarter: string,
    values: PeriodValuesIn,
    kind: MeasureKind
): AlignedPoint => {
    const months = monthsOfQuarter(quarter)
    const present = months.filter((month) => valueOf(values, month) !== null)
    const missing = months.filter((month) => valueOf(values, month) === null)
    if (kind === 'level') {
        const last = months[2]
        const lastValue = valueOf(values, last)
        if (lastValue !== null) {
            return point(quarter, lastValue, [last])
        }
        return present.length > 0
            ? point(quarter, null, [], {
                  partial: true,
                  missingPeriods: [last],
                  reason: 'LAST_MONTH_MISSING',
              })
            : point(quarter, null, [], { missingPeriods: [last] })
    }
    if (missing.length === 0) {
        const sum = months.reduce((total, month) => total + (valueOf(values, month) ?? 0), 0)
        return point(quarter, sum, [...months])
    }
    return present.length > 0
        ? point(quarter, null, present, {
              partial: true,
              missingPeriods: missing,
              reason: 'MONTHS_MISSING',
          })
        : point(quarter, null, [], { missingPeriods: missing })
}

const expectedPeriodType = (grain: Grain): SeriesPeriodType =>
    grain === 'monthly' ? 'MONTHLY' : 'QUARTERLY'

/** Lists of display periods found to be all of one type (`alignValues`) */
const checkedPeriods = new WeakMap<readonly string[], SeriesPeriodType>()

/** Aligns one measure's values to the view's periods (see the rules above). */
export const alignValues = ({
    grain,
    periods,
    values,
    sourcePeriodType,
    kind,
}: AlignValuesInput): AlignedPoint[] => {
    const outputType = expectedPeriodType(grain)
    // Checked once per list of periods and type (a scan aligns millions of series on one list)
    if (checkedPeriods.get(periods) !== outputType) {
        for (const period of periods) {
            if (seriesPeriodTypeOf(period) !== outputType) {
                throw new RangeError(`Period ${period} is not ${outputType.toLowerCase()}`)
            }
        }
        checkedPeriods.set(periods, outputType)
    }
    return periods.map((period) => {
        if (sourcePeriodType === outputType) {
            return identity(period, values)
        }
        return grain === 'monthly'
            ? monthFromQuarter(period, values, kind)
            : quarterFromMonths(period, values, kind)
    })
}

/** One series to align: its values, the period type it is stored with, its kind. */
export interface SeriesInput {
    values: PeriodValues
    /** Default `MONTHLY` */
    periodType?: SeriesPeriodType
    /** Default `flow` */
    kind?: MeasureKind
}

/** The LMIS measures of a pair, all stored with the same period type (their data set's) */
export interface LmisSeriesInput {
    periodType: SeriesPeriodType
    consumption?: PeriodValues
    stockOnHand?: PeriodValues
    stockoutDays?: PeriodValues
    losses?: PeriodValues
    received?: PeriodValues
}

export type LmisSeriesMeasure = Exclude<keyof LmisSeriesInput, 'periodType'>

/** Stock on hand is a level; the other LMIS measures are flows. */
export const LMIS_MEASURE_KINDS: Readonly<Record<LmisSeriesMeasure, MeasureKind>> = {
    consumption: 'flow',
    stockOnHand: 'level',
    stockoutDays: 'flow',
    losses: 'flow',
    received: 'flow',
}

export interface AlignSeriesInput {
    grain: Grain
    /** The view's periods, in order: months (monthly grain) or quarters (quarterly grain) */
    periods: readonly string[]
    /** HMIS series by id (e.g. dx id): monthly flows unless said otherwise */
    hmis: Readonly<Record<string, SeriesInput>>
    lmis?: LmisSeriesInput
}

export interface AlignedSeries {
    grain: Grain
    periods: readonly string[]
    hmis: Record<string, AlignedPoint[]>
    lmis: Partial<Record<LmisSeriesMeasure, AlignedPoint[]>>
}

/**
 * Aligns a pair's HMIS series (monthly) and LMIS series (monthly or quarterly) on the view's
 * months or quarters. Indicators (ratios) are neither flows nor levels: request them from DHIS2 at
 * the view's period type (DHIS2 recomputes them from numerator and denominator) and pass them with
 * that `periodType`, so they are shown as they are.
 */
export const alignSeries = ({ grain, periods, hmis, lmis }: AlignSeriesInput): AlignedSeries => {
    const alignedHmis: Record<string, AlignedPoint[]> = {}
    for (const [id, series] of Object.entries(hmis)) {
        alignedHmis[id] = alignValues({
            grain,
            periods,
            values: series.values,
            sourcePeriodType: series.periodType ?? 'MONTHLY',
            kind: series.kind ?? 'flow',
        })
    }
    const alignedLmis: Partial<Record<LmisSeriesMeasure, AlignedPoint[]>> = {}
    if (lmis) {
        for (const measure of Object.keys(LMIS_MEASURE_KINDS) as LmisSeriesMeasure[]) {
            const values = lmis[measure]
            if (values) {
                alignedLmis[measure] = alignValues({
                    grain,
                    periods,
                    values,
                    sourcePeriodType: lmis.periodType,
                    kind: LMIS_MEASURE_KINDS[measure],
                })
            }
        }
    }
    return { grain, periods, hmis: alignedHmis, lmis: alignedLmis }
}
