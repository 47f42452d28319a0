export {
    CHART_COLORS,
    baseOptions,
    chartPoint,
    estimateZones,
    exportFilename,
    pointNote,
    pointsByPeriod,
    withOpacity,
} from './common'
export type { BaseOptionsInput, ChartPeriod, ChartSeriesInput, PointStyle } from './common'
export { buildHmisTrendOptions, buildLmisTrendOptions } from './trend-options'
export type { HmisTrendInput, LmisTrendInput, TrendChartInput } from './trend-options'
export {
    DEFAULT_DRILLDOWN_TOP,
    buildDrilldownOptions,
    splitDrilldownValues,
} from './drilldown-options'
export type { DrilldownInput, DrilldownSplit, DrilldownValue } from './drilldown-options'
