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
        // The admin sees it saved (written, read back, its sharing set), then opens the view
        await expect
            .poll(() => page.locator('[data-test="settings-status"]').textContent(), {
                timeout: 30_000,
            })
            .toBe('Saved')
        expect(
            JSON.stringify(await (await fetch(CONFIG_URL, { headers: adminHeaders })).json())
        ).toContain('Oxytocin ↔ Births (edited)')
        await page.locator('[data-test="tab-view"]').click()
        await page
            .getByRole('heading', { name: 'Oxytocin ↔ Births (edited)' })
            .waitFor({ timeout: 30_000 })
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('edits the stocked-out flag, the staggered groups and the min–max, saves them, and the card uses them', async () => {
        await putConfig(original)
        type StoredPair = {
            id: string
            lmis: {
                stockedOut?: string[]
                reportingGroups?: {
                    groupSet: string
                    groups: { id: string; monthOffset: number }[]
                }
            }
            thresholds?: { monthsOfStock?: number[] }
        }
        const pairsOf = (config: unknown) =>
            (config as { programAreas: { pairs: StoredPair[] }[] }).programAreas.flatMap(
                (area) => area.pairs
            )
        const seeded = pairsOf(original)[0] as StoredPair
        const [flagMonthly, flagQuarterly] = seeded.lmis.stockedOut ?? []
        const groupSet = seeded.lmis.reportingGroups?.groupSet
        expect(flagQuarterly).toBeTruthy()
        expect(groupSet).toBeTruthy()

        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/settings')
        await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
        await page.locator('[data-test="settings-pair-row"]').first().click()
        const editor = page.locator('[data-test="settings-pair-editor"]')
        // The flag: remove the quarterly item, then find it again by its code and add it
        const flags = editor.locator('[data-test="settings-lmis-stockedOut"]')
        await flags.locator('[data-test="settings-item"]').nth(1).waitFor({ timeout: 30_000 })
        await flags
            .locator('[data-test="settings-item"]')
            .nth(1)
            .locator('[data-test="settings-item-remove"]')
            .click()
        expect(await flags.locator('[data-test="settings-item"]').count()).toBe(1)
        await editor.locator('[data-test="settings-pick-lmis-stockedOut"]').click()
        await editor
            .locator('[data-test="settings-pick-lmis-stockedOut-search"] input')
            .fill('LMIS_OXY_SO_Q')
        const flagResult = editor.locator('[data-test="settings-pick-result"]', {
            hasText: flagQuarterly as string,
        })
        await flagResult.waitFor({ timeout: 30_000 })
        await flagResult.locator('[data-test="settings-pick-add"]').click()
        await expect.poll(() => flags.locator('[data-test="settings-item"]').count()).toBe(2)

        // The groups: remove the group set, choose it again from the server's group sets
        await editor.locator('[data-test="settings-group-set-remove"]').click()
        await editor.locator('[data-test="settings-pick-group-set"]').click()
        await editor
            .locator('[data-test="settings-pick-group-set-search"] input')
            .fill('LMIS reporting')
        const setResult = editor.locator('[data-test="settings-pick-result"]', {
            hasText: 'LMIS reporting group',
        })
        await setResult.waitFor({ timeout: 30_000 })
        await setResult.locator('[data-test="settings-pick-add"]').click()
        // No group has a window yet: said next to the field, save refused
        await editor
            .locator('[data-test="settings-reporting-groups"] [data-test="settings-field-error"]', {
                hasText: 'Give at least one group its reporting window',
            })
            .waitFor({ timeout: 10_000 })
        const windows: [string, string][] = [
            ['LMIS group A', 'January–March (the calendar quarter)'],
            ['LMIS group B', 'February–April'],
            ['LMIS group C', 'December–February'],
        ]
        for (const [group, months] of windows) {
            await editor
                .locator('[data-test^="settings-group-window-"]', { hasText: group })
                .locator('[data-test="dhis2-uicore-select-input"]')
                .click()
            await page
                .locator('[data-test="dhis2-uicore-singleselectoption"]', { hasText: months })
                .first()
                .click()
        }
        const summary = editor.locator('[data-test="settings-group-summary"]')
        await summary.waitFor()
        expect(await summary.textContent()).toMatch(
            /group A.* – January–March; .*group B.* – February–April; .*group C.* – December–February/
        )
        // Min–max: a bad one is refused in words, a good one kept
        await editor.locator('[data-test="settings-threshold-mos-min"] input').fill('5')
        await editor.locator('[data-test="settings-threshold-mos-max"] input').fill('4')
        await editor
            .locator('[data-test="settings-threshold-mos-min"]', {
                hasText: 'The low value must not be above the high value',
            })
            .waitFor({ timeout: 10_000 })
        await editor.locator('[data-test="settings-threshold-mos-min"] input').fill('2')
        await screenshot(page, 'settings-stock-fields')
        await page.locator('[data-test="settings-save"]').click()
        await expect
            .poll(async () => {
                const config = await (await fetch(CONFIG_URL, { headers: adminHeaders })).json()
                return pairsOf(config)[0]?.thresholds?.monthsOfStock
            })
            .toEqual([2, 4])
        const saved = pairsOf(
            await (await fetch(CONFIG_URL, { headers: adminHeaders })).json()
        )[0] as StoredPair
        expect(saved.lmis.stockedOut).toEqual([flagMonthly, flagQuarterly])
        expect(saved.lmis.reportingGroups?.groupSet).toBe(groupSet)
        expect(saved.lmis.reportingGroups?.groups.map((g) => g.monthOffset).sort()).toEqual([
            -1, 0, 1,
        ])
        expect(saved.lmis.reportingGroups?.groups).toEqual(
            expect.arrayContaining(seeded.lmis.reportingGroups?.groups ?? [])
        )

        // Reloaded, the editor shows them
        await page.reload()
        await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
        await page.locator('[data-test="settings-pair-row"]').first().click()
        expect(
            await editor.locator('[data-test="settings-threshold-mos-min"] input').inputValue()
        ).toBe('2')
        expect(
            await editor.locator('[data-test="settings-threshold-mos-max"] input').inputValue()
        ).toBe('4')
        await expect
            .poll(() =>
                editor
                    .locator('[data-test="settings-lmis-stockedOut"] [data-test="settings-item"]')
                    .count()
            )
            .toBe(2)
        await summary.waitFor({ timeout: 30_000 })
        expect(await summary.textContent()).toContain('February–April')
        expect(await editor.locator('[data-test="settings-group-set"]').textContent()).toContain(
            'LMIS reporting group'
        )

        // The card's stock status uses the pair's min–max
        await page.locator('[data-test="tab-view"]').click()
        const minMax = page.locator(
            '[data-test="pair-card-oxytocin-deliveries"] [data-test="figure-min-max"]'
        )
        await minMax.waitFor({ timeout: 60_000 })
        expect(await minMax.locator('dt').textContent()).toContain('2–4')
        await screenshot(page, 'settings-stock-fields-card')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
        await putConfig(original)
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
        await putConfig(original) // the demo's mapping, with its stock fields
        const analystBrowser = await launchChromium() // a session of their own
        const { page } = await openApp(analystBrowser, demoUrl, ANALYST, '#/settings')
        await page.locator('[data-test="settings-readonly"]').waitFor({ timeout: 30_000 })
        // The reference names how stock status is read, as the editor does
        const firstPair = page.locator('[data-test="settings-readonly-pair"]').first()
        await expect
            .poll(() => firstPair.locator('[data-test="settings-readonly-groups"]').textContent(), {
                timeout: 30_000,
            })
            .toMatch(
                /LMIS reporting group.*group A.* – January–March; .*group B.* – February–April; .*group C.* – December–February/
            )
        expect(
            await firstPair.locator('[data-test="settings-readonly-stockedout"]').textContent()
        ).toMatch(/^Stocked-out flag: \S/)
        expect(await firstPair.locator('[data-test="settings-readonly-mos"]').textContent()).toBe(
            'Months of stock (min–max): 3–6 (default)'
        )
        await firstPair.locator('[data-test="settings-readonly-mos"]').scrollIntoViewIfNeeded()
        await screenshot(page, 'settings-readonly-stock-fields')
        await page.evaluate(() => window.scrollTo(0, 0))
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
