import { inject } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
})

describe('alerts', () => {
    it('lists ranked alerts in words, and one click opens the drilled chart with the point highlighted', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/alerts')
        await page.locator('[data-test="alerts-run"]').click()
        // A divergence (consumption against cases): the demo seeds a district consumption collapse
        const first = page.locator('[data-test="alert-item"][data-alert-type="divergence"]').first()
        await first.waitFor({ timeout: 60_000 })
        expect((await first.textContent())?.length).toBeGreaterThan(30)
        await screenshot(page, 'alerts')
        await first.locator('[data-test="alert-link"]').click()
        await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/view\?.*dpe=.*hl=/)
        await page.locator('[data-test="drill-breadcrumbs"]').waitFor({ timeout: 30_000 })
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 30_000 })
        await screenshot(page, 'alerts-drilled')
        expect(errors).toEqual([])
        await page.close()
    })
})
