import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { makeZip } from '../../../demo/src/testing/zip'

/** Builds the app's installable zip with the platform's own build, unless told to reuse it. */
export const buildAppZip = (): string => {
    const bundleDir = path.resolve('build/bundle')
    const find = () => readdirSync(bundleDir).find((f) => f.endsWith('.zip'))
    if (!(process.env.TRIANGULATE_REUSE_BUILD && existsSync(bundleDir) && find())) {
        // `npm run build`: the platform build, then i18n/en.pot back in its canonical form
        execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
    }
    const zip = find()
    if (!zip) {
        throw new Error('d2-app-scripts build produced no zip in build/bundle')
    }
    return path.join(bundleDir, zip)
}

/**
 * Builds the plugin host: a small DHIS2 app that embeds our dashboard plugin with the app-runtime's
 * own `Plugin` component, the mechanism the DHIS2 dashboard uses. Installed into the demo DHIS2 like
 * any app, so it runs same-origin with the API as the dashboard does.
 */
export const buildPluginHostZip = async (outDir: string): Promise<string> => {
    const bundle = await build({
        entryPoints: [path.resolve('test/browser/plugin-host/host.tsx')],
        bundle: true,
        format: 'iife',
        write: false,
        define: { 'process.env.NODE_ENV': '"production"' },
        jsx: 'automatic',
        logLevel: 'error',
    })
    const hostJs = bundle.outputFiles[0]?.contents
    if (!hostJs) {
        throw new Error('The plugin host did not bundle')
    }
    const manifest = {
        version: '1.0.0',
        name: 'Dashboard (test host)',
        // Named as the DHIS2 dashboard app, whose authority viewers have (M_dashboard in the demo)
        short_name: 'dashboard',
        description: 'Test host that embeds dashboard plugins as the DHIS2 dashboard does',
        launch_path: 'index.html',
        appType: 'APP',
        activities: { dhis: { href: '*' } },
    }
    const out = path.join(outDir, 'plugin-host.zip')
    writeFileSync(
        out,
        makeZip({
            'index.html':
                '<!doctype html><html><head><meta charset="utf-8"><title>Plugin host</title></head>' +
                '<body style="margin:0;font-family:sans-serif;background:#f4f6f8"><div id="root"></div>' +
                '<script src="host.js"></script></body></html>',
            'host.js': Buffer.from(hostJs),
            'manifest.webapp': JSON.stringify(manifest, null, 2),
        })
    )
    return out
}
