import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface DemoProcess {
    url: string
    stateDir: string
    output: () => string
    stop: () => Promise<void>
}

export const freePort = (): Promise<number> =>
    new Promise((resolve, reject) => {
        const server = net.createServer()
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => {
            const address = server.address()
            const port = typeof address === 'object' && address ? address.port : 0
            server.close(() => resolve(port))
        })
    })

/** Starts the demo DHIS2 as `npm run demo` would, on a free port with a fresh state directory. */
export const startDemoProcess = async (
    options: { facilities?: number; args?: string[] } = {}
): Promise<DemoProcess> => {
    const port = await freePort()
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-demo-'))
    const child: ChildProcess = spawn(
        process.execPath,
        [
            path.resolve('node_modules/tsx/dist/cli.mjs'),
            'demo/src/main.ts',
            '--port',
            String(port),
            '--facilities',
            String(options.facilities ?? 400),
            '--state-dir',
            stateDir,
            ...(options.args ?? []),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let log = ''
    child.stdout?.on('data', (chunk) => (log += chunk))
    child.stderr?.on('data', (chunk) => (log += chunk))
    const url = `http://localhost:${port}`
    const deadline = Date.now() + 60_000
    for (;;) {
        if (child.exitCode !== null) {
            throw new Error(`The demo DHIS2 exited with ${child.exitCode}:\n${log}`)
        }
        try {
            const response = await fetch(`${url}/api/system/info`)
            if (response.status === 200 || response.status === 401) {
                break
            }
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) {
            child.kill()
            throw new Error(`The demo DHIS2 did not start within 60 s:\n${log}`)
        }
        await new Promise((r) => setTimeout(r, 200))
    }
    return {
        url,
        stateDir,
        output: () => log,
        stop: () =>
            new Promise((resolve) => {
                if (child.exitCode !== null) {
                    resolve()
                    return
                }
                child.once('exit', () => resolve())
                child.kill('SIGTERM')
            }),
    }
}

export const basicAuth = (username: string, password: string): string =>
    'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')

export const ADMIN = { username: 'admin', password: 'district' }
export const ANALYST = { username: 'analyst', password: 'Analyst1#' }

/** Installs an app zip through `POST /api/apps`, as App Management does. */
export const installApp = async (baseUrl: string, zipPath: string, zip: Buffer): Promise<void> => {
    const form = new FormData()
    form.append(
        'file',
        new Blob([new Uint8Array(zip)], { type: 'application/zip' }),
        path.basename(zipPath)
    )
    const response = await fetch(`${baseUrl}/api/apps`, {
        method: 'POST',
        headers: { Authorization: basicAuth(ADMIN.username, ADMIN.password) },
        body: form,
    })
    if (response.status >= 300) {
        throw new Error(`Installing ${zipPath} failed: ${response.status} ${await response.text()}`)
    }
}
