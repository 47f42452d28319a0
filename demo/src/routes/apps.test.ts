import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import * as zlib from 'node:zlib'
import { once } from 'node:events'
import { crc32 } from '../http/crc32'
import { basicAuth, body, messageOf, startTestServer, type TestServer } from '../testing/harness'
import { makeZip, type DeflatedEntry, type ZipContent } from '../testing/zip'

const manifest = (version: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
        app_hub_id: undefined,
        appType: 'APP',
        short_name: 'triangulate',
        name: 'HMIS/LMIS Triangulation',
        description: 'Service data and medicine-logistics data side by side',
        version,
        core_app: false,
        launch_path: 'index.html',
        plugin_launch_path: 'plugin.html',
        plugin_type: 'DASHBOARD',
        default_locale: 'en',
        activities: { dhis: { href: '*', namespace: 'triangulate' } },
        authorities: ['F_TRIANGULATE_CONFIG'],
        icons: { '48': 'dhis2-app-icon.png' },
        ...extra,
    })

const appZip = (version: string, prefix = ''): Buffer =>
    makeZip({
        [`${prefix}manifest.webapp`]: manifest(version),
        [`${prefix}index.html`]: `<html><head><script>window.base="__DHIS2_BASE_URL__"</script></head><body>v${version}</body></html>`,
        [`${prefix}plugin.html`]: '<html><body>plugin __DHIS2_APP_ROOT_URL__</body></html>',
        [`${prefix}static/js/main.${version}.js`]: 'console.log("hi")',
        [`${prefix}dhis2-app-icon.png`]: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    })

const install = (server: TestServer, zip: Buffer, as = 'admin'): Promise<Response> => {
    const form = new FormData()
    form.append('file', new Blob([zip], { type: 'application/zip' }), 'triangulate-1.0.0.zip')
    return fetch(`${server.url}/api/apps`, {
        method: 'POST',
        headers: { Authorization: basicAuth(as), 'X-Requested-With': 'XMLHttpRequest' },
        body: form,
    })
}

describe('app installation', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('installs a zip with POST /api/apps and lists it as DHIS2 does', async () => {
        const res = await install(server, appZip('1.0.0'))
        expect(res.status).toBe(204)
        expect(existsSync(join(server.stateDir, 'apps', 'triangulate', 'index.html'))).toBe(true)

        const apps = await body<unknown[]>(await server.get('/api/apps'))
        expect(apps).toHaveLength(1)
        expect(apps[0]).toMatchObject({
            key: 'triangulate',
            short_name: 'triangulate',
            name: 'HMIS/LMIS Triangulation',
            version: '1.0.0',
            appType: 'APP',
            launch_path: 'index.html',
            plugin_launch_path: 'plugin.html',
            plugin_type: 'DASHBOARD',
            basePath: '/api/apps/triangulate',
            baseUrl: `${server.url}/api/apps/triangulate`,
            launchUrl: `${server.url}/api/apps/triangulate/index.html`,
            pluginLaunchUrl: `${server.url}/api/apps/triangulate/plugin.html`,
            activities: { dhis: { href: '*', namespace: 'triangulate' } },
            authorities: ['F_TRIANGULATE_CONFIG'],
            appState: 'OK',
            bundled: false,
            core_app: false,
        })
        expect(await (await server.get('/api/apps?key=triangulate')).json()).toHaveLength(1)
        expect(
            await body<unknown[]>(await server.get('/api/apps?filter=name:ilike:lmis'))
        ).toHaveLength(1)
        expect(
            await body<unknown[]>(await server.get('/api/apps?filter=appType:eq:RESOURCE'))
        ).toHaveLength(0)
        // after login without a waiting page, the start module (app:triangulate) is where to go
        const login = await server.send(
            'POST',
            '/api/auth/login',
            { username: 'admin', password: 'district' },
            null
        )
        expect(await login.json()).toEqual({
            loginStatus: 'SUCCESS',
            redirectUrl: '/api/apps/triangulate/',
        })
        expect((await server.get('/api/apps?key=nope')).status).toBe(404)
    })

    it('serves the app files, with the base URL filled in', async () => {
        const manifestRes = await server.get('/api/apps/triangulate/manifest.webapp')
        expect(manifestRes.status).toBe(200)
        const served = await body<{ activities: { dhis: unknown }; version: string }>(manifestRes)
        expect(served.activities.dhis).toEqual({ href: server.url, namespace: 'triangulate' })
        expect(served.version).toBe('1.0.0')

        const index = await server.get('/api/apps/triangulate/index.html', 'analyst')
        expect(index.headers.get('content-type')).toBe('text/html;charset=UTF-8')
        expect(await index.text()).toContain(`window.base="${server.url}"`)
        expect(await (await server.get('/api/apps/triangulate/')).text()).toContain('v1.0.0')
        expect(await (await server.get('/api/41/apps/triangulate/plugin.html')).text()).toContain(
            `plugin ${server.url}/api/apps/triangulate`
        )
        const js = await server.get('/api/apps/triangulate/static/js/main.1.0.0.js')
        expect(js.headers.get('content-type')).toBe('application/javascript;charset=UTF-8')
        expect(await js.text()).toBe('console.log("hi")')
        const bare = await server.get('/api/apps/triangulate')
        expect(bare.status).toBe(302)
        expect(bare.headers.get('location')).toBe(`${server.url}/api/apps/triangulate/`)
        expect((await server.get('/api/apps/triangulate/static')).status).toBe(302)
        expect((await server.get('/api/apps/triangulate/nope.js')).status).toBe(404)
        expect((await server.get('/api/apps/triangulate/../../datastore.json')).status).toBe(404)
        expect((await server.get('/api/apps/other/index.html')).status).toBe(404)
        // encoded traversal inside one path segment (fetch would normalise a plain "..")
        const traversal = await new Promise<number>((resolve, reject) => {
            const req = request(
                `${server.url}/api/apps/triangulate/%2E%2E%2F%2E%2E%2Fdatastore.json`,
                { headers: { Authorization: basicAuth('admin') } },
                (res) => {
                    res.resume()
                    resolve(res.statusCode ?? 0)
                }
            )
            req.on('error', reject)
            req.end()
        })
        expect(traversal).toBe(404)
    })

    it('shows installed apps in the apps menu', async () => {
        for (const path of ['/dhis-web-commons/menu/getModules.action', '/api/apps/menu']) {
            const { modules } = await body<{ modules: unknown[] }>(
                await server.get(path, 'analyst')
            )
            expect(modules).toEqual([
                {
                    name: 'triangulate',
                    namespace: '/api/apps/triangulate',
                    defaultAction: `${server.url}/api/apps/triangulate/index.html`,
                    displayName: 'HMIS/LMIS Triangulation',
                    icon: '/apps/triangulate/dhis2-app-icon.png',
                    description: 'Service data and medicine-logistics data side by side',
                    version: '1.0.0',
                    shortcuts: [],
                },
            ])
        }
        // the start module (app:triangulate) now leads to the app
        const root = await server.get('/')
        expect(root.status).toBe(302)
        expect(root.headers.get('location')).toBe(`${server.url}/api/apps/triangulate/index.html`)
    })

    it('replaces an app on reinstall, also from a zip with a top-level folder', async () => {
        expect((await install(server, appZip('1.1.0', 'triangulate-1.1.0/'))).status).toBe(204)
        const apps = await body<{ version: string }[]>(await server.get('/api/apps'))
        expect(apps.map((a) => a.version)).toEqual(['1.1.0'])
        expect(await (await server.get('/api/apps/triangulate/index.html')).text()).toContain(
            'v1.1.0'
        )
        expect((await server.get('/api/apps/triangulate/static/js/main.1.0.0.js')).status).toBe(404)
        expect(
            server.logs.some(
                (l) => l.includes("installed app 'triangulate'") && l.includes('replaced')
            )
        ).toBe(true)
    })

    it('refuses bad uploads and users without app management', async () => {
        expect((await install(server, appZip('2.0.0'), 'analyst')).status).toBe(403)
        const notZip = await install(server, Buffer.from('not a zip'))
        expect(notZip.status).toBe(409)
        expect(await notZip.json()).toMatchObject({
            httpStatusCode: 409,
            status: 'ERROR',
            message: 'Zip file could not be read',
        })
        const noManifest = await install(server, makeZip({ 'index.html': '<html></html>' }))
        expect(noManifest.status).toBe(409)
        const badJson = await install(server, makeZip({ 'manifest.webapp': '{oops' }))
        expect(await messageOf(badJson)).toBe('Invalid JSON in app manifest file')
        const taken = await install(
            server,
            makeZip({
                'manifest.webapp': manifest('1.0.0', { short_name: 'other', name: 'Other' }),
            })
        )
        expect(taken.status).toBe(409)
        expect(await messageOf(taken)).toBe('Namespace defined in manifest is in use')
        const noFile = await fetch(`${server.url}/api/apps`, {
            method: 'POST',
            headers: { Authorization: basicAuth('admin') },
            body: new FormData(),
        })
        expect(noFile.status).toBe(400)
    })

    it('keeps installed apps across restarts and deletes them', async () => {
        await server.stop(true)
        server = await startTestServer({ stateDir: server.stateDir })
        expect((await body<unknown[]>(await server.get('/api/apps')))[0]).toMatchObject({
            key: 'triangulate',
            version: '1.1.0',
        })
        expect(server.logs.some((l) => l.includes("found installed app 'triangulate'"))).toBe(true)

        expect(
            (await server.send('DELETE', '/api/apps/triangulate', undefined, 'analyst')).status
        ).toBe(403)
        expect((await server.send('DELETE', '/api/apps/triangulate', undefined)).status).toBe(204)
        expect(await (await server.get('/api/apps')).json()).toEqual([])
        expect((await server.get('/api/apps/triangulate/index.html')).status).toBe(404)
        expect(existsSync(join(server.stateDir, 'apps', 'triangulate'))).toBe(false)
        const again = await server.send('DELETE', '/api/apps/triangulate', undefined)
        expect(again.status).toBe(404)
        expect(await messageOf(again)).toBe('App does not exist: triangulate')
    })
})

/** `size` bytes of zeros, raw-deflated without ever holding them in memory at once */
const deflatedZeros = async (size: number): Promise<DeflatedEntry> => {
    const chunk = Buffer.alloc(1024 * 1024)
    const deflate = zlib.createDeflateRaw({ level: 9 })
    // zlib's native crc32 (Node >= 20.15) is 50 times faster than the demo's own
    const crcOf =
        (zlib as { crc32?: (data: Uint8Array, previous: number) => number }).crc32 ?? crc32
    const out: Buffer[] = []
    deflate.on('data', (b: Buffer) => out.push(b))
    const done = once(deflate, 'end')
    let crc = 0
    for (let left = size; left > 0; left -= chunk.length) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left)
        crc = crcOf(part, crc)
        if (!deflate.write(part)) await once(deflate, 'drain')
    }
    deflate.end()
    await done
    return { deflated: Buffer.concat(out), size, crc }
}

describe('app installation limits (zip bombs, long names)', () => {
    let server: TestServer
    const smallManifest = (extra: Record<string, unknown> = {}): string =>
        JSON.stringify({ name: 'Bomb', short_name: 'bomb', launch_path: 'index.html', ...extra })
    const appsDir = (): string[] => readdirSync(join(server.stateDir, 'apps'))

    beforeAll(async () => {
        server = await startTestServer()
    })
    afterAll(() => server.stop())

    it('refuses a 1 MB zip of 5 x 200 MB zeros with 409 "Zip file could not be read", writing nothing', async () => {
        const zeros = await deflatedZeros(200 * 1024 * 1024)
        const files: Record<string, ZipContent> = { 'manifest.webapp': smallManifest() }
        for (let i = 0; i < 5; i++) files[`zeros${i}.bin`] = zeros
        const zip = makeZip(files)
        expect(zip.length).toBeLessThan(1.5 * 1024 * 1024)
        const rssBefore = process.memoryUsage().rss
        const res = await install(server, zip)
        expect(res.status).toBe(409)
        expect(await res.json()).toEqual({
            httpStatus: 'Conflict',
            httpStatusCode: 409,
            status: 'ERROR',
            message: 'Zip file could not be read',
        })
        expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024)
        expect(appsDir()).toEqual([])
        expect((await server.get('/api/apps/bomb/')).status).toBe(404)
    }, 30_000)

    it('counts the bytes really inflated: sizes declared small do not let a bomb through', async () => {
        // declared 1 KB each, 40 MB of zeros each in fact: only the running count can tell
        const real = await deflatedZeros(40 * 1024 * 1024)
        const lying: DeflatedEntry = { ...real, size: 1024 }
        const res = await install(
            server,
            makeZip({ 'manifest.webapp': smallManifest(), 'a.bin': lying, 'b.bin': lying })
        )
        expect(res.status).toBe(409)
        expect(await messageOf(res)).toBe('Zip file could not be read')
        expect(appsDir()).toEqual([])
    })

    it('refuses a zip with too many entries, and an entry compressed more than 100:1', async () => {
        const many: Record<string, ZipContent> = { 'manifest.webapp': smallManifest() }
        for (let i = 0; i < 10_001; i++) many[`f${i}.txt`] = 'x'
        const tooMany = await install(server, makeZip(many))
        expect(tooMany.status).toBe(409)
        expect(await messageOf(tooMany)).toBe('Zip file could not be read')

        const ratio = await install(
            server,
            makeZip({
                'manifest.webapp': smallManifest(),
                'zeros.bin': await deflatedZeros(8 * 1024 * 1024),
            })
        )
        expect(ratio.status).toBe(409)
        expect(appsDir()).toEqual([])
    })

    it('answers a 300-character short_name with a 409 and a clear message, not a 500', async () => {
        const res = await install(
            server,
            makeZip({
                'manifest.webapp': smallManifest({ short_name: 'a'.repeat(300) }),
                'index.html': '<html></html>',
            })
        )
        expect(res.status).toBe(409)
        expect(await res.json()).toEqual({
            httpStatus: 'Conflict',
            httpStatusCode: 409,
            status: 'ERROR',
            message: 'App short name is too long: at most 200 characters',
        })
        expect(appsDir()).toEqual([])
    })

    it('still installs an ordinary app afterwards', async () => {
        const res = await install(server, appZip('3.0.0', 'triangulate/'))
        expect(res.status).toBe(204)
        expect(appsDir()).toEqual(['triangulate'])
    })
})
