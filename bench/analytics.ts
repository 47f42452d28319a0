/**
 * The demo DHIS2's analytics timings on the REAL generated country (the one `npm run demo` serves),
 * a port of `demo/src/analytics/bench.ts` (which uses a synthetic database):
 *
 *     npx tsx bench/analytics.ts --facilities 6000 [--runs 20] [--seed 42] [--json]
 *
 * Queries, as the engine answers `GET /api/analytics` (no HTTP): national 40 dx × 24 months at
 * level 2, and the facilities (level 4) of a median-size district. Prints one line per query, or
 * with `--json` a JSON object on the last line (read by `bench/run.ts`).
 */
import { generateCountry } from '../demo/src/data/generate'
import type { DemoUser } from '../demo/src/http/types'
import { DemoAnalytics } from '../demo/src/analytics'
import { summarize } from './lib/stats'

const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`)
    const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

export interface AnalyticsBenchResult {
    facilities: number
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
    }[]
}

const main = (): void => {
    const facilities = arg('facilities', 6000)
    const runs = Math.max(5, arg('runs', 20))
    const seed = arg('seed', 42)
    const json = process.argv.includes('--json')

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
    if (!root || !district) throw new Error('Generated country without hierarchy')
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
    const dxPe = `dimension=dx:${des40.join(';')}&dimension=pe:${months24.join(';')}`
    const queries = [
        {
            key: 'national',
            label: 'national: 40 dx × 24 months × LEVEL-2',
            query: `${dxPe}&dimension=ou:${root.id};LEVEL-2&includeNumDen=true`,
        },
        {
            key: 'district',
            label: `district facilities (${district.childIds.length}): 40 dx × 24 months × LEVEL-4`,
            query: `${dxPe}&dimension=ou:${district.id};LEVEL-4&includeNumDen=true`,
        },
    ]

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

    const result: AnalyticsBenchResult = { facilities, generateMs, warmUpMs, queries: [] }
    if (!json) {
        console.log(
            `generated country: ${facilities} facilities (${db.orgUnits.length} org units, ${db.dataElements.length} data elements) in ${generateMs.toFixed(0)} ms; roll-ups ${warmUpMs.toFixed(0)} ms`
        )
    }
    for (const { key, label, query } of queries) {
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
        })
        if (!json) {
            const w = summarize(wallMs)
            const c = summarize(cpuMs)
            console.log(
                `${label}: ${cold.rows} rows, ${(cold.bytes / 1024).toFixed(0)} KiB; cold ${cold.ms.toFixed(1)} ms, ` +
                    `median ${w?.median.toFixed(1)} ms (cpu ${c?.median.toFixed(1)} ms), min ${w?.min.toFixed(1)}, max ${w?.max.toFixed(1)} ms`
            )
        }
    }
    if (json) console.log(JSON.stringify(result))
}

main()
