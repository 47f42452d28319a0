import type { Page } from 'playwright-core'

/**
 * Adds an org unit level to the alert scan (the Alerts page's "Org unit levels" field). The test
 * country is small: its districts' totals give few entries, its facilities more.
 */
export const addScanLevel = async (page: Page, levelName: string): Promise<void> => {
    await page
        .locator('[data-test="alerts-levels"] [data-test="dhis2-uicore-select-input"]')
        .click()
    await page
        .locator('[data-test="dhis2-uicore-checkbox"]', { hasText: levelName })
        .or(page.getByText(levelName, { exact: true }))
        .first()
        .click()
    await page.keyboard.press('Escape')
}
