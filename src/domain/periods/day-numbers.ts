/**
 * Dates as `yyyy-MM-dd` text and Julian day numbers: what the calendars the app computes itself
 * (Ethiopian, Julian) share to convert their dates to and from ISO dates.
 */

export interface YearMonthDay {
    year: number
    month: number
    day: number
}

/** The Julian day number of 1970-01-01 */
const UNIX_EPOCH_JDN = 2440588
const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A number with leading zeros, as in period ids and dates. */
export const pad = (value: number, length: number): string => String(value).padStart(length, '0')

/** Year, month and day of a `yyyy-MM-dd` text (in any calendar); a RangeError if not of that form. */
export const readYmd = (text: string): [number, number, number] => {
    const match = DATE.exec(text)
    if (!match) throw new RangeError(`Not a date: ${text}`)
    return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/**
 * A date `yyyy-MM-dd` of a calendar with `months` months whose lengths `daysInMonth` gives; a
 * RangeError naming the calendar ("Not an Ethiopian date: …") if it is not one.
 */
export const readCalendarDate = (
    text: string,
    calendar: {
        /** "an Ethiopian", "a Julian" */
        article: string
        months: number
        daysInMonth: (year: number, month: number) => number
    }
): YearMonthDay => {
    const [year, month, day] = readYmd(text)
    if (
        month < 1 ||
        month > calendar.months ||
        day < 1 ||
        day > calendar.daysInMonth(year, month)
    ) {
        throw new RangeError(`Not ${calendar.article} date: ${text}`)
    }
    return { year, month, day }
}

export const formatYmd = ({ year, month, day }: YearMonthDay): string =>
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

/** The ISO date `yyyy-MM-dd` of a Julian day number. */
export const jdnToIso = (jdn: number): string =>
    new Date((jdn - UNIX_EPOCH_JDN) * DAY_MS).toISOString().slice(0, 10)

/** The Julian day number of an ISO date `yyyy-MM-dd`. */
export const isoToJdn = (iso: string): number => {
    const [year, month, day] = readYmd(iso)
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS) + UNIX_EPOCH_JDN
}
