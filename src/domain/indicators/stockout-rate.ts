/**
 * Stockout rate: the share of facilities stocked out of a product.
 *
 *   stockout rate (%) = facilities stocked out / facilities that reported (and offer the product) × 100
 *
 * Sources: USAID|DELIVER PROJECT, The Logistics Handbook (2011), stockout rate; OpenLMIS reporting
 * ("stocked out" facilities over reporting facilities); Senegal's IPM dashboards in DHIS2 showed it
 * per product. Above a facility, the rate is always recomputed from summed counts, never by
 * averaging the rates of sub-units (a district of 5 facilities would weigh as much as one of 200).
 *
 * A facility is stocked out in a period when its stock on hand at the END of the period is 0 or it
 * reports stockout days > 0. An opening balance of 0 is not a stockout (an old OpenLMIS view counted
 * it as one and pinned its charts at 100%), and a missing value is not a zero.
 */

export interface StockoutCounts {
    /** Facilities stocked out */
    stockedOut: number
    /** Facilities that reported (and offer the product): the denominator */
    reporting: number
}

const isCount = (value: number): boolean => Number.isFinite(value) && value >= 0

/**
 * Stockout rate in percent from counts; `null` when no facility reported, or when the counts are
 * inconsistent (negative, or more facilities stocked out than reporting).
 */
export const stockoutRate = ({ stockedOut, reporting }: StockoutCounts): number | null => {
    if (!isCount(stockedOut) || !isCount(reporting) || reporting === 0 || stockedOut > reporting) {
        return null
    }
    return (stockedOut / reporting) * 100
}

/** Sums counts of several org units or products, to recompute the rate above them. */
export const sumStockoutCounts = (counts: readonly StockoutCounts[]): StockoutCounts =>
    counts.reduce(
        (total, count) => ({
            stockedOut: total.stockedOut + count.stockedOut,
            reporting: total.reporting + count.reporting,
        }),
        { stockedOut: 0, reporting: 0 }
    )

/** The stockout rate above several org units: from their summed counts. */
export const aggregateStockoutRate = (counts: readonly StockoutCounts[]): number | null =>
    stockoutRate(sumStockoutCounts(counts))

/** One facility's stock data for a period. */
export interface FacilityStockReport {
    /** Stock on hand at the end of the period; `null` when not reported */
    stockOnHand: number | null
    /** Days out of stock during the period; `null` when not reported */
    stockoutDays?: number | null
    /**
     * The LMIS's own stocked-out flag of the facility for the period (1 when stocked out, else 0;
     * `null` or omitted when not reported). When reported it decides: the facility counts as
     * reporting, and as stocked out when the flag is above 0.
     */
    stockedOutFlag?: number | null
    /**
     * Whether the facility reported for the period (its LMIS data set is complete). When omitted,
     * a facility counts as reporting when it has a stock on hand or stockout days value.
     */
    reported?: boolean
}

export interface CountStockoutsOptions {
    /**
     * DHIS2 does not store zeros of data elements whose `zeroIsSignificant` is false: a facility
     * that reported (`reported: true`) but has no stock on hand value may then be at zero. Set
     * this to count such facilities as stocked out; by default they count as reporting, not
     * stocked out.
     */
    missingStockOnHandIsZeroWhenReported?: boolean
}

/** Counts the facilities stocked out and reporting among facility reports of one period. */
export const countStockouts = (
    reports: readonly FacilityStockReport[],
    options: CountStockoutsOptions = {}
): StockoutCounts => {
    let stockedOut = 0
    let reporting = 0
    for (const report of reports) {
        const hasStock = report.stockOnHand !== null && Number.isFinite(report.stockOnHand)
        const days = report.stockoutDays ?? null
        const hasDays = days !== null && Number.isFinite(days)
        const flag = report.stockedOutFlag ?? null
        const hasFlag = flag !== null && Number.isFinite(flag)
        const reported = report.reported ?? (hasStock || hasDays || hasFlag)
        if (!reported) {
            continue
        }
        reporting += 1
        if (hasFlag) {
            if ((flag as number) > 0) stockedOut += 1
            continue
        }
        const zeroStock =
            (hasStock && report.stockOnHand === 0) ||
            (!hasStock && options.missingStockOnHandIsZeroWhenReported === true)
        if (zeroStock || (hasDays && (days as number) > 0)) {
            stockedOut += 1
        }
    }
    return { stockedOut, reporting }
}
