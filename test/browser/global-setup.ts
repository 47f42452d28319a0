import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { GlobalSetupContext } from 'vitest/node'
import { buildAppZip, buildPluginHostZip } from './support/build'
import { ensureChromium } from './support/chromium'
import { installApp, startDemoProcess } from './support/demo-process'

declare module 'vitest' {
    export interface ProvidedContext {
        demoUrl: string
        demoStateDir: string
    }
}

/**
 * Once per browser-test run: Chromium present, the app built into its installable zip, a demo DHIS2
 * started, and the zip installed into it through `POST /api/apps` as an admin would.
 */
export default async function setup({ provide }: GlobalSetupContext) {
    ensureChromium()
    const artifacts = path.resolve('test/.artifacts')
    mkdirSync(artifacts, { recursive: true })
    const [appZip, hostZip] = await Promise.all([
        Promise.resolve().then(buildAppZip),
        buildPluginHostZip(artifacts),
    ])
    const demo = await startDemoProcess({ facilities: 400 })
    try {
        await installApp(demo.url, appZip, readFileSync(appZip))
        await installApp(demo.url, hostZip, readFileSync(hostZip))
    } catch (error) {
        await demo.stop()
        throw error
    }
    provide('demoUrl', demo.url)
    provide('demoStateDir', demo.stateDir)
    return async () => {
        await demo.stop()
    }
}
