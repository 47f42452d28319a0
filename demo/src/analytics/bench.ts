/**
 * Times analytics queries on a synthetic database:
 *
 *     npx tsx demo/src/analytics/bench.ts --facilities 6000 [--runs 30]
 *
 * Prints the cold time (first run, roll-ups built) and the median / p90 of the following runs for
 * a national query (40 data elements × 24 months at level 2), the facilities of one district, the
 * same with indicators and reporting rates. Targets: median ≤ 50 ms.
 */
import type { DataElement } from '../data/model'
import type { DemoUser } from '../http/types'
import { DemoAnalytics } from './index'
import { buildSyntheticDb } from './testing/synthetic'

const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`)
    const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

const facilities = arg('facilities', 6000)
const runs = arg('runs', 30)

const t0 = performance.now()
const db = buildSyntheticDb({ facilities, endMonth: '202412', months: 36 })
const buildMs = performance.now() - t0
const analytics = new DemoAnalytics(db, { now: () => new Date(2025, 0, 15) })

const root = db.orgUnits[0]
const districts = db.orgUnits
    .filter((o) => o.level === 3)
    .sort((a, b) => a.childIds.length - b.childIds.length)
const district = districts[Math.floor(districts.length / 2)]
const largest = districts[districts.length - 1]
if (!root || !district || !largest) throw new Error('Synthetic database without hierarchy')
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
const des40 = db.dataElements.slice(0, 40).map((d: DataElement) => d.id)
const indicators = db.indicators.map((i) => i.id)
const rates = db.dataSets.flatMap((ds) => [`${ds.id}.REPORTING_RATE`, `${ds.id}.ACTUAL_REPORTS`])

const queries: Record<string, string> = {
    'national: 40 dx × 24 months × LEVEL-2': `dimension=dx:${des40.join(';')}&dimension=pe:${months24.join(';')}&dimension=ou:${root.id};LEVEL-2&includeNumDen=true`,
    [`district facilities (${district.childIds.length}): 40 dx × 24 months × LEVEL-4`]: `dimension=dx:${des40.join(';')}&dimension=pe:${months24.join(';')}&dimension=ou:${district.id};LEVEL-4&includeNumDen=true`,
    [`largest district (${largest.childIds.length}): 40 dx × 24 months × LEVEL-4`]: `dimension=dx:${des40.join(';')}&dimension=pe:${months24.join(';')}&dimension=ou:${largest.id};LEVEL-4&includeNumDen=true`,
    'national: 10 indicators + rates × 24 months × LEVEL-2': `dimension=dx:${[...indicators, ...rates].join(';')}&dimension=pe:${months24.join(';')}&dimension=ou:${root.id};LEVEL-2&includeNumDen=true`,
    'national: 40 dx × 8 quarters × LEVEL-3': `dimension=dx:${des40.join(';')}&dimension=pe:LAST_4_QUARTERS;QUARTERS_LAST_YEAR&dimension=ou:${root.id};LEVEL-3`,
}

/** Wall time and CPU time (less sensitive to other processes on a shared machine) of one request. */
const time = (query: string): { ms: number; cpuMs: number; rows: number; bytes: number } => {
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

const quantile = (sorted: number[], q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number

console.log(
    `synthetic db: ${facilities} facilities, ${db.series.size} series, built in ${buildMs.toFixed(0)} ms`
)
for (const [name, query] of Object.entries(queries)) {
    const cold = time(query)
    const wall: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < runs; i++) {
        const t = time(query)
        wall.push(t.ms)
        cpu.push(t.cpuMs)
    }
    wall.sort((a, b) => a - b)
    cpu.sort((a, b) => a - b)
    console.log(
        `${name}: ${cold.rows} rows, ${(cold.bytes / 1024).toFixed(0)} KiB; cold ${cold.ms.toFixed(1)} ms, ` +
            `median ${quantile(wall, 0.5).toFixed(1)} ms (cpu ${quantile(cpu, 0.5).toFixed(1)} ms), ` +
            `p90 ${quantile(wall, 0.9).toFixed(1)} ms`
    )
}
