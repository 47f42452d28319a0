/**
 * The calendar of the demo DHIS2 (`keyCalendar`): `iso8601` (default) or `ethiopian`
 * (`--calendar ethiopian`). Chosen once at start, before the country is generated; the
 * generator's and the analytics' periods are then periods of that calendar, as DHIS2 computes them
 * (dhis2/dhis2-core, dhis-2/dhis-api/src/main/java/org/hisp/dhis/):
 *
 * - `calendar/impl/EthiopianCalendar.java`: 12 months of 30 days (`daysInMonth(y, 13)` throws,
 *   `daysInYear` is 360): Pagume, the 13th month, is in no monthly, quarterly or yearly period;
 *   dates are converted to and from ISO by Joda's `EthiopicChronology` (Amete Mihret).
 * - `period/*PeriodType.java` `createPeriod`: a monthly period is day 1–30 of a month; a quarter
 *   months 3n−2 to 3n; a year months 1–12; their ISO start and end dates are those calendar
 *   dates converted (`PeriodType.toIsoPeriod`). A Pagume date falls in Q1 of the next year
 *   (`QuarterlyPeriodType`: month 13 → "start.setYear(year + 1); start.setMonth(1)"), in S2 and in
 *   its own year; DHIS2 has no monthly period for it (`daysInMonth(y, 13)` throws): the demo then
 *   takes Nehasse, the month that just ended.
 * - `period/RelativePeriods.java`: "last" periods are found on ISO dates, e.g. `LAST_MONTH` is the
 *   period containing `new DateTime(date).minusMonths(1)` (see `analytics/periods.ts`).
 *
 * This is written apart from the app's `src/domain/periods/ethiopian-periods.ts` (from the dates of
 * the Ethiopian new year rather than from Julian day numbers), so that each checks the other.
 */

export type DemoCalendar = 'iso8601' | 'ethiopian'

export const DEMO_CALENDARS: readonly DemoCalendar[] = ['iso8601', 'ethiopian']

let active: DemoCalendar = 'iso8601'

/** Sets the demo's calendar: once, before the country is generated (and in tests). */
export const setDemoCalendar = (calendar: DemoCalendar): void => {
    active = calendar
}

export const demoCalendar = (): DemoCalendar => active

const pad2 = (n: number): string => String(n).padStart(2, '0')

const isGregorianLeapYear = (year: number): boolean =>
    (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const DAY = 86_400_000

/** Epoch day (days since 1970-01-01) of an ISO date */
const epochDayOf = (year: number, month: number, day: number): number =>
    Math.round(Date.UTC(year, month - 1, day) / DAY)

const isoOfEpochDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

/**
 * Epoch day of 1 Meskerem of an Ethiopian year: 11 September of Gregorian year + 7, or
 * 12 September when the Gregorian year + 8 is a leap year (the Ethiopian year before has a 6-day
 * Pagume). Exact for the Gregorian years 1900–2099 (no skipped century leap day in between).
 */
const ethiopianNewYear = (year: number): number =>
    epochDayOf(year + 7, 9, isGregorianLeapYear(year + 8) ? 12 : 11)

/** A date of the demo's calendar; month 13 is Pagume in the Ethiopian calendar */
export interface DemoCalendarDate {
    year: number
    month: number
    day: number
}

/** The ISO date of a date of the demo's calendar. */
export const calendarDateToIso = ({ year, month, day }: DemoCalendarDate): string =>
    active === 'ethiopian'
        ? isoOfEpochDay(ethiopianNewYear(year) + (month - 1) * 30 + day - 1)
        : `${year}-${pad2(month)}-${pad2(day)}`

/** The date of the demo's calendar of an ISO date (year, month, day). */
export const isoToCalendarDate = (year: number, month: number, day: number): DemoCalendarDate => {
    if (active !== 'ethiopian') return { year, month, day }
    const epochDay = epochDayOf(year, month, day)
    let ethiopianYear = year - 7
    if (epochDay < ethiopianNewYear(ethiopianYear)) ethiopianYear -= 1
    const dayOfYear = epochDay - ethiopianNewYear(ethiopianYear)
    const ethiopianMonth = Math.floor(dayOfYear / 30) + 1
    return {
        year: ethiopianYear,
        month: ethiopianMonth,
        day: dayOfYear - (ethiopianMonth - 1) * 30 + 1,
    }
}

/** Days of a month (1–12) of the demo's calendar: 30 in every Ethiopian month (DHIS2). */
export const daysInCalendarMonth = (year: number, month: number): number =>
    active === 'ethiopian' ? 30 : new Date(Date.UTC(year, month, 0)).getUTCDate()
