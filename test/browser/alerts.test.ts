import { addScanLevel } from './support/alerts'
import { inject } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { layoutProblems, setUiLocale, type Lang } from './support/journey'
import { screenshot } from './support/page'
import { openApp } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium()
})
afterAll(async () => {
    await setUiLocale(demoUrl, ADMIN, 'en')
    await browser?.close()
})

/**
 * Records the longest gap between animation frames from now on (a frozen page draws no frame):
 * read it back with `longestFrameGap`.
 */
const watchFrames = (page: Page) =>
    page.evaluate(() => {
        const w = window as unknown as { __gap: number; __last: number }
        w.__gap = 0
        w.__last = performance.now()
        const tick = (now: number) => {
            w.__gap = Math.max(w.__gap, now - w.__last)
            w.__last = now
            requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
    })
const longestFrameGap = (page: Page) =>
    page.evaluate(() => (window as unknown as { __gap: number }).__gap)

/**
 * Runs a facility-level scan; with `analytics` (the page's analytics request count), checks that
 * the panel said how many requests the scan sends
 */
const runScan = async (page: Page, analytics?: () => number) => {
    await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
    await addScanLevel(page, 'Facility')
    let said = NaN
    if (analytics) {
        const size = page.locator('[data-test="alerts-size"]')
        await expect
            .poll(() => size.textContent(), { timeout: 30_000 })
            .toMatch(/\(.*Facility.*\).*analytics requests/)
        const text = (await size.textContent()) ?? ''
        said = Number(/([\d,]+) analytics requests/.exec(text)?.[1]?.replace(/,/g, ''))
    }
    const before = analytics?.() ?? 0
    await page.locator('[data-test="alerts-run"]').click()
    const first = page.locator('[data-test="alert-item"]').first()
    await first.waitFor({ timeout: 90_000 })
    if (analytics) {
        expect(said).toBeGreaterThan(0)
        expect(analytics() - before).toBe(said)
    }
    return first
}

describe('alerts', () => {
    it('lists entries with tiers and reasons in words, ranked, while the page stays responsive; one click opens the drilled chart', async () => {
        const { page, errors, analytics } = await openApp(browser, demoUrl, ADMIN, '#/alerts')
        await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
        await watchFrames(page)
        // The panel says how many analytics requests the scan sends, and it sends that many
        const first = await runScan(page, analytics)
        // The detectors run in a web worker: the page kept drawing frames during the scan
        expect(await longestFrameGap(page)).toBeLessThan(1000)
        // One entry per org unit × pair: a rank, a tier, reasons in words
        expect(await first.locator('[data-test="alert-rank"]').textContent()).toBe('#1')
        expect(['Extreme', 'Outlier']).toContain(
            (await first.locator('[data-test="alert-tier"]').textContent())?.trim()
        )
        expect(['extreme', 'outlier']).toContain(await first.getAttribute('data-tier'))
        const reason = first.locator('[data-test="alert-reason"]').first()
        expect((await reason.textContent())?.length).toBeGreaterThan(30)
        // The header leads with the entry's own org unit (the one its reasons speak of)
        const orgUnit = (await first.locator('[data-test="alert-org-unit"]').textContent()) ?? ''
        expect(orgUnit.length).toBeGreaterThan(2)
        expect(await reason.textContent()).toContain(orgUnit)
        const headText = (await first.locator('div').first().textContent()) ?? ''
        expect(headText.indexOf(orgUnit)).toBeLessThan(
            headText.indexOf(
                (await first.locator('[data-test="alert-org-unit-path"]').textContent()) ?? ''
            )
        )
        const items = page.locator('[data-test="alert-item"]')
        const count = await items.count()
        expect(count).toBeGreaterThan(1)
        // Entries are org unit × pair: never two with the same header
        const heads = await items.evaluateAll((nodes) =>
            nodes.map((n) => (n.querySelector('div')?.textContent ?? '').replace(/^#\d+/, ''))
        )
        expect(new Set(heads).size).toBe(heads.length)
        // Stockouts are their own list
        await page.locator('text=Stockouts by duration').waitFor()
        expect(
            await page
                .locator('[data-test="alert-reason"][data-alert-type="stockoutWithCases"]')
                .count()
        ).toBe(0)
        // ...with their total, and as many shown as the count says
        // (the test country's facilities have stockouts while patients keep coming)
        const stockouts = page.locator('[data-test="stockout-item"]')
        expect(await stockouts.count()).toBeGreaterThan(0)
        const [shown, total] = (
            ((await page.locator('[data-test="stockouts-count"]').textContent()) ?? '').match(
                /[\d,]+/g
            ) ?? []
        ).map((n) => Number(n.replace(/,/g, '')))
        expect(shown).toBe(await stockouts.count())
        expect(total).toBeGreaterThanOrEqual(shown ?? 0)
        expect(await layoutProblems(page)).toEqual([])
        await screenshot(page, 'alerts')
        // Each entry is listed under one program area: the areas' counts add up to all of them
        const listedCount = async () => {
            const text = (await page.locator('[data-test="alerts-count"]').textContent()) ?? ''
            return Number(/of ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''))
        }
        const allCount = await listedCount()
        const areaSelect = page.locator('[data-test="alerts-filter-area"]')
        await areaSelect.click()
        const areaNames = (
            await page.locator('[data-test="dhis2-uicore-singleselectoption"]').allTextContents()
        ).filter((name) => name !== 'All program areas')
        await page.keyboard.press('Escape')
        expect(areaNames.length).toBeGreaterThan(1)
        let sum = 0
        for (const name of areaNames) {
            await areaSelect.click()
            await page
                .locator('[data-test="dhis2-uicore-singleselectoption"]')
                .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
                .click()
            await page.locator('[data-test="alerts-count"]').waitFor()
            sum += await listedCount()
        }
        expect(sum).toBe(allCount)
        await areaSelect.click()
        await page
            .locator('[data-test="dhis2-uicore-singleselectoption"]', {
                hasText: 'All program areas',
            })
            .click()
        await expect.poll(listedCount).toBe(allCount)
        // The tier filter keeps only that tier
        await page.locator('[data-test="alerts-filter-tier"]').click()
        await page
            .locator('[data-test="dhis2-uicore-singleselectoption"]', { hasText: 'Extreme' })
            .click()
        const tiers = await page
            .locator('[data-test="alert-item"]')
            .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-tier')))
        expect(tiers.every((t) => t === 'extreme')).toBe(true)

        await page.locator('[data-test="alert-item"] [data-test="alert-link"]').first().click()
        await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/view\?.*dpe=.*hl=/)
        await page.locator('[data-test="drill-breadcrumbs"]').waitFor({ timeout: 30_000 })
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 30_000 })
        await screenshot(page, 'alerts-drilled')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('keeps the Data quality page in its link: the scan, the level and the month shown', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/alerts')
        await runScan(page)
        await page.locator('[data-test="tab-quality"]').click()
        await page.locator('[data-test="quality-row"]').first().waitFor({ timeout: 30_000 })
        expect(page.url()).toMatch(/#\/quality\?.*run=1/)
        // Another level and one month
        const choose = async (select: string, option: (labels: string[]) => string) => {
            await page.locator(`[data-test="${select}"]`).click()
            const options = page.locator('[data-test="dhis2-uicore-singleselectoption"]')
            await options.first().waitFor()
            const label = option(await options.allTextContents())
            expect(label).not.toBe('')
            await options.filter({ hasText: label }).first().click()
            return label
        }
        const level = await choose('quality-level', (labels) => labels[labels.length - 1] ?? '')
        await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('qlv=')
        const month = await choose(
            'quality-period',
            (labels) => labels.filter((label) => !/^All /.test(label))[1] ?? ''
        )
        await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/qpe=\d{6}/)
        const rows = async () =>
            (await page.locator('[data-test="quality-row"]').allTextContents()).slice(0, 5)
        const shown = await rows()
        // Back returns to all the months, forward to the month chosen
        await page.goBack()
        await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('qpe=')
        await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('qlv=')
        await page.goForward()
        await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/qpe=\d{6}/)
        await expect.poll(rows, { timeout: 10_000 }).toEqual(shown)
        // The link, opened anew: the same scan is run, the same level and month shown
        const link = page.url()
        await page.goto('about:blank')
        await page.goto(link)
        await page.locator('[data-test="quality-row"]').first().waitFor({ timeout: 90_000 })
        expect(await page.locator('[data-test="quality-level"]').textContent()).toContain(level)
        expect(await page.locator('[data-test="quality-period"]').textContent()).toContain(month)
        expect(await rows()).toEqual(shown)
        await screenshot(page, 'quality-link')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    for (const [lang, width, height] of [
        ['fr', 1440, 900],
        ['en', 390, 844],
    ] as [Lang, number, number][]) {
        it(`shows the entries in ${lang} at ${width}×${height}`, async () => {
            await setUiLocale(demoUrl, ADMIN, lang)
            const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/alerts')
            await page.setViewportSize({ width, height })
            await runScan(page)
            expect(await layoutProblems(page)).toEqual([])
            await screenshot(page, `alerts-${lang}-${width}x${height}`)
            // The print view fits the page: every card's right border within it
            await page.evaluate(() => {
                ;(window as unknown as { print: () => void }).print = () => undefined
            })
            await page.locator('[data-test="alerts-print"]').click()
            const cards = page.locator('[data-test="print-alert"]')
            await cards.first().waitFor({ timeout: 30_000 })
            await page.emulateMedia({ media: 'print' })
            const rights = await cards.evaluateAll((nodes) =>
                nodes.map((n) => n.getBoundingClientRect().right)
            )
            const pageWidth = await page.evaluate(() => document.documentElement.clientWidth)
            expect(rights.every((right) => right <= pageWidth)).toBe(true)
            await screenshot(page, `alerts-print-${lang}-${width}x${height}`)
            await page.emulateMedia({ media: 'screen' })
            expect(errors, errors.join('\n')).toEqual([])
            await page.close()
            await setUiLocale(demoUrl, ADMIN, 'en')
        })
    }
})
