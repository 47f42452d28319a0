import type { BrowserContext, FrameLocator, Page } from 'playwright-core'
import { ADMIN } from './demo-process'
import { collectErrors, logIn } from './page'

/** An item of the dashboard test host (`test/browser/plugin-host/host.tsx`) */
export interface HostItem {
    id: string
    width: number
    height: number
    filters?: Record<string, { id: string; path?: string; name?: string }[]>
}

/**
 * Opens the dashboard test host of the demo at `demoUrl` with `items`, logged in as `user`: it
 * embeds the app's plugin.html with the runtime's Plugin component, as the dashboard does.
 * `viewport`: the page's size before it opens (else the browser's).
 */
export const openHost = async (
    browser: BrowserContext,
    demoUrl: string,
    items: readonly HostItem[],
    user = ADMIN,
    viewport?: { width: number; height: number }
) => {
    const page = await browser.newPage()
    if (viewport) await page.setViewportSize(viewport)
    const errors = collectErrors(page)
    await page.goto(
        `${demoUrl}/api/apps/dashboard/index.html?items=${encodeURIComponent(JSON.stringify(items))}`
    )
    if (page.url().includes('login')) {
        await logIn(page, user.username, user.password)
        await page.waitForURL((url) => url.pathname.startsWith('/api/apps/dashboard/'))
    }
    return { page, errors }
}

/** The iframe of the host's item `id` */
export const hostItem = (page: Page, id: string): FrameLocator =>
    page.frameLocator(`[data-test="dashboard-item-${id}"] iframe`)
