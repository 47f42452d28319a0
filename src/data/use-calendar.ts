import { useConfig as useRuntimeConfig } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import {
    CalendarUnsupportedError,
    calendarOfInstance,
    calendarSupportLoaded,
    loadCalendarSupport,
    type CalendarId,
} from '../domain/periods'
import { queryKeys } from './query-keys'

/** The instance's calendar (`systemInfo.calendar`; DHIS2 calls the Gregorian one `iso8601`). */
export const useInstanceCalendar = (): CalendarId => {
    const { systemInfo } = useRuntimeConfig()
    return calendarOfInstance((systemInfo as { calendar?: string } | undefined)?.calendar)
}

export interface CalendarSupport {
    calendar: CalendarId
    /** The period functions can be called with `calendar` */
    ready: boolean
    error: unknown
    /** The calendar code loaded but cannot compute this calendar's periods (not a download error) */
    unsupported: boolean
    retry: () => void
}

/**
 * Loads the calendar code a non-Gregorian instance needs (a lazy chunk), once; on a Gregorian
 * instance it is ready at once and loads nothing.
 */
export const useCalendarSupport = (): CalendarSupport => {
    const calendar = useInstanceCalendar()
    const loadedAlready = calendarSupportLoaded(calendar)
    const load = useQuery({
        queryKey: queryKeys.calendarSupport(calendar),
        queryFn: async () => {
            await loadCalendarSupport(calendar)
            return true
        },
        enabled: !loadedAlready,
        staleTime: Infinity,
        gcTime: Infinity,
        // A download can fail once; a calendar the library cannot compute will not change
        retry: (failures, error) => !(error instanceof CalendarUnsupportedError) && failures < 1,
    })
    return {
        calendar,
        ready: loadedAlready || load.isSuccess,
        error: load.error,
        unsupported: load.error instanceof CalendarUnsupportedError,
        retry: () => void load.refetch(),
    }
}
