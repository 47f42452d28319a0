export {
    CalendarNotLoadedError,
    CalendarUnsupportedError,
    DEFAULT_CALENDAR,
    addMonths,
    calendarDateMonthsBefore,
    calendarDateOfIso,
    calendarOfInstance,
    isNativeCalendar,
    calendarSupportLoaded,
    isGregorian,
    loadCalendarSupport,
    validLocale,
    addQuarters,
    fixedPeriod,
    listYearPeriods,
    monthId,
    monthRange,
    monthsOfQuarter,
    monthsOfQuarters,
    parsePeriodId,
    periodIdContaining,
    periodName,
    periodsEndingWith,
    quarterId,
    quarterOfMonth,
    quartersOfMonths,
    seriesPeriodTypeOf,
    todayInCalendar,
} from './calendar-periods'
export type {
    CalendarId,
    CalendarOptions,
    FixedPeriod,
    ParsedPeriodId,
    PeriodTypeId,
    SeriesPeriodType,
    YearPeriodsOptions,
} from './calendar-periods'
export {
    RELATIVE_PERIODS,
    expandPeriodSelection,
    expandRelativePeriod,
    isRelativePeriod,
    isYearSelection,
    isMonthRangeSelection,
    monthRangeBounds,
    monthRangeSelection,
    relativePeriodLabel,
} from './relative-periods'
export type { ExpandOptions, RelativePeriod } from './relative-periods'
export { LMIS_MEASURE_KINDS, alignSeries, alignValues } from './align-series'
export type {
    AlignSeriesInput,
    AlignValuesInput,
    AlignedPoint,
    AlignedSeries,
    AlignmentReason,
    Grain,
    LmisSeriesInput,
    LmisSeriesMeasure,
    MeasureKind,
    PeriodValues,
    SeriesInput,
} from './align-series'
export { describeAlignment, describeAlignmentReason } from './describe-alignment'
export { LATE_RATIO, isPeriodOpen, lastMonthOf, markIncompletePeriods } from './period-completeness'
export type { PeriodCompleteness, ReportTally } from './period-completeness'
export { alignStaggered, groupWindow, reportQuarterOf, staggeredRequestQuarters } from './staggered'
export type { GroupValues } from './staggered'
