/**
 * Inclusive time per function of the charts' draws on navigation (the samples whose stack holds
 * the draw queue's task, LazyMount's `port1.onmessage`), summed over `--runs` navigations.
 *
 *     npx tsx bench/profile-draw.ts [--area newborn-health] [--runs 3] [--filter onmessage]
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { readZip } from './lib/js-size'
import { CARD, waitViewportDrawn } from './lib/browser'
import { decodeMappings, type MappingSegment } from './lib/source-map'

const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

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
    const zipDir = 'build/bundle'
    const zipPath = path.join(
        zipDir,
        readdirSync(zipDir).find((f) => f.endsWith('.zip'))!
    )
    const files = await readZip(readFileSync(zipPath))
    const maps = new Map<string, { sources: string[]; lines: MappingSegment[][] }>()
    for (const [name, data] of files) {
        if (!name.endsWith('.js.map')) continue
        const map = JSON.parse(data.toString()) as { sources: string[]; mappings: string }
        maps.set(path.basename(name, '.map'), {
            sources: map.sources,
            lines: decodeMappings(map.mappings).map((s) => s.filter((x) => x.source !== null)),
        })
    }
    const label = (f: ProfileNode['callFrame']): string => {
        const file = f.url.split('/').pop() ?? ''
        const m = maps.get(file)
        const segs = m?.lines[f.lineNumber]
        if (m && segs?.length) {
            let best = segs[0]!
            for (const s of segs) {
                if (s.column > f.columnNumber) break
                best = s
            }
            const src = (m.sources[best.source!] ?? '?')
                .replace(/^.*node_modules\//, '')
                .replace(/^.*src\/D2App\//, '')
            return `${f.functionName || '?'} ${src}:${best.line + 1}`
        }
        return `${f.functionName || '?'} ${file}`
    }
    const demo = await startDemoProcess({ facilities: 6000 })
    const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    const inclusive = new Map<string, number>()
    const self = new Map<string, number>()
    let total = 0
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const { page } = await openApp(browser, demo.url, ADMIN, `#/view?area=${area}`)
        await waitViewportDrawn(page, 1)
        const expected = await page.locator(CARD).count()
        const url = `${demo.url}/api/apps/triangulate/index.html#/view?area=${area}`
        for (let i = 0; i < 2; i++) {
            await page.goto('about:blank')
            await page.goto(url)
            await waitViewportDrawn(page, expected)
        }
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
