/**
 * DHIS2 ISO periods for analytics queries (`202401`, `2024Q1`, `2024S1`, `2024`) and relative
 * periods (`LAST_12_MONTHS`, ...), expanded as DHIS2's `RelativePeriods` does: `THIS_*` contain the
 * reference date, `LAST_*` is the one before, `LAST_N_*` are the N periods before the current one in
 * ascending order, `*_THIS_YEAR` / `*_LAST_YEAR` are all periods of that calendar year.
 *
 * Periods are those of the demo's calendar (`data/calendar.ts`: ISO 8601 or Ethiopian), with ISO
 * start and end dates; reference dates (today, `relativePeriodDate`) are ISO dates, and "the one
 * before" is found as `RelativePeriods.java` does, on the ISO date: the period containing
 * `new DateTime(date).minusMonths(n)` (1 for months, 3 quarters, 6 six-months, 12 years).
 */
import {
    calendarDateToIso,
    daysInCalendarMonth,
    demoCalendar,
    isoToCalendarDate,
} from '../data/calendar'

/** The period types of the demo's stored data and of calendar-year based query periods */
export type MonthPeriodType = 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly'
/**
 * Query period types not made of the calendar year's months: days, ISO weeks (Monday start),
 * bi-months, financial years (starting April, July, October, November). ISO calendar only.
 */
export type OtherPeriodType =
    | 'Daily'
    | 'Weekly'
    | 'BiMonthly'
    | 'FinancialApril'
    | 'FinancialJuly'
    | 'FinancialOct'
    | 'FinancialNov'
export type QueryPeriodType = MonthPeriodType | OtherPeriodType

/**
 * `PeriodType.getFrequencyOrder()` in dhis2-core (Daily 1, Weekly 7, Monthly 30, BiMonthly 61,
 * Quarterly 91, SixMonthly 182, Yearly and the financial years 365). A data value is aggregated
 * into periods of its own type or of a higher frequency order only
 * (`PeriodType.getPeriodTypePeriods`, which fills the period structure the analytics tables join:
 * a monthly value has no week or day there), so a week or a day of monthly data has no value —
 * except for AVERAGE data, which DHIS2 disaggregates (`QueryPlannerUtils.isDisaggregation`: the
 * value of the data period containing the period's start, `getDataPeriodAggregationPeriodMap`).
 */
export const FREQUENCY_ORDER: Record<QueryPeriodType, number> = {
    Daily: 1,
    Weekly: 7,
    Monthly: 30,
    BiMonthly: 61,
    Quarterly: 91,
    SixMonthly: 182,
    Yearly: 365,
    FinancialApril: 365,
    FinancialJuly: 365,
    FinancialOct: 365,
    FinancialNov: 365,
}

/** Months per period of each calendar-year based type. */
const MONTHS: Record<MonthPeriodType, number> = {
    Monthly: 1,
    Quarterly: 3,
    SixMonthly: 6,
    Yearly: 12,
}

/** First month (0-based) of each financial year type */
const FINANCIAL_START: Record<string, number> = {
    FinancialApril: 3,
    FinancialJuly: 6,
    FinancialOct: 9,
    FinancialNov: 10,
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

/** Days of an ISO month */
const daysInMonth = (year: number, month: number): number =>
    new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The ISO date `yyyy-MM-dd` of a date of the demo's calendar, and its epoch day */
const isoDay = (year: number, month: number, day: number): { date: string; day: number } => {
    const date = calendarDateToIso({ year, month, day })
    return { date, day: epochDayOfIso(date) }
}

const periodId = (type: MonthPeriodType, year: number, index: number): string => {
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

export const makePeriod = (type: MonthPeriodType, year: number, index: number): Period => {
    const span = MONTHS[type]
    const firstMonth = year * 12 + (index - 1) * span
    const lastMonth = firstMonth + span - 1
    const endYear = Math.floor(lastMonth / 12)
    const endMonth = (lastMonth % 12) + 1
    const startMonth = (firstMonth % 12) + 1
    const start = isoDay(year, startMonth, 1)
    const end = isoDay(endYear, endMonth, daysInCalendarMonth(endYear, endMonth))
    const startDay = start.day
    const endDay = end.day
    return {
        id: periodId(type, year, index),
        type,
        year,
        index,
        firstMonth,
        lastMonth,
        startDay,
        endDay,
        startDate: start.date,
        endDate: end.date,
        days: endDay - startDay + 1,
    }
}

/** The period of a type containing the given running month index. */
export const periodOfMonth = (type: MonthPeriodType, monthIndex: number): Period => {
    const year = Math.floor(monthIndex / 12)
    const monthOfYear = monthIndex % 12
    return makePeriod(type, year, Math.floor(monthOfYear / MONTHS[type]) + 1)
}

/** The period `offset` steps after (negative: before) the given one. */
export const shiftPeriod = (period: Period, offset: number): Period => {
    if (period.type === 'Weekly') return isoWeekStarting(period.startDay + offset * 7)
    if (period.type in FINANCIAL_START)
        return financialYear(period.type as OtherPeriodType, period.year + offset) as Period
    return periodOfMonth(
        period.type as MonthPeriodType,
        period.firstMonth + offset * MONTHS[period.type as MonthPeriodType]
    )
}

const isoOfEpochDay = (day: number): { year: number; month: number; day: number } => {
    const d = new Date(day * 86400000)
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

const dateOfEpochDay = (day: number): string => {
    const d = isoOfEpochDay(day)
    return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`
}

/** A period of ISO days `startDay`–`endDay` (epoch days) */
const dayRangePeriod = (
    id: string,
    type: OtherPeriodType,
    year: number,
    index: number,
    startDay: number,
    endDay: number
): Period => {
    const start = isoOfEpochDay(startDay)
    const end = isoOfEpochDay(endDay)
    return {
        id,
        type,
        year,
        index,
        firstMonth: start.year * 12 + start.month - 1,
        lastMonth: end.year * 12 + end.month - 1,
        startDay,
        endDay,
        startDate: dateOfEpochDay(startDay),
        endDate: dateOfEpochDay(endDay),
        days: endDay - startDay + 1,
    }
}

/** Monday of ISO week 1 of an ISO week-year: the week with January 4th */
const isoWeekOneMonday = (weekYear: number): number => {
    const jan4 = epochDay(weekYear, 1, 4)
    const weekday = (new Date(jan4 * 86400000).getUTCDay() + 6) % 7 // Monday 0
    return jan4 - weekday
}

/** The ISO week (`WeeklyPeriodType`, Monday start) starting on a Monday (epoch day) */
const isoWeekStarting = (monday: number): Period => {
    let weekYear = isoOfEpochDay(monday + 3).year // the week's Thursday decides its year
    const week = Math.floor((monday - isoWeekOneMonday(weekYear)) / 7) + 1
    if (week < 1) weekYear -= 1
    return dayRangePeriod(`${weekYear}W${week}`, 'Weekly', weekYear, week, monday, monday + 6)
}

/** The ISO week containing an epoch day */
const isoWeekContaining = (day: number): Period =>
    isoWeekStarting(day - ((new Date(day * 86400000).getUTCDay() + 6) % 7))

const financialYear = (type: OtherPeriodType, year: number): Period | null => {
    const offset = FINANCIAL_START[type]
    if (offset === undefined) return null
    const firstMonth = year * 12 + offset
    const lastMonth = firstMonth + 11
    const startDay = epochDay(year, offset + 1, 1)
    const endYear = Math.floor(lastMonth / 12)
    const endMonth = (lastMonth % 12) + 1
    const endDay = epochDay(endYear, endMonth, daysInMonth(endYear, endMonth))
    const suffix = type.slice('Financial'.length)
    return { ...dayRangePeriod(`${year}${suffix}`, type, year, 1, startDay, endDay) }
}

/**
 * Periods of the other types (`PeriodType.getPeriodFromIsoString` patterns): daily `20240105`,
 * weekly `2024W5`, bi-monthly `202401B`, financial `2024April`, `2024July`, `2024Oct`, `2024Nov`.
 * ISO calendar only (the demo's Ethiopian calendar knows the calendar-year types).
 */
const parseOtherPeriod = (id: string): Period | null => {
    if (demoCalendar() !== 'iso8601') return null
    let m = /^(\d{4})(\d{2})(\d{2})$/.exec(id)
    if (m) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
        if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
        const day = epochDay(y, mo, d)
        return dayRangePeriod(id, 'Daily', y, 1, day, day)
    }
    m = /^(\d{4})W(\d{1,2})$/.exec(id)
    if (m) {
        const [y, w] = [Number(m[1]), Number(m[2])]
        const monday = isoWeekOneMonday(y) + (w - 1) * 7
        // Week 53 exists only in long years
        if (w < 1 || isoWeekStarting(monday).id !== `${y}W${w}`) return null
        return isoWeekStarting(monday)
    }
    m = /^(\d{4})(\d{2})B$/.exec(id)
    if (m) {
        const [y, i] = [Number(m[1]), Number(m[2])]
        if (i < 1 || i > 6) return null
        const startDay = epochDay(y, i * 2 - 1, 1)
        const endDay = epochDay(y, i * 2, daysInMonth(y, i * 2))
        return dayRangePeriod(id, 'BiMonthly', y, i, startDay, endDay)
    }
    m = /^(\d{4})(April|July|Oct|Nov)$/.exec(id)
    if (m) return financialYear(`Financial${m[2]}` as OtherPeriodType, Number(m[1]))
    return null
}

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
    return parseOtherPeriod(id)
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
 * (`Jan to Jun 2019`). In the Ethiopian calendar too: `formatPeriod` formats the calendar's year
 * and month as an ISO date (`new DateTimeUnit(start, true)`) with the Gregorian month names, so
 * Hedar 2019 (`201903`) is named `March 2019` by DHIS2.
 */
export const periodName = (period: Period): string => {
    const long = (iso: string) => `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`
    switch (period.type) {
        // `I18nFormat.formatPeriod` (2.41.4): weeks by number and ISO dates; other types by the
        // `format.<type>.startDate` / `.endDate` patterns
        case 'Weekly':
            return `Week ${period.index} ${period.startDate} - ${period.endDate}`
        case 'Daily':
            return period.startDate
        case 'BiMonthly':
            return `${MONTH_NAMES[period.firstMonth % 12]} - ${long(period.endDate)}`
        case 'FinancialApril':
        case 'FinancialJuly':
        case 'FinancialOct':
        case 'FinancialNov':
            return `${long(period.startDate)} - ${long(period.endDate)}`
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

/**
 * The system setting `analyticsFinancialYearStart` (DHIS2 2.40–2.42: `SettingKey.ANALYTICS_FINANCIAL_YEAR_START`,
 * enum `AnalyticsFinancialYearStartKey`: APRIL, JULY, OCTOBER; default `FINANCIAL_YEAR_OCTOBER`).
 * The financial period type of `THIS_FINANCIAL_YEAR`, `LAST_FINANCIAL_YEAR`, `LAST_5_/LAST_10_FINANCIAL_YEARS`.
 */
export const FINANCIAL_YEAR_START_TYPES: Record<string, OtherPeriodType> = {
    FINANCIAL_YEAR_APRIL: 'FinancialApril',
    FINANCIAL_YEAR_JULY: 'FinancialJuly',
    FINANCIAL_YEAR_OCTOBER: 'FinancialOct',
}
export const DEFAULT_FINANCIAL_YEAR_START = 'FINANCIAL_YEAR_OCTOBER'

/** What relative periods depend on besides their reference date */
export interface RelativePeriodContext {
    /** The server's today (financial relative periods ignore `relativePeriodDate`, see below) */
    today?: CalendarDate
    /** The system setting `analyticsFinancialYearStart` (unknown or absent: the default) */
    financialYearStart?: string | null
}

interface RelativePeriodDefinition {
    /** English display name (DHIS2 i18n) */
    name: string
    expand: (date: CalendarDate, context?: RelativePeriodContext) => Period[]
}

/** Joda's `minusMonths` on an ISO date: same day `months` months earlier, clamped to the month */
const isoMinusMonths = (date: CalendarDate, months: number): CalendarDate => {
    const index = date.year * 12 + date.month - 1 - months
    const year = Math.floor(index / 12)
    const month = (index % 12) + 1
    return { year, month, day: Math.min(date.day, daysInMonth(year, month)) }
}

/**
 * The period of a type containing an ISO date (`PeriodType.createPeriod`). A day of the Ethiopian
 * Pagume is in Q1 of the next year, S2 and the yearly period of its year; DHIS2 has no monthly
 * period for it (it throws): the demo takes Nehasse, the month that just ended.
 */
const containing = (type: MonthPeriodType, iso: CalendarDate): Period => {
    const date = isoToCalendarDate(iso.year, iso.month, iso.day)
    if (date.month === 13) {
        switch (type) {
            case 'Monthly':
                return makePeriod('Monthly', date.year, 12)
            case 'Quarterly':
                return makePeriod('Quarterly', date.year + 1, 1)
            case 'SixMonthly':
                return makePeriod('SixMonthly', date.year, 2)
            case 'Yearly':
                return makePeriod('Yearly', date.year, 1)
        }
    }
    return periodOfMonth(type, date.year * 12 + date.month - 1)
}

/** The period containing the date `monthsBack` ISO months before */
const single =
    (type: MonthPeriodType, monthsBack: number) =>
    (date: CalendarDate): Period[] => [containing(type, isoMinusMonths(date, monthsBack))]

/** `count` periods ending with the one containing the date `monthsBack` months before (rolling) */
const lastN =
    (type: MonthPeriodType, count: number, monthsBack: number) =>
    (date: CalendarDate): Period[] => {
        const last = containing(type, isoMinusMonths(date, monthsBack))
        const periods: Period[] = []
        for (let i = count - 1; i >= 0; i--) periods.push(shiftPeriod(last, -i))
        return periods
    }

/** All periods of a type in the year containing the date `monthsBack` months before */
const ofYear =
    (type: MonthPeriodType, monthsBack: number) =>
    (date: CalendarDate): Period[] => {
        const year = containing('Yearly', isoMinusMonths(date, monthsBack)).year
        const periods: Period[] = []
        for (let i = 1; i <= 12 / MONTHS[type]; i++) periods.push(makePeriod(type, year, i))
        return periods
    }

/**
 * `count` ISO weeks ending with the one containing the date `weeksBack` weeks before
 * (`RelativePeriods`: `THIS_WEEK` the week of the date, `LAST_WEEK` and `LAST_n_WEEKS` before it)
 */
const weeks =
    (count: number, weeksBack: number) =>
    (date: CalendarDate): Period[] => {
        const last = isoWeekContaining(epochDay(date.year, date.month, date.day) - weeksBack * 7)
        const periods: Period[] = []
        for (let i = count - 1; i >= 0; i--) periods.push(shiftPeriod(last, -i))
        return periods
    }

/**
 * `count` financial years ending with the one containing today `yearsBack` years before, of the
 * financial period type the system setting `analyticsFinancialYearStart` names (default October).
 * As dhis2-core 2.40–2.42 `RelativePeriods.getRelativePeriods` → `getRelativeFinancialPeriods(
 * financialYearStart.getFinancialPeriodType(), format, dynamicNames)` (dhis-api
 * `org/hisp/dhis/period/RelativePeriods.java`), whose reference date is `DateField.withDefaults()`,
 * i.e. now: `relativePeriodDate` does not move financial years (later releases pass it on). The
 * setting is read per request (`DimensionalObjectProducer.getPeriodDimension` →
 * `systemSettingManager.getSystemSetting(ANALYTICS_FINANCIAL_YEAR_START)`). `LAST_10_FINANCIAL_YEARS`
 * is two rolling lists of 5 (the second ending with last year's), i.e. the 10 years before.
 */
const financialYears =
    (count: number, yearsBack: number) =>
    (date: CalendarDate, context?: RelativePeriodContext): Period[] => {
        const now = context?.today ?? date
        const type =
            FINANCIAL_YEAR_START_TYPES[context?.financialYearStart ?? ''] ??
            (FINANCIAL_YEAR_START_TYPES[DEFAULT_FINANCIAL_YEAR_START] as OtherPeriodType)
        const firstMonth = (FINANCIAL_START[type] as number) + 1
        const startYear = now.month >= firstMonth ? now.year : now.year - 1
        const periods: Period[] = []
        for (let i = count - 1; i >= 0; i--) {
            periods.push(financialYear(type, startYear - yearsBack - i) as Period)
        }
        return periods
    }

/** Relative periods of the supported period types (DHIS2 `RelativePeriodEnum` names). */
export const RELATIVE_PERIODS: Record<string, RelativePeriodDefinition> = {
    THIS_MONTH: { name: 'This month', expand: single('Monthly', 0) },
    LAST_MONTH: { name: 'Last month', expand: single('Monthly', 1) },
    LAST_3_MONTHS: { name: 'Last 3 months', expand: lastN('Monthly', 3, 1) },
    LAST_6_MONTHS: { name: 'Last 6 months', expand: lastN('Monthly', 6, 1) },
    LAST_12_MONTHS: { name: 'Last 12 months', expand: lastN('Monthly', 12, 1) },
    MONTHS_THIS_YEAR: { name: 'Months this year', expand: ofYear('Monthly', 0) },
    MONTHS_LAST_YEAR: { name: 'Months last year', expand: ofYear('Monthly', 12) },
    THIS_QUARTER: { name: 'This quarter', expand: single('Quarterly', 0) },
    LAST_QUARTER: { name: 'Last quarter', expand: single('Quarterly', 3) },
    LAST_4_QUARTERS: { name: 'Last 4 quarters', expand: lastN('Quarterly', 4, 3) },
    QUARTERS_THIS_YEAR: { name: 'Quarters this year', expand: ofYear('Quarterly', 0) },
    QUARTERS_LAST_YEAR: { name: 'Quarters last year', expand: ofYear('Quarterly', 12) },
    THIS_SIX_MONTH: { name: 'This six-month', expand: single('SixMonthly', 0) },
    LAST_SIX_MONTH: { name: 'Last six-month', expand: single('SixMonthly', 6) },
    LAST_2_SIXMONTHS: { name: 'Last 2 six-months', expand: lastN('SixMonthly', 2, 6) },
    THIS_YEAR: { name: 'This year', expand: single('Yearly', 0) },
    LAST_YEAR: { name: 'Last year', expand: single('Yearly', 12) },
    LAST_5_YEARS: { name: 'Last 5 years', expand: lastN('Yearly', 5, 12) },
    LAST_10_YEARS: { name: 'Last 10 years', expand: lastN('Yearly', 10, 12) },
    THIS_WEEK: { name: 'This week', expand: weeks(1, 0) },
    LAST_WEEK: { name: 'Last week', expand: weeks(1, 1) },
    LAST_4_WEEKS: { name: 'Last 4 weeks', expand: weeks(4, 1) },
    LAST_12_WEEKS: { name: 'Last 12 weeks', expand: weeks(12, 1) },
    LAST_52_WEEKS: { name: 'Last 52 weeks', expand: weeks(52, 1) },
    THIS_FINANCIAL_YEAR: { name: 'This financial year', expand: financialYears(1, 0) },
    LAST_FINANCIAL_YEAR: { name: 'Last financial year', expand: financialYears(1, 1) },
    LAST_5_FINANCIAL_YEARS: { name: 'Last 5 financial years', expand: financialYears(5, 1) },
    LAST_10_FINANCIAL_YEARS: { name: 'Last 10 financial years', expand: financialYears(10, 1) },
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
