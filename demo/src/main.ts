/**
 * Starts the demo DHIS2: generates the country and serves it with the platform endpoints plus the
 * route modules listed in `routeModules`.
 *
 *     tsx demo/src/main.ts [--port 8080] [--facilities 600] [--seed 42] [--state-dir demo/.state]
 *                          [--dev-auto-login admin] [--no-config]
 *
 * See `DEMO_USAGE` (`--help`) for every option and environment variable. `--no-config` (or
 * `DEMO_NO_CONFIG=1`) does not seed the demo's Triangulate configuration, to show the app's empty
 * state (with a state directory that has no `triangulate/config` yet).
 */
import { resolve } from 'node:path'
import { setDemoCalendar } from './data/calendar'
import { buildSeedConfig } from './seed-config'
import type { DemoDb } from './data/model'
import { generateCountry } from './data/generate'
import { DEMO_USAGE, parseDemoArgs } from './http/cliArgs'
import type { DemoRoute } from './http/types'
import { analyticsRoutes } from './routes/analytics'
import { lmisRoutes } from './routes/lmis'
import { metadataRoutes } from './routes/metadata'
import { metadataImportRoutes } from './routes/metadata-import'
import { queryAliasRoutes } from './routes/query-alias'
import { createDemoServer } from './server'
import type { SystemSettingsStore } from './routes/system'

/**
 * Route modules served next to the platform endpoints (metadata, analytics, ...): each takes the
 * generated country and returns its routes.
 */
const routeModules: Array<
    (db: DemoDb, dhis2Version: string, setting: (key: string) => string | null) => DemoRoute[]
> = [
    (db) => metadataRoutes(db),
    // builds the analytics index and its roll-ups now, so that the first query is fast; error
    // codes and details follow the DHIS2 release the demo answers as; financial relative periods
    // follow the system setting `analyticsFinancialYearStart`
    (db, dhis2Version, setting) =>
        analyticsRoutes(db, {
            warmUp: true,
            dhis2Version,
            financialYearStart: () => setting('analyticsFinancialYearStart'),
        }),
    (db) => lmisRoutes(db),
    (db) => metadataImportRoutes(db),
]

/** dataStore entries added at start when missing (e.g. the demo's Triangulate configuration) */
const dataStoreSeeds: Array<(db: DemoDb) => Record<string, Record<string, unknown>>> = [
    (db) => ({ triangulate: { config: buildSeedConfig(db) } }),
]

const NO_CONFIG_FLAG = '--no-config'
const USAGE = `${DEMO_USAGE}
  --no-config            do not seed the Triangulate configuration (env DEMO_NO_CONFIG=1)`

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`

const main = async (): Promise<void> => {
    let opts
    try {
        opts = parseDemoArgs(
            process.argv.slice(2).filter((arg) => arg !== NO_CONFIG_FLAG),
            process.env
        )
    } catch (err) {
        console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
        process.exit(2)
    }
    if (opts === 'help') {
        console.log(USAGE)
        return
    }
    const noConfig =
        process.argv.includes(NO_CONFIG_FLAG) ||
        ['1', 'true'].includes((process.env.DEMO_NO_CONFIG ?? '').toLowerCase())

    // Before anything computes a period: the generator's and the analytics' periods follow it
    setDemoCalendar(opts.calendar)
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

    const indexStarted = Date.now()
    // The system settings exist once the server does (routes read them per request)
    let settings: SystemSettingsStore | null = null
    const setting = (key: string): string | null => settings?.getString(key) || null
    const extraRoutes = routeModules.flatMap((module) => module(db, opts.dhis2Version, setting))
    extraRoutes.push(...queryAliasRoutes({ targets: () => extraRoutes }))
    console.log(`[demo] routes and analytics index built in ${Date.now() - indexStarted} ms`)

    const seedDataStore: Record<string, Record<string, unknown>> = {}
    if (noConfig) {
        console.log(
            '[demo] --no-config: triangulate/config not seeded (one already in the state directory stays)'
        )
    }
    for (const seed of noConfig ? [] : dataStoreSeeds) {
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
        dhis2Version: opts.dhis2Version,
        extraRoutes,
        seedDataStore,
        systemSettings: { keyCalendar: opts.calendar },
        ...(opts.devAutoLogin ? { devAutoLoginUser: opts.devAutoLogin } : {}),
    })
    settings = server.platform.systemSettings
    console.log(
        `Demo DHIS2 ${opts.dhis2Version} listening on http://localhost:${server.port} (users: admin/district, editor/Editor1#, analyst/Analyst1#)`
    )
    console.log(`[demo] state directory: ${resolve(opts.stateDir)}`)
    const memory = process.memoryUsage()
    console.log(
        `[demo] ready in ${Date.now() - started} ms; memory: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, array buffers ${mb(memory.arrayBuffers)}`
    )

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
