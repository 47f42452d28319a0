/**
 * The honest current period: a period whose reports are not yet all due or in is incomplete. Its
 * totals are not drawn, compared or used in estimates (a quarter with one reporting group in out
 * of three would read as a collapse), and the card says "x of y reports in".
 *
 * The rule, period by period of a system (HMIS or LMIS):
 * - a period is OPEN while it is not over: its last month is the current month or later (a
 *   quarterly report is not due before its quarter ends; in the monthly view a month counts as
 *   open while the quarter its quarterly reports cover is open);
 * - walking back from the latest period, each period is incomplete while it is open or while its
 *   reports received are fewer than `LATE_RATIO` × the usual share (the median reporting rate of
 *   the earlier periods): reports still arriving. The first period that is complete ends the run:
 *   an old period with low reporting is low completeness (said by the badge), not "not yet in".
 */
import { monthsOfQuarter, seriesPeriodTypeOf } from './calendar-periods'

export interface ReportTally {
    actual: number
    expected: number
}

export interface PeriodCompleteness {
    period: string
    /** The period (or a quarter its quarterly reports cover) is not over */
    open: boolean
    /** Reports received and expected for the period; `null` when no data set is known */
    reports: ReportTally | null
    /** Not all reports due or in yet: not drawn or compared */
    incomplete: boolean
}

/** Below this share of the usual reporting rate, the latest periods count as not all in yet */
export const LATE_RATIO = 0.9

/** The last month of a month or quarter id; the id itself otherwise. */
export const lastMonthOf = (period: string): string =>
    seriesPeriodTypeOf(period) === 'QUARTERLY' ? monthsOfQuarter(period)[2] : period

/**
 * Whether a month or quarter is not over in `currentMonth` (the month containing today, same
 * calendar; ids of one calendar compare as strings: `202611` < `202612`).
 */
export const isPeriodOpen = (period: string, currentMonth: string): boolean =>
    lastMonthOf(period) >= currentMonth

const rateOf = (reports: ReportTally | null): number | null =>
    reports && reports.expected > 0 ? reports.actual / reports.expected : null

const median = (values: readonly number[]): number | null => {
    if (values.length === 0) return null
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2
        ? (sorted[middle] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Marks the trailing periods whose reports are not all due or in (see the file comment). */
export const markIncompletePeriods = (
    periods: readonly Omit<PeriodCompleteness, 'incomplete'>[],
    lateRatio: number = LATE_RATIO
): PeriodCompleteness[] => {
    const out = periods.map((p): PeriodCompleteness => ({
        period: p.period,
        open: p.open,
        reports: p.reports,
        incomplete: false,
    }))
    let index = out.length - 1
    // Open periods at the end first: they are incomplete whatever their counts
    while (index >= 0 && out[index]?.open) {
        ;(out[index] as PeriodCompleteness).incomplete = true
        index -= 1
    }
    for (; index >= 0; index -= 1) {
        const point = out[index] as PeriodCompleteness
        const rate = rateOf(point.reports)
        // The usual rate: that of the periods before this one (only needed with a rate)
        const usual =
            rate === null
                ? null
                : median(
                      out
                          .slice(0, index)
                          .map((p) => rateOf(p.reports))
                          .filter((r): r is number => r !== null)
                  )
        if (point.open || (rate !== null && usual !== null && rate < lateRatio * usual)) {
            point.incomplete = true
            continue
        }
        break
    }
    return out
}
