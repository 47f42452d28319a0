/**
 * JS shipped: every `.js` file of an app zip (the installed `build/app`), gzipped one by one with
 * zlib as a server would send them, and the chunk graph (static / dynamic imports) from the HTML
 * entry points, to tell eager chunks from lazy ones.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import yauzl from 'yauzl'

export const readZip = async (zip: Buffer): Promise<Map<string, Buffer>> => {
    const files = new Map<string, Buffer>()
    const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true })
    try {
        for await (const entry of archive.eachEntry()) {
            if (entry.fileName.endsWith('/')) continue
            const stream = await archive.openReadStreamPromise(entry)
            const chunks: Buffer[] = []
            for await (const chunk of stream) chunks.push(chunk as Buffer)
            files.set(entry.fileName, Buffer.concat(chunks))
        }
    } finally {
        archive.close()
    }
    return files
}

export const gzipSize = (data: Buffer): number => gzipSync(data).length

export interface ChunkInfo {
    file: string
    bytes: number
    gzip: number
    /** Reached from the entry with static imports only */
    eager: boolean
    /** Which HTML entries reach it (`index.html`, `plugin.html`), statically or lazily */
    entries: string[]
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g
const DYNAMIC_IMPORT = /\bimport\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g
const SCRIPT_SRC = /<script[^>]*\bsrc=["']\.?\/?([^"']+\.js)["']/g
const MODULE_PRELOAD = /<link[^>]*rel=["']modulepreload["'][^>]*href=["']\.?\/?([^"']+\.js)["']/g

const matches = (text: string, pattern: RegExp): string[] =>
    Array.from(text.matchAll(pattern), (m) => m[1] as string)

/** The app's JS chunks with sizes, and whether each is loaded eagerly from `index.html`. */
export const analyzeChunks = (files: Map<string, Buffer>): ChunkInfo[] => {
    const js = [...files.keys()].filter((f) => f.endsWith('.js'))
    const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1)
    const edges = new Map<string, { static: string[]; dynamic: string[] }>()
    for (const file of js) {
        const text = files.get(file)?.toString('utf8') ?? ''
        const resolveRel = (name: string) => dirOf(file) + name
        edges.set(file, {
            static: matches(text, STATIC_IMPORT).map(resolveRel),
            dynamic: matches(text, DYNAMIC_IMPORT).map(resolveRel),
        })
    }
    const reach = (roots: string[], followDynamic: boolean): Set<string> => {
        const seen = new Set<string>()
        const queue = [...roots]
        while (queue.length) {
            const file = queue.shift() as string
            if (seen.has(file) || !files.has(file)) continue
            seen.add(file)
            const e = edges.get(file)
            if (!e) continue
            queue.push(...e.static, ...(followDynamic ? e.dynamic : []))
        }
        return seen
    }
    const htmlRoots = (html: string): string[] => {
        const text = files.get(html)?.toString('utf8') ?? ''
        return [...matches(text, SCRIPT_SRC), ...matches(text, MODULE_PRELOAD)]
    }
    const appRoots = htmlRoots('index.html')
    const eager = reach(appRoots, false)
    const byEntry = ['index.html', 'plugin.html']
        .filter((html) => files.has(html))
        .map((html) => ({ html, all: reach(htmlRoots(html), true) }))
    return js
        .map((file) => {
            const data = files.get(file) as Buffer
            return {
                file,
                bytes: data.length,
                gzip: gzipSize(data),
                eager: eager.has(file),
                entries: byEntry.filter((e) => e.all.has(file)).map((e) => e.html),
            }
        })
        .sort((a, b) => b.gzip - a.gzip)
}

export const totalGzip = (files: Map<string, Buffer>, names?: Iterable<string>): number => {
    let total = 0
    for (const name of names ?? [...files.keys()].filter((f) => f.endsWith('.js'))) {
        const data = files.get(name)
        if (data) total += gzipSize(data)
    }
    return total
}

/** The app's zip built by `npm run build` (`build/bundle/*.zip`) */
export const builtZipPath = (): string => {
    const zipDir = 'build/bundle'
    const zipName = readdirSync(zipDir).find((f) => f.endsWith('.zip'))
    if (!zipName) throw new Error('No build/bundle/*.zip: run npm run build first')
    return path.join(zipDir, zipName)
}
