/**
 * Triangulate's benchmark: the BUILT app, installed in the demo DHIS2 with the big country, driven
 * in headless Chromium.
 *
 *     npx tsx bench/run.ts [--facilities 6000] [--runs 5] [--skip-build] [--write-readme]
 *
 * Prints a markdown table (figure, median, min, max, goal, pass/fail) and writes
 * `bench/results.json`; `--write-readme` also replaces the results section of `bench/README.md`.
 * See `bench/README.md` for what each figure measures. Every child process (demo DHIS2, Chromium,
 * builds, the analytics timing) is stopped at the end, on error and on Ctrl-C.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { buildAppZip } from '../test/browser/support/build'
import { ensureChromium, launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import type { DemoProcess } from '../test/browser/support/demo-process'
import { clickChartPoint } from '../test/browser/support/page'
import { openApp } from '../test/browser/support/session'
import type { AnalyticsBenchResult } from './analytics'
import { scanProbe, type ScanProbeRun } from './scan-probe'
import { BASELINE_HEADING, BASELINE_KEY, buildBaselineZip } from './lib/baseline'
import {
    CARD,
    POINT_IN_CARD,
    chartTitles,
    clearClickTime,
    clickTime,
    gotoFresh,
    instrument,
    scriptsLoaded,
    timeline,
    longTasksBetween,
    pageNow,
    trackInFlight,
    waitAllDrawnScrolling,
    waitTitles,
    waitViewportDrawn,
    waitVisible,
    watchDrill,
} from './lib/browser'
import { BENCH_AREA, benchConfig, defaultArea, largestArea } from './lib/configs'
import { adminApi, demoMemory, readStartupLog } from './lib/demo'
import type { StartupLog } from './lib/demo'
import { analyzeChunks, readZip, totalGzip } from './lib/js-size'
import { figure, markdownTable, summarize, verdict } from './lib/stats'
import type { Figure } from './lib/stats'
import type { Timeline } from './lib/browser'
import { chunkComposition } from './lib/source-map'

const APP_KEY = 'triangulate'
const ANALYTICS = /\/api\/(\d+\/)?analytics/
const PAIR_COUNTS = [1, 10, 40]
const DRILL_CLICKS = 20
/** A main-thread task longer than this blocks clicks and scrolling noticeably: none is allowed */
const LONG_TASK_MS = 200
const ALERT_RUNS = 5
/** Runs of the national facility-level scan (figure 6b): about a minute each on a loaded machine */
const FACILITY_SCAN_RUNS = 2
/** The demo country's facility level (national → regions → districts → facilities) */
const DEMO_FACILITY_LEVEL = 4
/** What the alerts page shows when a scan is done: the list, or the notice that there is none */
const ALERTS_RESULT = '[data-test="alerts-list"], [data-test="alerts-empty"]'
const RESULTS_FILE = path.resolve('bench/results.json')
const README_FILE = path.resolve('bench/README.md')
const README_START = '<!-- bench:results:start -->'
const README_END = '<!-- bench:results:end -->'

// ---------------------------------------------------------------------------------------------
// Options, logging, clean-up
// ---------------------------------------------------------------------------------------------

const USAGE = `npx tsx bench/run.ts [--facilities 6000] [--runs 5] [--skip-build] [--write-readme]
  --facilities N   facilities of the demo country (default 6000)
  --runs N         runs per figure, at least 5 (default 5)
  --skip-build     reuse build/bundle's zip and the cached baseline app when present
  --write-readme   replace the results section of bench/README.md with this run's table`

const parseOptions = (argv: string[]) => {
    const value = (name: string, fallback: number): number => {
        const i = argv.indexOf(`--${name}`)
        if (i < 0) return fallback
        const n = Number(argv[i + 1])
        if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer`)
        return n
    }
    const known = ['--facilities', '--runs', '--skip-build', '--write-readme', '--help']
    const unknown = argv.filter((a, i) => a.startsWith('--') && !known.includes(a) && i >= 0)
    if (unknown.length) throw new Error(`Unknown option ${unknown.join(', ')}\n${USAGE}`)
    return {
        help: argv.includes('--help'),
        facilities: value('facilities', 6000),
        runs: Math.max(5, value('runs', 5)),
        skipBuild: argv.includes('--skip-build'),
        writeReadme: argv.includes('--write-readme'),
    }
}

const started = Date.now()
const log = (message: string) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`)

/** Clean-up steps, last registered first: browser, demo servers, child processes. */
const cleanups: { name: string; run: () => Promise<void> | void }[] = []
const abort = new AbortController()
let cleaningUp: Promise<void> | null = null
const cleanUp = (): Promise<void> => {
    cleaningUp ??= (async () => {
        abort.abort()
        while (cleanups.length) {
            const step = cleanups.pop()!
            try {
                await Promise.race([
                    step.run(),
                    new Promise((r) => setTimeout(r, 15_000)), // never hang on the way out
                ])
            } catch (error) {
                console.error(`[bench] stopping ${step.name} failed: ${String(error)}`)
            }
        }
    })()
    return cleaningUp
}
const onCleanup = (name: string, run: () => Promise<void> | void) => {
    const step = { name, run }
    cleanups.push(step)
    return () => {
        const i = cleanups.indexOf(step)
        if (i >= 0) cleanups.splice(i, 1)
    }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
        console.error(`\n[bench] ${signal}: stopping child processes...`)
        void cleanUp().then(() => process.exit(130))
    })
}

/** Starts a demo DHIS2 that `cleanUp` stops, returns it and its stop function. */
const startDemo = async (facilities: number) => {
    const t0 = performance.now()
    const demo = await startDemoProcess({ facilities })
    const wallMs = performance.now() - t0
    // its state directory (installed apps, dataStore) goes with it
    const stop = async () => {
        await demo.stop()
        rmSync(demo.stateDir, { recursive: true, force: true })
    }
    const forget = onCleanup(`demo DHIS2 ${demo.url}`, stop)
    return {
        demo,
        wallMs,
        stop: async () => {
            forget()
            await stop()
        },
    }
}

const kb = (bytes: number) => bytes / 1024

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

interface Session {
    page: Page
    analytics: () => number
    settle: (quietMs?: number, timeoutMs?: number) => Promise<void>
    /** To `url` as a new document (see `gotoFresh`), forgetting the old document's requests */
    goto: (url: string) => Promise<void>
    appUrl: (hash: string) => string
    baselineUrl: string
}

/**
 * Clicks a trend point as a user does, again (up to 3 times, the mouse leaving the chart in
 * between) while the click does not drill: no `dpe=` in the URL within 2 s, nor once the page is
 * idle (a busy page, e.g. 80 charts still being drawn, handles the click late: clicking again
 * would drill twice). Returns the attempts it took, 0 when it never drilled.
 */
const drillInto = async (page: Page, point: Locator): Promise<number> => {
    const drilled = () => page.evaluate(() => /[?&]dpe=/.test(window.location.hash))
    for (let attempt = 1; attempt <= 3; attempt++) {
        if (attempt > 1) await page.mouse.move(2, 2)
        await clickChartPoint(page, point)
        try {
            await page.waitForFunction(() => /[?&]dpe=/.test(window.location.hash), undefined, {
                polling: 'raf',
                timeout: 2_000,
            })
            return attempt
        } catch {
            // The page's main thread runs this only when it is free: the click has been handled
            await page.evaluate(
                () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
            )
            if (await drilled()) return attempt
        }
    }
    return 0
}

/**
 * Figure 2: navigation → the charts in the window drawn, app vs empty app-shell; then all charts,
 * scrolling to each card not drawn (info); JS of each first view.
 */
const measureNavigation = async (s: Session, area: { id: string; pairs: number }, runs: number) => {
    const app: number[] = []
    const appAll: number[] = []
    const baseline: number[] = []
    const appScripts: string[][] = []
    const baselineScripts: string[][] = []
    const appTimelines: Timeline[] = []
    const baselineTimelines: Timeline[] = []
    for (let i = 0; i < runs; i++) {
        // interleaved, so that a slow moment of the machine hits both
        await s.goto(s.appUrl(`#/view?area=${area.id}`))
        const drawnAt = await waitViewportDrawn(s.page, area.pairs)
        app.push(drawnAt)
        appScripts.push(await scriptsLoaded(s.page, APP_KEY))
        appTimelines.push(await timeline(s.page, 0, drawnAt))
        appAll.push(await waitAllDrawnScrolling(s.page, area.pairs))
        await s.settle()
        await s.goto(s.baselineUrl)
        const shownAt = await waitVisible(s.page, `[data-test="${BASELINE_HEADING}"]`)
        baseline.push(shownAt)
        baselineScripts.push(await scriptsLoaded(s.page, BASELINE_KEY))
        baselineTimelines.push(await timeline(s.page, 0, shownAt))
    }
    return {
        app,
        appAll,
        baseline,
        appScripts,
        baselineScripts,
        appTimelines,
        baselineTimelines,
    }
}

/**
 * Figure 3: drill-down click → the clicked pair's two charts drawn, and every chart in the window,
 * over `clicks` different points.
 */
const measureDrill = async (
    s: Session,
    area: { id: string; pairs: number },
    regions: string[],
    clicks: number
) => {
    const times: number[] = []
    const pairTimes: number[] = []
    const timelines: Timeline[] = []
    const notes: string[] = []
    const misses: string[] = []
    let cached = 0
    let tried = 0
    // the national trend, then regions' trends: each point is a month not drilled before
    const setups = [undefined, ...regions]
    for (const ou of setups) {
        if (times.length >= clicks) break
        await s.goto(s.appUrl(`#/view?area=${area.id}${ou ? `&ou=${ou}` : ''}`))
        await waitViewportDrawn(s.page, area.pairs)
        await s.settle()
        const points = s.page.locator(CARD).first().locator(POINT_IN_CARD)
        const count = await points.count()
        for (let j = 0; j < count && times.length < clicks && tried < clicks * 2; j++) {
            const trendTitles = await chartTitles(s.page)
            const before = s.analytics()
            await clearClickTime(s.page)
            try {
                const drilled = await watchDrill(s.page, trendTitles)
                const attempts = await drillInto(s.page, points.nth(j))
                tried++
                if (attempts !== 1)
                    misses.push(`${ou ?? 'national'} point ${j}: ${attempts || 'never'}`)
                if (attempts === 0) continue
                const drawnAt = await drilled.done
                const clickedAt = await clickTime(s.page)
                if (clickedAt === undefined) throw new Error('the click was not recorded')
                pairTimes.push(drawnAt.pair - clickedAt)
                times.push(drawnAt.visible - clickedAt)
                timelines.push(await timeline(s.page, clickedAt, drawnAt.visible))
                if (s.analytics() === before) cached++
                await s.settle(300)
                await s.page.goBack()
                await waitTitles(s.page, trendTitles)
                await s.settle(300)
            } catch (error) {
                const note = `point ${j}${ou ? ` of ${ou}` : ''}: ${String(error).split('\n')[0]}`
                console.warn(`[bench] drill: ${note}`)
                notes.push(note)
                await s.goto(s.appUrl(`#/view?area=${area.id}${ou ? `&ou=${ou}` : ''}`))
                await waitViewportDrawn(s.page, area.pairs)
                await s.settle()
            }
        }
    }
    if (misses.length) {
        notes.push(
            `drill clicks that did not drill at the first click (clicks it took): ${misses.join(', ')}`
        )
    }
    return { times, pairTimes, timelines, cached, notes, tried, missed: misses.length }
}

/**
 * Figure 1: analytics requests per view (1, 10, 40 pairs) in `runs` runs; on drill-up and on
 * revisit in the first `deepRuns` of them. With the main thread's long tasks (over
 * `LONG_TASK_MS`) from the navigation until the page is quiet, and from the drill click until
 * it is quiet again.
 */
const measureRequests = async (s: Session, pairs: number, runs: number, deepRuns = runs) => {
    const view: number[] = []
    const drillUp: number[] = []
    const revisit: number[] = []
    const drawnMs: number[] = []
    const drillMs: number[] = []
    const drillPairMs: number[] = []
    /** Per run: long tasks during the navigation and the drill, and the longest task */
    const longTasks: number[] = []
    const longestTask: number[] = []
    const notes: string[] = []
    const points = s.page.locator(CARD).first().locator(POINT_IN_CARD)
    for (let i = 0; i < runs; i++) {
        await s.goto('about:blank')
        let before = s.analytics()
        await s.goto(s.appUrl(`#/view?area=${BENCH_AREA}`))
        drawnMs.push(await waitViewportDrawn(s.page, pairs, 120_000))
        await s.settle()
        // the charts near the window are drawn after those in it
        await s.page.waitForTimeout(300)
        view.push(s.analytics() - before)
        const tasks = await longTasksBetween(s.page, 0, await pageNow(s.page))
        if (i >= deepRuns) {
            longTasks.push(tasks.filter((t) => t > LONG_TASK_MS).length)
            longestTask.push(Math.max(0, ...tasks))
            continue
        }
        let step = 'drill click'
        try {
            // drill into a month, then back up with the browser: from the cache
            const trendTitles = await chartTitles(s.page)
            const count = await points.count()
            let drilled = false
            const watch = await watchDrill(s.page, trendTitles, 0, 60_000)
            await clearClickTime(s.page)
            for (let k = 0; k < count && !drilled; k++) {
                drilled = (await drillInto(s.page, points.nth((i + k) % count))) > 0
            }
            if (!drilled) throw new Error('no trend point drilled')
            step = 'drilled charts'
            const drilledAt = await watch.done
            const clickedAt = await clickTime(s.page)
            if (clickedAt !== undefined) {
                drillMs.push(drilledAt.visible - clickedAt)
                drillPairMs.push(drilledAt.pair - clickedAt)
            }
            await s.settle()
            await s.page.waitForTimeout(300)
            if (clickedAt !== undefined) {
                tasks.push(...(await longTasksBetween(s.page, clickedAt, await pageNow(s.page))))
            }
            longTasks.push(tasks.filter((t) => t > LONG_TASK_MS).length)
            longestTask.push(Math.max(0, ...tasks))
            before = s.analytics()
            step = 'back to the trend'
            await s.page.goBack()
            await waitTitles(s.page, trendTitles, 60_000)
            await s.settle()
            drillUp.push(s.analytics() - before)
            // another page of the app and back
            step = 'revisit'
            before = s.analytics()
            await s.page.locator('[data-test="tab-settings"]').click()
            await s.page.waitForFunction((card) => !document.querySelector(card), CARD)
            await s.page.locator('[data-test="tab-view"]').click()
            await waitViewportDrawn(s.page, pairs, 60_000)
            await s.settle()
            revisit.push(s.analytics() - before)
        } catch (error) {
            const note = `${pairs} pairs, run ${i + 1}, ${step}: ${String(error).split('\n')[0]}`
            console.warn(`[bench] requests: ${note}`)
            notes.push(note)
        }
    }
    return { view, drillUp, revisit, drawnMs, drillMs, drillPairMs, longTasks, longestTask, notes }
}

/** Figure 6: alert scan, run → list shown, when the app has an alerts page. */
const measureAlerts = async (s: Session, runs: number) => {
    if (!existsSync(path.resolve('src/features/alerts'))) {
        return { times: [] as number[], note: 'not available (no src/features/alerts)' }
    }
    await s.goto(s.appUrl('#/alerts'))
    try {
        await s.page.locator('[data-test="alerts-run"]').waitFor({ timeout: 15_000 })
    } catch {
        return { times: [], note: 'not available (no alerts-run button in the built app)' }
    }
    const times: number[] = []
    const notes: string[] = []
    for (let i = 0; i < runs; i++) {
        try {
            await s.goto(s.appUrl('#/alerts'))
            const button = s.page.locator('[data-test="alerts-run"]')
            await button.waitFor({ timeout: 30_000 })
            await s.settle()
            const listBefore = await s.page.evaluate(
                (result) => document.querySelector(result)?.textContent ?? null,
                ALERTS_RESULT
            )
            await clearClickTime(s.page)
            await button.click()
            const shownAt = await (
                await s.page.waitForFunction(
                    ({ before, result }) => {
                        const list = document.querySelector(result)
                        if (!list || list.getBoundingClientRect().height === 0) return false
                        if (before !== null && list.textContent === before) return false
                        return performance.now()
                    },
                    { before: listBefore, result: ALERTS_RESULT },
                    { polling: 'raf', timeout: 120_000 }
                )
            ).jsonValue()
            const clickedAt = await clickTime(s.page)
            if (typeof shownAt === 'number' && clickedAt !== undefined) {
                times.push(shownAt - clickedAt)
            }
        } catch (error) {
            notes.push(`run ${i + 1}: ${String(error).split('\n')[0]}`)
        }
    }
    return { times, note: notes.join('; ') || undefined }
}

/** Figure 6b: the national facility scan's time and where it goes (`bench/scan-probe.ts`) */
const facilityScanFigures = (runs: ScanProbeRun[], note?: string): Figure[] => {
    const of = (pick: (run: ScanProbeRun) => number) => runs.map(pick)
    const step = (name: string) => of((run) => run.measures[name] ?? 0)
    const label = 'Alert scan at facility level, national, default window'
    return [
        figure(
            'alerts.scan.facility',
            `${label}: run → list shown`,
            'ms',
            of((run) => run.totalMs),
            { max: 15_000, text: '≤ 15 s' },
            note
        ),
        figure(
            'alerts.scan.facility.requests',
            '  analytics requests (info)',
            'requests',
            of((run) => run.requests)
        ),
        figure(
            'alerts.scan.facility.bytes',
            '  bytes received, decoded (info)',
            'MB',
            of((run) => run.decodedBytes / 1e6)
        ),
        figure(
            'alerts.scan.facility.span',
            '  first request sent → last answer received (info)',
            'ms',
            of((run) => run.requestSpanMs)
        ),
        figure(
            'alerts.scan.facility.wait',
            '  Σ waiting for the answers (first byte, server and queue; info)',
            'ms',
            of((run) => run.waitMs)
        ),
        figure(
            'alerts.scan.facility.receive',
            '  Σ receiving the answers (first → last byte; info)',
            'ms',
            of((run) => run.receiveMs)
        ),
        figure(
            'alerts.scan.facility.parse',
            '  main thread: answers read and folded (scan:parse + scan:fold; info)',
            'ms',
            runs.map((run) => (run.measures['scan:parse'] ?? 0) + (run.measures['scan:fold'] ?? 0))
        ),
        figure(
            'alerts.scan.facility.build',
            "  main thread: the detectors' inputs built (scan:build, in slices; info)",
            'ms',
            step('scan:build')
        ),
        figure(
            'alerts.scan.facility.post',
            '  main thread: posted to the worker (scan:post, in pieces; info)',
            'ms',
            step('scan:post')
        ),
        figure(
            'alerts.scan.facility.worker',
            '  worker: the scan (its own time; info)',
            'ms',
            of((run) => run.workerOwnMs ?? NaN).filter((v) => !Number.isNaN(v))
        ),
        figure(
            'alerts.scan.facility.longTasks',
            '  long tasks > 200 ms during the scan (per run)',
            '',
            of((run) => run.longTasksOver200),
            { max: 0, text: '0 in every run', every: true }
        ),
        figure(
            'alerts.scan.facility.longest',
            '  longest main-thread task during the scan (info)',
            'ms',
            of((run) => run.longestTaskMs)
        ),
    ]
}

/** Figure 5 (analytics engine): `bench/analytics.ts` in its own process. */
const runAnalyticsBench = (facilities: number, runs: number): Promise<AnalyticsBenchResult> =>
    new Promise((resolve, reject) => {
        const child: ChildProcess = spawn(
            process.execPath,
            [
                path.resolve('node_modules/tsx/dist/cli.mjs'),
                'bench/analytics.ts',
                '--facilities',
                String(facilities),
                '--runs',
                String(runs),
                '--json',
            ],
            { stdio: ['ignore', 'pipe', 'pipe'] }
        )
        const forget = onCleanup('analytics timing', () => {
            if (child.exitCode === null) child.kill('SIGTERM')
        })
        let out = ''
        let err = ''
        child.stdout?.on('data', (c) => (out += c))
        child.stderr?.on('data', (c) => (err += c))
        child.on('exit', (code) => {
            forget()
            const last = out.trim().split('\n').pop() ?? ''
            if (code === 0 && last.startsWith('{'))
                resolve(JSON.parse(last) as AnalyticsBenchResult)
            else reject(new Error(`bench/analytics.ts exited with ${code}:\n${out}\n${err}`))
        })
    })

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const gitCommit = (): string => {
    try {
        const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' })
        const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()
        return `${head.trim()}${dirty ? ' (uncommitted changes)' : ''}`
    } catch {
        return 'unknown'
    }
}

const main = async () => {
    const opts = parseOptions(process.argv.slice(2))
    if (opts.help) {
        console.log(USAGE)
        return
    }
    const figures: Figure[] = []
    const notes: string[] = []
    ensureChromium()

    // -- builds --------------------------------------------------------------------------------
    log(opts.skipBuild ? 'reusing the builds when present' : 'building the app and the baseline')
    if (opts.skipBuild) process.env.TRIANGULATE_REUSE_BUILD = '1'
    const appZipPath = buildAppZip()
    // read at once: others may rebuild build/ while the bench runs
    const appZip = readFileSync(appZipPath)
    const baselineZipPath = await buildBaselineZip({
        reuse: opts.skipBuild,
        signal: abort.signal,
    })
    const baselineZip = readFileSync(baselineZipPath)
    const appFiles = await readZip(appZip)
    const baselineFiles = await readZip(baselineZip)
    const chunks = analyzeChunks(appFiles)

    // -- demo DHIS2 ----------------------------------------------------------------------------
    log(`starting the demo DHIS2 with ${opts.facilities} facilities`)
    const server = await startDemo(opts.facilities)
    const demo: DemoProcess = server.demo
    const startups: (StartupLog & { wallMs: number })[] = [
        { ...(await readStartupLog(demo)), wallMs: server.wallMs },
    ]
    await installApp(demo.url, appZipPath, appZip)
    await installApp(demo.url, baselineZipPath, baselineZip)
    const demoConfig = await adminApi(demo.url, 'GET', '/api/dataStore/triangulate/config')
    const area = largestArea(demoConfig)
    const regions = (
        (await adminApi(
            demo.url,
            'GET',
            '/api/organisationUnits?level=2&fields=id&paging=false'
        )) as { organisationUnits: { id: string }[] }
    ).organisationUnits.map((o) => o.id)
    const configs = PAIR_COUNTS.map((n) => ({ n, config: benchConfig(demoConfig, n) }))

    // -- browser ---------------------------------------------------------------------------------
    log('opening the app in Chromium (one login for the whole run)')
    const browser: BrowserContext = await launchChromium()
    onCleanup('Chromium', () => browser.close())
    await instrument(browser)
    const first = await openApp(browser, demo.url, ADMIN, `#/view?area=${area.id}`)
    const tracker = trackInFlight(first.page, ANALYTICS)
    const session: Session = {
        page: first.page,
        analytics: first.analytics,
        settle: tracker.settle,
        goto: (url) => gotoFresh(first.page, url, tracker.reset),
        appUrl: (hash) => `${demo.url}/api/apps/${APP_KEY}/index.html${hash}`,
        baselineUrl: `${demo.url}/api/apps/${BASELINE_KEY}/index.html`,
    }
    // the login page sends the user back without the hash: the app opens on its default area
    await waitViewportDrawn(session.page, defaultArea(demoConfig).pairs)
    const coldAppScripts = await scriptsLoaded(session.page, APP_KEY)
    await session.settle()
    await session.goto(session.baselineUrl)
    await waitVisible(session.page, `[data-test="${BASELINE_HEADING}"]`)
    const coldBaselineScripts = await scriptsLoaded(session.page, BASELINE_KEY)

    log(
        `navigation → charts in the window drawn: ${area.id} (${area.pairs} pairs) vs the empty app-shell`
    )
    const nav = await measureNavigation(session, area, opts.runs)
    const ratios = nav.app.map((t, i) => t / (nav.baseline[i] as number))

    log(`drill-down: ${DRILL_CLICKS} clicks`)
    const drill = await measureDrill(session, area, regions, DRILL_CLICKS)
    notes.push(...drill.notes)

    const requests: Record<number, Awaited<ReturnType<typeof measureRequests>>> = {}
    for (const { n, config } of configs) {
        log(`analytics requests per view: ${n} pair${n === 1 ? '' : 's'}`)
        await adminApi(demo.url, 'PUT', '/api/dataStore/triangulate/config', config)
        const measured = await measureRequests(session, n, opts.runs)
        requests[n] = measured
        notes.push(...measured.notes)
    }
    await adminApi(demo.url, 'PUT', '/api/dataStore/triangulate/config', demoConfig)

    log('alert scan')
    const alerts = await measureAlerts(session, ALERT_RUNS)

    await browser.close()
    const memory = demoMemory(demo.stateDir)
    await server.stop()

    // -- figure 6b: the national facility scan, in its own demo and browser ----------------------
    log('alert scan at facility level, national (bench/scan-probe.ts)')
    const scanZip = path.join(os.tmpdir(), `triangulate-bench-scan-${process.pid}.zip`)
    writeFileSync(scanZip, appZip)
    onCleanup('scan zip', () => rmSync(scanZip, { force: true }))
    let facilityScan: ScanProbeRun[] = []
    let facilityScanNote: string | undefined
    try {
        facilityScan = (
            await scanProbe({
                facilities: opts.facilities,
                runs: FACILITY_SCAN_RUNS,
                level: DEMO_FACILITY_LEVEL,
                zips: [scanZip],
                replay: false,
                log: (line) => log(line),
            })
        ).runs
    } catch (error) {
        facilityScanNote = String(error).split('\n')[0]
        notes.push(`facility scan: ${facilityScanNote}`)
    }

    // -- demo startups and the analytics engine, with nothing else running ---------------------
    for (let i = 1; i < opts.runs; i++) {
        log(`demo startup ${i + 1}/${opts.runs}`)
        const again = await startDemo(opts.facilities)
        try {
            startups.push({ ...(await readStartupLog(again.demo)), wallMs: again.wallMs })
        } finally {
            await again.stop()
        }
    }
    log('analytics engine timings on the generated country')
    const engine = await runAnalyticsBench(opts.facilities, Math.max(20, opts.runs))

    // -- figures ---------------------------------------------------------------------------------
    const atMost = (max: number, unit = '') => ({ max, text: `≤ ${max}${unit}` })
    for (const n of PAIR_COUNTS) {
        figures.push(
            figure(
                `requests.view.${n}`,
                `Analytics requests per view, ${n} pair${n === 1 ? '' : 's'}`,
                'requests',
                requests[n]?.view ?? [],
                // trend, stock status (facility level), staggered groups: whatever the pairs
                atMost(3)
            )
        )
    }
    const pooled = (key: 'drillUp' | 'revisit') =>
        PAIR_COUNTS.flatMap((n) => requests[n]?.[key] ?? [])
    figures.push(
        figure(
            'requests.drillUp',
            'Analytics requests on drill-up (browser back), 1/10/40 pairs',
            'requests',
            pooled('drillUp'),
            atMost(0)
        ),
        figure(
            'requests.revisit',
            'Analytics requests on revisit (other tab and back), 1/10/40 pairs',
            'requests',
            pooled('revisit'),
            atMost(0)
        )
    )
    const plural = (n: number) => `${n} pair${n === 1 ? '' : 's'}`
    for (const n of PAIR_COUNTS) {
        figures.push(
            figure(
                `longTasks.${n}`,
                `Long tasks > ${LONG_TASK_MS} ms, navigation and drill, ${plural(n)} (per run)`,
                '',
                requests[n]?.longTasks ?? [],
                { max: 0, text: '0 in every run', every: true }
            )
        )
    }
    for (const n of PAIR_COUNTS) {
        figures.push(
            figure(
                `longTasks.longest.${n}`,
                `  longest main-thread task, ${plural(n)} (info)`,
                'ms',
                requests[n]?.longestTask ?? []
            )
        )
    }
    for (const n of PAIR_COUNTS) {
        figures.push(
            figure(
                `view.drawn.${n}`,
                `Navigation → charts in the window drawn, ${plural(n)} (info)`,
                'ms',
                requests[n]?.drawnMs ?? []
            )
        )
    }
    for (const n of PAIR_COUNTS) {
        figures.push(
            figure(
                `drill.pair.${n}`,
                `Drill click → clicked pair's charts drawn, ${plural(n)} (info)`,
                'ms',
                requests[n]?.drillPairMs ?? []
            ),
            figure(
                `drill.click.${n}`,
                `Drill click → charts in the window drawn, ${plural(n)} (info)`,
                'ms',
                requests[n]?.drillMs ?? []
            )
        )
    }
    figures.push(
        figure(
            'view.drawn.app',
            `Navigation → charts in the window drawn, ${area.id} (${area.pairs} pairs)`,
            'ms',
            nav.app
        ),
        figure(
            'view.drawnAll.app',
            `Navigation → all charts drawn, scrolling to each card, ${area.id} (info)`,
            'ms',
            nav.appAll
        ),
        figure(
            'view.drawn.baseline',
            'Navigation → heading shown, empty app-shell app',
            'ms',
            nav.baseline
        ),
        figure('view.drawn.ratio', 'Ratio app / empty app-shell', 'ratio', ratios, atMost(1.5)),
        figure(
            'drill.pair',
            'Drill-down click → both charts of the clicked pair drawn',
            'ms',
            drill.pairTimes,
            atMost(150, ' ms'),
            drill.cached ? `${drill.cached} from cache` : undefined
        ),
        figure(
            'drill.click',
            'Drill-down click → every chart in the window drawn',
            'ms',
            drill.times,
            atMost(300, ' ms')
        ),
        figure('drill.missedClicks', 'Drill clicks needing more than one click (info)', '', [
            drill.missed,
        ])
    )
    const appJs = totalGzip(appFiles)
    const baselineJs = totalGzip(baselineFiles)
    const firstViewGzip = (files: Map<string, Buffer>, lists: string[][]) =>
        lists.map((list) => totalGzip(files, list))
    const appFirst = firstViewGzip(appFiles, [coldAppScripts, ...nav.appScripts])
    const baselineFirst = firstViewGzip(baselineFiles, [
        coldBaselineScripts,
        ...nav.baselineScripts,
    ])
    const baselineFirstMedian = summarize(baselineFirst)?.median ?? 0
    // The same without `service-worker.js`: both apps' worker scripts (the browser's worker
    // registration fetches them, and on localhost the platform's `register` from the page too),
    // run in the worker's thread, not the page's
    const pageOnly = (lists: string[][]) =>
        lists.map((list) => list.filter((file) => file !== 'service-worker.js'))
    const appFirstPage = firstViewGzip(appFiles, pageOnly([coldAppScripts, ...nav.appScripts]))
    const baselineFirstPageMedian =
        summarize(
            firstViewGzip(baselineFiles, pageOnly([coldBaselineScripts, ...nav.baselineScripts]))
        )?.median ?? 0
    figures.push(
        figure('js.all.app', 'JS, all of build/app (gzip)', 'KB', [kb(appJs)]),
        figure('js.all.baseline', 'JS, all of the empty app-shell app (gzip)', 'KB', [
            kb(baselineJs),
        ]),
        // Info: the zip's lazy chunks (mapping editor, alerts, exporting, table, org unit tree, the
        // non-Gregorian calendar code) are only downloaded by the users who open them
        figure('js.all.delta', 'JS in the zip: all app JS − app-shell (gzip) (info)', 'KB', [
            kb(appJs - baselineJs),
        ]),
        figure(
            'js.firstView.delta',
            'JS shipped: first view − app-shell first view (gzip)',
            'KB',
            appFirst.map((b) => kb(b - baselineFirstMedian)),
            atMost(250, ' KB')
        ),
        figure(
            'js.firstView.delta.page',
            '  same, page scripts only, without service-worker.js (info)',
            'KB',
            appFirstPage.map((b) => kb(b - baselineFirstPageMedian))
        )
    )
    for (const q of engine.queries) {
        figures.push(
            figure(
                `analytics.${q.key}`,
                `Demo analytics: ${q.label}, ${q.rows} rows`,
                'ms',
                q.wallMs,
                atMost(q.goalMs ?? 50, ' ms')
            ),
            figure(`analytics.${q.key}.cpu`, `  same, CPU time (info)`, 'ms', q.cpuMs)
        )
    }
    figures.push(
        figure(
            'demo.startup.ready',
            `Demo startup, ${opts.facilities} facilities ([demo] ready in)`,
            'ms',
            startups.map((s) => s.readyMs)
        ),
        figure(
            'demo.startup.wall',
            'Demo startup, spawn → answering HTTP',
            'ms',
            startups.map((s) => s.wallMs)
        ),
        figure(
            'demo.memory.ready',
            'Demo memory at ready (RSS)',
            'MB',
            startups.map((s) => s.rssMb)
        ),
        figure(
            'demo.memory.peak',
            'Demo peak memory after the browser runs (RSS high-water mark)',
            'MB',
            memory ? [memory.peakMb] : []
        ),
        figure(
            'alerts.scan',
            'Alert scan: run → list shown',
            'ms',
            alerts.times,
            undefined,
            alerts.note
        ),
        ...facilityScanFigures(facilityScan, facilityScanNote)
    )

    // -- output ----------------------------------------------------------------------------------
    const table = markdownTable(figures)
    const chunkStatus = (c: (typeof chunks)[number]) =>
        coldAppScripts.includes(c.file)
            ? 'first view'
            : c.entries.length === 1 && c.entries[0] === 'plugin.html'
              ? 'plugin only (dashboard item)'
              : c.entries.length
                ? 'lazy, not on first view'
                : 'not imported (service worker)'
    const chunkLines = chunks.map(
        (c) =>
            `- \`${c.file}\`: ${kb(c.gzip).toFixed(1)} KB gzip (${kb(c.bytes).toFixed(0)} KB raw), ${chunkStatus(c)}`
    )
    // what the big first-view chunks are made of, from their source maps (shipped in the zip)
    const composition = chunks
        .filter((c) => coldAppScripts.includes(c.file) && c.gzip > 20 * 1024)
        .flatMap((c) => {
            const map = appFiles.get(`${c.file}.map`)
            const code = appFiles.get(c.file)
            if (!map || !code) return []
            const parts = chunkComposition(code.toString('utf8'), map.toString('utf8'))
            return [
                {
                    file: c.file,
                    bytes: c.bytes,
                    gzip: c.gzip,
                    packages: parts.map((p) => ({
                        name: p.name,
                        rawKb: kb(p.bytes),
                        // the chunk's gzip size shared out in proportion to raw bytes
                        approxGzipKb: kb((c.gzip * p.bytes) / c.bytes),
                    })),
                },
            ]
        })
    const compositionLines = composition.flatMap((c) => [
        `- \`${c.file}\` (${kb(c.gzip).toFixed(1)} KB gzip): ` +
            c.packages
                .filter((p) => p.rawKb * 1024 >= 0.02 * c.bytes)
                .slice(0, 12)
                .map(
                    (p) =>
                        `${p.name} ${p.rawKb.toFixed(0)} KB raw ≈ ${p.approxGzipKb.toFixed(0)} KB gz`
                )
                .join(', '),
    ])
    const medianOf = <T>(values: number[], items: T[]): T | undefined => {
        const m = summarize(values)?.median
        if (m === undefined) return undefined
        let best = 0
        values.forEach((v, i) => {
            if (Math.abs(v - m) < Math.abs((values[best] as number) - m)) best = i
        })
        return items[best]
    }
    const timelineLines = (title: string, t: Timeline | undefined): string[] =>
        t
            ? [
                  `${title}: ${t.totalMs} ms, of which main-thread long tasks ${t.longTasksMs} ms`,
                  '',
                  '```',
                  ...t.requests
                      .filter((r) => !/\.(woff2?|png|ico|svg|css)$/.test(r.path))
                      .map(
                          (r) =>
                              `${`+${r.start}`.padStart(6)} → ${`${r.end}`.padStart(5)} ms  ${r.type.padEnd(14)} ${r.path.replace(/^\/api\/apps\/[\w-]+\//, 'app: ')}`
                      ),
                  '```',
              ]
            : []
    const navTimeline = medianOf(nav.app, nav.appTimelines)
    const baselineTimeline = medianOf(nav.baseline, nav.baselineTimelines)
    const drillTimeline = medianOf(drill.times, drill.timelines)
    const context = {
        date: new Date().toISOString(),
        commit: gitCommit(),
        facilities: opts.facilities,
        runs: opts.runs,
        machine: `${os.cpus().length} CPU, load ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}, Node ${process.version}`,
        durationS: Math.round((Date.now() - started) / 1000),
    }
    const results = {
        ...context,
        figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
        chunks: chunks.map((c) => ({ ...c, status: chunkStatus(c) })),
        lazyChunks: chunks.filter((c) => !coldAppScripts.includes(c.file)).map((c) => c.file),
        composition,
        firstView: { app: coldAppScripts, baseline: coldBaselineScripts },
        timelines: {
            navigation: navTimeline,
            baselineNavigation: baselineTimeline,
            drill: drillTimeline,
        },
        startups,
        analyticsEngine: engine,
        notes,
    }
    writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n')

    const report = [
        `Run ${context.date}, commit ${context.commit}; ${context.facilities} facilities, ${context.runs} runs; ${context.machine}; ${context.durationS} s.`,
        '',
        table,
        '',
        'JS chunks (gzip, zlib default level):',
        '',
        ...chunkLines,
        '',
        'What the first-view chunks are made of (source maps; gzip shared out by raw size):',
        '',
        ...compositionLines,
        '',
        ...timelineLines(
            `Navigation → charts in the window drawn, ${area.id}, median run (times from navigation start)`,
            navTimeline
        ),
        '',
        ...timelineLines('Empty app-shell, median run', baselineTimeline),
        '',
        ...timelineLines(
            'Drill-down → every chart in the window drawn, median click (times from the click)',
            drillTimeline
        ),
        ...(notes.length ? ['', 'Notes:', '', ...notes.map((n) => `- ${n}`)] : []),
    ].join('\n')
    console.log(`\n${report}\n`)
    log(`results written to ${path.relative(process.cwd(), RESULTS_FILE)}`)

    if (opts.writeReadme && existsSync(README_FILE)) {
        const readme = readFileSync(README_FILE, 'utf8')
        const start = readme.indexOf(README_START)
        const end = readme.indexOf(README_END)
        if (start >= 0 && end > start) {
            writeFileSync(
                README_FILE,
                `${readme.slice(0, start + README_START.length)}\n${report}\n${readme.slice(end)}`
            )
            log('bench/README.md updated')
        }
    }
}

main()
    .then(cleanUp, async (error: unknown) => {
        console.error(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`)
        await cleanUp()
        process.exitCode = 1
    })
    .finally(() => process.exit())
