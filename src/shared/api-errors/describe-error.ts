import i18n from '@dhis2/d2-i18n'

export type ApiErrorKind =
    | 'network'
    | 'unauthorized'
    | 'forbidden'
    | 'conflict'
    | 'notFound'
    | 'unavailable'
    | 'server'
    | 'unknown'

/**
 * What the user can do about it: `retry` (it may work a moment later), `reload` (the session is
 * gone: reloading the page leads to the login), or nothing (the same request gets the same answer).
 */
export type ErrorAction = 'retry' | 'reload' | 'none'

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
    action: ErrorAction
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
/**
 * The HTTP status of a failed request: DHIS2's WebMessage `httpStatusCode`, else the status the
 * app-runtime puts in its message when the body was not JSON (a proxy's or maintenance HTML page:
 * "An unknown error occurred - Service Unavailable (503)"; `@dhis2/data-engine` `fetchData.js`).
 */
export const statusOfError = (error: unknown): number | undefined => {
    const e: ErrorLike = asRecord(error)
    const details = asRecord(e.details)
    if (typeof details.httpStatusCode === 'number') return details.httpStatusCode
    if (typeof e.message === 'string') {
        const match = /^An unknown error occurred - .*\((\d{3})\)$/.exec(e.message)
        if (match) return Number(match[1])
    }
    return undefined
}

const RUNTIME_MESSAGE = /^An unknown error occurred - /

export const describeError = (error: unknown): DescribedError => {
    const e: ErrorLike = asRecord(error)
    const details = asRecord(e.details)
    const httpStatusCode = statusOfError(error)
    const serverMessage =
        typeof details.message === 'string'
            ? details.message
            : typeof e.message === 'string' &&
                e.type !== 'network' &&
                !RUNTIME_MESSAGE.test(e.message) &&
                !(e.type === 'access' && ['Unauthorized', 'Forbidden'].includes(e.message))
              ? e.message
              : undefined
    const errorCode = typeof details.errorCode === 'string' ? details.errorCode : undefined
    const base = { serverMessage, errorCode, httpStatusCode }

    if (e.type === 'network') {
        return {
            ...base,
            serverMessage: undefined,
            kind: 'network',
            action: 'retry',
            title: i18n.t('The server could not be reached'),
            message: i18n.t(
                'Check your connection. The DHIS2 server may be down or restarting; try again in a moment.'
            ),
        }
    }
    if (httpStatusCode === 401 || (e.type === 'access' && e.message === 'Unauthorized')) {
        return {
            ...base,
            // The server's "Unauthorized" adds nothing to the title
            serverMessage: undefined,
            kind: 'unauthorized',
            action: 'reload',
            title: i18n.t('You are not logged in'),
            message: i18n.t(
                'Your session has ended (for example the server was restarted). Reload the page to log in again.'
            ),
        }
    }
    if (httpStatusCode === 403 || (e.type === 'access' && !httpStatusCode)) {
        return {
            ...base,
            kind: 'forbidden',
            action: 'none',
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
            action: 'none',
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
            action: 'none',
            title: i18n.t('Not found'),
            message: i18n.t('Something this view needs no longer exists on the server.'),
        }
    }
    if (httpStatusCode === 502 || httpStatusCode === 503 || httpStatusCode === 504) {
        return {
            ...base,
            kind: 'unavailable',
            action: 'retry',
            title: i18n.t('The DHIS2 server is unavailable ({{status}})', {
                status: String(httpStatusCode),
            }),
            message: i18n.t(
                'The server or the proxy in front of it is not answering – it may be restarting or under maintenance. Try again in a few minutes.'
            ),
        }
    }
    if (httpStatusCode && httpStatusCode >= 500) {
        return {
            ...base,
            kind: 'server',
            action: 'retry',
            title: i18n.t('The server had a problem'),
            message: i18n.t(
                'DHIS2 answered with an error. Try again; if it persists, tell your administrator.'
            ),
        }
    }
    return {
        ...base,
        kind: 'unknown',
        action: 'retry',
        title: i18n.t('Something went wrong'),
        message: i18n.t('An unexpected error occurred. Try again.'),
    }
}

/** Whether asking again may give another answer (for automatic retries too). */
export const isRetryable = (error: unknown): boolean => describeError(error).action === 'retry'
