import i18n from '@dhis2/d2-i18n'
import { Button, CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useState } from 'react'
import type { Config, ConfigIssue } from '../../domain/config'
import { useCalendarSupport } from '../../data/use-calendar'
import { useConfig } from '../../data/use-config'
import { canEditConfig, useMe, useUser } from '../../data/use-me'
import { ErrorNotice } from '../../shared/api-errors'
import { CalendarUnsupportedNotice } from '../../shared/calendar/CalendarUnsupportedNotice'

const IssueList = ({ issues }: { issues: ConfigIssue[] }) => {
    const [open, setOpen] = useState(false)
    return (
        <>
            <Button small secondary onClick={() => setOpen((v) => !v)}>
                {open ? i18n.t('Hide details') : i18n.t('Show what is wrong')}
            </Button>
            {open && (
                <ul data-test="config-issues">
                    {issues.map((issue, index) => (
                        <li key={index}>
                            <code>{issue.path}</code>: {issue.message}
                        </li>
                    ))}
                </ul>
            )}
        </>
    )
}

/**
 * Loads the mapping and renders `children(config)` with every valid pair; explains the empty and
 * broken states in words, and leads admins to the editor. On an instance with a non-Gregorian
 * calendar it also loads the calendar code (in parallel) before the pages compute any period.
 */
export const ConfigGate = ({
    children,
    onOpenSettings,
}: {
    children: (config: Config) => React.ReactNode
    onOpenSettings?: () => void
}) => {
    const config = useConfig()
    // The pages wait for the user (one request, in parallel with the mapping's); the app's
    // editors (three more) only decide what the empty or broken mapping's notice offers
    const user = useUser()
    const usable =
        config.data?.state === 'present' && Boolean(config.data.config?.programAreas.length)
    const me = useMe({ enabled: Boolean(config.data) && !usable })
    const calendar = useCalendarSupport()
    if (config.isLoading || user.isLoading) return <CircularLoader small />
    // A failed refresh of a mapping already loaded keeps the pages usable with it (each page
    // shows its own failed requests where they happen)
    if (config.error && !config.data)
        return <ErrorNotice error={config.error} onRetry={() => void config.refetch()} />
    const canEdit = me.data ? canEditConfig(me.data) : false
    if (
        !config.data ||
        config.data.state === 'absent' ||
        !config.data.config?.programAreas.length
    ) {
        const broken = config.data?.state === 'present' && !config.data.config
        if (me.isLoading) return <CircularLoader small />
        return (
            <NoticeBox
                error={broken}
                title={
                    broken
                        ? i18n.t('The mapping cannot be read')
                        : i18n.t('No commodity↔service pairs yet')
                }
                dataTest={broken ? 'config-broken' : 'config-empty'}
            >
                <p>
                    {broken
                        ? i18n.t(
                              'The mapping stored in DHIS2 is not valid, so no chart can be drawn.'
                          )
                        : i18n.t(
                              'This app shows LMIS commodity data beside the HMIS service data it treats, once an administrator has mapped the pairs.'
                          )}
                </p>
                {config.data?.state === 'present' && config.data.errors.length > 0 && (
                    <IssueList issues={config.data.errors} />
                )}
                {canEdit && onOpenSettings ? (
                    <Button primary onClick={onOpenSettings} dataTest="open-settings">
                        {broken ? i18n.t('Repair the mapping') : i18n.t('Set up the mapping')}
                    </Button>
                ) : (
                    <p>
                        {i18n.t(
                            'Ask your DHIS2 administrator to set up the mapping in this app’s settings.'
                        )}
                    </p>
                )}
            </NoticeBox>
        )
    }
    if (!calendar.ready) {
        if (calendar.unsupported) {
            return <CalendarUnsupportedNotice calendar={calendar.calendar} />
        }
        return calendar.error ? (
            <NoticeBox
                error
                title={i18n.t('The calendar could not be loaded')}
                dataTest="calendar-error"
            >
                <p>
                    {i18n.t(
                        'This DHIS2 uses the {{calendar}} calendar, whose periods the app could not load. Check your connection and try again.',
                        { calendar: calendar.calendar }
                    )}
                </p>
                <Button small onClick={calendar.retry}>
                    {i18n.t('Try again')}
                </Button>
            </NoticeBox>
        ) : (
            <CircularLoader small />
        )
    }
    const { errors } = config.data
    return (
        <>
            {errors.length > 0 && (
                <NoticeBox
                    warning
                    title={i18n.t('Part of the mapping is invalid')}
                    dataTest="config-partly-invalid"
                >
                    <p>
                        {i18n.t(
                            'Pairs with errors are left out; every valid pair is shown. Problems found – {{number}}.',
                            {
                                number: errors.length,
                            }
                        )}
                    </p>
                    <IssueList issues={errors} />
                    {canEdit && onOpenSettings && (
                        <Button small onClick={onOpenSettings}>
                            {i18n.t('Repair the mapping')}
                        </Button>
                    )}
                </NoticeBox>
            )}
            {children(config.data.config)}
        </>
    )
}
