/**
 * In-page measurements for the bench. Times are taken inside the page with `performance.now()`
 * (relative to the navigation's start), polled every animation frame, so that Playwright's
 * round trips are not part of the figures.
 */
import type { BrowserContext, Page, Request } from 'playwright-core'
import { ADMIN } from '../../test/browser/support/demo-process'
import { openApp } from '../../test/browser/support/session'

export const CARD = '[data-test^="pair-card-"]'
/**
 * A point of a card's HMIS chart (first series): a month of the trend, a child when drilled. Within
 * the series group: the legend's symbol has the same classes, and clicking it hides the series.
 */
export const POINT_IN_CARD =
    '[data-test="chart-hmis"] .highcharts-series-group .highcharts-series-0 .highcharts-point'

/**
 * Where a user clicks the first card's `index`-th point (`POINT_IN_CARD`), scrolled into view: its
 * middle, at most 4 px below its top (a column's top, a marker's middle), as the browser tests'
 * `clickChartPoint` does.
 */
export const firstCardPointTarget = async (
    page: Page,
    index: number
): Promise<{ x: number; y: number }> => {
    const point = page.locator(CARD).first().locator(POINT_IN_CARD).nth(index)
    await point.scrollIntoViewIfNeeded()
    const box = await point.boundingBox()
    if (!box) throw new Error('no point')
    return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 4) }
}

declare global {
    interface Window {
        __benchClickAt?: number
        __benchLongTasks?: [number, number][]
        __benchPairDrilledAt?: number
    }
}

/**
 * Instruments every document of the context: the time of the last click
 * (`window.__benchClickAt`), the main thread's long tasks (> 50 ms) and a resource timing buffer
 * large enough for a whole bench page.
 */
export const instrument = async (context: BrowserContext): Promise<void> => {
    await context.addInitScript(() => {
        window.addEventListener(
            'click',
            () => {
                window.__benchClickAt = performance.now()
            },
            true
        )
        performance.setResourceTimingBufferSize(5000)
        const longTasks: [number, number][] = []
        window.__benchLongTasks = longTasks
        try {
            new PerformanceObserver((list) => {
                for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration])
            }).observe({ type: 'longtask', buffered: true })
        } catch {
            // no long task timing in this browser
        }
    })
}

export interface Timeline {
    /** ms from `from` to `to` */
    totalMs: number
    /** Main-thread long tasks within the window, summed */
    longTasksMs: number
    /** Requests started within the window: path (query shortened), start and end from `from` */
    requests: { path: string; type: string; start: number; end: number }[]
}

/** Requests and long tasks of the page between two of its `performance.now()` times. */
export const timeline = (page: Page, from: number, to: number): Promise<Timeline> =>
    page.evaluate(
        ({ from, to }) => {
            const requests = performance
                .getEntriesByType('resource')
                .map((e) => e as PerformanceResourceTiming)
                .filter((e) => e.startTime >= from - 1 && e.startTime <= to)
                .map((e) => {
                    const url = new URL(e.name)
                    const path =
                        url.pathname + (url.search ? `?${url.search.length - 1} chars` : '')
                    return {
                        path,
                        type: e.initiatorType,
                        start: Math.round(e.startTime - from),
                        end: Math.round(e.responseEnd - from),
                    }
                })
            const longTasksMs = (window.__benchLongTasks ?? [])
                .filter(([start, duration]) => start + duration > from && start < to)
                .reduce(
                    (sum, [start, duration]) =>
                        sum + Math.min(to, start + duration) - Math.max(from, start),
                    0
                )
            return {
                totalMs: Math.round(to - from),
                longTasksMs: Math.round(longTasksMs),
                requests,
            }
        },
        { from, to }
    )

/**
 * Requests matching `pattern` in flight on a page, to wait until the page is quiet. A request cut
 * off by a navigation may never report its end: `reset()` forgets them (call it when the page
 * leaves the document), and requests older than `staleMs` are not waited for.
 */
export const trackInFlight = (page: Page, pattern: RegExp, staleMs = 10_000) => {
    const inFlight = new Map<Request, number>()
    let lastActivity = Date.now()
    page.on('request', (request) => {
        if (!pattern.test(request.url())) return
        inFlight.set(request, Date.now())
        lastActivity = Date.now()
    })
    const done = (request: Request) => {
        if (inFlight.delete(request)) lastActivity = Date.now()
    }
    page.on('requestfinished', done)
    page.on('requestfailed', done)
    const busy = () => {
        const now = Date.now()
        return [...inFlight.values()].some((since) => now - since < staleMs)
    }
    return {
        reset: () => inFlight.clear(),
        /**
         * Resolves when no request has been in flight for `quietMs`; after `timeoutMs`, resolves
         * anyway and says so.
         */
        settle: async (quietMs = 600, timeoutMs = 15_000): Promise<void> => {
            const deadline = Date.now() + timeoutMs
            while (Date.now() < deadline) {
                if (!busy() && Date.now() - lastActivity >= quietMs) return
                await new Promise((r) => setTimeout(r, 50))
            }
            console.warn(
                `[bench] still ${inFlight.size} request(s) in flight after ${timeoutMs} ms`
            )
        },
    }
}

/** Goes to `url` as a new document (through about:blank, so that a hash-only change reloads). */
export const gotoFresh = async (page: Page, url: string, onBlank?: () => void): Promise<void> => {
    await page.goto('about:blank')
    onBlank?.()
    await page.goto(url, { waitUntil: 'commit' })
}

const number = async (handle: { jsonValue: () => Promise<unknown> }): Promise<number> => {
    const value = await handle.jsonValue()
    if (typeof value !== 'number') throw new Error(`Expected a time, got ${String(value)}`)
    return value
}

/**
 * Waits until `expected` pair cards each have both charts drawn; returns the page's
 * `performance.now()` at that moment (ms since the navigation started).
 */
export const waitViewDrawn = async (page: Page, expected: number, timeout = 60_000) =>
    number(
        await page.waitForFunction(
            ({ expected, card }) => {
                const cards = document.querySelectorAll(card)
                if (cards.length < expected) return false
                for (const c of Array.from(cards)) {
                    if (
                        !c.querySelector('[data-test="chart-hmis"] .highcharts-root') ||
                        !c.querySelector('[data-test="chart-lmis"] .highcharts-root')
                    ) {
                        return false
                    }
                }
                return performance.now()
            },
            { expected, card: CARD },
            { polling: 'raf', timeout }
        )
    )

/**
 * Waits until `expected` pair cards are there and every chart in the window (the part of each card's
 * `chart-hmis` / `chart-lmis` on screen) is drawn, with at least one chart in the window; the
 * charts further down are drawn when scrolled to. Returns the page's `performance.now()` then.
 */
export const waitViewportDrawn = async (page: Page, expected: number, timeout = 60_000) =>
    number(
        await page.waitForFunction(
            ({ expected, card }) => {
                const cards = document.querySelectorAll(card)
                if (cards.length < expected) return false
                const height = window.innerHeight
                let seen = 0
                for (const c of Array.from(cards)) {
                    const box = c.getBoundingClientRect()
                    if (box.bottom <= 0 || box.top >= height) continue
                    for (const kind of ['chart-hmis', 'chart-lmis']) {
                        const chart = c.querySelector(`[data-test="${kind}"]`)
                        // a card in the window without its charts: its data is not there yet
                        if (!chart) return false
                        const r = chart.getBoundingClientRect()
                        if (r.height === 0 || r.bottom <= 0 || r.top >= height) continue
                        if (!chart.querySelector('.highcharts-root')) return false
                        seen++
                    }
                }
                return seen > 0 ? performance.now() : false
            },
            { expected, card: CARD },
            { polling: 'raf', timeout }
        )
    )

/**
 * Scrolls to each card whose charts are not drawn yet, as fast as they are drawn, until every
 * chart of the `expected` cards is drawn; returns the page's `performance.now()` then.
 */
export const waitAllDrawnScrolling = async (page: Page, expected: number, timeout = 120_000) =>
    number(
        await page.waitForFunction(
            ({ expected, card }) => {
                const cards = Array.from(document.querySelectorAll(card))
                if (cards.length < expected) return false
                const undrawn = cards.find(
                    (c) =>
                        !c.querySelector('[data-test="chart-hmis"] .highcharts-root') ||
                        !c.querySelector('[data-test="chart-lmis"] .highcharts-root')
                )
                if (!undrawn) return performance.now()
                undrawn.scrollIntoView({ block: 'start' })
                return false
            },
            { expected, card: CARD },
            { polling: 'raf', timeout }
        )
    )

/**
 * To call before a drill click: watches until every chart in the window shows the drilled view
 * (drawn, its title changed from `before` and naming a period, " in "). `done` resolves with the
 * page's `performance.now()` when the two charts of card `clicked` were drilled, and when every
 * chart in the window was (polled every animation frame from before the click).
 */
export const watchDrill = async (
    page: Page,
    before: string[],
    clicked = 0,
    timeout = 30_000
): Promise<{ done: Promise<{ pair: number; visible: number }> }> => {
    await page.evaluate(() => {
        window.__benchPairDrilledAt = undefined
    })
    const handle = page.waitForFunction(
        ({ before, card, clicked }) => {
            const charts = Array.from(document.querySelectorAll(card)).flatMap((c) =>
                ['chart-hmis', 'chart-lmis'].map((kind) => c.querySelector(`[data-test="${kind}"]`))
            )
            if (charts.length !== before.length) return false
            // one flag per chart (no named function here: the page gets this code as text)
            const drilled = charts.map((chart, i) => {
                if (!chart?.querySelector('.highcharts-root')) return false
                const title = (chart.querySelector('.highcharts-title')?.textContent ?? '').replace(
                    /[\s\u200b]+/g,
                    ' '
                )
                return title !== before[i] && title.includes(' in ')
            })
            if (
                window.__benchPairDrilledAt === undefined &&
                drilled[clicked * 2] &&
                drilled[clicked * 2 + 1]
            ) {
                window.__benchPairDrilledAt = performance.now()
            }
            const height = window.innerHeight
            const inWindow = charts.flatMap((chart, i) => {
                const r = chart?.getBoundingClientRect()
                return r && r.height > 0 && r.bottom > 0 && r.top < height ? [i] : []
            })
            if (inWindow.length === 0 || !inWindow.every((i) => drilled[i])) return false
            if (window.__benchPairDrilledAt === undefined) return false
            return { pair: window.__benchPairDrilledAt, visible: performance.now() }
        },
        { before, card: CARD, clicked },
        { polling: 'raf', timeout }
    )
    const done = handle.then((h) => h.jsonValue() as Promise<{ pair: number; visible: number }>)
    // a click that never drills: the caller does not wait, nothing is left unhandled
    done.catch(() => undefined)
    return { done }
}

/** Durations (ms) of the main thread's long tasks (> 50 ms) that overlap `from`–`to`. */
export const longTasksBetween = (page: Page, from: number, to: number): Promise<number[]> =>
    page.evaluate(
        ({ from, to }) =>
            (window.__benchLongTasks ?? [])
                .filter(([start, duration]) => start + duration > from && start < to)
                .map(([, duration]) => Math.round(duration)),
        { from, to }
    )

/** The page's `performance.now()`. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now())

/** Waits until the element is shown; returns the page's `performance.now()` at that moment. */
export const waitVisible = async (page: Page, selector: string, timeout = 60_000) =>
    number(
        await page.waitForFunction(
            (selector) => {
                const el = document.querySelector(selector)
                return el && el.getBoundingClientRect().height > 0 ? performance.now() : false
            },
            selector,
            { polling: 'raf', timeout }
        )
    )

/**
 * The titles of every chart of every card, in order, spaces normalised: Highcharts joins the lines
 * of a wrapped title with a zero-width space (`…asphyxia in\u200bNovember 2025`).
 */
export const chartTitles = (page: Page): Promise<string[]> =>
    page.evaluate(
        (card) =>
            Array.from(document.querySelectorAll(card)).flatMap((c) =>
                ['chart-hmis', 'chart-lmis'].map((chart) =>
                    (
                        c.querySelector(`[data-test="${chart}"] .highcharts-title`)?.textContent ??
                        ''
                    ).replace(/[\s\u200b]+/g, ' ')
                )
            ),
        CARD
    )

/**
 * Waits until every chart of every card shows the drilled view: its title changed from `before`
 * and names a period (" in "). Returns the page's `performance.now()` at that moment.
 */
export const waitDrilled = async (page: Page, before: string[], timeout = 30_000) =>
    number(
        await page.waitForFunction(
            ({ before, card }) => {
                const titles = Array.from(document.querySelectorAll(card)).flatMap((c) =>
                    ['chart-hmis', 'chart-lmis'].map((chart) =>
                        (
                            c.querySelector(`[data-test="${chart}"] .highcharts-title`)
                                ?.textContent ?? ''
                        ).replace(/[\s\u200b]+/g, ' ')
                    )
                )
                if (titles.length !== before.length) return false
                const drilled = titles.every((t, i) => t !== before[i] && t.includes(' in '))
                return drilled ? performance.now() : false
            },
            { before, card: CARD },
            { polling: 'raf', timeout }
        )
    )

/** Waits until the charts show the trend's `titles` again (after going back), see below. */
export const waitTitles = (page: Page, titles: string[], timeout = 30_000) =>
    page.waitForFunction(
        ({ titles, card }) => {
            const now = Array.from(document.querySelectorAll(card)).flatMap((c) =>
                ['chart-hmis', 'chart-lmis'].map((chart) =>
                    (
                        c.querySelector(`[data-test="${chart}"] .highcharts-title`)?.textContent ??
                        ''
                    ).replace(/[\s\u200b]+/g, ' ')
                )
            )
            // Not waited for: a chart not drawn in `titles` (its card was far: it may have been
            // drawn meanwhile), or one that still showed an earlier drill-down there (drawn at
            // that level when its card came near, made anew at the trend in its turn)
            return (
                now.length === titles.length &&
                now.every(
                    (t, i) =>
                        t === titles[i] || titles[i] === '' || (titles[i] ?? '').includes(' in ')
                )
            )
        },
        { titles, card: CARD },
        { polling: 'raf', timeout }
    )

export const clickTime = (page: Page): Promise<number | undefined> =>
    page.evaluate(() => window.__benchClickAt)

export const clearClickTime = (page: Page): Promise<void> =>
    page.evaluate(() => {
        window.__benchClickAt = undefined
    })

/** The `.js` files the current document loaded (from the network or a cache), as app paths. */
export const scriptsLoaded = (page: Page, appKey: string): Promise<string[]> =>
    page.evaluate((prefix) => {
        const files = new Set<string>()
        for (const entry of performance.getEntriesByType('resource')) {
            const url = new URL(entry.name)
            if (url.pathname.startsWith(prefix) && url.pathname.endsWith('.js')) {
                files.add(url.pathname.slice(prefix.length))
            }
        }
        return [...files].sort()
    }, `/api/apps/${appKey}/`)

/**
 * Logs in and opens the view of `area`, then visits it twice more through `about:blank`, so that
 * the service worker controls the page and the browser's caches are warm, as in the bench's
 * navigations. Returns the page, the view's URL and its number of cards.
 */
export const openWarmView = async (
    browser: BrowserContext,
    demoUrl: string,
    area: string
): Promise<{ page: Page; url: string; cards: number }> => {
    const { page } = await openApp(browser, demoUrl, ADMIN, `#/view?area=${area}`)
    await waitViewportDrawn(page, 1)
    const cards = await page.locator(CARD).count()
    const url = `${demoUrl}/api/apps/triangulate/index.html#/view?area=${area}`
    for (let i = 0; i < 2; i++) {
        await page.goto('about:blank')
        await page.goto(url)
        await waitViewportDrawn(page, cards)
    }
    return { page, url, cards }
}
