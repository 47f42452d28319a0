/**
 * Who is calling: HTTP basic auth, the `JSESSIONID` session, or (development only) the configured
 * auto-login user. Mirrors the order of DHIS2's Spring Security chain: the session's security
 * context is loaded first, then a basic `Authorization` header is checked; invalid basic
 * credentials fail the request even when a session exists.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { DemoUser } from '../http/types'
import type { Session, SessionStore } from './sessions'
import type { UserDirectory } from './users'

export type AuthResult =
    | {
          kind: 'user'
          user: DemoUser
          via: 'basic' | 'session' | 'devAutoLogin'
          session: Session | null
      }
    | { kind: 'anonymous'; session: Session | null }
    /** A basic `Authorization` header with unknown user or wrong password */
    | { kind: 'badCredentials'; username: string }

export interface AuthDeps {
    users: UserDirectory
    sessions: SessionStore
    devAutoLoginUser?: DemoUser | null
}

/** `username:password` of a `Basic` authorization header, `null` when there is none. */
export const parseBasicAuth = (
    headers: IncomingHttpHeaders
): { username: string; password: string } | null => {
    const header = headers.authorization
    if (!header) return null
    const match = /^Basic\s+(.*)$/i.exec(header.trim())
    if (!match) return null
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return { username: decoded, password: '' }
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export const authenticate = (headers: IncomingHttpHeaders, deps: AuthDeps): AuthResult => {
    const session = deps.sessions.fromHeaders(headers)
    const basic = parseBasicAuth(headers)
    if (basic) {
        const user = deps.users.verify(basic.username, basic.password)
        if (!user) return { kind: 'badCredentials', username: basic.username }
        return { kind: 'user', user, via: 'basic', session }
    }
    if (session?.userId) {
        const user = deps.users.byId(session.userId)
        if (user) return { kind: 'user', user, via: 'session', session }
    }
    if (deps.devAutoLoginUser) {
        return { kind: 'user', user: deps.devAutoLoginUser, via: 'devAutoLogin', session }
    }
    return { kind: 'anonymous', session }
}
