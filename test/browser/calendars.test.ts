import { inject } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import {
    ethiopianPeriod,
    ethiopianPeriodIdContaining,
    ethiopianTodayOf,
} from '../../src/domain/periods/ethiopian-periods'
import { addScanLevel } from './support/alerts'
import { launchChromium } from './support/chromium'
import { ADMIN, installApp, startDemoProcess, type DemoProcess } from './support/demo-process'
import { clickChartPoint, screenshot } from './support/page'
import { openApp } from './support/session'

/**
 * The app on DHIS2 instances of every calendar DHIS2 offers: an Ethiopian-calendar country (a demo
 * DHIS2 started with `--calendar ethiopian`, its periods computed by the app itself), and, on the
 * shared Gregorian demo with `system/info` answering another calendar, the calendars of the
 * period library (Nepali, Islamic, Persian, Thai), the Julian one (computed by the app) and the
 * one the app cannot compute (Coptic).
 */
const demoUrl = inject('demoUrl')
let browser: BrowserContext
let ethiopian: DemoProcess

/** The app's zip the global setup built */
const appZip = (): string => {
    const dir = path.resolve('build/bundle')
    const zip = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.zip')) : undefined
    if (!zip) throw new Error('No app zip in build/bundle')
    return path.join(dir, zip)
}

beforeAll(async () => {
    // page.route fakes the server: without the service worker, which Playwright cannot route
    browser = await launchChromium({ serviceWorkers: 'block' })
    ethiopian = await startDemoProcess({ facilities: 200, args: ['--calendar', 'ethiopian'] })
    const zip = appZip()
    await installApp(ethiopian.url, zip, readFileSync(zip))
})
afterAll(async () => {
    await browser?.close()
    await ethiopian?.stop()
})

const firstCard = (page: Page) => page.locator('[data-test^="pair-card-"]').first()
const chartsDrawn = async (page: Page) => {
    await firstCard(page)
        .locator('[data-test="chart-hmis"] .highcharts-root')
        .waitFor({ timeout: 60_000 })
    await firstCard(page)
        .locator('[data-test="chart-lmis"] .highcharts-root')
        .waitFor({ timeout: 60_000 })
}

/** The JavaScript the page loaded, by URL */
const collectScripts = (page: Page): Map<string, Promise<string>> => {
    const scripts = new Map<string, Promise<string>>()
    page.on('response', (response) => {
        if (/\.m?js(\?|$)/.test(response.url())) {
            scripts.set(
                response.url(),
                response.text().catch(() => '')
            )
        }
    })
    return scripts
}
const loaded = async (scripts: Map<string, Promise<string>>, marker: string): Promise<boolean> =>
    (await Promise.all(scripts.values())).some((text) => text.includes(marker))

/** Text only the app's Ethiopian chunk has (Pagume in Amharic), and only the period library has */
const ETHIOPIAN_CHUNK = 'ጳጉሜን'
const TEMPORAL_POLYFILL = 'islamic-umalqura'

/** The Ethiopian months of LAST_12_MONTHS today, as DHIS2 counts them (one ISO month back) */
const last12EthiopianMonths = (): string[] => {
    const now = new Date()
    const iso = (d: Date) => d.toISOString().slice(0, 10)
    const back = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    const day = Math.min(
        now.getUTCDate(),
        new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate()
    )
    back.setUTCDate(day)
    let anchor = ethiopianTodayOf(iso(back))
    if (anchor.slice(5, 7) === '13') anchor = `${anchor.slice(0, 4)}-12-30`
    const last = ethiopianPeriodIdContaining(anchor, 'MONTHLY') as string
    const year = Number(last.slice(0, 4))
    const month = Number(last.slice(4))
    return Array.from({ length: 12 }, (_, i) => {
        const index = year * 12 + month - 1 - (11 - i)
        return ethiopianPeriod('MONTHLY', Math.floor(index / 12), (index % 12) + 1).id
    })
}

describe('an Ethiopian-calendar DHIS2', () => {
    it('shows the last 12 Ethiopian months, named in the Ethiopian calendar, without the period library', async () => {
        const { page: app, errors } = await openApp(browser, ethiopian.url, ADMIN)
        const appScripts = collectScripts(app)
        const requested: string[] = []
        app.on('request', (request) => {
            const url = decodeURIComponent(request.url())
            // app-runtime joins the dimensions with commas: dimension=dx:…,pe:…,ou:…
            const match = /[=,]pe:([^,&]+)/.exec(url)
            if (/\/analytics/.test(url) && match) requested.push(match[1] as string)
        })
        await app.reload()
        await chartsDrawn(app)
        await app.waitForLoadState('networkidle')
        expect(await app.locator('[data-test="calendar-unsupported"]').count()).toBe(0)

        // The periods asked for are the Ethiopian months DHIS2 calls LAST_12_MONTHS
        const expected = last12EthiopianMonths()
        expect(requested.length).toBeGreaterThan(0)
        const asked = (requested[0] as string).split(';')
        expect(asked.filter((id) => /^\d{6}$/.test(id))).toEqual(expected)
        // and the quarters that cover them (for quarterly LMIS reports)
        expect(asked.filter((id) => id.includes('Q'))).toEqual([
            ...new Set(
                expected.map((id) => `${id.slice(0, 4)}Q${Math.ceil(Number(id.slice(4)) / 3)}`)
            ),
        ])

        // The x axis names Ethiopian months (transliterated for an English user)
        const axis = await firstCard(app)
            .locator('[data-test="chart-hmis"] .highcharts-xaxis-labels')
            .textContent()
        const lastName = ethiopianPeriod(
            'MONTHLY',
            Number(expected[11]?.slice(0, 4)),
            Number(expected[11]?.slice(4)),
            'en'
        ).displayName.split(' ')[0] as string
        expect(axis).toContain(lastName)
        expect(axis).not.toMatch(
            /January|February|March|April|June|July|August|September|October|November|December/
        )

        // Its periods come from the app's own Ethiopian code, not the Temporal-based library
        expect(await loaded(appScripts, ETHIOPIAN_CHUNK)).toBe(true)
        expect(await loaded(appScripts, TEMPORAL_POLYFILL)).toBe(false)
        await screenshot(app, 'calendar-ethiopian-view')
        expect(errors, errors.join('\n')).toEqual([])
        await app.close()
    })

    it('drills into an Ethiopian month, down the hierarchy', async () => {
        const { page, errors } = await openApp(browser, ethiopian.url, ADMIN)
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        const expected = last12EthiopianMonths()
        await clickChartPoint(
            page,
            firstCard(page)
                .locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point')
                .nth(3),
            page.locator('[data-test="drill-breadcrumbs"]')
        )
        await expect.poll(() => page.url()).toContain(`dpe=${expected[3]}`)
        const month = ethiopianPeriod(
            'MONTHLY',
            Number(expected[3]?.slice(0, 4)),
            Number(expected[3]?.slice(4)),
            'en'
        ).displayName
        await expect
            .poll(
                () =>
                    firstCard(page)
                        .locator('[data-test="chart-hmis"] .highcharts-title')
                        .textContent(),
                { timeout: 30_000 }
            )
            .toContain(month)
        await firstCard(page)
            .locator('[data-test="chart-hmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        await screenshot(page, 'calendar-ethiopian-drilled')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('runs the alerts on Ethiopian months and opens one drilled', async () => {
        const { page, errors } = await openApp(browser, ethiopian.url, ADMIN, '#/alerts')
        await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
        // The small country (200 facilities): scanned down to its facilities, and explored with
        // lower thresholds (recomputed from the same scan), as its district totals hold no finding
        await addScanLevel(page, 'Facility')
        await page.locator('[data-test="alerts-run"]').click()
        await page.locator('[data-test="alerts-threshold-zScore"] input').fill('2.5')
        await page.locator('[data-test="alerts-threshold-minDropPercent"] input').fill('30')
        const first = page.locator('[data-test="alert-item"]').first()
        await first.waitFor({ timeout: 90_000 })
        const text = (await first.textContent()) ?? ''
        expect(text.length).toBeGreaterThan(30)
        await screenshot(page, 'calendar-ethiopian-alerts')
        await first.locator('[data-test="alert-link"]').first().click()
        // (a month, or a quarter for a quarterly reporter's entry)
        await expect
            .poll(() => page.url(), { timeout: 30_000 })
            .toMatch(/#\/view\?.*dpe=\d{4}(\d{2}|Q[1-4])&/)
        const dpe = /dpe=(\d{4})/.exec(page.url())?.[1] as string
        // An Ethiopian period id: of an Ethiopian year (7–8 years behind the Gregorian)
        expect(Number(dpe.slice(0, 4))).toBeLessThan(new Date().getUTCFullYear() - 6)
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 30_000 })
        await screenshot(page, 'calendar-ethiopian-alert-drilled')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})

/** Opens the app on the shared Gregorian demo with `system/info` answering `calendar` */
const openWithCalendar = async (calendar: string) => {
    const opened = await openApp(browser, demoUrl, ADMIN)
    await opened.page.route(/\/api\/(\d+\/)?system\/info/, async (route) => {
        const response = await route.fetch()
        const info = (await response.json()) as Record<string, unknown>
        await route.fulfill({ response, json: { ...info, calendar } })
    })
    return opened
}

describe('the other calendars DHIS2 offers', () => {
    it('loads no calendar code on a Gregorian instance', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN)
        const scripts = collectScripts(page)
        await page.reload()
        await chartsDrawn(page)
        await page.waitForLoadState('networkidle')
        expect(await loaded(scripts, ETHIOPIAN_CHUNK)).toBe(false)
        expect(await loaded(scripts, TEMPORAL_POLYFILL)).toBe(false)
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    for (const calendar of ['nepali', 'islamic', 'persian', 'thai', 'iso8601', 'julian']) {
        it(`runs with the ${calendar} calendar`, async () => {
            const { page, errors } = await openWithCalendar(calendar)
            const scripts = collectScripts(page)
            await page.reload()
            await firstCard(page).waitFor({ timeout: 60_000 })
            await page.waitForLoadState('networkidle')
            expect(await page.locator('[data-test="calendar-unsupported"]').count()).toBe(0)
            expect(await page.locator('[data-test="calendar-error"]').count()).toBe(0)
            // The library is loaded for a calendar of its own, and only then
            expect(await loaded(scripts, TEMPORAL_POLYFILL)).toBe(
                !['iso8601', 'julian'].includes(calendar)
            )
            await screenshot(page, `calendar-${calendar}`)
            expect(errors, errors.join('\n')).toEqual([])
            await page.close()
        })
    }

    for (const [calendar, missing] of [['coptic', 'fails on the Coptic calendar']] as const) {
        it(`names what is missing for the ${calendar} calendar`, async () => {
            const { page, errors } = await openWithCalendar(calendar)
            await page.reload()
            const notice = page.locator('[data-test="calendar-unsupported"]')
            await notice.waitFor({ timeout: 60_000 })
            const text = (await notice.textContent()) ?? ''
            expect(text).toContain(`This DHIS2 uses the ${calendar} calendar.`)
            expect(text).toContain(missing)
            expect(await page.locator('[data-test^="pair-card-"]').count()).toBe(0)
            await screenshot(page, `calendar-${calendar}`)
            expect(errors, errors.join('\n')).toEqual([])
            await page.close()
        })
    }
})
