/**
 * Server-side sessions behind the `JSESSIONID` cookie, as DHIS2 (Tomcat/Jetty + Spring Security)
 * keeps them: in memory, lost on restart, expiring after an idle timeout (DHIS2's default session
 * timeout is 3600 s).
 */
import { randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { parseCookies, serializeCookie } from '../http/cookies'

export const SESSION_COOKIE = 'JSESSIONID'

export interface Session {
    id: string
    /** The authenticated user, `null` for an anonymous session (e.g. holding a saved request) */
    userId: string | null
    /** Where to go after login: the protected page that sent the browser to the login page */
    savedRequest: string | null
    lastAccess: number
}

export class SessionStore {
    private readonly sessions = new Map<string, Session>()

    constructor(
        private readonly idleTimeoutMs = 3600_000,
        private readonly now: () => number = Date.now
    ) {}

    create(userId: string | null = null): Session {
        this.sweep()
        const session: Session = {
            id: randomBytes(16).toString('hex').toUpperCase(),
            userId,
            savedRequest: null,
            lastAccess: this.now(),
        }
        this.sessions.set(session.id, session)
        return session
    }

    get(id: string | undefined): Session | null {
        if (!id) return null
        const session = this.sessions.get(id)
        if (!session) return null
        if (this.now() - session.lastAccess > this.idleTimeoutMs) {
            this.sessions.delete(id)
            return null
        }
        session.lastAccess = this.now()
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

    private sweep(): void {
        const now = this.now()
        for (const [id, s] of this.sessions) {
            if (now - s.lastAccess > this.idleTimeoutMs) this.sessions.delete(id)
        }
    }
}

export const sessionCookie = (session: Session): string =>
    serializeCookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax' })

export const clearSessionCookie = (): string =>
    serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', maxAge: 0 })
