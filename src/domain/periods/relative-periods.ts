/**
 * The period choices of the view (DHIS2 relative periods, or a fixed year) expanded into the fixed
 * months or quarters of the series, given today's date.
 *
 * Monthly grain, as DHIS2 counts them: `LAST_n_MONTHS` are the n months before the current one
 * (the current month, still being reported, is left out); `LAST_4_QUARTERS` the 12 months of the 4
 * quarters before the current one; `LAST_QUARTER`/`LAST_YEAR` that whole quarter or year.
 *
 * Quarterly grain: month choices become whole quarters, so that a quarter is never cut by the
 * window: `LAST_3_MONTHS`/`LAST_6_MONTHS`/`LAST_12_MONTHS` → the last 1/2/4 quarters before the
 * current one, `LAST_MONTH` → the last quarter, `THIS_MONTH` → the current quarter.
 *
 * "Before the current one" is counted as DHIS2's `RelativePeriods` does: the period containing the
 * date one month (`LAST_MONTH`, `LAST_n_MONTHS`), three months (`LAST_QUARTER`, `LAST_4_QUARTERS`)
 * or twelve months (`LAST_YEAR`) before today, those months being ISO months
 * (`new DateTime(date).minusMonths(n)` in dhis2-core `period/RelativePeriods.java`); the rolling
 * periods then step back through period ids (`generateRollingPeriods`). In the Gregorian calendar
 * this is plain month arithmetic; in the Ethiopian one it can differ on a day or two a year.
 *
 * `THIS_*` choices (and a fixed year that is the current year) stop at the current period: later
 * periods cannot have data yet and would read as reporting gaps. The current period itself is
 * kept: it is incomplete, and the data-completeness line shows it.
 */
import i18n from '@dhis2/d2-i18n'
import {
    listYearPeriods,
    monthsOfQuarters,
    periodIdContaining,
    periodsEndingWith,
    addMonths,
    addQuarters,
    calendarDateMonthsBefore,
    monthRange,
    quartersOfMonths,
    type CalendarOptions,
    type SeriesPeriodType,
} from './calendar-periods'

export const RELATIVE_PERIODS = [
    'THIS_MONTH',
    'LAST_MONTH',
    'LAST_3_MONTHS',
    'LAST_6_MONTHS',
    'LAST_12_MONTHS',
    'THIS_QUARTER',
    'LAST_QUARTER',
    'LAST_4_QUARTERS',
    'THIS_YEAR',
    'LAST_YEAR',
] as const
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number]

export const isRelativePeriod = (value: string): value is RelativePeriod =>
    (RELATIVE_PERIODS as readonly string[]).includes(value)

/** A fixed (calendar) year chosen in the period picker, e.g. `2024` */
export const isYearSelection = (value: string): boolean => /^\d{4}$/.test(value)

export interface ExpandOptions extends CalendarOptions {
    /** Today as a calendar date `yyyy-MM-dd` (see `todayInCalendar`) */
    now: string
    /** The grain of the series: months or quarters */
    periodType: SeriesPeriodType
}

const MONTH_COUNTS: Partial<Record<RelativePeriod, number>> = {
    LAST_MONTH: 1,
    LAST_3_MONTHS: 3,
    LAST_6_MONTHS: 6,
    LAST_12_MONTHS: 12,
}

const yearPeriodIds = (
    year: number,
    periodType: SeriesPeriodType,
    options: ExpandOptions,
    notAfter?: string
): string[] =>
    listYearPeriods({
        calendar: options.calendar,
        locale: options.locale,
        year,
        periodType,
        notAfter,
    }).map((period) => period.id)

/** The fixed months or quarters of a relative period, oldest first. */
export const expandRelativePeriod = (choice: RelativePeriod, options: ExpandOptions): string[] => {
    const { now, periodType } = options
    const currentMonth = periodIdContaining(now, 'MONTHLY', options)
    const currentQuarter = periodIdContaining(now, 'QUARTERLY', options)
    const year = Number(now.slice(0, 4))
    const monthly = periodType === 'MONTHLY'
    /** The period containing the date `months` (ISO) months ago, as DHIS2 finds "the last" one */
    const before = (months: number, type: SeriesPeriodType): string => {
        const date = calendarDateMonthsBefore(now, months, options)
        if (date !== null) return periodIdContaining(date, type, options)
        return type === 'MONTHLY'
            ? addMonths(currentMonth, -months)
            : addQuarters(currentQuarter, -Math.round(months / 3))
    }
    const lastMonth = before(1, 'MONTHLY')
    const lastQuarter = before(3, 'QUARTERLY')

    const monthCount = MONTH_COUNTS[choice]
    if (monthCount !== undefined) {
        return monthly
            ? periodsEndingWith(lastMonth, monthCount)
            : periodsEndingWith(lastQuarter, Math.ceil(monthCount / 3))
    }
    switch (choice) {
        case 'THIS_MONTH':
            return [monthly ? currentMonth : currentQuarter]
        case 'THIS_QUARTER':
            return monthly
                ? monthsOfQuarters([currentQuarter]).filter((month) => month <= currentMonth)
                : [currentQuarter]
        case 'LAST_QUARTER':
            return monthly ? monthsOfQuarters([lastQuarter]) : [lastQuarter]
        case 'LAST_4_QUARTERS': {
            const quarters = periodsEndingWith(lastQuarter, 4)
            return monthly ? monthsOfQuarters(quarters) : quarters
        }
        case 'THIS_YEAR':
            return yearPeriodIds(year, periodType, options, now)
        case 'LAST_YEAR': {
            const lastYear = calendarDateMonthsBefore(now, 12, options)
            return yearPeriodIds(
                lastYear === null ? year - 1 : Number(lastYear.slice(0, 4)),
                periodType,
                options
            )
        }
        default:
            return []
    }
}

const MONTH_RANGE = /^(\d{4}(?:0[1-9]|1[0-2]))_(\d{4}(?:0[1-9]|1[0-2]))$/

/**
 * A range of months `202401_202403` (first and last month, included): what a dashboard item shows
 * for a dashboard period the view has no choice for (a week, a financial year…), aligned to the
 * months covering it (`features/plugin/period-filter.ts`).
 */
export const isMonthRangeSelection = (value: string): boolean => {
    const match = MONTH_RANGE.exec(value)
    return match !== null && (match[1] as string) <= (match[2] as string)
}

/** The range selection of the months `first` to `last` (included). */
export const monthRangeSelection = (first: string, last: string): string => `${first}_${last}`

/** The first and last month of a range selection, else `null`. */
export const monthRangeBounds = (value: string): [string, string] | null => {
    const match = MONTH_RANGE.exec(value)
    return match && (match[1] as string) <= (match[2] as string)
        ? [match[1] as string, match[2] as string]
        : null
}

/**
 * The fixed periods of the view's period selection: a relative period (`LAST_12_MONTHS`), a
 * calendar year (`2024`; future periods of the current year left out) or a range of months
 * (`202401_202403`: those months, or the quarters covering them). Unknown selections give [].
 */
export const expandPeriodSelection = (selection: string, options: ExpandOptions): string[] => {
    if (isRelativePeriod(selection)) {
        return expandRelativePeriod(selection, options)
    }
    if (isYearSelection(selection)) {
        return yearPeriodIds(Number(selection), options.periodType, options, options.now)
    }
    const range = monthRangeBounds(selection)
    if (range) {
        const months = monthRange(range[0], range[1])
        return options.periodType === 'MONTHLY' ? months : quartersOfMonths(months)
    }
    return []
}

/** The label of a relative period for the period picker. */
export const relativePeriodLabel = (choice: RelativePeriod): string => {
    switch (choice) {
        case 'THIS_MONTH':
            return i18n.t('This month')
        case 'LAST_MONTH':
            return i18n.t('Last month')
        case 'LAST_3_MONTHS':
            return i18n.t('Last 3 months')
        case 'LAST_6_MONTHS':
            return i18n.t('Last 6 months')
        case 'LAST_12_MONTHS':
            return i18n.t('Last 12 months')
        case 'THIS_QUARTER':
            return i18n.t('This quarter')
        case 'LAST_QUARTER':
            return i18n.t('Last quarter')
        case 'LAST_4_QUARTERS':
            return i18n.t('Last 4 quarters')
        case 'THIS_YEAR':
            return i18n.t('This year')
        case 'LAST_YEAR':
            return i18n.t('Last year')
    }
}
