import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { body, startTestServer, type TestServer } from '../testing/harness'
import { makeZip } from '../testing/zip'
import { crossSiteRefusal, isLocalHost } from './crossSite'

const APP_ORIGIN = 'http://localhost:3000'

/** A raw request, so that Origin, Host and Sec-Fetch-Site are exactly what a browser would send */
const raw = (
    server: TestServer,
    method: string,
    path: string,
    headers: Record<string, string>,
    payload?: string | Buffer
): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
        const req = request(
            `${server.url}${path}`,
            { method, headers: { ...headers, 'Content-Length': String(payload?.length ?? 0) } },
            (res) => {
                const chunks: Buffer[] = []
                res.on('data', (c: Buffer) => chunks.push(c))
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        text: Buffer.concat(chunks).toString('utf8'),
                    })
                )
            }
        )
        req.on('error', reject)
        req.end(payload)
    })

const multipart = (zip: Buffer): { type: string; payload: Buffer } => {
    const boundary = '----demo-boundary'
    return {
        type: `multipart/form-data; boundary=${boundary}`,
        payload: Buffer.concat([
            Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evil.zip"\r\nContent-Type: application/zip\r\n\r\n`
            ),
            zip,
            Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
    }
}

describe('development auto-login: cross-site requests', () => {
    let server: TestServer
    const title = async (): Promise<unknown> =>
        (await body(await server.get('/api/systemSettings/applicationTitle'))).applicationTitle

    beforeAll(async () => {
        server = await startTestServer({
            devAutoLoginUser: 'admin',
            allowedOrigins: [APP_ORIGIN],
        })
    })
    afterAll(() => server.stop())

    it('refuses simple no-cors requests from another site: settings, app install, dataStore', async () => {
        const before = await title()
        const evil = { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' }
        const setting = await raw(
            server,
            'POST',
            '/api/systemSettings/applicationTitle',
            { ...evil, 'Content-Type': 'text/plain' },
            'Hacked'
        )
        expect(setting.status).toBe(403)
        expect(JSON.parse(setting.text)).toMatchObject({ httpStatusCode: 403, status: 'ERROR' })
        expect(await title()).toBe(before)

        const zip = makeZip({
            'manifest.webapp': JSON.stringify({ name: 'Evil', launch_path: 'index.html' }),
            'index.html': '<script>steal()</script>',
        })
        const form = multipart(zip)
        const install = await raw(
            server,
            'POST',
            '/api/apps',
            { ...evil, 'Content-Type': form.type },
            form.payload
        )
        expect(install.status).toBe(403)
        expect((await server.get('/api/apps/Evil/index.html')).status).toBe(404)

        // a form posted from a sandboxed frame or a file: the opaque origin "null"
        const opaque = await raw(
            server,
            'POST',
            '/api/systemSettings/applicationTitle?value=Hacked',
            { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' },
            ''
        )
        expect(opaque.status).toBe(403)
        // no Origin, but the browser says it comes from another site
        const noOrigin = await raw(
            server,
            'POST',
            '/api/systemSettings/applicationTitle?value=Hacked',
            { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' },
            ''
        )
        expect(noOrigin.status).toBe(403)
        // DNS rebinding: a foreign host name pointing at this machine gets no auto-login
        const rebound = await raw(server, 'GET', '/api/me', {
            Host: `rebind.example:${server.port}`,
            'X-Requested-With': 'XMLHttpRequest',
        })
        expect(rebound.status).toBe(401)
        expect(await title()).toBe(before)
        expect(server.logs.some((l) => l.includes('cross-site request refused'))).toBe(true)
    })

    it('lets the app (its origin, JSON, X-Requested-With), the demo itself and tools through', async () => {
        const preflight = await raw(server, 'OPTIONS', '/api/dataStore/dev/k', {
            Origin: APP_ORIGIN,
            'Access-Control-Request-Method': 'PUT',
            'Access-Control-Request-Headers': 'content-type,x-requested-with',
        })
        expect(preflight.status).toBe(200)
        const app = await raw(
            server,
            'PUT',
            '/api/dataStore/dev/k',
            {
                Origin: APP_ORIGIN,
                'Sec-Fetch-Site': 'same-site',
                'Content-Type': 'application/json',
                'X-Requested-With': 'XMLHttpRequest',
            },
            '{"v":1}'
        )
        expect(app.status).toBe(201)
        const appText = await raw(
            server,
            'POST',
            '/api/systemSettings/keyApplicationFooter',
            { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'text/plain' },
            'Footer'
        )
        expect(appText.status).toBe(200)
        const sameOrigin = await raw(
            server,
            'POST',
            '/api/systemSettings/keyApplicationFooter',
            {
                Origin: server.url,
                'Sec-Fetch-Site': 'same-origin',
                'Content-Type': 'application/x-www-form-urlencoded',
            },
            'Footer2'
        )
        expect(sameOrigin.status).toBe(200)
        const curl = await raw(
            server,
            'DELETE',
            '/api/dataStore/dev/k',
            { 'Content-Type': 'text/plain' },
            ''
        )
        expect(curl.status).toBe(200)
    })

    it('leaves requests with credentials and servers without auto-login as they were', async () => {
        const evil = await raw(
            server,
            'POST',
            '/api/systemSettings/keyApplicationFooter',
            {
                Origin: 'http://evil.example',
                Authorization: `Basic ${Buffer.from('admin:district').toString('base64')}`,
                'Content-Type': 'text/plain',
            },
            'With credentials'
        )
        expect(evil.status).toBe(200)
    })
})

describe('crossSiteRefusal', () => {
    const ctx = { allowedOrigins: new Set([APP_ORIGIN]), listenHost: '127.0.0.1' }
    it('checks only state-changing methods', () => {
        const headers = { origin: 'http://evil.example', host: 'localhost:8080' }
        expect(crossSiteRefusal('GET', headers, ctx)).toBeNull()
        expect(crossSiteRefusal('HEAD', headers, ctx)).toBeNull()
        for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
            expect(crossSiteRefusal(method, headers, ctx)).toMatch(/not allowed/)
    })
    it('knows the demo by loopback names only', () => {
        expect(isLocalHost('localhost:8080', '127.0.0.1')).toBe(true)
        expect(isLocalHost('[::1]:8080', '127.0.0.1')).toBe(true)
        expect(isLocalHost('127.0.0.1', '127.0.0.1')).toBe(true)
        expect(isLocalHost('evil.example:8080', '127.0.0.1')).toBe(false)
        const rebound = { origin: 'http://evil.example:8080', host: 'evil.example:8080' }
        expect(crossSiteRefusal('POST', rebound, ctx)).toMatch(/not allowed/)
    })
})
