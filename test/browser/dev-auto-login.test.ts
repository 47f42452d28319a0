/**
 * The development auto-login (`npm start`) in a real browser: the app's origin still reads and
 * writes as @dhis2/app-runtime does (credentials, `X-Requested-With`, JSON or text bodies), while
 * a page on another site can no longer change the demo with `no-cors` requests or a form.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BrowserContext } from 'playwright-core'
import { basicAuth, startTestServer, type TestServer } from '../../demo/src/testing/harness'
import { launchChromium } from './support/chromium'

let demo: TestServer
let browser: BrowserContext
const pages: Server[] = []
let appOrigin = ''
let evilOrigin = ''

/** A one-page site on its own port */
const site = async (host: string): Promise<string> => {
    const server = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        res.end('<!doctype html><html><body>site</body></html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    pages.push(server)
    return `http://${host}:${(server.address() as AddressInfo).port}`
}

const title = async (): Promise<unknown> =>
    (
        (await (
            await fetch(`${demo.url}/api/systemSettings/applicationTitle`, {
                headers: { Authorization: basicAuth('admin'), Accept: 'application/json' },
            })
        ).json()) as Record<string, unknown>
    ).applicationTitle

beforeAll(async () => {
    appOrigin = await site('localhost')
    evilOrigin = await site('127.0.0.1')
    demo = await startTestServer({ devAutoLoginUser: 'admin', allowedOrigins: [appOrigin] })
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
    await demo?.stop()
    await Promise.all(pages.map((s) => new Promise((resolve) => s.close(resolve))))
})

it('lets the app origin read and write as @dhis2/app-runtime does', async () => {
    const page = await browser.newPage()
    await page.goto(appOrigin)
    const statuses = await page.evaluate(async (base) => {
        // the data engine's fetch (fetchData.js): credentials, X-Requested-With, empty Authorization
        const call = (path: string, init: RequestInit, type?: string) =>
            fetch(`${base}${path}`, {
                ...init,
                credentials: 'include',
                headers: {
                    'X-Requested-With': 'XMLHttpRequest',
                    Accept: 'application/json',
                    Authorization: '',
                    ...(type ? { 'Content-Type': type } : {}),
                },
            })
        const me = await (await call('/api/me?fields=username', {})).json()
        const put = await call(
            '/api/dataStore/dev/k',
            { method: 'PUT', body: '{"v":1}' },
            'application/json'
        )
        const text = await call(
            '/api/systemSettings/keyApplicationFooter',
            { method: 'POST', body: 'Footer' },
            'text/plain'
        )
        const del = await call('/api/dataStore/dev/k', { method: 'DELETE' })
        return [me.username, put.status, text.status, del.status]
    }, demo.url)
    expect(statuses).toEqual(['admin', 201, 200, 200])
    await page.close()
})

it('refuses no-cors requests and form posts from another site', async () => {
    const before = await title()
    const page = await browser.newPage()
    await page.goto(evilOrigin)
    await page.evaluate(async (base) => {
        await fetch(`${base}/api/systemSettings/applicationTitle`, {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'Content-Type': 'text/plain' },
            body: 'Hacked',
        })
        const form = new FormData()
        const manifest = JSON.stringify({ name: 'Evil', launch_path: 'index.html' })
        form.append('file', new Blob([manifest], { type: 'application/zip' }), 'evil.zip')
        await fetch(`${base}/api/apps`, {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            body: form,
        })
    }, demo.url)
    // a classic form submission (top-level navigation)
    const response = await Promise.all([
        page.waitForNavigation(),
        page.evaluate((base) => {
            const form = document.createElement('form')
            form.method = 'POST'
            form.action = `${base}/api/systemSettings/applicationTitle?value=Hacked`
            document.body.append(form)
            form.submit()
        }, demo.url),
    ]).then(([nav]) => nav)
    expect(response?.status()).toBe(403)
    expect(await page.textContent('body')).toContain('Cross-site request refused')
    expect(await title()).toBe(before)
    const refused = demo.logs.filter((l) => l.includes('cross-site request refused'))
    expect(refused.length).toBeGreaterThanOrEqual(3)
    await page.close()
})
