import { inject } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'

/**
 * What the user is told, and offered, when the server is down for maintenance (a proxy's 503 HTML
 * page) or their session is gone (401 after a server restart).
 */
const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    // page.route fakes the server: without the service worker, which Playwright cannot route
    browser = await launchChromium({ serviceWorkers: 'block' })
})
afterAll(async () => {
    await browser?.close()
})

describe('server errors', () => {
    it('names a 503 maintenance page and offers to try again later', async () => {
        const { page } = await openApp(browser, demoUrl, ADMIN)
        await page.route(/\/api\/(\d+\/)?analytics/, (route) =>
            route.fulfill({
                status: 503,
                contentType: 'text/html',
                body: '<html><body><h1>503 Service Temporarily Unavailable</h1>nginx</body></html>',
            })
        )
        await page.reload()
        const notice = page.locator('[data-test="error-unavailable"]').first()
        await notice.waitFor({ timeout: 60_000 })
        const text = await notice.textContent()
        expect(text).toContain('The DHIS2 server is unavailable (503)')
        expect(text).toContain('Try again in a few minutes')
        expect(text).not.toContain('Something went wrong')
        expect(text).not.toContain('<html>')
        expect(await notice.locator('[data-test="error-retry"]').count()).toBe(1)
        await screenshot(page, 'error-503')
        // Back up: "Try again" works
        await page.unroute(/\/api\/(\d+\/)?analytics/)
        await notice.locator('[data-test="error-retry"]').click()
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 60_000 })
        await page.close()
    })

    it('offers to reload and log in, not to try again, when the session is gone (401)', async () => {
        const { page } = await openApp(browser, demoUrl, ADMIN)
        await page.route(/\/api\/(\d+\/)?analytics/, (route) =>
            route.fulfill({
                status: 401,
                contentType: 'application/json',
                body: JSON.stringify({
                    httpStatus: 'Unauthorized',
                    httpStatusCode: 401,
                    status: 'ERROR',
                    message: 'Unauthorized',
                }),
            })
        )
        await page.reload()
        const notice = page.locator('[data-test="error-unauthorized"]').first()
        await notice.waitFor({ timeout: 60_000 })
        expect(await notice.textContent()).toContain('Reload the page to log in again')
        expect(await notice.locator('[data-test="error-retry"]').count()).toBe(0)
        expect(await notice.locator('[data-test="error-reload"]').count()).toBe(1)
        await screenshot(page, 'error-401')
        await page.close()
    })
})
