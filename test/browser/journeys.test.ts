/**
 * User journeys on the installed zip: the paths program managers walk, in English, French and
 * Swahili, at a desktop, a laptop, a dashboard item's and a phone's size. Each state is checked as a
 * user sees it: charts readable (plot area ≥ 120 px), nothing sticking out of its card, no app text
 * left in English in another language, no error; and kept as a screenshot in
 * test/.artifacts/journeys/.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { addScanLevel } from './support/alerts'
import { launchChromium } from './support/chromium'
import { basicAuth } from './support/demo-process'
import {
    LANGS,
    SIZES,
    layoutProblems,
    setUiLocale,
    translationChecks,
    untranslated,
    type Lang,
    type Size,
} from './support/journey'
import { clickChartPoint, collectErrors, logIn } from './support/page'
import { openHost } from './support/host'

const demoUrl = inject('demoUrl')
// A superuser of the demo whose language these tests change (the other files use admin)
const USER = { username: 'district', password: 'District1#' }
const ARTIFACTS = path.resolve('test/.artifacts/journeys')

let dataTexts: string[] = []
const checksFor = (lang: Lang) => (lang === 'en' ? [] : translationChecks(lang, dataTexts))

beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    // Names that come from the server (the mapping, org units) are data, not app strings
    const auth = { Authorization: basicAuth(USER.username, USER.password) }
    const config = await (
        await fetch(`${demoUrl}/api/dataStore/triangulate/config`, { headers: auth })
    ).text()
    const names = (resource: string) =>
        fetch(`${demoUrl}/api/${resource}?fields=name&paging=false`, { headers: auth }).then((r) =>
            r.text()
        )
    dataTexts = [
        config,
        ...(await Promise.all(
            ['organisationUnits', 'dataElements', 'dataSets', 'indicators'].map(names)
        )),
    ]
})
afterAll(async () => {
    await setUiLocale(demoUrl, USER, 'en')
})

const shoot = async (target: Page, name: string) => {
    await target.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Opens the app (logging in once per browser) at a URL fragment. */
const open = async (browser: BrowserContext, hash = '') => {
    const page = await browser.newPage()
    const errors = collectErrors(page)
    const url = `${demoUrl}/api/apps/triangulate/index.html${hash}`
    await page.goto(url)
    if (page.url().includes('login')) {
        await logIn(page, USER.username, USER.password)
        await page.waitForURL((u) => u.pathname.startsWith('/api/apps/triangulate/'))
        if (hash) await page.goto(url)
    }
    return { page, errors }
}

const cards = (target: Page | Frame) => target.locator('[data-test^="pair-card-"]')
const chartsDrawn = async (target: Page | Frame) => {
    const card = cards(target).first()
    await card.locator('[data-test="chart-hmis"] .highcharts-root').waitFor({ timeout: 30_000 })
    await card.locator('[data-test="chart-lmis"] .highcharts-root').waitFor({ timeout: 30_000 })
    // Let the last chart finish its layout
    await target.waitForTimeout(300)
}

/** What a user would see as wrong in this state; empty when all is well. */
const inspect = async (target: Page | Frame, lang: Lang) => ({
    layout: await layoutProblems(target),
    english: await untranslated(target, checksFor(lang)),
})

describe.each(SIZES)('at $width×$height ($name)', (size: Size) => {
    let browser: BrowserContext
    beforeAll(async () => {
        browser = await launchChromium({ viewport: { width: size.width, height: size.height } })
    })
    afterAll(async () => {
        await browser?.close()
    })

    it.each(LANGS)('the view and a drilled month read well in %s', async (lang) => {
        await setUiLocale(demoUrl, USER, lang)
        const { page, errors } = await open(browser)
        await chartsDrawn(page)
        await shoot(page, `${size.name}-${lang}-view`)
        expect(await inspect(page, lang)).toEqual({ layout: [], english: [] })
        // Every tab can be reached, at every width
        for (const tab of ['tab-view', 'tab-alerts', 'tab-quality', 'tab-settings']) {
            const box = await page.locator(`[data-test="${tab}"]`).boundingBox()
            expect(box, tab).not.toBeNull()
        }

        // A month of the first pair, across the org units below
        await clickChartPoint(
            page,
            cards(page)
                .first()
                .locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point')
                .nth(3),
            page.locator('[data-test="drill-breadcrumbs"]')
        )
        await expect
            .poll(
                () =>
                    cards(page)
                        .first()
                        .locator('[data-test="chart-lmis"] .highcharts-point')
                        .count(),
                {
                    timeout: 30_000,
                }
            )
            .toBeGreaterThanOrEqual(2)
        await page.waitForTimeout(300)
        await shoot(page, `${size.name}-${lang}-drilled`)
        expect(await inspect(page, lang)).toEqual({ layout: [], english: [] })

        // The other pages fit the screen too, and speak the user's language
        for (const [tab, ready] of [
            ['tab-alerts', 'alerts-run'],
            ['tab-quality', 'quality-page'],
            ['tab-settings', 'settings-editor'],
        ] as const) {
            await page.locator(`[data-test="${tab}"]`).click()
            await page.locator(`[data-test="${ready}"]`).waitFor({ timeout: 30_000 })
            await page.waitForTimeout(200)
            await shoot(page, `${size.name}-${lang}-${tab.slice(4)}`)
            expect(await inspect(page, lang), tab).toEqual({ layout: [], english: [] })
        }
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})

describe('a program manager walks the app', () => {
    let browser: BrowserContext
    beforeAll(async () => {
        browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    })
    afterAll(async () => {
        await browser?.close()
    })

    it.each(LANGS)(
        'in %s: tips, table, downloads, drill to the facility, alerts, data quality, mapping',
        async (lang) => {
            await setUiLocale(demoUrl, USER, lang)
            const { page, errors } = await open(browser)
            const step = async (name: string) => {
                await page.waitForTimeout(200)
                await shoot(page, `walk-${lang}-${name}`)
                expect(await inspect(page, lang), name).toEqual({ layout: [], english: [] })
            }
            await chartsDrawn(page)
            const card = cards(page).first()

            // How to interpret
            await card.locator('[data-test="pair-tips-button"]').click()
            await page.locator('[data-test="pair-tips"]').waitFor()
            await step('tips')
            await page.keyboard.press('Escape')
            await page.mouse.click(2, 2)

            // The table, the accessible alternative
            await card.locator('[data-test="pair-table-toggle"]').click()
            await expect
                .poll(() => card.locator('[data-test="pair-table"] tbody tr').count())
                .toBeGreaterThan(3)
            await step('table')
            await card.locator('[data-test="pair-table-toggle"]').click()
            await card.locator('[data-test="chart-lmis"] .highcharts-root').waitFor()

            // The Download menu opens, and Escape closes it
            await card.locator('[data-test="pair-download"]').click()
            await page.locator('[data-test="pair-download-csv"]').waitFor()
            await step('download-menu')
            await page.keyboard.press('Escape')
            await expect.poll(() => page.locator('[data-test="pair-download-csv"]').count()).toBe(0)

            // A month across the regions, then a region's districts, then a district's facilities
            await clickChartPoint(
                page,
                card
                    .locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point')
                    .nth(3),
                page.locator('[data-test="drill-breadcrumbs"]')
            )
            await expect.poll(() => page.url()).toContain('dpe=')
            await chartsDrawn(page)
            await step('drill-regions')
            for (const level of ['districts', 'facilities']) {
                const before = page.url()
                await clickChartPoint(
                    page,
                    card.locator('[data-test="chart-hmis"] .highcharts-point').first()
                )
                await expect.poll(() => page.url(), { timeout: 30_000 }).not.toBe(before)
                await expect.poll(() => page.url()).toMatch(/dpath=/)
                await chartsDrawn(page)
                await step(`drill-${level}`)
            }

            // A facility chosen as the org unit: a click on a month shows that month, without an error
            const facility = await page.evaluate(async () => {
                const response = await fetch(
                    '/api/organisationUnits?filter=level:eq:4&fields=id,name&pageSize=1',
                    { headers: { Accept: 'application/json' } }
                )
                const body = (await response.json()) as { organisationUnits: { id: string }[] }
                return body.organisationUnits[0]?.id ?? ''
            })
            await page.goto(`${demoUrl}/api/apps/triangulate/index.html#/view?ou=${facility}`)
            await chartsDrawn(page)
            await clickChartPoint(
                page,
                cards(page)
                    .first()
                    .locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point')
                    .nth(3)
            )
            await page.waitForTimeout(1000)
            expect(await page.locator('body').innerText()).not.toMatch(/E7\d{3}/)
            await step('facility-month')

            // The org unit tree: a facility found by typing part of its name
            const facilityName = await page.evaluate(async (id) => {
                const response = await fetch(`/api/organisationUnits/${id}?fields=name`, {
                    headers: { Accept: 'application/json' },
                })
                return ((await response.json()) as { name: string }).name
            }, facility)
            await page.locator('[data-test="tab-view"]').click()
            await page.goto(`${demoUrl}/api/apps/triangulate/index.html#/view`)
            await chartsDrawn(page)
            await page.locator('[data-test="orgunit-picker-button"]').click()
            const picker = page.locator('[data-test="orgunit-picker"]')
            await picker
                .locator('[data-test="orgunit-search"] input')
                .fill(facilityName.slice(0, 12))
            await picker
                .locator('[data-test="orgunit-search-result"]')
                .first()
                .waitFor({ timeout: 30_000 })
            await step('tree-search')
            await picker
                .locator('[data-test="orgunit-search-result"]', { hasText: facilityName })
                .first()
                .click()
            await expect.poll(() => page.url()).toContain(`ou=${facility}`)
            await chartsDrawn(page)
            await step('searched-facility')

            // Alerts: a scan down to the facilities (the small test country's district totals
            // rarely hold a finding), its ranked list
            await page.locator('[data-test="tab-alerts"]').click()
            await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
            await addScanLevel(page, 'Facility')
            await page.locator('[data-test="alerts-run"]').click()
            await page.locator('[data-test="alert-item"]').first().waitFor({ timeout: 90_000 })
            await step('alerts')

            // Data quality, from the scan
            await page.locator('[data-test="tab-quality"]').click()
            await page.locator('[data-test="quality-row"]').first().waitFor({ timeout: 30_000 })
            await step('quality')

            // The mapping editor
            await page.locator('[data-test="tab-settings"]').click()
            await page.locator('[data-test="settings-editor"]').waitFor({ timeout: 30_000 })
            await page.locator('[data-test="settings-pair-row"]').first().click()
            await step('mapping')

            expect(errors, errors.join('\n')).toEqual([])
            await page.close()
        }
    )
})

describe('the dashboard plugin at the sizes dashboards give', () => {
    const ITEMS = [
        { id: 'journeyLarge', width: 1100, height: 620 },
        { id: 'journeyWide', width: 940, height: 560 },
        { id: 'journeySmall', width: 600, height: 400 },
        { id: 'journeyTall', width: 420, height: 700 },
    ]
    it.each(LANGS)('in %s', async (lang) => {
        await setUiLocale(demoUrl, USER, lang)
        const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
        try {
            const { page, errors } = await openHost(browser, demoUrl, ITEMS, USER)
            for (const item of ITEMS) {
                const handle = await page
                    .locator(`[data-test="dashboard-item-${item.id}"] iframe`)
                    .elementHandle()
                const frame = await handle?.contentFrame()
                if (!frame) throw new Error(`item ${item.id} has no frame`)
                const picker = frame.locator('[data-test="item-picker-save"]')
                const chart = frame.locator('[data-test="chart-lmis"] .highcharts-root').first()
                await Promise.race([
                    picker.waitFor({ timeout: 30_000 }),
                    chart.waitFor({ timeout: 30_000 }),
                ])
                if (await picker.count()) {
                    expect(await untranslated(frame, checksFor(lang))).toEqual([])
                    await picker.click()
                }
                await chartsDrawn(frame)
                await frame.locator('body').screenshot({
                    path: path.join(ARTIFACTS, `plugin-${lang}-${item.width}x${item.height}.png`),
                })
                expect(await inspect(frame, lang), `${item.width}×${item.height}`).toEqual({
                    layout: [],
                    english: [],
                })
            }
            expect(errors, errors.join('\n')).toEqual([])
        } finally {
            await browser.close()
        }
    })
})
