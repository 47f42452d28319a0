/**
 * From one analytics table to what a pair's card shows: aligned HMIS and LMIS series, completeness
 * of each system, and per-child values for drill-down. Pure functions, no React.
 */
import {
    buildAnalyticsQuery,
    reportingRateItem,
    type AnalyticsTable,
    type ReportingRateMetric,
} from '../../api/analytics'
import { idsOf, type Pair, type ReportingGroups } from '../../domain/config'
import { alignReportingRate, reportingRate } from '../../domain/indicators'
import {
    alignStaggered,
    alignValues,
    isPeriodOpen,
    staggeredRequestQuarters,
    markIncompletePeriods,
    type PeriodCompleteness,
    type ReportTally,
    monthsOfQuarter,
    quarterOfMonth,
    type AlignedPoint,
    type Grain,
    type MeasureKind,
    type SeriesPeriodType,
} from '../../domain/periods'
import type { ViewPeriods } from './view-periods'

/** What the app knows of a `dx` item from the metadata API */
/**
 * The periods a source of one period type is read at for one display period: a month of the
 * monthly view reads a quarterly source's quarter; a quarter of the quarterly view reads a monthly
 * source's three months.
 */
const sourcePeriodsOf = (
    period: string,
    grain: ViewPeriods['grain'],
    monthlySource: boolean
): string[] =>
    grain === 'monthly'
        ? [monthlySource ? period : quarterOfMonth(period)]
        : monthlySource
          ? [...monthsOfQuarter(period)]
          : [period]

export interface ItemInfo {
    id: string
    name: string
    /** The period type its data is stored with; `null` for indicators (computed at any period) */
    periodType: SeriesPeriodType | null
    aggregationType?: string
}

export interface DataSetInfo {
    id: string
    name: string
    periodType: SeriesPeriodType | null
}

export interface SeriesData {
    id: string
    name: string
    points: AlignedPoint[]
}

export interface PairTrend {
    hmis: SeriesData[]
    consumption: SeriesData | null
    stockOnHand: SeriesData | null
    stockoutDays: SeriesData | null
    losses: SeriesData | null
    received: SeriesData | null
    /**
     * Facilities stocked out ÷ facilities that reported (%), from the mapped stocked-out flag
     * (SUM: a count made by the server) and the LMIS reports received; `null` without a flag
     */
    stockoutRate: SeriesData | null
    /**
     * The counts behind `stockoutRate`, by display period. `monthlyReports`: a quarter of monthly
     * reports, so the counts are of facility reports (a facility counted once per month), not of
     * facilities
     */
    stockoutCounts: Record<string, StockoutCounts>
    hmisCompleteness: SeriesData | null
    lmisCompleteness: SeriesData | null
    /** Reports on time ÷ reports expected (%), per system */
    hmisOnTime: SeriesData | null
    lmisOnTime: SeriesData | null
    /**
     * Per display period and system: whether its reports are all due and in. Incomplete periods
     * have no value in any series of that system (`PERIOD_INCOMPLETE`).
     */
    hmisStatus: PeriodCompleteness[]
    lmisStatus: PeriodCompleteness[]
    /** Items the pair names that no longer exist on the server */
    missingItems: string[]
}

export const REPORTS_ACTUAL: ReportingRateMetric = 'ACTUAL_REPORTS'
export const REPORTS_EXPECTED: ReportingRateMetric = 'EXPECTED_REPORTS'
export const REPORTS_ON_TIME: ReportingRateMetric = 'ACTUAL_REPORTS_ON_TIME'

/** Every `dx` item a pair needs, reporting counts of its data sets included. */
export const pairDataItems = (pair: Pair): { data: string[]; dataSets: string[] } => ({
    data: [
        ...pair.hmis.items.map((item) => item.id),
        ...idsOf(pair.lmis.consumption),
        ...idsOf(pair.lmis.stockOnHand),
        ...idsOf(pair.lmis.stockoutDays),
        ...idsOf(pair.lmis.losses),
        ...idsOf(pair.lmis.received),
        ...idsOf(pair.lmis.stockedOut),
    ],
    dataSets: [...idsOf(pair.hmis.dataSet), ...idsOf(pair.lmis.dataSet)],
})

/**
 * The `dx` items of one analytics request covering all the pairs: the existing ones (`known`), or
 * every item of the mapping while the metadata is not known yet (`null`).
 */
export const requestItems = (
    pairs: readonly Pair[],
    known: ReadonlySet<string> | null,
    /**
     * The trend also asks for losses, quantities received and reports on time (the stock status
     * figures), the drill-down and the alert scan do not need them; the trend does not ask for
     * stock on hand: with DHIS2's `LAST` a facility's last count would be carried forward into
     * periods it did not report (and future months); stock on hand comes from the stock status
     * request, with `LAST_IN_PERIOD`
     */
    withOnTime = false
): string[] => {
    const items = new Set<string>()
    for (const pair of pairs) {
        const { data, dataSets } = pairDataItems(pair)
        const movements = new Set([
            ...idsOf(pair.lmis.losses),
            ...idsOf(pair.lmis.received),
            ...idsOf(pair.lmis.stockedOut),
        ])
        const stock = new Set(idsOf(pair.lmis.stockOnHand))
        for (const dx of data) {
            if (!withOnTime && movements.has(dx)) continue
            if (withOnTime && stock.has(dx)) continue
            if (!known || known.has(dx)) items.add(dx)
        }
        for (const ds of dataSets) {
            if (!known || known.has(ds)) {
                items.add(reportingRateItem(ds, REPORTS_ACTUAL))
                items.add(reportingRateItem(ds, REPORTS_EXPECTED))
                if (withOnTime) items.add(reportingRateItem(ds, REPORTS_ON_TIME))
            }
        }
    }
    return [...items].sort()
}

/**
 * What the trend reads of its table: the values (a scan's merged tables keep no more), and, where
 * the table can give them at once, one item's values at one org unit by period
 * (`ScanTableMerger`: a scan reads millions of values)
 */
export type TableValues = Pick<AnalyticsTable, 'value'> & {
    periodValues?: (dx: string, ou: string) => ReadonlyMap<string, number | null> | undefined
}

const NO_VALUES: ReadonlyMap<string, number | null> = new Map()

/**
 * One item's values at one org unit by period: the table's own map when it has one (read as it
 * is, not copied: its readers ask only for the periods they need, and a scan's tables hold only
 * the periods it asked for), else the `periods` read one by one
 */
export const itemValuesByPeriod = (
    table: TableValues,
    dx: string,
    periods: readonly string[],
    ou: string
): ReadonlyMap<string, number | null> => {
    if (table.periodValues) return table.periodValues(dx, ou) ?? NO_VALUES
    const values = new Map<string, number | null>()
    for (const pe of periods) values.set(pe, table.value(dx, pe, ou))
    return values
}

/** The view's period type for an item: its own, or the view's for indicators. */
const sourceTypeOf = (info: ItemInfo | undefined, grain: Grain): SeriesPeriodType =>
    info?.periodType ?? (grain === 'monthly' ? 'MONTHLY' : 'QUARTERLY')

/** Aligns one item's values (read from the table) to the view's display periods. */
export const alignItem = (
    table: TableValues,
    dx: string,
    info: ItemInfo | undefined,
    periods: ViewPeriods,
    ou: string,
    kind: MeasureKind
): AlignedPoint[] => {
    const sourcePeriodType = sourceTypeOf(info, periods.grain)
    const sourcePeriods = sourcePeriodType === 'MONTHLY' ? periods.months : periods.quarters
    return alignValues({
        grain: periods.grain,
        periods: periods.display,
        values: itemValuesByPeriod(table, dx, sourcePeriods, ou),
        sourcePeriodType,
        kind,
    })
}

/**
 * Adds up aligned points of several items period by period (e.g. the same commodity reported
 * monthly by some facilities and quarterly by others). A sum needs every part: when one part has no
 * value for a period (a quarter not reported yet, a level known only at quarter end), the sum is
 * not shown (`partial`) rather than drawn as a false drop. A sum is an estimate when any part is.
 */
export const sumPoints = (lists: readonly AlignedPoint[][]): AlignedPoint[] => {
    const [first, ...rest] = lists
    if (!first) return []
    if (rest.length === 0) return first
    return first.map((_, index) => {
        const parts = lists.map((list) => list[index]).filter((p): p is AlignedPoint => !!p)
        const complete = parts.every((p) => p.value !== null)
        const estimatedPart = parts.find((p) => p.estimated)
        return {
            period: parts[0]?.period ?? '',
            value: complete ? parts.reduce((sum, p) => sum + (p.value ?? 0), 0) : null,
            estimated: complete && parts.some((p) => p.estimated),
            partial: !complete && parts.some((p) => p.value !== null),
            sourcePeriods: [...new Set(parts.flatMap((p) => p.sourcePeriods))],
            missingPeriods: [...new Set(parts.flatMap((p) => p.missingPeriods))],
            reason: estimatedPart?.reason ?? parts.find((p) => p.reason)?.reason ?? null,
        }
    })
}

/**
 * Quarterly values of staggered reporting groups: the table of the group set request
 * (`staggeredRequest`) and the groups' windows from the mapping
 */
export type StaggeredSource =
    | { table: TableValues; groups: ReportingGroups }
    /** One facility of a known group: its own quarterly values, shifted by its group's window */
    | { monthOffset: number }

const measureSeries = (
    id: string,
    name: string,
    dxs: readonly string[],
    table: TableValues,
    items: ReadonlyMap<string, ItemInfo>,
    periods: ViewPeriods,
    ou: string,
    kind: MeasureKind,
    staggered?: StaggeredSource | null
): SeriesData | null => {
    const present = dxs.filter((dx) => items.has(dx))
    if (present.length === 0) return null
    const aligned = present.map((dx) => {
        if (
            staggered &&
            'monthOffset' in staggered &&
            kind === 'flow' &&
            items.get(dx)?.periodType === 'QUARTERLY'
        ) {
            return alignStaggered({
                grain: periods.grain,
                periods: periods.display,
                groups: [
                    {
                        monthOffset: staggered.monthOffset,
                        values: Object.fromEntries(
                            periods.quarters.map((q) => [q, table.value(dx, q, ou)])
                        ),
                    },
                ],
            })
        }
        if (
            staggered &&
            'groups' in staggered &&
            kind === 'flow' &&
            items.get(dx)?.periodType === 'QUARTERLY'
        ) {
            const quarters = staggeredRequestQuarters(periods.quarters)
            const { groupSet, groups } = staggered.groups
            return alignStaggered({
                grain: periods.grain,
                periods: periods.display,
                groups: groups.map((group) => ({
                    monthOffset: group.monthOffset,
                    values: Object.fromEntries(
                        quarters.map((q) => [
                            q,
                            staggered.table.value(dx, q, ou, { [groupSet]: group.id }),
                        ])
                    ),
                })),
            })
        }
        return alignItem(table, dx, items.get(dx), periods, ou, kind)
    })
    // An item without any value for this org unit over the whole window does not apply to it
    // (e.g. a region whose facilities all report quarterly has no monthly LMIS data at all).
    const applicable = aligned.filter((points) => points.some((p) => p.value !== null))
    return { id, name, points: sumPoints(applicable.length ? applicable : aligned) }
}

/**
 * Completeness of one system: reports received over reports expected, from counts. Several data
 * sets (a monthly and a quarterly LMIS report) are combined by counts, a monthly data set counting
 * a third per month in a quarter, so the result reads "share of facilities that reported".
 */
export const completenessSeries = (
    id: string,
    name: string,
    dataSetIds: readonly string[],
    table: TableValues,
    dataSets: ReadonlyMap<string, DataSetInfo>,
    periods: ViewPeriods,
    ou: string,
    /** The reports counted: all received (reporting rate) or received on time (timeliness) */
    actualMetric: ReportingRateMetric = REPORTS_ACTUAL
): SeriesData | null => {
    const present = dataSetIds.filter((ds) => dataSets.get(ds)?.periodType)
    if (present.length === 0) return null
    const counts = (ds: string, kind: ReportingRateMetric, pe: string) =>
        table.value(reportingRateItem(ds, kind), pe, ou) ?? 0
    if (present.length === 1) {
        const ds = present[0] as string
        const type = dataSets.get(ds)?.periodType as SeriesPeriodType
        const source = type === 'MONTHLY' ? periods.months : periods.quarters
        const read = (kind: ReportingRateMetric) =>
            Object.fromEntries(
                source.map((pe) => [pe, table.value(reportingRateItem(ds, kind), pe, ou)])
            )
        return {
            id,
            name,
            points: alignReportingRate({
                grain: periods.grain,
                periods: periods.display,
                sourcePeriodType: type,
                actual: read(actualMetric),
                expected: read(REPORTS_EXPECTED),
            }),
        }
    }
    const points = periods.display.map((period): AlignedPoint => {
        let actual = 0
        let expected = 0
        const sources = new Set<string>()
        for (const ds of present) {
            const type = dataSets.get(ds)?.periodType
            const sourcePeriods = sourcePeriodsOf(period, periods.grain, type === 'MONTHLY')
            const weight = periods.grain === 'quarterly' && type === 'MONTHLY' ? 1 / 3 : 1
            for (const pe of sourcePeriods) {
                actual += counts(ds, actualMetric, pe) * weight
                expected += counts(ds, REPORTS_EXPECTED, pe) * weight
                sources.add(pe)
            }
        }
        const value = reportingRate({ actual, expected })
        return {
            period,
            value: value === null ? null : Math.round(value * 10) / 10,
            estimated: false,
            partial: false,
            sourcePeriods: [...sources],
            missingPeriods: value === null ? [...sources] : [],
            reason: null,
        }
    })
    return { id, name, points }
}

/**
 * Reports received and expected per display period for a system's data sets, from counts: each
 * data set read at its own period type (a month of the monthly view reads a quarterly data set's
 * quarter; a quarter of the quarterly view sums a monthly data set's three months).
 */
export const reportTallies = (
    dataSetIds: readonly string[],
    table: TableValues,
    dataSets: ReadonlyMap<string, DataSetInfo>,
    periods: ViewPeriods,
    ou: string
): (ReportTally | null)[] => {
    const present = dataSetIds.filter((ds) => dataSets.get(ds)?.periodType)
    return periods.display.map((period) => {
        if (present.length === 0) return null
        let actual = 0
        let expected = 0
        for (const ds of present) {
            const type = dataSets.get(ds)?.periodType
            const sources = sourcePeriodsOf(period, periods.grain, type === 'MONTHLY')
            for (const pe of sources) {
                actual += table.value(reportingRateItem(ds, REPORTS_ACTUAL), pe, ou) ?? 0
                expected += table.value(reportingRateItem(ds, REPORTS_EXPECTED), pe, ou) ?? 0
            }
        }
        return { actual, expected }
    })
}

/**
 * Which display periods of a system are incomplete (see `domain/periods/period-completeness.ts`):
 * open (not over in `currentMonth`; in the monthly view also while the quarter that the system's
 * quarterly reports cover is open), or the latest ones with fewer reports than usual.
 */
export const systemStatus = ({
    dataSetIds,
    itemIds,
    table,
    items,
    dataSets,
    periods,
    ou,
    currentMonth,
}: {
    dataSetIds: readonly string[]
    itemIds: readonly string[]
    table: TableValues
    items: ReadonlyMap<string, ItemInfo>
    dataSets: ReadonlyMap<string, DataSetInfo>
    periods: ViewPeriods
    ou: string
    currentMonth: string
}): PeriodCompleteness[] => {
    const quarterly =
        dataSetIds.some((ds) => dataSets.get(ds)?.periodType === 'QUARTERLY') ||
        itemIds.some((dx) => items.get(dx)?.periodType === 'QUARTERLY')
    const tallies = reportTallies(dataSetIds, table, dataSets, periods, ou)
    return markIncompletePeriods(
        periods.display.map((period, index) => ({
            period,
            open:
                isPeriodOpen(period, currentMonth) ||
                (quarterly &&
                    periods.grain === 'monthly' &&
                    isPeriodOpen(quarterOfMonth(period), currentMonth)),
            reports: tallies[index] ?? null,
        }))
    )
}

/** The series with no value in the periods whose reports are not all in (`PERIOD_INCOMPLETE`). */
export const withoutIncomplete = <T extends SeriesData | null>(
    series: T,
    status: readonly PeriodCompleteness[]
): T => {
    if (!series) return series
    const incomplete = new Set(status.filter((p) => p.incomplete).map((p) => p.period))
    if (incomplete.size === 0) return series
    return {
        ...series,
        points: series.points.map((point) =>
            incomplete.has(point.period)
                ? {
                      ...point,
                      value: null,
                      estimated: false,
                      partial: false,
                      reason: 'PERIOD_INCOMPLETE' as const,
                  }
                : point
        ),
    }
}

/**
 * The stockout rate per display period from counts: the stocked-out flag summed over the org unit
 * (facilities stocked out; in a quarter of the monthly data, facility-months) ÷ the LMIS reports
 * received for the same periods (facilities, or facility-months, that reported), each item and
 * data set read at its own period type. Never an average of percentages.
 */
/** Reports with a stockout among the reports received, in a period of the view */
export interface StockoutCounts {
    stockedOut: number
    reporting: number
    monthlyReports?: boolean
}

export const stockoutRateSeries = (
    pair: Pair,
    table: TableValues,
    items: ReadonlyMap<string, ItemInfo>,
    dataSets: ReadonlyMap<string, DataSetInfo>,
    periods: ViewPeriods,
    ou: string,
    name: string,
    /** Filled with the counts of each period */
    counts: Record<string, StockoutCounts> = {}
): SeriesData | null => {
    const flags = idsOf(pair.lmis.stockedOut).filter((dx) => items.has(dx))
    const reports = idsOf(pair.lmis.dataSet).filter((ds) => dataSets.get(ds)?.periodType)
    if (flags.length === 0 || reports.length === 0) return null
    const sources = (type: SeriesPeriodType | null | undefined, period: string): string[] =>
        sourcePeriodsOf(period, periods.grain, type !== 'QUARTERLY')
    const points = periods.display.map((period): AlignedPoint => {
        let stockedOut = 0
        let flagged = false
        for (const dx of flags) {
            for (const pe of sources(items.get(dx)?.periodType, period)) {
                const value = table.value(dx, pe, ou)
                if (value !== null) {
                    stockedOut += value
                    flagged = true
                }
            }
        }
        let reported = 0
        // A quarter of monthly reports: each facility counted once per month it reported
        let monthlyReports = false
        for (const ds of reports) {
            const pes = sources(dataSets.get(ds)?.periodType, period)
            for (const pe of pes) {
                const received = table.value(reportingRateItem(ds, REPORTS_ACTUAL), pe, ou)
                reported += received ?? 0
                if (received && pes.length > 1) monthlyReports = true
            }
        }
        const rate = flagged && reported > 0 ? Math.min(100, (stockedOut / reported) * 100) : null
        if (rate !== null) {
            counts[period] = monthlyReports
                ? { stockedOut, reporting: reported, monthlyReports }
                : { stockedOut, reporting: reported }
        }
        return {
            period,
            value: rate === null ? null : Math.round(rate * 10) / 10,
            estimated: false,
            partial: false,
            sourcePeriods: [period],
            missingPeriods: [],
            reason: null,
        }
    })
    return { id: 'stockoutRate', name, points }
}

/** The status of a pair's two systems, period by period (`systemStatus`) */
export interface PairStatus {
    hmis: PeriodCompleteness[]
    lmis: PeriodCompleteness[]
}

export interface TrendLabels {
    consumption: string
    stockOnHand: string
    stockoutDays: string
    hmisCompleteness: string
    lmisCompleteness: string
    losses?: string
    received?: string
    stockoutRate?: string
    hmisOnTime?: string
    lmisOnTime?: string
}

/** Everything a pair's trend charts show, for one org unit. */
export const buildPairTrend = ({
    pair,
    table,
    items,
    dataSets,
    periods,
    ou,
    labels,
    currentMonth,
    withStockOnHand = true,
    groupTable = null,
    facilityOffset = null,
    scanSeriesOnly = false,
    status: knownStatus,
}: {
    pair: Pair
    table: TableValues
    items: ReadonlyMap<string, ItemInfo>
    dataSets: ReadonlyMap<string, DataSetInfo>
    periods: ViewPeriods
    ou: string
    labels: TrendLabels
    /**
     * The month containing today: periods not over or whose reports are not all in are left out
     * (`systemStatus`); without it every period is shown as it is
     */
    currentMonth?: string
    /** Whether the table holds stock on hand (the view's trend does not: see `requestItems`) */
    withStockOnHand?: boolean
    /**
     * The group set table when the pair names its staggered reporting groups: quarterly flows
     * are aligned to the months each group's report covers; without it, calendar quarters
     */
    groupTable?: TableValues | null
    /** A facility in a staggered group: the months its group's window is shifted by */
    facilityOffset?: number | null
    /**
     * Only what an alert scan reads (`pairOrgUnitSeries`): the HMIS series, consumption, stock on
     * hand and stockout days, with the systems' status; losses, received, the stockout rate and
     * the reporting series are `null` (a scan builds 78,000 trends at 6,000 facilities)
     */
    scanSeriesOnly?: boolean
    /**
     * The systems' status, when already known (a trend's `hmisStatus` and `lmisStatus`): a scan
     * reads no data set's counts (`dataSets` empty), so the status is the same at every org unit
     * and computed once per pair (`ScanStatuses`)
     */
    status?: PairStatus
}): PairTrend => {
    const { data, dataSets: dataSetIds } = pairDataItems(pair)
    const lmisItems = [
        ...idsOf(pair.lmis.consumption),
        ...idsOf(pair.lmis.stockOnHand),
        ...idsOf(pair.lmis.stockoutDays),
        ...idsOf(pair.lmis.losses),
        ...idsOf(pair.lmis.received),
    ]
    const status = (dataSetList: readonly string[], itemIds: readonly string[]) =>
        currentMonth === undefined
            ? periods.display.map((period) => ({
                  period,
                  open: false,
                  reports: null,
                  incomplete: false,
              }))
            : systemStatus({
                  dataSetIds: dataSetList,
                  itemIds,
                  table,
                  items,
                  dataSets,
                  periods,
                  ou,
                  currentMonth,
              })
    const hmisStatus =
        knownStatus?.hmis ??
        status(
            idsOf(pair.hmis.dataSet),
            pair.hmis.items.map((item) => item.id)
        )
    const lmisStatus = knownStatus?.lmis ?? status(idsOf(pair.lmis.dataSet), lmisItems)
    const stockoutCounts: Record<string, StockoutCounts> = {}
    const staggered: StaggeredSource | null =
        groupTable && pair.lmis.reportingGroups
            ? { table: groupTable, groups: pair.lmis.reportingGroups }
            : facilityOffset !== null && pair.lmis.reportingGroups
              ? { monthOffset: facilityOffset }
              : null
    const lmis = (
        id: string,
        name: string,
        value: string | readonly string[] | undefined,
        kind: MeasureKind
    ) =>
        withoutIncomplete(
            measureSeries(id, name, idsOf(value), table, items, periods, ou, kind, staggered),
            lmisStatus
        )
    const completeness = (
        id: string,
        name: string,
        value: string | readonly string[] | undefined,
        metric: ReportingRateMetric
    ) => completenessSeries(id, name, idsOf(value), table, dataSets, periods, ou, metric)
    return {
        hmis: pair.hmis.items
            .filter((item) => items.has(item.id))
            .map((item) =>
                withoutIncomplete(
                    {
                        id: item.id,
                        name: item.name ?? items.get(item.id)?.name ?? item.id,
                        points: alignItem(table, item.id, items.get(item.id), periods, ou, 'flow'),
                    },
                    hmisStatus
                )
            ),
        consumption: lmis('consumption', labels.consumption, pair.lmis.consumption, 'flow'),
        stockOnHand: withStockOnHand
            ? lmis('stockOnHand', labels.stockOnHand, pair.lmis.stockOnHand, 'level')
            : null,
        stockoutDays: lmis('stockoutDays', labels.stockoutDays, pair.lmis.stockoutDays, 'flow'),
        ...(scanSeriesOnly
            ? {
                  losses: null,
                  received: null,
                  stockoutRate: null,
                  stockoutCounts,
                  hmisCompleteness: null,
                  lmisCompleteness: null,
                  hmisOnTime: null,
                  lmisOnTime: null,
              }
            : {
                  losses: lmis('losses', labels.losses ?? 'losses', pair.lmis.losses, 'flow'),
                  received: lmis(
                      'received',
                      labels.received ?? 'received',
                      pair.lmis.received,
                      'flow'
                  ),
                  stockoutRate: withoutIncomplete(
                      stockoutRateSeries(
                          pair,
                          table,
                          items,
                          dataSets,
                          periods,
                          ou,
                          labels.stockoutRate ?? 'stockoutRate',
                          stockoutCounts
                      ),
                      lmisStatus
                  ),
                  stockoutCounts,
                  hmisCompleteness: completeness(
                      'hmisCompleteness',
                      labels.hmisCompleteness,
                      pair.hmis.dataSet,
                      REPORTS_ACTUAL
                  ),
                  lmisCompleteness: completeness(
                      'lmisCompleteness',
                      labels.lmisCompleteness,
                      pair.lmis.dataSet,
                      REPORTS_ACTUAL
                  ),
                  hmisOnTime: completeness(
                      'hmisOnTime',
                      labels.hmisOnTime ?? 'hmisOnTime',
                      pair.hmis.dataSet,
                      REPORTS_ON_TIME
                  ),
                  lmisOnTime: completeness(
                      'lmisOnTime',
                      labels.lmisOnTime ?? 'lmisOnTime',
                      pair.lmis.dataSet,
                      REPORTS_ON_TIME
                  ),
              }),
        hmisStatus,
        lmisStatus,
        missingItems: [...data, ...dataSetIds].filter((id) => !items.has(id) && !dataSets.has(id)),
    }
}

/**
 * The flow items the view's staggered request asks for (`staggeredRequest`): every flow of the
 * pairs that name staggered groups of `groupSet`, those the server has once `known`. Not only the
 * quarterly ones: which are quarterly is known from the metadata, and the request does not wait
 * for it (it goes out with the trend's); the monthly ones' group rows are not read.
 */
export const staggeredRequestItems = (
    pairs: readonly Pair[],
    known: ReadonlySet<string> | null,
    groupSet: string
): string[] => [
    ...new Set(
        pairs
            .filter((pair) => pair.lmis.reportingGroups?.groupSet === groupSet)
            .flatMap((pair) => [
                ...idsOf(pair.lmis.consumption),
                ...idsOf(pair.lmis.stockoutDays),
                ...idsOf(pair.lmis.losses),
                ...idsOf(pair.lmis.received),
            ])
            .filter((dx) => !known || known.has(dx))
    ),
]

/** The quarterly flow items of the pairs that name staggered groups of `groupSet`. */
export const staggeredItems = (
    pairs: readonly Pair[],
    items: ReadonlyMap<string, ItemInfo>,
    groupSet: string
): string[] =>
    staggeredRequestItems(pairs, null, groupSet).filter(
        (dx) => items.get(dx)?.periodType === 'QUARTERLY'
    )

/**
 * The one request of the staggered groups of a view: the pairs' flows with the group set as a
 * dimension (each group's values apart), over the view's quarters and one on each side; every
 * flow before the metadata is known, those the server has after (`staggeredRequestItems`: the same
 * request when all exist). One group set per view: the first one a pair names (pairs naming
 * another are shown by calendar quarter).
 */
export const staggeredRequest = (
    pairs: readonly Pair[],
    known: ReadonlySet<string> | null,
    periods: ViewPeriods,
    /** One org unit, or several `ou` items summed by DHIS2 (as a filter) */
    ou: string | readonly string[]
): { groupSet: string; query: ReturnType<typeof buildAnalyticsQuery> } | null => {
    const groups = pairs.find((pair) => pair.lmis.reportingGroups)?.lmis.reportingGroups
    if (!groups) return null
    const dx = staggeredRequestItems(pairs, known, groups.groupSet)
    if (dx.length === 0) return null
    const groupIds = [
        ...new Set(
            pairs
                .filter((pair) => pair.lmis.reportingGroups?.groupSet === groups.groupSet)
                .flatMap((pair) => pair.lmis.reportingGroups?.groups.map((g) => g.id) ?? [])
        ),
    ]
    return {
        groupSet: groups.groupSet,
        query: buildAnalyticsQuery({
            dx,
            pe: staggeredRequestQuarters(periods.quarters),
            ...(typeof ou === 'string'
                ? { ou: { id: ou } }
                : { ou: ou.map((id) => ({ id })), ouAsFilter: true }),
            dimensions: { [groups.groupSet]: groupIds },
        }),
    }
}

/** The latest value of a series that has one (for a card's completeness badge). */
export const latestValue = (series: SeriesData | null): AlignedPoint | null =>
    [...(series?.points ?? [])].reverse().find((point) => point.value !== null) ?? null

/**
 * The reporting rate of a system for the latest period its chart shows data for (`reference`: the
 * series the rate is about). A quarter not reported at all yet is not "low completeness": it has
 * no data to show.
 */
export const latestCompleteness = (
    series: SeriesData | null,
    reference: SeriesData | null | undefined
): AlignedPoint | null => {
    if (!series) return null
    if (!reference) return latestValue(series)
    const shown = new Set(reference.points.filter((p) => p.value !== null).map((p) => p.period))
    return latestValue({ ...series, points: series.points.filter((p) => shown.has(p.period)) })
}

/** Under this reporting rate (%), the card says in words that the period's totals are incomplete */
export const COMPLETE_REPORTING = 90
