import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium'

/**
 * Makes sure Debian's Chromium is there: installs it when running as root, otherwise fails with the
 * exact command to run. Browser tests never skip silently.
 */
export const ensureChromium = (): void => {
    if (existsSync(CHROMIUM_PATH)) {
        return
    }
    if (process.getuid?.() === 0) {
        console.log(`Chromium not found at ${CHROMIUM_PATH}; installing it: ${INSTALL_COMMAND}`)
        execFileSync('sh', ['-c', `${INSTALL_COMMAND} >/dev/null`], {
            stdio: 'inherit',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        })
        if (existsSync(CHROMIUM_PATH)) {
            return
        }
    }
    throw new Error(
        `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}. Install it with:\n  sudo ${INSTALL_COMMAND}\n(or set CHROMIUM_PATH to another Chromium binary)`
    )
}

/** A headless Chromium with a fresh profile (user-data-dir) each time. */
export const launchChromium = (
    options: {
        viewport?: { width: number; height: number }
        locale?: string
        /**
         * `'block'` for tests that fake the network with `page.route`: Playwright does not see the
         * requests a service worker makes (the app's PWA worker fetches them), so they would pass
         * by the route
         */
        serviceWorkers?: 'allow' | 'block'
    } = {}
): Promise<BrowserContext> =>
    chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'triangulate-chromium-')), {
        executablePath: CHROMIUM_PATH,
        headless: true,
        viewport: options.viewport ?? { width: 1366, height: 900 },
        locale: options.locale ?? 'en-US',
        serviceWorkers: options.serviceWorkers ?? 'allow',
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
        ],
    })
