/**
 * Periods of the Julian calendar (DHIS2's `julian`), computed by the app itself:
 * `@dhis2/multi-calendar-dates` has no Julian calendar ("Invalid calendar: julian"). Loaded only on
 * a Julian-calendar instance (a lazy chunk).
 *
 * DHIS2 (dhis2/dhis2-core, dhis-2/dhis-api/src/main/java/org/hisp/dhis/):
 * `calendar/impl/JulianCalendar.java` is a `ChronologyBasedCalendar` on Joda's `JulianChronology`:
 * the Roman months (January–December, February of 29 days every fourth year, centuries included),
 * 12 months a year. Its periods are the generic ones (`period/MonthlyPeriodType.java`,
 * `QuarterlyPeriodType.java`, `SixMonthlyAbstractPeriodType.java`, `YearlyPeriodType.java`): a month
 * from day 1 to `daysInMonth`, quarters of months 3n−2 to 3n, halves of months 1–6 and 7–12, the
 * year; ids `yyyyMM`, `yyyyQn`, `yyyySn`, `yyyy`; ISO dates by converting the first and last day
 * (`ChronologyBasedCalendar.toIso`). Names: the month names of the user's locale, as the library
 * names Gregorian months (`May 2024`, `April - June 2024`).
 */
import { monthName } from './gregorian-periods'
import { formatYmd, isoToJdn, jdnToIso, pad, readCalendarDate } from './day-numbers'
import type { NativeCalendar, NativePeriod } from './native-calendar'

export interface JulianDate {
    year: number
    month: number
    day: number
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

export const isJulianLeapYear = (year: number): boolean => ((year % 4) + 4) % 4 === 0

export const daysInJulianMonth = (year: number, month: number): number =>
    month === 2 && isJulianLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number)

/** Julian day number of a Julian date (Richards' algorithm, valid for all positive JDNs) */
const julianToJdn = ({ year, month, day }: JulianDate): number => {
    const a = Math.floor((14 - month) / 12)
    const y = year + 4800 - a
    const m = month + 12 * a - 3
    return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083
}

const jdnToJulian = (jdn: number): JulianDate => {
    const c = jdn + 32082
    const d = Math.floor((4 * c + 3) / 1461)
    const e = c - Math.floor((1461 * d) / 4)
    const m = Math.floor((5 * e + 2) / 153)
    return {
        day: e - Math.floor((153 * m + 2) / 5) + 1,
        month: m + 3 - 12 * Math.floor(m / 10),
        year: d - 4800 + Math.floor(m / 10),
    }
}

/** Reads a Julian date `yyyy-MM-dd`; throws a RangeError if invalid. */
export const parseJulianDate = (text: string): JulianDate =>
    readCalendarDate(text, { article: 'a Julian', months: 12, daysInMonth: daysInJulianMonth })

export const formatJulianDate = (date: JulianDate): string => formatYmd(date)

/** The ISO date of a Julian date. */
export const julianToIso = (date: JulianDate): string => jdnToIso(julianToJdn(date))

/** The Julian date of an ISO date `yyyy-MM-dd`. */
export const isoToJulian = (iso: string): JulianDate => jdnToJulian(isoToJdn(iso))

const SPAN: Record<NativePeriod['periodType'], number> = {
    MONTHLY: 1,
    QUARTERLY: 3,
    SIXMONTHLY: 6,
    YEARLY: 12,
}

/** The period of a type, year and position in the year (month, quarter, half, 1). */
export const julianPeriod = (
    periodType: NativePeriod['periodType'],
    year: number,
    index: number,
    locale = 'en'
): NativePeriod => {
    const span = SPAN[periodType]
    if (!Number.isInteger(index) || index < 1 || index > 12 / span) {
        throw new RangeError(`No ${periodType.toLowerCase()} period ${index} in a year`)
    }
    const first = (index - 1) * span + 1
    const last = first + span - 1
    const start = { year, month: first, day: 1 }
    const end = { year, month: last, day: daysInJulianMonth(year, last) }
    const id =
        periodType === 'MONTHLY'
            ? `${pad(year, 4)}${pad(first, 2)}`
            : periodType === 'QUARTERLY'
              ? `${pad(year, 4)}Q${index}`
              : periodType === 'SIXMONTHLY'
                ? `${pad(year, 4)}S${index}`
                : pad(year, 4)
    const name =
        periodType === 'YEARLY'
            ? pad(year, 4)
            : periodType === 'MONTHLY'
              ? monthName(year, first, locale, true)
              : `${monthName(year, first, locale, false)} - ${monthName(year, last, locale, true)}`
    return {
        periodType,
        id,
        iso: id,
        name,
        displayName: name,
        startDate: formatJulianDate(start),
        endDate: formatJulianDate(end),
        isoStartDate: julianToIso(start),
        isoEndDate: julianToIso(end),
    }
}

/** The periods of a type in a Julian year, oldest first. */
export const julianYearPeriods = (
    year: number,
    periodType: NativePeriod['periodType'],
    locale = 'en'
): NativePeriod[] =>
    Array.from({ length: 12 / SPAN[periodType] }, (_, index) =>
        julianPeriod(periodType, year, index + 1, locale)
    )

/** The Julian calendar for `calendar-periods.ts` */
export const julianCalendar: NativeCalendar = {
    periodIdContaining: (date, periodType) => {
        const { year, month } = parseJulianDate(date)
        return periodType === 'MONTHLY'
            ? `${pad(year, 4)}${pad(month, 2)}`
            : `${pad(year, 4)}Q${Math.ceil(month / 3)}`
    },
    yearPeriods: julianYearPeriods,
    toIso: (date) => julianToIso(parseJulianDate(date)),
    fromIso: (iso) => formatJulianDate(isoToJulian(iso)),
}
