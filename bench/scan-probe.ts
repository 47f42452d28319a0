/**
 * Where an alert scan's time goes in the browser: the built app on the generated country, the
 * Alerts page with the default window (12 baseline months, 6 tested) and one level (default:
 * the facilities, nationally), from the click on "Run" to the list shown, split into
 *
 * - the analytics requests: how many, bytes received (decoded and on the wire), the time the
 *   browser waited for each answer's first byte (the server's time, including a request queued
 *   behind another on the single-threaded demo) and received its body, and the span from the
 *   first request to the last answer;
 * - the main thread's own work, from the app's user-timing measures (`triangulate:scan:*`,
 *   `src/shared/perf/mark.ts`): the data engine's request (fetch and JSON parse) minus the
 *   network, the answer read into a table (`scan:parse`), folded into the level's values
 *   (`scan:fold`), the detectors' inputs built (`scan:build`), the scan posted to the worker
 *   (`scan:post`) and its result received (`scan:receive`);
 * - the worker's scan (`scan:worker`, and the worker's own time in its `detail`): the worker scans
 *   each piece of the scan as it is built, so this is from the last message (`run`) to the result,
 *   what is left after the last piece;
 * - the main thread's long tasks during the scan: how many over 200 ms (goal: none, the page
 *   must not freeze) and the longest.
 *
 * Then each request of the last run again, one at a time from Node with nothing else running
 * against the demo: the server's own wall time and bytes per request.
 *
 *     npx tsx bench/scan-probe.ts [--facilities 6000] [--runs 2] [--level 4] [--area <id>]
 *         [--zip a.zip[,b.zip]] [--json]
 *
 * `--zip`: the app zip(s) to measure (default `build/bundle/*.zip`, `npm run build` first); with
 * two, runs alternate between them (A, B, A, B...), each in a fresh browser profile, for an A/B
 * comparison on a loaded machine. The machine's load (`uptime`) is printed with every run.
 * `bench/run.ts` runs it once (`--runs 1`) for its figure 6b.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { buildAppZip } from '../test/browser/support/build'
import { launchChromium } from '../test/browser/support/chromium'
import {
    ADMIN,
    basicAuth,
    installApp,
    startDemoProcess,
} from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { clearClickTime, clickTime, gotoFresh, instrument } from './lib/browser'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

/** What the alerts page shows when a scan is done: the list, or the notice that there is none */
const ALERTS_RESULT = '[data-test="alerts-list"], [data-test="alerts-empty"]'
const LONG_TASK_MS = 200
const ANALYTICS = /\/api\/(\d+\/)?analytics/

export interface ScanProbeRun {
    zip: string
    load: string
    /** Click on Run → list shown */
    totalMs: number
    requests: number
    /** Bytes of the answers' bodies, decoded / as transferred (0 when not known) */
    decodedBytes: number
    transferBytes: number
    /** First request sent → last answer received */
    requestSpanMs: number
    /** Σ per request: sent → first byte (server, queueing included) and first byte → last byte */
    waitMs: number
    receiveMs: number
    /** Σ of the app's measures by name (`scan:parse`, `scan:fold`, ...), ms */
    measures: Record<string, number>
    /** The worker's own scan time (its `milliseconds`) */
    workerOwnMs: number | null
    /** Long tasks (> 50 ms) between the click and the list: all, over 200 ms, longest, sum */
    longTasks: number
    longTasksOver200: number
    longestTaskMs: number
    longTasksMs: number
    /** Each task over 200 ms: its length, start and the app's steps it overlapped */
    longTaskSteps: string[]
    /** Entries shown (the list's items) */
    entries: number
    /** The list's text 1.5 s after it was shown, to compare two builds' lists */
    listDigest: string
    urls: string[]
}

const uptime = (): string => {
    try {
        return execFileSync('uptime', { encoding: 'utf8' })
            .trim()
            .replace(/^.*load/, 'load')
    } catch {
        return `load average: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(', ')}`
    }
}

/** One scan on a fresh page: click on Run → list shown, with its split (see the module comment). */
const measureScan = async (page: Page, url: string, zip: string): Promise<ScanProbeRun> => {
    const load = uptime()
    await gotoFresh(page, url)
    const button = page.locator('[data-test="alerts-run"]')
    await button.waitFor({ timeout: 60_000 })
    // Wait until the page can run (the levels' sizes and the metadata are loaded)
    await page.waitForFunction(
        () => !document.querySelector('[data-test="alerts-run"]')?.hasAttribute('disabled'),
        undefined,
        { timeout: 60_000 }
    )
    await page.waitForTimeout(500)
    await clearClickTime(page)
    await page.evaluate(() => performance.clearMeasures())
    await button.click()
    const shownAt = (await (
        await page.waitForFunction(
            (result) => {
                const list = document.querySelector(result)
                if (!list || list.getBoundingClientRect().height === 0) return false
                return performance.now()
            },
            ALERTS_RESULT,
            { polling: 'raf', timeout: 600_000 }
        )
    ).jsonValue()) as number
    const clickedAt = (await clickTime(page)) ?? NaN
    // The list as it stays (its follow-ups and notices loaded), for the digest
    await page.waitForTimeout(1500)
    const inPage = await page.evaluate(
        ({ from, to, pattern }) => {
            const analytics = new RegExp(pattern)
            const resources = performance
                .getEntriesByType('resource')
                .map((e) => e as PerformanceResourceTiming)
                .filter((e) => e.startTime >= from && e.startTime <= to && analytics.test(e.name))
            const measures: Record<string, number> = {}
            let workerOwnMs: number | null = null
            for (const entry of performance.getEntriesByType('measure')) {
                if (!entry.name.startsWith('triangulate:scan:')) continue
                if (entry.startTime < from - 1) continue
                const name = entry.name.slice('triangulate:'.length)
                measures[name] = (measures[name] ?? 0) + entry.duration
                const detail = (entry as PerformanceMeasure).detail as unknown
                if (name === 'scan:worker' && typeof detail === 'number') workerOwnMs = detail
            }
            const tasks = (window.__benchLongTasks ?? []).filter(
                ([start, duration]) => start + duration > from && start < to
            )
            // What each task over 200 ms overlapped: the app's measures, else "other"
            const scanMeasures = performance
                .getEntriesByType('measure')
                .filter(
                    (e) =>
                        e.name.startsWith('triangulate:scan:') &&
                        e.name !== 'triangulate:scan:worker'
                )
            const longOnes = tasks
                .filter(([, duration]) => duration > 200)
                .map(([start, duration]) => {
                    const names = new Set(
                        scanMeasures
                            .filter(
                                (e) =>
                                    e.startTime < start + duration &&
                                    e.startTime + e.duration > start
                            )
                            .map((e) => e.name.slice('triangulate:scan:'.length))
                    )
                    return `${Math.round(duration)} ms at +${Math.round(start - from)} ms (${[...names].join(', ') || 'other'})`
                })
            const list = document.querySelector('[data-test="alerts-list"]')
            return {
                resources: resources.map((e) => ({
                    url: e.name,
                    start: e.startTime,
                    requestStart: e.requestStart || e.startTime,
                    responseStart: e.responseStart,
                    responseEnd: e.responseEnd,
                    decoded: e.decodedBodySize,
                    transfer: e.transferSize,
                })),
                measures,
                workerOwnMs,
                tasks: tasks.map(([, duration]) => duration),
                longOnes,
                entries: list ? list.children.length : 0,
                listText: list?.textContent ?? document.querySelector('body')?.innerText ?? '',
            }
        },
        { from: clickedAt, to: shownAt, pattern: ANALYTICS.source }
    )
    const resources = inPage.resources
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    // A digest of the list's text (FNV-1a), to compare two builds' lists
    let hash = 0x811c9dc5
    for (let i = 0; i < inPage.listText.length; i++) {
        hash ^= inPage.listText.charCodeAt(i)
        hash = Math.imul(hash, 0x01000193) >>> 0
    }
    return {
        zip: path.basename(zip),
        load,
        totalMs: shownAt - clickedAt,
        requests: resources.length,
        decodedBytes: sum(resources.map((r) => r.decoded)),
        transferBytes: sum(resources.map((r) => r.transfer)),
        requestSpanMs: resources.length
            ? Math.max(...resources.map((r) => r.responseEnd)) -
              Math.min(...resources.map((r) => r.start))
            : 0,
        waitMs: sum(resources.map((r) => r.responseStart - r.requestStart)),
        receiveMs: sum(resources.map((r) => r.responseEnd - r.responseStart)),
        measures: inPage.measures,
        workerOwnMs: inPage.workerOwnMs,
        longTasks: inPage.tasks.length,
        longTasksOver200: inPage.tasks.filter((d) => d > LONG_TASK_MS).length,
        longestTaskMs: inPage.tasks.length ? Math.max(...inPage.tasks) : 0,
        longTasksMs: sum(inPage.tasks),
        longTaskSteps: inPage.longOnes,
        entries: inPage.entries,
        listDigest: hash.toString(16),
        urls: resources.map((r) => r.url),
    }
}

/** Each request again from Node, one at a time: the server's own time and the body's bytes. */
export const replayRequests = async (
    urls: readonly string[]
): Promise<{ serverMs: number; bodyMs: number; bytes: number; slowestMs: number }> => {
    let serverMs = 0
    let bodyMs = 0
    let bytes = 0
    let slowestMs = 0
    const auth = basicAuth(ADMIN.username, ADMIN.password)
    for (const url of urls) {
        const t0 = performance.now()
        const response = await fetch(url, { headers: { Authorization: auth } })
        const t1 = performance.now()
        const body = await response.arrayBuffer()
        const t2 = performance.now()
        serverMs += t1 - t0
        bodyMs += t2 - t1
        slowestMs = Math.max(slowestMs, t2 - t0)
        bytes += body.byteLength
    }
    return { serverMs, bodyMs, bytes, slowestMs }
}

const ms = (value: number): string => `${(value / 1000).toFixed(2)} s`
const mb = (value: number): string => `${(value / 1e6).toFixed(1)} MB`

/** The run as one line per figure, for the terminal and bench/README.md */
export const describeRun = (run: ScanProbeRun): string => {
    const m = (name: string) => run.measures[name] ?? 0
    const engineMs = m('scan:request')
    return [
        `${run.zip}: click → list ${ms(run.totalMs)} (${run.load})`,
        `  requests ${run.requests}, ${mb(run.decodedBytes)} decoded (${mb(run.transferBytes)} transferred), first sent → last received ${ms(run.requestSpanMs)}; Σ waiting for the first byte ${ms(run.waitMs)}, Σ receiving ${ms(run.receiveMs)}; Σ data engine request (network + JSON parse) ${ms(engineMs)}`,
        `  main thread: parse ${ms(m('scan:parse'))}, fold ${ms(m('scan:fold'))}, build ${ms(m('scan:build'))}, post to worker ${ms(m('scan:post'))}, receive result ${ms(m('scan:receive'))}`,
        `  worker: posted → result ${ms(m('scan:worker'))} (its own scan ${run.workerOwnMs === null ? '?' : ms(run.workerOwnMs)})`,
        `  long tasks > 50 ms: ${run.longTasks} (Σ ${ms(run.longTasksMs)}), > 200 ms: ${run.longTasksOver200}, longest ${Math.round(run.longestTaskMs)} ms${run.longTaskSteps.length ? ` [${run.longTaskSteps.join('; ')}]` : ''}; entries ${run.entries}, list digest ${run.listDigest}`,
    ].join('\n')
}

/** Runs the probe; used by `bench/run.ts` too (one run, its own demo and browser). */
export const scanProbe = async (options: {
    facilities: number
    runs: number
    level: number
    area?: string
    zips: string[]
    replay?: boolean
    /** A directory to write each run's page text to (to compare two builds' lists) */
    dumpDir?: string
    log?: (line: string) => void
}): Promise<{
    runs: ScanProbeRun[]
    replay: Awaited<ReturnType<typeof replayRequests>> | null
}> => {
    const log = options.log ?? ((line: string) => console.log(line))
    const demo = await startDemoProcess({ facilities: options.facilities })
    const runs: ScanProbeRun[] = []
    let replay: Awaited<ReturnType<typeof replayRequests>> | null = null
    let context: BrowserContext | null = null
    try {
        const hash = `#/alerts?lv=${options.level}${options.area ? `&area=${options.area}` : ''}`
        const url = `${demo.url}/api/apps/triangulate/index.html${hash}`
        let installed = ''
        for (let i = 0; i < options.runs * options.zips.length; i++) {
            const zip = options.zips[i % options.zips.length] as string
            if (zip !== installed || !context) {
                await context?.close()
                context = null
                await installApp(demo.url, zip, readFileSync(zip))
                installed = zip
                context = await launchChromium({ viewport: { width: 1440, height: 900 } })
                await instrument(context)
                const { page } = await openApp(context, demo.url, ADMIN, hash)
                await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
            }
            const page = context.pages().at(-1) as Page
            const run = await measureScan(page, url, zip)
            if (options.dumpDir) {
                writeFileSync(
                    path.join(options.dumpDir, `${path.basename(zip)}-${i + 1}.txt`),
                    await page.evaluate(
                        () => document.querySelector('main, body')?.textContent ?? ''
                    )
                )
            }
            runs.push(run)
            log(describeRun(run))
        }
        await context?.close()
        context = null
        const last = runs.at(-1)
        if (options.replay !== false && last) {
            replay = await replayRequests(last.urls)
            log(
                `replayed from Node, one at a time (${uptime()}): ${last.urls.length} requests, server ${ms(replay.serverMs)} to the headers + ${ms(replay.bodyMs)} body, ${mb(replay.bytes)}, slowest ${Math.round(replay.slowestMs)} ms`
            )
        }
    } finally {
        await context?.close()
        await demo.stop()
    }
    return { runs, replay }
}

const main = async () => {
    const zips = process.argv.includes('--zip')
        ? arg('zip', '')
              .split(',')
              .filter(Boolean)
              .map((zip) => path.resolve(zip))
        : [buildAppZip()]
    const result = await scanProbe({
        facilities: Number(arg('facilities', '6000')),
        runs: Number(arg('runs', '2')),
        level: Number(arg('level', '4')),
        area: process.argv.includes('--area') ? arg('area', '') : undefined,
        zips,
        ...(process.argv.includes('--dump') ? { dumpDir: arg('dump', '.') } : {}),
    })
    if (process.argv.includes('--json')) {
        console.log(
            JSON.stringify({
                ...result,
                runs: result.runs.map((r) => ({ ...r, urls: r.urls.length })),
            })
        )
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/scan-probe.ts')) {
    main().catch((error) => {
        console.error(error)
        process.exitCode = 1
    })
}
