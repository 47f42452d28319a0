/**
 * Starts the demo DHIS2: generates the country and serves it with the platform endpoints plus the
 * route modules listed in `routeModules`.
 *
 *     tsx demo/src/main.ts [--port 8080] [--facilities 600] [--seed 42] [--state-dir demo/.state]
 *                          [--dev-auto-login admin]
 *
 * See `DEMO_USAGE` (`--help`) for every option and environment variable.
 */
import { resolve } from 'node:path'
import type { DemoDb } from './data/model'
import { generateCountry } from './data/generate'
import { DEMO_USAGE, parseDemoArgs } from './http/cliArgs'
import type { DemoRoute } from './http/types'
import { analyticsRoutes } from './routes/analytics'
import { metadataRoutes } from './routes/metadata'
import { createDemoServer } from './server'

/**
 * Route modules served next to the platform endpoints (metadata, analytics, ...): each takes the
 * generated country and returns its routes.
 */
const routeModules: Array<(db: DemoDb) => DemoRoute[]> = [
    (db) => metadataRoutes(db),
    (db) => analyticsRoutes(db),
]

/** dataStore entries added at start when missing (e.g. the demo's Triangulate configuration) */
const dataStoreSeeds: Array<(db: DemoDb) => Record<string, Record<string, unknown>>> = []

const main = async (): Promise<void> => {
    let opts
    try {
        opts = parseDemoArgs(process.argv.slice(2), process.env)
    } catch (err) {
        console.error(`${err instanceof Error ? err.message : String(err)}\n\n${DEMO_USAGE}`)
        process.exit(2)
    }
    if (opts === 'help') {
        console.log(DEMO_USAGE)
        return
    }

    const started = Date.now()
    console.log(
        `[demo] generating the country: ${opts.facilities} facilities, seed ${opts.seed}...`
    )
    const db = generateCountry({
        facilities: opts.facilities,
        seed: opts.seed,
        ...(opts.endPeriod ? { endPeriod: opts.endPeriod } : {}),
    })
    console.log(
        `[demo] generated ${db.orgUnits.length} org units, ${db.dataElements.length} data elements in ${Date.now() - started} ms`
    )

    const seedDataStore: Record<string, Record<string, unknown>> = {}
    for (const seed of dataStoreSeeds) {
        for (const [ns, entries] of Object.entries(seed(db))) {
            seedDataStore[ns] = { ...seedDataStore[ns], ...entries }
        }
    }

    const server = await createDemoServer({
        db,
        stateDir: resolve(opts.stateDir),
        port: opts.port,
        host: opts.host,
        allowedOrigins: opts.allowedOrigins,
        extraRoutes: routeModules.flatMap((module) => module(db)),
        seedDataStore,
        ...(opts.devAutoLogin ? { devAutoLoginUser: opts.devAutoLogin } : {}),
    })
    console.log(
        `Demo DHIS2 listening on http://localhost:${server.port} (users: admin/district, analyst/Analyst1#)`
    )
    console.log(`[demo] state directory: ${resolve(opts.stateDir)}`)

    let stopping = false
    const stop = (signal: string): void => {
        if (stopping) {
            console.log(`[demo] ${signal} again, exiting now`)
            process.exit(1)
        }
        stopping = true
        console.log(`[demo] ${signal}: stopping...`)
        server.close().then(
            () => process.exit(0),
            (err: unknown) => {
                console.error(`[demo] error while stopping: ${String(err)}`)
                process.exit(1)
            }
        )
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
    console.error('[demo] failed to start:', err)
    process.exit(1)
})
