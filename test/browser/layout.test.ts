/**
 * The chart layout rule as users see it: at the sizes a desktop, a laptop, a dashboard item and a
 * phone give, every chart keeps a plot of at least 120 px, nothing sticks out of its card, and a
 * click on a month of a facility shows that month instead of asking DHIS2 for a level below it.
 * Screenshots in `test/.artifacts/layout/`.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { clickChartPoint } from './support/page'
import { apiGet, openApp, openLink } from './support/session'
import { hostItem, openHost } from './support/host'

const demoUrl = inject('demoUrl')
const SIZES = [
    { width: 1440, height: 900 },
    { width: 1100, height: 620 },
    { width: 600, height: 400 },
    { width: 420, height: 700 },
    { width: 390, height: 844 },
] as const
const MIN_PLOT = 120
const ARTIFACTS = path.resolve('test/.artifacts/layout')

let browser: BrowserContext
beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
})

/** The page (the app scrolls inside it: the viewport) and its first card whole */
const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
    const card = page.locator('[data-test^="pair-card-"]').first()
    if (await card.count()) {
        await card.screenshot({ path: path.join(ARTIFACTS, `${name}-card.png`) })
    }
}

type Scope = Page | FrameLocator

/**
 * Waits until every chart of the cards is drawn (`drilled`: drilled, " in " in its title) and has
 * settled at its size.
 */
const chartsDrawn = async (scope: Scope, drilled = false) => {
    const cards = scope.locator('[data-test^="pair-card-"]')
    await cards.first().locator('[data-test="chart-lmis"] .highcharts-root').waitFor({
        timeout: 30_000,
    })
    await cards.first().locator('[data-test="chart-hmis"] .highcharts-root').waitFor({
        timeout: 30_000,
    })
    // Cards further down are drawn when they come near the view: scroll to each, then back
    const count = await cards.count()
    for (let i = 0; i < count; i++) {
        const card = cards.nth(i)
        await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
        for (const chart of ['chart-hmis', 'chart-lmis']) {
            await card
                .locator(`[data-test="${chart}"] .highcharts-root`)
                .waitFor({ timeout: 30_000 })
            if (drilled) {
                await expect
                    .poll(() =>
                        card.locator(`[data-test="${chart}"] .highcharts-title`).textContent()
                    )
                    // a wrapped title's lines are joined by a zero-width space
                    .toMatch(/[\s\u200b]in[\s\u200b]/)
            }
        }
    }
    await cards.first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
    // The layout settles (measured size, the minimum-plot safety net): two equal readings
    let previous = ''
    for (let i = 0; i < 20; i++) {
        const now = JSON.stringify(await plotHeights(scope))
        if (now === previous) return
        previous = now
        await new Promise((resolve) => setTimeout(resolve, 250))
    }
}

/** The plot box height of every chart drawn in the cards (`.highcharts-plot-background`). */
const plotHeights = async (scope: Scope): Promise<{ chart: string; height: number }[]> => {
    const charts = scope.locator(
        '[data-test^="pair-card-"] :is([data-test="chart-hmis"], [data-test="chart-lmis"])'
    )
    const result: { chart: string; height: number }[] = []
    for (let i = 0; i < (await charts.count()); i++) {
        const chart = charts.nth(i)
        const box = await chart.locator('.highcharts-plot-background').boundingBox()
        result.push({
            chart: `${i}:${await chart.getAttribute('data-test')}`,
            height: Math.round(box?.height ?? 0),
        })
    }
    return result
}

/**
 * What sticks out of a card: every visible element of the card (header, badges, buttons, notes,
 * each chart, its legend, axis labels and titles) must lie within the card's box.
 */
const overflowing = (card: Locator): Promise<string[]> =>
    card.evaluate((root) => {
        const outer = root.getBoundingClientRect()
        const problems: string[] = []
        const visible = (element: Element) => {
            const style = getComputedStyle(element)
            return (
                style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0'
            )
        }
        const elements = root.querySelectorAll(
            'header, header *, [data-test="pair-notes"], [data-test^="chart-"], .highcharts-root, .highcharts-legend-item, .highcharts-axis-labels text, .highcharts-title, .highcharts-subtitle, .highcharts-axis-title'
        )
        for (const element of elements) {
            if (!visible(element) || element.closest('.highcharts-tooltip')) continue
            const box = element.getBoundingClientRect()
            if (box.width === 0 || box.height === 0) continue
            if (
                box.left < outer.left - 1 ||
                box.right > outer.right + 1 ||
                box.top < outer.top - 1 ||
                box.bottom > outer.bottom + 1
            ) {
                const name =
                    element.getAttribute('data-test') ??
                    element.getAttribute('class') ??
                    element.tagName
                problems.push(
                    `${name} "${(element.textContent ?? '').slice(0, 30)}" [${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}] outside [${Math.round(outer.left)}–${Math.round(outer.right)} × ${Math.round(outer.top)}–${Math.round(outer.bottom)}]`
                )
            }
        }
        // Axis labels and legend items are drawn whole, inside their chart (not cut by its edge)
        for (const text of root.querySelectorAll(
            '.highcharts-xaxis-labels text, .highcharts-yaxis-labels text, .highcharts-legend-item'
        )) {
            const chart = text.closest('[data-test^="chart-"]')?.getBoundingClientRect()
            const box = text.getBoundingClientRect()
            if (
                chart &&
                box.width > 0 &&
                (box.left < chart.left - 1 ||
                    box.right > chart.right + 1 ||
                    box.top < chart.top - 1 ||
                    box.bottom > chart.bottom + 1)
            ) {
                problems.push(`"${text.textContent}" cut by the edge of its chart`)
            }
        }
        // Legend items and axis labels do not overlap each other or the plot
        const legend = [...root.querySelectorAll('.highcharts-legend-item')]
        const labels = [...root.querySelectorAll('.highcharts-xaxis-labels text')]
        for (const label of labels) {
            const a = label.getBoundingClientRect()
            for (const item of legend) {
                const b = item.getBoundingClientRect()
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                    problems.push(
                        `x label "${label.textContent}" over legend "${item.textContent}"`
                    )
                }
            }
        }
        return problems
    })

/** Every card of the scope: plots ≥ 120 px, nothing outside the card. */
const expectLaidOut = async (scope: Scope, where: string) => {
    const heights = await plotHeights(scope)
    expect(heights.length, where).toBeGreaterThanOrEqual(2)
    for (const { chart, height } of heights) {
        expect(height, `${where}: plot of ${chart}`).toBeGreaterThanOrEqual(MIN_PLOT)
    }
    const cards = scope.locator('[data-test^="pair-card-"]')
    for (let i = 0; i < (await cards.count()); i++) {
        expect(await overflowing(cards.nth(i)), `${where}: card ${i}`).toEqual([])
    }
}

describe('the chart layout', () => {
    it('keeps every plot readable and inside its card, trend and drilled, at every size', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        for (const size of SIZES) {
            const where = `${size.width}×${size.height}`
            await page.setViewportSize(size)
            await page.goto(`${demoUrl}/api/apps/triangulate/index.html#/view`)
            await chartsDrawn(page)
            await shot(page, `app-trend-${size.width}x${size.height}`)
            await expectLaidOut(page, `trend ${where}`)

            // The drilled view: one month across the org units below
            const card = page.locator('[data-test^="pair-card-"]').first()
            await clickChartPoint(
                page,
                card
                    .locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point')
                    .nth(9),
                page.locator('[data-test="drill-breadcrumbs"]')
            )
            await expect
                .poll(() =>
                    card.locator('[data-test="chart-lmis"] .highcharts-title').textContent()
                )
                .toMatch(/ in |Consumption/)
            await chartsDrawn(page, true)
            await shot(page, `app-drilled-${size.width}x${size.height}`)
            await expectLaidOut(page, `drilled ${where}`)
            // Both drilled charts put the org units in the same order
            const names = async (chart: string) =>
                card
                    .locator(`[data-test="${chart}"] .highcharts-xaxis-labels text`)
                    .allTextContents()
            expect(await names('chart-hmis')).toEqual(await names('chart-lmis'))
        }
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('shows a month of a facility instead of drilling below it, with no request DHIS2 refuses', async () => {
        const { page, errors, analytics } = await openApp(browser, demoUrl, ADMIN)
        await page.setViewportSize({ width: 1100, height: 900 })
        const { body: levels } = await apiGet(
            page,
            '/api/organisationUnitLevels?fields=level&paging=false'
        )
        const deepest = Math.max(
            ...(
                levels as { organisationUnitLevels: { level: number }[] }
            ).organisationUnitLevels.map((l) => l.level)
        )
        const { body } = await apiGet(
            page,
            `/api/organisationUnits?level=${deepest}&fields=id,displayName&pageSize=1`
        )
        const facility = (body as { organisationUnits: { id: string; displayName: string }[] })
            .organisationUnits[0]
        expect(facility).toBeDefined()
        await page.goto(`${demoUrl}/api/apps/triangulate/index.html#/view?ou=${facility?.id}`)
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        const before = analytics()
        const card = page.locator('[data-test^="pair-card-"]').first()
        await clickChartPoint(
            page,
            card.locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point').nth(8),
            card.locator('[data-test="period-detail"]')
        )
        const detail = await card.locator('[data-test="period-detail"]').textContent()
        expect(detail).toContain(facility?.displayName)
        expect(detail).toMatch(/no level below/i)
        // The month is marked on both charts
        expect(await card.locator('.highcharts-plot-band.marked-period').count()).toBe(2)
        await shot(page, 'facility-month')
        await page.waitForLoadState('networkidle')
        expect(analytics()).toBe(before)
        expect(await page.locator('[data-test="drill-breadcrumbs"]').count()).toBe(0)
        expect(await page.locator('[data-test^="error-"]').count()).toBe(0)
        expect(page.url()).not.toContain('dpe=')

        // A link naming a drill-down below a facility: the facility's trend, no failing request
        await openLink(
            page,
            `${demoUrl}/api/apps/triangulate/index.html#/view?ou=${facility?.id}&dpe=${lastMonth()}`
        )
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        expect(await page.locator('[data-test="drill-breadcrumbs"]').count()).toBe(0)
        expect(await page.locator('[data-test^="error-"]').count()).toBe(0)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('drills two levels down and back up with the browser at the phone and laptop sizes', async () => {
        for (const size of [
            { width: 390, height: 844 },
            { width: 1100, height: 620 },
        ]) {
            const { page, errors, analytics } = await openApp(browser, demoUrl, ADMIN)
            await page.setViewportSize(size)
            await chartsDrawn(page)
            await page.waitForLoadState('networkidle')
            const card = page.locator('[data-test^="pair-card-"]').first()
            const titles = () =>
                card
                    .locator('.highcharts-title')
                    .allTextContents()
                    .then((all) => all.map((t) => t.replace(/[\s\u200b]+/g, ' ')))
            const trendTitles = await titles()
            const hmisPoints = card.locator(
                '[data-test="chart-hmis"] .highcharts-series-group .highcharts-series-0 .highcharts-point'
            )
            const onScreen = async () => {
                const box = await card
                    .locator('[data-test="chart-hmis"] .highcharts-plot-background')
                    .boundingBox()
                return Boolean(box && box.y >= 0 && box.y + box.height <= size.height)
            }
            await clickChartPoint(
                page,
                hmisPoints.nth(5),
                page.locator('[data-test="drill-breadcrumbs"]')
            )
            await expect
                .poll(titles)
                .toEqual([expect.stringMatching(/ in /), expect.stringMatching(/ in /)])
            await page.waitForTimeout(500) // the module's animation
            // The chart clicked is still on screen: no chart drilled with it takes the focus, and
            // the page's scroll, away
            expect(await onScreen()).toBe(true)
            expect(
                await page.evaluate(() =>
                    Boolean(document.activeElement?.closest('.highcharts-container'))
                )
            ).toBe(false)
            const drilledUrl = page.url()
            // A region's districts, from the logistics chart (its partner drills with it)
            await clickChartPoint(
                page,
                card
                    .locator('[data-test="chart-lmis"] .highcharts-series-group .highcharts-point')
                    .first()
            )
            await expect.poll(() => page.url()).toMatch(/dpath=/)
            await page.waitForLoadState('networkidle')
            await page.waitForTimeout(500) // the module's animation
            const requests = analytics()
            await page.goBack()
            await expect.poll(() => page.url()).not.toMatch(/dpath=/)
            await page.goBack()
            await expect.poll(() => page.url()).not.toMatch(/dpe=/)
            // The trend again, from the cache, in the same chart elements
            await expect.poll(titles, { timeout: 10_000 }).toEqual(trendTitles)
            expect(await page.locator('[data-test^="error-"]').count()).toBe(0)
            await page.waitForTimeout(500)
            await shot(page, `drill-up-${size.width}`)
            expect(analytics()).toBe(requests)
            // Another month, clicked after drilling back up, drills into that month (not the first
            // one, which the chart's keyboard navigation would have made the hovered point)
            const firstMonth = /dpe=(\d+)/.exec(drilledUrl)?.[1]
            await clickChartPoint(page, hmisPoints.nth(2))
            await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/dpe=\d+/)
            // (the months are consecutive: three before the first one clicked)
            const year = Number(firstMonth?.slice(0, 4))
            const month = Number(firstMonth?.slice(4)) - 3
            const expected =
                month > 0
                    ? `${year}${String(month).padStart(2, '0')}`
                    : `${year - 1}${String(month + 12).padStart(2, '0')}`
            expect(/dpe=(\d+)/.exec(page.url())?.[1]).toBe(expected)
            expect(errors, errors.join('\n')).toEqual([])
            await page.close()
        }
    })

    it('drills with the keyboard, the focus going on in the level opened', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        await page.setViewportSize({ width: 1100, height: 620 })
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        const focused = () =>
            page.evaluate(() => {
                const active = document.activeElement
                return {
                    card: active?.closest('[data-test^="pair-card-"]')?.getAttribute('data-test'),
                    chart: active?.closest('[data-test^="chart-"]')?.getAttribute('data-test'),
                    label: active?.getAttribute('aria-label') ?? '',
                }
            })
        // Into the first chart as Tab does, then to a month with the arrow keys
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-container')
            .first()
            .focus()
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight')
        const month = await focused()
        expect(month.chart).toBe('chart-hmis')
        await page.keyboard.press('Enter')
        await expect.poll(() => page.url()).toContain('dpe=')
        // The focus is on the first org unit of the level, in the same chart (not in another
        // chart drilled with it), and the arrow keys go on from there
        await expect.poll(async () => (await focused()).label).toMatch(/Region|Région/)
        const drilled = await focused()
        expect(drilled).toMatchObject({ card: month.card, chart: 'chart-hmis' })
        await page.keyboard.press('ArrowRight')
        const next = await focused()
        expect(next).toMatchObject({ card: month.card, chart: 'chart-hmis' })
        expect(next.label).not.toBe(drilled.label)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('lays out dashboard items at the sizes a dashboard gives', async () => {
        const items = [
            { id: 'layout420', width: 420, height: 700 },
            { id: 'layout600', width: 600, height: 400 },
            { id: 'layout940', width: 940, height: 560 },
            { id: 'layout1100', width: 1100, height: 620 },
            { id: 'layout390', width: 390, height: 700 },
        ]
        const { page, errors } = await openHost(browser, demoUrl, items, ADMIN, {
            width: 1440,
            height: 900,
        })
        const frame = (id: string) => hostItem(page, id)
        // Set each item up with the first pair (the picker's default)
        for (const item of items) {
            await frame(item.id)
                .locator('[data-test="item-picker-save"]')
                .click({ timeout: 30_000 })
        }
        for (const item of items) {
            const scope = frame(item.id)
            await chartsDrawn(scope)
            await expectLaidOut(scope, `item ${item.width}×${item.height}`)
            // The charts use the item's height: little stays empty below the card
            const iframe = await page
                .locator(`[data-test="dashboard-item-${item.id}"] iframe`)
                .boundingBox()
            const card = await scope.locator('[data-test^="pair-card-"]').first().boundingBox()
            const charts = await scope
                .locator('[data-test^="pair-card-"] [data-test="chart-lmis"]')
                .first()
                .boundingBox()
            const below = iframe && card ? iframe.y + iframe.height - (card.y + card.height) : 0
            const chartsBelow =
                iframe && charts ? iframe.y + iframe.height - (charts.y + charts.height) : 0
            console.log(
                `item ${item.width}×${item.height}: ${Math.round(below)} px below the card, ${Math.round(chartsBelow)} px below the charts`
            )
            // Both charts fit in the item (nothing cut off or to scroll to), little stays empty
            expect(chartsBelow, `space below the charts of ${item.id}`).toBeGreaterThanOrEqual(0)
            expect(below, `space below the card of ${item.id}`).toBeLessThan(60)
        }
        await shot(page, 'plugin-items')
        // A drilled item keeps the rule too
        const large = frame('layout940')
        await clickChartPoint(
            page,
            large.locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point').nth(9),
            large.locator('[data-test="drill-breadcrumbs"]')
        )
        await expect
            .poll(() => large.locator('[data-test="chart-hmis"] .highcharts-title').textContent())
            .toMatch(/ in /)
        await chartsDrawn(large)
        await expectLaidOut(large, 'drilled item 940×560')
        await shot(page, 'plugin-items-drilled')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('closes the Download menu with Escape and offers images in table mode', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        await page.setViewportSize({ width: 1100, height: 800 })
        await chartsDrawn(page)
        const card = page.locator('[data-test^="pair-card-"]').first()
        await card.locator('[data-test="pair-table-toggle"]').click()
        await card.locator('[data-test="pair-table"]').waitFor()
        await card.locator('[data-test="pair-download"] button').click()
        const png = page.locator('[data-test="pair-download-hmis-png"]')
        await png.waitFor()
        expect(await png.getAttribute('class')).not.toMatch(/disabled/)
        const download = page.waitForEvent('download')
        await png.click()
        expect((await download).suggestedFilename()).toMatch(/\.png$/)
        await card.locator('[data-test="pair-download"] button').click()
        await page.locator('[data-test="pair-download-menu"]').waitFor()
        await page.keyboard.press('Escape')
        await page.locator('[data-test="pair-download-menu"]').waitFor({ state: 'detached' })
        expect(
            await card
                .locator('[data-test="pair-download"] button')
                .evaluate((button) => button === document.activeElement)
        ).toBe(true)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})

/** The month before last, as a DHIS2 period id (surely reported in the demo data). */
const lastMonth = (): string => {
    const d = new Date()
    d.setUTCDate(1)
    d.setUTCMonth(d.getUTCMonth() - 2)
    return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
