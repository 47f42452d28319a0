/**
 * The demo analytics engine's own time for an alert scan's requests (no HTTP, no browser): the
 * facility scan's plan for the first batch of regions (as the Alerts page plans it), each request
 * run `--runs` times, split into query parsing, evaluation and JSON serialisation.
 *
 *     npx tsx bench/scan-server-probe.ts [--facilities 6000] [--runs 3]
 */
import { DemoAnalytics } from '../demo/src/analytics'
import { createDemoAccounts } from '../demo/src/auth/users'
import { generateCountry } from '../demo/src/data/generate'
import { buildDemoConfig } from '../demo/src/data/demo-config'
import { parseConfig } from '../src/domain/config'
import {
    FACILITIES_PER_BATCH,
    batchRoots,
    planScan,
    scanWindow,
} from '../src/features/alerts/scan-plan'

import { metadataOf, searchParams } from '../test/quality/alerts-harness'
import { scriptOption as arg } from '../demo/src/http/cliArgs'

const main = () => {
    const facilities = Number(arg('facilities', '6000'))
    const runs = Number(arg('runs', '3'))
    const db = generateCountry({ facilities, seed: 42 })
    const config = parseConfig(buildDemoConfig(db)).config
    if (!config) throw new Error('the demo configuration does not parse')
    const pairs = config.programAreas.flatMap((area) => area.pairs)
    const metadata = metadataOf(db, pairs)
    const admin = createDemoAccounts(db)[0]?.user ?? null
    const analytics = new DemoAnalytics(db)
    const root = db.orgUnits[0]
    if (!root) throw new Error('no country')
    const regions = db.orgUnits.filter((ou) => ou.parentId === root.id)
    const batches = batchRoots(
        regions.map((region) => ({
            id: region.id,
            orgUnits: {
                4: db.orgUnits.filter((ou) => ou.level === 4 && ou.path.includes(region.id)).length,
            },
        })),
        [4],
        FACILITIES_PER_BATCH
    )
    const last = db.periodsByType.Monthly.at(-2)?.id as string
    const batch = batches[0]
    if (!batch) throw new Error('no batch')
    const plan = planScan({
        pairs,
        metadata,
        roots: batch.roots,
        levels: batch.levels,
        window: scanWindow(last, 12, 6),
    })
    analytics.run(searchParams(plan[0]!.query), admin) // warm-up
    let total = 0
    let bytes = 0
    let rows = 0
    const t0 = performance.now()
    for (let r = 0; r < runs; r++) {
        for (const request of plan) {
            const s = performance.now()
            const outcome = analytics.run(searchParams(request.query), admin)
            total += performance.now() - s
            if (!outcome.ok) throw outcome.error
            if (r === 0) {
                bytes += outcome.body.length
                rows += outcome.height
            }
        }
    }
    const wall = (performance.now() - t0) / runs
    console.log(
        `batch 1 of ${batches.length} (${batch.roots.length} regions, ${batch.levels[0]?.orgUnits} facilities): ${plan.length} requests, ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB; engine ${(total / runs).toFixed(0)} ms per pass (wall ${wall.toFixed(0)} ms)`
    )
}

main()
