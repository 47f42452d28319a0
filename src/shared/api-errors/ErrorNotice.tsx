import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox } from '@dhis2/ui'
import React from 'react'
import { describeError } from './describe-error'

/**
 * One way to show a failed request: a translated title and advice, the server's words as text, and
 * only an action that can help: "Try again" where another attempt may succeed, "Reload and log in"
 * when the session is gone, nothing when the same request would get the same answer.
 */
export const ErrorNotice = ({
    error,
    onRetry,
    dataTest,
}: {
    error: unknown
    onRetry?: () => void
    dataTest?: string
}) => {
    const described = describeError(error)
    return (
        <NoticeBox
            error={described.kind !== 'notFound'}
            warning={described.kind === 'notFound'}
            title={described.title}
            dataTest={dataTest ?? `error-${described.kind}`}
        >
            <p style={{ margin: '0 0 4px' }}>{described.message}</p>
            {described.serverMessage && (
                <p style={{ margin: '0 0 4px', fontFamily: 'monospace', fontSize: 12 }}>
                    {described.errorCode ? `${described.errorCode}: ` : ''}
                    {described.serverMessage}
                </p>
            )}
            {onRetry && described.action === 'retry' && (
                <Button small onClick={onRetry} dataTest="error-retry">
                    {i18n.t('Try again')}
                </Button>
            )}
            {described.action === 'reload' && (
                <Button
                    small
                    primary
                    onClick={() => window.location.reload()}
                    dataTest="error-reload"
                >
                    {i18n.t('Reload and log in')}
                </Button>
            )}
        </NoticeBox>
    )
}
