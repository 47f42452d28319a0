import { inject } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { collectErrors, logIn, screenshot } from './support/page'

const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
})

describe('the installed app', () => {
    it('opens at its served URL after logging in, with the DHIS2 header bar and no console errors', async () => {
        const page = await browser.newPage()
        const errors = collectErrors(page)
        await page.goto(`${demoUrl}/api/apps/triangulate/index.html`)
        // Not logged in yet: DHIS2 sends the browser to its login page first.
        await logIn(page, ADMIN.username, ADMIN.password)
        await page.waitForURL((url) => url.pathname.startsWith('/api/apps/triangulate/'))

        await expect
            .poll(() => page.locator('[data-test="headerbar-title"]').textContent(), {
                timeout: 30_000,
            })
            .toContain('Triangulate Demo')
        await page
            .getByRole('heading', { name: 'HMIS/LMIS Triangulation' })
            .waitFor({ timeout: 30_000 })
        await screenshot(page, 'app-admin')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('runs the platform service worker, which keeps no API answers outside offline dashboard items', async () => {
        // d2.config.js pwa: the app shell (the app's files) is cached; API requests go to the
        // network (patternsToOmitFromAppShell) and are stored only when an offline dashboard item
        // records them (cacheable sections)
        const first = await browser.newPage()
        await first.goto(`${demoUrl}/api/apps/triangulate/index.html`)
        await first.waitForURL((url) => url.pathname.startsWith('/api/apps/triangulate/'))
        // The page may reload itself once while the worker installs: ask again until it answers
        await expect
            .poll(
                () =>
                    first
                        .evaluate(() => navigator.serviceWorker.ready.then(() => true))
                        .catch(() => false),
                { timeout: 30_000 }
            )
            .toBe(true)
        await first.close()
        // Controlled from the next page on: every request of the view goes through the worker
        const page = await browser.newPage()
        const errors = collectErrors(page)
        await page.goto(`${demoUrl}/api/apps/triangulate/index.html`)
        await page
            .locator('[data-test="chart-lmis"] .highcharts-series-0 .highcharts-point')
            .first()
            .waitFor({ timeout: 45_000 })
        await page.waitForLoadState('networkidle')
        const worker = await page.evaluate(async () => {
            const registration = await navigator.serviceWorker.ready
            const urls: string[] = []
            for (const name of await caches.keys()) {
                const cache = await caches.open(name)
                urls.push(...(await cache.keys()).map((request) => `${name} ${request.url}`))
            }
            return {
                scope: registration.scope,
                controlled: navigator.serviceWorker.controller !== null,
                urls,
            }
        })
        expect(worker.scope).toMatch(/\/api\/apps\/triangulate\/$/)
        expect(worker.controlled).toBe(true)
        // The app's own files are kept…
        expect(worker.urls.some((url) => /\/api\/apps\/triangulate\/.+\.js/.test(url))).toBe(true)
        // …API answers are not (but the three the platform's adapter needs to start offline)
        const api = worker.urls.filter((url) => /\/api\/(\d+\/)?(?!apps\/)/.test(url))
        expect(
            api.filter(
                (url) =>
                    !/\/system\/info|\/userSettings|\/me\?fields=id$/.test(url.split(' ')[1] ?? '')
            )
        ).toEqual([])
        expect(worker.urls.some((url) => /analytics|dataStore/.test(url))).toBe(false)
        // The other calendars' code is not downloaded on a Gregorian instance, not even precached
        expect(
            worker.urls.filter((url) => /ethiopian-periods|julian-periods|\/es-/.test(url))
        ).toEqual([])
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('starts at once when another page of the app has just made requests through the worker', async () => {
        // The platform's adapter renders the app only once the worker has told the page the
        // connection status (`offlineInterface.ready`). The worker broadcasts it throttled (1 s)
        // and answered the page's request for it with the throttle's `flush()`, which sends
        // nothing right after a broadcast: the page then waited for the next one, up to 1 s
        // (patches/@dhis2+pwa+*.patch answers it with the latest status seen).
        const busy = await browser.newPage()
        await busy.goto(`${demoUrl}/api/apps/triangulate/index.html`)
        await busy
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 45_000 })
        await busy.waitForLoadState('networkidle')
        expect(await busy.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
        const page = await browser.newPage()
        const errors = collectErrors(page)
        await page.addInitScript({
            content: `(() => {
                const times = (window.__statusTimes = { asked: -1, told: -1 })
                navigator.serviceWorker.addEventListener('message', (event) => {
                    if (event.data && event.data.type === 'DHIS2_CONNECTION_STATUS_UPDATE' && times.told < 0)
                        times.told = performance.now()
                })
                const worker = navigator.serviceWorker.controller
                if (!worker) return
                const post = worker.postMessage.bind(worker)
                worker.postMessage = (data) => {
                    if (data && data.type === 'GET_IMMEDIATE_DHIS2_CONNECTION_STATUS_UPDATE')
                        times.asked = performance.now()
                    post(data)
                }
            })()`,
        })
        // The worker quiet for more than its throttle's 1 s, then one request through it (its
        // status broadcast at once, the next one not before 1 s), then the new page
        await busy.waitForTimeout(1_500)
        await busy.evaluate(() => fetch('/api/me?fields=id').then((r) => r.ok))
        await page.goto(`${demoUrl}/api/apps/triangulate/index.html`)
        await page
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 45_000 })
        const times = await page.evaluate(
            () =>
                (window as unknown as { __statusTimes: { asked: number; told: number } })
                    .__statusTimes
        )
        expect(times.asked).toBeGreaterThan(0)
        expect(times.told).toBeGreaterThan(0)
        // Before: about 1 s after the other page's request; now the message's round trip
        expect(times.told - times.asked).toBeLessThan(400)
        expect(errors, errors.join('\n')).toEqual([])
        await busy.close()
        await page.close()
    })
})
