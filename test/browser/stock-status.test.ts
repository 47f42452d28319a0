/**
 * Stock status as the user reads it, against values computed independently from the demo's raw
 * data: the same country generated here (same seed and size as the demo the tests start), its
 * facilities' stored values read directly (no analytics), and the definitions applied by hand.
 */
import { inject } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { generateCountry } from '../../demo/src/data/generate'
import type { DemoDb } from '../../demo/src/data/model'
import { launchChromium } from './support/chromium'
import { ADMIN } from './support/demo-process'
import { screenshot } from './support/page'
import { apiGet, openApp, openLink } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext
let db: DemoDb

beforeAll(async () => {
    browser = await launchChromium()
    // As the demo of the browser tests: 400 facilities, seed 42, data up to last month
    db = generateCountry({ facilities: 400, seed: 42 })
})
afterAll(async () => {
    await browser?.close()
})

interface LmisJson {
    consumption: string[]
    stockOnHand: string[]
    stockoutDays: string[]
    stockedOut: string[]
    dataSet: string[]
}

/** Whether a facility sent a data set's report for a period (complete registration). */
const reported = (dataSetId: string, facility: number, period: string): boolean => {
    const registrations = db.registrations.get(dataSetId)
    if (!registrations) throw new Error(`No registrations for ${dataSetId}`)
    const periods = db.periodsByType[registrations.periodType]
    const index = periods.findIndex((p) => p.id === period)
    return index >= 0 && registrations.registrations[facility * periods.length + index] !== 0
}

/** A data element's stored value at a facility and period; `null` where none is stored. */
const stored = (dataElementId: string, facility: number, period: string): number | null => {
    const series = [...db.series.values()].find((s) => s.dataElementId === dataElementId)
    if (!series) throw new Error(`No series for ${dataElementId}`)
    const periods = db.periodsByType[series.periodType]
    const index = periods.findIndex((p) => p.id === period)
    if (index < 0) return null
    const value = series.values[facility * periods.length + index] as number
    return Number.isNaN(value) ? null : value
}

const previousMonth = (month: string, steps: number): string => {
    const year = Number(month.slice(0, 4))
    const m = Number(month.slice(4, 6)) - 1 - steps
    const date = new Date(Date.UTC(year, m, 1))
    return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}
const quarterOf = (month: string) =>
    `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(4, 6)) - 1) / 3) + 1}`

/**
 * % stocked out and months of stock of the whole country for a month, by hand: facilities whose
 * stocked-out flag is 1 among those whose LMIS report is in; Σ closing balances ÷ Σ AMC.
 */
const expected = (lmis: LmisJson, month: string) => {
    const [flagM, flagQ] = lmis.stockedOut as [string, string]
    const [dsM, dsQ] = lmis.dataSet as [string, string]
    const [sohM, sohQ] = lmis.stockOnHand as [string, string]
    const [daysM, daysQ] = lmis.stockoutDays as [string, string]
    const [consM, consQ] = lmis.consumption as [string, string]
    const quarter = quarterOf(month)
    const window = [previousMonth(month, 2), previousMonth(month, 1), month]
    let reporting = 0
    let stockedOut = 0
    let soh = 0
    let amc = 0
    db.facilities.forEach((_, f) => {
        if (reported(dsM, f, month)) reporting += 1
        if (reported(dsQ, f, quarter)) reporting += 1
        stockedOut += (stored(flagM, f, month) ?? 0) + (stored(flagQ, f, quarter) ?? 0)
        // The flag is the LMIS's own: 1 when stockout days > 0 or the closing balance is 0
        const days = (stored(daysM, f, month) ?? 0) + (stored(daysQ, f, quarter) ?? 0)
        const sohValues = [stored(sohM, f, month), stored(sohQ, f, quarter)]
        const has = (values: (number | null)[]) => values.some((v) => v !== null)
        const closing = has(sohValues) ? sohValues.reduce<number>((s, v) => s + (v ?? 0), 0) : null
        if (closing !== null || days > 0) {
            const flag = (stored(flagM, f, month) ?? 0) + (stored(flagQ, f, quarter) ?? 0)
            expect(flag).toBe(closing === 0 || days > 0 ? 1 : 0)
        }
        // AMC: the mean of the months with consumption; a quarterly report counts as quarter ÷ 3
        const quarterly = stored(consQ, f, quarter)
        const months = window
            .map((m) => {
                const monthly = stored(consM, f, m)
                return monthly === null && quarterly === null
                    ? null
                    : (monthly ?? 0) + (quarterly ?? 0) / 3
            })
            .filter((v): v is number => v !== null)
        if (closing !== null && months.length > 0) {
            soh += closing
            amc += months.reduce((s, v) => s + v, 0) / months.length
        }
    })
    return { percent: (stockedOut / reporting) * 100, stockedOut, reporting, mos: soh / amc }
}

const card = (page: Page) => page.locator('[data-test="pair-card-oxytocin-deliveries"]')

/**
 * The maternal health view, monthly, once the oxytocin pair's stock status is shown: its period
 * (a month) and the pair's mapping as stored
 */
const openOxytocinStock = async () => {
    const { page, errors } = await openApp(
        browser,
        demoUrl,
        ADMIN,
        '#/view?area=maternal-health&grain=monthly'
    )
    await card(page).locator('[data-test="stock-stocked-out"]').waitFor({ timeout: 30_000 })
    const period = await card(page)
        .locator('[data-test="stock-status"]')
        .getAttribute('data-period')
    expect(period).toMatch(/^\d{6}$/)
    const config = await apiGet(page, '/api/dataStore/triangulate/config')
    const pair = (
        config.body as { programAreas: { pairs: { id: string; lmis: LmisJson }[] }[] }
    ).programAreas
        .flatMap((a) => a.pairs)
        .find((p) => p.id === 'oxytocin-deliveries')
    if (!pair) throw new Error('no oxytocin pair')
    return { page, errors, period: period as string, pair }
}

describe('stock status', () => {
    it('shows the national % stocked out and months of stock computed from the facilities’ own reports', async () => {
        const { page, errors, period, pair } = await openOxytocinStock()
        const stockedOut = card(page).locator('[data-test="stock-stocked-out"]')
        const want = expected(pair.lmis, period)
        const text = (await stockedOut.textContent()) ?? ''
        expect(text).toContain(`${want.percent.toFixed(1)}%`)
        expect(text).toContain(`(${want.stockedOut} of ${want.reporting} facilities)`)
        expect(await card(page).locator('[data-test="stock-mos"]').textContent()).toContain(
            want.mos.toFixed(1)
        )
        // The trend's own org unit: its losses, receipts and reports on time beside them
        for (const figure of ['losses', 'received', 'on-time']) {
            expect(await card(page).locator(`[data-test="figure-${figure}"]`).count()).toBe(1)
        }
        expect(await card(page).locator('[data-test="figure-trend-figures"]').count()).toBe(0)
        // Each figure has its definition in the "How to interpret" panel
        await card(page).locator('[data-test="pair-tips-button"]').click()
        const definitions =
            (await page.locator('[data-test="pair-definitions"]').textContent()) ?? ''
        for (const name of [
            'Facilities stocked out',
            'Months of stock',
            'Average monthly consumption',
        ]) {
            expect(definitions).toContain(name)
        }
        await page.mouse.click(2, 2)
        await screenshot(page, 'stock-status')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('counts a drilled district’s own facilities, never more than it has', async () => {
        const { page, errors, period, pair } = await openOxytocinStock()
        const status = card(page).locator('[data-test="stock-status"]')
        // A region, then its first district: the trend stays the country's
        const units = async (query: string) =>
            (
                (await apiGet(page, `/api/organisationUnits?${query}&fields=id,name&paging=false`))
                    .body as { organisationUnits: { id: string; name: string }[] }
            ).organisationUnits
        const [region] = await units('filter=level:eq:2')
        if (!region) throw new Error('no region')
        const [district] = await units(`filter=parent.id:eq:${region.id}`)
        if (!district) throw new Error('no district')
        const facilities = (await units(`filter=level:eq:4&filter=path:like:${district.id}`)).length
        // The district's facilities that sent the pair's LMIS report (monthly at the month,
        // quarterly at its quarter: a facility reports one or the other)
        const [dsM, dsQ] = pair.lmis.dataSet as [string, string]
        const reports = (
            await apiGet(
                page,
                `/api/analytics?dimension=dx:${dsM}.ACTUAL_REPORTS;${dsQ}.ACTUAL_REPORTS` +
                    `&dimension=pe:${period};${quarterOf(period)}&filter=ou:${district.id}&skipMeta=true`
            )
        ).body as { rows: string[][] }
        const reporting = reports.rows
            .filter(
                ([dx, pe]) =>
                    (dx === `${dsM}.ACTUAL_REPORTS` && pe === period) ||
                    (dx === `${dsQ}.ACTUAL_REPORTS` && pe === quarterOf(period))
            )
            .reduce((sum, row) => sum + Number(row[2]), 0)
        await openLink(
            page,
            `${demoUrl}/api/apps/triangulate/index.html#/view?area=maternal-health&dpe=${period}&dpath=${region.id},${district.id}`
        )
        await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain(district.name)
        const stockedOut = card(page).locator('[data-test="stock-stocked-out"]')
        await expect
            .poll(
                async () =>
                    /\(\d[\d,]* of \d[\d,]* facilities\)/.test(
                        (await stockedOut.textContent()) ?? ''
                    ),
                {
                    timeout: 30_000,
                }
            )
            .toBe(true)
        const text = (await stockedOut.textContent()) ?? ''
        const total = Number(/of (\d[\d,]*) facilities/.exec(text)?.[1]?.replace(/,/g, ''))
        expect(reporting).toBeGreaterThan(0)
        expect(total).toBe(reporting)
        expect(total).toBeLessThanOrEqual(facilities)
        // Losses, receipts, reports on time and consumption per case are the trend's (the
        // country's): not shown as the district's, the card says where to read them
        const figures = card(page).locator('[data-test^="figure-"]')
        await expect
            .poll(() => figures.evaluateAll((all) => all.map((f) => f.getAttribute('data-test'))))
            .not.toContain('figure-losses')
        const trendFigures = card(page).locator('[data-test="figure-trend-figures"]')
        expect(await trendFigures.textContent()).toContain(
            `Read from an org unit’s own trend – show the trend for ${district.name}`
        )
        await screenshot(page, 'stock-status-drilled-district')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('shows the latest partial quarter as incomplete, not as a drop', async () => {
        const { page, errors } = await openApp(
            browser,
            demoUrl,
            ADMIN,
            '#/view?area=maternal-health&grain=quarterly&pe=THIS_YEAR'
        )
        await card(page)
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        // This year's current quarter is not over: its reports are not all due or in
        const notes = card(page).locator('[data-test="incomplete-periods"]', {
            hasText: 'LMIS –',
        })
        await notes.first().waitFor()
        expect(await notes.first().textContent()).toMatch(
            /LMIS – .*incomplete \(\d[\d,]* of \d[\d,]* reports in\)/
        )
        // The band on the chart says so; the period has no column
        expect(
            await card(page)
                .locator('[data-test="chart-lmis"] .highcharts-plot-band-label')
                .last()
                .textContent()
        ).toBe('incomplete')
        // No column of the LMIS chart is less than half the median of the others (no false drop)
        const heights = await card(page)
            .locator('[data-test="chart-lmis"] .highcharts-series-0 rect.highcharts-point')
            .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height') ?? 0)))
        const drawn = heights.filter((h) => h > 0)
        const sorted = [...drawn].sort((a, b) => a - b)
        const median = sorted[Math.floor(sorted.length / 2)] ?? 0
        expect(drawn.every((h) => h > median / 2)).toBe(true)
        // A quarter of monthly stocked-out flags counts reports (a facility once per report), and
        // says so: never "of N facilities" with N above the facilities there are
        expect(await card(page).locator('[data-test="stock-stocked-out"]').textContent()).toMatch(
            /^\d[\d.]*% of reports with a stockout \(\d[\d,]* of \d[\d,]* LMIS reports\)$/
        )
        await screenshot(page, 'stock-incomplete-quarter')
        // The table marks the quarter's LMIS cells, and says why they are empty
        await card(page).locator('[data-test="pair-table-toggle"]').click()
        const lastRow = card(page).locator('[data-test="pair-table"] tbody tr').last()
        await lastRow.waitFor()
        expect(await lastRow.locator('td').allTextContents()).toContain('…')
        expect(await card(page).locator('[data-test="pair-table-incomplete"]').textContent()).toBe(
            '… Incomplete – reports not all in yet'
        )
        // A row is a quarter here: its estimates are not "a quarterly value divided by 3" but
        // the staggered groups' reports placed in the windows they cover
        const estimates = await card(page)
            .locator('[data-test="pair-table-estimates"]')
            .allTextContents()
        expect(estimates.length).toBeGreaterThan(0)
        expect(estimates.join(' ')).not.toContain('not a value reported for the month')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})
