/**
 * Seeded anomalies and their ground truth.
 *
 * The generator plants data problems a triangulation app should surface, and records each one
 * here so tests and benchmarks can measure detection. The app never reads the truth.
 *
 * - `spike`: a data entry error, one facility-month value ×10 (HMIS or LMIS consumption).
 * - `consumption_collapse`: a district where recorded consumption of one commodity falls to ~15%
 *   for 3 months while the paired HMIS cases stay stable.
 * - `stockout_with_cases`: a facility (or every facility of a district) with no stock for 2–3
 *   months while cases continue; the stock is written off (losses) in the first month, nothing is
 *   received, consumption is 0 and stockout days cover each month.
 * - `completeness_drop`: a district where ~75% of facilities do not send the HMIS report for one
 *   month (values and registrations missing).
 * - `lmis_without_hmis`: a facility with LMIS reports but no HMIS data set assignment (the "no HMIS
 *   org unit match" case of an LMIS→HMIS interface).
 * - `hmis_without_lmis`: a facility with HMIS reports but no LMIS data set assignment.
 *
 * - `duplicate_entry`, `constant_reporting` and the harder spikes and partial collapses: see
 *   `harder-anomalies.ts` (×2–×3, 30–50 %, quarterly reporters, a value copied every month).
 *
 * Facilities involved in a spike, collapse or stockout report both HMIS and LMIS in the affected
 * months, so the anomaly is visible in the values.
 */
import type { CommodityKey, FacilityType, LmisGroup } from './catalogue'

export type AnomalyType =
    | 'spike'
    | 'consumption_collapse'
    | 'stockout_with_cases'
    | 'completeness_drop'
    | 'lmis_without_hmis'
    | 'hmis_without_lmis'
    | 'duplicate_entry'
    | 'constant_reporting'

export interface Anomaly {
    type: AnomalyType
    /** The org unit the anomaly is visible at (facility or district) */
    orgUnitId: string
    orgUnitLevel: number
    orgUnitName: string
    /**
     * Data elements carrying the anomaly: the spiked element; the collapsed consumption element;
     * stock on hand, stockout days and consumption for a stockout; the HMIS elements for a
     * completeness drop and for `lmis_without_hmis`; the LMIS elements for `hmis_without_lmis`.
     */
    dataElementIds: string[]
    /** For a spike: the option combo of the spiked value */
    categoryOptionComboId?: string
    /** First affected period (ISO, monthly) */
    period: string
    /** All affected periods */
    periods: string[]
    /** Commodity key for LMIS anomalies */
    pairId?: CommodityKey
    /**
     * Multiplier applied to the true value: 10 for spikes, ~0.15 for a collapse; for a
     * completeness drop the share of the district's facilities still reporting.
     */
    factor?: number
    /** The data set whose reports are missing or unassigned */
    dataSetId?: string
    /** Facilities involved (district-level anomalies) */
    facilityIds?: string[]
    /** Spikes: the value before and after the error */
    originalValue?: number
    value?: number
    description: string
}

export interface FacilityProfile {
    id: string
    code: string
    type: FacilityType
    population: number
    hmis: boolean
    lmis: 'monthly' | 'quarterly' | 'none'
    lmisGroup: LmisGroup | null
}

/** A national supply shortage episode (context, not a data anomaly) */
export interface SupplyShortage {
    pairId: CommodityKey
    periods: string[]
    fillRate: number
}

export interface GroundTruth {
    seed: number
    facilities: number
    endPeriod: string
    anomalies: Anomaly[]
    supplyShortages: SupplyShortage[]
    facilityProfiles: FacilityProfile[]
}

/** Per-facility effects the simulation applies (slot-indexed) */
export interface AnomalyPlan {
    /** commodity index → months → factor, per facility slot */
    collapse: Map<number, { commodity: number; months: Set<number>; factor: number }>
    /** Facility slot → stockouts (commodity index, months) */
    stockouts: Map<number, { commodity: number; months: Set<number> }[]>
    /** Month index → facility slots that do not report HMIS that month */
    hmisDropped: Map<number, Set<number>>
    /** Facility slot → months in which HMIS and LMIS monthly reports are forced */
    forcedReports: Map<number, Set<number>>
}

export const emptyPlan = (): AnomalyPlan => ({
    collapse: new Map(),
    stockouts: new Map(),
    hmisDropped: new Map(),
    forcedReports: new Map(),
})

export const forceReports = (plan: AnomalyPlan, slot: number, months: Iterable<number>): void => {
    const set = plan.forcedReports.get(slot) ?? new Set<number>()
    for (const m of months) set.add(m)
    plan.forcedReports.set(slot, set)
}
