/**
 * Server-side sessions behind the `JSESSIONID` cookie, as DHIS2 (Tomcat/Jetty + Spring Security)
 * keeps them: in memory, lost on restart, expiring after an idle timeout (DHIS2's default session
 * timeout is 3600 s).
 *
 * Only an authenticated user gets a session (a login, or a basic-authenticated request, whose
 * security context DHIS2 keeps in a session). The store is bounded: past `maxSessions` the least
 * recently used session is dropped, so a flood of requests cannot fill the memory.
 *
 * An anonymous browser sent to the login page must come back to the page it asked for (Spring's
 * saved request). DHIS2 keeps that in an anonymous session; the demo keeps it in the
 * `JSESSIONID` cookie itself, signed with a key of this server, so anonymous requests never
 * create server-side state.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { parseCookies, serializeCookie } from '../http/cookies'

export const SESSION_COOKIE = 'JSESSIONID'

/** Most sessions kept by default */
export const DEFAULT_MAX_SESSIONS = 5000

export interface Session {
    id: string
    /** The authenticated user */
    userId: string
    lastAccess: number
}

export interface SessionStoreOptions {
    /** Idle time after which a session expires; default one hour (DHIS2's default) */
    idleTimeoutMs?: number
    /** Most sessions kept; the least recently used go first (default 5,000) */
    maxSessions?: number
    /** Clock, for tests */
    now?: () => number
}

/** Saved requests are paths on this server, e.g. `/api/apps/triangulate/index.html?x=1` */
const SAVED_REQUEST_MAX_LENGTH = 2048

export class SessionStore {
    /** By id, least recently used first (a `Map` keeps insertion order) */
    private readonly sessions = new Map<string, Session>()
    private readonly idleTimeoutMs: number
    private readonly maxSessions: number
    private readonly now: () => number
    private readonly signingKey = randomBytes(32)
    private lastSweep: number

    constructor(opts: SessionStoreOptions = {}) {
        this.idleTimeoutMs = opts.idleTimeoutMs ?? 3600_000
        this.maxSessions = Math.max(1, opts.maxSessions ?? DEFAULT_MAX_SESSIONS)
        this.now = opts.now ?? Date.now
        this.lastSweep = this.now()
    }

    create(userId: string): Session {
        this.sweep()
        const session: Session = {
            id: randomBytes(16).toString('hex').toUpperCase(),
            userId,
            lastAccess: this.now(),
        }
        this.sessions.set(session.id, session)
        while (this.sessions.size > this.maxSessions) {
            const oldest = this.sessions.keys().next().value
            if (oldest === undefined) break
            this.sessions.delete(oldest)
        }
        return session
    }

    get(id: string | undefined): Session | null {
        if (!id) return null
        const session = this.sessions.get(id)
        if (!session) return null
        this.sessions.delete(id)
        if (this.now() - session.lastAccess > this.idleTimeoutMs) return null
        session.lastAccess = this.now()
        this.sessions.set(id, session)
        return session
    }

    /** The session named by the request's `JSESSIONID` cookie, if it is alive */
    fromHeaders(headers: IncomingHttpHeaders): Session | null {
        return this.get(parseCookies(headers)[SESSION_COOKIE])
    }

    destroy(id: string): void {
        this.sessions.delete(id)
    }

    size(): number {
        return this.sessions.size
    }

    /** A `JSESSIONID` cookie holding the page to return to after login (no server-side state) */
    savedRequestCookie(path: string): string {
        const encoded = Buffer.from(path.slice(0, SAVED_REQUEST_MAX_LENGTH)).toString('base64url')
        return serializeCookie(SESSION_COOKIE, `R${encoded}.${this.sign(encoded)}`, {
            httpOnly: true,
            sameSite: 'Lax',
        })
    }

    /** The page a `savedRequestCookie` holds, `null` without one or when it was not made here */
    savedRequest(headers: IncomingHttpHeaders): string | null {
        const value = parseCookies(headers)[SESSION_COOKIE] ?? ''
        const match = /^R([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)$/.exec(value)
        if (!match) return null
        const [, encoded = '', signature = ''] = match
        const expected = Buffer.from(this.sign(encoded))
        const given = Buffer.from(signature)
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
        const path = Buffer.from(encoded, 'base64url').toString('utf8')
        // only a path on this server, never another site
        return path.startsWith('/') && !path.startsWith('//') ? path : null
    }

    private sign(text: string): string {
        return createHmac('sha256', this.signingKey).update(text).digest('base64url')
    }

    /** Drops expired sessions, at most once a minute (the map is in last-access order) */
    private sweep(): void {
        const now = this.now()
        if (now - this.lastSweep < 60_000) return
        this.lastSweep = now
        for (const [id, s] of this.sessions) {
            if (now - s.lastAccess <= this.idleTimeoutMs) break
            this.sessions.delete(id)
        }
    }
}

export const sessionCookie = (session: Session): string =>
    serializeCookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax' })

export const clearSessionCookie = (): string =>
    serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', maxAge: 0 })
