import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { body, messageOf, startTestServer, type TestServer } from '../testing/harness'

describe('system endpoints', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('describes the server in /api/system/info like DHIS2 2.41', async () => {
        const info = await body(await server.get('/api/system/info'))
        expect(info).toMatchObject({
            version: expect.stringMatching(/^2\.41\.\d+$/),
            contextPath: server.url,
            calendar: 'iso8601',
            dateFormat: 'yyyy-mm-dd',
            systemName: 'Triangulate Demo',
        })
        expect(info.serverDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/)
        expect(await (await server.get('/api/system/info?fields=version')).json()).toEqual({
            version: info.version,
        })
    })

    it('serves loginConfig and ping without login', async () => {
        const res = await server.get('/api/loginConfig', null)
        expect(res.status).toBe(200)
        expect(await res.json()).toMatchObject({
            applicationTitle: 'Triangulate Demo',
            apiVersion: expect.any(String),
        })
        const ping = await server.get('/api/ping', null)
        expect(await ping.text()).toBe('pong')
    })

    it('answers the header bar queries', async () => {
        const user = await (
            await server.get('/api/me?fields=authorities,avatar,email,name,settings')
        ).json()
        expect(user).toEqual({
            authorities: ['ALL'],
            email: 'admin@triangulate.demo',
            name: 'John Traore',
            settings: expect.objectContaining({
                keyUiLocale: 'en',
                keyAnalysisDisplayProperty: 'name',
            }),
        })
        expect(await (await server.get('/api/systemSettings/applicationTitle')).json()).toEqual({
            applicationTitle: 'Triangulate Demo',
        })
        expect(await (await server.get('/api/41/systemSettings/helpPageLink')).json()).toEqual({
            helpPageLink: expect.stringContaining('http'),
        })
        expect(await (await server.get('/api/me/dashboard')).json()).toEqual({
            unreadMessageConversations: 0,
            unreadInterpretations: 0,
        })
        const modules = await (await server.get('/dhis-web-commons/menu/getModules.action')).json()
        expect(modules).toEqual({ modules: [] })
        // the demo brands its header bar with its own banner (keyUseCustomLogoBanner on)
        const logo = await server.get('/api/staticContent/logo_banner')
        expect(logo.status).toBe(302)
    })

    it('serves the banner logo and honours keyUseCustomLogoBanner', async () => {
        // DHIS2's default: no custom logo, 404 for the descriptor, the DHIS2 logo for the image
        expect(
            (
                await server.send(
                    'POST',
                    '/api/systemSettings/keyUseCustomLogoBanner?value=false',
                    undefined
                )
            ).status
        ).toBe(200)
        const none = await server.get('/api/staticContent/logo_banner')
        expect(none.status).toBe(404)
        expect(await messageOf(none)).toBe('No custom file found.')
        const image = await fetch(`${server.url}/api/staticContent/logo_banner`, {
            redirect: 'manual',
        })
        expect(image.status).toBe(302)
        const png = await fetch(image.headers.get('location') ?? '')
        expect(png.headers.get('content-type')).toBe('image/png')
        expect(
            Buffer.from(await png.arrayBuffer())
                .subarray(1, 4)
                .toString('ascii')
        ).toBe('PNG')

        expect(
            (
                await server.send(
                    'POST',
                    '/api/systemSettings/keyUseCustomLogoBanner?value=true',
                    undefined
                )
            ).status
        ).toBe(200)
        const json = await server.get('/api/staticContent/logo_banner')
        expect(json.status).toBe(302)
        expect(await json.json()).toEqual({
            images: { png: `${server.url}/api/staticContent/logo_banner` },
        })
        const custom = await fetch(`${server.url}/api/staticContent/logo_banner`)
        expect(custom.headers.get('content-type')).toBe('image/png')
    })

    it('filters system settings by key and hides confidential and unknown ones', async () => {
        const some = await (
            await server.get(
                '/api/systemSettings?key=applicationTitle&key=keyUiLocale&key=keyEmailPassword&key=nope'
            )
        ).json()
        expect(some).toEqual({ applicationTitle: 'Triangulate Demo', keyUiLocale: 'en' })
        const all = await (await server.get('/api/systemSettings')).json()
        expect(all).toMatchObject({
            keyApplicationNotification: '',
            keyUseCustomLogoFront: false,
            helpPageLink: expect.any(String),
        })
        expect(all).not.toHaveProperty('keyEmailPassword')
        const unknown = await server.get('/api/systemSettings/nope')
        expect(unknown.status).toBe(404)
        expect(await messageOf(unknown)).toBe('Setting does not exist or is marked as confidential')
        const denied = await server.send(
            'POST',
            '/api/systemSettings/applicationTitle?value=x',
            undefined,
            'analyst'
        )
        expect(denied.status).toBe(403)
    })

    it('stores keyUiLocale per user and shows it in userSettings and /api/me', async () => {
        const res = await server.send(
            'POST',
            '/api/userSettings/keyUiLocale?value=fr',
            undefined,
            'district'
        )
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'User setting saved',
        })
        expect(await (await server.get('/api/userSettings', 'district')).json()).toMatchObject({
            keyUiLocale: 'fr',
        })
        expect(await (await server.get('/api/userSettings/keyUiLocale', 'district')).text()).toBe(
            'fr'
        )
        expect(
            await (await server.get('/api/me?fields=settings[keyUiLocale]', 'district')).json()
        ).toEqual({
            settings: { keyUiLocale: 'fr' },
        })
        expect(await (await server.get('/api/userSettings')).json()).toMatchObject({
            keyUiLocale: 'en',
        })
        const unknown = await server.send('POST', '/api/userSettings/keyNope?value=1', undefined)
        expect(unknown.status).toBe(404)
        const empty = await server.send('POST', '/api/userSettings/keyUiLocale', undefined)
        expect(empty.status).toBe(409)
    })

    it('keeps user settings across restarts', async () => {
        const first = await startTestServer()
        await first.send('POST', '/api/userSettings/keyUiLocale?value=pt', undefined, 'analyst')
        await first.stop(true)
        const second = await startTestServer({ stateDir: first.stateDir })
        try {
            expect(
                await (await second.get('/api/userSettings/keyUiLocale', 'analyst')).text()
            ).toBe('pt')
        } finally {
            await second.stop()
        }
    })

    it('lists UI locales with names', async () => {
        const locales = await (await server.get('/api/locales/ui')).json()
        expect(locales).toContainEqual({ locale: 'fr', name: 'français', displayName: 'French' })
        const messages = await body<{ messageConversations: unknown[] }>(
            await server.get('/api/messageConversations')
        )
        expect(messages.messageConversations).toEqual([])
    })

    it('looks users up for any logged-in user, as /api/userLookup does', async () => {
        const found = await body<{ users: Record<string, unknown>[] }>(
            await server.get('/api/userLookup?query=amina', 'analyst')
        )
        expect(found.users).toEqual([
            {
                id: expect.any(String),
                username: 'editor',
                firstName: 'Amina',
                surname: 'Diallo',
                displayName: 'Amina Diallo',
            },
        ])
        const byUsername = await body<{ users: { username: string }[] }>(
            await server.get('/api/userLookup?query=DISTRICT', 'editor')
        )
        expect(byUsername.users.map((u) => u.username)).toEqual(['district'])
        const one = await body(
            await server.get(`/api/userLookup/${found.users[0]?.id as string}`, 'analyst')
        )
        expect(one).toMatchObject({ username: 'editor', displayName: 'Amina Diallo' })
        const missing = await server.get('/api/userLookup', 'analyst')
        expect(missing.status).toBe(400)
        expect(await messageOf(missing)).toContain("'query'")
        expect((await server.get('/api/userLookup?query=a', null)).status).toBe(401)
    })
})
