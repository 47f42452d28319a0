/**
 * Contract: the Alerts page's scan pipeline finds the demo country's seeded anomalies.
 *
 * A small country is generated with its ground truth; the scan's requests (planned exactly as the
 * page plans them) are answered by the demo analytics engine in-process; the tables go through the
 * page's pipeline (`buildScanData`, `detectScanAlerts`) and the alerts are scored against the truth
 * (`test/quality/evaluate-alerts.ts`). Precision and recall are printed per detector at district and
 * facility level; only sane floors are asserted, so that the test fails when detection breaks, not
 * when a threshold is tuned.
 */
import { DemoAnalytics } from '../../demo/src/analytics'
import { createDemoAccounts } from '../../demo/src/auth/users'
import { buildDemoConfig } from '../../demo/src/data/demo-config'
import { commodityCatalogue, generateCountryWithTruth } from '../../demo/src/data/generate'
import { DEFAULT_CATEGORY_OPTION_COMBO_ID as DEFAULT_COC } from '../../demo/src/data/catalogue'
import type { DemoDb } from '../../demo/src/data/model'
import { parseAnalyticsResponse, type AnalyticsQuery } from '../../src/api/analytics'
import { idsOf, parseConfig, type Pair } from '../../src/domain/config'
import { monthsOfQuarter, quarterOfMonth } from '../../src/domain/periods'
import { detectScanAlerts, type ScanAlert } from '../../src/features/alerts/scan-alerts'
import { buildScanData, type ScanData } from '../../src/features/alerts/scan-data'
import { planScan, scanWindow, type MetadataMaps } from '../../src/features/alerts/scan-plan'
import { runScanRequests, tablesByLevel } from '../../src/features/alerts/scan-run'
import type { DataSetInfo, ItemInfo } from '../../src/features/triangulation/pair-model'
import {
    evaluateAlerts,
    formatEvaluation,
    type EvaluatedAlert,
    type Evaluation,
} from '../quality/evaluate-alerts'

/** 300 by default (about 15 s); `ALERTS_RECALL_FACILITIES=600` matches `write-truth.ts --facilities 600` */
const FACILITIES = Number(process.env.ALERTS_RECALL_FACILITIES ?? 300)
const SEED = 42
const END = '202610'
const DISTRICT = 3
const FACILITY = 4

/** What `useItemMetadata` reads from the metadata API, from the demo database */
const metadataOf = (db: DemoDb, pairs: readonly Pair[]): MetadataMaps => {
    const typeOf = (periodType: string) =>
        periodType === 'Quarterly' ? ('QUARTERLY' as const) : ('MONTHLY' as const)
    const items = new Map<string, ItemInfo>()
    for (const de of db.dataElements) {
        const dataSet = db.dataSets.find((ds) => ds.dataElementIds.includes(de.id))
        items.set(de.id, {
            id: de.id,
            name: de.name,
            aggregationType: de.aggregationType,
            periodType: typeOf(dataSet?.periodType ?? 'Monthly'),
        })
    }
    for (const pair of pairs) {
        for (const item of pair.hmis.items) {
            const de = items.get(item.id.split('.')[0] as string)
            if (de && item.id.includes('.')) items.set(item.id, { ...de, id: item.id })
        }
    }
    const dataSets = new Map<string, DataSetInfo>(
        db.dataSets.map((ds) => [
            ds.id,
            { id: ds.id, name: ds.name, periodType: typeOf(ds.periodType) },
        ])
    )
    return { items, dataSets }
}

/** The query string the data engine sends: arrays joined with commas */
const searchParams = (query: AnalyticsQuery): URLSearchParams => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query.params)) {
        if (value === undefined) continue
        params.set(key, Array.isArray(value) ? value.join(',') : String(value))
    }
    return params
}

const { db, truth } = generateCountryWithTruth({
    facilities: FACILITIES,
    seed: SEED,
    endPeriod: END,
})
const parsed = parseConfig(buildDemoConfig(db))
if (!parsed.config) throw new Error('the demo configuration does not parse')
const config = parsed.config
const pairs = config.programAreas.flatMap((area) => area.pairs)
const metadata = metadataOf(db, pairs)
const admin = createDemoAccounts(db)[0]?.user ?? null
const analytics = new DemoAnalytics(db, { now: () => new Date(2026, 10, 15) })
const root = db.orgUnits[0]?.id as string
const count = (level: number) => db.orgUnits.filter((ou) => ou.level === level).length
// Every month from 2024-01 is tested (anomalies are seeded after the first year of data)
const window = scanWindow(END, 12, 34)

const fetchTable = async (query: AnalyticsQuery) => {
    const outcome = analytics.run(searchParams(query), admin)
    if (!outcome.ok) throw outcome.error
    return parseAnalyticsResponse(JSON.parse(outcome.body.toString('utf8')))
}

const scanLevels = async (levels: number[]): Promise<{ scan: ScanData; requests: number }> => {
    const requests = planScan({
        pairs,
        metadata,
        roots: [root],
        levels: levels.map((level) => ({ level, orgUnits: count(level) })),
        window,
    })
    const tables = await runScanRequests(requests, fetchTable)
    const scan = await buildScanData({
        pairs,
        metadata,
        window,
        roots: [root],
        levels: tablesByLevel(requests, tables, FACILITY),
    })
    return { scan, requests: requests.length }
}

const orgUnits = new Map(
    db.orgUnits.map((ou) => [ou.id, { parentId: ou.parentId, level: ou.level }])
)
const catalogue = commodityCatalogue()
const commodityOfPair = Object.fromEntries(
    pairs.flatMap((pair) => {
        const lmis = new Set(idsOf(pair.lmis.stockOnHand))
        const entry = catalogue.find((c) => lmis.has(c.lmis.monthly.stockOnHand.id))
        return entry ? [[pair.id, entry.key]] : []
    })
)
/**
 * Share of the facilities under `ouId` without stock of a commodity (stock on hand 0 or stockout
 * days) in a month or quarter, from the simulated values: stockouts the generator did not seed
 * (stock follows cases, orders and fill rates) are real events.
 */
const monthIndex = new Map(db.periodsByType.Monthly.map((p, i) => [p.id, i]))
const quarterIndex = new Map(db.periodsByType.Quarterly.map((p, i) => [p.id, i]))
const lmisMode = new Map(truth.facilityProfiles.map((f) => [f.id, f.lmis]))
const stockoutShare = (commodity: string, ouId: string, period: string): number | null => {
    const entry = catalogue.find((c) => c.key === commodity)
    if (!entry) return null
    const months = /Q/.test(period) ? monthsOfQuarter(period) : [period]
    let out = 0
    let counted = 0
    for (const facility of db.facilities) {
        if (!facility.path.includes(ouId)) continue
        const slot = db.facilitySlot.get(facility.id) as number
        const mode = lmisMode.get(facility.id)
        if (mode === 'none' || mode === undefined) continue
        const refs = mode === 'monthly' ? entry.lmis.monthly : entry.lmis.quarterly
        const series = (id: string) => db.series.get(`${id}.${DEFAULT_COC}`)?.values
        const soh = series(refs.stockOnHand.id)
        const sod = series(refs.stockoutDays.id)
        const indexes =
            mode === 'monthly'
                ? months.map((m) => monthIndex.get(m))
                : [quarterIndex.get(quarterOfMonth(months[0] as string))]
        const width = mode === 'monthly' ? monthIndex.size : quarterIndex.size
        let seen = false
        let stockout = false
        for (const k of indexes) {
            if (k === undefined) continue
            const s = soh?.[slot * width + k]
            const d = sod?.[slot * width + k]
            if (s !== undefined && !Number.isNaN(s)) seen = true
            if (s === 0 || (d !== undefined && d > 0)) stockout = true
        }
        if (seen) counted += 1
        if (stockout) out += 1
    }
    return counted > 0 ? out / counted : null
}

const isKnownEvent = (alert: EvaluatedAlert): boolean =>
    ['stockoutWithCases', 'collapse', 'divergence'].includes(alert.alert.type) &&
    alert.pairIds.some((id) => {
        const commodity = commodityOfPair[id]
        const share = commodity
            ? stockoutShare(commodity, alert.alert.orgUnitId, alert.alert.period)
            : null
        return share !== null && share >= 0.2
    })

const evaluationContext = (level: number) => ({
    isKnownEvent,
    level,
    orgUnits,
    pairs: pairs.map((pair) => ({
        id: pair.id,
        items: [
            ...pair.hmis.items.map((item) => item.id),
            ...idsOf(pair.lmis.consumption),
            ...idsOf(pair.lmis.stockOnHand),
            ...idsOf(pair.lmis.stockoutDays),
        ],
        dataSets: [...idsOf(pair.hmis.dataSet), ...idsOf(pair.lmis.dataSet)],
    })),
    commodityOfPair,
    testedPeriods: window.months.slice(-window.testMonths),
})

const score = (evaluation: Evaluation, detector: string) =>
    evaluation.detectors.find((d) => d.detector === detector)

describe('alert scan against the seeded anomalies', () => {
    let alerts: ScanAlert[] = []
    let district: Evaluation
    let facility: Evaluation

    beforeAll(async () => {
        const { scan, requests } = await scanLevels([DISTRICT, FACILITY])
        alerts = detectScanAlerts(scan, pairs)
        district = evaluateAlerts(alerts, truth, evaluationContext(DISTRICT))
        facility = evaluateAlerts(alerts, truth, evaluationContext(FACILITY))
        console.log(
            [
                `${FACILITIES} facilities, seed ${SEED}: ${requests} analytics requests, ${alerts.length} alerts`,
                formatEvaluation(district, 'district'),
                formatEvaluation(facility, 'facility'),
                'missed at district level:',
                ...district.anomalies
                    .filter((a) => a.foundBy.length === 0)
                    .map((a) => `  ${a.type} ${a.orgUnitId} ${a.period}`),
            ].join('\n')
        )
    }, 120_000)

    it('plans one request per period type at district level', () => {
        const requests = planScan({
            pairs,
            metadata,
            roots: [root],
            levels: [{ level: DISTRICT, orgUnits: count(DISTRICT) }],
            window: scanWindow(END, 12, 6),
        })
        expect(requests.map((r) => r.periodType)).toEqual(['MONTHLY', 'QUARTERLY'])
        expect(requests.every((r) => r.estimatedRows <= 50_000)).toBe(true)
    })

    it('finds consumption collapses, district-wide stockouts and completeness drops at district level', () => {
        expect(score(district, 'divergence')?.anomalies).toBeGreaterThan(0)
        // The district whose consumption falls to ~15 % (the harder truth's partial collapses of
        // one facility do not move a district's total beyond chance: see npm run eval:alerts)
        const deep = truth.anomalies.filter(
            (a) =>
                a.type === 'consumption_collapse' &&
                a.orgUnitLevel === DISTRICT &&
                (a.factor ?? 1) < 0.3
        )
        for (const anomaly of deep) {
            const found = district.anomalies.find(
                (a) => a.orgUnitId === anomaly.orgUnitId && a.period === anomaly.period
            )
            expect(found?.foundBy.some((d) => d === 'collapse' || d === 'divergence')).toBe(true)
        }
        expect(score(district, 'completenessDrop')?.recall).toBeGreaterThan(0.5)
        const wide = truth.anomalies.filter(
            (a) => a.type === 'stockout_with_cases' && a.orgUnitLevel === DISTRICT
        )
        expect(wide.length).toBeGreaterThan(0)
        for (const anomaly of wide) {
            const found = district.anomalies.find(
                (a) => a.orgUnitId === anomaly.orgUnitId && a.type === anomaly.type
            )
            expect(found?.foundBy).toContain('stockoutWithCases')
        }
    })

    it('finds spikes, stockouts and master-list gaps at facility level', () => {
        // A ×10 entry error at one facility adds about a quarter to its district's total: it is
        // found where it happened, among the most severe alerts
        expect(score(facility, 'spike')?.anomalies).toBeGreaterThan(0)
        expect(score(facility, 'spike')?.recall).toBeGreaterThan(0.5)
        expect(score(facility, 'stockoutWithCases')?.recall).toBeGreaterThan(0.5)
        expect(score(facility, 'lmisWithoutHmis')?.recall).toBe(1)
        expect(score(facility, 'hmisWithoutLmis')?.recall).toBe(1)
    })

    it('ranks seeded anomalies and real events first', () => {
        expect(district.topPrecision).toBeGreaterThanOrEqual(0.3)
        expect(facility.topPrecision).toBeGreaterThanOrEqual(0.3)
    })
})
