/**
 * Where the main thread's time goes: a CPU profile (Chrome DevTools protocol) of one navigation to
 * the view, of drill-down clicks and of an alert scan, in the built app on the demo DHIS2, each sample attributed to
 * its npm package (or the app's own file and function) through the chunks' source maps.
 *
 *     npx tsx bench/profile.ts [--facilities 6000] [--area newborn-health | --pairs 40] [--clicks 5]
 *
 * Uses `build/bundle/*.zip` (run `npm run build` first), at 1440×900 as the bench. `--pairs N`:
 * the bench's mapping of N pairs in one program area instead of a demo program area. Prints the
 * self time per package and the functions with the most self time, for each of the three, and
 * the longest main-thread tasks with what they spent their time on (a task: a run of samples
 * without idle between them).
 */
import { readFileSync } from 'node:fs'
import type { CDPSession, Page } from 'playwright-core'
import { launchChromium } from '../test/browser/support/chromium'
import {
    ADMIN,
    installApp,
    startDemoProcess,
    type DemoProcess,
} from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { builtZipPath, readZip } from './lib/js-size'
import {
    CARD,
    chartTitles,
    firstCardPointTarget,
    waitTitles,
    waitViewportDrawn,
    watchDrill,
} from './lib/browser'
import { BENCH_AREA, benchConfig } from './lib/configs'
import { adminApi } from './lib/demo'
import { packageOf, zipSourceMaps, type SourceLookup } from './lib/source-map'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

interface ProfileNode {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}
interface Profile {
    nodes: ProfileNode[]
    samples: number[]
    timeDeltas: number[]
}

const summarize = (title: string, profile: Profile, maps: Map<string, SourceLookup>): void => {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const selfMs = new Map<number, number>()
    profile.samples.forEach((id, i) => {
        selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    })
    const packages = new Map<string, number>()
    const functions = new Map<string, number>()
    let total = 0
    for (const [id, ms] of selfMs) {
        const frame = byId.get(id)?.callFrame
        if (!frame) continue
        const file = frame.url.split('/').pop() ?? ''
        const position = maps.get(file)?.find(frame.lineNumber, frame.columnNumber)
        const pkg = position
            ? packageOf(position.source)
            : frame.url
              ? `(${file || frame.url})`
              : `(${frame.functionName || 'native'})`
        if (pkg === '((idle))' || frame.functionName === '(idle)') continue
        total += ms
        packages.set(pkg, (packages.get(pkg) ?? 0) + ms)
        const where = position
            ? `${position.source.replace(/^.*node_modules\//, '')}:${position.line}`
            : frame.url || '-'
        const fn = `${frame.functionName || '(anonymous)'} ${where}`
        functions.set(fn, (functions.get(fn) ?? 0) + ms)
    }
    const top = (m: Map<string, number>, n: number) =>
        [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
    const tasks = longestTasks(profile, maps)
    console.log(`\n## ${title}: ${total.toFixed(0)} ms of samples (idle left out)\n`)
    for (const [name, ms] of top(packages, 15))
        console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`)
    console.log('\nFunctions with the most self time:')
    for (const [name, ms] of top(functions, 25))
        console.log(`${ms.toFixed(1).padStart(7)} ms  ${name}`)
    console.log('\nLongest main-thread tasks (over 50 ms), and their packages by self time:')
    if (tasks.length === 0) console.log('  none')
    for (const task of tasks) {
        console.log(
            `${task.ms.toFixed(0).padStart(7)} ms  ${task.packages
                .slice(0, 6)
                .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
                .join(', ')}`
        )
        console.log(
            `           ${task.functions
                .slice(0, 5)
                .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
                .join('; ')}`
        )
    }
}

/** Where a profile node's code is: npm package (or app file) and function with its source line */
const frameOf = (
    frame: ProfileNode['callFrame'],
    maps: Map<string, SourceLookup>
): { pkg: string; fn: string } => {
    const file = frame.url.split('/').pop() ?? ''
    const position = maps.get(file)?.find(frame.lineNumber, frame.columnNumber)
    const pkg = position
        ? packageOf(position.source)
        : frame.url
          ? `(${file || frame.url})`
          : `(${frame.functionName || 'native'})`
    const where = position
        ? `${position.source.replace(/^.*node_modules\//, '')}:${position.line}`
        : frame.url || '-'
    return { pkg, fn: `${frame.functionName || '(anonymous)'} ${where}` }
}

/**
 * The main thread's tasks over 50 ms, longest first (at most 8): runs of samples with no idle
 * sample (and no gap) between them, each with its self time per package and function.
 */
const longestTasks = (profile: Profile, maps: Map<string, SourceLookup>) => {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const tasks: { ms: number; packages: [string, number][]; functions: [string, number][] }[] = []
    let packages = new Map<string, number>()
    let functions = new Map<string, number>()
    let ms = 0
    const close = () => {
        if (ms > 50) {
            const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])
            tasks.push({ ms, packages: sorted(packages), functions: sorted(functions) })
        }
        packages = new Map()
        functions = new Map()
        ms = 0
    }
    profile.samples.forEach((id, i) => {
        const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
        const frame = byId.get(id)?.callFrame
        if (!frame || frame.functionName === '(idle)' || delta > 5) {
            close()
            return
        }
        const { pkg, fn } = frameOf(frame, maps)
        ms += delta
        packages.set(pkg, (packages.get(pkg) ?? 0) + delta)
        functions.set(fn, (functions.get(fn) ?? 0) + delta)
    })
    close()
    return tasks.sort((a, b) => b.ms - a.ms).slice(0, 8)
}

const profiled = async <T>(cdp: CDPSession, run: () => Promise<T>): Promise<Profile> => {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await run()
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    return profile
}

const main = async () => {
    const facilities = Number(arg('facilities', '6000'))
    const pairCount = Number(arg('pairs', '0'))
    const area = pairCount > 0 ? BENCH_AREA : arg('area', 'newborn-health')
    const clicks = Number(arg('clicks', '5'))
    const zipPath = builtZipPath()
    const maps = zipSourceMaps(await readZip(readFileSync(zipPath)))
    const demo: DemoProcess = await startDemoProcess({ facilities })
    const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        if (pairCount > 0) {
            const config = await adminApi(demo.url, 'GET', '/api/dataStore/triangulate/config')
            await adminApi(
                demo.url,
                'PUT',
                '/api/dataStore/triangulate/config',
                benchConfig(config, pairCount)
            )
        }
        const { page } = await openApp(browser, demo.url, ADMIN, `#/view?area=${area}`)
        const pairs = await page.locator(CARD).count()
        await waitViewportDrawn(page, Math.max(1, pairs))
        const expected = await page.locator(CARD).count()
        const cdp = await browser.newCDPSession(page)
        const url = `${demo.url}/api/apps/triangulate/index.html#/view?area=${area}`
        const navigation = await profiled(cdp, async () => {
            await page.goto('about:blank')
            await page.goto(url)
            await waitViewportDrawn(page, expected)
            // and the drawings near the view made after it
            await page.waitForTimeout(1500)
        })
        summarize(
            `Navigation → charts in the window of ${expected} cards drawn (+1.5 s)`,
            navigation,
            maps
        )
        const drill = await profiled(cdp, () => drillClicks(page, clicks))
        summarize(`${clicks} drill-down clicks (and back)`, drill, maps)
        await page.goto(`${demo.url}/api/apps/triangulate/index.html#/alerts`)
        await page.locator('[data-test="alerts-run"]').waitFor({ timeout: 60_000 })
        const started = Date.now()
        const scan = await profiled(cdp, async () => {
            await page.locator('[data-test="alerts-run"]').click()
            await page
                .locator('[data-test="alerts-list"], [data-test="alerts-empty"]')
                .first()
                .waitFor({ timeout: 120_000 })
        })
        summarize(`Alert scan (${Date.now() - started} ms wall)`, scan, maps)
    } finally {
        await browser.close()
        await demo.stop()
    }
}

const drillClicks = async (page: Page, clicks: number): Promise<void> => {
    for (let i = 0; i < clicks; i++) {
        const before = await chartTitles(page)
        const target = await firstCardPointTarget(page, i)
        const drill = await watchDrill(page, before)
        await page.mouse.move(target.x, target.y)
        await page.mouse.click(target.x, target.y)
        await drill.done
        await page.waitForTimeout(500)
        await page.goBack()
        await waitTitles(page, before)
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
