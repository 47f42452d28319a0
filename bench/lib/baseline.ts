/**
 * The empty app-shell baseline: a minimal DHIS2 app (a heading, nothing else) built with this
 * repo's own `d2-app-scripts`, so that the bench can subtract what every platform app ships and
 * takes to start. Built offline in a temp dir with this repo's node_modules symlinked; the zip is
 * cached in `node_modules/.cache/triangulate-bench/` for `--skip-build`.
 *
 * A PWA, as the app is (offline dashboard items need the platform's service worker, issue #15),
 * with the app's own `pwa` settings: both are measured the same way, their pages controlled by
 * their service worker after the first visit, each loading its `service-worker.js` (on
 * localhost the platform's `register` also fetches it from the page: `checkValidSW`). What the
 * platform's PWA costs every app is then in the baseline, and what is left is the app's own.
 */
import { execFile } from 'node:child_process'
import {
    copyFileSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    rmSync,
    symlinkSync,
    unlinkSync,
    writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const BASELINE_KEY = 'bench-baseline'
export const BASELINE_HEADING = 'baseline-heading'

const CACHE_DIR = path.resolve('node_modules/.cache/triangulate-bench')
// `-pwa`: a zip cached before the baseline was a PWA is not reused
const CACHED_ZIP = path.join(CACHE_DIR, `${BASELINE_KEY}-pwa.zip`)

const FILES: Record<string, string> = {
    'package.json': JSON.stringify(
        { name: BASELINE_KEY, version: '1.0.0', private: true, license: 'BSD-3-Clause' },
        null,
        4
    ),
    'd2.config.js': `/** @type {import('@dhis2/cli-app-scripts').D2Config} */
module.exports = {
    type: 'app',
    name: '${BASELINE_KEY}',
    title: 'Bench baseline',
    entryPoints: { app: './src/App.jsx' },
    // as the app's d2.config.js
    pwa: {
        enabled: true,
        caching: {
            patternsToOmitFromAppShell: [/\\/api\\/(\\d+\\/)?(?!apps\\/)/],
            omitExternalRequestsFromAppShell: true,
        },
    },
}
`,
    'src/App.jsx': `import React from 'react'

const App = () => <h1 data-test="${BASELINE_HEADING}">Baseline</h1>

export default App
`,
}

/**
 * Builds the baseline app's zip (or reuses the cached one when `reuse`), returns its path. The
 * child build is killed when `signal` aborts.
 */
export const buildBaselineZip = async (
    options: { reuse: boolean; signal?: AbortSignal } = { reuse: false }
): Promise<string> => {
    if (options.reuse && existsSync(CACHED_ZIP)) return CACHED_ZIP
    const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-bench-baseline-'))
    try {
        for (const [file, text] of Object.entries(FILES)) {
            mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
            writeFileSync(path.join(dir, file), text)
        }
        symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir')
        await new Promise<void>((resolve, reject) => {
            execFile(
                path.resolve('node_modules/.bin/d2-app-scripts'),
                ['build'],
                { cwd: dir, signal: options.signal, maxBuffer: 64 * 1024 * 1024 },
                (error, stdout, stderr) =>
                    error
                        ? reject(
                              new Error(
                                  `The baseline app did not build: ${error.message}\n${stdout}\n${stderr}`
                              )
                          )
                        : resolve()
            )
        })
        const bundleDir = path.join(dir, 'build/bundle')
        const zip = readdirSync(bundleDir).find((f) => f.endsWith('.zip'))
        if (!zip) throw new Error('The baseline build produced no zip')
        mkdirSync(CACHE_DIR, { recursive: true })
        copyFileSync(path.join(bundleDir, zip), CACHED_ZIP)
        return CACHED_ZIP
    } finally {
        // never let the removal reach this repo's node_modules through the symlink
        if (existsSync(path.join(dir, 'node_modules'))) unlinkSync(path.join(dir, 'node_modules'))
        rmSync(dir, { recursive: true, force: true })
    }
}
