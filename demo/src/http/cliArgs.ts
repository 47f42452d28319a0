/** Command line of `tsx demo/src/main.ts` (kept apart from main.ts so it can be tested alone). */
import { DEFAULT_DHIS2_VERSION, parseDhis2Version } from '../routes/dhis2-version'
import { DEMO_CALENDARS, type DemoCalendar } from '../data/calendar'

/** The generator seed of `npm start`, `npm run demo` and the ground truth written for it. */
export const DEFAULT_SEED = 42

/**
 * `--name value` of a script's command line (the demo's writers and the quality evals), or
 * `fallback` when it is not given.
 */
export const scriptOption = (
    name: string,
    fallback: string,
    args: readonly string[] = process.argv.slice(2)
): string => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback
}

export interface DemoCliOptions {
    port: number
    host: string
    facilities: number
    seed: number
    endPeriod?: string
    stateDir: string
    devAutoLogin?: string
    allowedOrigins: string[]
    /** The DHIS2 release the demo answers as (`/api/system/info`, dashboard mode, dataStore PUT) */
    dhis2Version: string
    /** DHIS2's `keyCalendar`: `iso8601` or `ethiopian` */
    calendar: DemoCalendar
}

export const DEMO_USAGE = `Usage: tsx demo/src/main.ts [options]

  --port <n>             port to listen on (env DEMO_PORT, default 8080)
  --host <address>       interface to listen on (env DEMO_HOST, default 127.0.0.1)
  --facilities <n>       facilities in the generated country (env DEMO_FACILITIES, default 600)
  --seed <n>             generator seed (env DEMO_SEED, default 42)
  --end-period <yyyymm>  last month with data (env DEMO_END_PERIOD, default: last month)
  --calendar <name>      the instance's calendar (keyCalendar): iso8601 or ethiopian
                         (env DEMO_CALENDAR, default iso8601); periods, analytics and
                         relative periods are then those of that calendar
  --state-dir <dir>      dataStore, installed apps, settings (env DEMO_STATE_DIR, default demo/.state)
  --dev-auto-login <u>   DEVELOPMENT ONLY: requests without credentials act as user <u>
                         (env DEMO_DEV_AUTO_LOGIN)
  --allowed-origin <o>   CORS origin allowed with credentials, repeatable
                         (env DEMO_ALLOWED_ORIGINS, comma separated; default http://localhost:3000)
  --dhis2-version <v>    answer as DHIS2 2.39, 2.40, 2.41 (= 2.41.3), 2.42 or a release such
                         as 2.41.4 (env DEMO_DHIS2_VERSION, default 2.41.4)
  --help                 this text`

const integer = (name: string, text: string, min: number, max: number): number => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max) {
        throw new Error(`${name} must be an integer from ${min} to ${max}, got '${text}'`)
    }
    return n
}

/** Parses arguments (without `node` and the script) and environment; throws on bad input. */
export const parseDemoArgs = (
    argv: string[],
    env: Record<string, string | undefined>
): DemoCliOptions | 'help' => {
    const values = new Map<string, string[]>()
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] as string
        if (arg === '--help' || arg === '-h') return 'help'
        if (!arg.startsWith('--')) throw new Error(`Unexpected argument '${arg}'`)
        const eq = arg.indexOf('=')
        const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2)
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i]
        if (value === undefined) throw new Error(`Missing value for --${name}`)
        const known = [
            'port',
            'host',
            'facilities',
            'seed',
            'end-period',
            'state-dir',
            'dev-auto-login',
            'allowed-origin',
            'dhis2-version',
            'calendar',
        ]
        if (!known.includes(name)) throw new Error(`Unknown option --${name}`)
        values.set(name, [...(values.get(name) ?? []), value])
    }
    const pick = (name: string, envName: string): string | undefined =>
        values.get(name)?.at(-1) ?? (env[envName] !== '' ? env[envName] : undefined)

    const endPeriod = pick('end-period', 'DEMO_END_PERIOD')
    if (endPeriod !== undefined && !/^\d{4}(0[1-9]|1[0-2])$/.test(endPeriod)) {
        throw new Error(`end-period must be a month like 202410, got '${endPeriod}'`)
    }
    const origins =
        values.get('allowed-origin') ??
        env.DEMO_ALLOWED_ORIGINS?.split(',')
            .map((o) => o.trim())
            .filter(Boolean)
    const devAutoLogin = pick('dev-auto-login', 'DEMO_DEV_AUTO_LOGIN')
    const calendar = pick('calendar', 'DEMO_CALENDAR') ?? 'iso8601'
    if (!(DEMO_CALENDARS as readonly string[]).includes(calendar)) {
        throw new Error(`calendar must be one of ${DEMO_CALENDARS.join(', ')}, got '${calendar}'`)
    }
    return {
        port: integer('port', pick('port', 'DEMO_PORT') ?? '8080', 0, 65535),
        host: pick('host', 'DEMO_HOST') ?? '127.0.0.1',
        facilities: integer(
            'facilities',
            pick('facilities', 'DEMO_FACILITIES') ?? '600',
            1,
            1_000_000
        ),
        seed: integer('seed', pick('seed', 'DEMO_SEED') ?? String(DEFAULT_SEED), 0, 2 ** 32 - 1),
        ...(endPeriod ? { endPeriod } : {}),
        stateDir: pick('state-dir', 'DEMO_STATE_DIR') ?? 'demo/.state',
        ...(devAutoLogin ? { devAutoLogin } : {}),
        allowedOrigins: origins && origins.length > 0 ? origins : ['http://localhost:3000'],
        dhis2Version: parseDhis2Version(
            pick('dhis2-version', 'DEMO_DHIS2_VERSION') ?? DEFAULT_DHIS2_VERSION
        ),
        calendar: calendar as DemoCalendar,
    }
}
