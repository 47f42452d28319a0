/**
 * Fixed DHIS2 periods (months `202401`, quarters `2024Q1`) in the server's calendar.
 *
 * `@dhis2/multi-calendar-dates` (the library DHIS2's own apps use) gives the period containing a
 * date, period names and a year's periods, so that Ethiopian or Nepali calendars give the same
 * period ids and names as the server. Dates are calendar dates `yyyy-MM-dd` *in that calendar*
 * (DHIS2's convention), not necessarily Gregorian ones.
 *
 * The library computes each period through the Temporal polyfill (about 60 KB gzip, 10–25 ms a
 * call), and fails on the Ethiopian calendar in current browsers. So:
 * - the Gregorian calendar (DHIS2's `iso8601`) is computed natively (`gregorian-periods.ts`, tested
 *   against the library), and the library is loaded, once, only for another calendar:
 *   `loadCalendarSupport(calendar)` must have resolved before the calendar functions below are
 *   called with that calendar (they throw `CalendarNotLoadedError` otherwise);
 * - the Ethiopian and Julian calendars are computed by the app too (`ethiopian-periods.ts`,
 *   `julian-periods.ts`, as DHIS2 core defines them), each a lazy chunk loaded only on an instance
 *   of that calendar, instead of the library (which fails on the first and lacks the second);
 * - structure that does not depend on the calendar is computed on the ids: in every calendar DHIS2
 *   supports, monthly ids are `yyyyMM` with months 01–12 (the Ethiopian 13th month has no monthly
 *   period of its own) and quarter n of a year is months 3n−2 to 3n (`yyyyQn`). So the month ↔
 *   quarter mapping and stepping through months or quarters are arithmetic on the ids.
 */
import type * as CalendarLibrary from '@dhis2/multi-calendar-dates'
import type { NativeCalendar } from './native-calendar'
import {
    gregorianPeriodContaining,
    gregorianToday,
    gregorianYearPeriods,
} from './gregorian-periods'

type Library = typeof CalendarLibrary

/** A calendar id as the library expects it: `gregory`, `ethiopic`, `nepali`... */
export type CalendarId = Parameters<Library['generateFixedPeriods']>[0]['calendar']
/** A DHIS2 period type: `MONTHLY`, `QUARTERLY`, `YEARLY`... */
export type PeriodTypeId = Parameters<Library['generateFixedPeriods']>[0]['periodType']
/** A fixed period: `{ id, name, displayName, startDate, endDate, periodType }` */
export type FixedPeriod = ReturnType<Library['generateFixedPeriods']>[number]

/** The period types the app's series use */
export type SeriesPeriodType = 'MONTHLY' | 'QUARTERLY'

export const DEFAULT_CALENDAR: CalendarId = 'gregory'

/** The names DHIS2 and Temporal give the Gregorian calendar */
const GREGORIAN_IDS: ReadonlySet<string> = new Set(['gregory', 'gregorian', 'iso8601'])

export const isGregorian = (calendar: string): boolean => GREGORIAN_IDS.has(calendar)

/** DHIS2's calendar ids (`systemInfo.calendar`) that the library spells differently */
const DHIS2_CALENDARS: Readonly<Record<string, string>> = {
    iso8601: 'gregory',
    gregorian: 'gregory',
    ethiopian: 'ethiopic',
    thai: 'buddhist',
}

/** The calendar of an instance from its `systemInfo.calendar` (absent: Gregorian). */
export const calendarOfInstance = (dhis2Calendar?: string | null): CalendarId =>
    (dhis2Calendar ? (DHIS2_CALENDARS[dhis2Calendar] ?? dhis2Calendar) : 'gregory') as CalendarId

/** The calendars the app computes itself, each a lazy chunk (DHIS2's `ethiopian` is `ethiopic`) */
const NATIVE_CALENDARS: Readonly<Record<string, () => Promise<NativeCalendar>>> = {
    ethiopic: () => import('./ethiopian-periods').then((module) => module.ethiopianCalendar),
    julian: () => import('./julian-periods').then((module) => module.julianCalendar),
}

export const isNativeCalendar = (calendar: string): boolean =>
    Object.prototype.hasOwnProperty.call(NATIVE_CALENDARS, calendar)

/** The native calendars loaded */
const nativeCalendars = new Map<string, NativeCalendar>()
let library: Library | null = null
let loadingLibrary: Promise<Library> | null = null
/** Non-Gregorian calendars the library was seen to compute (see `loadCalendarSupport`) */
const workingCalendars = new Set<string>()

/** Thrown by the calendar functions for a non-Gregorian calendar before it is loaded. */
export class CalendarNotLoadedError extends Error {
    constructor(calendar: string) {
        super(`The ${calendar} calendar is not loaded yet (loadCalendarSupport)`)
        this.name = 'CalendarNotLoadedError'
    }
}

/**
 * The library is loaded but cannot compute this calendar's periods: an unknown calendar, or one
 * its Temporal polyfill fails on (the Ethiopian and Coptic calendars with the era codes of recent
 * ICU versions: "Era am was not matched by any era").
 */
export class CalendarUnsupportedError extends Error {
    readonly calendar: string
    constructor(calendar: string, cause: unknown) {
        super(
            `The periods of the ${calendar} calendar cannot be computed: ${
                cause instanceof Error ? cause.message : String(cause)
            }`
        )
        this.name = 'CalendarUnsupportedError'
        this.calendar = calendar
    }
}

/** Whether the calendar functions can be called with `calendar` now. */
export const calendarSupportLoaded = (calendar: CalendarId): boolean =>
    isGregorian(calendar) ||
    nativeCalendars.has(calendar) ||
    (library !== null && workingCalendars.has(calendar))

/**
 * Loads what a calendar needs (nothing for the Gregorian one; the library, once, for any other)
 * and checks that today's date and this year's months can be computed in it, so that a calendar
 * the library fails on is reported once, here, rather than by every page that names a period.
 * A failed download can be tried again; an unsupported calendar rejects with
 * `CalendarUnsupportedError`.
 */
export const loadCalendarSupport = async (calendar: CalendarId): Promise<void> => {
    if (calendarSupportLoaded(calendar)) return
    const loadNative = NATIVE_CALENDARS[calendar]
    if (loadNative) {
        nativeCalendars.set(calendar, await loadNative())
        return
    }
    loadingLibrary ??= import('@dhis2/multi-calendar-dates')
    let loaded: Library
    try {
        loaded = await loadingLibrary
    } catch (error) {
        loadingLibrary = null
        throw error
    }
    library = loaded
    try {
        const now = loaded.getNowInCalendar(calendar, 'UTC')
        const year = now.eraYear ?? now.year
        loaded.generateFixedPeriods({ year, periodType: 'MONTHLY', calendar, locale: 'en' })
    } catch (error) {
        throw new CalendarUnsupportedError(calendar, error)
    }
    workingCalendars.add(calendar)
}

/** The calendar, if the app computes it itself; throws if it is one of those but not loaded yet */
const nativeCalendar = (calendar: string): NativeCalendar | null => {
    if (!isNativeCalendar(calendar)) return null
    const native = nativeCalendars.get(calendar)
    if (!native) throw new CalendarNotLoadedError(calendar)
    return native
}

const libraryFor = (calendar: string): Library => {
    if (!library || !workingCalendars.has(calendar)) throw new CalendarNotLoadedError(calendar)
    return library
}

const localeCache = new Map<string, string>()

/**
 * A locale Intl accepts, from a DHIS2 UI locale (`fr`, `pt_BR`, `uz_UZ_Cyrl`): underscores become
 * hyphens, the script goes before the region (as the library does); unknown or invalid: `en`.
 */
export const validLocale = (dhis2Locale: string | undefined): string => {
    const requested = dhis2Locale ?? 'en'
    let valid = localeCache.get(requested)
    if (valid === undefined) {
        const [language, region, script] = requested.replace(/_/g, '-').split('-')
        const tag = [language, script, region].filter(Boolean).join('-')
        try {
            valid = Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1 ? tag : 'en'
        } catch {
            valid = 'en'
        }
        localeCache.set(requested, valid)
    }
    return valid
}

export interface CalendarOptions {
    /** Default `gregory` */
    calendar?: CalendarId
    /** For period names; default `en` */
    locale?: string
}

const resolve = (options: CalendarOptions = {}) => ({
    calendar: options.calendar ?? DEFAULT_CALENDAR,
    locale: validLocale(options.locale),
})

export type ParsedPeriodId =
    | { periodType: 'MONTHLY'; year: number; month: number }
    | { periodType: 'QUARTERLY'; year: number; quarter: number }

const MONTH_ID = /^(\d{4})(0[1-9]|1[0-2])$/
const QUARTER_ID = /^(\d{4})Q([1-4])$/

const readPeriodId = (id: string): ParsedPeriodId | null => {
    const month = MONTH_ID.exec(id)
    if (month) {
        return { periodType: 'MONTHLY', year: Number(month[1]), month: Number(month[2]) }
    }
    const quarter = QUARTER_ID.exec(id)
    if (quarter) {
        return { periodType: 'QUARTERLY', year: Number(quarter[1]), quarter: Number(quarter[2]) }
    }
    return null
}

// A view or a scan handles a few dozen distinct ids, read hundreds of thousands of times (every
// item × org unit × period of an alert scan): each is read once. Bounded, in case of a long session.
const parsed = new Map<string, Readonly<ParsedPeriodId> | null>()
const PARSED_MAX = 10_000

/** Reads a monthly (`202405`) or quarterly (`2024Q2`) period id; `null` for any other id. */
export const parsePeriodId = (id: string): Readonly<ParsedPeriodId> | null => {
    let result = parsed.get(id)
    if (result === undefined) {
        result = readPeriodId(id)
        if (parsed.size >= PARSED_MAX) parsed.clear()
        parsed.set(id, result === null ? null : Object.freeze(result))
    }
    return result
}

const pad = (value: number, length: number): string => String(value).padStart(length, '0')

export const monthId = (year: number, month: number): string => `${pad(year, 4)}${pad(month, 2)}`
export const quarterId = (year: number, quarter: number): string => `${pad(year, 4)}Q${quarter}`

const parseAs = <T extends ParsedPeriodId['periodType']>(
    id: string,
    periodType: T
): Extract<ParsedPeriodId, { periodType: T }> => {
    const parsed = parsePeriodId(id)
    if (!parsed || parsed.periodType !== periodType) {
        throw new RangeError(`Not a ${periodType.toLowerCase()} period id: ${id}`)
    }
    return parsed as Extract<ParsedPeriodId, { periodType: T }>
}

/** The period type of a monthly or quarterly id, else `null`. */
export const seriesPeriodTypeOf = (id: string): SeriesPeriodType | null =>
    parsePeriodId(id)?.periodType ?? null

/** `addMonths`' results, by step then month */
const shiftedMonths = new Map<number, Map<string, string>>()

/** The month `steps` months after (negative: before) `id`. */
export const addMonths = (id: string, steps: number): string => {
    // Kept by step and month (a scan shifts each staggered facility's months: millions of calls)
    let byMonth = shiftedMonths.get(steps)
    if (byMonth === undefined) {
        byMonth = new Map()
        shiftedMonths.set(steps, byMonth)
    }
    let result = byMonth.get(id)
    if (result === undefined) {
        const { year, month } = parseAs(id, 'MONTHLY')
        const index = year * 12 + (month - 1) + steps
        result = monthId(Math.floor(index / 12), (index % 12) + 1)
        if (byMonth.size >= PARSED_MAX) byMonth.clear()
        byMonth.set(id, result)
    }
    return result
}

/** The quarter `steps` quarters after (negative: before) `id`. */
export const addQuarters = (id: string, steps: number): string => {
    const { year, quarter } = parseAs(id, 'QUARTERLY')
    const index = year * 4 + (quarter - 1) + steps
    return quarterId(Math.floor(index / 4), (index % 4) + 1)
}

/** `count` consecutive periods ending with `last` (included), oldest first. */
export const periodsEndingWith = (last: string, count: number): string[] => {
    const type = seriesPeriodTypeOf(last)
    const step = type === 'QUARTERLY' ? addQuarters : addMonths
    return Array.from({ length: Math.max(0, count) }, (_, index) => step(last, index - count + 1))
}

/**
 * A function of a period id whose results are kept, as `parsePeriodId`'s are: an alert scan asks
 * for the quarter of the same few dozen months millions of times. Bounded.
 */
const keptById = <T>(compute: (id: string) => T): ((id: string) => T) => {
    const kept = new Map<string, T>()
    return (id) => {
        let result = kept.get(id)
        if (result === undefined) {
            result = compute(id)
            if (kept.size >= PARSED_MAX) kept.clear()
            kept.set(id, result)
        }
        return result
    }
}

const quarterOfMonthKept = keptById((id: string): string => {
    const { year, month } = parseAs(id, 'MONTHLY')
    return quarterId(year, Math.ceil(month / 3))
})

/** The quarter (`2024Q2`) a month (`202405`) belongs to. */
export const quarterOfMonth = (id: string): string => quarterOfMonthKept(id)

const monthsOfQuarterKept = keptById((id: string): Readonly<[string, string, string]> => {
    const { year, quarter } = parseAs(id, 'QUARTERLY')
    const first = (quarter - 1) * 3 + 1
    return [monthId(year, first), monthId(year, first + 1), monthId(year, first + 2)]
})

/** The three months (`['202404', '202405', '202406']`) of a quarter (`2024Q2`), in order. */
export const monthsOfQuarter = (id: string): [string, string, string] => {
    const [first, second, third] = monthsOfQuarterKept(id)
    return [first, second, third]
}

/** The quarters the months belong to, each once, in the order of the months. */
export const quartersOfMonths = (monthIds: readonly string[]): string[] => [
    ...new Set(monthIds.map(quarterOfMonth)),
]

/** The months of the quarters, in order. */
export const monthsOfQuarters = (quarterIds: readonly string[]): string[] =>
    quarterIds.flatMap((id) => monthsOfQuarter(id))

/** All months from `first` to `last` included (empty when `last` is before `first`). */
export const monthRange = (first: string, last: string): string[] => {
    const a = parseAs(first, 'MONTHLY')
    const b = parseAs(last, 'MONTHLY')
    const count = b.year * 12 + b.month - (a.year * 12 + a.month) + 1
    return Array.from({ length: Math.max(0, count) }, (_, index) => addMonths(first, index))
}

const currentCache = new Map<string, string>()

/** The id of the monthly or quarterly period that contains the (calendar) date `yyyy-MM-dd`. */
export const periodIdContaining = (
    date: string,
    periodType: SeriesPeriodType,
    options?: CalendarOptions
): string => {
    const { calendar, locale } = resolve(options)
    const key = `${calendar}|${periodType}|${date}`
    let id = currentCache.get(key)
    if (id === undefined) {
        const native = nativeCalendar(calendar)
        id = isGregorian(calendar)
            ? gregorianPeriodContaining(date, periodType)
            : native
              ? native.periodIdContaining(date, periodType)
              : libraryFor(calendar).getFixedPeriodByDate({ periodType, date, calendar, locale }).id
        currentCache.set(key, id)
    }
    return id
}

const yearCache = new Map<string, FixedPeriod[]>()

export interface YearPeriodsOptions extends CalendarOptions {
    /** A year of the calendar */
    year: number
    periodType: SeriesPeriodType
    /** Leave out periods that start after this calendar date `yyyy-MM-dd` (future periods) */
    notAfter?: string
}

/** The fixed periods of a type in a (calendar) year, oldest first: for a period picker. */
export const listYearPeriods = ({
    year,
    periodType,
    notAfter,
    ...options
}: YearPeriodsOptions): FixedPeriod[] => {
    const { calendar, locale } = resolve(options)
    const key = `${calendar}|${locale}|${periodType}|${year}`
    let periods = yearCache.get(key)
    if (!periods) {
        const native = nativeCalendar(calendar)
        periods = isGregorian(calendar)
            ? gregorianYearPeriods(year, periodType, locale)
            : native
              ? native.yearPeriods(year, periodType, locale)
              : libraryFor(calendar)
                    .generateFixedPeriods({ year, periodType, calendar, locale })
                    .sort((a, b) =>
                        a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0
                    )
        yearCache.set(key, periods)
    }
    return periods.filter((period) => notAfter === undefined || period.startDate <= notAfter)
}

/**
 * The fixed period of a monthly or quarterly id, with its name and dates in the calendar
 * (through its year's periods, so naming a series costs one library call per year).
 */
export const fixedPeriod = (id: string, options?: CalendarOptions): FixedPeriod => {
    const parsed = parsePeriodId(id)
    if (!parsed) {
        throw new RangeError(`Not a monthly or quarterly period id: ${id}`)
    }
    const period = listYearPeriods({
        ...options,
        year: parsed.year,
        periodType: parsed.periodType,
    }).find((candidate) => candidate.id === id)
    if (!period) {
        throw new RangeError(`Unknown period ${id}`)
    }
    return period
}

/** The name of a period in the calendar and locale, e.g. `May 2024`, `April - June 2024`. */
export const periodName = (id: string, options?: CalendarOptions): string =>
    fixedPeriod(id, options).displayName

/** Today as a calendar date `yyyy-MM-dd` in the given calendar (the `now` other helpers take). */
export const todayInCalendar = (
    calendar: CalendarId = DEFAULT_CALENDAR,
    timeZone?: string
): string => {
    if (isGregorian(calendar)) return gregorianToday(timeZone)
    const native = nativeCalendar(calendar)
    if (native) return native.fromIso(gregorianToday(timeZone))
    const now = libraryFor(calendar).getNowInCalendar(calendar, timeZone)
    return `${pad(now.year, 4)}-${pad(now.month, 2)}-${pad(now.day, 2)}`
}

const daysInIsoMonth = (year: number, month: number): number =>
    new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Joda's `minusMonths` on an ISO date: the same day `months` months earlier, clamped to the month's end */
const isoMinusMonths = (iso: string, months: number): string => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
    const index = year * 12 + (month - 1) - months
    const y = Math.floor(index / 12)
    const m = (index % 12) + 1
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInIsoMonth(y, m)), 2)}`
}

/**
 * The calendar date `months` months before a calendar date, counted as DHIS2's `RelativePeriods`
 * counts them: on the ISO date (`new DateTime(date).minusMonths(n)`), then back into the calendar.
 * In the Gregorian calendar that is month arithmetic; in the Ethiopian one (months of 30 days) the
 * period it falls in can differ from "the previous month" by a day or two a year. `null` for a
 * calendar of the library (no synchronous conversion): the caller steps through period ids then.
 */
export const calendarDateMonthsBefore = (
    date: string,
    months: number,
    options?: CalendarOptions
): string | null => {
    const { calendar } = resolve(options)
    if (isGregorian(calendar)) return isoMinusMonths(date, months)
    const native = nativeCalendar(calendar)
    if (!native) return null
    return native.fromIso(isoMinusMonths(native.toIso(date), months))
}

/**
 * The calendar date `yyyy-MM-dd` of an ISO date (DHIS2 gives period start and end dates as ISO
 * dates whatever the calendar). `null` for a calendar of the library (no synchronous conversion).
 */
export const calendarDateOfIso = (iso: string, options?: CalendarOptions): string | null => {
    const { calendar } = resolve(options)
    const date = iso.slice(0, 10)
    if (isGregorian(calendar)) return date
    const native = nativeCalendar(calendar)
    return native ? native.fromIso(date) : null
}
