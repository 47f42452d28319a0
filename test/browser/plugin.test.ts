import { inject } from 'vitest'
import type { Frame, FrameLocator, Page } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, ANALYST, basicAuth } from './support/demo-process'
import { layoutProblems, setUiLocale, translationChecks, visibleLines } from './support/journey'
import { hostItem, openHost, type HostItem } from './support/host'
import { clickChartPoint, collectErrors, screenshot } from './support/page'

const demoUrl = inject('demoUrl')

const item = hostItem

const choosePair = async (frame: FrameLocator, pairName: string) => {
    await frame.locator('[data-test="item-picker"]').waitFor({ timeout: 30_000 })
    await frame
        .locator('[data-test="item-picker-pair"] [data-test="dhis2-uicore-select-input"]')
        .click()
    await frame
        .locator('[data-test="dhis2-uicore-singleselectoption"]', { hasText: pairName })
        .click()
    await frame.locator('[data-test="item-picker-save"]').click()
}

describe('the dashboard plugin', () => {
    it('is set up per item, remembers it, and draws each item at its size', async () => {
        const admin = await launchChromium()
        const items: HostItem[] = [
            { id: 'itemSmall', width: 420, height: 900 },
            { id: 'itemLarge', width: 1100, height: 620 },
        ]
        const first = await openHost(admin, demoUrl, items)
        await choosePair(item(first.page, 'itemSmall'), 'Misoprostol ↔ PPH cases')
        // The picker starts on the first pair of the first program area
        const largeItem = item(first.page, 'itemLarge')
        await largeItem.locator('[data-test="item-picker"]').waitFor({ timeout: 30_000 })
        await largeItem.locator('[data-test="item-picker-save"]').click()
        await item(first.page, 'itemSmall')
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        // Both saves done (saved, read back and shared) before the page goes
        await largeItem
            .locator('[data-test="chart-lmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        await first.page.close()

        // Reload: both items come back with their own pair, no picker
        const again = await openHost(admin, demoUrl, items)
        const small = item(again.page, 'itemSmall')
        const large = item(again.page, 'itemLarge')
        await small
            .locator(
                '[data-test="pair-card-misoprostol-pph"] [data-test="chart-lmis"] .highcharts-root'
            )
            .waitFor({ timeout: 30_000 })
        await large
            .locator(
                '[data-test="pair-card-oxytocin-deliveries"] [data-test="chart-lmis"] .highcharts-root'
            )
            .waitFor({ timeout: 30_000 })
        expect(await small.locator('[data-test="item-picker"]').count()).toBe(0)
        // A small item stacks the two charts; a large one puts them side by side
        const box = async (frame: FrameLocator, chart: string) =>
            (await frame.locator(`[data-test="${chart}"]`).first().boundingBox())!
        const [sh, sl, lh, ll] = [
            await box(small, 'chart-hmis'),
            await box(small, 'chart-lmis'),
            await box(large, 'chart-hmis'),
            await box(large, 'chart-lmis'),
        ]
        expect(sl.y).toBeGreaterThan(sh.y + sh.height / 2)
        expect(Math.abs(ll.y - lh.y)).toBeLessThan(5)
        expect(await large.locator('[data-test="open-in-app"]').getAttribute('href')).toContain(
            'pair=oxytocin-deliveries'
        )
        // The demo answers as 2.41.4: its dashboard renders plugins, and the item gives it the
        // "Open in app" link (setDashboardItemDetails: appUrl appended to the launch URL)
        const section = again.page.locator('[data-test="dashboard-item-itemLarge"]')
        expect(await section.getAttribute('data-mode')).toBe('plugin')
        await expect
            .poll(async () => JSON.parse((await section.getAttribute('data-details')) || '{}'))
            .toMatchObject({ appUrl: expect.stringContaining('#/view?') })
        expect(JSON.parse((await section.getAttribute('data-details')) ?? '{}').appUrl).toContain(
            'pair=oxytocin-deliveries'
        )
        // The item's settings were shared as the app shares its entries: DHIS2 refuses others
        const meta = await again.page.evaluate(async () => {
            const response = await fetch(
                '/api/dataStore/triangulate/dashboard-item-itemLarge/metaData'
            )
            return (await response.json()) as { sharing: { public: string; userGroups: object } }
        })
        expect(meta.sharing.public).toBe('r-------')
        expect(Object.keys(meta.sharing.userGroups)).toHaveLength(1)
        // Drill-down works inside the item
        await clickChartPoint(
            again.page,
            large.locator('[data-test="chart-hmis"] .highcharts-series-0 .highcharts-point').nth(2),
            large.locator('[data-test="drill-breadcrumbs"]')
        )
        // Both charts of the item drilled (in place, by the drilldown module)
        for (const chart of ['chart-hmis', 'chart-lmis']) {
            await expect
                .poll(() => large.locator(`[data-test="${chart}"] .highcharts-title`).textContent())
                .toMatch(/ in /)
            expect(await large.locator(`[data-test="${chart}"] .highcharts-root`).count()).toBe(1)
        }
        await again.page.waitForTimeout(500) // the module's animation
        await screenshot(again.page, 'plugin-items')
        expect(again.errors).toEqual([])
        await again.page.close()
        await admin.close()
    })

    it('shows a viewer without rights the set-up items and no picker', async () => {
        const analyst = await launchChromium()
        const { page, errors } = await openHost(
            analyst,
            demoUrl,
            [
                { id: 'itemSmall', width: 600, height: 800 },
                { id: 'itemNotSetUp', width: 400, height: 300 },
            ],
            ANALYST
        )
        await item(page, 'itemNotSetUp')
            .locator('[data-test="item-not-set-up"]')
            .waitFor({ timeout: 30_000 })
        expect(await item(page, 'itemNotSetUp').locator('[data-test="item-picker"]').count()).toBe(
            0
        )
        await item(page, 'itemSmall')
            .locator('[data-test="chart-hmis"] .highcharts-root')
            .waitFor({ timeout: 30_000 })
        expect(await item(page, 'itemSmall').locator('[data-test="item-change"]').count()).toBe(0)
        // ...and the server refuses their change of the item's settings, not only the UI
        const status = await page.evaluate(async () => {
            const response = await fetch('/api/dataStore/triangulate/dashboard-item-itemSmall', {
                method: 'PUT',
                headers: {
                    'Content-Type': 'application/json',
                    'X-Requested-With': 'XMLHttpRequest',
                },
                body: JSON.stringify({ area: 'x', pair: 'y', pe: 'LAST_MONTH', grain: 'monthly' }),
            })
            return response.status
        })
        expect(status).toBe(403)
        // (the refused PUT is this test's own request, not the app's)
        errors.splice(
            0,
            errors.length,
            ...errors.filter((e) => !e.startsWith('HTTP 403 PUT') && !e.includes('403 (Forbidden)'))
        )
        await screenshot(page, 'plugin-analyst')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
        await analyst.close()
    })
})

describe('dashboard filters of every shape (DHIS2 resolves them; the item sums and says so)', () => {
    const auth = { Authorization: basicAuth(ADMIN.username, ADMIN.password) }
    const getJson = async <T>(pathAndQuery: string): Promise<T> =>
        (await (await fetch(`${demoUrl}/api/${pathAndQuery}`, { headers: auth })).json()) as T
    type Named = { id: string; displayName: string; level?: number }
    let district: Named
    let group: Named
    let dataTexts: string[] = []
    // A week of last year (ISO weekly: monthly data shows as the month covering it)
    const week = `${new Date().getFullYear() - 1}W10`

    beforeAll(async () => {
        const levels = await getJson<{ organisationUnitLevels: Named[] }>(
            'organisationUnitLevels?fields=id,displayName,level&paging=false'
        )
        district = levels.organisationUnitLevels.find((l) => l.level === 3) as Named
        const groups = await getJson<{ organisationUnitGroups: Named[] }>(
            'organisationUnitGroups?fields=id,displayName&paging=false'
        )
        group = groups.organisationUnitGroups[0] as Named
        expect(district && group).toBeTruthy()
        const names = (resource: string) =>
            fetch(`${demoUrl}/api/${resource}?fields=name&paging=false`, { headers: auth }).then(
                (r) => r.text()
            )
        dataTexts = await Promise.all(
            [
                'dataStore/triangulate/config',
                'organisationUnits',
                'organisationUnitLevels',
                'organisationUnitGroups',
            ].map((resource) =>
                resource.startsWith('dataStore')
                    ? fetch(`${demoUrl}/api/${resource}`, { headers: auth }).then((r) => r.text())
                    : names(resource)
            )
        )
    })

    afterAll(async () => {
        await setUiLocale(demoUrl, ADMIN, 'en')
    })

    /** The app strings shown in English in a translated item */
    const untranslatedLines = async (frame: Frame, checks: ReturnType<typeof translationChecks>) =>
        (await visibleLines(frame)).flatMap((line) =>
            checks.filter((check) => check.test(line)).map((check) => `${check.english} in ${line}`)
        )

    /** Picker saved when shown, then both charts drawn with data */
    const shown = async (frame: Frame) => {
        const picker = frame.locator('[data-test="item-picker-save"]')
        const chart = frame.locator('[data-test="chart-lmis"] .highcharts-root').first()
        await Promise.race([
            picker.waitFor({ timeout: 45_000 }),
            chart.waitFor({ timeout: 45_000 }),
        ])
        if (await picker.count()) await picker.click()
        for (const kind of ['chart-hmis', 'chart-lmis']) {
            await frame
                .locator(`[data-test="${kind}"] .highcharts-series-0 .highcharts-point`)
                .first()
                .waitFor({ timeout: 45_000 })
        }
        await frame.locator('[data-test="item-combined-ou"]').waitFor({ timeout: 30_000 })
        await frame.waitForTimeout(300)
    }

    const frameOf = async (page: Page, id: string): Promise<Frame> => {
        const handle = await page
            .locator(`[data-test="dashboard-item-${id}"] iframe`)
            .elementHandle({ timeout: 30_000 })
        const frame = await handle?.contentFrame()
        if (!frame) throw new Error(`item ${id} has no frame`)
        return frame
    }

    it.each(['en', 'fr'] as const)('in %s, at 600×400', async (lang) => {
        await setUiLocale(demoUrl, ADMIN, lang)
        const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
        const items: HostItem[] = [
            {
                id: `subUnitsWeek${lang}`,
                width: 600,
                height: 400,
                filters: {
                    ou: [{ id: 'USER_ORGUNIT_CHILDREN' }, { id: `LEVEL-${district.id}` }],
                    pe: [{ id: week }],
                },
            },
            {
                id: `groupFinancial${lang}`,
                width: 600,
                height: 400,
                filters: {
                    ou: [{ id: `OU_GROUP-${group.id}` }],
                    pe: [{ id: 'LAST_FINANCIAL_YEAR' }],
                },
            },
        ]
        const { page, errors } = await openHost(browser, demoUrl, items)
        const checks = lang === 'en' ? [] : translationChecks(lang, dataTexts)
        const results: Record<string, { ou: string; pe: string; href: string | null }> = {}
        for (const hostItem of items) {
            const frame = await frameOf(page, hostItem.id)
            await shown(frame)
            await frame.locator('body').screenshot({
                path: `test/.artifacts/plugin-filters-${hostItem.id}.png`,
            })
            expect(await layoutProblems(frame), hostItem.id).toEqual([])
            // A dashboard item does not scroll: the card ends inside it
            const fit = await frame.evaluate(() => ({
                scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
                cardEnds: Array.from(document.querySelectorAll('[data-test^="pair-card-"]')).map(
                    (card) => Math.round(card.getBoundingClientRect().bottom)
                ),
                height: window.innerHeight,
            }))
            expect(fit.scrolls, hostItem.id).toBe(false)
            expect(
                fit.cardEnds.every((end) => end <= fit.height + 1),
                `${hostItem.id}: ${JSON.stringify(fit)}`
            ).toBe(true)
            expect(await untranslatedLines(frame, checks), hostItem.id).toEqual([])
            results[hostItem.id] = {
                ou: await frame.locator('[data-test="item-combined-ou"]').innerText(),
                pe: await frame.locator('[data-test="item-period-aligned"]').innerText(),
                href: await frame.locator('[data-test="open-in-app"]').getAttribute('href'),
            }
            // No notice of a filter not applied: every shape is DHIS2's to resolve
            expect(await frame.locator('[data-test^="item-filter-ignored"]').count()).toBe(0)
            expect(await frame.locator('[data-test="item-period-failed"]').count()).toBe(0)
        }
        const subUnits = results[`subUnitsWeek${lang}`] as { ou: string; pe: string; href: string }
        const grouped = results[`groupFinancial${lang}`] as { ou: string; pe: string; href: string }
        // The line naming the filter and the org units DHIS2 summed (the districts, the members)
        expect(subUnits.ou).toContain(district.displayName)
        expect(subUnits.ou).toMatch(/\d+/)
        expect(grouped.ou).toContain(group.displayName)
        if (lang === 'en') {
            expect(subUnits.ou).toContain('User sub-units')
            expect(subUnits.ou).toMatch(/the sum of \d+ org units/)
            // The period in words: the week, and the month shown for it
            expect(subUnits.pe).toMatch(/Week 10|W10/)
            expect(subUnits.pe).toContain('March')
            expect(grouped.pe).toMatch(/financial year/i)
            expect(grouped.pe).toMatch(/October/)
        }
        // "Open in app" carries the months and the org units summed
        expect(subUnits.href).toContain('ous=USER_ORGUNIT_CHILDREN%2CLEVEL-')
        expect(grouped.href).toContain(`ous=OU_GROUP-${group.id}`)
        expect(grouped.href).toMatch(/pe=\d{6}_\d{6}/)
        await screenshot(page, `plugin-filters-${lang}`)
        if (lang === 'en') {
            // The app opened from the link shows the same sum and months
            const frame = await frameOf(page, `groupFinancial${lang}`)
            const app = await browser.newPage()
            const appErrors = collectErrors(app)
            await app.goto(new URL(grouped.href, frame.url()).toString())
            await app
                .locator('[data-test="chart-lmis"] .highcharts-series-0 .highcharts-point')
                .first()
                .waitFor({ timeout: 45_000 })
            const line = app.locator('[data-test="item-combined-ou"]')
            await line.waitFor({ timeout: 30_000 })
            expect(await line.innerText()).toContain(group.displayName)
            expect(await line.innerText()).toContain(`Org unit group “${group.displayName}”`)
            const periodSelect = app.locator('[data-test="period-select"]')
            expect(await periodSelect.innerText()).toMatch(/October \d{4} to September \d{4}/)
            await screenshot(app, 'plugin-filters-open-in-app')
            expect(appErrors).toEqual([])
            await app.close()
        }
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
        await browser.close()
    })
})
