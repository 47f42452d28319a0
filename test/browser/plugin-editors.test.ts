/**
 * Who may change the mapping and the dashboard items is decided by the editors a superuser names
 * in the app, and enforced by DHIS2 through the entries' sharing (not only hidden in the UI).
 */
import { inject } from 'vitest'
import type { Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, ANALYST } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'

const demoUrl = inject('demoUrl')
const EDITOR = { username: 'editor', password: 'Editor1#' }

/** A PUT of the mapping through the page's session, as any tool of that user could */
const putConfigAs = (page: Page): Promise<number> =>
    page.evaluate(async () => {
        const current = await (await fetch('/api/dataStore/triangulate/config')).json()
        const response = await fetch('/api/dataStore/triangulate/config', {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
            body: JSON.stringify(current),
        })
        return response.status
    })

const saveEditors = async (page: Page) => {
    await page.locator('[data-test="editors-save"]').click()
    // Saved, and every entry shared again with the editors now named
    await page.locator('[data-test="editors-saved"]').waitFor({ timeout: 30_000 })
}

describe('the editors named in the app', () => {
    it('are the only users besides superusers whom DHIS2 lets change the mapping', async () => {
        // The demo's editor, member of the named group, gets the editor and may save
        const editorBrowser = await launchChromium()
        const editor = await openApp(editorBrowser, demoUrl, EDITOR, '#/settings')
        await editor.page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
        expect(await putConfigAs(editor.page)).toBe(200)
        await editorBrowser.close()

        // A superuser names the analyst too: the server then lets them write
        const adminBrowser = await launchChromium()
        const admin = await openApp(adminBrowser, demoUrl, ADMIN, '#/settings')
        const panel = admin.page.locator('[data-test="editors-panel"]')
        await panel.locator('[data-test="editors-list"]').waitFor({ timeout: 30_000 })
        expect(await panel.locator('[data-test="editors-list"]').innerText()).toContain(
            'Triangulate editors'
        )
        await admin.page.locator('[data-test="editors-search"] input').fill('Grace')
        await admin.page
            .locator('[data-test="editors-candidate"]', { hasText: 'Grace Mensah' })
            .click()
        await saveEditors(admin.page)
        expect(await panel.locator('[data-test="editors-list"]').innerText()).toContain(
            'Grace Mensah'
        )
        expect(await panel.locator('[data-test="editors-open-entries"]').count()).toBe(0)
        await screenshot(admin.page, 'editors-panel')

        const analystBrowser = await launchChromium()
        const analyst = await openApp(analystBrowser, demoUrl, ANALYST, '#/settings')
        await analyst.page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
        expect(await putConfigAs(analyst.page)).toBe(200)

        // Named no more: refused by the server again
        await panel
            .locator('[data-test="editors-list"] [data-test="dhis2-uicore-chip"]', {
                hasText: 'Grace Mensah',
            })
            .locator('[data-test="dhis2-uicore-chip-remove"]')
            .click()
        await saveEditors(admin.page)
        expect(await putConfigAs(analyst.page)).toBe(403)
        expect(admin.errors).toEqual([])
        await analystBrowser.close()
        await adminBrowser.close()
    })
})
