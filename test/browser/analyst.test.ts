import { inject } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from './support/chromium'
import { ANALYST } from './support/demo-process'
import { screenshot } from './support/page'
import { apiGet, openApp, openLink } from './support/session'

const demoUrl = inject('demoUrl')
let browser: BrowserContext

beforeAll(async () => {
    browser = await launchChromium()
})
afterAll(async () => {
    await browser?.close()
})

describe('a user limited to one region', () => {
    it('sees their region, and DHIS2 refuses analytics for another one with 409', async () => {
        const { page, errors } = await openApp(browser, demoUrl, ANALYST)
        const me = (await apiGet(page, '/api/me?fields=dataViewOrganisationUnits[id,displayName]'))
            .body as {
            dataViewOrganisationUnits: { id: string; displayName: string }[]
        }
        const own = me.dataViewOrganisationUnits[0]
        expect(own).toBeDefined()
        await expect
            .poll(() => page.locator('[data-test="orgunit-picker-button"]').textContent(), {
                timeout: 30_000,
            })
            .toContain(own?.displayName)

        const regions = (
            await apiGet(page, '/api/organisationUnits?level=2&fields=id&paging=false')
        ).body as {
            organisationUnits: { id: string }[]
        }
        const other = regions.organisationUnits.find((ou) => ou.id !== own?.id)
        const refused = await apiGet(
            page,
            `/api/analytics?dimension=dx:${await anyDataElement(page)}&dimension=pe:LAST_12_MONTHS&dimension=ou:${other?.id}`
        )
        expect(refused.status).toBe(409)
        expect(refused.body).toMatchObject({
            httpStatusCode: 409,
            status: 'ERROR',
            errorCode: 'E7120',
        })

        // The app itself, given that region by a shared link, shows the user's own region instead
        // and says why (no server error, no other region in the selector)
        await openLink(page, `${demoUrl}/api/apps/triangulate/index.html#/view?ou=${other?.id}`)
        const notice = page.locator('[data-test="ou-fallback-notice"]')
        await notice.waitFor({ timeout: 30_000 })
        expect(await notice.textContent()).toContain(`Showing ${own?.displayName} instead`)
        await expect
            .poll(() => page.locator('[data-test="orgunit-picker-button"]').textContent(), {
                timeout: 30_000,
            })
            .toContain(own?.displayName)
        await page
            .locator('[data-test^="pair-card-"] [data-test="chart-hmis"] .highcharts-root')
            .first()
            .waitFor({ timeout: 30_000 })
        expect(await page.locator('[data-test^="error-"]').count()).toBe(0)
        expect(page.url()).not.toContain(`ou=${other?.id}`)
        await screenshot(page, 'analyst-link-outside-fallback')
        expect(errors.filter((e) => !e.includes('409'))).toEqual([])
        await page.close()
    })
})

const anyDataElement = async (page: import('playwright-core').Page): Promise<string> => {
    const { body } = await apiGet(page, '/api/dataElements?fields=id&pageSize=1')
    return (body as { dataElements: { id: string }[] }).dataElements[0]?.id ?? ''
}
