/**
 * Diagnostic: facility-level divergence alerts per LMIS reporting group (A, B, C) — facilities,
 * compared quarters, tests, alerts, alerts per test — and how they split by pair, facility type,
 * region and trigger. `tsx test/quality/stagger-parity.ts <facilities> <seed> [testMonths]`.
 */
import { idsOf } from '../../src/domain/config'
import {
    dataSetIndex,
    detectScanAlerts,
    groupRatesByQuarter,
} from '../../src/features/alerts/scan-alerts'
import { scanWindow } from '../../src/features/alerts/scan-plan'
import { FACILITY_LEVEL, demoCountry } from './alerts-harness'

const facilities = Number(process.argv[2] ?? 6000)
const seed = Number(process.argv[3] ?? 42)
const testMonths = Number(process.argv[4] ?? 6)
const END = '202610'
/** `tests`: every usable tested quarter alerts (a 0.0001 % change): the alerts count the tests */
const countTests = process.argv[5] === 'tests'

const main = async () => {
    const land = demoCountry({ facilities, seed, end: END })
    const { db, facilityGroups: groupOf } = land
    const typeOf = new Map<string, string>()
    for (const g of db.organisationUnitGroups ?? []) {
        if (g.code.startsWith('FT_')) for (const id of g.orgUnitIds) typeOf.set(id, g.code.slice(3))
    }
    const byId = new Map(db.orgUnits.map((o) => [o.id, o]))
    const regionOf = (id: string) => byId.get(id)?.path.split('/')[2] ?? '?'
    const window = scanWindow(END, 12, testMonths)
    const started = Date.now()
    const { scan } = await land.scan([FACILITY_LEVEL], window, [land.root])
    console.error('scan', (Date.now() - started) / 1000, 's')
    const known = dataSetIndex(scan)
    const firstTested = window.months[window.months.length - testMonths] as string
    const tested = window.quarters.map((q) => {
        const m = Number(q.slice(5)) * 3
        return `${q.slice(0, 4)}${String(m).padStart(2, '0')}` >= firstTested
    })
    type Row = Record<string, number>
    const stats = new Map<string, Row>()
    const add = (key: string, field: string, n = 1) => {
        const row = stats.get(key) ?? {}
        row[field] = (row[field] ?? 0) + n
        stats.set(key, row)
    }
    for (const g of groupOf.values()) add(g, 'facilities')
    for (const series of scan.levels[0]?.series ?? []) {
        const g = groupOf.get(series.orgUnitId)
        if (!g || !series.quarterly?.consumption || !series.quarterly.cases) continue
        add(g, 'series')
        const both = series.quarterly.consumption.map(
            (v, i) => v !== null && (series.quarterly?.cases?.[i] ?? null) !== null
        )
        both.forEach((ok, i) => {
            if (!ok) return
            add(g, 'compared')
            add(g, `q${window.quarters[i]}`)
            if (tested[i]) add(g, 'testedCompared')
        })
        // quarters compared whose reports (by calendar quarter) are below 80 %
        const pair = land.pairs.find((x) => x.id === series.pairId)
        const reports = scan.levels[0]?.reports[series.orgUnitId]
        if (!pair) continue
        const ids = (v: string | readonly string[] | undefined) =>
            idsOf(v).filter((id) => known.has(id))
        const hmis = groupRatesByQuarter(
            scan,
            reports,
            ids(pair.hmis.dataSet),
            known,
            series.quarterly.monthOffset ?? 0
        )
        const lmis = groupRatesByQuarter(scan, reports, ids(pair.lmis.dataSet), known)
        both.forEach((ok, i) => {
            if (!ok) return
            if ((hmis?.[i] ?? 0) < 80) add(g, `hmisLow:${window.quarters[i]}`)
            if ((lmis?.[i] ?? 0) < 80) add(g, `lmisLow:${window.quarters[i]}`)
        })
    }
    const alerts = detectScanAlerts(scan, land.pairs, countTests ? { minDropPercent: 0.0001 } : {})
    for (const { alert } of alerts) {
        if (alert.type !== 'divergence') continue
        const g = groupOf.get(alert.orgUnitId)
        if (!g) continue
        add(g, 'alerts')
        add(g, `p:${alert.period}`)
        add(g, `${alert.trigger}:${alert.direction}`)
        add(g, `base:${alert.details.baselineSize}`)
        add(`${g}|pair`, alert.pairId.slice(0, 24))
        add(`${g}|type`, typeOf.get(alert.orgUnitId) ?? '?')
        add(`${g}|region`, regionOf(alert.orgUnitId))
        add(`${g}|district`, byId.get(alert.orgUnitId)?.parentId ?? '?')
        add(`${g}|facility`, alert.orgUnitId)
    }
    for (const id of groupOf.keys()) {
        const g = groupOf.get(id) as string
        add(`${g}|typeN`, typeOf.get(id) ?? '?')
        add(`${g}|regionN`, regionOf(id))
        add(`${g}|districtN`, byId.get(id)?.parentId ?? '?')
    }
    const out = Object.fromEntries([...stats].sort(([a], [b]) => a.localeCompare(b)))
    for (const g of ['LMIS_GROUP_A', 'LMIS_GROUP_B', 'LMIS_GROUP_C']) {
        const row = out[g] as Row
        row.per1000 = ((row.alerts ?? 0) / (row.facilities ?? 1)) * 1000
        row.perTest = (row.alerts ?? 0) / (row.testedCompared ?? 1)
    }
    console.log(JSON.stringify({ facilities, seed, testMonths, ...out }, null, 1))
}
void main()
