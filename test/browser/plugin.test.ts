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

describe('the dashboard plugin', () => {
    it('renders inside a host page through the app-runtime Plugin component, as on a dashboard', async () => {
        const page = await browser.newPage()
        const errors = collectErrors(page)
        const items = [{ id: 'itemA', width: 640, height: 420 }]
        await page.goto(
            `${demoUrl}/api/apps/plugin-host/index.html?items=${encodeURIComponent(JSON.stringify(items))}`
        )
        await logIn(page, ADMIN.username, ADMIN.password)
        await page.waitForURL((url) => url.pathname.startsWith('/api/apps/plugin-host/'))
        const frame = page.frameLocator('[data-test="dashboard-item-itemA"] iframe')
        await frame.locator('[data-test="triangulate-plugin"]').waitFor({ timeout: 30_000 })
        await screenshot(page, 'plugin-host')
        expect(errors).toEqual([])
        await page.close()
    })
})
