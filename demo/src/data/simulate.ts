/**
 * Month-by-month simulation of services and stock at each facility, and storage of the reported
 * values in the DemoDb's dense series.
 *
 * Services: catchment births, facility/community deliveries, complications, newborn conditions,
 * under-5 pneumonia and diarrhoea (seasonal) and family planning clients, all population-scaled,
 * with a facility utilisation effect, a monthly common shock (gamma) and Poisson/binomial noise,
 * so the counts are over-dispersed like real HMIS data.
 *
 * Stock: per commodity, each month: losses/adjustments come off the opening stock (a small
 * monthly loss rate, now and then a batch expired or damaged, sometimes a transfer in as a
 * negative adjustment); the month's shipment arrives on a day of the month, so the month has two
 * parts, before and after the delivery. Need follows the cases with a commodity-specific dose per
 * case, a facility-specific adherence and a monthly dispensing factor (so consumption is never
 * exactly cases × dose), spread evenly over the days; in each part, consumption = min(need, stock)
 * and the days without stock are counted. So a facility can run out mid-month and be restocked by
 * the delivery (stockout days > 0 with a closing balance > 0), or run out on the last day (closing
 * balance 0 with 0 stockout days, as LMIS reports count whole days without stock). Closing SOH =
 * opening − losses + received − consumption ≥ 0. Resupply: monthly reporters review every month
 * (order up to 3 months of AMC when below 2 months); quarterly reporters order up to 6 months of
 * AMC when they send their R&R. Shipments arrive the next month, scaled by the national fill rate;
 * a few go missing. Family planning clients are counted when they receive the method, so an FP
 * stockout also lowers the HMIS count (unlike cases, which continue); the HMIS register misses a
 * few of them and the LMIS dispenses a few sets more (failed insertions, wastage).
 *
 * The stocked-out flag (`stockedOut`, 0/1) of a month is 1 when the month had stockout days or
 * ended with no stock; of a quarterly R&R, when its window had stockout days or ended with none.
 */
import {
    COMMODITIES,
    LMIS_GROUP_OFFSET,
    rrWindowMonths,
    type FacilityType,
    type LmisGroup,
} from './catalogue'
import type { AnomalyPlan } from './anomalies'
import type { FacilityInfo } from './hierarchy'
import { daysInMonth, monthOfYear, type MonthIndex } from './periods'
import type { Rng } from './random'

/** HMIS value series in simulation order */
export const HMIS_SERIES = [
    'deliveries.facility',
    'deliveries.community',
    'pph',
    'preEclampsia',
    'pretermBirths',
    'liveBirths.male',
    'liveBirths.female',
    'neonatalSepsis',
    'neonatalAsphyxia',
    'pneumoniaU5',
    'diarrhoeaU5',
    'fpImplants',
    'fpFemaleCondoms',
    'fpEmergencyContraception',
] as const

const H = {
    delFac: 0,
    delCom: 1,
    pph: 2,
    pe: 3,
    preterm: 4,
    lbMale: 5,
    lbFemale: 6,
    sepsis: 7,
    asphyxia: 8,
    pneumonia: 9,
    diarrhoea: 10,
    implants: 11,
    femaleCondoms: 12,
    ec: 13,
} as const

/** LMIS measures in simulation order (same as `LMIS_MEASURES`) */
const M = { cons: 0, soh: 1, sod: 2, loss: 3, recv: 4, so: 5 } as const
const MEASURES = 6

/** Monthly chance that a batch expires or is damaged (a larger loss), per commodity held */
const BATCH_LOSS_CHANCE = 0.004

const C = Object.fromEntries(COMMODITIES.map((c, i) => [c.key, i])) as Record<
    (typeof COMMODITIES)[number]['key'],
    number
>
const COMMODITY_COUNT = COMMODITIES.length

export type LmisMode = 0 | 1 | 2
export const LMIS_NONE = 0
export const LMIS_MONTHLY = 1
export const LMIS_QUARTERLY = 2

export interface SimTargets {
    /** HMIS series values (monthly), in `HMIS_SERIES` order */
    hmis: Float64Array[]
    /** [commodity][measure] monthly LMIS values */
    lmisMonthly: Float64Array[][]
    /** [commodity][measure] quarterly LMIS values */
    lmisQuarterly: Float64Array[][]
    hmisRegistrations: Uint8Array
    lmisMonthlyRegistrations: Uint8Array
    lmisQuarterlyRegistrations: Uint8Array
    /**
     * The month's common shock of each facility over the stored months (slot × month): every
     * service of the facility scaled by it (ground truth of real surges and slumps, never served)
     */
    shock?: Float32Array
}

export interface SimInput {
    rng: Rng
    /** First simulated month (warm-up before the first stored month) */
    simStart: MonthIndex
    /** First and last stored months */
    first: MonthIndex
    last: MonthIndex
    /** Stored quarters (running quarter indices) */
    quarters: number[]
    facilityInfo: FacilityInfo[]
    hmisAssigned: Uint8Array
    lmisMode: Uint8Array
    lmisGroup: (LmisGroup | null)[]
    /** Fill rate per commodity per simulated month */
    fillRate: Float64Array[]
    plan: AnomalyPlan
    lmisQuarterlyTimelyDays: number
    targets: SimTargets
}

const FAC_SHARE: Record<FacilityType, number> = {
    Hospital: 0.55,
    'Health Centre': 0.5,
    Dispensary: 0.35,
    'Health Post': 0.15,
}
const COMMUNITY_REPORTING: Record<FacilityType, number> = {
    Hospital: 0,
    'Health Centre': 0.25,
    Dispensary: 0.35,
    'Health Post': 0.45,
}
const P_PPH: Record<FacilityType, number> = {
    Hospital: 0.06,
    'Health Centre': 0.035,
    Dispensary: 0.025,
    'Health Post': 0.02,
}
const P_PE: Record<FacilityType, number> = {
    Hospital: 0.045,
    'Health Centre': 0.02,
    Dispensary: 0.01,
    'Health Post': 0.008,
}
const SEPSIS_FACTOR: Record<FacilityType, number> = {
    Hospital: 3,
    'Health Centre': 1.2,
    Dispensary: 0.6,
    'Health Post': 0.4,
}
const OPD: Record<FacilityType, number> = {
    Hospital: 0.4,
    'Health Centre': 0.9,
    Dispensary: 1,
    'Health Post': 0.8,
}
const FP: Record<FacilityType, number> = {
    Hospital: 0.5,
    'Health Centre': 1,
    Dispensary: 1,
    'Health Post': 0.7,
}
const DEVICES: Record<FacilityType, number> = {
    Hospital: 6,
    'Health Centre': 3,
    Dispensary: 2,
    'Health Post': 1,
}
/** Days without stock in a part of the month: `days` long, `stock` available for `need`. */
const daysWithoutStock = (stock: number, need: number, days: number): number =>
    days <= 0 ? 0 : stock <= 0 ? days : stock < need ? days * (1 - stock / need) : 0

const LOSS_RATE = COMMODITIES.map((c) =>
    c.key === 'oxytocin' ? 0.008 : c.key === 'chlorhexidine' || c.key === 'ors' ? 0.006 : 0.004
)

const seasonPneumonia = (moy: number): number => 1 + 0.3 * Math.cos((2 * Math.PI * (moy - 7)) / 12)
const seasonDiarrhoea = (moy: number): number =>
    1 +
    0.25 * Math.cos((2 * Math.PI * (moy - 4)) / 12) +
    0.1 * Math.cos((2 * Math.PI * (moy - 11)) / 12)
const seasonBirths = (moy: number): number => 1 + 0.05 * Math.cos((2 * Math.PI * (moy - 9)) / 12)

/** Facility-level constants drawn once per facility */
interface FacilityParams {
    util: number
    hmisReliability: number
    lmisReliability: number
    /** Chance that a report is late (after the data set's timely days): some facilities often are */
    hmisLateness: number
    lmisLateness: number
    /** Share of FP clients the HMIS register records */
    fpRecording: number
    /** Extra FP commodity dispensed per client (failed insertions, wastage) */
    fpWastage: number
    /** Per commodity multipliers of the dose per case */
    adherence: Float64Array
    /** Second multiplier (e.g. PPH share of misoprostol) */
    adherence2: Float64Array
}

const reliability = (rng: Rng): number => {
    const r = rng.next()
    return r < 0.7 ? 0.975 : r < 0.9 ? 0.9 : 0.72
}

/** Most facilities report on time; some are often late, a few usually */
const lateness = (rng: Rng): number => {
    const r = rng.next()
    return r < 0.55 ? 0.04 : r < 0.85 ? 0.15 : 0.45
}

const drawParams = (rng: Rng): FacilityParams => {
    const adherence = new Float64Array(COMMODITY_COUNT)
    const adherence2 = new Float64Array(COMMODITY_COUNT)
    adherence[C.oxytocin] = rng.uniform(0.95, 1.1)
    adherence[C.misoprostol] = rng.uniform(0.2, 0.9)
    adherence2[C.misoprostol] = rng.uniform(0.5, 1)
    adherence[C.magnesiumSulfate] = rng.uniform(0.8, 1.1)
    adherence[C.injectableAntibiotics] = rng.uniform(0.3, 0.9)
    adherence2[C.injectableAntibiotics] = rng.uniform(0.4, 1.2)
    adherence[C.antenatalCorticosteroids] = rng.uniform(0.35, 0.8)
    adherence[C.chlorhexidine] = rng.uniform(0.85, 1.05)
    adherence[C.resuscitationDevices] = 1
    adherence[C.amoxicillin] = rng.uniform(0.9, 1.15)
    adherence2[C.amoxicillin] = rng.uniform(0.6, 1.6)
    adherence[C.ors] = rng.uniform(0.85, 1.1)
    adherence[C.zinc] = rng.uniform(0.65, 0.95)
    adherence[C.femaleCondoms] = rng.uniform(0.8, 1.2)
    adherence[C.implants] = 1
    adherence[C.emergencyContraception] = 1
    return {
        util: rng.logNormal(0, 0.25),
        hmisReliability: reliability(rng),
        lmisReliability: reliability(rng),
        hmisLateness: lateness(rng),
        lmisLateness: lateness(rng),
        fpRecording: rng.uniform(0.88, 1),
        fpWastage: rng.uniform(0, 0.06),
        adherence,
        adherence2,
    }
}

/**
 * Per-facility buffers over the simulated months, reused across facilities (flat, so the hot loop
 * indexes plain typed arrays): `hmis[series * nSim + i]`, `lmis[(commodity * MEASURES + measure) *
 * nSim + i]`, `need[commodity * nSim + i]`.
 */
interface Scratch {
    nSim: number
    hmis: Float64Array
    lmis: Float64Array
    need: Float64Array
}

const makeScratch = (nSim: number): Scratch => ({
    nSim,
    hmis: new Float64Array(HMIS_SERIES.length * nSim),
    lmis: new Float64Array(COMMODITY_COUNT * MEASURES * nSim),
    need: new Float64Array(COMMODITY_COUNT * nSim),
})

/** Expected monthly need per commodity (no noise), for initial stock and the first AMC */
const expectedNeed = (info: FacilityInfo, p: FacilityParams): Float64Array => {
    const type = info.type
    const births = (info.population * 0.036) / 12
    const delFac = births * FAC_SHARE[type] * p.util
    const delCom = births * (1 - FAC_SHARE[type]) * COMMUNITY_REPORTING[type]
    const cases: Cases = {
        delFac,
        delCom,
        pph: delFac * P_PPH[type],
        pe: delFac * P_PE[type],
        preterm: delFac * 0.1,
        liveBirths: delFac * 0.98,
        sepsis: births * 0.012 * SEPSIS_FACTOR[type] * p.util,
        pneumonia: ((info.population * 0.17 * 0.28) / 12) * OPD[type] * p.util,
        diarrhoea: ((info.population * 0.17 * 0.42) / 12) * OPD[type] * p.util,
        femaleCondomClients: info.population * 0.23 * 0.0006 * FP[type] * p.util,
    }
    const out = new Float64Array(COMMODITY_COUNT)
    meanNeed(out, cases, info, p, 1)
    out[C.implants] = info.population * 0.23 * 0.0025 * FP[type] * p.util
    out[C.emergencyContraception] = info.population * 0.23 * 0.0004 * FP[type] * p.util
    return out
}

interface Cases {
    delFac: number
    delCom: number
    pph: number
    pe: number
    preterm: number
    liveBirths: number
    sepsis: number
    pneumonia: number
    diarrhoea: number
    femaleCondomClients: number
}

/** Mean need per commodity given the month's cases: dose per case × facility adherence */
const meanNeed = (
    out: Float64Array,
    k: Cases,
    info: FacilityInfo,
    p: FacilityParams,
    dayFactor: number
): void => {
    const a = p.adherence
    const a2 = p.adherence2
    const type = info.type
    const perThousand = info.population / 1000
    out[C.oxytocin] = k.delFac * ((a[C.oxytocin] as number) + 0.05) + 2 * k.pph
    out[C.misoprostol] =
        k.delCom * 3 * (a[C.misoprostol] as number) + k.pph * 3 * (a2[C.misoprostol] as number)
    out[C.magnesiumSulfate] = k.pe * 8 * (a[C.magnesiumSulfate] as number)
    out[C.injectableAntibiotics] =
        k.sepsis * 7 * (a[C.injectableAntibiotics] as number) +
        perThousand * 0.6 * OPD[type] * (a2[C.injectableAntibiotics] as number) * dayFactor
    out[C.antenatalCorticosteroids] = k.preterm * 4 * (a[C.antenatalCorticosteroids] as number)
    out[C.chlorhexidine] = k.liveBirths * (a[C.chlorhexidine] as number)
    out[C.resuscitationDevices] = 0.01 * DEVICES[type]
    out[C.amoxicillin] =
        k.pneumonia * (a[C.amoxicillin] as number) +
        perThousand * 1.2 * OPD[type] * (a2[C.amoxicillin] as number) * dayFactor
    out[C.ors] = k.diarrhoea * 2 * (a[C.ors] as number)
    out[C.zinc] = k.diarrhoea * (a[C.zinc] as number)
    out[C.femaleCondoms] = k.femaleCondomClients * 10 * (a[C.femaleCondoms] as number)
}

/** End month of the R&R window a group stores against calendar quarter q */
const windowEnd = (q: number, group: LmisGroup): MonthIndex => rrWindowMonths(q, group)[2]

/** Days from the end of the calendar quarter to the end of the group's R&R window */
const windowEndOffsetDays = (q: number, group: LmisGroup): number => {
    const quarterLast = q * 3 + 2
    const off = LMIS_GROUP_OFFSET[group]
    let days = 0
    for (let m = quarterLast + 1; m <= quarterLast + off; m++) days += daysInMonth(m)
    for (let m = quarterLast + off + 1; m <= quarterLast; m++) days -= daysInMonth(m)
    return days
}

export const simulateCountry = (input: SimInput): void => {
    const { rng, simStart, last, facilityInfo } = input
    const nSim = last - simStart + 1
    const scratch = makeScratch(nSim)
    const days = Array.from({ length: nSim }, (_, i) => daysInMonth(simStart + i))
    for (let slot = 0; slot < facilityInfo.length; slot++) {
        const p = drawParams(rng)
        simulateFacility(input, scratch, days, slot, p)
        writeFacility(input, scratch, slot, p)
    }
}

const simulateFacility = (
    input: SimInput,
    scratch: Scratch,
    days: number[],
    slot: number,
    p: FacilityParams
): void => {
    const { rng, simStart, first, plan } = input
    const { nSim, hmis, lmis, need } = scratch
    const info = input.facilityInfo[slot] as FacilityInfo
    const type = info.type
    const mode = input.lmisMode[slot] as LmisMode
    const groupOffset = LMIS_GROUP_OFFSET[input.lmisGroup[slot] ?? 'A']
    const collapse = plan.collapse.get(slot)
    const stockouts = plan.stockouts.get(slot) ?? []
    const expected = expectedNeed(info, p)
    const mean = new Float64Array(COMMODITY_COUNT)
    const cases: Cases = {
        delFac: 0,
        delCom: 0,
        pph: 0,
        pe: 0,
        preterm: 0,
        liveBirths: 0,
        sepsis: 0,
        pneumonia: 0,
        diarrhoea: 0,
        femaleCondomClients: 0,
    }
    // Offset of commodity c's measure in the flat LMIS buffer
    const at = (c: number, measure: number): number => (c * MEASURES + measure) * nSim

    // Stock state per commodity; the pending shipment and the day of the month it arrives
    const soh = new Float64Array(COMMODITY_COUNT)
    const pending = new Float64Array(COMMODITY_COUNT)
    const pendingDay = new Float64Array(COMMODITY_COUNT).fill(1)
    for (let c = 0; c < COMMODITY_COUNT; c++) {
        soh[c] =
            c === C.resuscitationDevices
                ? DEVICES[type]
                : Math.round(
                      (mode === LMIS_QUARTERLY ? 4 : 2.5) *
                          (expected[c] as number) *
                          rng.uniform(0.7, 1.2)
                  )
    }

    for (let i = 0; i < nSim; i++) {
        const m = simStart + i
        const moy = monthOfYear(m)
        const years = (m - first) / 12
        const dim = days[i] as number
        const dayFactor = dim / 30.44
        // Common monthly shock (staff, outreach, stock of forms): over-dispersed counts
        const g = rng.gamma(20) / 20
        const stored = m - input.first
        if (input.targets.shock && stored >= 0 && m <= input.last) {
            input.targets.shock[slot * (input.last - input.first + 1) + stored] = g
        }
        const births =
            ((info.population * 0.036) / 12) *
            Math.pow(1.025, years) *
            dayFactor *
            seasonBirths(moy)
        const share = Math.min(0.95, FAC_SHARE[type] * (1 + 0.03 * years))
        const delFac = rng.poisson(births * share * p.util * g)
        const delCom =
            type === 'Hospital'
                ? 0
                : rng.poisson(births * (1 - share) * COMMUNITY_REPORTING[type] * g)
        const pph = rng.binomial(delFac, P_PPH[type])
        const pe = rng.binomial(delFac, P_PE[type])
        const preterm = rng.binomial(delFac, type === 'Hospital' ? 0.14 : 0.1)
        const liveBirths = delFac - rng.binomial(delFac, 0.018)
        const male = rng.binomial(liveBirths, 0.512)
        const sepsis = rng.poisson(births * 0.012 * SEPSIS_FACTOR[type] * p.util * g)
        const asphyxia = rng.binomial(liveBirths, type === 'Hospital' ? 0.05 : 0.03)
        const u5 = info.population * 0.17
        const pneumonia = rng.poisson(
            ((u5 * 0.28) / 12) * seasonPneumonia(moy) * OPD[type] * p.util * g * dayFactor
        )
        const diarrhoea = rng.poisson(
            ((u5 * 0.42) / 12) * seasonDiarrhoea(moy) * OPD[type] * p.util * g * dayFactor
        )
        const wra = info.population * 0.23
        const fpTrend = Math.pow(1.05, years)
        const implantClients = rng.poisson(wra * 0.0025 * FP[type] * p.util * g * fpTrend)
        const femaleCondomClients = rng.poisson(wra * 0.0006 * FP[type] * p.util * g * fpTrend)
        const ecClients = rng.poisson(wra * 0.0004 * FP[type] * p.util * g * fpTrend)

        hmis[H.delFac * nSim + i] = delFac
        hmis[H.delCom * nSim + i] = delCom
        hmis[H.pph * nSim + i] = pph
        hmis[H.pe * nSim + i] = pe
        hmis[H.preterm * nSim + i] = preterm
        hmis[H.lbMale * nSim + i] = male
        hmis[H.lbFemale * nSim + i] = liveBirths - male
        hmis[H.sepsis * nSim + i] = sepsis
        hmis[H.asphyxia * nSim + i] = asphyxia
        hmis[H.pneumonia * nSim + i] = pneumonia
        hmis[H.diarrhoea * nSim + i] = diarrhoea

        cases.delFac = delFac
        cases.delCom = delCom
        cases.pph = pph
        cases.pe = pe
        cases.preterm = preterm
        cases.liveBirths = liveBirths
        cases.sepsis = sepsis
        cases.pneumonia = pneumonia
        cases.diarrhoea = diarrhoea
        cases.femaleCondomClients = femaleCondomClients
        meanNeed(mean, cases, info, p, dayFactor)

        const collapsing = collapse && collapse.months.has(m) ? collapse.commodity : -1
        const anyStockout = stockouts.length > 0 && stockouts.some((s) => s.months.has(m))
        const review = mode === LMIS_QUARTERLY ? (m - groupOffset + 1) % 3 === 0 : true
        for (let c = 0; c < COMMODITY_COUNT; c++) {
            let demand: number
            if (c === C.implants || c === C.emergencyContraception) {
                // one per client, and a few more (failed insertions, wastage)
                const clients = c === C.implants ? implantClients : ecClients
                demand = clients + rng.poisson(clients * p.fpWastage)
            } else if (c === C.resuscitationDevices) {
                demand = rng.poisson(mean[c] as number)
            } else {
                // dispensing practice varies from month to month around the facility's adherence
                demand = rng.poisson((mean[c] as number) * rng.logNormal(0, 0.08))
            }
            if (c === collapsing && collapse) demand = Math.round(demand * collapse.factor)
            need[c * nSim + i] = demand

            const stockout = anyStockout
                ? stockouts.find((s) => s.commodity === c && s.months.has(m))
                : undefined
            let received = pending[c] as number
            const arrival = Math.min(pendingDay[c] as number, dim)
            pending[c] = 0
            const opening = soh[c] as number
            let losses = 0
            let consumption = 0
            let stockoutDays = 0
            let closing = 0
            if (stockout) {
                // Seeded stockout: stock written off, shipments lost, nothing dispensed
                received = 0
                losses = stockout.months.has(m - 1) ? 0 : opening
                stockoutDays = dim
            } else {
                if (opening > 0) {
                    losses = rng.poisson(opening * (LOSS_RATE[c] as number))
                    // now and then a batch expires or is damaged
                    if (rng.chance(BATCH_LOSS_CHANCE))
                        losses += Math.round(opening * rng.uniform(0.1, 0.4))
                }
                // Occasional positive adjustment (transfer in from a neighbour)
                if (rng.chance(0.01))
                    losses -= rng.intBetween(1, Math.max(1, Math.round(demand / 2)))
                let stock = opening - losses
                if (stock < 0) {
                    losses += stock
                    stock = 0
                }
                // before the delivery (all month without one), then after it
                const before = received > 0 ? arrival - 1 : dim
                const needBefore = Math.round((demand * before) / dim)
                const needAfter = demand - needBefore
                const usedBefore = Math.min(needBefore, stock)
                const gapBefore = daysWithoutStock(stock, needBefore, before)
                stock = stock - usedBefore + received
                const usedAfter = Math.min(needAfter, stock)
                const gapAfter = daysWithoutStock(stock, needAfter, dim - before)
                consumption = usedBefore + usedAfter
                closing = stock - usedAfter
                // whole days without stock: running out on the last day counts none
                stockoutDays = Math.min(dim, Math.floor(gapBefore + gapAfter + 1e-9))
            }
            lmis[at(c, M.cons) + i] = consumption
            lmis[at(c, M.soh) + i] = closing
            lmis[at(c, M.sod) + i] = stockoutDays
            lmis[at(c, M.loss) + i] = losses
            lmis[at(c, M.recv) + i] = received
            lmis[at(c, M.so) + i] = stockoutDays > 0 || closing === 0 ? 1 : 0
            soh[c] = closing

            // Resupply: monthly review, or when the quarterly R&R is sent (end of the window)
            const staysOut = stockout !== undefined && stockout.months.has(m + 1)
            if (staysOut || !review) continue
            let order = 0
            if (c === C.resuscitationDevices) {
                order = Math.max(0, DEVICES[type] - closing)
            } else {
                let sum = 0
                for (let k = Math.max(0, i - 2); k <= i; k++) sum += need[c * nSim + k] as number
                const amc = i >= 2 ? sum / 3 : (expected[c] as number)
                if (mode === LMIS_QUARTERLY) order = Math.max(0, Math.ceil(6 * amc - closing))
                else if (closing < 2 * amc) order = Math.max(0, Math.ceil(3 * amc - closing))
            }
            if (order > 0 && !rng.chance(0.025)) {
                const fill =
                    ((input.fillRate[c] as Float64Array)[i] as number) * rng.uniform(0.85, 1)
                pending[c] = Math.round(order * Math.min(1, fill))
                // delivered in the first two weeks of the next month
                pendingDay[c] = rng.intBetween(1, 14)
            }
        }
        // FP clients are those who received the method: limited by the stock; the register
        // misses a few of them
        const recorded = (served: number): number => rng.binomial(served, p.fpRecording)
        hmis[H.implants * nSim + i] = recorded(
            Math.min(implantClients, lmis[at(C.implants, M.cons) + i] as number)
        )
        hmis[H.ec * nSim + i] = recorded(
            Math.min(ecClients, lmis[at(C.emergencyContraception, M.cons) + i] as number)
        )
        hmis[H.femaleCondoms * nSim + i] = recorded(
            Math.min(
                femaleCondomClients,
                Math.ceil((lmis[at(C.femaleCondoms, M.cons) + i] as number) / 10)
            )
        )
    }
}

const writeFacility = (
    input: SimInput,
    scratch: Scratch,
    slot: number,
    p: FacilityParams
): void => {
    const { rng, simStart, first, last, plan, targets } = input
    const { nSim, hmis, lmis } = scratch
    const nMonths = last - first + 1
    const nQuarters = input.quarters.length
    const forced = plan.forcedReports.get(slot)
    const offset = first - simStart

    // HMIS (monthly)
    if (input.hmisAssigned[slot]) {
        for (let k = 0; k < nMonths; k++) {
            const m = first + k
            const dropped = plan.hmisDropped.get(m)?.has(slot) ?? false
            const isForced = forced?.has(m) ?? false
            if (!(isForced || (!dropped && rng.chance(p.hmisReliability)))) continue
            const cell = slot * nMonths + k
            targets.hmisRegistrations[cell] = !isForced && rng.chance(p.hmisLateness) ? 2 : 1
            for (let s = 0; s < HMIS_SERIES.length; s++) {
                const dst = targets.hmis[s] as Float64Array
                dst[cell] = hmis[s * nSim + offset + k] as number
            }
        }
    }

    const mode = input.lmisMode[slot]
    if (mode === LMIS_MONTHLY) {
        for (let k = 0; k < nMonths; k++) {
            const m = first + k
            const isForced = forced?.has(m) ?? false
            if (!isForced && !rng.chance(p.lmisReliability)) continue
            const cell = slot * nMonths + k
            targets.lmisMonthlyRegistrations[cell] = !isForced && rng.chance(p.lmisLateness) ? 2 : 1
            for (let c = 0; c < COMMODITY_COUNT; c++) {
                const dst = targets.lmisMonthly[c] as Float64Array[]
                for (let me = 0; me < MEASURES; me++) {
                    const series = dst[me] as Float64Array
                    series[cell] = lmis[(c * MEASURES + me) * nSim + offset + k] as number
                }
            }
        }
    } else if (mode === LMIS_QUARTERLY) {
        const group = input.lmisGroup[slot] ?? 'A'
        for (let qi = 0; qi < nQuarters; qi++) {
            const q = input.quarters[qi] as number
            const end = windowEnd(q, group)
            if (end > last) continue
            if (!rng.chance(p.lmisReliability - 0.02)) continue
            // days after the window's end the R&R is registered: late ones take weeks
            const delay = rng.chance(p.lmisLateness)
                ? rng.intBetween(20, 60)
                : rng.intBetween(2, 14)
            const cell = slot * nQuarters + qi
            targets.lmisQuarterlyRegistrations[cell] =
                delay + windowEndOffsetDays(q, group) <= input.lmisQuarterlyTimelyDays ? 1 : 2
            const endIdx = end - simStart
            for (let c = 0; c < COMMODITY_COUNT; c++) {
                const dst = targets.lmisQuarterly[c] as Float64Array[]
                for (let me = 0; me < MEASURES; me++) {
                    const base = (c * MEASURES + me) * nSim
                    let value: number
                    if (me === M.soh) {
                        value = lmis[base + endIdx] as number
                    } else if (me === M.so) {
                        // stockout days in the window, or no stock at its end
                        const sod = (c * MEASURES + M.sod) * nSim
                        const soh = (c * MEASURES + M.soh) * nSim
                        let days = 0
                        for (let k = endIdx - 2; k <= endIdx; k++) days += lmis[sod + k] as number
                        value = days > 0 || lmis[soh + endIdx] === 0 ? 1 : 0
                    } else {
                        value = 0
                        for (let k = endIdx - 2; k <= endIdx; k++) value += lmis[base + k] as number
                    }
                    const series = dst[me] as Float64Array
                    series[cell] = value
                }
            }
        }
    }
}
