export {
    aggregateStockoutRate,
    countStockouts,
    stockoutRate,
    sumStockoutCounts,
} from './stockout-rate'
export type { CountStockoutsOptions, FacilityStockReport, StockoutCounts } from './stockout-rate'
export {
    DAYS_PER_MONTH,
    DEFAULT_AMC_MONTHS,
    DEFAULT_STOCK_BANDS,
    adjustConsumptionForStockouts,
    amcSeries,
    averageMonthlyConsumption,
    monthsOfStock,
    stockStatus,
} from './consumption'
export type { AmcOptions, AmcResult, StockStatus, StockStatusBands } from './consumption'
export { consumptionPerCase, ratioStatus } from './consumption-per-case'
export type { RatioStatus } from './consumption-per-case'
export { aggregateReportingRate, alignReportingRate, reportingRate } from './reporting-rate'
export type { AlignReportingRateInput, ReportCounts } from './reporting-rate'
export { summarizeStockStatus } from './stock-status'
export type { FacilityStock, StockStatusSummary } from './stock-status'
export { indicatorDefinitions } from './definitions'
export type { Definition, DefinitionId } from './definitions'
