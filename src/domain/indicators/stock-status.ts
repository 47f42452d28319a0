/**
 * Stock status of an org unit for one period, from its facilities' own reports (never from
 * averages of percentages): how many facilities reported, how many were stocked out, how many
 * were under, within or over the pair's min–max months of stock, and the months of stock of the
 * whole org unit (its stock on hand ÷ its AMC, both summed over the facilities).
 *
 * Definitions: see `definitions.ts` (each with its source). A facility:
 * - REPORTED when it has a stock on hand or a stockout days value for the period (values only
 *   from the period itself: DHIS2's LAST_IN_PERIOD, never a count carried forward);
 * - is STOCKED OUT when its closing balance is 0 or it reports stockout days > 0
 *   (`countStockouts`);
 * - has an AMC: the mean of its monthly consumption over the months it reported in the window
 *   (`averageMonthlyConsumption`), or a quarterly report's consumption ÷ 3;
 * - is UNDER / WITHIN / OVER its min–max when its stock on hand ÷ AMC is below min, between, or
 *   above max (a stocked-out facility counts as stocked out, not as under).
 */
import {
    DEFAULT_STOCK_BANDS,
    averageMonthlyConsumption,
    monthsOfStock,
    stockStatus,
    type StockStatusBands,
} from './consumption'
import { countStockouts, stockoutRate } from './stockout-rate'

/** One facility's stock data for the status period. */
export interface FacilityStock {
    stockOnHand: number | null
    stockoutDays: number | null
    /**
     * The LMIS's stocked-out flag for the period (1 or 0), where it is read instead of stockout
     * days; it then decides whether the facility is stocked out (`countStockouts`)
     */
    stockedOutFlag?: number | null
    /** Consumption per month of the AMC window, oldest first (a quarterly report: quarter ÷ 3 ×3) */
    monthlyConsumption: readonly (number | null)[]
}

export interface StockStatusSummary {
    /** Facilities that reported stock on hand or stockout days for the period */
    reporting: number
    stockedOut: number
    /** stockedOut / reporting × 100; `null` without reports */
    stockedOutPercent: number | null
    /** Facilities with a months of stock below the minimum (not stocked out) */
    under: number
    within: number
    over: number
    /** Reporting facilities whose months of stock is unknown (no consumption) */
    unknown: number
    /** Summed stock on hand of the reporting facilities */
    stockOnHand: number | null
    /** Summed AMC of the facilities (the org unit's AMC) */
    amc: number | null
    /** Months of stock of the org unit: summed stock on hand ÷ summed AMC, over the facilities that have both */
    monthsOfStock: number | null
    bands: StockStatusBands
}

const isNumber = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value)

/** The stock status of an org unit from the reports of its facilities. */
export const summarizeStockStatus = (
    facilities: readonly FacilityStock[],
    bands: StockStatusBands = DEFAULT_STOCK_BANDS
): StockStatusSummary => {
    const counts = countStockouts(facilities)
    let under = 0
    let within = 0
    let over = 0
    let unknown = 0
    let soh = 0
    let amcTotal = 0
    let hasSoh = false
    let hasAmc = false
    // Months of stock from the facilities that have both (the same facilities above and below)
    let mosSoh = 0
    let mosAmc = 0
    let hasMos = false
    for (const facility of facilities) {
        const amc = averageMonthlyConsumption(facility.monthlyConsumption, {
            months: facility.monthlyConsumption.length,
        }).value
        if (isNumber(amc)) {
            amcTotal += amc
            hasAmc = true
        }
        const reported =
            isNumber(facility.stockOnHand) ||
            isNumber(facility.stockoutDays) ||
            isNumber(facility.stockedOutFlag)
        if (!reported) continue
        if (isNumber(facility.stockOnHand)) {
            soh += facility.stockOnHand
            hasSoh = true
            if (isNumber(amc)) {
                mosSoh += facility.stockOnHand
                mosAmc += amc
                hasMos = true
            }
        }
        const out = isNumber(facility.stockedOutFlag)
            ? facility.stockedOutFlag > 0
            : facility.stockOnHand === 0 || (facility.stockoutDays ?? 0) > 0
        if (out) continue
        const status = stockStatus(
            facility.stockOnHand,
            monthsOfStock(facility.stockOnHand, amc),
            bands
        )
        if (status === 'UNDERSTOCKED') under += 1
        else if (status === 'ADEQUATE') within += 1
        else if (status === 'OVERSTOCKED') over += 1
        else unknown += 1
    }
    const totalSoh = hasSoh ? soh : null
    const totalAmc = hasAmc ? amcTotal : null
    return {
        reporting: counts.reporting,
        stockedOut: counts.stockedOut,
        stockedOutPercent: stockoutRate(counts),
        under,
        within,
        over,
        unknown,
        stockOnHand: totalSoh,
        amc: totalAmc,
        monthsOfStock: hasMos ? monthsOfStock(mosSoh, mosAmc) : null,
        bands,
    }
}
