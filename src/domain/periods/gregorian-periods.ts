/**
 * Monthly and quarterly periods of the Gregorian calendar (DHIS2's `iso8601`, the calendar of
 * almost every instance), computed with the platform's `Date` and `Intl` only.
 *
 * `@dhis2/multi-calendar-dates` computes every calendar through the Temporal polyfill, which weighs
 * about 60 KB gzip and 10–25 ms a call: too much for the first view of an app that, on a Gregorian
 * instance, only needs month and quarter ids and names. So Gregorian periods are computed here,
 * with the same ids, dates and names as the library (its test suite checks it period by period,
 * locale by locale), and the library is loaded only for the other calendars (`calendar-periods.ts`).
 */

/** The fields of the library's `FixedPeriod` */
export interface GregorianPeriod {
    periodType: 'MONTHLY' | 'QUARTERLY'
    id: string
    iso: string
    name: string
    displayName: string
    startDate: string
    endDate: string
}

const pad = (value: number, length: number): string => String(value).padStart(length, '0')

const isoDate = (year: number, month: number, day: number): string =>
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

/** Days in a month (1–12) of a year */
const daysInMonth = (year: number, month: number): number =>
    new Date(Date.UTC(year, month, 0)).getUTCDate()

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The id of the month or quarter that contains the date `yyyy-MM-dd`. */
export const gregorianPeriodContaining = (
    date: string,
    periodType: 'MONTHLY' | 'QUARTERLY'
): string => {
    const match = DATE.exec(date)
    const month = Number(match?.[2])
    if (!match || month < 1 || month > 12) {
        throw new RangeError(`Not a date: ${date}`)
    }
    return periodType === 'MONTHLY'
        ? `${match[1]}${match[2]}`
        : `${match[1]}Q${Math.ceil(month / 3)}`
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Month names formatted as the library does (`month: 'long'`, with or without the year). */
const monthFormatter = (locale: string, withYear: boolean): Intl.DateTimeFormat => {
    const key = `${locale}|${withYear}`
    let formatter = formatters.get(key)
    if (!formatter) {
        formatter = new Intl.DateTimeFormat(locale, {
            month: 'long',
            ...(withYear ? { year: 'numeric' } : {}),
            calendar: 'gregory',
            timeZone: 'UTC',
        })
        formatters.set(key, formatter)
    }
    return formatter
}

/** A month's name as the library gives it (`May 2024`, or `May` without the year) */
export const monthName = (year: number, month: number, locale: string, withYear: boolean): string =>
    monthFormatter(locale, withYear).format(new Date(Date.UTC(year, month - 1, 15)))

const monthPeriod = (year: number, month: number, locale: string): GregorianPeriod => {
    const id = `${pad(year, 4)}${pad(month, 2)}`
    const name = monthName(year, month, locale, true)
    return {
        periodType: 'MONTHLY',
        id,
        iso: id,
        name,
        displayName: name,
        startDate: isoDate(year, month, 1),
        endDate: isoDate(year, month, daysInMonth(year, month)),
    }
}

const quarterPeriod = (year: number, quarter: number, locale: string): GregorianPeriod => {
    const first = quarter * 3 - 2
    const last = quarter * 3
    const id = `${pad(year, 4)}Q${quarter}`
    // As the library: the first month without the year (same year), the last one with it
    const name = `${monthName(year, first, locale, false)} - ${monthName(year, last, locale, true)}`
    return {
        periodType: 'QUARTERLY',
        id,
        iso: id,
        name,
        displayName: name,
        startDate: isoDate(year, first, 1),
        endDate: isoDate(year, last, daysInMonth(year, last)),
    }
}

/** The months or quarters of a year, oldest first, named in `locale` (a valid BCP 47 tag). */
export const gregorianYearPeriods = (
    year: number,
    periodType: 'MONTHLY' | 'QUARTERLY',
    locale: string
): GregorianPeriod[] =>
    periodType === 'MONTHLY'
        ? Array.from({ length: 12 }, (_, index) => monthPeriod(year, index + 1, locale))
        : Array.from({ length: 4 }, (_, index) => quarterPeriod(year, index + 1, locale))

/** Today as `yyyy-MM-dd` in a time zone (default: the browser's). */
export const gregorianToday = (timeZone?: string, now: Date = new Date()): string => {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        calendar: 'gregory',
        numberingSystem: 'latn',
    }).formatToParts(now)
    const part = (type: Intl.DateTimeFormatPartTypes): number =>
        Number(parts.find((p) => p.type === type)?.value)
    return isoDate(part('year'), part('month'), part('day'))
}
