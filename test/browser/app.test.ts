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
        expect(errors).toEqual([])
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
        expect(errors).toEqual([])
        await page.close()
    })
})
