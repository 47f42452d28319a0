/**
 * Periods of the Ethiopian calendar (DHIS2's `ethiopian`), computed by the app itself, exactly as
 * DHIS2 core defines them, because `@dhis2/multi-calendar-dates` cannot compute this calendar in
 * current browsers (its Temporal polyfill predates the `am` era code of recent ICU: "Era am … was
 * not matched by any era"). Loaded only on an Ethiopian-calendar instance (a lazy chunk).
 *
 * DHIS2 (dhis2/dhis2-core, dhis-2/dhis-api/src/main/java/org/hisp/dhis/):
 * - `calendar/impl/EthiopianCalendar.java`: Joda's `EthiopicChronology` (Amete Mihret era; a leap
 *   year when `year % 4 == 3`) for the conversion to and from ISO dates, but a year of 12 months
 *   of 30 days: `daysInMonth(y, 13)` throws ("Illegal month, must be between 1 and 12"),
 *   `daysInYear` is 360 and `plusMonths`/`minusMonths` step 30 days over a 360-day year. So
 *   Pagume, the 13th month (5 or 6 days, early September), belongs to no period at all.
 * - `period/MonthlyPeriodType.java` `createPeriod`: day 1 to `daysInMonth` (30) of the month, id
 *   `yyyyMM`; for a date in Pagume it calls `daysInMonth(y, 13)`, which throws: DHIS2 has no
 *   monthly period for those days.
 * - `period/QuarterlyPeriodType.java` `createPeriod`: the quarter starts at month
 *   `(m − 1) − (m − 1) % 3 + 1`; for Pagume that is month 13, so "start.setYear(year + 1);
 *   start.setMonth(1)": a Pagume date falls in Q1 of the next year (whose dates start on
 *   1 Meskerem, after Pagume). Ends on day 30 of the quarter's third month; id `yyyyQn`.
 * - `period/SixMonthlyAbstractPeriodType.java`: months 1–6 (`yyyyS1`) and 7–12 (`yyyyS2`); a
 *   Pagume date (month 13 ≥ 7) falls in S2 of its year.
 * - `period/YearlyPeriodType.java`: month 1 day 1 to month `monthsInYear()` (12,
 *   `AbstractCalendar`) day 30; id `yyyy`.
 * - `ChronologyBasedCalendar.toIso`: a period's ISO start and end dates are these calendar dates
 *   converted by the chronology (`PeriodType.toIsoPeriod`).
 *
 * Month names: the transliterated names DHIS2's web apps show through `@dhis2/multi-calendar-dates`
 * (CLDR's English Ethiopic month names: "Hamle 2015", "Tahsas 2015 - Hedar 2016" in the library's
 * `generate-fixed-periods.ethiopic.spec.ts`) and, for an Amharic (`am`) user, CLDR's Amharic names.
 */

import { formatYmd, isoToJdn, jdnToIso, pad, readCalendarDate } from './day-numbers'
import type { NativeCalendar, NativePeriod } from './native-calendar'

export type EthiopianPeriodType = NativePeriod['periodType']

/** A period with its Ethiopian calendar dates (`startDate`, `endDate`) and ISO dates */
export type EthiopianPeriod = NativePeriod

/** An Ethiopian date; `month` 13 is Pagume */
export interface EthiopianDate {
    year: number
    month: number
    day: number
}

/** Julian day number of 1 Meskerem 1 (Amete Mihret), `jdEpoch` 1724220.5 in DHIS2's jQuery calendar */
const EPOCH_JDN = 1724221

/** `EthiopicChronology`: a leap year (Pagume of 6 days) when `year % 4 == 3` */
export const isEthiopianLeapYear = (year: number): boolean => ((year % 4) + 4) % 4 === 3

const daysOfMonth = (year: number, month: number): number =>
    month < 13 ? 30 : isEthiopianLeapYear(year) ? 6 : 5

const ethiopianToJdn = ({ year, month, day }: EthiopianDate): number =>
    EPOCH_JDN + 365 * (year - 1) + Math.floor(year / 4) + 30 * (month - 1) + day - 1

const jdnToEthiopian = (jdn: number): EthiopianDate => {
    const year = Math.floor((4 * (jdn - EPOCH_JDN) + 1463) / 1461)
    const dayOfYear = jdn - ethiopianToJdn({ year, month: 1, day: 1 })
    const month = Math.floor(dayOfYear / 30) + 1
    return { year, month, day: dayOfYear - (month - 1) * 30 + 1 }
}

/** Reads an Ethiopian date `yyyy-MM-dd` (month 13: Pagume); throws a RangeError if invalid. */
export const parseEthiopianDate = (text: string): EthiopianDate =>
    readCalendarDate(text, { article: 'an Ethiopian', months: 13, daysInMonth: daysOfMonth })

export const formatEthiopianDate = (date: EthiopianDate): string => formatYmd(date)

/** The ISO date `yyyy-MM-dd` of an Ethiopian date. */
export const ethiopianToIso = (date: EthiopianDate): string => jdnToIso(ethiopianToJdn(date))

/** The Ethiopian date of an ISO date `yyyy-MM-dd`. */
export const isoToEthiopian = (iso: string): EthiopianDate => jdnToEthiopian(isoToJdn(iso))

/** CLDR's English names of the Ethiopic months, as DHIS2's web apps show them (the library) */
const LATIN_MONTHS = [
    'Meskerem',
    'Tekemt',
    'Hedar',
    'Tahsas',
    'Ter',
    'Yekatit',
    'Megabit',
    'Miazia',
    'Genbot',
    'Sene',
    'Hamle',
    'Nehasse',
    'Pagumen',
] as const

/** CLDR's Amharic names of the Ethiopic months */
const AMHARIC_MONTHS = [
    'መስከረም',
    'ጥቅምት',
    'ኅዳር',
    'ታኅሣሥ',
    'ጥር',
    'የካቲት',
    'መጋቢት',
    'ሚያዝያ',
    'ግንቦት',
    'ሰኔ',
    'ሐምሌ',
    'ነሐሴ',
    'ጳጉሜን',
] as const

/** The name of a month (1–13): Amharic for an `am` locale, else DHIS2's transliteration. */
export const ethiopianMonthName = (month: number, locale: string): string => {
    const names = /^am\b/i.test(locale) ? AMHARIC_MONTHS : LATIN_MONTHS
    const name = names[month - 1]
    if (name === undefined) throw new RangeError(`Not an Ethiopian month: ${month}`)
    return name
}

/** Months per period, and the periods of a year */
const SPAN: Record<EthiopianPeriodType, number> = {
    MONTHLY: 1,
    QUARTERLY: 3,
    SIXMONTHLY: 6,
    YEARLY: 12,
}

const periodIdOf = (periodType: EthiopianPeriodType, year: number, index: number): string => {
    switch (periodType) {
        case 'MONTHLY':
            return `${pad(year, 4)}${pad(index, 2)}`
        case 'QUARTERLY':
            return `${pad(year, 4)}Q${index}`
        case 'SIXMONTHLY':
            return `${pad(year, 4)}S${index}`
        case 'YEARLY':
            return pad(year, 4)
    }
}

/**
 * The period of a type, year and position in the year (month 1–12, quarter 1–4, half 1–2, 1),
 * named in `locale`: `Meskerem 2017`, `Meskerem - Hidar 2017`, `2017`.
 */
export const ethiopianPeriod = (
    periodType: EthiopianPeriodType,
    year: number,
    index: number,
    locale = 'en'
): EthiopianPeriod => {
    const span = SPAN[periodType]
    if (!Number.isInteger(index) || index < 1 || index > 12 / span) {
        throw new RangeError(`No ${periodType.toLowerCase()} period ${index} in a year`)
    }
    const first = (index - 1) * span + 1
    const last = first + span - 1
    const start = { year, month: first, day: 1 }
    const end = { year, month: last, day: 30 }
    const id = periodIdOf(periodType, year, index)
    const name =
        periodType === 'YEARLY'
            ? pad(year, 4)
            : periodType === 'MONTHLY'
              ? `${ethiopianMonthName(first, locale)} ${year}`
              : `${ethiopianMonthName(first, locale)} - ${ethiopianMonthName(last, locale)} ${year}`
    return {
        periodType,
        id,
        iso: id,
        name,
        displayName: name,
        startDate: formatEthiopianDate(start),
        endDate: formatEthiopianDate(end),
        isoStartDate: ethiopianToIso(start),
        isoEndDate: ethiopianToIso(end),
    }
}

/** The periods of a type in an Ethiopian year, oldest first (Pagume in none of them). */
export const ethiopianYearPeriods = (
    year: number,
    periodType: EthiopianPeriodType,
    locale = 'en'
): EthiopianPeriod[] =>
    Array.from({ length: 12 / SPAN[periodType] }, (_, index) =>
        ethiopianPeriod(periodType, year, index + 1, locale)
    )

/**
 * The id of the period DHIS2 creates for an Ethiopian date (`PeriodType.createPeriod`), or `null`
 * for a monthly period of a Pagume date (DHIS2 throws there). A Pagume date is in Q1 of the next
 * year, in S2 and in the yearly period of its own year.
 */
export const ethiopianPeriodIdContaining = (
    date: string,
    periodType: EthiopianPeriodType
): string | null => {
    const { year, month } = parseEthiopianDate(date)
    if (month === 13) {
        switch (periodType) {
            case 'MONTHLY':
                return null
            case 'QUARTERLY':
                return periodIdOf('QUARTERLY', year + 1, 1)
            case 'SIXMONTHLY':
                return periodIdOf('SIXMONTHLY', year, 2)
            case 'YEARLY':
                return periodIdOf('YEARLY', year, 1)
        }
    }
    return periodIdOf(periodType, year, Math.floor((month - 1) / SPAN[periodType]) + 1)
}

/** Today as an Ethiopian date `yyyy-MM-dd`, from today's ISO date (in the wanted time zone). */
export const ethiopianTodayOf = (isoToday: string): string =>
    formatEthiopianDate(isoToEthiopian(isoToday))

/**
 * An Ethiopian date as the app's views use it: a day of Pagume counts as the last day of Nehasse,
 * the month that just ended. DHIS2 has no monthly period for Pagume and puts it in Q1 of the next
 * year, whose months have not started: so during Pagume the views show the periods that just ended.
 */
export const ethiopianViewDate = (date: string): string => {
    const parsed = parseEthiopianDate(date)
    return parsed.month === 13 ? `${pad(parsed.year, 4)}-12-30` : date
}

/** The Ethiopian calendar for `calendar-periods.ts` */
export const ethiopianCalendar: NativeCalendar = {
    periodIdContaining: (date, periodType) =>
        ethiopianPeriodIdContaining(ethiopianViewDate(date), periodType) as string,
    yearPeriods: ethiopianYearPeriods,
    toIso: (date) => ethiopianToIso(parseEthiopianDate(ethiopianViewDate(date))),
    fromIso: ethiopianTodayOf,
}
