/**
 * Drill-down click → charts drilled, in the built app on the demo DHIS2: for each click on a month
 * of the first card's service chart (a month not drilled before: one analytics request), the time
 * until both charts of that pair show the month across the org units below, and until every chart
 * in the window does (the cards further down are drawn when scrolled near); then back up with the
 * browser (from the cache).
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
    chartTitles,
    clearClickTime,
    clickTime,
    firstCardPointTarget,
    instrument,
    timeline,
    waitTitles,
    waitViewportDrawn,
    watchDrill,
} from './lib/browser'
import { summarize } from './lib/stats'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

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
        await waitViewportDrawn(page, 1)
        await page.waitForLoadState('networkidle')
        await waitViewportDrawn(page, 1)
        for (let i = 0; i < clicks; i++) {
            const before = await chartTitles(page)
            const target = await firstCardPointTarget(page, i)
            await clearClickTime(page)
            const requests = analytics()
            // the cards further down are drawn when scrolled near: the charts in the window
            const watch = await watchDrill(page, before)
            await page.mouse.move(target.x, target.y)
            await page.mouse.click(target.x, target.y)
            // Both times taken in the page, at each animation frame
            const drilled = await watch.done
            const times = { pairAt: drilled.pair, allAt: drilled.visible }
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
                `click ${i + 1}: pair ${Math.round(times.pairAt - clickedAt)} ms, charts in the window ${Math.round(times.allAt - clickedAt)} ms, ${analytics() - requests} analytics request(s)`
            )
            await page.waitForLoadState('networkidle')
            const up = analytics()
            await page.goBack()
            await waitTitles(page, before)
            await page.waitForLoadState('networkidle')
            console.log(`  back: ${analytics() - up} analytics request(s)`)
        }
        console.log(
            `median over ${clicks} clicks: clicked pair ${Math.round(summarize(pair)?.median ?? NaN)} ms, every chart in the window ${Math.round(summarize(all)?.median ?? NaN)} ms`
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
