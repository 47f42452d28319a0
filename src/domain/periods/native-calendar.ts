/**
 * A calendar whose periods the app computes itself (no `@dhis2/multi-calendar-dates`): each lives
 * in its own module, loaded only on an instance of that calendar (`loadCalendarSupport`).
 */

/** The fields of the library's `FixedPeriod`, plus the ISO dates of the period */
export interface NativePeriod {
    periodType: 'MONTHLY' | 'QUARTERLY' | 'SIXMONTHLY' | 'YEARLY'
    id: string
    iso: string
    name: string
    displayName: string
    /** First and last day as dates of the calendar `yyyy-MM-dd` (DHIS2's convention) */
    startDate: string
    endDate: string
    /** First and last day as ISO (Gregorian) dates */
    isoStartDate: string
    isoEndDate: string
}

export interface NativeCalendar {
    /** The monthly or quarterly period id of a date of the calendar, as the app's views count */
    periodIdContaining: (date: string, periodType: 'MONTHLY' | 'QUARTERLY') => string
    /** The months or quarters of a year, oldest first, named in `locale` */
    yearPeriods: (
        year: number,
        periodType: 'MONTHLY' | 'QUARTERLY',
        locale: string
    ) => NativePeriod[]
    /** A date of the calendar `yyyy-MM-dd` as an ISO date, and back */
    toIso: (date: string) => string
    fromIso: (iso: string) => string
}
