import { inject } from 'vitest'
import type { BrowserContext, FrameLocator, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, ANALYST } from './support/demo-process'
import { clickChartPoint, collectErrors, logIn, screenshot } from './support/page'

const demoUrl = inject('demoUrl')

interface HostItem {
    id: string
    width: number
    height: number
    filters?: Record<string, { id: string; path?: string }[]>
}

/** The plugin-host app embeds our plugin.html with the runtime's Plugin component, as the dashboard does. */
const openHost = async (browser: BrowserContext, items: HostItem[], user = ADMIN) => {
    const page = await browser.newPage()
    const errors = collectErrors(page)
    await page.goto(
        `${demoUrl}/api/apps/dashboard/index.html?items=${encodeURIComponent(JSON.stringify(items))}`
    )
    if (page.url().includes('login')) {
        await logIn(page, user.username, user.password)
        await page.waitForURL((url) => url.pathname.startsWith('/api/apps/dashboard/'))
    }
    return { page, errors }
}
const item = (page: Page, id: string): FrameLocator =>
    page.frameLocator(`[data-test="dashboard-item-${id}"] iframe`)

const choosePair = async (frame: FrameLocator, pairName: string) => {
    await frame.locator('[data-test="item-picker"]').waitFor({ timeout: 30_000 })
    await frame
        .locator('[data-test="item-picker-pair"] [data-test="dhis2-uicore-select-input"]')
        .click()
    await frame
        .locator('[data-test="dhis2-uicore-singleselectoption"]', { hasText: pairName })
        .click()
    await frame.locator('[data-test="item-picker-save"]').click()
}

describe('the dashboard plugin', () => {
    it('is set up per item, remembers it, and draws each item at its size', async () => {
        const admin = await launchChromium()
        const items: HostItem[] = [
            { id: 'itemSmall', width: 420, height: 900 },
            { id: 'itemLarge', width: 1100, height: 620 },
        ]
        const first = await openHost(admin, items)
        await choosePair(item(first.page, 'itemSmall'), 'Misoprostol ↔ PPH cases')
        // The picker starts on the first pair of the first program area
        const largeItem = item(first.page, 'itemLarge')
        await largeItem.locator('[data-test="item-picker"]').waitFor({ timeout: 30_000 })
        await largeItem.locator('[data-test="item-picker-save"]').click()
        await item(first.page, 'itemSmall')
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        // Both saves done (saved, read back and shared) before the page goes
        await largeItem
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        await first.page.close()

        // Reload: both items come back with their own pair, no picker
        const again = await openHost(admin, items)
        const small = item(again.page, 'itemSmall')
        const large = item(again.page, 'itemLarge')
        await small
            .locator(
                '[data-test="pair-card-misoprostol-pph"] [data-test="chart-lmis"] .highcharts-root'
            )
            .waitFor({ timeout: 30_000 })
        await large
            .locator(
                '[data-test="pair-card-oxytocin-deliveries"] [data-test="chart-lmis"] .highcharts-root'
            )
            .waitFor({ timeout: 30_000 })
        expect(await small.locator('[data-test="item-picker"]').count()).toBe(0)
        // A small item stacks the two charts; a large one puts them side by side
        const box = async (frame: FrameLocator, chart: string) =>
            (await frame.locator(`[data-test="${chart}"]`).first().boundingBox())!
        const [sh, sl, lh, ll] = [
            await box(small, 'chart-hmis'),
            await box(small, 'chart-lmis'),
            await box(large, 'chart-hmis'),
            await box(large, 'chart-lmis'),
        ]
        expect(sl.y).toBeGreaterThan(sh.y + sh.height / 2)
        expect(Math.abs(ll.y - lh.y)).toBeLessThan(5)
        expect(await large.locator('[data-test="open-in-app"]').getAttribute('href')).toContain(
            'pair=oxytocin-deliveries'
        )
        // The demo answers as 2.41.4: its dashboard renders plugins, and the item gives it the
        // "Open in app" link (setDashboardItemDetails: appUrl appended to the launch URL)
        const section = again.page.locator('[data-test="dashboard-item-itemLarge"]')
        expect(await section.getAttribute('data-mode')).toBe('plugin')
        await expect
            .poll(async () => JSON.parse((await section.getAttribute('data-details')) || '{}'))
            .toMatchObject({ appUrl: expect.stringContaining('#/view?') })
        expect(JSON.parse((await section.getAttribute('data-details')) ?? '{}').appUrl).toContain(
            'pair=oxytocin-deliveries'
        )
        // The item's settings were shared as the app shares its entries: DHIS2 refuses others
        const meta = await again.page.evaluate(async () => {
            const response = await fetch(
                '/api/dataStore/triangulate/dashboard-item-itemLarge/metaData'
            )
            return (await response.json()) as { sharing: { public: string; userGroups: object } }
        })
        expect(meta.sharing.public).toBe('r-------')
        expect(Object.keys(meta.sharing.userGroups)).toHaveLength(1)
        // Drill-down works inside the item
        await clickChartPoint(
            again.page,
            large.locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point').nth(2),
            large.locator('[data-test="drill-breadcrumbs"]')
        )
        // Both charts of the item drilled (in place, by the drilldown module)
        for (const chart of ['chart-hmis', 'chart-lmis']) {
            await expect
                .poll(() => large.locator(`[data-test="${chart}"] .highcharts-title`).textContent())
                .toMatch(/ in /)
            expect(await large.locator(`[data-test="${chart}"] .highcharts-root`).count()).toBe(1)
        }
        await again.page.waitForTimeout(500) // the module's animation
        await screenshot(again.page, 'plugin-items')
        expect(again.errors).toEqual([])
        await again.page.close()
        await admin.close()
    })

    it('shows a viewer without rights the set-up items and no picker', async () => {
        const analyst = await launchChromium()
        const { page, errors } = await openHost(
            analyst,
            [
                { id: 'itemSmall', width: 600, height: 800 },
                { id: 'itemNotSetUp', width: 400, height: 300 },
            ],
            ANALYST
        )
        await item(page, 'itemNotSetUp')
            .locator('[data-test="item-not-set-up"]')
            .waitFor({ timeout: 30_000 })
        expect(await item(page, 'itemNotSetUp').locator('[data-test="item-picker"]').count()).toBe(
            0
        )
        await item(page, 'itemSmall')
            .locator('[data-test="chart-hmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        expect(await item(page, 'itemSmall').locator('[data-test="item-change"]').count()).toBe(0)
        // ...and the server refuses their change of the item's settings, not only the UI
        const status = await page.evaluate(async () => {
            const response = await fetch('/api/dataStore/triangulate/dashboard-item-itemSmall', {
                method: 'PUT',
                headers: {
                    'Content-Type': 'application/json',
                    'X-Requested-With': 'XMLHttpRequest',
                },
                body: JSON.stringify({ area: 'x', pair: 'y', pe: 'LAST_MONTH', grain: 'monthly' }),
            })
            return response.status
        })
        expect(status).toBe(403)
        // (the refused PUT is this test's own request, not the app's)
        errors.splice(
            0,
            errors.length,
            ...errors.filter((e) => !e.startsWith('HTTP 403 PUT') && !e.includes('403 (Forbidden)'))
        )
        await screenshot(page, 'plugin-analyst')
        expect(errors).toEqual([])
        await page.close()
        await analyst.close()
    })
})
