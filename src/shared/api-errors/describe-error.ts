import i18n from '@dhis2/d2-i18n'

export type ApiErrorKind =
    'network' | 'unauthorized' | 'forbidden' | 'conflict' | 'notFound' | 'server' | 'unknown'

export interface DescribedError {
    kind: ApiErrorKind
    /** Short, translated title for a notice box */
    title: string
    /** Translated explanation of what happened and what to do */
    message: string
    /** The server's own message (DHIS2 WebMessage `message`), shown as-is as text */
    serverMessage?: string
    /** DHIS2 error code, e.g. `E7143` */
    errorCode?: string
    httpStatusCode?: number
}

interface ErrorLike {
    type?: unknown
    message?: unknown
    details?: unknown
}

const asRecord = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' ? (value as Record<string, unknown>) : {}

/**
 * Turns whatever a request threw (the app-runtime data engine's FetchError, a parse error, anything)
 * into a translated description. Server texts are returned separately and never interpreted as HTML.
 */
export const describeError = (error: unknown): DescribedError => {
    const e: ErrorLike = asRecord(error)
    const details = asRecord(e.details)
    const httpStatusCode =
        typeof details.httpStatusCode === 'number' ? details.httpStatusCode : undefined
    const serverMessage =
        typeof details.message === 'string'
            ? details.message
            : typeof e.message === 'string' && e.type !== 'network'
              ? e.message
              : undefined
    const errorCode = typeof details.errorCode === 'string' ? details.errorCode : undefined
    const base = { serverMessage, errorCode, httpStatusCode }

    if (e.type === 'network') {
        return {
            ...base,
            serverMessage: undefined,
            kind: 'network',
            title: i18n.t('The server could not be reached'),
            message: i18n.t(
                'Check your connection. The DHIS2 server may be down or restarting; try again in a moment.'
            ),
        }
    }
    if (httpStatusCode === 401 || (e.type === 'access' && e.message === 'Unauthorized')) {
        return {
            ...base,
            kind: 'unauthorized',
            title: i18n.t('You are not logged in'),
            message: i18n.t('Your session may have expired. Reload the page to log in again.'),
        }
    }
    if (httpStatusCode === 403 || (e.type === 'access' && !httpStatusCode)) {
        return {
            ...base,
            kind: 'forbidden',
            title: i18n.t('You do not have access'),
            message: i18n.t(
                'Your DHIS2 account is not allowed to see or change this. Ask your DHIS2 administrator for access.'
            ),
        }
    }
    if (httpStatusCode === 409) {
        return {
            ...base,
            kind: 'conflict',
            title: i18n.t('DHIS2 refused the request'),
            message: i18n.t(
                'The data could not be retrieved for this selection. The server said why below; change the selection or ask your administrator.'
            ),
        }
    }
    if (httpStatusCode === 404) {
        return {
            ...base,
            kind: 'notFound',
            title: i18n.t('Not found'),
            message: i18n.t('Something this view needs no longer exists on the server.'),
        }
    }
    if (httpStatusCode && httpStatusCode >= 500) {
        return {
            ...base,
            kind: 'server',
            title: i18n.t('The server had a problem'),
            message: i18n.t(
                'DHIS2 answered with an error. Try again; if it persists, tell your administrator.'
            ),
        }
    }
    return {
        ...base,
        kind: 'unknown',
        title: i18n.t('Something went wrong'),
        message: i18n.t('An unexpected error occurred. Try again.'),
    }
}
