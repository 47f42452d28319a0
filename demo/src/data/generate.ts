/**
 * Generates the demo DHIS2's country: org unit hierarchy, metadata, and 2023-01 → `endPeriod` of
 * HMIS and LMIS data with seeded anomalies and their ground truth. Deterministic: the same options
 * give the same database (seeded PRNG; the clock is only read for the default `endPeriod`).
 *
 * ## Data sets
 * - "HMIS Monthly Summary" (Monthly): assigned to every facility but one (`lmis_without_hmis`).
 * - "LMIS Monthly Report" (Monthly): the facilities of the regions closest to 40% of facilities.
 * - "LMIS Quarterly Report (R&R)" (Quarterly): all other facilities but one (`hmis_without_lmis`).
 *
 * The two LMIS data sets use different data elements (`LMIS_OXY_CONS` and `LMIS_OXY_CONS_Q`):
 * DHIS2's data integrity check `data_elements_aggregate_with_different_period_types` flags data
 * elements shared by data sets of different period types and recommends separate elements; and
 * the DemoDb keys each series by data element and option combo with one period type.
 *
 * ## How the stagger is represented
 * Like Tanzania's eLMIS, quarterly facilities are split into reporting groups A, B and C that send
 * their requisition and report (R&R) in different months, each covering the three months before:
 * group A in Jan/Apr/Jul/Oct (covering Oct–Dec, Jan–Mar, …), group B in Feb/May/Aug/Nov (covering
 * Nov–Jan, Feb–Apr, …), group C in Mar/Jun/Sep/Dec (covering Dec–Feb, Mar–May, …).
 *
 * DHIS2 quarterly periods are calendar quarters, so each R&R is stored against the calendar quarter
 * holding most of its three months: A's Jan–Mar → Q1, B's Feb–Apr → Q1, C's Dec–Feb → Q1 (so B's
 * window ends a month after the quarter, C's a month before; `LMIS_GROUP_OFFSET`). Values are what
 * the R&R says for its own window: consumption, stockout days, losses and receipts summed over the
 * window's three months, stock on hand at the end of the window's last month (the interface's
 * "SOH of the quarter's last month"). A quarter has no value until the group's window has ended by
 * `endPeriod`, so the latest quarter is typically partial (only some groups in).
 *
 * Stated per stored quarter Q (running index q, `rrWindowMonths(q, group)`): group A's value in Q
 * covers Q's three months; group B's the three months shifted one month later (Q1 = Feb–Apr);
 * group C's shifted one month earlier (Q1 = Dec of the year before–Feb), which in the cycle of
 * quarters is the window shifted two months later, stored in the following quarter. The shifts
 * per group are `LMIS_GROUP_OFFSET` (A 0, B +1, C −1), also listed with the groups' uids by
 * `demoLmisExtras()` in demo-config.ts.
 *
 * The stagger also shows in timeliness: a quarterly report is on time when registered within
 * `timelyDays` = 45 days after the calendar quarter (enough for group B, whose window ends a month
 * later); it is late (2) after that, which happens for late R&Rs of groups A and B. How often a
 * facility is late (any data set) is a facility trait: most rarely, some often (`simulate.ts`).
 *
 * Each facility's group is exposed as the org unit group set "LMIS reporting group" (groups A, B,
 * C and "LMIS monthly reporting"), and facility types as the group set "Facility type".
 */
import { writeFileSync } from 'node:fs'
import {
    COMMODITIES,
    DATA_SETS,
    FACILITY_TYPES,
    HMIS_ELEMENTS,
    COC,
    DEFAULT_CATEGORY_OPTION_COMBO_ID,
    hmisElementId,
    metadataUid,
    type CommodityKey,
    type LmisGroup,
} from './catalogue'
import {
    SLUMP_FACTOR,
    SURGE_FACTOR,
    emptyPlan,
    forceReports,
    type ServiceSurge,
    type Anomaly,
    type AnomalyPlan,
    type FacilityProfile,
    type GroundTruth,
    type SupplyShortage,
} from './anomalies'
import { demoCalendar } from './calendar'
import { FACILITY_LEVEL, buildHierarchy, type Hierarchy } from './hierarchy'
import { buildStaticMetadata } from './metadata-objects'
import type {
    DemoDb,
    OrgUnit,
    OrgUnitGroup,
    OrgUnitGroupSet,
    Registrations,
    ValueSeries,
} from './model'
import { compactValues } from './model'
import {
    buildPeriods,
    defaultEndPeriod,
    monthId,
    monthIndex,
    parseMonthId,
    quarterOfMonth,
    type MonthIndex,
} from './periods'
import { Rng } from './random'
import {
    HMIS_SERIES,
    LMIS_MONTHLY,
    LMIS_NONE,
    LMIS_QUARTERLY,
    simulateCountry,
    type SimTargets,
} from './simulate'

export type { Anomaly, AnomalyType, FacilityProfile, GroundTruth } from './anomalies'
import { CONSTANT_MONTHS, consumptionElements, seedHarderAnomalies } from './harder-anomalies'
export { commodityCatalogue } from './catalogue'

export interface GenerateOptions {
    /** Number of facilities (≥ 30) */
    facilities: number
    /** Seed of the pseudo-random generator */
    seed: number
    /** Last month with data, e.g. `202610`; default: the month before the current date */
    endPeriod?: string
}

export const FIRST_MONTH: MonthIndex = monthIndex(2023, 1)

/**
 * The first month of data in the demo's calendar: January 2023, or in the Ethiopian calendar Tir
 * 2015, the Ethiopian month that starts in January 2023 (2023-01-09).
 */
export const firstMonthOfData = (): MonthIndex =>
    demoCalendar() === 'ethiopian' ? monthIndex(2015, 5) : FIRST_MONTH
const WARM_UP_MONTHS = 6
const MIN_FACILITIES = 30

const HMIS_SERIES_KEYS: Record<(typeof HMIS_SERIES)[number], { de: string; coc: string }> = {
    'deliveries.facility': { de: hmisElementId('deliveries'), coc: COC.facility },
    'deliveries.community': { de: hmisElementId('deliveries'), coc: COC.community },
    pph: { de: hmisElementId('pph'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    preEclampsia: { de: hmisElementId('preEclampsia'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    pretermBirths: { de: hmisElementId('pretermBirths'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    'liveBirths.male': { de: hmisElementId('liveBirths'), coc: COC.male },
    'liveBirths.female': { de: hmisElementId('liveBirths'), coc: COC.female },
    neonatalSepsis: { de: hmisElementId('neonatalSepsis'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    neonatalAsphyxia: {
        de: hmisElementId('neonatalAsphyxia'),
        coc: DEFAULT_CATEGORY_OPTION_COMBO_ID,
    },
    pneumoniaU5: { de: hmisElementId('pneumoniaU5'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    diarrhoeaU5: { de: hmisElementId('diarrhoeaU5'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    fpImplants: { de: hmisElementId('fpImplants'), coc: DEFAULT_CATEGORY_OPTION_COMBO_ID },
    fpFemaleCondoms: {
        de: hmisElementId('fpFemaleCondoms'),
        coc: DEFAULT_CATEGORY_OPTION_COMBO_ID,
    },
    fpEmergencyContraception: {
        de: hmisElementId('fpEmergencyContraception'),
        coc: DEFAULT_CATEGORY_OPTION_COMBO_ID,
    },
}

const LMIS_GROUPS: LmisGroup[] = ['A', 'B', 'C']

const commodityIndex = (key: CommodityKey): number => COMMODITIES.findIndex((c) => c.key === key)

const nanArray = (length: number): Float64Array => new Float64Array(length).fill(Number.NaN)

const monthRange = (start: MonthIndex, length: number): MonthIndex[] =>
    Array.from({ length }, (_, i) => start + i)

/** A start month for an episode of `length` months, preferably after the first year */
const episodeStart = (rng: Rng, first: MonthIndex, last: MonthIndex, length: number) => {
    const lo = Math.min(first + 12, last - length - 1)
    const hi = last - length
    return rng.intBetween(Math.max(first + 2, lo), Math.max(first + 2, hi))
}

interface Assignment {
    hmisAssigned: Uint8Array
    lmisMode: Uint8Array
    lmisGroup: (LmisGroup | null)[]
    monthlyRegions: Set<number>
}

const assignDataSets = (rng: Rng, hier: Hierarchy): Assignment => {
    const f = hier.facilities.length
    const regionSizes = hier.regions.map(() => 0)
    hier.facilityInfo.forEach((info) => {
        regionSizes[info.regionIndex] = (regionSizes[info.regionIndex] as number) + 1
    })
    // Regions closest to 40% of facilities report LMIS monthly (at least one, not all)
    const order = rng.shuffle(hier.regions.map((_, i) => i))
    const monthlyRegions = new Set<number>()
    let total = 0
    for (const r of order) {
        if (monthlyRegions.size >= hier.regions.length - 1) break
        const size = regionSizes[r] as number
        if (
            monthlyRegions.size === 0 ||
            Math.abs(total + size - 0.4 * f) < Math.abs(total - 0.4 * f)
        ) {
            monthlyRegions.add(r)
            total += size
        }
    }
    const hmisAssigned = new Uint8Array(f).fill(1)
    const lmisMode = new Uint8Array(f)
    const lmisGroup: (LmisGroup | null)[] = new Array<LmisGroup | null>(f).fill(null)
    const quarterlyDistricts = rng.shuffle(
        hier.districts
            .map((_, d) => d)
            .filter((d) => !monthlyRegions.has(hier.districtRegion[d] as number))
    )
    const districtGroup = new Map<number, LmisGroup>()
    quarterlyDistricts.forEach((d, i) => districtGroup.set(d, LMIS_GROUPS[i % 3] as LmisGroup))
    hier.facilityInfo.forEach((info, slot) => {
        if (monthlyRegions.has(info.regionIndex)) {
            lmisMode[slot] = LMIS_MONTHLY
        } else {
            lmisMode[slot] = LMIS_QUARTERLY
            lmisGroup[slot] = districtGroup.get(info.districtIndex) ?? 'A'
        }
    })
    return { hmisAssigned, lmisMode, lmisGroup, monthlyRegions }
}

interface PlannedAnomaly extends Omit<Anomaly, 'orgUnitId' | 'orgUnitLevel' | 'orgUnitName'> {
    orgUnit: OrgUnit
}

const planAnomalies = (
    rng: Rng,
    hier: Hierarchy,
    assignment: Assignment,
    first: MonthIndex,
    last: MonthIndex,
    lmisIds: ReturnType<typeof buildStaticMetadata>['lmisIds']
): { plan: AnomalyPlan; planned: PlannedAnomaly[]; usedSlots: Set<number> } => {
    const plan = emptyPlan()
    const planned: PlannedAnomaly[] = []
    const usedDistricts = new Set<number>()
    const usedSlots = new Set<number>()
    const facilityCount = hier.facilities.length
    const hmisDataSetId = metadataUid('ds', DATA_SETS.hmis.code)
    const hmisIds = HMIS_ELEMENTS.map((d) => metadataUid('de', d.code))
    const monthlyDistricts = hier.districts
        .map((_, d) => d)
        .filter((d) => assignment.monthlyRegions.has(hier.districtRegion[d] as number))
    const quarterlyDistricts = hier.districts
        .map((_, d) => d)
        .filter((d) => !assignment.monthlyRegions.has(hier.districtRegion[d] as number))
    const bySize = (ds: number[]) =>
        rng
            .shuffle(ds)
            .sort(
                (a, b) =>
                    (hier.districtFacilities[b] as number[]).length -
                    (hier.districtFacilities[a] as number[]).length
            )
    const pickDistrict = (candidates: number[], minFacilities: number): number | undefined => {
        const options = candidates.filter(
            (d) =>
                !usedDistricts.has(d) &&
                (hier.districtFacilities[d] as number[]).length >= minFacilities
        )
        const d = options.length > 0 ? rng.pick(options) : bySize(candidates)[0]
        if (d !== undefined) usedDistricts.add(d)
        return d
    }
    const ordinaryFacility = (districts: number[]): number | undefined => {
        const slots = districts.flatMap((d) => hier.districtFacilities[d] as number[])
        const options = slots.filter(
            (s) =>
                !usedSlots.has(s) &&
                (hier.facilityInfo[s]?.type === 'Dispensary' ||
                    hier.facilityInfo[s]?.type === 'Health Centre')
        )
        const slot = options.length > 0 ? rng.pick(options) : undefined
        if (slot !== undefined) usedSlots.add(slot)
        return slot
    }

    // LMIS reports from a facility without the HMIS data set, and the reverse
    const lmisOnly = ordinaryFacility(monthlyDistricts)
    if (lmisOnly !== undefined) {
        assignment.hmisAssigned[lmisOnly] = 0
        planned.push({
            type: 'lmis_without_hmis',
            orgUnit: hier.facilities[lmisOnly] as OrgUnit,
            dataElementIds: hmisIds,
            period: monthId(first),
            periods: [monthId(first)],
            dataSetId: hmisDataSetId,
            description:
                'Facility reports the LMIS monthly report but is not assigned the HMIS data set: no HMIS org unit to match.',
        })
    }
    const hmisOnly = ordinaryFacility(quarterlyDistricts)
    if (hmisOnly !== undefined) {
        assignment.lmisMode[hmisOnly] = LMIS_NONE
        assignment.lmisGroup[hmisOnly] = null
        planned.push({
            type: 'hmis_without_lmis',
            orgUnit: hier.facilities[hmisOnly] as OrgUnit,
            dataElementIds: COMMODITIES.map((c) => lmisIds[c.key].Quarterly.consumption),
            period: monthId(first),
            periods: [monthId(first)],
            dataSetId: metadataUid('ds', DATA_SETS.lmisQuarterly.code),
            description:
                'Facility reports HMIS but is assigned no LMIS data set: its commodities have no LMIS values.',
        })
    }

    // Consumption collapse in one monthly-reporting district
    const collapseDistrict = pickDistrict(monthlyDistricts, 4)
    if (collapseDistrict !== undefined) {
        const key = rng.pick<CommodityKey>(['oxytocin', 'ors', 'chlorhexidine', 'zinc'])
        const c = commodityIndex(key)
        const months = monthRange(episodeStart(rng, first, last, 3), 3)
        const factor = 0.15
        const slots = (hier.districtFacilities[collapseDistrict] as number[]).filter(
            (s) => assignment.lmisMode[s] === LMIS_MONTHLY && !usedSlots.has(s)
        )
        if (slots.length > 0) {
            for (const s of slots) {
                plan.collapse.set(s, { commodity: c, months: new Set(months), factor })
                forceReports(plan, s, months)
                usedSlots.add(s)
            }
            planned.push({
                type: 'consumption_collapse',
                orgUnit: hier.districts[collapseDistrict] as OrgUnit,
                dataElementIds: [lmisIds[key].Monthly.consumption],
                period: monthId(months[0] as number),
                periods: months.map(monthId),
                pairId: key,
                factor,
                facilityIds: slots.map((s) => (hier.facilities[s] as OrgUnit).id),
                description: `Recorded ${key} consumption falls to ~15% in the district for ${months.length} months while cases stay stable.`,
            })
        }
    }

    // Stockouts while cases continue: a few facilities, and one whole district
    const stockoutCommodities: CommodityKey[] = [
        'oxytocin',
        'chlorhexidine',
        'amoxicillin',
        'ors',
        'zinc',
        'injectableAntibiotics',
    ]
    const addStockout = (slot: number, c: number, months: MonthIndex[]) => {
        const list = plan.stockouts.get(slot) ?? []
        list.push({ commodity: c, months: new Set(months) })
        plan.stockouts.set(slot, list)
        forceReports(plan, slot, months)
        usedSlots.add(slot)
    }
    const stockoutFacilities = Math.max(2, Math.round(facilityCount / 1500))
    const bigMonthly = monthlyDistricts
        .flatMap((d) => hier.districtFacilities[d] as number[])
        .filter(
            (s) =>
                assignment.lmisMode[s] === LMIS_MONTHLY &&
                (hier.facilityInfo[s]?.type === 'Health Centre' ||
                    hier.facilityInfo[s]?.type === 'Hospital')
        )
    for (let i = 0; i < stockoutFacilities; i++) {
        const options = bigMonthly.filter((s) => !usedSlots.has(s))
        if (options.length === 0) break
        const slot = rng.pick(options)
        const key = rng.pick(stockoutCommodities)
        const length = rng.intBetween(2, 3)
        const months = monthRange(episodeStart(rng, first, last, length), length)
        addStockout(slot, commodityIndex(key), months)
        const ids = lmisIds[key].Monthly
        planned.push({
            type: 'stockout_with_cases',
            orgUnit: hier.facilities[slot] as OrgUnit,
            dataElementIds: [ids.stockOnHand, ids.stockoutDays, ids.consumption, ids.stockedOut],
            period: monthId(months[0] as number),
            periods: months.map(monthId),
            pairId: key,
            description: `No ${key} in stock for ${length} months (stock written off, no deliveries) while patients keep coming.`,
        })
    }
    const stockoutDistrict = pickDistrict(monthlyDistricts, 3)
    if (stockoutDistrict !== undefined) {
        const key = rng.pick<CommodityKey>(['amoxicillin', 'ors', 'oxytocin'])
        const months = monthRange(episodeStart(rng, first, last, 2), 2)
        const slots = (hier.districtFacilities[stockoutDistrict] as number[]).filter(
            (s) => assignment.lmisMode[s] === LMIS_MONTHLY && !usedSlots.has(s)
        )
        for (const s of slots) addStockout(s, commodityIndex(key), months)
        const ids = lmisIds[key].Monthly
        if (slots.length > 0)
            planned.push({
                type: 'stockout_with_cases',
                orgUnit: hier.districts[stockoutDistrict] as OrgUnit,
                dataElementIds: [
                    ids.stockOnHand,
                    ids.stockoutDays,
                    ids.consumption,
                    ids.stockedOut,
                ],
                period: monthId(months[0] as number),
                periods: months.map(monthId),
                pairId: key,
                facilityIds: slots.map((s) => (hier.facilities[s] as OrgUnit).id),
                description: `Every facility of the district runs out of ${key} for 2 months (district supply failure) while cases continue.`,
            })
    }

    // Completeness drop: most of a district's facilities miss one month's HMIS report
    const dropDistrict = pickDistrict(
        hier.districts.map((_, d) => d),
        5
    )
    if (dropDistrict !== undefined) {
        const month = episodeStart(rng, first, last, 1)
        const slots = (hier.districtFacilities[dropDistrict] as number[]).filter(
            (s) => assignment.hmisAssigned[s] === 1 && !usedSlots.has(s)
        )
        const dropped = rng.sample(slots, Math.round(slots.length * 0.75))
        plan.hmisDropped.set(month, new Set(dropped))
        for (const s of dropped) usedSlots.add(s)
        if (dropped.length > 0)
            planned.push({
                type: 'completeness_drop',
                orgUnit: hier.districts[dropDistrict] as OrgUnit,
                dataElementIds: hmisIds,
                period: monthId(month),
                periods: [monthId(month)],
                factor: Math.round(((slots.length - dropped.length) / slots.length) * 1000) / 1000,
                dataSetId: hmisDataSetId,
                facilityIds: dropped.map((s) => (hier.facilities[s] as OrgUnit).id),
                description: `${dropped.length} of ${slots.length} facilities do not send the HMIS report for the month.`,
            })
    }
    return { plan, planned, usedSlots }
}

/** National supply shortage episodes and the resulting fill rate per commodity and month */
const supplyFillRates = (
    rng: Rng,
    simStart: MonthIndex,
    first: MonthIndex,
    last: MonthIndex
): { fillRate: Float64Array[]; shortages: SupplyShortage[] } => {
    const nSim = last - simStart + 1
    const shortages: SupplyShortage[] = []
    const fillRate = COMMODITIES.map((c) => {
        const rates = new Float64Array(nSim)
        for (let i = 0; i < nSim; i++) rates[i] = rng.uniform(0.9, 1)
        if (c.key !== 'resuscitationDevices' && rng.chance(0.3)) {
            const start = rng.intBetween(first, Math.max(first, last - 2))
            const fill = Math.round(rng.uniform(0.45, 0.6) * 100) / 100
            for (let m = start; m < start + 2 && m <= last; m++) rates[m - simStart] = fill
            shortages.push({
                pairId: c.key,
                periods: monthRange(start, Math.min(2, last - start + 1)).map(monthId),
                fillRate: fill,
            })
        }
        return rates
    })
    return { fillRate, shortages }
}

interface SpikeCandidate {
    series: ValueSeries
    needs: 'hmis' | 'lmisMonthly'
    pairId?: CommodityKey
}

const seedSpikes = (
    rng: Rng,
    db: DemoDb,
    assignment: Assignment,
    usedSlots: Set<number>,
    nMonths: number,
    first: MonthIndex,
    lmisIds: ReturnType<typeof buildStaticMetadata>['lmisIds']
): PlannedAnomaly[] => {
    const facilityCount = db.facilities.length
    const count = Math.max(6, Math.min(40, Math.round(facilityCount / 200)))
    const get = (de: string, coc: string): ValueSeries => {
        const s = db.series.get(`${de}.${coc}`)
        if (!s) throw new Error(`Missing series ${de}.${coc}`)
        return s
    }
    const hmisCandidates: SpikeCandidate[] = [
        {
            series: get(hmisElementId('pneumoniaU5'), DEFAULT_CATEGORY_OPTION_COMBO_ID),
            needs: 'hmis',
        },
        {
            series: get(hmisElementId('diarrhoeaU5'), DEFAULT_CATEGORY_OPTION_COMBO_ID),
            needs: 'hmis',
        },
        { series: get(hmisElementId('deliveries'), COC.facility), needs: 'hmis' },
        {
            series: get(hmisElementId('fpImplants'), DEFAULT_CATEGORY_OPTION_COMBO_ID),
            needs: 'hmis',
        },
    ]
    const lmisCandidates: SpikeCandidate[] = (
        ['oxytocin', 'amoxicillin', 'ors', 'chlorhexidine', 'zinc'] as const
    ).map((key) => ({
        series: get(lmisIds[key].Monthly.consumption, DEFAULT_CATEGORY_OPTION_COMBO_ID),
        needs: 'lmisMonthly',
        pairId: key,
    }))
    const spiked = new Set<number>()
    const out: PlannedAnomaly[] = []
    for (let i = 0; i < count; i++) {
        const pool = rng.chance(0.7) ? hmisCandidates : lmisCandidates
        for (let attempt = 0; attempt < 200; attempt++) {
            const candidate = rng.pick(pool)
            const slot = rng.int(facilityCount)
            if (usedSlots.has(slot) || spiked.has(slot)) continue
            if (candidate.needs === 'hmis' && !assignment.hmisAssigned[slot]) continue
            if (candidate.needs === 'lmisMonthly' && assignment.lmisMode[slot] !== LMIS_MONTHLY) {
                continue
            }
            const k = rng.int(nMonths)
            const cell = slot * nMonths + k
            const original = candidate.series.values[cell] as number
            if (!(original >= 3)) continue
            const value = original * 10
            candidate.series.values[cell] = value
            spiked.add(slot)
            const de = db.dataElements.find((d) => d.id === candidate.series.dataElementId)
            out.push({
                type: 'spike',
                orgUnit: db.facilities[slot] as OrgUnit,
                dataElementIds: [candidate.series.dataElementId],
                categoryOptionComboId: candidate.series.categoryOptionComboId,
                period: monthId(first + k),
                periods: [monthId(first + k)],
                ...(candidate.pairId ? { pairId: candidate.pairId } : {}),
                factor: 10,
                originalValue: original,
                value,
                description: `Data entry error: ${de?.name ?? 'value'} entered as ${value} instead of ${original}.`,
            })
            break
        }
    }
    return out
}

const buildGroups = (
    hier: Hierarchy,
    assignment: Assignment
): { groups: OrgUnitGroup[]; groupSets: OrgUnitGroupSet[] } => {
    const group = (code: string, name: string, shortName: string, slots: number[]) => ({
        id: metadataUid('oug', code),
        code,
        name,
        shortName,
        orgUnitIds: slots.map((s) => (hier.facilities[s] as OrgUnit).id),
    })
    const slots = hier.facilities.map((_, s) => s)
    const typeGroups = FACILITY_TYPES.map((type) =>
        group(
            `FT_${type.toUpperCase().replace(/ /g, '_')}`,
            type,
            type,
            slots.filter((s) => hier.facilityInfo[s]?.type === type)
        )
    )
    const lmisGroups = [
        group(
            'LMIS_GROUP_A',
            'LMIS group A (R&R in Jan, Apr, Jul, Oct)',
            'LMIS group A',
            slots.filter((s) => assignment.lmisGroup[s] === 'A')
        ),
        group(
            'LMIS_GROUP_B',
            'LMIS group B (R&R in Feb, May, Aug, Nov)',
            'LMIS group B',
            slots.filter((s) => assignment.lmisGroup[s] === 'B')
        ),
        group(
            'LMIS_GROUP_C',
            'LMIS group C (R&R in Mar, Jun, Sep, Dec)',
            'LMIS group C',
            slots.filter((s) => assignment.lmisGroup[s] === 'C')
        ),
        group(
            'LMIS_MONTHLY',
            'LMIS monthly reporting',
            'LMIS monthly',
            slots.filter((s) => assignment.lmisMode[s] === LMIS_MONTHLY)
        ),
    ]
    const groupSets: OrgUnitGroupSet[] = [
        {
            id: metadataUid('ougs', 'OUGS_FACILITY_TYPE'),
            code: 'OUGS_FACILITY_TYPE',
            name: 'Facility type',
            description: 'Hospital, health centre, dispensary or health post.',
            organisationUnitGroupIds: typeGroups.map((g) => g.id),
        },
        {
            id: metadataUid('ougs', 'OUGS_LMIS_GROUP'),
            code: 'OUGS_LMIS_GROUP',
            name: 'LMIS reporting group',
            description:
                'Quarterly R&R reporting group (A, B, C: staggered months, each covering the three months before the report) or monthly LMIS reporting.',
            organisationUnitGroupIds: lmisGroups.map((g) => g.id),
        },
    ]
    return { groups: [...typeGroups, ...lmisGroups], groupSets }
}

const truthByDb = new WeakMap<DemoDb, GroundTruth>()

/** Generates the country and returns it with the ground truth of its seeded anomalies. */
export const generateCountryWithTruth = (
    opts: GenerateOptions
): { db: DemoDb; truth: GroundTruth } => {
    const facilityCount = opts.facilities
    if (!Number.isInteger(facilityCount) || facilityCount < MIN_FACILITIES) {
        throw new RangeError(`facilities must be an integer ≥ ${MIN_FACILITIES}`)
    }
    if (!Number.isInteger(opts.seed)) throw new RangeError('seed must be an integer')
    const endPeriod = opts.endPeriod ?? defaultEndPeriod()
    const last = parseMonthId(endPeriod)
    const first = firstMonthOfData()
    if (last < first + 11) {
        throw new RangeError(`endPeriod must be ${monthId(first + 11)} or later`)
    }
    const simStart = first - WARM_UP_MONTHS

    const rng = new Rng(opts.seed)
    const hierarchyRng = rng.fork('hierarchy')
    const assignmentRng = rng.fork('assignment')
    const anomalyRng = rng.fork('anomalies')
    const supplyRng = rng.fork('supply')
    const valueRng = rng.fork('values')
    const spikeRng = rng.fork('spikes')
    // Forked last: the streams above, and so every generated value, stay as they were
    const harderRng = rng.fork('harder-anomalies')

    const hier = buildHierarchy(hierarchyRng, facilityCount, opts.seed)
    const meta = buildStaticMetadata()
    const assignment = assignDataSets(assignmentRng, hier)
    const { plan, planned, usedSlots } = planAnomalies(
        anomalyRng,
        hier,
        assignment,
        first,
        last,
        meta.lmisIds
    )
    const { fillRate, shortages } = supplyFillRates(supplyRng, simStart, first, last)

    const periodsByType = buildPeriods(first, last)
    const nMonths = periodsByType.Monthly.length
    const nQuarters = periodsByType.Quarterly.length
    const quarters = monthRange(quarterOfMonth(first), nQuarters)

    // Dense value series, only for (data element, option combo) pairs that exist
    const series = new Map<string, ValueSeries>()
    const addSeries = (
        de: string,
        coc: string,
        periodType: 'Monthly' | 'Quarterly'
    ): Float64Array => {
        const values = nanArray(facilityCount * (periodType === 'Monthly' ? nMonths : nQuarters))
        series.set(`${de}.${coc}`, {
            dataElementId: de,
            categoryOptionComboId: coc,
            periodType,
            values,
        })
        return values
    }
    const targets: SimTargets = {
        hmis: HMIS_SERIES.map((key) => {
            const { de, coc } = HMIS_SERIES_KEYS[key]
            return addSeries(de, coc, 'Monthly')
        }),
        lmisMonthly: COMMODITIES.map((c) => {
            const ids = meta.lmisIds[c.key].Monthly
            return [
                ids.consumption,
                ids.stockOnHand,
                ids.stockoutDays,
                ids.lossesAdjustments,
                ids.quantityReceived,
                ids.stockedOut,
            ].map((de) => addSeries(de, DEFAULT_CATEGORY_OPTION_COMBO_ID, 'Monthly'))
        }),
        lmisQuarterly: COMMODITIES.map((c) => {
            const ids = meta.lmisIds[c.key].Quarterly
            return [
                ids.consumption,
                ids.stockOnHand,
                ids.stockoutDays,
                ids.lossesAdjustments,
                ids.quantityReceived,
                ids.stockedOut,
            ].map((de) => addSeries(de, DEFAULT_CATEGORY_OPTION_COMBO_ID, 'Quarterly'))
        }),
        hmisRegistrations: new Uint8Array(facilityCount * nMonths),
        lmisMonthlyRegistrations: new Uint8Array(facilityCount * nMonths),
        lmisQuarterlyRegistrations: new Uint8Array(facilityCount * nQuarters),
        shock: new Float32Array(facilityCount * nMonths),
    }

    simulateCountry({
        rng: valueRng,
        simStart,
        first,
        last,
        quarters,
        facilityInfo: hier.facilityInfo,
        hmisAssigned: assignment.hmisAssigned,
        lmisMode: assignment.lmisMode,
        lmisGroup: assignment.lmisGroup,
        fillRate,
        plan,
        lmisQuarterlyTimelyDays: DATA_SETS.lmisQuarterly.timelyDays,
        targets,
    })

    const slotsWhere = (pred: (slot: number) => boolean): string[] =>
        hier.facilities.filter((_, s) => pred(s)).map((ou) => ou.id)
    const dataSets = [
        {
            ...meta.dataSets.hmis,
            orgUnitIds: slotsWhere((s) => assignment.hmisAssigned[s] === 1),
        },
        {
            ...meta.dataSets.lmisMonthly,
            orgUnitIds: slotsWhere((s) => assignment.lmisMode[s] === LMIS_MONTHLY),
        },
        {
            ...meta.dataSets.lmisQuarterly,
            orgUnitIds: slotsWhere((s) => assignment.lmisMode[s] === LMIS_QUARTERLY),
        },
    ]
    const registrations = new Map<string, Registrations>([
        [
            meta.dataSets.hmis.id,
            {
                dataSetId: meta.dataSets.hmis.id,
                periodType: 'Monthly',
                registrations: targets.hmisRegistrations,
            },
        ],
        [
            meta.dataSets.lmisMonthly.id,
            {
                dataSetId: meta.dataSets.lmisMonthly.id,
                periodType: 'Monthly',
                registrations: targets.lmisMonthlyRegistrations,
            },
        ],
        [
            meta.dataSets.lmisQuarterly.id,
            {
                dataSetId: meta.dataSets.lmisQuarterly.id,
                periodType: 'Quarterly',
                registrations: targets.lmisQuarterlyRegistrations,
            },
        ],
    ])
    const { groups, groupSets } = buildGroups(hier, assignment)

    const db: DemoDb = {
        seed: opts.seed,
        orgUnits: hier.orgUnits,
        orgUnitById: new Map(hier.orgUnits.map((ou) => [ou.id, ou])),
        orgUnitLevels: hier.levels,
        facilities: hier.facilities,
        facilitySlot: new Map(hier.facilities.map((ou, slot) => [ou.id, slot])),
        categoryOptions: meta.categoryOptions,
        categories: meta.categories,
        categoryCombos: meta.categoryCombos,
        categoryOptionCombos: meta.categoryOptionCombos,
        dataElements: meta.dataElements,
        indicatorTypes: meta.indicatorTypes,
        indicators: meta.indicators,
        dataSets,
        periodsByType,
        series,
        registrations,
        organisationUnitGroups: groups,
        organisationUnitGroupSets: groupSets,
    }

    const spikes = seedSpikes(spikeRng, db, assignment, usedSlots, nMonths, first, meta.lmisIds)
    const monthIds = periodsByType.Monthly.map((p) => p.id)
    const recentMonths = monthIds.slice(Math.max(0, nMonths - 7), Math.max(0, nMonths - 1))
    // The last month of each calendar quarter (`quarters` holds quarter indexes)
    const quarterOfId = new Map(
        periodsByType.Quarterly.map((p, qi) => [
            p.id,
            monthIds[(quarters[qi] as number) * 3 + 2 - first] ?? '',
        ])
    )
    const harder = seedHarderAnomalies({
        rng: harderRng,
        db,
        hmisAssigned: assignment.hmisAssigned,
        lmisModeOf: (slot) =>
            assignment.lmisMode[slot] === LMIS_MONTHLY
                ? 'monthly'
                : assignment.lmisMode[slot] === LMIS_QUARTERLY
                  ? 'quarterly'
                  : 'none',
        districtFacilities: hier.districtFacilities,
        districts: hier.districts,
        usedSlots: new Set([
            ...usedSlots,
            ...spikes.map((a) => db.facilitySlot.get(a.orgUnit.id) as number),
        ]),
        usedDistricts: new Set(
            planned.filter((a) => a.orgUnit.level < FACILITY_LEVEL).map((a) => a.orgUnit.id)
        ),
        hmisSeries: (
            ['pneumoniaU5', 'diarrhoeaU5', 'deliveries.facility', 'fpImplants', 'pph'] as const
        ).map((key) => HMIS_SERIES_KEYS[key]),
        consumption: consumptionElements(meta.lmisIds),
        coc: DEFAULT_CATEGORY_OPTION_COMBO_ID,
        recentMonths,
        recentQuarters: periodsByType.Quarterly.map((p) => p.id).filter((id) =>
            recentMonths.includes(quarterOfId.get(id) ?? '')
        ),
        constantMonths: monthIds.slice(Math.max(0, nMonths - 1 - CONSTANT_MONTHS), nMonths - 1),
    })
    const anomalies: Anomaly[] = [...planned, ...spikes, ...harder].map(({ orgUnit, ...rest }) => ({
        ...rest,
        orgUnitId: orgUnit.id,
        orgUnitLevel: orgUnit.level,
        orgUnitName: orgUnit.name,
    }))
    const facilityProfiles: FacilityProfile[] = hier.facilities.map((ou, s) => {
        const info = hier.facilityInfo[s]
        const mode = assignment.lmisMode[s]
        return {
            id: ou.id,
            code: ou.code,
            type: info?.type ?? 'Dispensary',
            population: info?.population ?? 0,
            hmis: assignment.hmisAssigned[s] === 1,
            lmis:
                mode === LMIS_MONTHLY ? 'monthly' : mode === LMIS_QUARTERLY ? 'quarterly' : 'none',
            lmisGroup: assignment.lmisGroup[s] ?? null,
        }
    })
    const truth: GroundTruth = {
        seed: opts.seed,
        facilities: facilityCount,
        endPeriod,
        anomalies,
        supplyShortages: shortages,
        serviceSurges: serviceSurges(targets.shock, hier.facilities, first, nMonths),
        facilityProfiles,
    }
    // Every series is complete now (simulation, then the seeded anomalies): held in single
    // precision where that loses nothing
    for (const valueSeries of db.series.values()) {
        valueSeries.values = compactValues(valueSeries.values)
    }
    truthByDb.set(db, truth)
    return { db, truth }
}

/**
 * The facility-months whose common shock (`shock`, slot × stored month) is at least
 * `SURGE_FACTOR` or at most `SLUMP_FACTOR`: real surges and slumps of every service.
 */
export const serviceSurges = (
    shock: Float32Array | undefined,
    facilities: readonly Pick<OrgUnit, 'id'>[],
    first: MonthIndex,
    nMonths: number
): ServiceSurge[] => {
    const out: ServiceSurge[] = []
    if (!shock) return out
    for (let s = 0; s < facilities.length; s++) {
        for (let k = 0; k < nMonths; k++) {
            const g = shock[s * nMonths + k] as number
            if (g >= SURGE_FACTOR || (g > 0 && g <= SLUMP_FACTOR)) {
                out.push({
                    orgUnitId: (facilities[s] as OrgUnit).id,
                    period: monthId(first + k),
                    factor: Math.round(g * 100) / 100,
                })
            }
        }
    }
    return out
}

/** Generates the demo country (see the module comment). */
export const generateCountry = (opts: GenerateOptions): DemoDb => generateCountryWithTruth(opts).db

/** The ground truth of a database made by `generateCountry` (undefined for other databases). */
export const groundTruth = (db: DemoDb): GroundTruth | undefined => truthByDb.get(db)

/**
 * Writes the ground truth as JSON to `path`: of the given database (made by `generateCountry`),
 * or of a country generated from the given options.
 */
export const writeGroundTruth = (path: string, source: GenerateOptions | DemoDb): GroundTruth => {
    const truth =
        'orgUnits' in source ? groundTruth(source) : generateCountryWithTruth(source).truth
    if (!truth) throw new Error('This database was not made by generateCountry')
    writeFileSync(path, JSON.stringify(truth, null, 2) + '\n', 'utf8')
    return truth
}

export { FACILITY_LEVEL }
