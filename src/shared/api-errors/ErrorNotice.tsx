import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox } from '@dhis2/ui'
import React from 'react'
import { describeError } from './describe-error'

/** One way to show a failed request: a translated title and advice, the server's words as text. */
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
            {onRetry && described.kind !== 'forbidden' && (
                <Button small onClick={onRetry}>
                    {i18n.t('Try again')}
                </Button>
            )}
        </NoticeBox>
    )
}
