// `npm start`: the app in development mode against the demo DHIS2 (started here, logged in as
// admin), or against a real DHIS2 when DHIS2_BASE_URL is set.
import { spawn } from 'node:child_process'

const children = []
const run = (command, args, env = {}) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    children.push(child)
    child.on('exit', (code) => {
        for (const other of children) if (other !== child) other.kill('SIGTERM')
        process.exit(code ?? 0)
    })
    return child
}
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        for (const child of children) child.kill(signal)
    })
}

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
