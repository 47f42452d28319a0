/** The words of follow-ups: statuses, history lines, dates. */
import i18n from '@dhis2/d2-i18n'
import type {
    Assignee,
    EffectiveFollowUp,
    FollowUpEvent,
    FollowUpStatus,
} from '../../../domain/follow-up/follow-up'

export const statusLabel = (status: FollowUpStatus): string => {
    switch (status) {
        case 'open':
            return i18n.t('Open')
        case 'acknowledged':
            return i18n.t('Acknowledged')
        case 'resolved':
            return i18n.t('Resolved')
    }
}

/** The status as shown and exported: "Open (data changed since resolved)" after a change */
export const effectiveStatusLabel = (followUp: EffectiveFollowUp): string =>
    followUp.dataChanged
        ? i18n.t('Open, data changed since resolved')
        : statusLabel(followUp.status)

export const assigneeLabel = (assignee: Assignee): string =>
    assignee.kind === 'orgUnit'
        ? i18n.t('{{orgUnit}} (org unit)', {
              orgUnit: assignee.name,
              interpolation: { escapeValue: false },
          })
        : assignee.name

/** An event as one line of the history, e.g. "Amina Diallo assigned it to Fatima Kamara" */
export const eventLine = (event: FollowUpEvent): string => {
    const name = event.by.name
    switch (event.action) {
        case 'acknowledge':
            return i18n.t('{{name}} acknowledged it', {
                name,
                interpolation: { escapeValue: false },
            })
        case 'assign':
            return event.assignee
                ? i18n.t('{{name}} assigned it to {{assignee}}', {
                      name,
                      assignee: assigneeLabel(event.assignee),
                      interpolation: { escapeValue: false },
                  })
                : i18n.t('{{name}} removed the assignment', {
                      name,
                      interpolation: { escapeValue: false },
                  })
        case 'comment':
            return i18n.t('{{name}} commented', { name, interpolation: { escapeValue: false } })
        case 'resolve':
            return i18n.t('{{name}} resolved it', { name, interpolation: { escapeValue: false } })
        case 'reopen':
            return event.dataChanged
                ? i18n.t('Reopened, data changed since resolved (seen by {{name}})', {
                      name,
                      interpolation: { escapeValue: false },
                  })
                : i18n.t('{{name}} reopened it', { name, interpolation: { escapeValue: false } })
    }
}

/** A date-time in the user's language; the stored text when it is no date */
/**
 * A moment for a spreadsheet: ISO 8601 date and time to the minute in the user's time zone, as
 * on screen (`2026-12-05 06:02`), which sorts as text and is read as a date by spreadsheets;
 * not a date: as given
 */
export const sortableWhen = (iso: string): string => {
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    const two = (n: number) => String(n).padStart(2, '0')
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(
        date.getHours()
    )}:${two(date.getMinutes())}`
}

export const formatWhen = (iso: string, locale: string): string => {
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    try {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
            date
        )
    } catch {
        return date.toISOString()
    }
}
