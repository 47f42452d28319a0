/**
 * Login and logout endpoints, as DHIS2 2.41 offers them:
 * - `POST /api/auth/login` with JSON `{ username, password }` (the new login app and the app
 *   shell's login modal when `/api/loginConfig` exists): 200 `LoginResponse`
 *   `{ "loginStatus": "SUCCESS", "redirectUrl": ... }` and a new `JSESSIONID`; wrong credentials
 *   401 WebMessage "Bad credentials" (dhis2-core `AuthenticationController`).
 * - `POST /dhis-web-commons-security/login.action` with form fields `j_username`/`j_password`
 *   (legacy form login): 302 to the page that was waiting or the start module, with the cookie;
 *   wrong credentials 302 to `/dhis-web-commons/security/login.action?failed=true`
 *   (dhis2-core `CustomAuthFailureHandler`).
 * - `GET|POST /dhis-web-commons-security/logout.action`: ends the session, clears the cookie,
 *   302 to `/`.
 * - `GET /dhis-web-commons/security/login.action` (and `/dhis-web-login/`): a login page.
 */
import type { PlatformContext } from '../http/context'
import { formBody, jsonBody } from '../http/request'
import type { DemoRequest, DemoResponse, DemoRoute } from '../http/types'
import { messageResponse } from '../http/webMessages'
import { startModuleUrl } from '../routes/apps'
import { loginPageHtml } from './loginPage'
import { clearSessionCookie, sessionCookie } from './sessions'

export const LOGIN_PAGE_PATH = '/dhis-web-commons/security/login.action'
export const LOGOUT_PATH = '/dhis-web-commons-security/logout.action'

export const authRoutes = (ctx: PlatformContext): DemoRoute[] => {
    /** Starts a new session for the user (session fixation protection), keeping the saved request */
    const startSession = (
        req: DemoRequest,
        userId: string
    ): { cookie: string; savedRequest: string | null } => {
        const previous = ctx.sessions.fromHeaders(req.headers)
        const savedRequest = ctx.sessions.savedRequest(req.headers)
        if (previous) ctx.sessions.destroy(previous.id)
        const session = ctx.sessions.create(userId)
        return { cookie: sessionCookie(session), savedRequest }
    }

    const loginPage = (req: DemoRequest): DemoResponse => ({
        status: 200,
        body: loginPageHtml({
            title: ctx.systemSettings.getString('applicationTitle'),
            baseUrl: req.baseUrl,
            failed: req.query.get('failed') === 'true',
            hint: 'Demo users: admin / district, district / District1#, analyst / Analyst1#',
        }),
        headers: { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-store' },
    })

    const logout = (req: DemoRequest): DemoResponse => {
        const session = ctx.sessions.fromHeaders(req.headers)
        if (session) ctx.sessions.destroy(session.id)
        return {
            status: 302,
            headers: { Location: `${req.baseUrl}/`, 'Set-Cookie': clearSessionCookie() },
        }
    }

    return [
        {
            method: 'POST',
            pattern: '/api/auth/login',
            public: true,
            handler: (req) => {
                const body = jsonBody(req)
                if (typeof body !== 'object' || body === null || Array.isArray(body)) {
                    return messageResponse(
                        400,
                        'Required request body is missing or is not a JSON object'
                    )
                }
                const { username, password } = body as Record<string, unknown>
                const user =
                    typeof username === 'string' && typeof password === 'string'
                        ? ctx.users.verify(username, password)
                        : null
                if (!user) {
                    ctx.log(
                        `[demo] login failed for '${typeof username === 'string' ? username : ''}'`
                    )
                    return messageResponse(401, 'Bad credentials')
                }
                const { cookie, savedRequest } = startSession(req, user.id)
                return {
                    status: 200,
                    json: {
                        loginStatus: 'SUCCESS',
                        redirectUrl: savedRequest ?? startModuleUrl(ctx),
                    },
                    headers: { 'Set-Cookie': cookie },
                }
            },
        },
        {
            method: 'POST',
            pattern: '/dhis-web-commons-security/login.action',
            public: true,
            handler: (req): DemoResponse => {
                const form = formBody(req)
                const user = ctx.users.verify(
                    form.get('j_username') ?? '',
                    form.get('j_password') ?? ''
                )
                if (!user) {
                    ctx.log(`[demo] form login failed for '${form.get('j_username') ?? ''}'`)
                    return {
                        status: 302,
                        headers: { Location: `${req.baseUrl}${LOGIN_PAGE_PATH}?failed=true` },
                    }
                }
                const { cookie, savedRequest } = startSession(req, user.id)
                return {
                    status: 302,
                    headers: {
                        Location: `${req.baseUrl}${savedRequest ?? startModuleUrl(ctx)}`,
                        'Set-Cookie': cookie,
                    },
                }
            },
        },
        { method: 'GET', pattern: LOGOUT_PATH, public: true, handler: logout },
        { method: 'POST', pattern: LOGOUT_PATH, public: true, handler: logout },
        { method: 'GET', pattern: LOGIN_PAGE_PATH, public: true, handler: loginPage },
        { method: 'GET', pattern: '/dhis-web-login', public: true, handler: loginPage },
    ]
}
