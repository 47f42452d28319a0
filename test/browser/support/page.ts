import path from 'node:path'
import type { ConsoleMessage, Page } from 'playwright-core'

/** Console errors and uncaught exceptions of a page, for "no console errors" assertions. */
export const collectErrors = (page: Page): string[] => {
    const errors: string[] = []
    page.on('console', (message: ConsoleMessage) => {
        if (message.type() === 'error') {
            errors.push(message.text())
        }
    })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    page.on('response', (response) => {
        if (response.status() >= 400) {
            errors.push(
                `HTTP ${response.status()} ${response.request().method()} ${response.url()}`
            )
        }
    })
    return errors
}

/** Logs in through the demo DHIS2's login page, as a user would. */
export const logIn = async (page: Page, username: string, password: string): Promise<void> => {
    await page.getByLabel(/username/i).fill(username)
    await page.getByLabel(/password/i).fill(password)
    await page.getByRole('button', { name: /log in|sign in/i }).click()
}

export const screenshot = async (page: Page, name: string): Promise<string> => {
    const file = path.resolve('test/.artifacts', `${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
}

/**
 * Clicks where a chart point is drawn, moving the mouse there first as a user does, once: a click
 * right after a chart is drawn must drill (the app does not depend on Highcharts' hover state).
 * With `until`, waits for that element.
 */
export const clickChartPoint = async (
    page: Page,
    point: import('playwright-core').Locator,
    until?: import('playwright-core').Locator
): Promise<void> => {
    await point.scrollIntoViewIfNeeded()
    const box = await point.boundingBox()
    if (!box) throw new Error('The chart point is not drawn')
    const x = box.x + box.width / 2
    const y = box.y + Math.min(box.height / 2, 4)
    await page.mouse.move(x, y)
    await page.mouse.click(x, y)
    await until?.waitFor({ timeout: 15_000 })
}
