import { inject } from 'vitest'
import { readFile } from 'node:fs/promises'
import type { BrowserContext, Download, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { clickChartPoint, screenshot } from './support/page'
import { apiGet, openApp, openLink } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
})

const firstCard = (page: Page) => page.locator('[data-test^="pair-card-"]').first()
const chartsDrawn = async (page: Page) => {
    await firstCard(page)
        .locator('[data-test="chart-hmis"] .highcharts-root')
        .waitFor({ timeout: 30_000 })
    await firstCard(page)
        .locator('[data-test="chart-lmis"] .highcharts-root')
        .waitFor({ timeout: 30_000 })
}

/** Scrolls to each card so that its charts are drawn (they are when near the view), then back up */
const drawEveryCard = async (page: Page) => {
    const cards = page.locator('[data-test^="pair-card-"]')
    const count = await cards.count()
    for (let i = 0; i < count; i++) {
        const card = cards.nth(i)
        await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
        for (const chart of ['chart-hmis', 'chart-lmis']) {
            await card
                .locator(`[data-test="${chart}"] .highcharts-root`)
                .waitFor({ timeout: 30_000 })
        }
    }
    await cards.first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
}

describe('the triangulation view', () => {
    it('shows each pair of the program area side by side, from one trend request and one stock status request', async () => {
        const { page, errors, analytics } = await openApp(browser, demoUrl, ADMIN)
        await chartsDrawn(page)
        const cards = page.locator('[data-test^="pair-card-"]')
        expect(await cards.count()).toBeGreaterThanOrEqual(2)
        await expect
            .poll(() => firstCard(page).locator('[data-test="completeness-badge"]').count())
            .toBe(2)
        expect(await firstCard(page).locator('[data-test="chart-lmis"]').textContent()).toContain(
            'LMIS'
        )
        await firstCard(page).locator('[data-test="stock-stocked-out"]').waitFor()
        await page.waitForLoadState('networkidle')
        // The trend (all pairs), the stock status (all pairs, facility level) and the staggered
        // groups' quarterly reports (group set dimension): three whatever the number of pairs
        expect(analytics()).toBe(3)
        await screenshot(page, 'view-trend')

        // Another program area: still one request for all its pairs
        await page
            .locator('[data-test="program-area-select"] [data-test="dhis2-uicore-select-input"]')
            .click()
        await page.getByText('Child health', { exact: true }).click()
        await chartsDrawn(page)
        await firstCard(page).locator('[data-test="stock-stocked-out"]').waitFor()
        await page.waitForLoadState('networkidle')
        expect(analytics()).toBe(6)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('drills both charts of the pair in place, every card with them, and back up with the browser from the cache', async () => {
        const { page, errors, analytics } = await openApp(browser, demoUrl, ADMIN)
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        const cards = await page.locator('[data-test^="pair-card-"]').count()
        expect(cards).toBeGreaterThanOrEqual(2)
        await drawEveryCard(page)
        // The charts' SVG roots as drawn: a drill in place keeps them
        const keepRoots = () =>
            page.evaluate(() => {
                const roots = Array.from(
                    document.querySelectorAll('[data-test^="pair-card-"] .highcharts-root')
                )
                ;(window as unknown as { roots: Element[] }).roots = roots
                return roots.length
            })
        const sameRoots = () =>
            page.evaluate(() => {
                const kept = (window as unknown as { roots: Element[] }).roots
                const now = Array.from(
                    document.querySelectorAll('[data-test^="pair-card-"] .highcharts-root')
                )
                return now.length === kept.length && now.every((root, i) => root === kept[i])
            })
        expect(await keepRoots()).toBe(2 * cards)
        const titles = () =>
            page
                .locator('[data-test^="pair-card-"] .highcharts-title')
                .allTextContents()
                .then((all) => all.map((t) => t.replace(/[\s\u200b]+/g, ' ')))
        const trendTitles = await titles()
        const before = analytics()
        const point = firstCard(page)
            .locator(
                '[data-test="chart-hmis"] .highcharts-series-group .highcharts-series-0 .highcharts-point'
            )
            .nth(3)
        await clickChartPoint(page, point, page.locator('[data-test="drill-breadcrumbs"]'))
        await expect.poll(() => page.url()).toContain('dpe=')
        // Both charts of the pair, and every other card, show the org units in that month
        await expect
            .poll(async () => (await titles()).filter((t) => / in /.test(t)).length)
            .toBe(2 * cards)
        // ...in place: the same chart elements, drilled by the drilldown module
        expect(await sameRoots()).toBe(true)
        // What screen readers are told the chart shows is the drilled level's too
        const readerText = () =>
            firstCard(page)
                .locator('[data-test="chart-hmis"] [id^="highcharts-screen-reader-region-before"]')
                .textContent()
        await expect.poll(readerText).toMatch(/ in .* for each org unit in .*, highest first\./)
        // ...its axes in words (the reporting rate's, hidden when drilled, was read out by its id)
        expect(await readerText()).toContain('Reporting rate (%)')
        expect(await readerText()).not.toContain('completeness')
        expect(
            await firstCard(page).locator('.highcharts-drilldown-axis-label').count()
        ).toBeGreaterThan(0)
        // One order of the org units on both sides
        const labels = (chart: string) =>
            firstCard(page)
                .locator(`[data-test="${chart}"] .highcharts-xaxis-labels text`)
                .allTextContents()
        await expect.poll(() => labels('chart-hmis')).not.toEqual([])
        // (the clicked chart's months fade out with the module's animation: once it has ended)
        await expect
            .poll(async () => (await labels('chart-hmis')).join('|'), { timeout: 5_000 })
            .toBe((await labels('chart-lmis')).join('|'))
        // The view's breadcrumbs name the month; the module's own are not shown
        expect(await page.locator('[data-test="drill-breadcrumbs"] button').count()).toBe(3)
        expect(await page.locator('.highcharts-breadcrumbs-group:visible').count()).toBe(0)
        await page.waitForLoadState('networkidle')
        // The drill-down of every pair (one request) and the stock status of the month
        expect(analytics()).toBe(before + 2)
        await page.waitForTimeout(500) // the module's animation
        await screenshot(page, 'view-drilled')

        // One level further down: a region's districts, in place
        await clickChartPoint(
            page,
            firstCard(page)
                .locator('[data-test="chart-hmis"] .highcharts-series-group .highcharts-point')
                .first()
        )
        await expect.poll(() => page.url()).toMatch(/dpath=/)
        await expect
            .poll(() => page.locator('[data-test="drill-breadcrumbs"] button').count())
            .toBe(4)
        await expect.poll(analytics).toBe(before + 4)
        expect(await sameRoots()).toBe(true)
        const depth2 = page.url()
        const depth2Titles = await titles()
        expect(depth2Titles.every((t) => / in /.test(t))).toBe(true)
        await page.waitForTimeout(500)
        await screenshot(page, 'view-drilled-2')

        // Back goes up a level, from the cache: no new request, the same charts
        await page.goBack()
        await expect.poll(() => page.url()).not.toMatch(/dpath=/)
        await expect
            .poll(() => page.locator('[data-test="drill-breadcrumbs"] button').count(), {
                timeout: 10_000,
            })
            .toBe(3)
        await page.goBack()
        await expect.poll(() => page.url()).not.toMatch(/dpe=/)
        await expect.poll(titles, { timeout: 10_000 }).toEqual(trendTitles)
        await expect.poll(readerText).not.toContain('for each org unit in')
        expect(await page.locator('[data-test="drill-breadcrumbs"]').count()).toBe(0)
        expect(await sameRoots()).toBe(true)
        await page.waitForLoadState('networkidle')
        expect(analytics()).toBe(before + 4)
        await page.waitForTimeout(500)
        await screenshot(page, 'view-drilled-back')

        // A shared link at depth 2 opens drilled
        await page.goto('about:blank')
        await page.goto(depth2)
        await chartsDrawn(page)
        // ...the cards drawn later too: created at that level when they come near the view
        await drawEveryCard(page)
        await expect.poll(titles, { timeout: 30_000 }).toEqual(depth2Titles)
        expect(await page.locator('[data-test="drill-breadcrumbs"] button').count()).toBe(4)
        await screenshot(page, 'view-drilled-link')
        // The table lists the org units in the order of the drilled charts
        // (labels without the shared prefix, with break opportunities, maybe cut short)
        const squeeze = (text: string) => text.replace(/[\s\u200B]/g, '').replace(/…$/, '')
        const chartOrder = (await labels('chart-hmis')).map(squeeze)
        expect(chartOrder.length).toBeGreaterThan(1)
        await firstCard(page).locator('[data-test="pair-table-toggle"]').click()
        const rows = firstCard(page).locator('[data-test="pair-table"] tbody tr td:first-child')
        await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(chartOrder.length)
        const rowNames = (await rows.allTextContents()).slice(0, chartOrder.length)
        rowNames.forEach((name, index) => expect(squeeze(name)).toContain(chartOrder[index]))
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('comes back the same from a shared link, with tips and an accessible table', async () => {
        const first = await openApp(
            browser,
            demoUrl,
            ADMIN,
            '#/view?area=maternal-health&grain=quarterly'
        )
        await chartsDrawn(first.page)
        expect(
            await firstCard(first.page)
                .locator('[data-test="chart-hmis"] .highcharts-subtitle')
                .textContent()
        ).toMatch(/quarterly/i)
        await firstCard(first.page).locator('[data-test="pair-tips-button"]').click()
        expect(
            (await first.page.locator('[data-test="pair-tips"]').textContent())?.length
        ).toBeGreaterThan(20)
        await first.page.mouse.click(2, 2) // outside the popover closes it
        await expect.poll(() => first.page.locator('[data-test="pair-tips"]').count()).toBe(0)
        // Escape closes it too, and so does its Close button, the focus back on the button
        const tipsButton = firstCard(first.page).locator('[data-test="pair-tips-button"]')
        for (const close of [
            () => first.page.keyboard.press('Escape'),
            () => first.page.locator('[data-test="pair-tips-close"]').click(),
        ]) {
            await tipsButton.click()
            await first.page.locator('[data-test="pair-tips"]').waitFor()
            await close()
            await expect.poll(() => first.page.locator('[data-test="pair-tips"]').count()).toBe(0)
            expect(await tipsButton.evaluate((span) => span.contains(document.activeElement))).toBe(
                true
            )
        }
        await firstCard(first.page).locator('[data-test="pair-table-toggle"]').click()
        // The table view's code loads on the first click
        await expect
            .poll(() => firstCard(first.page).locator('[data-test="pair-table"] tbody tr').count())
            .toBeGreaterThanOrEqual(4)
        // On a phone the table keeps words whole and scrolls sideways (it broke "Period" into
        // one letter or two per line)
        await first.page.setViewportSize({ width: 390, height: 844 })
        const table = firstCard(first.page).locator('[data-test="pair-table"]').first()
        const layout = await table.evaluate((el) => {
            const box = el.closest('[data-test="pair-table-scrollbox"]') ?? el.parentElement!
            const header = el.querySelector('th')!
            const text = document.createTreeWalker(header, NodeFilter.SHOW_TEXT).nextNode()!
            const range = document.createRange()
            range.selectNodeContents(text)
            return {
                text: header.textContent,
                lines: new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)))
                    .size,
                scrolls: box.scrollWidth > box.clientWidth,
            }
        })
        expect(layout).toEqual({ text: 'Period', lines: 1, scrolls: true })
        // ...the period column staying in place
        const box = first.page.locator('[data-test="pair-table-scrollbox"]').first()
        const periodLeft = () =>
            table.evaluate((el) =>
                ['thead th', 'tbody td'].map(
                    (cell) => el.querySelector(cell)!.getBoundingClientRect().left
                )
            )
        const leftBefore = await periodLeft()
        await box.evaluate((el) => (el.scrollLeft = 200))
        expect(await periodLeft()).toEqual(leftBefore)
        // ...on top of the columns scrolled under it
        await table.scrollIntoViewIfNeeded()
        expect(
            await table.evaluate((el) =>
                ['thead th', 'tbody td'].map((selector) => {
                    const cell = el.querySelector(selector)!
                    const r = cell.getBoundingClientRect()
                    const hit = document.elementFromPoint(r.left + 8, r.top + r.height / 2)
                    return Boolean(hit && cell.contains(hit))
                })
            )
        ).toEqual([true, true])
        await table.scrollIntoViewIfNeeded()
        await screenshot(first.page, 'view-table-390x844')
        expect(first.errors).toEqual([])
        await first.page.close()
    })

    it('downloads a chart as an image and the numbers as CSV, loading the exporter only then', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const scripts: string[] = []
        page.on('request', (request) => {
            if (request.resourceType() === 'script') scripts.push(request.url())
        })
        await chartsDrawn(page)
        expect(scripts.filter((url) => /exporting/i.test(url))).toEqual([])
        // No Highcharts context button: the card's menu is the one way to download
        expect(await firstCard(page).locator('.highcharts-contextbutton').count()).toBe(0)
        // Cards far below the view are drawn when scrolled to: count what is drawn now
        await page.waitForTimeout(500)
        const drawn = await page.locator('.highcharts-root').count()

        await firstCard(page).locator('[data-test="pair-download"]').click()
        const [image] = await Promise.all([
            page.waitForEvent('download', { timeout: 30_000 }),
            page.locator('[data-test="pair-download-lmis-png"]').click(),
        ])
        expect(image.suggestedFilename()).toMatch(/-lmis\.png$/)
        const png = await readDownload(image)
        expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
        expect(png.length).toBeGreaterThan(5_000)
        expect(scripts.some((url) => /exporting/i.test(url))).toBe(true)
        // The copy drawn for the image is gone; the cards still have the charts they had
        expect(await page.locator('.highcharts-root').count()).toBe(drawn)
        expect(await firstCard(page).locator('.highcharts-root').count()).toBe(2)

        await firstCard(page).locator('[data-test="pair-download"]').click()
        const [csv] = await Promise.all([
            page.waitForEvent('download', { timeout: 30_000 }),
            page.locator('[data-test="pair-download-csv"]').click(),
        ])
        expect(csv.suggestedFilename()).toMatch(/\.csv$/)
        const rows = (await readDownload(csv)).toString('utf8').split('\r\n')
        expect(rows[0]).toMatch(/^\uFEFFPeriod id,Period,/)
        expect(rows.length).toBeGreaterThanOrEqual(13)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('says so, and draws nothing, when the instance calendar cannot be computed', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const setCalendar = (calendar: string) =>
            page.evaluate(async (value) => {
                const response = await fetch(`/api/systemSettings/keyCalendar?value=${value}`, {
                    method: 'POST',
                })
                return response.status
            }, calendar)
        // DHIS2 offers a Coptic calendar; the period library fails on it in current browsers
        expect(await setCalendar('coptic')).toBe(200)
        try {
            await page.reload()
            await page.locator('[data-test="calendar-unsupported"]').waitFor({ timeout: 30_000 })
            expect(
                await page.locator('[data-test="calendar-unsupported"]').textContent()
            ).toContain('coptic')
            expect(await page.locator('[data-test^="pair-card-"]').count()).toBe(0)
        } finally {
            expect(await setCalendar('iso8601')).toBe(200)
        }
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('shows server names as text, never as markup, down to the facility', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const { body } = await apiGet(
            page,
            '/api/organisationUnits?filter=name:like:onerror&fields=id,name,parent[id]&paging=false'
        )
        const facility = (
            body as { organisationUnits: { id: string; name: string; parent: { id: string } }[] }
        ).organisationUnits[0]
        expect(facility?.name).toContain('<img src=x onerror=alert(1)>')
        let dialogs = 0
        page.on('dialog', (dialog) => {
            dialogs++
            void dialog.dismiss()
        })
        await openLink(
            page,
            `${demoUrl}/api/apps/triangulate/index.html#/view?ou=${facility?.parent.id}&dpe=${lastMonth()}`
        )
        await firstCard(page).locator('[data-test="pair-table-toggle"]').click()
        await expect
            .poll(() => firstCard(page).locator('[data-test="pair-table"]').textContent(), {
                timeout: 30_000,
            })
            .toContain('<img src=x onerror=alert(1)>')
        expect(await page.locator('img[src="x"]').count()).toBe(0)
        expect(dialogs).toBe(0)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})

const readDownload = async (download: Download): Promise<Buffer> => {
    const path = await download.path()
    return readFile(path)
}

/** The month before last, as a DHIS2 period id (surely reported in the demo data). */
const lastMonth = (): string => {
    const d = new Date()
    d.setUTCDate(1)
    d.setUTCMonth(d.getUTCMonth() - 2)
    return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
