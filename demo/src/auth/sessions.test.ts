import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, startTestServer, type TestServer } from '../testing/harness'
import { SessionStore } from './sessions'

describe('sessions', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('creates no session for anonymous requests, of any kind', async () => {
        const kinds: [string, RequestInit][] = [
            ['/api/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } }],
            ['/api/apps/triangulate/index.html', { headers: { Accept: 'text/html' } }],
            ['/dhis-web-commons/security/login.action', {}],
            ['/api/loginConfig', {}],
            ['/api/me', { headers: { Authorization: basicAuth('nobody') } }],
            ['/api/auth/login', { method: 'POST', body: '{"username":"admin","password":"x"}' }],
        ]
        const requests = Array.from({ length: 600 }, (_, i) => kinds[i % kinds.length])
        for (let i = 0; i < requests.length; i += 50) {
            await Promise.all(
                requests.slice(i, i + 50).map(async (kind) => {
                    const [path, init] = kind as [string, RequestInit]
                    const res = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init })
                    await res.arrayBuffer()
                })
            )
        }
        expect(server.platform.sessions.size()).toBe(0)
    })

    it('still returns the browser to the page it asked for after login, and only there', async () => {
        const page = await fetch(`${server.url}/api/apps/triangulate/index.html?x=1`, {
            redirect: 'manual',
            headers: { Accept: 'text/html' },
        })
        const cookie = /JSESSIONID=[^;]*/.exec(page.headers.get('set-cookie') ?? '')?.[0] ?? ''
        expect(cookie).not.toBe('')
        expect(server.platform.sessions.size()).toBe(0)
        const login = (cookieHeader: string): Promise<Response> =>
            fetch(`${server.url}/api/auth/login`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Cookie: cookieHeader },
                body: JSON.stringify({ username: 'analyst', password: 'Analyst1#' }),
            })
        expect(await (await login(cookie)).json()).toMatchObject({
            redirectUrl: '/api/apps/triangulate/index.html?x=1',
        })
        expect(server.platform.sessions.size()).toBe(1)
        // a forged saved request (another site) is ignored
        const forged = `JSESSIONID=R${Buffer.from('//evil.example').toString('base64url')}.AAAA`
        expect(await (await login(forged)).json()).toMatchObject({ redirectUrl: '/' })
    })
})

describe('SessionStore', () => {
    it('keeps at most maxSessions, dropping the least recently used', () => {
        const store = new SessionStore({ maxSessions: 1000 })
        const first = store.create('u1')
        const kept = store.create('u2')
        for (let i = 0; i < 20_000; i++) {
            store.create('u3')
            if (i % 100 === 0) store.get(kept.id)
        }
        expect(store.size()).toBe(1000)
        expect(store.get(first.id)).toBeNull()
        expect(store.get(kept.id)?.userId).toBe('u2')
    })

    it('expires idle sessions', () => {
        let now = 0
        const store = new SessionStore({ idleTimeoutMs: 3600_000, now: () => now })
        const a = store.create('u1')
        now = 3600_001
        expect(store.get(a.id)).toBeNull()
        const b = store.create('u2')
        now += 1000
        expect(store.get(b.id)?.userId).toBe('u2')
        for (let i = 0; i < 10; i++) store.create('u3')
        now += 3600_001 + 60_000
        store.create('u4')
        expect(store.size()).toBe(1)
    })
})
