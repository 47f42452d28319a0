/**
 * DHIS2 ISO periods for analytics queries (`202401`, `2024Q1`, `2024S1`, `2024`) and relative
 * periods (`LAST_12_MONTHS`, ...), expanded as DHIS2's `RelativePeriods` does: `THIS_*` contain the
 * reference date, `LAST_*` is the one before, `LAST_N_*` are the N periods before the current one in
 * ascending order, `*_THIS_YEAR` / `*_LAST_YEAR` are all periods of that calendar year.
 */

export type QueryPeriodType = 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly'

/** `PeriodType.getFrequencyOrder()` in dhis2-core (Monthly 30, Quarterly 91, SixMonthly 182, Yearly 365). */
export const FREQUENCY_ORDER: Record<QueryPeriodType, number> = {
    Monthly: 30,
    Quarterly: 91,
    SixMonthly: 182,
    Yearly: 365,
}

/** Months per period of each type. */
const MONTHS: Record<QueryPeriodType, number> = {
    Monthly: 1,
    Quarterly: 3,
    SixMonthly: 6,
    Yearly: 12,
}

export interface Period {
    /** ISO id, e.g. `202401` */
    id: string
    type: QueryPeriodType
    year: number
    /** 1-based position in the year: month, quarter, half or 1 */
    index: number
    /** Running month index (year × 12 + month − 1) of the first and last month */
    firstMonth: number
    lastMonth: number
    /** Days since 1970-01-01 (UTC) of the first and last day, inclusive */
    startDay: number
    endDay: number
    /** ISO dates `YYYY-MM-DD` */
    startDate: string
    endDate: string
    days: number
}

/** A calendar date without time zone. */
export interface CalendarDate {
    year: number
    /** 1–12 */
    month: number
    day: number
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

export const epochDay = (year: number, month: number, day: number): number =>
    Math.round(Date.UTC(year, month - 1, day) / 86400000)

/** Epoch day of an ISO date or date-time string (`2024-01-31`, `1994-01-01T00:00:00.000`). */
export const epochDayOfIso = (iso: string): number => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
    if (!m) return NaN
    return epochDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

const daysInMonth = (year: number, month: number): number =>
    new Date(Date.UTC(year, month, 0)).getUTCDate()

const periodId = (type: QueryPeriodType, year: number, index: number): string => {
    switch (type) {
        case 'Monthly':
            return `${year}${pad2(index)}`
        case 'Quarterly':
            return `${year}Q${index}`
        case 'SixMonthly':
            return `${year}S${index}`
        case 'Yearly':
            return String(year)
    }
}

export const makePeriod = (type: QueryPeriodType, year: number, index: number): Period => {
    const span = MONTHS[type]
    const firstMonth = year * 12 + (index - 1) * span
    const lastMonth = firstMonth + span - 1
    const endYear = Math.floor(lastMonth / 12)
    const endMonth = (lastMonth % 12) + 1
    const startMonth = (firstMonth % 12) + 1
    const lastDay = daysInMonth(endYear, endMonth)
    const startDay = epochDay(year, startMonth, 1)
    const endDay = epochDay(endYear, endMonth, lastDay)
    return {
        id: periodId(type, year, index),
        type,
        year,
        index,
        firstMonth,
        lastMonth,
        startDay,
        endDay,
        startDate: `${year}-${pad2(startMonth)}-01`,
        endDate: `${endYear}-${pad2(endMonth)}-${pad2(lastDay)}`,
        days: endDay - startDay + 1,
    }
}

/** The period of a type containing the given running month index. */
export const periodOfMonth = (type: QueryPeriodType, monthIndex: number): Period => {
    const year = Math.floor(monthIndex / 12)
    const monthOfYear = monthIndex % 12
    return makePeriod(type, year, Math.floor(monthOfYear / MONTHS[type]) + 1)
}

/** The period `offset` steps after (negative: before) the given one. */
export const shiftPeriod = (period: Period, offset: number): Period =>
    periodOfMonth(period.type, period.firstMonth + offset * MONTHS[period.type])

/** Parses an ISO period id of a supported type; null when invalid or unsupported. */
export const parsePeriod = (id: string): Period | null => {
    let m = /^(\d{4})(\d{2})$/.exec(id)
    if (m) {
        const month = Number(m[2])
        return month >= 1 && month <= 12 ? makePeriod('Monthly', Number(m[1]), month) : null
    }
    m = /^(\d{4})Q([1-4])$/.exec(id)
    if (m) return makePeriod('Quarterly', Number(m[1]), Number(m[2]))
    m = /^(\d{4})S([12])$/.exec(id)
    if (m) return makePeriod('SixMonthly', Number(m[1]), Number(m[2]))
    m = /^(\d{4})$/.exec(id)
    if (m) return makePeriod('Yearly', Number(m[1]), 1)
    return null
}

const MONTH_NAMES = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
]

/**
 * DHIS2's display name of a period (`I18nFormat.formatPeriod`), as in the recorded responses:
 * `July 2019`, `Jan to Mar 2019`, `2019`. Six-monthly periods follow the quarterly pattern
 * (`Jan to Jun 2019`).
 */
export const periodName = (period: Period): string => {
    switch (period.type) {
        case 'Monthly':
            return `${MONTH_NAMES[period.index - 1]} ${period.year}`
        case 'Quarterly':
        case 'SixMonthly': {
            const first = period.firstMonth % 12
            const last = period.lastMonth % 12
            const endYear = Math.floor(period.lastMonth / 12)
            return `${(MONTH_NAMES[first] as string).slice(0, 3)} to ${(MONTH_NAMES[last] as string).slice(0, 3)} ${endYear}`
        }
        case 'Yearly':
            return String(period.year)
    }
}

/** `PeriodType.getPeriodSpan`: how many periods of `inner` fit in one of `outer` (floored). */
export const periodSpan = (outer: QueryPeriodType, inner: QueryPeriodType): number =>
    Math.floor(FREQUENCY_ORDER[outer] / FREQUENCY_ORDER[inner])

/** DHIS2 `AscendingPeriodComparator`: frequency order, then period type name, then start date. */
export const comparePeriods = (a: Period, b: Period): number => {
    const freq = FREQUENCY_ORDER[a.type] - FREQUENCY_ORDER[b.type]
    if (freq !== 0) return freq
    if (a.type !== b.type) return a.type < b.type ? -1 : 1
    return a.startDay - b.startDay
}

interface RelativePeriodDefinition {
    /** English display name (DHIS2 i18n) */
    name: string
    expand: (date: CalendarDate) => Period[]
}

const current = (type: QueryPeriodType, date: CalendarDate): Period =>
    periodOfMonth(type, date.year * 12 + date.month - 1)

/** The `count` periods before the current one, ascending. */
const lastN =
    (type: QueryPeriodType, count: number) =>
    (date: CalendarDate): Period[] => {
        const now = current(type, date)
        const periods: Period[] = []
        for (let i = count; i >= 1; i--) periods.push(shiftPeriod(now, -i))
        return periods
    }

/** All periods of a type in the year of the date plus `yearOffset`. */
const ofYear =
    (type: QueryPeriodType, yearOffset: number) =>
    (date: CalendarDate): Period[] => {
        const periods: Period[] = []
        const year = date.year + yearOffset
        for (let i = 1; i <= 12 / MONTHS[type]; i++) periods.push(makePeriod(type, year, i))
        return periods
    }

const single =
    (type: QueryPeriodType, offset: number) =>
    (date: CalendarDate): Period[] => [shiftPeriod(current(type, date), offset)]

/** Relative periods of the supported period types (DHIS2 `RelativePeriodEnum` names). */
export const RELATIVE_PERIODS: Record<string, RelativePeriodDefinition> = {
    THIS_MONTH: { name: 'This month', expand: single('Monthly', 0) },
    LAST_MONTH: { name: 'Last month', expand: single('Monthly', -1) },
    LAST_3_MONTHS: { name: 'Last 3 months', expand: lastN('Monthly', 3) },
    LAST_6_MONTHS: { name: 'Last 6 months', expand: lastN('Monthly', 6) },
    LAST_12_MONTHS: { name: 'Last 12 months', expand: lastN('Monthly', 12) },
    MONTHS_THIS_YEAR: { name: 'Months this year', expand: ofYear('Monthly', 0) },
    MONTHS_LAST_YEAR: { name: 'Months last year', expand: ofYear('Monthly', -1) },
    THIS_QUARTER: { name: 'This quarter', expand: single('Quarterly', 0) },
    LAST_QUARTER: { name: 'Last quarter', expand: single('Quarterly', -1) },
    LAST_4_QUARTERS: { name: 'Last 4 quarters', expand: lastN('Quarterly', 4) },
    QUARTERS_THIS_YEAR: { name: 'Quarters this year', expand: ofYear('Quarterly', 0) },
    QUARTERS_LAST_YEAR: { name: 'Quarters last year', expand: ofYear('Quarterly', -1) },
    THIS_SIX_MONTH: { name: 'This six-month', expand: single('SixMonthly', 0) },
    LAST_SIX_MONTH: { name: 'Last six-month', expand: single('SixMonthly', -1) },
    LAST_2_SIXMONTHS: { name: 'Last 2 six-months', expand: lastN('SixMonthly', 2) },
    THIS_YEAR: { name: 'This year', expand: single('Yearly', 0) },
    LAST_YEAR: { name: 'Last year', expand: single('Yearly', -1) },
    LAST_5_YEARS: { name: 'Last 5 years', expand: lastN('Yearly', 5) },
    LAST_10_YEARS: { name: 'Last 10 years', expand: lastN('Yearly', 10) },
}

/** Parses `relativePeriodDate` (`yyyy-MM-dd`, optionally followed by a time); null when invalid. */
export const parseCalendarDate = (text: string): CalendarDate | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text.trim())
    if (!m) return null
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
    if (
        date.month < 1 ||
        date.month > 12 ||
        date.day < 1 ||
        date.day > daysInMonth(date.year, date.month)
    ) {
        return null
    }
    return date
}

/** The calendar date of a JS date in the server's local time zone (as Java's `new Date()`). */
export const calendarDateOf = (date: Date): CalendarDate => ({
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
})

/** `DateUtils.addYears(date, n)`: same month and day n years later (Feb 29 → Feb 28). */
export const addYearsToEpochDay = (day: number, years: number): number => {
    const d = new Date(day * 86400000)
    const year = d.getUTCFullYear() + years
    const month = d.getUTCMonth() + 1
    const dom = Math.min(d.getUTCDate(), daysInMonth(year, month))
    return epochDay(year, month, dom)
}
