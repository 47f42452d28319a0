/**
 * A DevTools-protocol trace of navigations to the view: per main-thread task from the first
 * analytics response until the charts in the window are drawn, what it spent its time on (script,
 * style, layout — forced by script or not —, paint), and who forced each layout.
 *
 *     npx tsx bench/trace-nav.ts [--facilities 6000] [--area newborn-health] [--runs 3]
 *       [--from <ms from navigation>] [--detail [--forced-min-ms 0.3] [--forced-top 6] [--forced-depth 4]]
 *
 * With `--detail`, per task of more than 8 ms, the forced style and layout passes longer than
 * `--forced-min-ms`, grouped by the top `--forced-depth` frames of their stack, the
 * `--forced-top` groups that took longest.
 */
import { readFileSync } from 'node:fs'
import { launchChromium } from '../test/browser/support/chromium'
import { installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { builtZipPath, readZip } from './lib/js-size'
import { openWarmView, waitViewportDrawn } from './lib/browser'
import { frameSource, zipSourceMaps } from './lib/source-map'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

interface TraceEvent {
    name: string
    cat: string
    ph: string
    ts: number
    dur?: number
    /** The thread's CPU time (µs) */
    tdur?: number
    pid: number
    tid: number
    args?: {
        name?: string
        data?: { stackTrace?: Frame[]; frame?: string; url?: string; functionName?: string }
        beginData?: { stackTrace?: Frame[] }
    }
}
interface Frame {
    functionName: string
    url: string
    lineNumber: number
    columnNumber: number
}

const forcedMinUs = Number(arg('forced-min-ms', '0.3')) * 1000
const forcedTop = Number(arg('forced-top', '6'))
const forcedDepth = Number(arg('forced-depth', '4'))

const main = async () => {
    const facilities = Number(arg('facilities', '6000'))
    const area = arg('area', 'newborn-health')
    const runs = Number(arg('runs', '3'))
    const zipPath = builtZipPath()
    const maps = zipSourceMaps(await readZip(readFileSync(zipPath)))
    const where = (f: Frame): string =>
        `${f.functionName || '?'}@${frameSource(maps, f) ?? f.url.split('/').pop() ?? ''}`
    const demo = await startDemoProcess({ facilities })
    const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const { page, url, cards: expected } = await openWarmView(browser, demo.url, area)
        const cdp = await browser.newCDPSession(page)
        const summary: number[][] = []
        for (let run = 0; run < runs; run++) {
            await page.goto('about:blank')
            const events: TraceEvent[] = []
            const collect = (e: { value: unknown[] }) => {
                events.push(...(e.value as TraceEvent[]))
            }
            cdp.on('Tracing.dataCollected', collect)
            const done = new Promise<void>((resolve) =>
                cdp.once('Tracing.tracingComplete', () => resolve())
            )
            await cdp.send('Tracing.start', {
                categories: [
                    'devtools.timeline',
                    ...(process.argv.includes('--detail')
                        ? [
                              'disabled-by-default-devtools.timeline.stack',
                              'v8',
                              'v8.execute',
                              'blink',
                          ]
                        : []),
                    'blink.user_timing',
                    'toplevel',
                    'disabled-by-default-devtools.timeline',
                ].join(','),
                transferMode: 'ReportEvents',
            })
            await page.goto(url, { waitUntil: 'commit' })
            const drawnAt = await waitViewportDrawn(page, expected)
            await page.waitForTimeout(300)
            const marks = await page.evaluate(() =>
                performance
                    .getEntriesByType('mark')
                    .filter((m) => m.name.startsWith('triangulate:'))
                    .map((m) => [m.name, m.startTime] as [string, number])
            )
            await cdp.send('Tracing.end')
            await done
            cdp.removeListener('Tracing.dataCollected', collect)
            // the renderer of the page: where the marks are
            const markEvent = events.find((e) => e.name === 'triangulate:app-module')
            if (!markEvent) throw new Error('no mark in trace')
            const appModule = marks.find((m) => m[0] === 'triangulate:app-module')![1]
            const origin = markEvent.ts / 1000 - appModule
            const at = (ts: number) => ts / 1000 - origin
            const main = events.filter(
                (e) => e.pid === markEvent.pid && e.tid === markEvent.tid && e.ph === 'X'
            )
            // `--from <ms>`: the tasks from that time (from navigation) instead of the first answer
            const from = process.argv.includes('--from')
                ? Number(arg('from', '0'))
                : (marks.find((m) => m[0] === 'triangulate:first-analytics-response')?.[1] ?? 0)
            console.log(`\n# run ${run + 1}: drawn at ${drawnAt.toFixed(0)} ms`)
            console.log(
                marks.map(([n, t]) => `${n.replace('triangulate:', '')} ${t.toFixed(0)}`).join(', ')
            )
            const tasks = main
                .filter(
                    (e) =>
                        e.name === 'RunTask' &&
                        at(e.ts) + (e.dur ?? 0) / 1000 >= from - 5 &&
                        at(e.ts) <= drawnAt + 300
                )
                .sort((a, b) => a.ts - b.ts)
            const allTasks = main.filter((e) => e.name === 'RunTask')
            const cpu = (a: number, b: number) =>
                allTasks
                    .filter((e) => at(e.ts) >= a && at(e.ts) < b)
                    .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0)
            const mark = (n: string) => marks.find((m) => m[0] === `triangulate:${n}`)?.[1] ?? NaN
            const [resp, trendsReady, card, turn] = [
                'first-analytics-response',
                'trends-ready',
                'card-render',
                'draw-turn',
            ].map(mark) as [number, number, number, number]
            summary.push([
                drawnAt - resp,
                cpu(resp - 1, drawnAt),
                cpu(resp - 1, card),
                cpu(card, turn),
                cpu(turn, drawnAt),
                card - resp,
                turn - card,
                drawnAt - turn,
            ])
            console.log(
                `SUMMARY wall resp→drawn ${(drawnAt - resp).toFixed(0)} (resp→card ${(card - resp).toFixed(0)}, card→turn ${(turn - card).toFixed(0)}, turn→drawn ${(drawnAt - turn).toFixed(0)}); main-thread CPU ${cpu(resp - 1, drawnAt).toFixed(0)} (resp→card ${cpu(resp - 1, card).toFixed(0)}, card→turn ${cpu(card, turn).toFixed(0)}, turn→drawn ${cpu(turn, drawnAt).toFixed(0)}) trends ${(trendsReady - resp).toFixed(0)}`
            )
            if (!process.argv.includes('--detail')) continue
            for (const task of tasks) {
                const start = task.ts
                const end = task.ts + (task.dur ?? 0)
                const inside = main.filter(
                    (e) => e !== task && e.ts >= start && e.ts + (e.dur ?? 0) <= end
                )
                const sum = (names: string[], filter: (e: TraceEvent) => boolean = () => true) =>
                    inside
                        .filter((e) => names.includes(e.name) && filter(e))
                        .reduce((s, e) => s + (e.dur ?? 0), 0) / 1000
                const scripts = inside.filter((e) =>
                    [
                        'FunctionCall',
                        'EvaluateScript',
                        'TimerFire',
                        'FireAnimationFrame',
                        'EventDispatch',
                        'v8.callFunction',
                    ].includes(e.name)
                )
                const inScript = (e: TraceEvent) =>
                    scripts.some((s) => s.ts <= e.ts && s.ts + (s.dur ?? 0) >= e.ts + (e.dur ?? 0))
                const dur = (task.dur ?? 0) / 1000
                if (dur < 3) continue
                const layoutForced = sum(['Layout'], inScript)
                const styleForced = sum(['UpdateLayoutTree'], inScript)
                const layoutAll = sum(['Layout'])
                const styleAll = sum(['UpdateLayoutTree'])
                const paint = sum([
                    'Paint',
                    'PrePaint',
                    'Layerize',
                    'Commit',
                    'UpdateLayer',
                    'CompositeLayers',
                ])
                const gc = sum(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'])
                const top = inside
                    .filter((e) =>
                        [
                            'FunctionCall',
                            'EvaluateScript',
                            'TimerFire',
                            'FireAnimationFrame',
                            'EventDispatch',
                            'ParseHTML',
                            'v8.callFunction',
                        ].includes(e.name)
                    )
                    .map(
                        (e) =>
                            e.name +
                            (e.args?.data?.functionName ? `:${e.args.data.functionName}` : '') +
                            (e.args?.data?.url ? `@${e.args.data.url.split('/').pop()}` : '')
                    )
                const marksIn = marks
                    .filter(([, t]) => t >= at(start) && t <= at(end))
                    .map(([n]) => n.replace('triangulate:', ''))
                console.log(
                    `${at(start).toFixed(0).padStart(6)} +${dur.toFixed(1).padStart(6)} cpu ${((task.tdur ?? 0) / 1000).toFixed(1)} style ${styleAll.toFixed(1)} (forced ${styleForced.toFixed(1)}), layout ${layoutAll.toFixed(1)} (forced ${layoutForced.toFixed(1)}), paint ${paint.toFixed(1)}, gc ${gc.toFixed(1)}  [${[...new Set(top)].slice(0, 4).join(' ')}] ${marksIn.join(' ')}`
                )
                if (dur > 8) {
                    const forced = inside.filter(
                        (e) =>
                            (e.name === 'Layout' || e.name === 'UpdateLayoutTree') &&
                            inScript(e) &&
                            (e.dur ?? 0) > forcedMinUs
                    )
                    const byStack = new Map<string, [number, number]>()
                    for (const e of forced) {
                        const stack =
                            e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? []
                        const key = `${e.name} ${stack.slice(0, forcedDepth).map(where).join(' < ')}`
                        const v = byStack.get(key) ?? [0, 0]
                        byStack.set(key, [v[0] + (e.dur ?? 0) / 1000, v[1] + 1])
                    }
                    for (const [key, [ms, n]] of [...byStack]
                        .sort((a, b) => b[1][0] - a[1][0])
                        .slice(0, forcedTop))
                        console.log(`          ${ms.toFixed(1)} ms ×${n}  ${key}`)
                }
            }
        }
        const med = (i: number) => {
            const v = summary.map((r) => r[i]!).sort((a, b) => a - b)
            return v[Math.floor(v.length / 2)]!.toFixed(0)
        }
        console.log(
            `MEDIAN wall resp→drawn ${med(0)} (resp→card ${med(5)}, card→turn ${med(6)}, turn→drawn ${med(7)}); CPU ${med(1)} (resp→card ${med(2)}, card→turn ${med(3)}, turn→drawn ${med(4)})`
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
