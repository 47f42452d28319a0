import {
    expandPeriodSelection,
    type CalendarOptions,
    monthsOfQuarters,
    quartersOfMonths,
    type Grain,
} from '../../domain/periods'

export interface ViewPeriods {
    grain: Grain
    /** The chart's x axis: months (monthly view) or quarters (quarterly view) */
    display: string[]
    /** Every period the analytics request asks for: the months and the quarters covering them */
    request: string[]
    months: string[]
    quarters: string[]
}

/**
 * The periods of a view. One analytics request asks for the months and their quarters together
 * (DHIS2 accepts mixed period types in `pe`), so monthly data, quarterly data (which DHIS2 never
 * splits into months) and quarter totals all come back at once.
 */
/** `now`: today as `yyyy-MM-dd` in the instance calendar (see `todayInCalendar`). */
export const viewPeriods = (
    selection: string,
    grain: Grain,
    now: string,
    calendar: CalendarOptions = {}
): ViewPeriods => {
    if (grain === 'monthly') {
        const months = expandPeriodSelection(selection, { ...calendar, periodType: 'MONTHLY', now })
        const quarters = quartersOfMonths(months)
        return { grain, display: months, request: [...months, ...quarters], months, quarters }
    }
    const quarters = expandPeriodSelection(selection, { ...calendar, periodType: 'QUARTERLY', now })
    const months = monthsOfQuarters(quarters)
    return { grain, display: quarters, request: [...months, ...quarters], months, quarters }
}
