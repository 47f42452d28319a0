import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { waitViewportDrawn, CARD } from './lib/browser'

interface Node { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

const main = async () => {
    const zipDir = 'build/bundle'
    const zipPath = path.join(zipDir, readdirSync(zipDir).find((f) => f.endsWith('.zip'))!)
    const demo = await startDemoProcess({ facilities: 6000 })
    const browser = await launchChromium({ viewport: { width: 1440, height: 900 } })
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        const area = 'newborn-health'
        const { page } = await openApp(browser, demo.url, ADMIN, `#/view?area=${area}`)
        await waitViewportDrawn(page, 1)
        const expected = await page.locator(CARD).count()
        const cdp = await browser.newCDPSession(page)
        const url = `${demo.url}/api/apps/triangulate/index.html#/view?area=${area}`
        for (let run = 0; run < Number(process.argv[2] ?? 2); run++) {
            await page.goto('about:blank')
            await cdp.send('Profiler.enable')
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
            await cdp.send('Profiler.start')
            await page.goto(url, { waitUntil: 'commit' })
            await waitViewportDrawn(page, Math.min(expected, 2))
            const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
            const marks = (await page.evaluate(() =>
                performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])
            )) as [string, number][]
            const parent = new Map<number, number>()
            for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
            const byId = new Map(profile.nodes.map((n) => [n.id, n]))
            const stackHas = (id: number, re: RegExp) => {
                for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
                    if (re.test(byId.get(cur)?.callFrame.url ?? '')) return true
                }
                return false
            }
            const file = (id: number) => {
                // the app's chunk nearest the top of the stack
                for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
                    const u = byId.get(cur)?.callFrame.url ?? ''
                    if (u) return u.split('/').pop()!.replace(/-[A-Za-z0-9_-]{8}\.js$/, '')
                }
                return byId.get(id)?.callFrame.functionName ?? '?'
            }
            let t = profile.startTime / 1000
            const samples: { t: number; d: number; idle: boolean; id: number }[] = []
            profile.samples.forEach((id, i) => {
                t += (profile.timeDeltas[i] ?? 0) / 1000
                const d = (profile.timeDeltas[i + 1] ?? 0) / 1000
                const fn = byId.get(id)?.callFrame.functionName
                samples.push({ t, d, idle: fn === '(idle)' || fn === '(program)' && false, id })
            })
            const appMark = marks.find(([n]) => n === 'triangulate:app-module')?.[1] ?? 0
            const firstApp = samples.find((s) => stackHas(s.id, /\/App-[^/]*\.js/))
            const offset = firstApp ? appMark - firstApp.t : 0
            // tasks: runs of non-idle samples
            let cur: { start: number; end: number; files: Map<string, number> } | null = null
            const tasks: typeof cur[] = []
            for (const s of samples) {
                if (s.idle || s.d > 5) { if (cur) tasks.push(cur); cur = null; continue }
                if (!cur) cur = { start: s.t, end: s.t, files: new Map() }
                cur.end = s.t + s.d
                const f = file(s.id)
                cur.files.set(f, (cur.files.get(f) ?? 0) + s.d)
            }
            if (cur) tasks.push(cur)
            console.log(`\nrun ${run}: marks ${marks.map(([n, v]) => `${n.replace('triangulate:', '')} ${v.toFixed(0)}`).join(', ')}`)
            let busy = 0
            for (const task of tasks) {
                if (!task) continue
                const ms = task.end - task.start
                busy += ms
                if (ms < 2) continue
                const top = [...task.files].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, v]) => `${f} ${v.toFixed(0)}`).join('; ')
                console.log(`${(task.start + offset).toFixed(0).padStart(6)} → ${(task.end + offset).toFixed(0).padStart(6)} (${ms.toFixed(0)})  ${top}`)
            }
        }
    } finally {
        await browser.close()
        await demo.stop()
    }
}
main().catch((e: unknown) => { console.error(e); process.exit(1) })
