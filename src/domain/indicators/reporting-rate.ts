/**
 * Reporting rate (data completeness): reports received / reports expected × 100, as DHIS2's
 * `<dataSet>.REPORTING_RATE` (`ACTUAL_REPORTS` / `EXPECTED_REPORTS`); on time likewise with
 * `ACTUAL_REPORTS_ON_TIME`. Above one data set, org unit or period, it is recomputed from summed
 * counts, never by averaging rates.
 */
import {
    monthsOfQuarter,
    quarterOfMonth,
    type AlignedPoint,
    type Grain,
    type PeriodValues,
    type SeriesPeriodType,
} from '../periods'

export interface ReportCounts {
    actual: number
    expected: number
}

/** Reporting rate in percent; `null` when no report was expected or counts are invalid. */
export const reportingRate = ({ actual, expected }: ReportCounts): number | null => {
    if (!Number.isFinite(actual) || !Number.isFinite(expected) || actual < 0 || expected <= 0) {
        return null
    }
    return (actual / expected) * 100
}

/** The reporting rate of several data sets, org units or periods, from their summed counts. */
export const aggregateReportingRate = (counts: readonly ReportCounts[]): number | null =>
    reportingRate(
        counts.reduce(
            (total, count) => ({
                actual: total.actual + count.actual,
                expected: total.expected + count.expected,
            }),
            { actual: 0, expected: 0 }
        )
    )

export interface AlignReportingRateInput {
    grain: Grain
    /** The view's periods: months (monthly grain) or quarters (quarterly grain) */
    periods: readonly string[]
    /** The data set's period type */
    sourcePeriodType: SeriesPeriodType
    /** `ACTUAL_REPORTS` by period */
    actual: PeriodValues
    /** `EXPECTED_REPORTS` by period */
    expected: PeriodValues
}

const count = (values: PeriodValues, period: string): number => {
    const value = values[period]
    return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

const hasCount = (values: PeriodValues, period: string): boolean =>
    typeof values[period] === 'number'

/**
 * The reporting rate on the view's periods, from report counts (DHIS2 leaves out rows of zero
 * reports, so a missing count is 0):
 * - same period type: actual / expected of each period;
 * - quarterly view of a monthly data set: the three months' counts summed, then divided;
 * - monthly view of a quarterly data set: each month shows its quarter's rate (`QUARTER_RATE`).
 */
export const alignReportingRate = ({
    grain,
    periods,
    sourcePeriodType,
    actual,
    expected,
}: AlignReportingRateInput): AlignedPoint[] =>
    periods.map((period) => {
        const sources =
            (grain === 'monthly') === (sourcePeriodType === 'MONTHLY')
                ? [period]
                : grain === 'quarterly'
                  ? [...monthsOfQuarter(period)]
                  : [quarterOfMonth(period)]
        const withExpected = sources.filter((source) => hasCount(expected, source))
        const value = reportingRate({
            actual: sources.reduce((sum, source) => sum + count(actual, source), 0),
            expected: sources.reduce((sum, source) => sum + count(expected, source), 0),
        })
        return {
            period,
            value,
            estimated: false,
            partial: false,
            sourcePeriods: value === null ? [] : withExpected,
            missingPeriods: value === null ? sources : [],
            reason:
                value !== null && grain === 'monthly' && sourcePeriodType === 'QUARTERLY'
                    ? 'QUARTER_RATE'
                    : null,
        }
    })
