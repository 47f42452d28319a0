/**
 * Inclusive time per function of the charts' draws on navigation (the samples whose stack holds
 * the draw queue's task, LazyMount's `port1.onmessage`), summed over `--runs` navigations.
 *
 *     npx tsx bench/profile-draw.ts [--area newborn-health] [--runs 3] [--filter onmessage]
 */
import { readFileSync } from 'node:fs'
import { launchChromium } from '../test/browser/support/chromium'
import { installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { builtZipPath, readZip } from './lib/js-size'
import { openWarmView, waitViewportDrawn } from './lib/browser'
import { frameSource, zipSourceMaps } from './lib/source-map'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

interface ProfileNode {
    id: number
    parent?: number
    children?: number[]
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

const main = async () => {
    const area = arg('area', 'newborn-health')
    const runs = Number(arg('runs', '3'))
    const filter = arg('filter', 'onmessage')
    const zipPath = builtZipPath()
    const maps = zipSourceMaps(await readZip(readFileSync(zipPath)))
    const label = (f: ProfileNode['callFrame']): string =>
        `${f.functionName || '?'} ${frameSource(maps, f) ?? f.url.split('/').pop() ?? ''}`
    const demo = await startDemoProcess({ facilities: 6000 })
    const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    const inclusive = new Map<string, number>()
    const self = new Map<string, number>()
    let total = 0
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const { page, url, cards: expected } = await openWarmView(browser, demo.url, area)
        const cdp = await browser.newCDPSession(page)
        for (let run = 0; run < runs; run++) {
            await page.goto('about:blank')
            await cdp.send('Profiler.enable')
            await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
            await cdp.send('Profiler.start')
            await page.goto(url, { waitUntil: 'commit' })
            await waitViewportDrawn(page, expected)
            const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
                profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
            }
            const byId = new Map(profile.nodes.map((n) => [n.id, n]))
            for (const n of profile.nodes)
                for (const c of n.children ?? []) {
                    const child = byId.get(c)
                    if (child) child.parent = n.id
                }
            const labels = new Map<number, string>()
            const labelOf = (n: ProfileNode) => {
                let l = labels.get(n.id)
                if (!l) labels.set(n.id, (l = label(n.callFrame)))
                return l
            }
            profile.samples.forEach((id, i) => {
                const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
                if (ms > 5) return
                const stack: string[] = []
                for (let n = byId.get(id); n; n = n.parent ? byId.get(n.parent) : undefined)
                    stack.push(labelOf(n))
                if (!stack.some((s) => s.includes(filter))) return
                total += ms
                self.set(stack[0]!, (self.get(stack[0]!) ?? 0) + ms)
                for (const s of new Set(stack)) inclusive.set(s, (inclusive.get(s) ?? 0) + ms)
            })
        }
    } finally {
        await browser.close()
        await demo.stop()
    }
    const per = (ms: number) => (ms / runs).toFixed(1).padStart(7)
    console.log(`\nSamples under "${filter}": ${per(total)} ms per navigation\n\nInclusive:`)
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 90))
        if (v / runs >= 0.8) console.log(`${per(v)}  ${k}`)
    console.log('\nSelf:')
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
        console.log(`${per(v)}  ${k}`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
