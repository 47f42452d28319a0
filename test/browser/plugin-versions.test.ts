/**
 * The dashboard item and the view on the oldest and the newest supported DHIS2 versions: a demo
 * DHIS2 answering as 2.40 (its dashboard shows the app as an <iframe> with
 * `?dashboardItemId=…&userOrgUnit=…`) and as 2.42 (the app-runtime Plugin with props).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { FrameLocator } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, installApp, startDemoProcess, type DemoProcess } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'
import { hostItem as item, openHost } from './support/host'

const startVersion = async (version: string): Promise<DemoProcess> => {
    const demo = await startDemoProcess({ facilities: 60, args: ['--dhis2-version', version] })
    const bundle = path.resolve('build/bundle')
    const appZip = path.join(bundle, readdirSync(bundle).find((f) => f.endsWith('.zip')) ?? '')
    const hostZip = path.resolve('test/.artifacts/plugin-host.zip')
    await installApp(demo.url, appZip, readFileSync(appZip))
    await installApp(demo.url, hostZip, readFileSync(hostZip))
    return demo
}

const setUp = async (frame: FrameLocator) => {
    await frame.locator('[data-test="item-picker"]').waitFor({ timeout: 45_000 })
    await frame.locator('[data-test="item-picker-save"]').click()
    await frame.locator('[data-test="chart-lmis"] .highcharts-root').waitFor({ timeout: 45_000 })
}

describe('DHIS2 2.40 (oldest supported): the dashboard shows the app as an iframe', () => {
    let demo: DemoProcess
    beforeAll(async () => {
        demo = await startVersion('2.40')
    })
    afterAll(async () => {
        await demo?.stop()
    })

    it('opened with dashboardItemId, the app is the dashboard item, never the whole app', async () => {
        const browser = await launchChromium()
        const { page, errors } = await openHost(browser, demo.url, [
            { id: 'oldItem', width: 600, height: 520 },
            {
                id: 'oldLevel',
                width: 600,
                height: 620,
                filters: { ou: [{ id: 'LEVEL-notALevel01' }] },
            },
        ])
        // the host sets it once it has read the server's version
        await expect
            .poll(() => page.locator('body').getAttribute('data-mode'), { timeout: 30_000 })
            .toBe('iframe')
        const first = item(page, 'oldItem')
        await setUp(first)
        // The item view alone: no header bar, no tabs of the app
        expect(await first.locator('[data-embedding="iframe"]').count()).toBe(1)
        expect(await first.locator('header').first().isVisible()).toBe(false)
        expect(await first.locator('[data-test="app-tabs"]').count()).toBe(0)
        // A filter the item cannot show is said in words; the item still shows its own data
        const levels = item(page, 'oldLevel')
        await setUp(levels)
        const notice = levels.locator('[data-test="item-filter-ignored-ou"]')
        await notice.waitFor({ timeout: 30_000 })
        expect(await notice.innerText()).toContain('not applied')
        await screenshot(page, 'plugin-iframe-2.40')
        // DHIS2 refused the unknown level (409 E7143) in the item's metadata-only check of the
        // filter, which is how the item knows; nothing else failed
        const refused = (e: string) =>
            /HTTP 409 GET .*analytics\?dimension=ou%3ALEVEL-notALevel01,pe%3ATHIS_YEAR.*skipData=true/.test(
                e
            ) || /status of 409 \(Conflict\)/.test(e)
        expect(errors.filter((e) => e.startsWith('HTTP 409'))).toHaveLength(1)
        expect(errors.filter((e) => !refused(e))).toEqual([])
        await page.close()
        await browser.close()
    })

    it('shows the view as on any version', async () => {
        const browser = await launchChromium()
        const { page, errors } = await openApp(browser, demo.url, ADMIN)
        await page
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 45_000 })
        expect(
            await page.evaluate(
                async () =>
                    ((await (await fetch('/api/system/info')).json()) as { version: string })
                        .version
            )
        ).toBe('2.40.7')
        await screenshot(page, 'view-2.40')
        expect(errors, errors.join('\n')).toEqual([])
        await browser.close()
    })
})

describe('DHIS2 2.42 (newest): the dashboard renders the plugin', () => {
    let demo: DemoProcess
    beforeAll(async () => {
        demo = await startVersion('2.42')
    })
    afterAll(async () => {
        await demo?.stop()
    })

    it('follows the filters, weeks as the months covering them', async () => {
        const browser = await launchChromium()
        const { page, errors } = await openHost(browser, demo.url, [
            {
                id: 'newWeeks',
                width: 700,
                height: 640,
                filters: { pe: [{ id: 'LAST_12_WEEKS', name: 'Last 12 weeks' }] },
            },
            {
                id: 'newMonths',
                width: 700,
                height: 560,
                filters: { pe: [{ id: 'MONTHS_THIS_YEAR' }], ou: [{ id: 'USER_ORGUNIT' }] },
            },
        ])
        await expect
            .poll(() => page.locator('body').getAttribute('data-mode'), { timeout: 30_000 })
            .toBe('plugin')
        const weeks = item(page, 'newWeeks')
        await setUp(weeks)
        // Weeks: resolved by DHIS2 analytics, shown as the months covering them, said in words
        const aligned = weeks.locator('[data-test="item-period-aligned"]')
        await aligned.waitFor({ timeout: 30_000 })
        expect(await aligned.innerText()).toContain('Last 12 weeks')
        expect(await weeks.locator('[data-test^="item-filter-ignored"]').count()).toBe(0)
        const months = item(page, 'newMonths')
        await setUp(months)
        // MONTHS_THIS_YEAR is this year's months; USER_ORGUNIT the viewer's org unit
        expect(await months.locator('[data-test^="item-filter-ignored"]').count()).toBe(0)
        expect(await months.locator('[data-test="open-in-app"]').getAttribute('href')).toContain(
            'pe=THIS_YEAR'
        )
        await screenshot(page, 'plugin-2.42')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
        await browser.close()
    })

    it('shows the view', async () => {
        const browser = await launchChromium()
        const { page, errors } = await openApp(browser, demo.url, ADMIN)
        await page
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 45_000 })
        await screenshot(page, 'view-2.42')
        expect(errors, errors.join('\n')).toEqual([])
        await browser.close()
    })
})
