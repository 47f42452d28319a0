/**
 * Facility matching as an admin does it: the demo's LMIS facility list imported as CSV, matched to
 * the DHIS2 facilities (in a Web Worker of the built app), one uncertain case reviewed, the mapping
 * saved to the dataStore and exported as CSV.
 */
import { readFileSync } from 'node:fs'
import { inject } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ADMIN, basicAuth } from './support/demo-process'
import { screenshot } from './support/page'
import { openApp } from './support/session'

const demoUrl = inject('demoUrl')
const headers = { Authorization: basicAuth(ADMIN.username, ADMIN.password) }
const MAPPING_URL = `${demoUrl}/api/dataStore/triangulate/facility-mapping`
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
})
afterAll(async () => {
    await fetch(MAPPING_URL, { method: 'DELETE', headers })
    await browser?.close()
})

describe('facility matching', () => {
    it('imports the LMIS list, matches, reviews one case, saves and exports', async () => {
        const csv = await (await fetch(`${demoUrl}/lmis/facilities.csv`, { headers })).text()
        const rows = csv.trim().split(/\r?\n/).length - 1
        expect(rows).toBeGreaterThan(300)

        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/facilities')
        let workers = 0
        page.on('worker', () => workers++)
        await page.locator('[data-test="facilities-page"]').waitFor({ timeout: 30_000 })
        await page.locator('[data-test="facility-file"] input[type="file"]').setInputFiles({
            name: 'lmis-facilities.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv),
        })
        // The columns of the eLMIS export are recognised from the header
        await expect
            .poll(() => page.locator('[data-test="facility-column-district"]').innerText())
            .toContain('District')
        await page.locator('[data-test="facility-read"]').click()
        await page.getByText(`${rows} LMIS facilities read.`).waitFor()
        await page.locator('[data-test="facility-match"]').click()
        const summary = page.locator('[data-test="facility-summary"]')
        await summary.waitFor({ timeout: 60_000 })
        const [matched = 0, total = 0, open = 0] = (
            (await summary.innerText()).match(/\d+/g) ?? []
        ).map(Number)
        expect(total).toBe(rows)
        expect(matched).toBeGreaterThan(0.85 * rows)
        expect(open).toBeGreaterThan(0)
        expect(workers).toBe(1)
        await screenshot(page, 'facilities-review')

        // Review the first uncertain case: choose its first candidate
        const first = page.locator('[data-test="facility-review-row"]').first()
        const lmisName = (await first.locator('td').first().innerText()).split('\n')[0] ?? ''
        await first.locator('[data-test="facility-choose"]').first().click()
        await expect
            .poll(async () => (await summary.innerText()).match(/\d+/g)?.map(Number))
            .toEqual(expect.arrayContaining([matched + 1, total, open - 1]))
        await page.locator('[data-test="facility-filter-matched"]').click()
        await page.locator('[data-test="facility-search"] input').fill(lmisName.slice(0, 40))
        const reviewed = page
            .locator('[data-test="facility-review-row"]')
            .filter({ hasText: 'reviewed' })
        await reviewed.first().waitFor()
        await screenshot(page, 'facilities-reviewed')

        // Save: the mapping in the dataStore, with its revision
        await page.locator('[data-test="facility-save"]').click()
        await page.locator('[data-test="facility-saved"]').waitFor({ timeout: 30_000 })
        const stored = (await (await fetch(MAPPING_URL, { headers })).json()) as {
            entries: Array<{ lmisName: string; lmisCode: string; how: string; dhisId: string }>
            revision?: { id: string }
            dhisFacilityIds: string[]
        }
        expect(stored.revision?.id).toBeTruthy()
        expect(stored.entries).toHaveLength(matched + 1)
        expect(stored.entries.filter((e) => e.how === 'reviewed').map((e) => e.lmisName)).toEqual([
            lmisName,
        ])
        expect(stored.dhisFacilityIds).toHaveLength(400)

        // The LMIS codes written to DHIS2 as an org unit attribute: a dry run, then the write
        await page.locator('[data-test="facility-attribute"]').click()
        await page
            .locator('[data-test="dhis2-uicore-singleselectoption"]')
            .getByText('LMIS facility code', { exact: true })
            .click()
        await page.locator('[data-test="facility-attribute-check"]').click()
        const report = page.locator('[data-test="facility-import-report"]')
        await report.getByText('Dry run passed, nothing written yet').waitFor({ timeout: 30_000 })
        // Facilities without an LMIS code, or sharing one, are not written
        const uses = new Map<string, number>()
        for (const e of stored.entries) {
            if (e.lmisCode) uses.set(e.lmisCode, (uses.get(e.lmisCode) ?? 0) + 1)
        }
        const writable = stored.entries.filter((e) => e.lmisCode && uses.get(e.lmisCode) === 1)
        expect(await report.innerText()).toContain(
            `${writable.length} org units updated, 0 ignored, of ${writable.length}.`
        )
        const someone = writable[0]
        const attributeOf = async () =>
            (await (
                await fetch(
                    `${demoUrl}/api/organisationUnits/${someone?.dhisId}?fields=attributeValues[value]`,
                    {
                        headers,
                    }
                )
            ).json()) as { attributeValues: Array<{ value: string }> }
        expect((await attributeOf()).attributeValues).toEqual([])
        await screenshot(page, 'facilities-dry-run')
        await page
            .locator('[data-test="facility-attribute-write"]')
            .screenshot({ path: 'test/.artifacts/facilities-dry-run-report.png' })
        await page.locator('[data-test="facility-attribute-commit"]').click()
        await report.getByText('Written to DHIS2').waitFor({ timeout: 30_000 })
        expect((await attributeOf()).attributeValues).toHaveLength(1)

        // Export: the CSV for the integration layer
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('[data-test="facility-export"]').click(),
        ])
        const exported = readFileSync(await download.path(), 'utf8')
            .trim()
            .split(/\r?\n/)
        expect(exported[0]).toBe('dhis2_uid,dhis2_code,dhis2_path,lmis_code,lmis_name,matched_by')
        expect(exported).toHaveLength(matched + 2)
        expect(exported.some((line) => line.endsWith(',reviewed'))).toBe(true)

        // The data quality page lists what the review left unmatched
        await page.locator('[data-test="tab-quality"]').click()
        const gaps = page.locator('[data-test="quality-facility-gaps"]')
        await gaps.locator('[data-test="gaps-unmatched-lmis"]').waitFor({ timeout: 30_000 })
        expect(await gaps.locator('[data-test="gaps-unmatched-lmis"] summary').innerText()).toBe(
            `LMIS facilities not matched (${total - matched - 1})`
        )
        expect(await gaps.locator('[data-test="gaps-opened"] summary').innerText()).toBe(
            'Facilities opened since the review (0)'
        )
        await gaps.locator('[data-test="gaps-unmatched-lmis"] summary').click()
        await screenshot(page, 'facilities-quality-gaps')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })

    it('refuses a broken file, naming the row and column, and keeps nothing', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ADMIN, '#/facilities')
        const broken =
            'Facility Code,Facility Name,Latitude,Longitude\nA1,Kibaoni Dispensary,-6.1,30\nA2,Mwanzi HC,north,30\n'
        await page.locator('[data-test="facility-file"] input[type="file"]').setInputFiles({
            name: 'broken.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(broken),
        })
        await page.locator('[data-test="facility-read"]').click()
        const problems = page.locator('[data-test="facility-problems"]')
        await problems.waitFor()
        expect(await problems.innerText()).toContain(
            'Row 3, column "Latitude" holds "north", which is not a number.'
        )
        expect(await page.locator('[data-test="facility-match"]').count()).toBe(0)
        await screenshot(page, 'facilities-broken-file')
        expect(errors, errors.join('\n')).toEqual([])
        await page.close()
    })
})
