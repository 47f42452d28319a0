/**
 * `npm run eval:alerts -- [--facilities 6000] [--seed 42] [--end 202610] [--out file]`
 *
 * The Alerts page's pipeline on the demo country against its ground truth (`demo/src/data/
 * anomalies.ts`, `harder-anomalies.ts`), with the default window (12 months of baseline, the last
 * 6 tested): at district and at facility level, the number of list entries (per program area),
 * precision of the first 20 and 100 entries, recall per anomaly type and size (spikes also by
 * their size against the usual level of their series, listed and before the cut), the time of the
 * pure scan (detectors, grouping and ranking; the analytics requests are answered in-process and
 * timed apart) and the process's peak memory. Facilities are scanned region by region (as the
 * page does for large levels), so that no more than one region's analytics tables are held at
 * once. Writes `test/quality/results.json`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { DEFAULT_SEED, scriptOption } from '../../demo/src/http/cliArgs'
import { detectScanAlerts, type ScanAlert } from '../../src/features/alerts/scan-alerts'
import {
    ENTRIES_PER_AREA,
    cutEntries,
    scanEntries,
    stockoutsByDuration,
} from '../../src/features/alerts/scan-entries'
import { scanWindow } from '../../src/features/alerts/scan-plan'
import { DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS } from '../../src/features/alerts/scan-plan'
import { DISTRICT_LEVEL, FACILITY_LEVEL, demoCountry } from './alerts-harness'
import { evaluateEntries, explainers, type EntryEvaluation } from './evaluate-alerts'

const option = scriptOption
const facilities = Number(option('facilities', '6000'))
const seed = Number(option('seed', String(DEFAULT_SEED)))
const end = option('end', '202610')
const out = option('out', 'test/quality/results.json')

const mb = (bytes: number) => Math.round(bytes / 1e6)

const main = async () => {
    const started = performance.now()
    const country = demoCountry({ facilities, seed, end })
    const generatedMs = performance.now() - started
    const window = scanWindow(end, DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS)
    const areaOf = new Map(
        country.config.programAreas.flatMap((area) => area.pairs.map((p) => [p.id, area.id]))
    )
    const regions = country.db.orgUnits.filter((ou) => ou.level === 2).map((ou) => ou.id)

    const results: Record<string, unknown>[] = []
    const evaluations: {
        name: string
        evaluation: EntryEvaluation
        beforeCut: EntryEvaluation
        row: Record<string, unknown>
    }[] = []
    const only = process.env.EVAL_LEVEL
    for (const [name, level] of (
        [
            ['district', DISTRICT_LEVEL],
            ['facility', FACILITY_LEVEL],
        ] as const
    ).filter(([n]) => !only || n === only)) {
        let requestMs = 0
        let scanMs = 0
        let requests = 0
        let orgUnits = 0
        const alerts: ScanAlert[] = []
        // District level in one go (180 districts); facilities region by region
        const batches = level === FACILITY_LEVEL ? regions.map((id) => [id]) : [[country.root]]
        // EVAL_ALERTS_CACHE=dir: the findings of an earlier run of the same country (for tuning
        // what becomes an entry without re-running the detectors; times are then not measured)
        const cacheDir = process.env.EVAL_ALERTS_CACHE
        const cacheFile = cacheDir ? `${cacheDir}/alerts-${seed}-${facilities}-${name}.json` : null
        const cached = cacheFile !== null && existsSync(cacheFile)
        if (cached) alerts.push(...(JSON.parse(readFileSync(cacheFile, 'utf8')) as ScanAlert[]))
        for (const roots of cached ? [] : batches) {
            const t0 = performance.now()
            const { scan, requests: n } = await country.scan([level], window, roots)
            const t1 = performance.now()
            alerts.push(...detectScanAlerts(scan, country.pairs))
            scanMs += performance.now() - t1
            requestMs += t1 - t0
            requests += n
            orgUnits += scan.levels.reduce((sum, l) => sum + l.orgUnits.length, 0)
        }
        if (cacheFile && !cached) writeFileSync(cacheFile, JSON.stringify(alerts))
        const t2 = performance.now()
        const all = scanEntries(alerts, { facilityLevel: FACILITY_LEVEL })
        // What the list shows: at most ENTRIES_PER_AREA per program area, the rest below the cut
        const { shown: entries, below } = cutEntries(
            all,
            areaOf,
            Number(process.env.EVAL_PER_AREA ?? ENTRIES_PER_AREA)
        )
        const stockouts = stockoutsByDuration(alerts)
        scanMs += performance.now() - t2
        const perArea: Record<string, number> = {}
        for (const entry of entries) {
            const area = areaOf.get(entry.pairId) ?? '?'
            perArea[area] = (perArea[area] ?? 0) + 1
        }
        const evaluation = evaluateEntries(
            entries,
            // The stockout list is made of these findings (`stockoutsByDuration`)
            alerts.filter((a) => a.alert.type === 'stockoutWithCases'),
            country.truth,
            country.evaluationContext(level, window)
        )
        // The same anomalies against every entry, before the cut (what the cut costs)
        const beforeCut = evaluateEntries(
            all,
            [],
            country.truth,
            country.evaluationContext(level, window)
        )
        if (process.env.EVAL_TOP) {
            const { seeded, real } = explainers(
                country.truth,
                country.evaluationContext(level, window)
            )
            for (const entry of entries.slice(0, Number(process.env.EVAL_TOP))) {
                const r = entry.reasons[0]!
                const a = r.alert as {
                    type: string
                    period: string
                    severity: number
                    details: Record<string, unknown>
                    method?: string
                }
                console.log(
                    areaOf.get(entry.pairId),
                    entry.impact.toFixed(2),
                    entry.tier,
                    entry.pairId,
                    entry.orgUnitId,
                    a.type,
                    (a as { series?: string }).series ?? '',
                    a.period,
                    a.severity.toFixed(1),
                    a.method ?? '',
                    (entry.parentShare ?? 0).toFixed(3),
                    entry.reasons.length,
                    entry.reasons.some((x) => seeded(x))
                        ? 'SEEDED'
                        : entry.reasons.some((x) => real(x))
                          ? 'real'
                          : '-',
                    JSON.stringify(a.details).slice(0, 160)
                )
            }
        }
        const row = {
            level: name,
            orgUnits,
            requests,
            alerts: alerts.length,
            entries: entries.length,
            entriesPerArea: perArea,
            entriesBelowCut: below,
            entriesBeforeCut: all.length,
            extreme: entries.filter((e) => e.tier === 'extreme').length,
            stockoutEntries: stockouts.length,
            precisionAt20: evaluation.precisionAt[20],
            precisionAt100: evaluation.precisionAt[100],
            recall: evaluation.recall,
            // Spikes by size: nominal (the factor the generator applied to the month's value) and
            // against the usual level of the series (value ÷ its baseline median)
            recallBySize: evaluation.bySize,
            recallBySizeBeforeCut: beforeCut.bySize,
            scanSeconds: Math.round(scanMs / 10) / 100,
            requestSeconds: Math.round(requestMs / 10) / 100,
            heapMB: mb(process.memoryUsage().heapUsed),
        }
        results.push(row)
        evaluations.push({ name, evaluation, beforeCut, row })
    }
    const peakMB = Math.round(process.resourceUsage().maxRSS / 1024)
    const pct = (v: number | null | undefined) =>
        v === null || v === undefined ? '–' : `${Math.round(v * 100)} %`
    const lines = [
        `${facilities} facilities, seed ${seed}, window ${window.months[0]}–${window.months[window.months.length - 1]} (last ${window.testMonths} tested); ${country.truth.anomalies.length} seeded anomalies; country generated in ${Math.round(generatedMs / 100) / 10} s`,
    ]
    for (const { name, evaluation, beforeCut, row } of evaluations) {
        lines.push(
            '',
            `${name} level: ${String(row.orgUnits)} org units, ${String(row.alerts)} findings → ${String(row.entriesBeforeCut)} entries, ${evaluation.entries} shown (${String(row.extreme)} extreme), ${String(row.stockoutEntries)} stockouts listed apart`,
            `  entries per program area: ${Object.entries(
                row.entriesPerArea as Record<string, number>
            )
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`,
            `  precision@20 ${pct(evaluation.precisionAt[20])}, precision@100 ${pct(evaluation.precisionAt[100])}`,
            `  scan ${String(row.scanSeconds)} s (analytics in-process ${String(row.requestSeconds)} s, ${String(row.requests)} requests)`,
            '  recall:',
            ...Object.entries(evaluation.recall)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(
                    ([label, r]) =>
                        `    ${label.padEnd(34)}${String(r.found).padStart(4)} / ${String(r.anomalies).padEnd(4)} ${pct(r.recall)}`
                ),
            ...(Object.keys(evaluation.bySize).length > 0
                ? ['  spikes by size (listed; before the cut):']
                : []),
            ...Object.entries(evaluation.bySize)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([label, r]) => {
                    const b = beforeCut.bySize[label]
                    return `    ${label.padEnd(40)}${String(r.found).padStart(4)} / ${String(r.anomalies).padEnd(4)} ${pct(r.recall).padEnd(6)} (${String(b?.found ?? 0)} / ${String(b?.anomalies ?? 0)} ${pct(b?.recall)})`
                })
        )
        if (process.env.EVAL_MISSED) {
            lines.push(
                '  missed:',
                ...evaluation.missed.map(
                    (m) =>
                        `    missed ${m.label} ${m.orgUnitId} ${m.period}${m.size === null ? '' : ` (×${m.size.toFixed(1)} against usual level)`}`
                )
            )
        }
    }
    lines.push('', `peak memory (process RSS): ${peakMB} MB`)
    process.stdout.write(lines.join('\n') + '\n')
    writeFileSync(
        out,
        JSON.stringify(
            {
                facilities,
                seed,
                end,
                window: { baselineMonths: window.baselineMonths, testMonths: window.testMonths },
                anomalies: country.truth.anomalies.length,
                levels: results,
                peakMemoryMB: peakMB,
            },
            null,
            2
        ) + '\n'
    )
}

main().catch((error: unknown) => {
    process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    )
    process.exit(1)
})
