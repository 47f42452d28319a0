/**
 * Where the main thread's time goes: a CPU profile (Chrome DevTools protocol) of one navigation to
 * the view, of drill-down clicks and of an alert scan, in the built app on the demo DHIS2, each sample attributed to
 * its npm package (or the app's own file and function) through the chunks' source maps.
 *
 *     npx tsx bench/profile.ts [--facilities 6000] [--area newborn-health] [--clicks 5]
 *
 * Uses `build/bundle/*.zip` (run `npm run build` first). Prints the self time per package and the
 * functions with the most self time, for each of the three.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchChromium } from '../test/browser/support/chromium'
import {
    ADMIN,
    installApp,
    startDemoProcess,
    type DemoProcess,
} from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { readZip } from './lib/js-size'
import {
    CARD,
    POINT_IN_CARD,
    chartTitles,
    waitDrilled,
    waitTitles,
    waitViewDrawn,
} from './lib/browser'
import { decodeMappings, packageOf, type MappingSegment } from './lib/source-map'

const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

interface ProfileNode {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}
interface Profile {
    nodes: ProfileNode[]
    samples: number[]
    timeDeltas: number[]
}

/** Generated position → source file and line, through a chunk's source map */
class SourceLookup {
    private readonly lines: MappingSegment[][]
    constructor(
        private readonly sources: readonly string[],
        mappings: string
    ) {
        this.lines = decodeMappings(mappings).map((segments) =>
            segments.filter((segment) => segment.source !== null)
        )
    }

    find(line: number, column: number): { source: string; line: number } | null {
        const segments = this.lines[line]
        if (!segments?.length) return null
        let best = segments[0]
        for (const s of segments) {
            if (s.column > column) break
            best = s
        }
        return best && best.source !== null
            ? { source: this.sources[best.source] ?? '?', line: best.line + 1 }
            : null
    }
}

const loadMaps = async (zipPath: string): Promise<Map<string, SourceLookup>> => {
    const files = await readZip(readFileSync(zipPath))
    const maps = new Map<string, SourceLookup>()
    for (const [name, data] of files) {
        if (name.endsWith('.js.map')) {
            const map = JSON.parse(data.toString()) as { sources: string[]; mappings: string }
            maps.set(path.basename(name, '.map'), new SourceLookup(map.sources, map.mappings))
        }
    }
    return maps
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
    console.log(`\n## ${title}: ${total.toFixed(0)} ms of samples (idle left out)\n`)
    for (const [name, ms] of top(packages, 15))
        console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`)
    console.log('\nFunctions with the most self time:')
    for (const [name, ms] of top(functions, 25))
        console.log(`${ms.toFixed(1).padStart(7)} ms  ${name}`)
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
    const area = arg('area', 'newborn-health')
    const clicks = Number(arg('clicks', '5'))
    const zipDir = 'build/bundle'
    const zipName = readdirSync(zipDir).find((f) => f.endsWith('.zip'))
    if (!zipName) throw new Error('No build/bundle/*.zip: run npm run build first')
    const zipPath = path.join(zipDir, zipName)
    const maps = await loadMaps(zipPath)
    const demo: DemoProcess = await startDemoProcess({ facilities })
    const browser = await launchChromium()
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const { page } = await openApp(browser, demo.url, ADMIN, `#/view?area=${area}`)
        const pairs = await page.locator(CARD).count()
        await waitViewDrawn(page, Math.max(1, pairs))
        const expected = await page.locator(CARD).count()
        const cdp = await browser.newCDPSession(page)
        const url = `${demo.url}/api/apps/triangulate/index.html#/view?area=${area}`
        const navigation = await profiled(cdp, async () => {
            await page.goto('about:blank')
            await page.goto(url)
            await waitViewDrawn(page, expected)
        })
        summarize(`Navigation → ${expected} cards drawn`, navigation, maps)
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
        const point = page.locator(POINT_IN_CARD).nth(i)
        await point.scrollIntoViewIfNeeded()
        const box = await point.boundingBox()
        if (!box) throw new Error('no point')
        await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 4))
        await page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 4))
        await waitDrilled(page, before)
        await page.goBack()
        await waitTitles(page, before)
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
