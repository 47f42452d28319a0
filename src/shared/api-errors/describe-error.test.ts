import { describeError } from './describe-error'

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
