import { inject } from 'vitest'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { screenshot } from './support/page'
import { apiGet, openApp } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext
/** For the tests that fake the server with page.route: no service worker, which Playwright cannot route */
let routable: BrowserContext

beforeAll(async () => {
    mkdirSync(path.resolve('test/.artifacts/tree-errors'), { recursive: true })
    browser = await launchChromium()
    routable = await launchChromium({ serviceWorkers: 'block' })
})
afterAll(async () => {
    await routable?.close()
    await browser?.close()
})

const shot = (page: Page, name: string) => screenshot(page, `tree-errors/${name}`)

const chartsDrawn = async (page: Page) => {
    const card = page.locator('[data-test^="pair-card-"]').first()
    await card.locator('[data-test="chart-hmis"] .highcharts-root').waitFor({ timeout: 30_000 })
    await card.locator('[data-test="chart-lmis"] .highcharts-root').waitFor({ timeout: 30_000 })
}

/**
 * Two warnings of @dhis2/ui itself, not of this app, left out: styled-jsx's "illegal rule" for
 * its Firefox-only selectors (`-moz-focus-inner`…, warned because the platform's Vite build has
 * no `process` in the browser, styled-jsx's production test), and OrganisationUnitTree's own
 * `console.warn('@TODO: Why does this component unmount after a force reload?')` in an effect
 * cleanup that runs when the tree unmounts (@dhis2-ui/organisation-unit-tree
 * `organisation-unit-tree.js`).
 */
const LIBRARY_NOISE = [/^StyleSheet: illegal rule/, /^@TODO: Why does this component unmount/]

/** Console warnings (React's prop-type checks among them) besides the errors `openApp` collects */
const collectWarnings = (page: Page): string[] => {
    const warnings: string[] = []
    page.on('console', (message) => {
        const text = message.text()
        if (message.type() === 'warning' && !LIBRARY_NOISE.some((noise) => noise.test(text))) {
            warnings.push(text)
        }
    })
    return warnings
}

interface Unit {
    id: string
    displayName: string
    path: string
    ancestors: { id: string; displayName: string }[]
}

describe('the org unit picker', () => {
    it('opens without console errors or warnings, with the tree at the user root', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const warnings = collectWarnings(page)
        await chartsDrawn(page)
        await page.locator('[data-test="orgunit-picker-button"]').click()
        const modal = page.locator('[data-test="orgunit-picker"]')
        await modal.waitFor()
        // The root is selected (its parent path would be empty) and open: its children show
        await modal
            .locator('[data-test="dhis2-uiwidgets-orgunittree-node"]')
            .nth(1)
            .waitFor({ timeout: 15_000 })
        await page.waitForLoadState('networkidle')
        await shot(page, 'picker-open')
        expect(errors, errors.join('\n')).toEqual([])
        expect(warnings).toEqual([])
        await page.close()
    })

    it('finds a facility by name, shows where it is, and chooses it from the keyboard', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const warnings = collectWarnings(page)
        await chartsDrawn(page)
        const { body } = await apiGet(
            page,
            '/api/organisationUnits?filter=level:eq:4&pageSize=1&page=7&fields=id,displayName,path,ancestors[id,displayName]'
        )
        const facility = (body as { organisationUnits: Unit[] }).organisationUnits[0]!
        // Part of its name, in another case, as a user types it
        const words = facility.displayName.split(/\s+/)
        const typed = words
            .map((w, i) => (i === 0 ? w.toLowerCase() : w.slice(0, 3)))
            .join(' ')
            .slice(0, 20)

        const searches: string[] = []
        page.on('request', (request) => {
            if (request.url().includes('identifiable')) searches.push(request.url())
        })

        await page.locator('[data-test="orgunit-picker-button"]').click()
        const modal = page.locator('[data-test="orgunit-picker"]')
        const input = modal.locator('[data-test="orgunit-search"] input')
        await input.waitFor()
        // The search field has the focus: type right away, quickly
        await page.keyboard.type(typed, { delay: 40 })
        const results = modal.locator('[data-test="orgunit-search-result"]')
        await results.first().waitFor({ timeout: 15_000 })
        // Debounced: one request for the whole text, not one per key
        expect(searches.length).toBe(1)
        expect(decodeURIComponent(searches[0]!)).toContain(`identifiable:token:${typed}`)
        const match = results.filter({ hasText: facility.displayName }).first()
        await match.waitFor()
        // The ancestors from the user's root down, as text
        const ancestorNames = facility.ancestors.map((a) => a.displayName)
        expect(await match.textContent()).toContain(ancestorNames.join(' › '))
        await shot(page, 'picker-search-results')

        // Down from the field to the results, to the match, Enter chooses it
        await input.press('ArrowDown')
        const index = await results.evaluateAll(
            (buttons, name) => buttons.findIndex((b) => b.textContent?.startsWith(name)),
            facility.displayName
        )
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
            'orgunit-search-result'
        )
        await page.keyboard.press('Enter')
        await modal.waitFor({ state: 'detached' })
        await expect.poll(() => page.url()).toContain(`ou=${facility.id}`)
        await expect
            .poll(() => page.locator('[data-test="orgunit-picker-button"]').textContent())
            .toContain(facility.displayName)
        await chartsDrawn(page)

        // Opened again: the tree shows the chosen facility, its branch open
        await page.locator('[data-test="orgunit-picker-button"]').click()
        // The tree's selected label (single selection: a span with class `checked`)
        await modal
            .locator('span.checked')
            .filter({ hasText: facility.displayName })
            .waitFor({ timeout: 15_000 })
        expect(await modal.locator('span.checked').count()).toBe(1)
        await shot(page, 'picker-revealed')

        // Nothing found: said in words
        await input.fill('zzqxv')
        await modal
            .locator('[data-test="orgunit-search-empty"]')
            .filter({ hasText: 'No org unit matches “zzqxv”' })
            .waitFor({ timeout: 15_000 })
        await shot(page, 'picker-no-match')
        // Escape closes the modal without changing the view
        await page.keyboard.press('Escape')
        await modal.waitFor({ state: 'detached' })
        expect(page.url()).toContain(`ou=${facility.id}`)
        expect(errors, errors.join('\n')).toEqual([])
        expect(warnings).toEqual([])
        await page.close()
    })
})

describe('errors where they happen', () => {
    it('keeps the toolbar usable when the server is down, and recovers with "Try again"', async () => {
        const { page, errors } = await openApp(routable, demoUrl, ADMIN)
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        // The server goes down
        const down = (route: import('playwright-core').Route) => route.abort('connectionrefused')
        await page.route('**/api/**', down)
        await page
            .locator('[data-test="program-area-select"] [data-test="dhis2-uicore-select-input"]')
            .click()
        await page.getByText('Child health', { exact: true }).click()
        const notice = page.locator('[data-test^="error-"]').first()
        await notice.waitFor({ timeout: 30_000 })
        // The toolbar is still there and usable
        const toolbar = page.locator('[data-test="view-toolbar"]')
        expect(await toolbar.isVisible()).toBe(true)
        expect(await toolbar.locator('[data-test="program-area-select"]').textContent()).toContain(
            'Child health'
        )
        expect(await page.locator('[data-test="period-select"]').isVisible()).toBe(true)
        expect(await page.locator('[data-test="orgunit-picker-button"]').isEnabled()).toBe(true)
        // …and the error is below it, in the content area
        const toolbarBox = await toolbar.boundingBox()
        const noticeBox = await notice.boundingBox()
        expect(noticeBox!.y).toBeGreaterThan(toolbarBox!.y + toolbarBox!.height - 1)
        // The tabs too
        expect(await page.locator('[data-test="tab-alerts"]').isVisible()).toBe(true)
        await shot(page, 'server-down-toolbar')

        // Another program area while down: still the toolbar, and the error
        await page
            .locator('[data-test="program-area-select"] [data-test="dhis2-uicore-select-input"]')
            .click()
        await page.getByText('Maternal health', { exact: true }).click()
        await expect.poll(() => page.url()).toContain('area=maternal-health')
        await chartsDrawn(page) // its data was loaded before the server went down

        await page
            .locator('[data-test="program-area-select"] [data-test="dhis2-uicore-select-input"]')
            .click()
        await page.getByText('Child health', { exact: true }).click()
        await notice.waitFor({ timeout: 30_000 })

        // The server is back: "Try again" shows the charts
        await page.unroute('**/api/**', down)
        await notice.getByRole('button', { name: 'Try again' }).click()

        await chartsDrawn(page)
        expect(await page.locator('[data-test^="error-"]').count()).toBe(0)
        await shot(page, 'server-back')
        // The only errors are the refused requests of the outage
        expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch/i.test(e))).toEqual([])
        await page.close()
    })
})

describe('a part of the app that could not be downloaded', () => {
    it('shows the message on that tab only, and loads it once the server is back', async () => {
        const { page } = await openApp(routable, demoUrl, ADMIN)
        await chartsDrawn(page)
        const chunk = '**/assets/AlertsPage*.js*'
        const blocked: string[] = []
        const block = (route: import('playwright-core').Route) => {
            blocked.push(route.request().url())
            return route.abort('connectionrefused')
        }
        await page.route(chunk, block)
        const fetched: string[] = []
        page.on('requestfinished', (r) => {
            // Only successful downloads of its code (aborted ones end in `requestfailed`; its
            // stylesheet is another file)
            if (/AlertsPage[^/]*\.js/.test(r.url())) fetched.push(r.url())
        })
        await page.locator('[data-test="tab-alerts"]').click()
        const message = page.locator('[data-test="load-error"]')
        await message.waitFor({ timeout: 15_000 })
        expect(blocked.length).toBeGreaterThan(0)
        expect(await message.textContent()).toContain('Part of the app could not be loaded')
        await shot(page, 'chunk-failed')

        // The server is back: another tab shows its page, not the message
        await page.unroute(chunk, block)
        await page.locator('[data-test="tab-quality"]').click()
        await page.locator('[data-test="quality-page"]').waitFor({ timeout: 15_000 })
        expect(await message.count()).toBe(0)
        // …and the tab that failed loads now
        await page.locator('[data-test="tab-alerts"]').click()
        await page.locator('[data-test="alerts-page"]').waitFor({ timeout: 15_000 })
        expect(await message.count()).toBe(0)
        await shot(page, 'chunk-loaded-after-tab-switch')
        // Downloaded again (this Chromium requests the same URL again; a browser that keeps the
        // failure in its module map gets it under `?retry=n`)
        expect(fetched.length).toBe(1)
        expect(fetched[0]).toMatch(/AlertsPage-[\w-]+\.js(\?retry=\d+)?$/)

        // "Try again" on the same tab
        const settingsChunk = '**/assets/SettingsPage*.js*'
        await page.route(settingsChunk, block)
        await page.locator('[data-test="tab-settings"]').click()
        await message.waitFor({ timeout: 15_000 })
        await page.unroute(settingsChunk, block)
        await message.getByRole('button', { name: 'Try again' }).click()
        await page.locator('[data-test="settings-page"]').waitFor({ timeout: 15_000 })
        expect(await message.count()).toBe(0)
        await shot(page, 'chunk-loaded-after-try-again')
        await page.close()
    })
})

describe('on a phone and a small window', () => {
    for (const viewport of [
        { width: 390, height: 844 },
        { width: 600, height: 400 },
    ]) {
        it(`reaches every tab and wraps the toolbar at ${viewport.width}×${viewport.height}`, async () => {
            const small = await launchChromium({ viewport })
            try {
                const { page, errors } = await openApp(small, demoUrl, ADMIN)
                await chartsDrawn(page)
                const overflow = () =>
                    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
                // Nothing wider than the screen: no sideways scrolling of the page
                expect(await overflow()).toBeLessThanOrEqual(0)
                const toolbar = await page.locator('[data-test="view-toolbar"]').boundingBox()
                expect(toolbar!.x + toolbar!.width).toBeLessThanOrEqual(viewport.width)
                for (const name of [
                    'program-area-select',
                    'period-select',
                    'orgunit-picker-button',
                ]) {
                    const box = await page.locator(`[data-test="${name}"]`).boundingBox()
                    expect(box!.x).toBeGreaterThanOrEqual(0)
                    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
                }
                await shot(page, `phone-${viewport.width}-view`)

                // The longest facility name in the org unit button: cut, not wider than the screen
                const { body } = await apiGet(
                    page,
                    '/api/organisationUnits?filter=level:eq:4&fields=id,displayName&pageSize=300'
                )
                const longest = (
                    body as { organisationUnits: { id: string; displayName: string }[] }
                ).organisationUnits.reduce((a, b) =>
                    b.displayName.length > a.displayName.length ? b : a
                )
                await page.goto(`${demoUrl}/api/apps/triangulate/index.html#/view?ou=${longest.id}`)
                const picker = page.locator('[data-test="orgunit-picker-button"]')
                await expect
                    .poll(() => picker.textContent(), { timeout: 15_000 })
                    .toContain(longest.displayName)
                const pickerBox = await picker.boundingBox()
                expect(pickerBox!.x + pickerBox!.width).toBeLessThanOrEqual(viewport.width)
                expect(await overflow()).toBeLessThanOrEqual(0)
                await shot(page, `phone-${viewport.width}-long-name`)

                // The picker and its search fit the screen too
                await picker.click()
                const modal = page.locator('[data-test="orgunit-picker"]')
                await modal.locator('[data-test="orgunit-search"] input').fill('health')
                await modal
                    .locator('[data-test="orgunit-search-result"]')
                    .first()
                    .waitFor({ timeout: 15_000 })
                const modalBox = await modal.boundingBox()
                expect(modalBox!.x).toBeGreaterThanOrEqual(0)
                expect(modalBox!.x + modalBox!.width).toBeLessThanOrEqual(viewport.width)
                await shot(page, `phone-${viewport.width}-picker-search`)
                await page.keyboard.press('Escape')
                await modal.waitFor({ state: 'detached' })
                for (const [tab, content] of [
                    ['tab-settings', 'settings-page'],
                    ['tab-quality', 'quality-page'],
                    ['tab-alerts', 'alerts-page'],
                ] as const) {
                    const button = page.locator(`[data-test="${tab}"]`)
                    await button.scrollIntoViewIfNeeded()
                    const box = await button.boundingBox()
                    // The whole tab is on screen once scrolled to, with its full label
                    expect(box!.x).toBeGreaterThanOrEqual(0)
                    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
                    await button.click()
                    await page.locator(`[data-test="${content}"]`).waitFor({ timeout: 15_000 })
                    if (tab === 'tab-settings') {
                        expect(await button.textContent()).toContain('Mapping')
                        await shot(page, `phone-${viewport.width}-mapping`)
                    }
                }
                expect(await overflow()).toBeLessThanOrEqual(0)
                expect(errors, errors.join('\n')).toEqual([])
                await page.close()
            } finally {
                await small.close()
            }
        })
    }
})
