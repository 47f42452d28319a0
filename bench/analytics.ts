/**
 * Times the demo DHIS2's analytics engine on the REAL generated country (the one `npm run demo`
 * serves), as the engine answers `GET /api/analytics` (no HTTP). `npm run bench:server` runs it
 * with `--facilities 6000`; `bench/run.ts` (figure 5) runs it with `--json`.
 *
 *     npx tsx bench/analytics.ts [--facilities 6000] [--runs 20] [--seed 42] [--all] [--json]
 *
 * - `--facilities N`: the country's facilities (default 6000, at least 30).
 * - `--runs N`: timed runs per query after the cold one (default 20).
 * - `--seed N`: the generator's seed (default 42, as `npm run demo`).
 * - `--json`: print one JSON object (`AnalyticsBenchResult`) on the last line instead of the
 *   table. It has only the queries figure 5 reports (national, district) unless `--all` is given.
 * - `--all`: with `--json`, also the other queries (the table always has them).
 *
 * Queries: national 40 dx × 24 months at level 2; the facilities (level 4) of a median-size
 * district and of the largest one; the indicators and reporting rates × 24 months at level 2;
 * 40 dx × 8 quarters at level 3. For each: the cold time (first run) and the median / p90 / min /
 * max wall time and median CPU time of the runs after it. Goal: median ≤ 50 ms.
 */
import { generateCountry } from '../demo/src/data/generate'
import type { DemoUser } from '../demo/src/http/types'
import { DemoAnalytics } from '../demo/src/analytics'
import { summarize } from './lib/stats'
import { buildSeedConfig } from '../demo/src/seed-config'
import { parseConfig, type Pair } from '../src/domain/config'
import { stockStatusRequest, stockStatusScope } from '../src/features/triangulation/stock-model'

export interface AnalyticsBenchResult {
    facilities: number
    seed: number
    generateMs: number
    warmUpMs: number
    queries: {
        key: string
        label: string
        rows: number
        kib: number
        coldMs: number
        wallMs: number[]
        cpuMs: number[]
        /** Median goal (ms); `GOAL_MS` when absent */
        goalMs?: number
        /** Most rows the response may have, when the query has such a goal */
        maxRows?: number
    }[]
}

const USAGE =
    'npx tsx bench/analytics.ts [--facilities 6000] [--runs 20] [--seed 42] [--all] [--json]'

/** Median goal of every query, as in `bench/run.ts` figure 5. */
const GOAL_MS = 50
/**
 * Median goal of the view's stock status request at national level (every facility of the
 * country, one row per facility × item × period with a value): its budget
 */
export const STOCK_STATUS_GOAL_MS = 600
/** Rows of a stock status request: below DHIS2's default analytics limit (100,000) */
export const STOCK_STATUS_MAX_ROWS = 100_000
/** Pairs of the stock status figure at scale: a ministry's full mapping */
const STOCK_PAIRS = 40

/** A bad command line: printed without a stack trace. */
class UsageError extends Error {}

interface Options {
    facilities: number
    runs: number
    seed: number
    json: boolean
    all: boolean
}

const parseOptions = (argv: readonly string[]): Options => {
    const opts: Options = { facilities: 6000, runs: 20, seed: 42, json: false, all: false }
    const integer = (name: string, value: string | undefined, min: number): number => {
        const n = Number(value)
        if (value === undefined || !Number.isInteger(n) || n < min) {
            throw new UsageError(
                `--${name} needs an integer ≥ ${min}, got ${value ?? 'nothing'}\n${USAGE}`
            )
        }
        return n
    }
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i]
        if (a === '--facilities') opts.facilities = integer('facilities', argv[++i], 30)
        else if (a === '--runs') opts.runs = integer('runs', argv[++i], 1)
        else if (a === '--seed') opts.seed = integer('seed', argv[++i], 0)
        else if (a === '--json') opts.json = true
        else if (a === '--all') opts.all = true
        else if (a === '--help' || a === '-h') {
            console.log(USAGE)
            process.exit(0)
        } else throw new UsageError(`Unknown option ${a}\n${USAGE}`)
    }
    return opts
}

/** Nearest-rank quantile of an ascending series. */
const quantile = (sorted: readonly number[], q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number

/** A plain-text table with aligned columns (markdown pipes, so it can be pasted as is). */
const table = (header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string => {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)))
    const line = (cells: string[]) =>
        `| ${cells
            .map((cell, c) =>
                rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)
            )
            .join(' | ')} |`
    const rule = `| ${widths.map((w, c) => (rightAligned.has(c) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
    return [line(header), rule, ...rows.map(line)].join('\n')
}

const main = (): void => {
    const { facilities, runs, seed, json, all } = parseOptions(process.argv.slice(2))

    const t0 = performance.now()
    const db = generateCountry({ facilities, seed })
    const generateMs = performance.now() - t0
    // as the demo server does at start (`analyticsRoutes(db, { warmUp: true })`)
    const t1 = performance.now()
    const analytics = new DemoAnalytics(db, { warmUp: true })
    const warmUpMs = performance.now() - t1

    const root = db.orgUnits.find((o) => o.level === 1)
    const districts = db.orgUnits
        .filter((o) => o.level === 3)
        .sort((a, b) => a.childIds.length - b.childIds.length)
    const district = districts[Math.floor(districts.length / 2)]
    const largest = districts[districts.length - 1]
    if (!root || !district || !largest) throw new Error('Generated country without hierarchy')
    const user: DemoUser = {
        id: 'BenchUser01',
        username: 'bench',
        firstName: 'Bench',
        surname: 'User',
        displayName: 'Bench User',
        authorities: ['ALL'],
        userRoles: [],
        userGroups: [],
        organisationUnits: [root.id],
        dataViewOrganisationUnits: [root.id],
        settings: {},
    }
    const months24 = db.periodsByType.Monthly.slice(-24).map((p) => p.id)
    const des40 = db.dataElements.slice(0, 40).map((d) => d.id)
    if (des40.length < 40 || months24.length < 24) {
        throw new Error(`Country too small: ${des40.length} dx, ${months24.length} months`)
    }
    const indicators = db.indicators.map((i) => i.id)
    const rates = db.dataSets.flatMap((ds) => [
        `${ds.id}.REPORTING_RATE`,
        `${ds.id}.ACTUAL_REPORTS`,
    ])
    const pe24 = `dimension=pe:${months24.join(';')}`
    const dxPe = `dimension=dx:${des40.join(';')}&${pe24}`
    // The view's stock status request (one per view, all pairs of the largest program area,
    // facility level, LAST_IN_PERIOD) for the whole country: the app's own request builder
    const config = parseConfig(buildSeedConfig(db)).config
    const area = [...(config?.programAreas ?? [])].sort(
        (a, b) => b.pairs.length - a.pairs.length
    )[0]
    const items = new Set(db.dataElements.map((d) => d.id))
    const lastMonth = months24[months24.length - 1] as string
    // The stock status's period: the latest month whose quarterly reports are in (the end of the
    // latest complete quarter), as the app picks the latest complete period
    const statusMonth = [...months24]
        .reverse()
        .find((m) => ['03', '06', '09', '12'].includes(m.slice(4)) && m !== lastMonth) as string
    // Period types of the data elements, from their data sets (as the app's metadata says)
    const itemInfo = new Map<string, { periodType: 'MONTHLY' | 'QUARTERLY' }>()
    for (const ds of db.dataSets) {
        for (const id of ds.dataElementIds) {
            itemInfo.set(id, {
                periodType: ds.periodType === 'Quarterly' ? 'QUARTERLY' : 'MONTHLY',
            })
        }
    }
    const facilityLevel = db.orgUnitLevels.length
    /** Facilities under an org unit (the app takes the LMIS report tally of its trend) */
    const facilitiesUnder = (id: string): number => {
        const unit = db.orgUnitById.get(id)
        if (!unit) return 0
        if (unit.level === facilityLevel) return 1
        return unit.childIds.reduce((sum, child) => sum + facilitiesUnder(child), 0)
    }
    /** The view's stock status request, its scope chosen as the app chooses it */
    const stockQueryOf = (pairs: readonly Pair[], ou: { id: string; level: number }) => {
        const scope = stockStatusScope({
            pairs,
            known: items,
            items: itemInfo,
            grain: 'monthly',
            period: statusMonth,
            facilities: facilitiesUnder(ou.id),
        })
        const request = stockStatusRequest({
            pairs,
            known: items,
            ou,
            facilityLevel,
            grain: 'monthly',
            period: statusMonth,
            scope,
        })
        if (!request) return null
        return {
            scope,
            query: [
                ...request.params.dimension.map((d) => `dimension=${d}`),
                `aggregationType=${request.params.aggregationType ?? ''}`,
            ].join('&'),
        }
    }
    const stock = area ? stockQueryOf(area.pairs, { id: root.id, level: 1 }) : null
    // 40 pairs: every pair of the mapping (one per commodity: all the demo's LMIS items), then
    // the same commodities paired with further services, as a ministry's full mapping would
    const allPairs = (config?.programAreas ?? []).flatMap((a) => a.pairs)
    const forty = Array.from({ length: STOCK_PAIRS }, (_, i) => {
        const source = allPairs[i % Math.max(1, allPairs.length)] as Pair
        return { ...source, id: `${source.id}-${i}` }
    })
    const region = db.orgUnits
        .filter((o) => o.level === 2)
        .sort((a, b) => facilitiesUnder(b.id) - facilitiesUnder(a.id))[0]
    const stock40 = allPairs.length ? stockQueryOf(forty, { id: root.id, level: 1 }) : null
    const stock40District =
        allPairs.length && largest ? stockQueryOf(forty, { id: largest.id, level: 3 }) : null
    const stock40Region =
        allPairs.length && region ? stockQueryOf(forty, { id: region.id, level: 2 }) : null
    const scopeWords = (scope: string) =>
        scope === 'orgUnit' ? 'org unit totals' : 'facility level'
    /** `figure`: reported by `bench/run.ts` figure 5 (always in the JSON). */
    const queries = [
        ...(stock && area
            ? [
                  {
                      key: 'stockStatus',
                      figure: true,
                      goalMs: STOCK_STATUS_GOAL_MS,
                      maxRows: STOCK_STATUS_MAX_ROWS,
                      label: `stock status: national, ${area.pairs.length} pairs, ${scopeWords(stock.scope)}, 3 months + quarter, LAST_IN_PERIOD`,
                      query: stock.query,
                  },
              ]
            : []),
        ...(stock40
            ? [
                  {
                      key: 'stockStatus40',
                      figure: true,
                      goalMs: STOCK_STATUS_GOAL_MS,
                      maxRows: STOCK_STATUS_MAX_ROWS,
                      label: `stock status: national, ${STOCK_PAIRS} pairs, ${scopeWords(stock40.scope)}`,
                      query: stock40.query,
                  },
              ]
            : []),
        ...(stock40Region && region
            ? [
                  {
                      key: 'stockStatus40Region',
                      figure: false,
                      goalMs: STOCK_STATUS_GOAL_MS,
                      maxRows: STOCK_STATUS_MAX_ROWS,
                      label: `stock status: largest region (${facilitiesUnder(region.id)} facilities), ${STOCK_PAIRS} pairs, ${scopeWords(stock40Region.scope)}`,
                      query: stock40Region.query,
                  },
              ]
            : []),
        ...(stock40District && largest
            ? [
                  {
                      key: 'stockStatus40District',
                      figure: false,
                      goalMs: STOCK_STATUS_GOAL_MS,
                      maxRows: STOCK_STATUS_MAX_ROWS,
                      label: `stock status: largest district (${facilitiesUnder(largest.id)} facilities), ${STOCK_PAIRS} pairs, ${scopeWords(stock40District.scope)}`,
                      query: stock40District.query,
                  },
              ]
            : []),
        {
            key: 'national',
            figure: true,
            label: 'national: 40 dx × 24 months × LEVEL-2',
            query: `${dxPe}&dimension=ou:${root.id};LEVEL-2&includeNumDen=true`,
        },
        {
            key: 'district',
            figure: true,
            label: `district facilities (${district.childIds.length}): 40 dx × 24 months × LEVEL-4`,
            query: `${dxPe}&dimension=ou:${district.id};LEVEL-4&includeNumDen=true`,
        },
        {
            key: 'largestDistrict',
            figure: false,
            label: `largest district (${largest.childIds.length}): 40 dx × 24 months × LEVEL-4`,
            query: `${dxPe}&dimension=ou:${largest.id};LEVEL-4&includeNumDen=true`,
        },
        {
            key: 'indicators',
            figure: false,
            label: `national: ${indicators.length} indicators + ${rates.length} rates × 24 months × LEVEL-2`,
            query: `dimension=dx:${[...indicators, ...rates].join(';')}&${pe24}&dimension=ou:${root.id};LEVEL-2&includeNumDen=true`,
        },
        {
            key: 'quarters',
            figure: false,
            label: 'national: 40 dx × 8 quarters × LEVEL-3',
            query: `dimension=dx:${des40.join(';')}&dimension=pe:LAST_4_QUARTERS;QUARTERS_LAST_YEAR&dimension=ou:${root.id};LEVEL-3`,
        },
    ].filter((q) => q.figure || all || !json)

    /** Wall time and CPU time (less sensitive to other processes) of one request. */
    const time = (query: string) => {
        const params = new URLSearchParams(query)
        const cpu = process.cpuUsage()
        const start = performance.now()
        const outcome = analytics.run(params, user)
        const ms = performance.now() - start
        const used = process.cpuUsage(cpu)
        if (!outcome.ok) throw outcome.error
        return {
            ms,
            cpuMs: (used.user + used.system) / 1000,
            rows: outcome.height,
            bytes: outcome.body.length,
        }
    }

    const result: AnalyticsBenchResult = { facilities, seed, generateMs, warmUpMs, queries: [] }
    if (!json) {
        console.log(
            `generated country: ${facilities} facilities, seed ${seed} (${db.orgUnits.length} org units, ` +
                `${db.dataElements.length} data elements) in ${generateMs.toFixed(0)} ms; ` +
                `roll-ups ${warmUpMs.toFixed(0)} ms; ${runs} runs per query after a cold one\n`
        )
    }
    for (const entry of queries) {
        const { key, label, query } = entry
        const goalMs = 'goalMs' in entry ? entry.goalMs : undefined
        const maxRows = 'maxRows' in entry ? entry.maxRows : undefined
        const cold = time(query)
        const wallMs: number[] = []
        const cpuMs: number[] = []
        for (let i = 0; i < runs; i++) {
            const t = time(query)
            wallMs.push(t.ms)
            cpuMs.push(t.cpuMs)
        }
        result.queries.push({
            key,
            label,
            rows: cold.rows,
            kib: cold.bytes / 1024,
            coldMs: cold.ms,
            wallMs,
            cpuMs,
            ...(goalMs === undefined ? {} : { goalMs }),
            ...(maxRows === undefined ? {} : { maxRows }),
        })
    }

    if (json) {
        console.log(JSON.stringify(result))
        return
    }
    const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1))
    const rows = result.queries.map((q) => {
        const w = summarize(q.wallMs)
        const c = summarize(q.cpuMs)
        const sorted = [...q.wallMs].sort((a, b) => a - b)
        return [
            q.label,
            String(q.rows),
            q.kib.toFixed(0),
            ms(q.coldMs),
            ms(w?.median),
            ms(quantile(sorted, 0.9)),
            ms(w?.min),
            ms(w?.max),
            ms(c?.median),
            w &&
            w.median <= (q.goalMs ?? GOAL_MS) &&
            (q.maxRows === undefined || q.rows < q.maxRows)
                ? 'pass'
                : 'FAIL',
        ]
    })
    console.log(
        table(
            [
                'Query',
                'Rows',
                'KiB',
                'Cold ms',
                'Median ms',
                'p90 ms',
                'Min ms',
                'Max ms',
                'CPU median ms',
                `Median ≤ goal (${GOAL_MS} ms; stock status ${STOCK_STATUS_GOAL_MS} ms, < ${STOCK_STATUS_MAX_ROWS} rows)`,
            ],
            rows,
            new Set([1, 2, 3, 4, 5, 6, 7, 8])
        )
    )
}

try {
    main()
} catch (error) {
    console.error(error instanceof UsageError ? error.message : error)
    process.exitCode = 1
}
