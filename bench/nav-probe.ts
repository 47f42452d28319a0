/**
 * Where a navigation's time goes: per visit of the view (a fresh document, warm HTTP cache and
 * service worker, as the bench), one timeline of the requests, the app's own marks
 * (`performance.mark('triangulate:…')`), the main thread's long tasks and the moment each chart
 * in the window was drawn; printed for the median run.
 *
 *     npx tsx bench/nav-probe.ts [--facilities 6000] [--runs 7] [--area <id> | --pairs 40]
 *
 * Uses `build/bundle/*.zip` (run `npm run build` first), at 1440×900 as the bench. `--pairs N`: the
 * bench's mapping of N pairs in one program area instead of the demo's largest program area.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { buildAppZip } from '../test/browser/support/build'
import { launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { BASELINE_HEADING, BASELINE_KEY, buildBaselineZip } from './lib/baseline'
import { gotoFresh, instrument, waitViewportDrawn, waitVisible } from './lib/browser'
import { BENCH_AREA, benchConfig, largestArea } from './lib/configs'
import { adminApi } from './lib/demo'
import { summarize } from './lib/stats'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

declare global {
    interface Window {
        __probeCharts?: [number, string][]
        /** Per animation frame, when it changed: the charts in the window, drawn or not */
        __probeFrames?: [number, string][]
        /** The page's own `fetch()` calls: called at, answered at (headers), url */
        __probeFetches?: [number, number, string][]
    }
}

interface Line {
    /** What: a request's path (query length only), a mark, a chart, a long task */
    what: string
    start: number
    end: number
}

/** The page's requests, marks, frames, charts drawn and long tasks until `to` */
const collect = (page: Page, to: number): Promise<Line[]> =>
    page.evaluate((to) => {
        const out: { what: string; start: number; end: number }[] = []
        for (const e of performance.getEntriesByType('resource')) {
            const r = e as PerformanceResourceTiming
            if (r.startTime > to) continue
            const url = new URL(r.name)
            const file = url.pathname.split('/').slice(-1)[0] ?? ''
            const path = url.pathname.includes('/assets/')
                ? `script ${file.replace(/-[\w-]{8}\.js$/, '.js')}`
                : url.pathname.replace(/^\/api\/\d+\//, '/api/') +
                  (url.search ? `?${url.search.length - 1}` : '')
            out.push({ what: path, start: r.startTime, end: r.responseEnd })
        }
        for (const m of performance.getEntriesByType('mark')) {
            if (m.name.startsWith('triangulate:') && m.startTime <= to)
                out.push({ what: m.name, start: m.startTime, end: m.startTime })
        }
        for (const [at, what] of window.__probeFrames ?? []) {
            if (at <= to) out.push({ what, start: at, end: at })
        }
        for (const [at, what] of window.__probeCharts ?? []) {
            if (at <= to) out.push({ what, start: at, end: at })
        }
        for (const [start, end, href] of window.__probeFetches ?? []) {
            if (start > to) continue
            const url = new URL(href, location.href)
            out.push({
                what: `  fetch() ${url.pathname.replace(/^\/api\/\d+\//, '/api/')}${url.search ? `?${url.search.length - 1}` : ''}`,
                start,
                end,
            })
        }
        for (const [start, duration] of window.__benchLongTasks ?? []) {
            if (start <= to) out.push({ what: 'long task', start, end: start + duration })
        }
        return out
    }, to)

const print = (lines: Line[]) => {
    for (const r of [...lines].sort((a, b) => a.start - b.start)) {
        const span = r.end > r.start + 0.5 ? ` → ${Math.round(r.end).toString().padStart(5)}` : ''
        console.log(`${Math.round(r.start).toString().padStart(6)}${span.padEnd(9)}  ${r.what}`)
    }
}

/** The median of runs (`summarize`, as the bench reports them) */
const median = (values: readonly number[]): number => summarize(values)?.median ?? NaN

const main = async () => {
    const facilities = Number(arg('facilities', '6000'))
    const runs = Number(arg('runs', '7'))
    const zipPath = buildAppZip()
    const baselineZip = await buildBaselineZip({ reuse: true })
    const demo = await startDemoProcess({ facilities })
    const context = await launchChromium()
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        await installApp(demo.url, baselineZip, readFileSync(baselineZip))
        const config = await adminApi(demo.url, 'GET', '/api/dataStore/triangulate/config')
        const pairCount = Number(arg('pairs', '0'))
        if (pairCount > 0) {
            await adminApi(
                demo.url,
                'PUT',
                '/api/dataStore/triangulate/config',
                benchConfig(config, pairCount)
            )
        }
        const area = pairCount > 0 ? { id: BENCH_AREA, pairs: pairCount } : largestArea(config)
        const areaId = pairCount > 0 ? BENCH_AREA : arg('area', area.id)
        await instrument(context)
        await context.addInitScript(() => {
            const drawn: [number, string][] = []
            window.__probeCharts = drawn
            // When the page asks (fetch called) and has its answer, besides the resource timing
            // (which the service worker's own fetch may start later)
            const fetches: [number, number, string][] = []
            window.__probeFetches = fetches
            const pageFetch = window.fetch.bind(window)
            window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
                const at = performance.now()
                const url =
                    typeof input === 'string' ? input : 'url' in input ? input.url : input.href
                const answer = pageFetch(input, init)
                void answer.then(
                    () => fetches.push([at, performance.now(), url]),
                    () => fetches.push([at, performance.now(), `${url} (failed)`])
                )
                return answer
            }
            // Each frame, what the bench's wait sees (the charts in the window, drawn or not), as
            // a line whenever it changes
            const frames: [number, string][] = []
            window.__probeFrames = frames
            // (a member, not a named function: the bundler would wrap a name in a helper the page
            // does not have)
            const watch: { frame?: () => void } = {}
            watch.frame = () => {
                const height = window.innerHeight
                const parts: string[] = []
                document.querySelectorAll('[data-test^="pair-card-"]').forEach((card, index) => {
                    const box = card.getBoundingClientRect()
                    if (box.bottom <= 0 || box.top >= height) return
                    for (const kind of ['chart-hmis', 'chart-lmis']) {
                        const chart = card.querySelector(`[data-test="${kind}"]`)
                        if (!chart) {
                            parts.push(`${index} ${kind} missing`)
                            continue
                        }
                        const r = chart.getBoundingClientRect()
                        if (r.height === 0 || r.bottom <= 0 || r.top >= height) continue
                        const drawn = chart.querySelector('.highcharts-root') ? 'drawn' : 'waits'
                        parts.push(`${index} ${kind} ${drawn} y ${Math.round(r.top)}`)
                    }
                })
                const line = `frame: ${parts.join(', ') || 'no chart in the window'}`
                if (frames[frames.length - 1]?.[1] !== line) frames.push([performance.now(), line])
                if (performance.now() < 5000) requestAnimationFrame(watch.frame!)
            }
            requestAnimationFrame(watch.frame)
            const seen = new Set<Element>()
            new MutationObserver(() => {
                document.querySelectorAll('[data-test^="chart-"]').forEach((chart) => {
                    if (seen.has(chart) || !chart.querySelector('.highcharts-root')) return
                    seen.add(chart)
                    const card = chart.closest('[data-test^="pair-card-"]')
                    const index = card
                        ? Array.from(
                              document.querySelectorAll('[data-test^="pair-card-"]')
                          ).indexOf(card)
                        : -1
                    drawn.push([
                        performance.now(),
                        `chart ${index} ${chart.getAttribute('data-test')} at y ${Math.round(chart.getBoundingClientRect().top)}`,
                    ])
                })
            }).observe(document, { childList: true, subtree: true })
        })
        const { page } = await openApp(context, demo.url, ADMIN, `#/view?area=${areaId}`)
        const appUrl = `${demo.url}/api/apps/triangulate/index.html#/view?area=${areaId}`
        const baselineUrl = `${demo.url}/api/apps/${BASELINE_KEY}/index.html`
        // warm: the worker of each app in control, the HTTP cache filled
        for (let i = 0; i < 2; i++) {
            await gotoFresh(page, appUrl)
            await waitViewportDrawn(page, area.pairs)
            await gotoFresh(page, baselineUrl)
            await waitVisible(page, `[data-test="${BASELINE_HEADING}"]`)
        }
        const timelines: Line[][] = []
        const totals: number[] = []
        const shells: number[] = []
        const shellTimelines: Line[][] = []
        for (let run = 0; run < runs; run++) {
            await gotoFresh(page, appUrl)
            const drawnAt = await waitViewportDrawn(page, area.pairs)
            await page.waitForTimeout(300)
            const lines = await collect(page, drawnAt)
            timelines.push(lines)
            totals.push(drawnAt)
            await gotoFresh(page, baselineUrl)
            const shownAt = await waitVisible(page, `[data-test="${BASELINE_HEADING}"]`)
            await page.waitForTimeout(300)
            shellTimelines.push(await collect(page, shownAt))
            shells.push(shownAt)
        }
        const order = totals.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0])
        const medianRun = order[Math.floor(order.length / 2)]![1]
        console.log(
            `\n${areaId}: charts in the window drawn, median ${Math.round(median(totals))} ms ` +
                `(${totals.map(Math.round).join(', ')}); empty app-shell ${Math.round(median(shells))} ms ` +
                `(${shells.map(Math.round).join(', ')}); ratio ${(median(totals) / median(shells)).toFixed(2)}\n` +
                `\nThe median run (${Math.round(totals[medianRun]!)} ms):\n`
        )
        print(timelines[medianRun]!)
        const shellOrder = shells.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0])
        const shellMedian = shellOrder[Math.floor(shellOrder.length / 2)]![1]
        console.log(
            `\nThe empty app-shell's median run (${Math.round(shells[shellMedian]!)} ms):\n`
        )
        print(shellTimelines[shellMedian]!)
    } finally {
        await context.close()
        await demo.stop()
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
