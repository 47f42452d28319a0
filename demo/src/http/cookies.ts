/** Minimal cookie parsing and `Set-Cookie` formatting. */
import type { IncomingHttpHeaders } from 'node:http'
import { emptyDict } from './ownKeys'

export const parseCookies = (headers: IncomingHttpHeaders): Record<string, string> => {
    const out = emptyDict<string>()
    const raw = headers.cookie
    if (!raw) return out
    for (const part of raw.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0) continue
        const name = part.slice(0, eq).trim()
        const value = part.slice(eq + 1).trim()
        if (name && !(name in out)) {
            try {
                out[name] = decodeURIComponent(value)
            } catch {
                out[name] = value
            }
        }
    }
    return out
}

export interface CookieOptions {
    path?: string
    httpOnly?: boolean
    sameSite?: 'Lax' | 'Strict' | 'None'
    maxAge?: number
}

export const serializeCookie = (name: string, value: string, opts: CookieOptions = {}): string => {
    const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/'}`]
    if (opts.maxAge !== undefined) {
        parts.push(`Max-Age=${opts.maxAge}`)
        if (opts.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT')
    }
    if (opts.httpOnly ?? true) parts.push('HttpOnly')
    if (opts.sameSite) parts.push(`SameSite=${opts.sameSite}`)
    return parts.join('; ')
}
