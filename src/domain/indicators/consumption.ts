/**
 * Average monthly consumption (AMC) and months of stock (MOS).
 *
 * AMC (simple form, USAID|DELIVER Logistics Handbook): the mean of the last 3 months' consumption,
 * the current month included (OpenLMIS: P = (N_t0 + N_t-1 + … + N_t-(n-1)) / n). Months without a
 * value are left out of the mean, as OpenLMIS does when fewer periods exist; the result says how
 * many months were used so that a one-month "average" can be flagged.
 *
 * Stockout-day adjustment (OpenLMIS requisition, `LineItemFieldsCalculator`):
 *   adjusted consumption N = C × D / (D − X)
 * with C the consumption, D the days in the period (OpenLMIS uses 30 × months), X the stockout
 * days; when X = 0 or D − X ≤ 0 (out of stock all period), N = C. OpenLMIS rounds N up to whole
 * units; this module keeps decimals for analysis (round when displaying).
 *
 * MOS = stock on hand / AMC; `null` when AMC is 0 or unknown. MOS is never summed or averaged
 * across facilities, products or periods: sum stock on hand and AMC, then divide.
 * Stock status bands (OpenLMIS reporting): under 3 months understocked, 3 to 6 adequate, over 6
 * overstocked; a stock on hand of 0 is a stockout. Countries may set other bands (Tanzania used
 * per facility type min/max), hence the `bands` option.
 */

export const DEFAULT_AMC_MONTHS = 3
/** OpenLMIS counts 30 days per month for the stockout adjustment */
export const DAYS_PER_MONTH = 30

const isNumber = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value)

/** Consumption adjusted for stockout days: C × D / (D − X) (OpenLMIS). */
export const adjustConsumptionForStockouts = (
    consumption: number,
    stockoutDays: number | null | undefined,
    daysInPeriod: number = DAYS_PER_MONTH
): number => {
    if (!isNumber(stockoutDays) || stockoutDays <= 0) {
        return consumption
    }
    const daysInStock = daysInPeriod - stockoutDays
    return daysInStock <= 0 ? consumption : (consumption * daysInPeriod) / daysInStock
}

export interface AmcOptions {
    /** How many months to average; default 3 */
    months?: number
    /** Stockout days per month, aligned with the consumption values: adjusts each month first */
    stockoutDays?: readonly (number | null | undefined)[]
    /** Days per month for the adjustment; default 30 (OpenLMIS) */
    daysInPeriod?: number
}

export interface AmcResult {
    /** `null` when none of the months has a consumption value */
    value: number | null
    /** Months with a value that entered the mean (≤ `months`) */
    monthsUsed: number
    /** Whether any month was adjusted for stockout days */
    adjusted: boolean
}

/**
 * AMC at the last month of `consumption` (monthly values, oldest first): the mean of the last
 * `months` months that have a value.
 */
export const averageMonthlyConsumption = (
    consumption: readonly (number | null | undefined)[],
    options: AmcOptions = {}
): AmcResult => {
    const months = options.months ?? DEFAULT_AMC_MONTHS
    const start = Math.max(0, consumption.length - months)
    let total = 0
    let monthsUsed = 0
    let adjusted = false
    for (let index = start; index < consumption.length; index++) {
        const value = consumption[index]
        if (!isNumber(value)) {
            continue
        }
        const days = options.stockoutDays?.[index]
        const monthValue = adjustConsumptionForStockouts(value, days, options.daysInPeriod)
        adjusted = adjusted || monthValue !== value
        total += monthValue
        monthsUsed += 1
    }
    return { value: monthsUsed === 0 ? null : total / monthsUsed, monthsUsed, adjusted }
}

/** AMC at every month of the series (each over that month and the ones before it). */
export const amcSeries = (
    consumption: readonly (number | null | undefined)[],
    options: AmcOptions = {}
): AmcResult[] =>
    consumption.map((_, index) =>
        averageMonthlyConsumption(consumption.slice(0, index + 1), {
            ...options,
            stockoutDays: options.stockoutDays?.slice(0, index + 1),
        })
    )

/** Months of stock = stock on hand / AMC; `null` when either is unknown or AMC is 0. */
export const monthsOfStock = (
    stockOnHand: number | null | undefined,
    amc: number | null | undefined
): number | null => {
    if (!isNumber(stockOnHand) || !isNumber(amc) || amc <= 0 || stockOnHand < 0) {
        return null
    }
    return stockOnHand / amc
}

export type StockStatus = 'STOCKED_OUT' | 'UNDERSTOCKED' | 'ADEQUATE' | 'OVERSTOCKED' | 'UNKNOWN'

export interface StockStatusBands {
    /** Below this many months of stock: understocked; default 3 */
    min: number
    /** Above this many months of stock: overstocked; default 6 */
    max: number
}

export const DEFAULT_STOCK_BANDS: StockStatusBands = { min: 3, max: 6 }

/** The stock status of a stock on hand and its months of stock. */
export const stockStatus = (
    stockOnHand: number | null | undefined,
    mos: number | null | undefined,
    bands: StockStatusBands = DEFAULT_STOCK_BANDS
): StockStatus => {
    if (stockOnHand === 0) {
        return 'STOCKED_OUT'
    }
    if (!isNumber(mos)) {
        return 'UNKNOWN'
    }
    if (mos < bands.min) {
        return 'UNDERSTOCKED'
    }
    return mos > bands.max ? 'OVERSTOCKED' : 'ADEQUATE'
}
