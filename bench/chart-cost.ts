/**
 * What drawing one chart costs, without the rest of the navigation: in the built app on the demo
 * DHIS2, once the view's charts in the window are drawn, each chart of the first card is drawn
 * again `--draws` times from the very options the app gave Highcharts (read from the
 * `HighchartsReact` element's props), in a box of the same width beside it, and each draw is
 * timed (`performance.now()` around `Highcharts.chart`: the script and the style and layout it
 * forces; the chart is destroyed after each). The minimum is what a draw costs when no other
 * process takes the CPU; the median what it cost on the machine as loaded.
 *
 * Several builds are compared in alternation (`--zips a.zip,b.zip`, `--rounds N`), each in a fresh
 * browser profile, so that a change in the machine's load falls on all of them alike.
 *
 * Before that, per round, `--navigations` navigations to the view (from about:blank until the
 * charts in the window are drawn): when they were drawn (from the navigation), the main thread's
 * CPU time and its style and layout passes.
 *
 *     npx tsx bench/chart-cost.ts [--zips build/bundle/x.zip,...] [--rounds 3] [--draws 15]
 *       [--navigations 3] [--clicks 0] [--area newborn-health] [--width 1440]
 *
 * With `--clicks N`, then N drill-down clicks on the first card's service chart (as
 * `drill-time.ts`): per click the time until the clicked pair is drawn, and the main thread's CPU
 * time and style and layout passes from the click until every chart in the window is drilled.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import type { CDPSession, Page } from 'playwright-core'
import { launchChromium } from '../test/browser/support/chromium'
import { installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { builtZipPath } from './lib/js-size'
import {
    chartTitles,
    clearClickTime,
    clickTime,
    firstCardPointTarget,
    instrument,
    openWarmView,
    waitTitles,
    waitViewportDrawn,
    watchDrill,
} from './lib/browser'
import { summarize } from './lib/stats'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

/** Per chart test id: the time of each draw (ms) */
type Draws = Record<string, number[]>
/** Per chart test id: per round, the draws' CPU time, style passes and layouts, per draw */
type Costs = Record<string, { cpu: number; styles: number; layouts: number }[]>

/**
 * Draws each chart of the first card `draws` times in the page; see the file comment. Plain
 * JavaScript in a string: what tsx compiles would name its functions with a helper the page has
 * not got.
 */
const drawAgain = (page: Page, test: string, draws: number): Promise<number[]> =>
    page.evaluate(`(async (count, test) => {
        const props = (element) => {
            const key = Object.keys(element).find((k) => k.startsWith('__reactFiber$'))
            for (let fiber = key ? element[key] : null; fiber; fiber = fiber.return) {
                if (fiber.memoizedProps && fiber.memoizedProps.highcharts) return fiber.memoizedProps
            }
            return undefined
        }
        const card = document.querySelector('[data-test^="pair-card-"]')
        {
            const box = card && card.querySelector('[data-test="' + test + '"]')
            const root = box && box.querySelector('.highcharts-container')
            const container = root && root.parentElement
            const found = container && props(container)
            if (!found) throw new Error('No drawn ' + test + ' in the first card')
            const times = []
            for (let i = 0; i < count; i++) {
                // A task of its own, as the draw queue's: the page's own work settles in between
                await new Promise((resolve) => setTimeout(resolve, 30))
                const target = document.createElement('div')
                target.style.width = container.clientWidth + 'px'
                box.parentElement.appendChild(target)
                const start = performance.now()
                const chart = found.highcharts.chart(target, found.options)
                times.push(performance.now() - start)
                chart.destroy()
                target.remove()
            }
            return times
        }
    })(${draws}, ${JSON.stringify(test)})`)

/** The main thread's CPU time and the count of style and layout passes (DevTools metrics) */
const metrics = async (cdp: CDPSession): Promise<Record<string, number>> => {
    const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[]
    }
    return Object.fromEntries(list.map(({ name, value }) => [name, value]))
}

const CHARTS = ['chart-hmis', 'chart-lmis']

interface Cost {
    cpu: number
    styles: number
    layouts: number
}

/**
 * Drill-down clicks on the first card's service chart (months not drilled before), each until
 * every chart in the window shows the drilled view, then back: per click the time to the clicked
 * pair drawn, and the main thread's CPU time and style and layout passes from just before the
 * click until then.
 */
const drillCost = async (
    page: Page,
    cdp: CDPSession,
    clicks: number
): Promise<(Cost & { ms: number })[]> => {
    const result: (Cost & { ms: number })[] = []
    for (let i = 0; i < clicks; i++) {
        const before = await chartTitles(page)
        const target = await firstCardPointTarget(page, i)
        await clearClickTime(page)
        const watch = await watchDrill(page, before)
        await page.mouse.move(target.x, target.y)
        const start = await metrics(cdp)
        await page.mouse.click(target.x, target.y)
        const drilled = await watch.done
        const end = await metrics(cdp)
        const clickedAt = await clickTime(page)
        if (clickedAt === undefined) throw new Error('no click time')
        const delta = (name: string) => (end[name] ?? 0) - (start[name] ?? 0)
        result.push({
            ms: drilled.pair - clickedAt,
            cpu: delta('ThreadTime') * 1000,
            styles: delta('RecalcStyleCount'),
            layouts: delta('LayoutCount'),
        })
        await page.waitForLoadState('networkidle')
        await page.goBack()
        await waitTitles(page, before)
        await page.waitForLoadState('networkidle')
    }
    return result
}

/**
 * The navigation to the view until the charts in the window are drawn, from about:blank: the
 * main thread's CPU time and its style and layout passes (the whole page's, not the charts' only:
 * what else the page does is the same in every build compared here).
 */
const navigationCost = async (
    page: Page,
    cdp: CDPSession,
    url: string,
    cards: number
): Promise<{ ms: number; cpu: number; styles: number; layouts: number }> => {
    await page.goto('about:blank')
    const before = await metrics(cdp)
    await page.goto(url, { waitUntil: 'commit' })
    const ms = await waitViewportDrawn(page, cards)
    const after = await metrics(cdp)
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0)
    return {
        ms,
        cpu: delta('ThreadTime') * 1000,
        styles: delta('RecalcStyleCount'),
        layouts: delta('LayoutCount'),
    }
}

const main = async () => {
    const area = arg('area', 'newborn-health')
    const rounds = Number(arg('rounds', '3'))
    const draws = Number(arg('draws', '15'))
    const width = Number(arg('width', '1440'))
    const zips = arg('zips', '').split(',').filter(Boolean)
    if (zips.length === 0) zips.push(builtZipPath())
    const demo = await startDemoProcess({ facilities: 6000 })
    const all = new Map<string, Draws>()
    const costs = new Map<string, Costs>()
    const navs = new Map<string, { ms: number; cpu: number; styles: number; layouts: number }[]>()
    const navigations = Number(arg('navigations', '3'))
    const clicks = Number(arg('clicks', '0'))
    const drills = new Map<string, (Cost & { ms: number })[]>()
    try {
        for (let round = 0; round < rounds; round++) {
            for (const zip of zips) {
                await installApp(demo.url, zip, readFileSync(zip))
                const browser = await launchChromium({ viewport: { width, height: 900 } })
                await instrument(browser)
                try {
                    const { page, url, cards } = await openWarmView(browser, demo.url, area)
                    const load = os.loadavg()[0]!.toFixed(2)
                    const cdp = await browser.newCDPSession(page)
                    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
                    for (let n = 0; n < navigations; n++) {
                        const nav = await navigationCost(page, cdp, url, cards)
                        navs.set(zip, [...(navs.get(zip) ?? []), nav])
                        console.log(
                            `round ${round + 1} ${zip} navigation: drawn at ${nav.ms.toFixed(0)} ms, CPU ${nav.cpu.toFixed(0)} ms, ${nav.styles} style passes, ${nav.layouts} layouts (load ${load})`
                        )
                    }
                    const mine = all.get(zip) ?? {}
                    const cost = costs.get(zip) ?? {}
                    for (const test of CHARTS) {
                        const before = await metrics(cdp)
                        const times = await drawAgain(page, test, draws)
                        const after = await metrics(cdp)
                        const per = (name: string) =>
                            ((after[name] ?? 0) - (before[name] ?? 0)) / draws
                        const c = {
                            cpu: per('ThreadTime') * 1000,
                            styles: per('RecalcStyleCount'),
                            layouts: per('LayoutCount'),
                        }
                        cost[test] = [...(cost[test] ?? []), c]
                        mine[test] = [...(mine[test] ?? []), ...times]
                        const s = summarize(times)!
                        console.log(
                            `round ${round + 1} ${zip} ${test}: min ${s.min.toFixed(1)} median ${s.median.toFixed(1)} ms; CPU ${c.cpu.toFixed(1)} ms, ${c.styles.toFixed(1)} style passes, ${c.layouts.toFixed(1)} layouts per draw (load ${load})`
                        )
                    }
                    all.set(zip, mine)
                    costs.set(zip, cost)
                    if (clicks > 0) {
                        await page.goto(url)
                        await waitViewportDrawn(page, cards)
                        await page.waitForLoadState('networkidle')
                        for (const d of await drillCost(page, cdp, clicks)) {
                            drills.set(zip, [...(drills.get(zip) ?? []), d])
                            console.log(
                                `round ${round + 1} ${zip} drill: pair drawn ${d.ms.toFixed(0)} ms; CPU ${d.cpu.toFixed(0)} ms, ${d.styles} style passes, ${d.layouts} layouts (load ${os.loadavg()[0]!.toFixed(2)})`
                            )
                        }
                    }
                } finally {
                    await browser.close()
                }
            }
        }
    } finally {
        await demo.stop()
    }
    console.log(`\nAll rounds (${rounds} × ${navigations} navigations, ${draws} draws per chart):`)
    for (const [zip, list] of navs) {
        const cpu = summarize(list.map((n) => n.cpu))
        const ms = summarize(list.map((n) => n.ms))
        const styles = summarize(list.map((n) => n.styles))
        const layouts = summarize(list.map((n) => n.layouts))
        console.log(
            `${zip} navigation: drawn at median ${ms?.median.toFixed(0)} (min ${ms?.min.toFixed(0)}) ms, CPU median ${cpu?.median.toFixed(0)} (min ${cpu?.min.toFixed(0)}) ms, style passes ${styles?.median}, layouts ${layouts?.median}`
        )
    }
    for (const [zip, list] of drills) {
        const med = (pick: (d: Cost & { ms: number }) => number) =>
            summarize(list.map(pick))?.median.toFixed(0)
        console.log(
            `${zip} drill (${list.length} clicks): pair drawn median ${med((d) => d.ms)} ms, CPU median ${med((d) => d.cpu)} ms, style passes ${med((d) => d.styles)}, layouts ${med((d) => d.layouts)}`
        )
    }
    for (const [zip, draws] of all) {
        for (const [test, times] of Object.entries(draws)) {
            const s = summarize(times)!
            const cpu = summarize((costs.get(zip)?.[test] ?? []).map((c) => c.cpu))
            console.log(
                `${zip} ${test}: min ${s.min.toFixed(1)}, median ${s.median.toFixed(1)}, max ${s.max.toFixed(1)} ms; CPU per draw, median of rounds ${cpu?.median.toFixed(1)} ms (${(costs.get(zip)?.[test] ?? []).map((c) => c.cpu.toFixed(1)).join(', ')})`
            )
        }
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
