import { describeError, isRetryable, statusOfError } from './describe-error'

describe('describeError', () => {
    it('recognises a server that is down', () => {
        const d = describeError({
            type: 'network',
            message: 'An unknown network error occurred',
            details: new TypeError('Failed to fetch'),
        })
        expect(d.kind).toBe('network')
        expect(d.serverMessage).toBeUndefined()
    })

    it('keeps the server message and error code of an analytics 409', () => {
        const d = describeError({
            type: 'access',
            message: 'Dimension `dx` is present in query without any valid dimension options',
            details: {
                httpStatus: 'Conflict',
                httpStatusCode: 409,
                status: 'ERROR',
                message: 'Dimension `dx` is present in query without any valid dimension options',
                errorCode: 'E7114',
            },
        })
        expect(d).toMatchObject({ kind: 'conflict', errorCode: 'E7114', httpStatusCode: 409 })
        expect(d.serverMessage).toContain('Dimension `dx`')
    })

    it('tells access problems apart', () => {
        expect(describeError({ type: 'access', message: 'Unauthorized', details: {} }).kind).toBe(
            'unauthorized'
        )
        expect(
            describeError({
                type: 'access',
                message: 'Forbidden',
                details: { httpStatusCode: 403, message: 'Access denied' },
            }).kind
        ).toBe('forbidden')
    })

    it('handles 404, 500 and anything else', () => {
        expect(
            describeError({
                type: 'unknown',
                details: { httpStatusCode: 404, message: 'Key not found' },
            }).kind
        ).toBe('notFound')
        expect(describeError({ type: 'unknown', details: { httpStatusCode: 500 } }).kind).toBe(
            'server'
        )
        expect(describeError(new Error('boom')).kind).toBe('unknown')
        expect(describeError(undefined).kind).toBe('unknown')
    })
})

describe('what the user is offered', () => {
    const runtimeError = (status: number, statusText: string, type = 'unknown') => ({
        type,
        message: `An unknown error occurred - ${statusText} (${status})`,
        details: {},
    })

    it('names a 503 maintenance or proxy page (HTML, no WebMessage) and offers to try later', () => {
        const d = describeError(runtimeError(503, 'Service Unavailable'))
        expect(d).toMatchObject({ kind: 'unavailable', httpStatusCode: 503, action: 'retry' })
        expect(d.title).toBe('The DHIS2 server is unavailable (503)')
        expect(d.message).toContain('Try again in a few minutes')
        expect(d.serverMessage).toBeUndefined()
        expect(describeError(runtimeError(502, 'Bad Gateway')).kind).toBe('unavailable')
        expect(describeError(runtimeError(504, 'Gateway Timeout')).kind).toBe('unavailable')
        expect(statusOfError(runtimeError(500, 'Internal Server Error'))).toBe(500)
    })

    it('offers to reload and log in, not to try again, when the session is gone (401)', () => {
        const gone = describeError({ type: 'access', message: 'Unauthorized', details: {} })
        expect(gone).toMatchObject({ kind: 'unauthorized', action: 'reload' })
        expect(gone.serverMessage).toBeUndefined()
        expect(
            describeError({
                type: 'access',
                message: 'Unauthorized',
                details: { httpStatusCode: 401, message: 'Unauthorized' },
            }).action
        ).toBe('reload')
        expect(isRetryable({ type: 'access', message: 'Unauthorized', details: {} })).toBe(false)
    })

    it('offers no retry for answers that cannot change, and a retry where they can', () => {
        const never = [
            { type: 'access', message: 'Forbidden', details: { httpStatusCode: 403 } },
            { type: 'access', message: 'x', details: { httpStatusCode: 409, errorCode: 'E7120' } },
            { type: 'unknown', details: { httpStatusCode: 404 } },
        ]
        expect(never.map((e) => describeError(e).action)).toEqual(['none', 'none', 'none'])
        const later = [
            { type: 'network', message: 'An unknown network error occurred', details: {} },
            { type: 'unknown', details: { httpStatusCode: 500 } },
            runtimeError(503, 'Service Unavailable'),
            new Error('boom'),
        ]
        expect(later.map(isRetryable)).toEqual([true, true, true, true])
    })
})
