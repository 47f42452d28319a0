/** Helpers for reading requests in route handlers. */
import { parseJsonDict } from './ownKeys'
import type { DemoRequest } from './types'

/**
 * The JSON body, or `undefined` when the body is empty or not JSON. Its objects have no prototype
 * (see `parseJsonDict`): a client's `"__proto__"` key is data.
 */
export const jsonBody = (req: DemoRequest): unknown => {
    const text = req.body.toString('utf8').trim()
    if (!text) return undefined
    try {
        return parseJsonDict(text)
    } catch {
        return undefined
    }
}

/** `application/x-www-form-urlencoded` body fields */
export const formBody = (req: DemoRequest): URLSearchParams =>
    new URLSearchParams(req.body.toString('utf8'))

/** The media type of the request body, lower case, without parameters (`application/json`). */
export const mediaType = (req: DemoRequest): string =>
    (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

export const accepts = (req: DemoRequest, type: string): boolean =>
    (req.headers.accept ?? '').toLowerCase().includes(type)

/** True for requests sent by the app runtime / header bar (`X-Requested-With: XMLHttpRequest`). */
export const isXhr = (req: Pick<DemoRequest, 'headers'>): boolean =>
    req.headers['x-requested-with'] === 'XMLHttpRequest'

/** Truthy query flags as Spring binds booleans (`true`, case-insensitive) */
export const queryFlag = (req: DemoRequest, name: string, fallback = false): boolean => {
    const value = req.query.get(name)
    return value == null ? fallback : value.toLowerCase() === 'true'
}

/** All `fields` parameters (DHIS2 combines repeated ones) */
export const fieldsParam = (req: DemoRequest): string[] => req.query.getAll('fields')
