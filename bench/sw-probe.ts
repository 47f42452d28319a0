/**
 * Navigation with and without the service worker in control: the first visit of a fresh profile
 * (no worker yet), then repeat visits (the worker controls the page), timing the app-shell's wait
 * for the worker's first connection-status message and the charts drawn.
 *
 *     npx tsx bench/sw-probe.ts [--facilities 6000] [--runs 5] [--gap 0]
 *
 * Per run (a fresh profile): the first visit, then 4 times the app and the empty app-shell in
 * turn as the bench does, `--gap` ms apart. Prints per visit the time the charts in the window
 * (the heading, for the app-shell) were drawn, whether the worker controlled the page, the
 * worker's messages (`sent …`: the page's) and when `/api/userSettings` started: the app-shell
 * asks for it once the platform's `offlineInterface.ready` has resolved.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext } from 'playwright-core'
import { buildAppZip } from '../test/browser/support/build'
import { launchChromium } from '../test/browser/support/chromium'
import { ADMIN, installApp, startDemoProcess } from '../test/browser/support/demo-process'
import { openApp } from '../test/browser/support/session'
import { buildBaselineZip, BASELINE_HEADING, BASELINE_KEY } from './lib/baseline'
import { gotoFresh, waitViewportDrawn, waitVisible } from './lib/browser'
import { largestArea } from './lib/configs'
import { adminApi } from './lib/demo'

const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? Number(process.argv[i + 1]) : fallback
}

declare global {
    interface Window {
        __swMessages?: [number, string][]
    }
}

const probe = async (context: BrowserContext) => {
    await context.addInitScript(() => {
        const messages: [number, string][] = []
        window.__swMessages = messages
        navigator.serviceWorker?.addEventListener('message', (e: MessageEvent) => {
            messages.push([Math.round(performance.now()), String(e.data?.type)])
        })
        const sw = navigator.serviceWorker?.controller
        if (sw) {
            const post = sw.postMessage.bind(sw)
            sw.postMessage = ((data: { type?: string }) => {
                messages.push([Math.round(performance.now()), `sent ${String(data?.type)}`])
                post(data)
            }) as typeof sw.postMessage
        }
    })
}

const main = async () => {
    const facilities = arg('facilities', 6000)
    const runs = arg('runs', 5)
    // ms between leaving the app and opening the empty app-shell (the bench: ~0, its settle
    // waits for the analytics requests only)
    const gap = arg('gap', 0)
    const zipPath = buildAppZip()
    const baselineZip = await buildBaselineZip({ reuse: true })
    const demo = await startDemoProcess({ facilities })
    const contexts: BrowserContext[] = []
    try {
        await installApp(demo.url, zipPath, readFileSync(zipPath))
        await installApp(demo.url, baselineZip, readFileSync(baselineZip))
        const area = largestArea(
            await adminApi(demo.url, 'GET', '/api/dataStore/triangulate/config')
        )
        const appUrl = `${demo.url}/api/apps/triangulate/index.html#/view?area=${area.id}`
        const baselineUrl = `${demo.url}/api/apps/${BASELINE_KEY}/index.html`
        const visit = async (context: BrowserContext, url: string, isApp: boolean) => {
            const page = context.pages().at(-1)!
            await gotoFresh(page, url)
            const at = isApp
                ? await waitViewportDrawn(page, area.pairs)
                : await waitVisible(page, `[data-test="${BASELINE_HEADING}"]`)
            const info = await page.evaluate(() => ({
                controlled: Boolean(navigator.serviceWorker?.controller),
                messages: window.__swMessages ?? [],
                userSettings: Math.round(
                    performance
                        .getEntriesByType('resource')
                        .find((e) => /\/userSettings/.test(e.name))?.startTime ?? -1
                ),
                me: Math.round(
                    (
                        performance
                            .getEntriesByType('resource')
                            .find((e) => /\/api\/me$/.test(e.name)) as
                            PerformanceResourceTiming | undefined
                    )?.responseEnd ?? -1
                ),
            }))
            return { at: Math.round(at), ...info }
        }
        for (let r = 0; r < runs; r++) {
            // fresh profile: the login, then the first visit with no worker in control
            const context = await launchChromium({ viewport: { width: 1440, height: 900 } })
            contexts.push(context)
            await probe(context)
            await openApp(context, demo.url, ADMIN)
            const first = await visit(context, appUrl, true)
            console.log(JSON.stringify({ run: r + 1, first }))
            // as the bench: the app, then the empty app-shell, in turn
            await context.pages().at(-1)!.waitForTimeout(3000)
            for (let i = 0; i < 4; i++) {
                const app = await visit(context, appUrl, true)
                await context.pages().at(-1)!.waitForTimeout(gap)
                const baseline = await visit(context, baselineUrl, false)
                console.log(JSON.stringify({ run: r + 1, i, app, baseline: baseline.at }))
            }
            await context.close()
            contexts.pop()
        }
    } finally {
        for (const c of contexts) await c.close().catch(() => undefined)
        await demo.stop()
    }
}

main().then(
    () => process.exit(0),
    (error: unknown) => {
        console.error(error)
        process.exit(1)
    }
)
