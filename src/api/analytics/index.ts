export {
    AnalyticsResponseError,
    parseAnalyticsNumber,
    dimensionItem,
    parseAnalyticsResponse,
    valuesByPeriod,
} from './parse-analytics-response'
export type { AnalyticsResponseIssue } from './parse-analytics-response'
export { VALUE_COLUMNS } from './types'
export type {
    AnalyticsCell,
    AnalyticsCells,
    AnalyticsCoordinates,
    AnalyticsHeader,
    AnalyticsItem,
    AnalyticsRow,
    AnalyticsTable,
    DisplayNameOptions,
    ValueColumn,
} from './types'
export {
    REPORTING_RATE_METRICS,
    buildAnalyticsQuery,
    dimensionParam,
    orgUnitItems,
    reportingRateItem,
} from './request'
export type {
    AnalyticsParams,
    AnalyticsQuery,
    AnalyticsRequest,
    OrgUnitSelection,
    ReportingRateMetric,
} from './request'
