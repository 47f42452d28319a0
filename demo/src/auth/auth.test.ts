import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TINY_REGION_A_ID, TINY_ROOT_ID } from '../testing/tinyDb'
import { body, startTestServer, type TestServer } from '../testing/harness'

const cookieOf = (res: Response): string | null => {
    const header = res.headers.get('set-cookie')
    const match = header ? /JSESSIONID=([^;]*)/.exec(header) : null
    return match ? `JSESSIONID=${match[1]}` : null
}

const UNAUTHORIZED = {
    httpStatus: 'Unauthorized',
    httpStatusCode: 401,
    status: 'ERROR',
    message: 'Unauthorized',
}

describe('authentication', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('accepts HTTP basic auth for every demo user', async () => {
        for (const username of ['admin', 'district', 'analyst']) {
            const res = await server.get('/api/me?fields=username', username)
            expect(res.status).toBe(200)
            expect(await res.json()).toEqual({ username })
        }
    })

    it('refuses wrong basic credentials with DHIS2 401 WebMessage and no WWW-Authenticate', async () => {
        const res = await fetch(`${server.url}/api/me`, {
            headers: { Authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` },
        })
        expect(res.status).toBe(401)
        expect(res.headers.get('www-authenticate')).toBeNull()
        expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
        expect(await res.json()).toEqual(UNAUTHORIZED)
    })

    it('answers /api/me without login with 401 for API clients and a redirect for browsers', async () => {
        const api = await server.get('/api/me', null)
        expect(api.status).toBe(401)
        expect(await api.json()).toEqual(UNAUTHORIZED)
        // the data engine sends an empty Authorization header when there is no API token
        const emptyAuth = await server.get('/api/me', null, { headers: { Authorization: '' } })
        expect(emptyAuth.status).toBe(401)

        const page = await fetch(`${server.url}/api/apps/triangulate/index.html`, {
            redirect: 'manual',
            headers: { Accept: 'text/html' },
        })
        expect(page.status).toBe(302)
        expect(page.headers.get('location')).toBe('/dhis-web-commons/security/login.action')
        const cookie = cookieOf(page)
        expect(cookie).not.toBeNull()

        // legacy form login sends the browser back to the page it asked for
        const login = await fetch(`${server.url}/dhis-web-commons-security/login.action`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie ?? '' },
            body: 'j_username=analyst&j_password=Analyst1%23',
        })
        expect(login.status).toBe(302)
        expect(login.headers.get('location')).toBe(`${server.url}/api/apps/triangulate/index.html`)
        const sessionCookie = cookieOf(login)
        expect(sessionCookie).not.toBe(cookie)
        const me = await server.get('/api/me?fields=username', null, {
            headers: { Cookie: sessionCookie ?? '' },
        })
        expect(await me.json()).toEqual({ username: 'analyst' })

        const page2 = await fetch(`${server.url}/dhis-web-commons/security/login.action`)
        expect(page2.status).toBe(200)
        expect(await page2.text()).toContain('j_username')
    })

    it('logs in with POST /api/auth/login and the JSESSIONID cookie, as the login modal does', async () => {
        const res = await server.send(
            'POST',
            '/api/auth/login',
            { username: 'admin', password: 'district' },
            null
        )
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({
            loginStatus: 'SUCCESS',
            redirectUrl: '/',
        })
        const setCookie = res.headers.get('set-cookie') ?? ''
        expect(setCookie).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly; SameSite=Lax$/)
        const cookie = cookieOf(res) ?? ''

        const me = await server.get('/api/me?fields=id,username,name', null, {
            headers: { Cookie: cookie },
        })
        expect(me.status).toBe(200)
        expect(await me.json()).toMatchObject({ username: 'admin', name: 'John Traore' })

        const logout = await fetch(`${server.url}/dhis-web-commons-security/logout.action`, {
            redirect: 'manual',
            headers: { Cookie: cookie },
        })
        expect(logout.status).toBe(302)
        expect(logout.headers.get('set-cookie')).toMatch(/^JSESSIONID=; Path=\/; Max-Age=0/)
        const after = await server.get('/api/me', null, { headers: { Cookie: cookie } })
        expect(after.status).toBe(401)
    })

    it('refuses wrong credentials at /api/auth/login with "Bad credentials"', async () => {
        const res = await server.send(
            'POST',
            '/api/auth/login',
            { username: 'admin', password: 'nope' },
            null
        )
        expect(res.status).toBe(401)
        expect(res.headers.get('set-cookie')).toBeNull()
        expect(await res.json()).toEqual({
            httpStatus: 'Unauthorized',
            httpStatusCode: 401,
            status: 'ERROR',
            message: 'Bad credentials',
        })
        const unknown = await server.send(
            'POST',
            '/api/auth/login',
            { username: 'ghost', password: 'x' },
            null
        )
        expect(unknown.status).toBe(401)
    })

    it('redirects a failed form login back to the login page with failed=true', async () => {
        const res = await fetch(`${server.url}/dhis-web-commons-security/login.action`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: 'j_username=admin&j_password=wrong',
        })
        expect(res.status).toBe(302)
        expect(res.headers.get('location')).toBe(
            `${server.url}/dhis-web-commons/security/login.action?failed=true`
        )
        expect(res.headers.get('set-cookie')).toBeNull()
    })

    it('gives superusers ALL and the root, the analyst app access and one region', async () => {
        const admin = await (
            await server.get(
                '/api/me?fields=authorities,organisationUnits,dataViewOrganisationUnits'
            )
        ).json()
        expect(admin).toEqual({
            authorities: ['ALL'],
            organisationUnits: [{ id: TINY_ROOT_ID }],
            dataViewOrganisationUnits: [{ id: TINY_ROOT_ID }],
        })
        const analyst = await body<{ authorities: string[]; dataViewOrganisationUnits: unknown }>(
            await server.get(
                '/api/me?fields=authorities,dataViewOrganisationUnits[id,name,level]',
                'analyst'
            )
        )
        expect(analyst.authorities).toContain('M_triangulate')
        expect(analyst.authorities).not.toContain('ALL')
        expect(analyst.authorities).not.toContain('F_TRIANGULATE_CONFIG')
        expect(analyst.dataViewOrganisationUnits).toEqual([
            { id: TINY_REGION_A_ID, name: 'North Region', level: 2 },
        ])
        const auth = await (await server.get('/api/me/authorization', 'analyst')).json()
        expect(auth).toEqual(analyst.authorities)
        expect(
            await (await server.get('/api/me/authorization/F_TRIANGULATE_CONFIG', 'analyst')).json()
        ).toBe(false)
        expect(await (await server.get('/api/me/authorization/F_TRIANGULATE_CONFIG')).json()).toBe(
            true
        )
    })
})

describe('development auto-login', () => {
    it('acts as the configured user without credentials and says so in the log', async () => {
        const server = await startTestServer({ devAutoLoginUser: 'admin' })
        try {
            expect(server.logs.some((l) => l.includes('AUTO-LOGIN') && l.includes("'admin'"))).toBe(
                true
            )
            const me = await server.get('/api/me?fields=username', null)
            expect(await me.json()).toEqual({ username: 'admin' })
            // explicit credentials still win
            const analyst = await server.get('/api/me?fields=username', 'analyst')
            expect(await analyst.json()).toEqual({ username: 'analyst' })
        } finally {
            await server.stop()
        }
    })

    it('refuses an unknown auto-login user', async () => {
        await expect(startTestServer({ devAutoLoginUser: 'nobody' })).rejects.toThrow(/nobody/)
    })
})
