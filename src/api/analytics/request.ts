/**
 * Analytics requests of the app, as app-runtime data engine queries
 * (`{ resource: 'analytics', params }`, for `useDataQuery`/`engine.query`).
 *
 * The view loads with a constant number of analytics requests whatever the number of pairs: all
 * pairs' data items go into one request per period type (HMIS and monthly LMIS items over the
 * months; quarterly LMIS items over the quarters), and all their data sets' reporting rates into
 * one request per period type. A drill-down is one request for one period and the children of one
 * org unit (`ou:PARENT;LEVEL-n`, which returns the units of level n under PARENT, not PARENT).
 *
 * Parameters follow DHIS2's `/api/analytics`: `dimension=dx:a;b` … `dimension` is passed as an
 * array, which the data engine joins with commas (`dimension=dx:a;b,pe:…,ou:…`), as the
 * @dhis2/analytics library does; DHIS2 splits it back into dimensions. `displayProperty=NAME`
 * names items by their name rather than short name; `includeNumDen=true` adds the numerator and
 * denominator columns of indicators.
 */
import type { HmisItem, Pair } from '../../domain/config'
import { LMIS_MEASURES, idsOf } from '../../domain/config'
import type { SeriesPeriodType } from '../../domain/periods'

export type AnalyticsParams = {
    dimension: string[]
    filter?: string[]
    displayProperty: 'NAME' | 'SHORTNAME'
    includeNumDen?: boolean
    showHierarchy?: boolean
    hierarchyMeta?: boolean
}

export type AnalyticsQuery = {
    resource: 'analytics'
    params: AnalyticsParams
}

/** An org unit selection: one unit, or the units of `level` under it (`UID;LEVEL-n`). */
export interface OrgUnitSelection {
    /** An org unit id, or a user org unit keyword such as `USER_ORGUNIT` */
    id: string
    /** The level to return under `id` (its children: the level of `id` + 1) */
    level?: number
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)]

/** `dx:a;b` */
export const dimensionParam = (dimension: string, items: readonly string[]): string =>
    `${dimension}:${items.join(';')}`

/** The items of the `ou` dimension: `['UID']` or `['UID', 'LEVEL-n']`. */
export const orgUnitItems = (
    selection: OrgUnitSelection | readonly OrgUnitSelection[]
): string[] => {
    const selections: readonly OrgUnitSelection[] = Array.isArray(selection)
        ? selection
        : [selection as OrgUnitSelection]
    return unique(
        selections.flatMap((ou) =>
            ou.level === undefined ? [ou.id] : [ou.id, `LEVEL-${ou.level}`]
        )
    )
}

export interface AnalyticsRequest {
    /** Data items (`dx`): data elements, operands, indicators, program indicators, reporting rates */
    dx: readonly string[]
    /** Periods (`pe`), in the order the series should have */
    pe: readonly string[]
    ou: OrgUnitSelection | readonly OrgUnitSelection[]
    includeNumDen?: boolean
    /** Org unit names as paths (`metaData.ouNameHierarchy`) */
    showHierarchy?: boolean
    /** Ancestor ids of each org unit (`metaData.ouHierarchy`) */
    hierarchyMeta?: boolean
    /** Filters (`filter=dim:items`), e.g. `{ co: [...] }` */
    filters?: Readonly<Record<string, readonly string[]>>
}

/**
 * One analytics query. `dx` is de-duplicated and sorted (the query, and so its cache key, does not
 * depend on the order of pairs); periods keep their order.
 */
export const buildAnalyticsQuery = (request: AnalyticsRequest): AnalyticsQuery => {
    const params: AnalyticsParams = {
        dimension: [
            dimensionParam('dx', unique(request.dx).sort()),
            dimensionParam('pe', unique(request.pe)),
            dimensionParam('ou', orgUnitItems(request.ou)),
        ],
        displayProperty: 'NAME',
    }
    const filters = Object.entries(request.filters ?? {}).filter(([, items]) => items.length > 0)
    if (filters.length > 0) {
        params.filter = filters.map(([dimension, items]) =>
            dimensionParam(dimension, unique(items))
        )
    }
    if (request.includeNumDen) params.includeNumDen = true
    if (request.showHierarchy) params.showHierarchy = true
    if (request.hierarchyMeta) params.hierarchyMeta = true
    return { resource: 'analytics', params }
}

/** The HMIS data items of a pair. */
export const hmisDataItems = (pair: Pair): string[] => pair.hmis.items.map((item) => item.id)

/** The LMIS data items of a pair (consumption, stock on hand, stockout days, losses, received). */
export const lmisDataItems = (pair: Pair): string[] =>
    LMIS_MEASURES.flatMap((measure) => idsOf(pair.lmis[measure]))

const isRatioLike = (item: HmisItem): boolean =>
    item.kind === undefined || item.kind === 'INDICATOR' || item.kind === 'PROGRAM_INDICATOR'

/**
 * Whether to ask for numerator and denominator columns: when an HMIS item is, or may be, an
 * indicator (items of unknown kind included).
 */
export const needsNumDen = (pairs: readonly Pair[]): boolean =>
    pairs.some((pair) => pair.hmis.items.some(isRatioLike))

export const REPORTING_RATE_METRICS = [
    'REPORTING_RATE',
    'REPORTING_RATE_ON_TIME',
    'ACTUAL_REPORTS',
    'EXPECTED_REPORTS',
] as const
export type ReportingRateMetric = (typeof REPORTING_RATE_METRICS)[number]

/** `dataSetId.REPORTING_RATE` etc. */
export const reportingRateItem = (dataSetId: string, metric: ReportingRateMetric): string =>
    `${dataSetId}.${metric}`

/** The reporting-rate items of data sets: every metric of `REPORTING_RATE_METRICS`. */
export const reportingRateItems = (dataSetIds: readonly string[]): string[] =>
    unique(dataSetIds).flatMap((id) =>
        REPORTING_RATE_METRICS.map((metric) => reportingRateItem(id, metric))
    )

export interface TriangulationRequest {
    pairs: readonly Pair[]
    /** The view's org unit */
    orgUnit: string
    /** The months of the window, in order */
    months: readonly string[]
    /**
     * The quarters covering the window, for LMIS data stored quarterly. Required when a pair's LMIS
     * is quarterly; then they should cover the months (see `quartersOfMonths`).
     */
    quarters?: readonly string[]
    /**
     * The period type of each pair's LMIS data (its LMIS data set's), by pair id; default MONTHLY.
     * HMIS data sets are monthly.
     */
    lmisPeriodTypes?: Readonly<Record<string, SeriesPeriodType>>
}

/**
 * The queries of the trend view, for all pairs at once (data engine query object: one request per
 * key, at most four whatever the number of pairs):
 * - `values`: HMIS items and monthly LMIS items over the months;
 * - `quarterlyValues`: quarterly LMIS items over the quarters (when some LMIS is quarterly);
 * - `reporting`: reporting rates of the HMIS and monthly LMIS data sets over the months;
 * - `quarterlyReporting`: reporting rates of quarterly LMIS data sets over the quarters.
 * Keys without items are left out.
 */
export const buildTriangulationQueries = ({
    pairs,
    orgUnit,
    months,
    quarters = [],
    lmisPeriodTypes = {},
}: TriangulationRequest): Partial<
    Record<'values' | 'quarterlyValues' | 'reporting' | 'quarterlyReporting', AnalyticsQuery>
> => {
    const isQuarterly = (pair: Pair) => lmisPeriodTypes[pair.id] === 'QUARTERLY'
    const monthlyDx = pairs.flatMap((pair) => [
        ...hmisDataItems(pair),
        ...(isQuarterly(pair) ? [] : lmisDataItems(pair)),
    ])
    const quarterlyDx = pairs.filter(isQuarterly).flatMap(lmisDataItems)
    const monthlyDataSets = pairs.flatMap((pair) => [
        ...idsOf(pair.hmis.dataSet),
        ...(isQuarterly(pair) ? [] : idsOf(pair.lmis.dataSet)),
    ])
    const quarterlyDataSets = pairs.filter(isQuarterly).flatMap((pair) => idsOf(pair.lmis.dataSet))
    if (quarterlyDx.length > 0 && quarters.length === 0) {
        throw new RangeError('Quarterly LMIS data needs the quarters of the window')
    }

    const ou = { id: orgUnit }
    const queries: Partial<
        Record<'values' | 'quarterlyValues' | 'reporting' | 'quarterlyReporting', AnalyticsQuery>
    > = {}
    if (monthlyDx.length > 0 && months.length > 0) {
        queries.values = buildAnalyticsQuery({
            dx: monthlyDx,
            pe: months,
            ou,
            includeNumDen: needsNumDen(pairs),
        })
    }
    if (quarterlyDx.length > 0) {
        queries.quarterlyValues = buildAnalyticsQuery({ dx: quarterlyDx, pe: quarters, ou })
    }
    if (monthlyDataSets.length > 0 && months.length > 0) {
        queries.reporting = buildAnalyticsQuery({
            dx: reportingRateItems(monthlyDataSets),
            pe: months,
            ou,
        })
    }
    if (quarterlyDataSets.length > 0 && quarters.length > 0) {
        queries.quarterlyReporting = buildAnalyticsQuery({
            dx: reportingRateItems(quarterlyDataSets),
            pe: quarters,
            ou,
        })
    }
    return queries
}

export interface DrilldownRequest {
    pairs: readonly Pair[]
    /** The org unit whose children are shown */
    parent: string
    /** The level of the children (the parent's level + 1) */
    childLevel: number
    /** The one period shown */
    period: string
    /** Also ask for the data sets' reporting rates (same request) */
    includeReportingRates?: boolean
    /** Ask for org unit name paths, e.g. for facility tables */
    showHierarchy?: boolean
}

/** One period across the children of an org unit: one request for all the pairs given. */
export const buildDrilldownQuery = ({
    pairs,
    parent,
    childLevel,
    period,
    includeReportingRates = false,
    showHierarchy = false,
}: DrilldownRequest): AnalyticsQuery => {
    const dataSets = pairs.flatMap((pair) => [
        ...idsOf(pair.hmis.dataSet),
        ...idsOf(pair.lmis.dataSet),
    ])
    return buildAnalyticsQuery({
        dx: [
            ...pairs.flatMap((pair) => [...hmisDataItems(pair), ...lmisDataItems(pair)]),
            ...(includeReportingRates ? reportingRateItems(dataSets) : []),
        ],
        pe: [period],
        ou: { id: parent, level: childLevel },
        includeNumDen: needsNumDen(pairs),
        showHierarchy,
        hierarchyMeta: true,
    })
}

export interface FacilityStockRequest {
    pairs: readonly Pair[]
    /** The org unit whose facilities are counted */
    parent: string
    /** The facility level */
    facilityLevel: number
    periods: readonly string[]
}

/**
 * Stock on hand and stockout days of every facility under `parent`, to count facilities stocked
 * out (stockout rate from counts); `null` when no pair has those items.
 */
export const buildFacilityStockQuery = ({
    pairs,
    parent,
    facilityLevel,
    periods,
}: FacilityStockRequest): AnalyticsQuery | null => {
    const dx = pairs.flatMap((pair) => [
        ...idsOf(pair.lmis.stockOnHand),
        ...idsOf(pair.lmis.stockoutDays),
    ])
    if (dx.length === 0 || periods.length === 0) {
        return null
    }
    return buildAnalyticsQuery({ dx, pe: periods, ou: { id: parent, level: facilityLevel } })
}

/** React Query keys of analytics queries: the query's parameters identify its response. */
export const analyticsKeys = {
    all: ['analytics'] as const,
    query: (query: AnalyticsQuery) => ['analytics', query.params] as const,
}
