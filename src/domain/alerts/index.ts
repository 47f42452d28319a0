export {
    detectCompletenessDrops,
    detectDivergence,
    detectMasterListGaps,
    detectOutliers,
    detectStockoutWithCases,
} from './detectors'
export type {
    CompletenessInput,
    DivergenceInput,
    MasterListInput,
    OrgUnitPresence,
    OutlierInput,
    ReportingRates,
    SeriesContext,
    StockoutInput,
} from './detectors'
export { detectPairAlerts } from './detect-pair'
export type { PairSeriesInput } from './detect-pair'
export { alertTypeLabel, describeAlert, inSentence, measureName } from './describe'
export type { AlertNames } from './describe'
export { rankAlerts } from './rank'
export {
    MAD_FACTOR,
    MEAN_AD_FACTOR,
    meanAbsoluteDeviation,
    median,
    medianAbsoluteDeviation,
    modifiedZScore,
} from './stats'
export type { ModifiedZScore, NumericSeries, ZScoreMethod } from './stats'
export { ALERT_TYPES, DEFAULT_THRESHOLDS, alertId, thresholdsForPair } from './types'
export type {
    Alert,
    AlertDirection,
    AlertSeries,
    AlertThresholds,
    AlertType,
    CompletenessAlert,
    DivergenceAlert,
    MasterListAlert,
    OutlierAlert,
    StockoutAlert,
} from './types'
