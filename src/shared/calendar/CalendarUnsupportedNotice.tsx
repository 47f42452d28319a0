import i18n from '@dhis2/d2-i18n'
import { NoticeBox } from '@dhis2/ui'
import React from 'react'

/**
 * What is missing for a calendar the app cannot compute, named exactly: the calendars the app
 * computes itself (Gregorian, Ethiopian, Julian) always work; the others go through
 * `@dhis2/multi-calendar-dates`, which works for Nepali, Islamic, Persian and Thai and fails on the
 * Coptic calendar's era in current browsers.
 */
export const unsupportedCalendarReason = (calendar: string): string => {
    switch (calendar) {
        case 'coptic':
            return i18n.t(
                'The period library the app uses fails on the Coptic calendar in current browsers, because its date code predates the era names of recent browser versions ("Era am was not matched by any era"); a fix is pending upstream in js-temporal/temporal-polyfill.'
            )
        default:
            return i18n.t(
                'The period library the app uses cannot compute the months and quarters of the {{calendar}} calendar in this browser.',
                { calendar, interpolation: { escapeValue: false } }
            )
    }
}

/** The notice shown instead of the app on an instance whose calendar cannot be computed. */
export const CalendarUnsupportedNotice = ({ calendar }: { calendar: string }) => (
    <NoticeBox
        error
        title={i18n.t('This DHIS2’s calendar is not supported yet')}
        dataTest="calendar-unsupported"
    >
        <p data-test="calendar-unsupported-reason">
            {i18n.t('This DHIS2 uses the {{calendar}} calendar.', {
                calendar,
                interpolation: { escapeValue: false },
            })}{' '}
            {unsupportedCalendarReason(calendar)}
        </p>
        <p>
            {i18n.t(
                'No chart would be right, so none is shown. The Gregorian (ISO 8601), Ethiopian, Julian, Nepali, Islamic, Persian and Thai calendars work.'
            )}
        </p>
    </NoticeBox>
)
