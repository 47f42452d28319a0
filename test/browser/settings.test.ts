import { inject } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, ANALYST, basicAuth } from './support/demo-process'
import { screenshot } from './support/page'
import { apiGet, openApp } from './support/session'

const demoUrl = inject('demoUrl')
const CONFIG_URL = `${demoUrl}/api/dataStore/triangulate/config`
const adminHeaders = {
    Authorization: basicAuth(ADMIN.username, ADMIN.password),
    'Content-Type': 'application/json',
}
let browser: BrowserContext
let original: unknown

const putConfig = async (config: unknown) => {
    const response = await fetch(CONFIG_URL, {
        method: 'PUT',
        headers: adminHeaders,
        body: JSON.stringify(config),
    })
    expect(response.status).toBe(200)
}

beforeAll(async () => {
    browser = await launchChromium()
    original = await (await fetch(CONFIG_URL, { headers: adminHeaders })).json()
})
afterAll(async () => {
    // Leave the shared demo as it was for the other test files
    await putConfig(original)
    await browser?.close()
})

const editFirstPairName = async (page: Page, name: string) => {
    await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-test="settings-pair-row"]').first().click()
    const input = page.locator('[data-test="settings-pair-name"] input')
    await input.fill(name)
}

describe('the mapping editor', () => {
    it('saves an admin edit that the view then shows', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/settings')
        await editFirstPairName(page, 'Oxytocin ↔ Births (edited)')
        await page.locator('[data-test="settings-save"]').click()
        await expect
            .poll(async () =>
                JSON.stringify(await (await fetch(CONFIG_URL, { headers: adminHeaders })).json())
            )
            .toContain('Oxytocin ↔ Births (edited)')
        await page.locator('[data-test="tab-view"]').click()
        await page
            .getByRole('heading', { name: 'Oxytocin ↔ Births (edited)' })
            .waitFor({ timeout: 30_000 })
        expect(errors).toEqual([])
        await page.close()
    })

    it('detects that someone else saved in between and loses nothing', async () => {
        const { page } = await openApp(browser, demoUrl, ADMIN, '#/settings')
        await editFirstPairName(page, 'Mine')
        // Someone else saves meanwhile
        const theirs = (await (await fetch(CONFIG_URL, { headers: adminHeaders })).json()) as {
            programAreas: { name: string }[]
        }
        theirs.programAreas[0]!.name = 'Renamed by someone else'
        await new Promise((r) => setTimeout(r, 1100)) // lastUpdated has a resolution of a second or less
        await putConfig(theirs)
        await page.locator('[data-test="settings-save"]').click()
        await page.locator('[data-test="settings-conflict-modal"]').waitFor({ timeout: 30_000 })
        await screenshot(page, 'settings-conflict')
        expect(await page.locator('[data-test="settings-conflict-modal"]').textContent()).toContain(
            'Renamed by someone else'
        )
        await page.locator('[data-test="settings-conflict-overwrite"]').click()
        await expect
            .poll(async () =>
                JSON.stringify(await (await fetch(CONFIG_URL, { headers: adminHeaders })).json())
            )
            .toContain('"Mine"')
        await page.close()
    })

    it('is read-only for the analyst, and the server refuses their write too', async () => {
        const analystBrowser = await launchChromium() // a session of their own
        const { page } = await openApp(analystBrowser, demoUrl, ANALYST, '#/settings')
        await page.locator('[data-test="settings-readonly"]').waitFor({ timeout: 30_000 })
        expect(await page.locator('[data-test="settings-save"]').count()).toBe(0)
        const status = await page.evaluate(async () => {
            const response = await fetch('/api/dataStore/triangulate/config', {
                method: 'PUT',
                headers: {
                    'Content-Type': 'application/json',
                    'X-Requested-With': 'XMLHttpRequest',
                },
                body: JSON.stringify({ version: 1, programAreas: [] }),
            })
            return response.status
        })
        expect(status).toBe(403)
        expect((await apiGet(page, '/api/dataStore/triangulate/config')).status).toBe(200)
        await screenshot(page, 'settings-readonly')
        await analystBrowser.close()
    })

    it('shows a broken mapping with a repair path, and every valid pair of a partly broken one', async () => {
        await putConfig({ version: 1, programAreas: 'oops' })
        const broken = await openApp(browser, demoUrl, ADMIN)
        await broken.page.locator('[data-test="config-broken"]').waitFor({ timeout: 30_000 })
        await broken.page.locator('[data-test="open-settings"]').click()
        await broken.page.locator('[data-test="settings-page"]').waitFor({ timeout: 30_000 })
        await broken.page.close()

        const partly = structuredClone(original) as {
            programAreas: { pairs: { hmis: unknown }[] }[]
        }
        partly.programAreas[0]!.pairs[0]!.hmis = { items: [] }
        await putConfig(partly)
        const view = await openApp(browser, demoUrl, ADMIN)
        await view.page.locator('[data-test="config-partly-invalid"]').waitFor({ timeout: 30_000 })
        await view.page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 30_000 })
        await view.page.close()
        await putConfig(original)
    })
})
