// `npm start`: the app in development mode against the demo DHIS2 (started here, logged in as
// admin), or against a real DHIS2 when DHIS2_BASE_URL is set.
import { spawn, spawnSync } from 'node:child_process'

const children = []
let stopping = false
// Each child leads its own process group, so that stopping it also stops what it started
// (npx → d2-app-scripts → vite, tsx → node): nothing is left holding ports 3000/8080.
const stopAll = (signal = 'SIGTERM') => {
    for (const child of children) {
        if (child.exitCode !== null || child.signalCode !== null) continue
        try {
            process.kill(-child.pid, signal)
        } catch {
            // already gone
        }
    }
}
const run = (command, args, env = {}) => {
    const child = spawn(command, args, {
        stdio: 'inherit',
        env: { ...process.env, ...env },
        detached: true,
    })
    children.push(child)
    child.on('exit', (code) => {
        if (!stopping) {
            stopping = true
            stopAll()
        }
        // Wait for the others to end before leaving, so their output is not cut
        if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
            canonicalPot()
            process.exit(code ?? 0)
        }
    })
    return child
}
// `d2-app-scripts start` extracts the strings into i18n/en.pot in file-system order and without the
// manifest's strings (its build has them): put the tracked file back in its canonical form when the
// app stops.
const canonicalPot = () => {
    try {
        spawnSync(process.execPath, ['scripts/i18n-extract.mjs'], {
            stdio: 'ignore',
        })
    } catch {
        // the template is checked by npm test anyway
    }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        stopping = true
        stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal)
        setTimeout(() => {
            stopAll('SIGKILL')
            canonicalPot()
            process.exit(1)
        }, 5000).unref()
    })
}
process.on('exit', () => stopAll('SIGKILL'))

const appPort = process.env.PORT ?? '3000'
let baseUrl = process.env.DHIS2_BASE_URL
if (!baseUrl) {
    const demoPort = process.env.DEMO_PORT ?? '8080'
    baseUrl = `http://localhost:${demoPort}`
    run(process.execPath, [
        'node_modules/tsx/dist/cli.mjs',
        'demo/src/main.ts',
        '--port',
        demoPort,
        '--facilities',
        process.env.DEMO_FACILITIES ?? '6000',
        '--dev-auto-login',
        process.env.DEMO_USER ?? 'admin',
        '--allowed-origin',
        `http://localhost:${appPort}`,
    ])
    // Wait for the demo DHIS2 before the app starts asking it for data.
    for (let i = 0; i < 600; i++) {
        try {
            if ((await fetch(`${baseUrl}/api/system/info`)).ok) break
        } catch {
            // not up yet
        }
        await new Promise((r) => setTimeout(r, 200))
    }
    console.log(
        `\nDemo DHIS2 is up at ${baseUrl} (logged in as ${process.env.DEMO_USER ?? 'admin'}).`
    )
} else {
    console.log(
        `\nUsing the DHIS2 at ${baseUrl}: log in with your DHIS2 account in the app's login dialog.`
    )
}
console.log(`The app will be served at http://localhost:${appPort}\n`)
run('npx', ['d2-app-scripts', 'start', '--port', appPort], {
    DHIS2_BASE_URL: baseUrl,
    PORT: appPort,
    BROWSER: 'none',
})
