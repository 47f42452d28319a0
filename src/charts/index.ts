export {
    CHART_COLORS,
    alignmentCaption,
    alignmentNotes,
    baseOptions,
    chartPoint,
    estimateZones,
    exportFilename,
    pointNote,
    pointsByPeriod,
    shortPeriodNames,
    withOpacity,
    withSelectedCategory,
    withTooltipHint,
} from './common'
export type {
    BaseOptionsInput,
    ChartPeriod,
    ChartSeriesInput,
    PointStyle,
    ValueFormat,
} from './common'
export { PALETTE, seriesColor } from './palette'
export type { SeriesKind } from './palette'
export {
    MIN_PLOT_HEIGHT,
    chartGridLayout,
    heightForMinPlot,
    matchingRules,
    responsiveRules,
} from './layout'
export type { ChartGrid, ChartGridInput, ResponsiveSpec } from './layout'
export {
    COMPLETENESS_SERIES_ID,
    ON_TIME_SERIES_ID,
    buildHmisTrendOptions,
    buildLmisTrendOptions,
} from './trend-options'
export type { HmisTrendInput, LmisTrendInput, TrendChartInput } from './trend-options'
export {
    DEFAULT_DRILLDOWN_TOP,
    DRILLDOWN_SERIES_ID,
    buildDrilldownLevel,
    buildDrilldownOptions,
    drilldownLevelOptions,
    ellipsizeMiddle,
    sharedDrilldownOrder,
    shortOrgUnitLabels,
    splitDrilldownValues,
} from './drilldown-options'
export type {
    DrilldownInput,
    DrilldownLevel,
    DrilldownOrder,
    DrilldownSplit,
    DrilldownValue,
} from './drilldown-options'
export {
    TREND_KEY,
    drillKey,
    drillPlan,
    drillStateOf,
    drillStep,
    isAtOrAbove,
    parentKey,
} from './drill-levels'
export type { DrillPlan, DrillState } from './drill-levels'
