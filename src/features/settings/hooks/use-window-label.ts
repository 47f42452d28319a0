import i18n from '@dhis2/d2-i18n'
import { useCalendarSupport } from '../../../data/use-calendar'
import { todayInCalendar } from '../../../domain/periods'
import { windowLabel } from '../model/reporting-groups'

/**
 * Names a reporting group's window by the months its report stored in the first quarter covers
 * (e.g. "Feb–Apr"), in the user's language and the instance's calendar; in words ("one month
 * later") where the app cannot name that calendar's periods.
 */
export const useWindowLabel = (): ((offset: number) => string) => {
    const { calendar, ready } = useCalendarSupport()
    const locale = i18n.language || 'en'
    return (offset: number): string => {
        if (ready) {
            try {
                const year = Number(todayInCalendar(calendar).slice(0, 4))
                return windowLabel(offset, year, { calendar, locale })
            } catch {
                // a calendar the app cannot name periods in: the shift in words below
            }
        }
        switch (offset) {
            case 0:
                return i18n.t('the calendar quarter')
            case 1:
                return i18n.t('one month later')
            case 2:
                return i18n.t('two months later')
            case -1:
                return i18n.t('one month earlier')
            default:
                return i18n.t('two months earlier')
        }
    }
}
