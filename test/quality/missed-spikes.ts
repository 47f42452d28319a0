/**
 * `npx tsx test/quality/missed-spikes.ts [--facilities 6000] [--seed 7] [--end 202610]`
 *
 * The seeded spikes of ×3 and more (`demo/src/data/anomalies.ts`) in the tested months that no
 * facility-level finding matches (never detected, before any cut), each with what a detector
 * could read: the pair's cases and consumption over the default window (consumption in months
 * without stock shown as `-`, as the tests leave them out), the other system's evidence for the
 * month (`partnerEvidence`, a log likelihood ratio of a recording error against a real change;
 * `none` where there is nothing to weigh) and the seasonal expectation from the demo's full
 * history: the same month a year before scaled by the level of the six months before it against
 * the six months before that one. Each facility's district is scanned alone, as the page would.
 */
import { DEFAULT_CATEGORY_OPTION_COMBO_ID as DEFAULT_COC } from '../../demo/src/data/catalogue'
import { DEFAULT_SEED, scriptOption } from '../../demo/src/http/cliArgs'
import { median } from '../../src/domain/alerts/stats'
import {
    detectScanAlerts,
    maskStockouts,
    partnerEvidence,
} from '../../src/features/alerts/scan-alerts'
import {
    DEFAULT_BASELINE_MONTHS,
    DEFAULT_TEST_MONTHS,
    scanWindow,
} from '../../src/features/alerts/scan-plan'
import type { Series } from '../../src/features/alerts/scan-data'
import { FACILITY_LEVEL, demoCountry } from './alerts-harness'
import { FOUND_BY, explainers, matches } from './evaluate-alerts'

const option = scriptOption
const facilities = Number(option('facilities', '6000'))
const seed = Number(option('seed', String(DEFAULT_SEED)))
const end = option('end', '202610')

const show = (values: Series | null): string =>
    (values ?? [])
        .map((v) => (v === null || v === undefined ? '-' : String(Math.round(v))))
        .join(' ')

const main = async () => {
    const country = demoCountry({ facilities, seed, end })
    const window = scanWindow(end, DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS)
    const context = country.evaluationContext(FACILITY_LEVEL, window)
    const { scoped } = explainers(country.truth, context)
    const parentOf = new Map(country.db.orgUnits.map((ou) => [ou.id, ou.parentId]))
    const history = country.db.periodsByType.Monthly.map((p) => p.id)
    const targets = scoped.filter(
        (s) =>
            s.anomaly.type === 'spike' &&
            (s.anomaly.factor ?? 10) >= 3 &&
            s.anomaly.orgUnitLevel === FACILITY_LEVEL
    )
    const lines: string[] = [`seed ${seed}: ${targets.length} seeded spikes of ×3 and more`]
    let missed = 0
    for (const s of targets) {
        const { anomaly } = s
        const district = parentOf.get(anomaly.orgUnitId)
        if (!district) continue
        const { scan } = await country.scan([FACILITY_LEVEL], window, [district])
        const found = detectScanAlerts(scan, country.pairs).some(
            (a) => FOUND_BY.spike.includes(a.alert.type) && matches(s, a)
        )
        if (found) continue
        missed += 1
        lines.push('', `${anomaly.orgUnitId} ${anomaly.period}: ${anomaly.description}`)
        const i = window.months.indexOf(anomaly.period)
        const hmis = /HMIS/.test(anomaly.description)
        for (const series of scan.levels[0]?.series ?? []) {
            if (series.orgUnitId !== anomaly.orgUnitId || !s.pairs.has(series.pairId)) continue
            const consumption = series.consumption && maskStockouts(series.consumption, series)
            lines.push(
                `  ${series.pairId}`,
                `    cases       ${show(series.cases)}`,
                `    consumption ${show(consumption)}`
            )
            if (series.quarterly) {
                lines.push(
                    `    by quarter  cases ${show(series.quarterly.cases)}; consumption ${show(series.quarterly.consumption)}`
                )
            }
            const own = hmis ? series.cases : consumption
            const other = hmis ? consumption : series.cases
            const value = i >= 0 ? own?.[i] : null
            const usual =
                i >= 0 && own
                    ? median(
                          own
                              .slice(Math.max(0, i - 12), i)
                              .filter((v): v is number => typeof v === 'number')
                      )
                    : null
            // as the scan: a facility's monthly consumption reported by quarter is the quarter
            // ÷ 3, not weighed against a month's cases (`partnerOf` in `scan-alerts.ts`)
            const estimated = hmis && series.quarterly !== null
            const evidence =
                !estimated && i >= 0 && typeof value === 'number' && usual
                    ? partnerEvidence(other, i, DEFAULT_BASELINE_MONTHS, value / usual)
                    : null
            lines.push(
                `    value ${String(value ?? '–')}, usual ${String(usual ?? '–')}, other system's evidence ${evidence === null ? 'none' : `ln ${evidence.toFixed(2)} (ratio ${Math.exp(evidence).toFixed(0)})`}`
            )
        }
        // the seasonal expectation, from the demo's whole history of the spiked series
        const slot = country.db.facilitySlot.get(anomaly.orgUnitId)
        const stored = country.db.series.get(
            `${anomaly.dataElementIds[0] ?? ''}.${anomaly.categoryOptionComboId ?? DEFAULT_COC}`
        )
        const k = history.indexOf(anomaly.period)
        if (slot !== undefined && stored && k >= 18) {
            const at = (j: number) => stored.values[slot * history.length + j] as number
            const levelOf = (from: number) =>
                median([0, 1, 2, 3, 4, 5].map((d) => at(from + d)).filter((v) => !Number.isNaN(v)))
            const recent = levelOf(k - 6)
            const yearBefore = levelOf(k - 18)
            const expected = recent && yearBefore ? (at(k - 12) * recent) / yearBefore : null
            lines.push(
                `  same month a year before ${String(at(k - 12))}, seasonal expectation ${expected === null ? '–' : expected.toFixed(1)}, value ÷ it ${expected ? (at(k) / expected).toFixed(2) : '–'}`
            )
        }
    }
    lines.push('', `never detected: ${missed} of ${targets.length}`)
    process.stdout.write(lines.join('\n') + '\n')
}

main().catch((error: unknown) => {
    process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    )
    process.exit(1)
})
