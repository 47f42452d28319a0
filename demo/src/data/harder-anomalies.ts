/**
 * A harder ground truth, seeded after the simulation into the stored values only (every other
 * value of the country stays as generated): the errors and changes an alert list must find among
 * ordinary noise, in the recent months an alert scan looks at (the six months before the last
 * one; quarterly reports: the quarters whose window has ended in that span).
 *
 * - `spike` of ×2 and ×3 (and a few more ×10) at facilities reporting monthly, on values of at
 *   least `MIN_ORIGINAL` (a ×3 of 3 cases is not told from chance by anyone), HMIS or LMIS;
 *   ×3 and ×10 of a quarterly R&R's consumption at quarterly reporters (staggered groups);
 * - `duplicate_entry`: a monthly value entered twice (doubled);
 * - `consumption_collapse` of 30–50 % (factor 0.5–0.7) for 3 months: a facility's recorded
 *   consumption, or every monthly reporter of a district;
 * - `constant_reporting`: a facility reporting the same value of an HMIS series every month for
 *   the last `CONSTANT_MONTHS` months (a copied form).
 *
 * Counts scale with the country (`per6000`), at least one of each.
 */
import type { Anomaly } from './anomalies'
import { COMMODITIES, type CommodityKey } from './catalogue'
import type { DemoDb, OrgUnit } from './model'
import type { Rng } from './random'

export const MIN_ORIGINAL = 10
export const CONSTANT_MONTHS = 8

type Planned = Omit<Anomaly, 'orgUnitId' | 'orgUnitLevel' | 'orgUnitName'> & { orgUnit: OrgUnit }

export interface HarderInput {
    rng: Rng
    db: DemoDb
    /** Per facility slot: 1 when it reports HMIS */
    hmisAssigned: Uint8Array
    /** Per facility slot: whether it reports LMIS monthly, quarterly or not at all */
    lmisModeOf: (slot: number) => 'monthly' | 'quarterly' | 'none'
    /** District index → facility slots; district index → org unit */
    districtFacilities: readonly number[][]
    districts: readonly OrgUnit[]
    /** Slots already carrying an anomaly (never reused) */
    usedSlots: Set<number>
    /** Districts already carrying an anomaly */
    usedDistricts: ReadonlySet<string>
    /** HMIS series that can carry an error: data element and option combo */
    hmisSeries: readonly { de: string; coc: string }[]
    /** Per commodity: monthly and quarterly consumption element */
    consumption: Readonly<Record<CommodityKey, { monthly: string; quarterly: string }>>
    coc: string
    /** Month ids of the recent span (in order) and the quarter ids whose window ended in it */
    recentMonths: readonly string[]
    recentQuarters: readonly string[]
    /** The months of `CONSTANT_MONTHS` ending with the last month before the current one */
    constantMonths: readonly string[]
}

const LMIS_KEYS: CommodityKey[] = ['oxytocin', 'amoxicillin', 'ors', 'chlorhexidine', 'zinc']

/** Seeds the harder anomalies into `db.series` and returns them */
export const seedHarderAnomalies = (input: HarderInput): Planned[] => {
    const { rng, db } = input
    const scale = db.facilities.length / 6000
    const per6000 = (n: number) => Math.max(1, Math.round(n * scale))
    const months = db.periodsByType.Monthly.map((p) => p.id)
    const quarters = db.periodsByType.Quarterly.map((p) => p.id)
    const nMonths = months.length
    const nQuarters = quarters.length
    const series = (de: string, coc: string) => {
        const s = db.series.get(`${de}.${coc}`)
        if (!s) throw new Error(`Missing series ${de}.${coc}`)
        return s
    }
    const out: Planned[] = []
    const facility = (slot: number) => db.facilities[slot] as OrgUnit
    const nameOf = (de: string) => db.dataElements.find((d) => d.id === de)?.name ?? de

    /** A monthly value ×factor at a free facility; true when placed */
    const monthlyError = (type: 'spike' | 'duplicate_entry', factor: number): boolean => {
        for (let attempt = 0; attempt < 400; attempt++) {
            const slot = rng.int(db.facilities.length)
            if (input.usedSlots.has(slot)) continue
            const lmis = rng.chance(0.4)
            let de: string
            let coc = input.coc
            let pairId: CommodityKey | undefined
            if (lmis) {
                if (input.lmisModeOf(slot) !== 'monthly') continue
                pairId = rng.pick(LMIS_KEYS)
                de = (input.consumption[pairId] as { monthly: string }).monthly
            } else {
                if (!input.hmisAssigned[slot]) continue
                const pick = rng.pick(input.hmisSeries)
                de = pick.de
                coc = pick.coc
            }
            const month = rng.pick(input.recentMonths)
            const k = months.indexOf(month)
            const values = series(de, coc).values
            const cell = slot * nMonths + k
            const original = values[cell] as number
            if (!(original >= MIN_ORIGINAL)) continue
            const value = Math.round(original * factor)
            values[cell] = value
            input.usedSlots.add(slot)
            out.push({
                type,
                orgUnit: facility(slot),
                dataElementIds: [de],
                categoryOptionComboId: coc,
                period: month,
                periods: [month],
                ...(pairId ? { pairId } : {}),
                factor,
                originalValue: original,
                value,
                description:
                    type === 'duplicate_entry'
                        ? `Entered twice: ${nameOf(de)} ${value} instead of ${original}.`
                        : `Data entry error: ${nameOf(de)} entered as ${value} instead of ${original} (×${factor}).`,
            })
            return true
        }
        return false
    }

    for (let i = 0; i < per6000(30); i++) monthlyError('spike', 2)
    for (let i = 0; i < per6000(30); i++) monthlyError('spike', 3)
    for (let i = 0; i < per6000(10); i++) monthlyError('spike', 10)
    for (let i = 0; i < per6000(15); i++) monthlyError('duplicate_entry', 2)

    // Quarterly reporters: a quarter's R&R consumption ×3 or ×10
    for (let i = 0; i < per6000(10); i++) {
        for (let attempt = 0; attempt < 400; attempt++) {
            const slot = rng.int(db.facilities.length)
            if (input.usedSlots.has(slot) || input.lmisModeOf(slot) !== 'quarterly') continue
            if (input.recentQuarters.length === 0) break
            const pairId = rng.pick(LMIS_KEYS)
            const de = (input.consumption[pairId] as { quarterly: string }).quarterly
            const quarter = rng.pick(input.recentQuarters)
            const qi = quarters.indexOf(quarter)
            const values = series(de, input.coc).values
            const cell = slot * nQuarters + qi
            const original = values[cell] as number
            if (!(original >= MIN_ORIGINAL)) continue
            const factor = i % 2 === 0 ? 3 : 10
            const value = Math.round(original * factor)
            values[cell] = value
            input.usedSlots.add(slot)
            out.push({
                type: 'spike',
                orgUnit: facility(slot),
                dataElementIds: [de],
                categoryOptionComboId: input.coc,
                period: quarter,
                periods: [quarter],
                pairId,
                factor,
                originalValue: original,
                value,
                description: `Quarterly R&R: ${nameOf(de)} entered as ${value} instead of ${original} (×${factor}).`,
            })
            break
        }
    }

    // Partial collapses: 30–50 % less consumption recorded for 3 months
    const collapse = (slots: number[], pairId: CommodityKey, start: number, factor: number) => {
        const de = (input.consumption[pairId] as { monthly: string }).monthly
        const values = series(de, input.coc).values
        for (const slot of slots) {
            for (let k = start; k < start + 3; k++) {
                const cell = slot * nMonths + k
                const v = values[cell] as number
                if (!Number.isNaN(v)) values[cell] = Math.round(v * factor)
            }
            input.usedSlots.add(slot)
        }
        return months.slice(start, start + 3)
    }
    const startMonths = input.recentMonths.slice(0, Math.max(1, input.recentMonths.length - 2))
    for (let i = 0; i < per6000(10); i++) {
        for (let attempt = 0; attempt < 400; attempt++) {
            const slot = rng.int(db.facilities.length)
            if (input.usedSlots.has(slot) || input.lmisModeOf(slot) !== 'monthly') continue
            const pairId = rng.pick(LMIS_KEYS)
            const start = months.indexOf(rng.pick(startMonths))
            const values = series(
                (input.consumption[pairId] as { monthly: string }).monthly,
                input.coc
            ).values
            const usual = values[slot * nMonths + start - 1] as number
            if (!(usual >= 2 * MIN_ORIGINAL)) continue
            const factor = Math.round(rng.uniform(0.5, 0.7) * 100) / 100
            const periods = collapse([slot], pairId, start, factor)
            out.push({
                type: 'consumption_collapse',
                orgUnit: facility(slot),
                dataElementIds: [(input.consumption[pairId] as { monthly: string }).monthly],
                period: periods[0] as string,
                periods,
                pairId,
                factor,
                description: `Recorded ${pairId} consumption falls by ${Math.round((1 - factor) * 100)} % for 3 months while cases stay stable.`,
            })
            break
        }
    }
    const districtOptions = input.districts
        .map((d, index) => ({ d, index }))
        .filter(
            ({ d, index }) =>
                !input.usedDistricts.has(d.id) &&
                (input.districtFacilities[index] ?? []).filter(
                    (s) => input.lmisModeOf(s) === 'monthly' && !input.usedSlots.has(s)
                ).length >= 8
        )
    for (const { d, index } of rng.sample(
        districtOptions,
        Math.min(districtOptions.length, per6000(3))
    )) {
        const slots = (input.districtFacilities[index] ?? []).filter(
            (s) => input.lmisModeOf(s) === 'monthly' && !input.usedSlots.has(s)
        )
        const pairId = rng.pick(LMIS_KEYS)
        const factor = Math.round(rng.uniform(0.5, 0.7) * 100) / 100
        const periods = collapse(slots, pairId, months.indexOf(rng.pick(startMonths)), factor)
        out.push({
            type: 'consumption_collapse',
            orgUnit: d,
            dataElementIds: [(input.consumption[pairId] as { monthly: string }).monthly],
            period: periods[0] as string,
            periods,
            pairId,
            factor,
            facilityIds: slots.map((s) => facility(s).id),
            description: `Recorded ${pairId} consumption falls by ${Math.round((1 - factor) * 100)} % in the district for 3 months while cases stay stable.`,
        })
    }

    // The same value every month
    for (let i = 0; i < per6000(8); i++) {
        for (let attempt = 0; attempt < 400; attempt++) {
            const slot = rng.int(db.facilities.length)
            if (input.usedSlots.has(slot) || !input.hmisAssigned[slot]) continue
            const pick = rng.pick(input.hmisSeries)
            const values = series(pick.de, pick.coc).values
            const ks = input.constantMonths.map((m) => months.indexOf(m))
            const first = ks[0] as number
            const value = values[slot * nMonths + first - 1] as number
            if (!(value >= MIN_ORIGINAL)) continue
            if (ks.some((k) => Number.isNaN(values[slot * nMonths + k] as number))) continue
            for (const k of ks) values[slot * nMonths + k] = value
            input.usedSlots.add(slot)
            out.push({
                type: 'constant_reporting',
                orgUnit: facility(slot),
                dataElementIds: [pick.de],
                categoryOptionComboId: pick.coc,
                period: input.constantMonths[0] as string,
                periods: [...input.constantMonths],
                factor: 1,
                value,
                description: `${nameOf(pick.de)} reported as ${value} every month for ${ks.length} months.`,
            })
            break
        }
    }
    return out
}

/** The commodity keys with their consumption elements, for `HarderInput.consumption` */
export const consumptionElements = (
    lmisIds: Record<
        CommodityKey,
        { Monthly: { consumption: string }; Quarterly: { consumption: string } }
    >
): Record<CommodityKey, { monthly: string; quarterly: string }> =>
    Object.fromEntries(
        COMMODITIES.map((c) => [
            c.key,
            {
                monthly: (lmisIds[c.key] as { Monthly: { consumption: string } }).Monthly
                    .consumption,
                quarterly: (lmisIds[c.key] as { Quarterly: { consumption: string } }).Quarterly
                    .consumption,
            },
        ])
    ) as Record<CommodityKey, { monthly: string; quarterly: string }>
