/**
 * Draw only what is seen: a program area of 40 pairs (80 charts) at 1440×900. The cards near the
 * view are drawn after navigation, the others when scrolled to, in placeholders of their final
 * size (nothing moves when a chart is drawn), a few charts per main-thread task at most, and a
 * card not drawn yet still downloads its numbers.
 *
 * How long the tasks take is the bench's figure (long tasks over 200 ms, `npm run bench`), which
 * depends on the machine; what is tested here is what keeps them short on any machine: the charts
 * are drawn a few per task, never all of a view in one. The charts a task drew are counted by a
 * MutationObserver, whose callback runs once at the end of each task that changed the page
 * (the microtask checkpoint; a chart is drawn synchronously, within one task).
 */
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { BENCH_AREA, benchConfig } from '../../bench/lib/configs'
import { launchChromium } from './support/chromium'
import { ADMIN, basicAuth } from './support/demo-process'
import { clickChartPoint, screenshot } from './support/page'
import { openApp } from './support/session'

const demoUrl = inject('demoUrl')
const CONFIG_URL = `${demoUrl}/api/dataStore/triangulate/config`
const headers = {
    Authorization: basicAuth(ADMIN.username, ADMIN.password),
    'Content-Type': 'application/json',
}
const PAIRS = 40
const CARD = '[data-test^="pair-card-"]'
let browser: BrowserContext
let original: unknown

declare global {
    interface Window {
        /** Per main-thread task that changed a drawn chart: how many charts it changed */
        __chartsPerTask?: number[]
    }
}

/**
 * At most this many charts drawn or redrawn in one task: the draw queue runs one chart per task,
 * more only while the task is under 20 ms (`LazyMount.tsx`); a drill redraws the clicked pair
 * together. Without the queue a view draws every chart near the window in one task (8 or more
 * here).
 */
const MAX_CHARTS_PER_TASK = 4

const putConfig = async (config: unknown) => {
    const response = await fetch(CONFIG_URL, {
        method: 'PUT',
        headers,
        body: JSON.stringify(config),
    })
    expect(response.status).toBe(200)
}

beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    // Every task that changed drawn charts, from the document's start
    await browser.addInitScript(() => {
        const counts: number[] = []
        window.__chartsPerTask = counts
        new MutationObserver((records) => {
            const charts = new Set<Element>()
            for (const record of records) {
                const target =
                    record.target instanceof Element ? record.target : record.target.parentElement
                const chart = target?.closest('[data-test="chart-hmis"], [data-test="chart-lmis"]')
                if (chart?.querySelector('.highcharts-root')) charts.add(chart)
            }
            if (charts.size > 0) counts.push(charts.size)
        }).observe(document, { childList: true, subtree: true, attributes: true })
    })
    original = await (await fetch(CONFIG_URL, { headers })).json()
    await putConfig(benchConfig(original, PAIRS))
})
afterAll(async () => {
    // Leave the shared demo as it was for the other test files
    if (original) await putConfig(original)
    await browser?.close()
})

/** Per card: drawn charts, placeholders, its box, and whether it is in / near the scrolled view */
const cardStates = (page: Page) =>
    page.evaluate((card) => {
        const scroller = document.querySelector('.app-shell-app')
        const view = scroller!.getBoundingClientRect()
        return Array.from(document.querySelectorAll(card)).map((el) => {
            const box = el.getBoundingClientRect()
            return {
                id: el.getAttribute('data-test'),
                drawn: el.querySelectorAll('.highcharts-root').length,
                placeholders: el.querySelectorAll('[data-test="chart-placeholder"]').length,
                top: box.top - view.top + scroller!.scrollTop,
                height: box.height,
                chartHeights: ['chart-hmis', 'chart-lmis'].map(
                    (chart) =>
                        el.querySelector(`[data-test="${chart}"]`)?.getBoundingClientRect()
                            .height ?? 0
                ),
                inView: box.bottom > view.top && box.top < view.bottom,
                // the app's margin: half the scrolling area's height
                near:
                    box.bottom > view.top - view.height / 2 &&
                    box.top < view.bottom + view.height / 2,
            }
        })
    }, CARD)

/** Per task that changed drawn charts since the document's start: how many charts */
const chartsPerTask = (page: Page) => page.evaluate(() => window.__chartsPerTask ?? [])

/** The tasks (since the `from`th) that changed more charts than the draw queue would */
const crowdedTasks = async (page: Page, from = 0) =>
    (await chartsPerTask(page)).slice(from).filter((n) => n > MAX_CHARTS_PER_TASK)

/** Waits until nothing is drawn any more (the queue of drawings is empty) for `quietMs`. */
const waitQuiet = async (page: Page, quietMs = 1_000) => {
    let last = ''
    let since = Date.now()
    for (;;) {
        const now = JSON.stringify((await cardStates(page)).map((c) => [c.drawn, c.height]))
        if (now !== last) {
            last = now
            since = Date.now()
        } else if (Date.now() - since >= quietMs) return
        await page.waitForTimeout(100)
    }
}

describe('a program area of 40 pairs', () => {
    it('draws the cards near the view, the others when scrolled to, in placeholders of their size, a few charts per task', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, `#/view?area=${BENCH_AREA}`)
        await expect.poll(() => page.locator(CARD).count(), { timeout: 60_000 }).toBe(PAIRS)
        const first = page.locator(CARD).first()
        await first
            .locator('[data-test="chart-hmis"] .highcharts-root')
            .waitFor({ timeout: 60_000 })
        await first
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 60_000 })
        await waitQuiet(page)
        await screenshot(page, 'lazy-cards-top')

        const before = await cardStates(page)
        // In view: drawn. Far: a placeholder per chart, no chart
        for (const card of before) {
            if (card.inView) expect(card.drawn, `${card.id} in view`).toBe(2)
            if (!card.near) {
                expect(card.drawn, `${card.id} far`).toBe(0)
                expect(card.placeholders, `${card.id} far`).toBe(2)
            }
        }
        const drawnCards = before.filter((c) => c.drawn > 0).length
        expect(drawnCards).toBeGreaterThanOrEqual(1)
        expect(drawnCards).toBeLessThanOrEqual(6)
        expect(before.filter((c) => !c.near).length).toBeGreaterThan(30)
        // A placeholder is as high as the chart drawn
        const drawnHeight = before[0]!.chartHeights[0]!
        expect(drawnHeight).toBeGreaterThanOrEqual(330)
        for (const card of before.filter((c) => c.drawn === 0)) {
            for (const h of card.chartHeights)
                expect(Math.abs(h - drawnHeight)).toBeLessThanOrEqual(2)
        }
        expect(await crowdedTasks(page)).toEqual([])

        // The numbers of a card not drawn yet: CSV (opened without scrolling to the card)
        const last = page.locator(CARD).last()
        expect(await last.locator('.highcharts-root').count()).toBe(0)
        await last
            .locator('[data-test="pair-download"] button')
            .evaluate((b) => (b as HTMLElement).click())
        const [csv] = await Promise.all([
            page.waitForEvent('download', { timeout: 30_000 }),
            page
                .locator('[data-test="pair-download-csv"] a')
                .evaluate((a) => (a as HTMLElement).click()),
        ])
        expect(csv.suggestedFilename()).toMatch(/\.csv$/)
        const rows = (await readFile(await csv.path())).toString('utf8').split('\r\n')
        expect(rows[0]).toMatch(/^\uFEFFPeriod id,Period,/)
        expect(rows.length).toBeGreaterThanOrEqual(13)

        // Scrolling draws the others; no card changes its size when its charts are drawn
        await page.evaluate(() => {
            const scroller = document.querySelector('.app-shell-app')!
            scroller.scrollTop = scroller.scrollHeight / 2
        })
        await screenshot(page, 'lazy-cards-scrolled')
        for (let i = 0; i < PAIRS; i++) {
            const card = page.locator(CARD).nth(i)
            await card.evaluate((el) => el.scrollIntoView({ block: 'center' }))
            await expect
                .poll(() => card.locator('.highcharts-root').count(), { timeout: 15_000 })
                .toBe(2)
        }
        await waitQuiet(page, 500)
        await screenshot(page, 'lazy-cards-bottom')
        const after = await cardStates(page)
        expect(after.every((c) => c.drawn === 2 && c.placeholders === 0)).toBe(true)
        after.forEach((card, i) => {
            const was = before[i]!
            expect(Math.abs(card.height - was.height), `${card.id} height`).toBeLessThanOrEqual(2)
            expect(Math.abs(card.top - was.top), `${card.id} top`).toBeLessThanOrEqual(2)
        })
        expect(await crowdedTasks(page)).toEqual([])
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('drills the clicked card first, a few charts per task, the others when scrolled to', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, `#/view?area=${BENCH_AREA}`)
        const first = page.locator(CARD).first()
        await first
            .locator('[data-test="chart-hmis"] .highcharts-root')
            .waitFor({ timeout: 60_000 })
        await waitQuiet(page)
        const tasksBefore = (await chartsPerTask(page)).length
        await clickChartPoint(
            page,
            first.locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point').nth(6)
        )
        for (const chart of ['chart-hmis', 'chart-lmis']) {
            await expect
                .poll(
                    () => first.locator(`[data-test="${chart}"] .highcharts-title`).textContent(),
                    {
                        timeout: 30_000,
                    }
                )
                .toContain(' in ')
        }
        await waitQuiet(page)
        expect(await crowdedTasks(page, tasksBefore)).toEqual([])
        // A far card: drilled when it comes into view
        const far = page.locator(CARD).nth(30)
        expect(await far.locator('.highcharts-root').count()).toBe(0)
        await far.evaluate((el) => el.scrollIntoView({ block: 'center' }))
        await expect
            .poll(() => far.locator('[data-test="chart-lmis"] .highcharts-title').textContent(), {
                timeout: 15_000,
            })
            .toContain(' in ')
        expect(await crowdedTasks(page, tasksBefore)).toEqual([])
        await screenshot(page, 'lazy-cards-drilled')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})
