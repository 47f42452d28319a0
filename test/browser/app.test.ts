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
})
