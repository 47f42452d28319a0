/** The demo DHIS2 as the bench sees it: its startup log lines, its memory, its API as admin. */
import { readFileSync, readdirSync } from 'node:fs'
import type { DemoProcess } from '../../test/browser/support/demo-process'
import { ADMIN, basicAuth } from '../../test/browser/support/demo-process'

export interface StartupLog {
    /** `[demo] ready in X ms`: from the start of `main()` to listening */
    readyMs: number
    /** `[demo] generated ... in X ms` */
    generateMs?: number
    /** `[demo] routes and analytics index built in X ms` */
    indexMs?: number
    rssMb: number
    heapMb?: number
    arrayBuffersMb?: number
}

const READY =
    /\[demo\] ready in (\d+) ms; memory: rss (\d+) MB(?:, heap (\d+) MB)?(?:, array buffers (\d+) MB)?/

/** Waits for the `[demo] ready` line (printed right after the server listens) and parses it. */
export const readStartupLog = async (
    demo: DemoProcess,
    timeoutMs = 10_000
): Promise<StartupLog> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
        const log = demo.output()
        const ready = READY.exec(log)
        if (ready) {
            const generated = /\[demo\] generated .* in (\d+) ms/.exec(log)
            const index = /analytics index built in (\d+) ms/.exec(log)
            return {
                readyMs: Number(ready[1]),
                rssMb: Number(ready[2]),
                ...(ready[3] ? { heapMb: Number(ready[3]) } : {}),
                ...(ready[4] ? { arrayBuffersMb: Number(ready[4]) } : {}),
                ...(generated ? { generateMs: Number(generated[1]) } : {}),
                ...(index ? { indexMs: Number(index[1]) } : {}),
            }
        }
        if (Date.now() > deadline) {
            throw new Error(`No "[demo] ready in" line in the demo's log:\n${log}`)
        }
        await new Promise((r) => setTimeout(r, 100))
    }
}

/**
 * Current and peak resident memory (MB) of the demo's processes (found by their state directory
 * on the command line): the largest one, the Node process that serves.
 */
export const demoMemory = (stateDir: string): { rssMb: number; peakMb: number } | null => {
    let best: { rssMb: number; peakMb: number } | null = null
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
        try {
            const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
            if (!cmdline.includes(stateDir)) continue
            const status = readFileSync(`/proc/${pid}/status`, 'utf8')
            const kb = (field: string) =>
                Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0)
            const found = { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
            if (!best || found.rssMb > best.rssMb) best = found
        } catch {
            // the process ended meanwhile
        }
    }
    return best
}

/** An API call as admin (basic auth), JSON in and out. */
export const adminApi = async (
    baseUrl: string,
    method: 'GET' | 'PUT',
    path: string,
    body?: unknown
): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
            Authorization: basicAuth(ADMIN.username, ADMIN.password),
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (response.status >= 300) {
        throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`)
    }
    return text ? (JSON.parse(text) as unknown) : null
}
