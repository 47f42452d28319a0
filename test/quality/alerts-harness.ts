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
import type { Anomaly, GroundTruth } from '../../demo/src/data/anomalies'
import type { DemoDb } from '../../demo/src/data/model'
import { buildSeedConfig } from '../../demo/src/seed-config'
import { parseAnalyticsResponse, type AnalyticsQuery } from '../../src/api/analytics'
import { idsOf, parseConfig, type Config, type Pair } from '../../src/domain/config'
import { median } from '../../src/domain/alerts/stats'
import { monthsOfQuarter, quarterOfMonth } from '../../src/domain/periods'
import { buildScanData, type ScanData } from '../../src/features/alerts/scan-data'
import {
    planScan,
    type MetadataMaps,
    type ScanRequest,
    type ScanWindow,
} from '../../src/features/alerts/scan-plan'
import { runScanLevels } from '../../src/features/alerts/scan-run'
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
export const searchParams = (query: AnalyticsQuery): URLSearchParams => {
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
    /** Staggered facilities: id → their reporting group's code */
    facilityGroups: Map<string, string>
    /**
     * Scans the levels over the window as the page does (requests answered in-process); `under`:
     * only the org units under these (default: the whole country), ancestors still counted from
     * the national root
     */
    scan: (
        levels: readonly number[],
        window: ScanWindow,
        under?: readonly string[],
        options?: ScanOptions
    ) => Promise<{ scan: ScanData; requests: number; plan: ScanRequest[] }>
    /**
     * The evaluation context of a level; `surges: false`: only stockouts make real events (not
     * the service surges that spike or collapse an org unit above the facilities)
     */
    evaluationContext: (
        level: number,
        window: ScanWindow,
        options?: { surges?: boolean }
    ) => EvaluationContext
}

export interface ScanOptions {
    /**
     * Place each staggered facility's quarterly reports on the months its group's window covers
     * (`facilityOffsets`; default true); false: calendar quarters
     */
    alignGroups?: boolean
    /**
     * Given: the levels above it also get the quarterly LMIS flows by reporting group, as the page
     * plans them (`planScan`'s `facilityLevel`); default: not
     */
    facilityLevel?: number
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
    const facilityGroups = new Map<string, string>()
    if (seedConfig) {
        for (const group of db.organisationUnitGroups ?? []) {
            const offset = windows[group.id]
            if (offset === undefined) continue
            for (const id of group.orgUnitIds) {
                facilityOffsets.set(id, offset)
                facilityGroups.set(id, group.code)
            }
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
        under: readonly string[] = [root],
        { alignGroups = true, facilityLevel }: ScanOptions = {}
    ) => {
        const requests = planScan({
            pairs,
            metadata,
            roots: under,
            levels: levels.map((level) => ({ level, orgUnits: countUnder(level, under) })),
            window,
            ...(facilityLevel === undefined ? {} : { facilityLevel }),
        })
        const tables = await runScanLevels(requests, fetchTable, FACILITY_LEVEL)
        const data = await buildScanData({
            pairs,
            metadata,
            window,
            roots: [root],
            levels: tables,
            ...(alignGroups ? { facilityOffsets } : {}),
        })
        return { scan: data, requests: requests.length, plan: requests }
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
    const surgeFactor = new Map(
        (truth.serviceSurges ?? []).map((s) => [`${s.orgUnitId}|${s.period}`, s.factor])
    )
    const monthIds = db.periodsByType.Monthly.map((p) => p.id)
    const seriesOf = (itemId: string) => {
        const [de, coc] = itemId.split('.') as [string, string | undefined]
        return [...db.series.entries()]
            .filter(
                ([key, s]) =>
                    s.periodType === 'Monthly' &&
                    (coc ? key === `${de}.${coc}` : key.startsWith(`${de}.`))
            )
            .map(([, s]) => s.values)
    }
    const surgeShareCache = new Map<string, number | null>()
    /**
     * Share of the rise (or fall) of an org unit's total over its facilities' usual level (median
     * of the 12 months before) that comes from facilities whose services all surged (or slumped)
     * that month (`serviceSurges`: the month's common shock). A district's spike made by its
     * hospital's surge month is the same real event as the hospital's own spike.
     */
    const surgeShare = (alert: EvaluatedAlert): number | null => {
        const up = alert.alert.type === 'spike'
        const series = (alert.alert as { series?: string }).series
        const pair = pairs.find((p) => p.id === alert.alert.pairId)
        const k = monthIds.indexOf(alert.alert.period)
        if (!pair || k < 12 || (series !== 'hmis' && series !== 'lmis')) return null
        const key = `${alert.alert.orgUnitId}|${alert.alert.pairId}|${series}|${alert.alert.period}`
        if (surgeShareCache.has(key)) return surgeShareCache.get(key) ?? null
        const items =
            series === 'hmis' ? pair.hmis.items.map((i) => i.id) : idsOf(pair.lmis.consumption)
        const values = items.flatMap(seriesOf)
        const width = monthIds.length
        let total = 0
        let fromSurges = 0
        for (const facilityId of facilitiesUnder.get(alert.alert.orgUnitId) ?? []) {
            const slot = db.facilitySlot.get(facilityId) as number
            const at = (j: number) => {
                let sum = Number.NaN
                for (const v of values) {
                    const x = v[slot * width + j] as number
                    if (!Number.isNaN(x)) sum = (Number.isNaN(sum) ? 0 : sum) + x
                }
                return sum
            }
            const now = at(k)
            const before = Array.from({ length: 12 }, (_, i) => at(k - 12 + i))
                .filter((x) => !Number.isNaN(x))
                .sort((a, b) => a - b)
            if (Number.isNaN(now) || before.length === 0) continue
            const usual = before[Math.floor(before.length / 2)] as number
            const change = up ? now - usual : usual - now
            if (change <= 0) continue
            total += change
            const factor = surgeFactor.get(`${facilityId}|${alert.alert.period}`)
            if (factor !== undefined && (up ? factor > 1 : factor < 1)) fromSurges += change
        }
        const result = total > 0 ? fromSurges / total : null
        surgeShareCache.set(key, result)
        return result
    }
    const isKnownEvent = (alert: EvaluatedAlert, surges: boolean): boolean =>
        (surges &&
            ['spike', 'collapse'].includes(alert.alert.type) &&
            (orgUnits.get(alert.alert.orgUnitId)?.level ?? FACILITY_LEVEL) < FACILITY_LEVEL &&
            (surgeShare(alert) ?? 0) >= 0.5) ||
        (['stockoutWithCases', 'collapse', 'divergence'].includes(alert.alert.type) &&
            alert.pairIds.some((id) => {
                const commodity = commodityOfPair[id]
                const share = commodity
                    ? stockoutShare(commodity, alert.alert.orgUnitId, alert.alert.period)
                    : null
                return share !== null && share >= 0.2
            }))
    /**
     * A spike's usual level: the median of its facility series (its data element and option
     * combo) over the window's baseline months (or the quarters wholly among them, for a quarterly
     * report), as the detectors see that series; `null` for other anomalies or without values.
     */
    const usualLevel = (anomaly: Anomaly, window: ScanWindow): number | null => {
        const slot = db.facilitySlot.get(anomaly.orgUnitId)
        const de = anomaly.dataElementIds[0]
        if (slot === undefined || de === undefined || anomaly.dataElementIds.length !== 1)
            return null
        const baseline = window.months.slice(0, window.months.length - window.testMonths)
        const quarterly = anomaly.periods.some((p) => /Q/.test(p))
        const coc = anomaly.categoryOptionComboId ?? DEFAULT_COC
        const series = db.series.get(`${de}.${coc}`)
        if (!series) return null
        const periods = quarterly
            ? [...new Set(baseline.map(quarterOfMonth))].filter((q) =>
                  monthsOfQuarter(q).every((m) => baseline.includes(m))
              )
            : baseline
        const index = quarterly ? quarterIndex : monthIndex
        const values = periods
            .map((p) => index.get(p))
            .filter((k): k is number => k !== undefined)
            .map((k) => series.values[slot * index.size + k] as number)
            .filter((v) => !Number.isNaN(v))
        return median(values)
    }
    const evaluationContext = (
        level: number,
        window: ScanWindow,
        { surges = true }: { surges?: boolean } = {}
    ): EvaluationContext => ({
        isKnownEvent: (alert) => isKnownEvent(alert, surges),
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
        usualLevel: (anomaly) => usualLevel(anomaly, window),
    })
    return {
        db,
        truth,
        config,
        pairs,
        metadata,
        root,
        facilityOffsets,
        facilityGroups,
        scan,
        evaluationContext,
    }
}
