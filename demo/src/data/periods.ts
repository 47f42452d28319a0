/**
 * Calendar helpers for the generator: DHIS2 ISO period ids (`202401`, `2024Q1`, `2024`) of the
 * demo's calendar (`calendar.ts`), with their ISO start and end dates.
 */
import { calendarDateToIso, daysInCalendarMonth, isoToCalendarDate } from './calendar'
import type { PeriodType, StoredPeriod } from './model'

/** A month as a running index: year × 12 + (month − 1) */
export type MonthIndex = number

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1
export const monthYear = (m: MonthIndex): number => Math.floor(m / 12)
/** 1–12 */
export const monthOfYear = (m: MonthIndex): number => (m % 12) + 1

const pad2 = (n: number): string => String(n).padStart(2, '0')

export const monthId = (m: MonthIndex): string => `${monthYear(m)}${pad2(monthOfYear(m))}`

export const parseMonthId = (id: string): MonthIndex => {
    const match = /^(\d{4})(\d{2})$/.exec(id)
    if (!match) throw new RangeError(`Not a monthly period: ${id}`)
    const month = Number(match[2])
    if (month < 1 || month > 12) throw new RangeError(`Not a monthly period: ${id}`)
    return monthIndex(Number(match[1]), month)
}

export const daysInMonth = (m: MonthIndex): number =>
    daysInCalendarMonth(monthYear(m), monthOfYear(m))

/** The ISO date of a date of the demo's calendar */
const isoDate = (year: number, month: number, day: number): string =>
    calendarDateToIso({ year, month, day })

export const monthPeriod = (m: MonthIndex): StoredPeriod => ({
    id: monthId(m),
    periodType: 'Monthly',
    startDate: isoDate(monthYear(m), monthOfYear(m), 1),
    endDate: isoDate(monthYear(m), monthOfYear(m), daysInMonth(m)),
})

/** Quarter as a running index: year × 4 + (quarter − 1) */
export type QuarterIndex = number

export const quarterOfMonth = (m: MonthIndex): QuarterIndex => Math.floor(m / 3)
export const firstMonthOfQuarter = (q: QuarterIndex): MonthIndex => q * 3
export const quarterId = (q: QuarterIndex): string => `${Math.floor(q / 4)}Q${(q % 4) + 1}`

export const quarterPeriod = (q: QuarterIndex): StoredPeriod => {
    const first = firstMonthOfQuarter(q)
    const last = first + 2
    return {
        id: quarterId(q),
        periodType: 'Quarterly',
        startDate: isoDate(monthYear(first), monthOfYear(first), 1),
        endDate: isoDate(monthYear(last), monthOfYear(last), daysInMonth(last)),
    }
}

export const yearPeriod = (year: number): StoredPeriod => ({
    id: String(year),
    periodType: 'Yearly',
    startDate: isoDate(year, 1, 1),
    endDate: isoDate(year, 12, daysInCalendarMonth(year, 12)),
})

/**
 * The month before the current date, e.g. `202610` during November 2026 (in the Ethiopian
 * calendar: during Pagume, Nehasse, the month that just ended).
 */
export const defaultEndPeriod = (now: Date = new Date()): string => {
    const today = isoToCalendarDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate())
    return today.month === 13
        ? monthId(monthIndex(today.year, 12))
        : monthId(monthIndex(today.year, today.month) - 1)
}

/** Months first..last, the quarters covering them and the years covering them */
export const buildPeriods = (
    first: MonthIndex,
    last: MonthIndex
): Record<PeriodType, StoredPeriod[]> => {
    const monthly: StoredPeriod[] = []
    for (let m = first; m <= last; m++) monthly.push(monthPeriod(m))
    const quarterly: StoredPeriod[] = []
    for (let q = quarterOfMonth(first); q <= quarterOfMonth(last); q++) {
        quarterly.push(quarterPeriod(q))
    }
    const yearly: StoredPeriod[] = []
    for (let y = monthYear(first); y <= monthYear(last); y++) yearly.push(yearPeriod(y))
    return { Monthly: monthly, Quarterly: quarterly, Yearly: yearly }
}
