/**
 * The demo country as the Alerts page sees it, in-process: the country and its ground truth
 * generated from a seed, the seeded configuration (with the staggered LMIS reporting groups), the
 * metadata the page reads, the demo analytics engine answering the scan's requests, and what the
 * evaluation needs to tell real events from false alarms. Shared by the contract tests and
 * `npm run eval:alerts`.
 */
import { DemoAnalytics } from '../../demo/src/analytics'
import { createDemoAccounts } from '../../demo/src/auth/users'
import { buildDemoConfig, demoLmisExtras } from '../../demo/src/data/demo-config'
import { DEFAULT_CATEGORY_OPTION_COMBO_ID as DEFAULT_COC } from '../../demo/src/data/catalogue'
import { commodityCatalogue, generateCountryWithTruth } from '../../demo/src/data/generate'
import type { GroundTruth } from '../../demo/src/data/anomalies'
import type { DemoDb } from '../../demo/src/data/model'
import { buildSeedConfig } from '../../demo/src/seed-config'
import { parseAnalyticsResponse, type AnalyticsQuery } from '../../src/api/analytics'
import { idsOf, parseConfig, type Config, type Pair } from '../../src/domain/config'
import { monthsOfQuarter, quarterOfMonth } from '../../src/domain/periods'
import { buildScanData, type ScanData } from '../../src/features/alerts/scan-data'
import { planScan, type MetadataMaps, type ScanWindow } from '../../src/features/alerts/scan-plan'
import { runScanRequests, tablesByLevel } from '../../src/features/alerts/scan-run'
import type { DataSetInfo, ItemInfo } from '../../src/features/triangulation/pair-model'
import type { EvaluatedAlert, EvaluationContext } from './evaluate-alerts'

export const FACILITY_LEVEL = 4
export const DISTRICT_LEVEL = 3

/** What `useItemMetadata` reads from the metadata API, from the demo database */
export const metadataOf = (db: DemoDb, pairs: readonly Pair[]): MetadataMaps => {
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

export interface DemoCountry {
    db: DemoDb
    truth: GroundTruth
    config: Config
    pairs: Pair[]
    metadata: MetadataMaps
    root: string
    /** Staggered facilities: id → their group's shift in months */
    facilityOffsets: Map<string, number>
    /** Scans the levels over the window as the page does (requests answered in-process) */
    /**
     * Scans the levels over the window as the page does (requests answered in-process); `under`:
     * only the org units under these (default: the whole country), ancestors still counted from
     * the national root
     */
    scan: (
        levels: readonly number[],
        window: ScanWindow,
        under?: readonly string[]
    ) => Promise<{ scan: ScanData; requests: number }>
    /** The evaluation context of a level */
    evaluationContext: (level: number, window: ScanWindow) => EvaluationContext
}

/**
 * The demo country of `facilities` facilities from `seed`, ending `end`, with the seeded
 * configuration (`seedConfig: false`: the plain demo configuration, without reporting groups).
 */
export const demoCountry = ({
    facilities,
    seed,
    end,
    seedConfig = true,
}: {
    facilities: number
    seed: number
    end: string
    seedConfig?: boolean
}): DemoCountry => {
    const { db, truth } = generateCountryWithTruth({ facilities, seed, endPeriod: end })
    const parsed = parseConfig(seedConfig ? buildSeedConfig(db) : buildDemoConfig(db))
    if (!parsed.config) throw new Error('the demo configuration does not parse')
    const config = parsed.config
    const pairs = config.programAreas.flatMap((area) => area.pairs)
    const metadata = metadataOf(db, pairs)
    const admin = createDemoAccounts(db)[0]?.user ?? null
    const year = Number(end.slice(0, 4))
    const month = Number(end.slice(4, 6))
    const analytics = new DemoAnalytics(db, { now: () => new Date(year, month, 15) })
    const root = db.orgUnits[0]?.id as string
    const countUnder = (level: number, under: readonly string[]) =>
        db.orgUnits.filter(
            (ou) => ou.level === level && under.some((id) => ou.path.split('/').includes(id))
        ).length

    const windows = demoLmisExtras().lmisReportingGroups.windows
    const facilityOffsets = new Map<string, number>()
    if (seedConfig) {
        for (const group of db.organisationUnitGroups ?? []) {
            const offset = windows[group.id]
            if (offset === undefined) continue
            for (const id of group.orgUnitIds) facilityOffsets.set(id, offset)
        }
    }

    const fetchTable = async (query: AnalyticsQuery) => {
        const outcome = analytics.run(searchParams(query), admin)
        if (!outcome.ok) throw outcome.error
        return parseAnalyticsResponse(JSON.parse(outcome.body.toString('utf8')))
    }
    const scan = async (
        levels: readonly number[],
        window: ScanWindow,
        under: readonly string[] = [root]
    ) => {
        const requests = planScan({
            pairs,
            metadata,
            roots: under,
            levels: levels.map((level) => ({ level, orgUnits: countUnder(level, under) })),
            window,
        })
        const tables = await runScanRequests(requests, fetchTable)
        const data = await buildScanData({
            pairs,
            metadata,
            window,
            roots: [root],
            levels: tablesByLevel(requests, tables, FACILITY_LEVEL),
            facilityOffsets,
        })
        return { scan: data, requests: requests.length }
    }

    const orgUnits = new Map(
        db.orgUnits.map((ou) => [ou.id, { parentId: ou.parentId, level: ou.level }])
    )
    const catalogue = commodityCatalogue()
    const commodityOfPair: Record<string, string> = Object.fromEntries(
        pairs.flatMap((pair) => {
            const lmis = new Set(idsOf(pair.lmis.stockOnHand))
            const entry = catalogue.find((c) => lmis.has(c.lmis.monthly.stockOnHand.id))
            return entry ? [[pair.id, entry.key]] : []
        })
    )
    // Facilities under each org unit (for the share of facilities out of stock)
    const facilitiesUnder = new Map<string, string[]>()
    for (const facility of db.facilities) {
        for (const id of facility.path.split('/').filter(Boolean)) {
            const list = facilitiesUnder.get(id) ?? []
            list.push(facility.id)
            facilitiesUnder.set(id, list)
        }
    }
    const monthIndex = new Map(db.periodsByType.Monthly.map((p, i) => [p.id, i]))
    const quarterIndex = new Map(db.periodsByType.Quarterly.map((p, i) => [p.id, i]))
    const lmisMode = new Map(truth.facilityProfiles.map((f) => [f.id, f.lmis]))
    const shareCache = new Map<string, number | null>()
    /**
     * Share of the facilities under `ouId` without stock of a commodity (stock on hand 0 or
     * stockout days) in a month or quarter, from the simulated values: stockouts the generator did
     * not seed (stock follows cases, orders and fill rates) are real events.
     */
    const stockoutShare = (commodity: string, ouId: string, period: string): number | null => {
        const key = `${commodity}|${ouId}|${period}`
        if (shareCache.has(key)) return shareCache.get(key) ?? null
        const entry = catalogue.find((c) => c.key === commodity)
        let result: number | null = null
        if (entry) {
            const months = /Q/.test(period) ? monthsOfQuarter(period) : [period]
            let out = 0
            let counted = 0
            for (const facilityId of facilitiesUnder.get(ouId) ?? []) {
                const slot = db.facilitySlot.get(facilityId) as number
                const mode = lmisMode.get(facilityId)
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
            result = counted > 0 ? out / counted : null
        }
        shareCache.set(key, result)
        return result
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
    const evaluationContext = (level: number, window: ScanWindow): EvaluationContext => ({
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
    return {
        db,
        truth,
        config,
        pairs,
        metadata,
        root,
        facilityOffsets,
        scan,
        evaluationContext,
    }
}
