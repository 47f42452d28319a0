import type { BrowserContext, Page } from 'playwright-core'
import { collectErrors, logIn } from './page'

/** A logged-in page on the installed app, counting the analytics requests it makes. */
export const openApp = async (
    browser: BrowserContext,
    demoUrl: string,
    user: { username: string; password: string },
    hash = ''
): Promise<{ page: Page; errors: string[]; analytics: () => number }> => {
    const page = await browser.newPage()
    const errors = collectErrors(page)
    let analytics = 0
    page.on('request', (request) => {
        if (/\/api\/(\d+\/)?analytics/.test(request.url())) analytics++
    })
    await page.goto(`${demoUrl}/api/apps/triangulate/index.html${hash}`)
    if (page.url().includes('login')) {
        await logIn(page, user.username, user.password)
        await page.waitForURL((url) => url.pathname.startsWith('/api/apps/triangulate/'))
        // The login redirect does not carry the URL's fragment (it never reaches the server)
        if (hash) await page.goto(`${demoUrl}/api/apps/triangulate/index.html${hash}`)
    }
    return { page, errors, analytics: () => analytics }
}

/** GET through the browser's session (as the app would), returning status and JSON body. */
export const apiGet = (page: Page, path: string): Promise<{ status: number; body: unknown }> =>
    page.evaluate(async (url) => {
        const response = await fetch(url, { headers: { Accept: 'application/json' } })
        return { status: response.status, body: await response.json().catch(() => null) }
    }, path)

/**
 * Opens `url` as a shared link is opened: a fresh page load. (`goto` to another hash of the open
 * app is only a hash change, and a reload after it races the app, which may already have
 * rewritten the URL.)
 */
export const openLink = async (page: Page, url: string): Promise<void> => {
    await page.goto('about:blank')
    await page.goto(url)
}
