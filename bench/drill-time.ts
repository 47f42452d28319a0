/**
 * Drill-down click → charts drilled, in the built app on the demo DHIS2: for each click on a month
 * of the first card's service chart (a month not drilled before: one analytics request), the time
 * until both charts of that pair show the month across the org units below, and until every chart
 * of the view does; then back up with the browser (from the cache).
 *
 *     npx tsx bench/drill-time.ts [--facilities 6000] [--area newborn-health] [--clicks 5]
 *
 * Uses `build/bundle/*.zip` (run `npm run build` first).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import {
    CARD,
    POINT_IN_CARD,
    chartTitles,
    clearClickTime,
    clickTime,
    instrument,
    timeline,
    waitTitles,
    waitViewDrawn,
} from './lib/browser'
import { summarize } from './lib/stats'

const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

const main = async () => {
    const facilities = Number(arg('facilities', '6000'))
    const area = arg('area', 'newborn-health')
    const clicks = Number(arg('clicks', '5'))
    const zipDir = 'build/bundle'
    const zipName = readdirSync(zipDir).find((f) => f.endsWith('.zip'))
    if (!zipName) throw new Error('No build/bundle/*.zip: run npm run build first')
    const zipPath = path.join(zipDir, zipName)
    const demo = await startDemoProcess({ facilities })
    const browser = await launchChromium()
    await instrument(browser)
    const pair: number[] = []
    const all: number[] = []
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const { page, analytics } = await openApp(browser, demo.url, ADMIN, `#/view?area=${area}`)
        await waitViewDrawn(page, 1)
        await page.waitForLoadState('networkidle')
        const cards = Math.max(1, await page.locator(CARD).count())
        await waitViewDrawn(page, cards)
        for (let i = 0; i < clicks; i++) {
            const before = await chartTitles(page)
            const point = page.locator(CARD).first().locator(POINT_IN_CARD).nth(i)
            await point.scrollIntoViewIfNeeded()
            const box = await point.boundingBox()
            if (!box) throw new Error('no point')
            await clearClickTime(page)
            const requests = analytics()
            await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 4))
            await page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 4))
            // Both times taken in the page, at each animation frame
            const times = (await (
                await page.waitForFunction(
                    ({ before, card }) => {
                        const w = window as unknown as { __pairAt?: number }
                        const titles = Array.from(document.querySelectorAll(card)).map((c) =>
                            ['chart-hmis', 'chart-lmis'].map((chart) =>
                                (
                                    c.querySelector(`[data-test="${chart}"] .highcharts-title`)
                                        ?.textContent ?? ''
                                ).replace(/[\s\u200b]+/g, ' ')
                            )
                        )
                        // (no named functions here: tsx would wrap them in a helper the page lacks)
                        const flat = titles.flat()
                        const changed = flat.map((t, j) => t !== before[j] && t.includes(' in '))
                        if (w.__pairAt === undefined && changed[0] && changed[1]) {
                            w.__pairAt = performance.now()
                        }
                        if (!changed.every(Boolean)) return false
                        const pairAt = w.__pairAt
                        w.__pairAt = undefined
                        return { pairAt, allAt: performance.now() }
                    },
                    { before, card: CARD },
                    { polling: 'raf', timeout: 30_000 }
                )
            ).jsonValue()) as { pairAt: number; allAt: number }
            const clickedAt = await clickTime(page)
            if (clickedAt === undefined) throw new Error('no click time')
            pair.push(times.pairAt - clickedAt)
            all.push(times.allAt - clickedAt)
            const t = await timeline(page, clickedAt, times.allAt)
            const requestTimes = t.requests
                .filter((r) => r.path.includes('analytics'))
                .map((r) => `${r.start}–${r.end}`)
                .join(', ')
            console.log(
                `  long tasks ${t.longTasksMs} ms; analytics requests (ms from the click) ${requestTimes}`
            )
            console.log(
                `click ${i + 1}: pair ${Math.round(times.pairAt - clickedAt)} ms, all ${cards} cards ${Math.round(times.allAt - clickedAt)} ms, ${analytics() - requests} analytics request(s)`
            )
            await page.waitForLoadState('networkidle')
            const up = analytics()
            await page.goBack()
            await waitTitles(page, before)
            await page.waitForLoadState('networkidle')
            console.log(`  back: ${analytics() - up} analytics request(s)`)
        }
        console.log(
            `median over ${clicks} clicks: clicked pair ${Math.round(summarize(pair)?.median ?? NaN)} ms, every chart (${cards} cards) ${Math.round(summarize(all)?.median ?? NaN)} ms`
        )
    } finally {
        await browser.close()
        await demo.stop()
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
