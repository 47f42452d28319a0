/**
 * Analytics requests of the app, as app-runtime data engine queries
 * (`{ resource: 'analytics', params }`, for `useDataQuery`/`engine.query`).
 *
 * The view loads with one analytics request whatever the number of pairs: all pairs' data items
 * and their data sets' report counts, over the months and the quarters covering them (DHIS2 accepts
 * mixed period types in `pe`); see `requestItems` in `features/triangulation/pair-model.ts`. A
 * drill-down is one request for one period and the children of one org unit (`ou:PARENT;LEVEL-n`,
 * which returns the units of level n under PARENT, not PARENT).
 *
 * Parameters follow DHIS2's `/api/analytics`: `dimension=dx:a;b` … `dimension` is passed as an
 * array, which the data engine joins with commas (`dimension=dx:a;b,pe:…,ou:…`), as the
 * @dhis2/analytics library does; DHIS2 splits it back into dimensions. `displayProperty=NAME`
 * names items by their name rather than short name; `includeNumDen=true` adds the numerator and
 * denominator columns of indicators.
 */
export type AnalyticsParams = {
    dimension: string[]
    filter?: string[]
    displayProperty: 'NAME' | 'SHORTNAME'
    includeNumDen?: boolean
    showHierarchy?: boolean
    hierarchyMeta?: boolean
    aggregationType?: string
    /** Metadata only (no rows): e.g. to let DHIS2 resolve relative periods */
    skipData?: boolean
    /** Rows only, no `metaData` (DHIS2's "exclude the meta data part of the response") */
    skipMeta?: boolean
    /** Item details in `metaData.items` (a period's `startDate` and `endDate`) */
    includeMetadataDetails?: boolean
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
    /**
     * The org units as a filter (`filter=ou:…`) rather than a dimension: DHIS2 aggregates the
     * values over all of them (one value per data item and period, no `ou` column)
     */
    ouAsFilter?: boolean
    includeNumDen?: boolean
    /** Org unit names as paths (`metaData.ouNameHierarchy`) */
    showHierarchy?: boolean
    /** Ancestor ids of each org unit (`metaData.ouHierarchy`) */
    hierarchyMeta?: boolean
    /** Filters (`filter=dim:items`), e.g. `{ co: [...] }` */
    filters?: Readonly<Record<string, readonly string[]>>
    /** More dimensions (`dimension=dim:items`), e.g. an org unit group set `{ GROUPSET: [a, b] }` */
    dimensions?: Readonly<Record<string, readonly string[]>>
    /**
     * Overrides the aggregation type of every data item of the request (DHIS2's `aggregationType`
     * parameter), e.g. `LAST_IN_PERIOD` for stock counts reported in the period only
     */
    aggregationType?: 'LAST_IN_PERIOD'
    /**
     * No `metaData` in the answer (DHIS2's `skipMeta`, in the Web API since 2.12: "exclude the
     * meta data part of the response"): the rows and headers only, as the @dhis2/analytics
     * library asks its data requests (the recorded DHIS2 answers in
     * `../shared/fixtures/dhis2/analytics/*.data.json`, the demo's checked against them by
     * `test/contract/demo-analytics-shape.test.ts`). `showHierarchy` and `hierarchyMeta` are then
     * left out, as they only add to the metaData
     */
    skipMeta?: boolean
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
            ...(request.ouAsFilter ? [] : [dimensionParam('ou', orgUnitItems(request.ou))]),
            ...Object.entries(request.dimensions ?? {}).map(([dimension, items]) =>
                dimensionParam(dimension, unique(items))
            ),
        ],
        displayProperty: 'NAME',
    }
    const filters = Object.entries({
        ...(request.ouAsFilter ? { ou: orgUnitItems(request.ou) } : {}),
        ...request.filters,
    }).filter(([, items]) => items.length > 0)
    if (filters.length > 0) {
        params.filter = filters.map(([dimension, items]) =>
            dimensionParam(dimension, unique(items))
        )
    }
    if (request.includeNumDen) params.includeNumDen = true
    if (request.skipMeta) params.skipMeta = true
    else {
        if (request.showHierarchy) params.showHierarchy = true
        if (request.hierarchyMeta) params.hierarchyMeta = true
    }
    if (request.aggregationType) params.aggregationType = request.aggregationType
    return { resource: 'analytics', params }
}

export const REPORTING_RATE_METRICS = [
    'REPORTING_RATE',
    'REPORTING_RATE_ON_TIME',
    'ACTUAL_REPORTS',
    'ACTUAL_REPORTS_ON_TIME',
    'EXPECTED_REPORTS',
] as const
export type ReportingRateMetric = (typeof REPORTING_RATE_METRICS)[number]

/** `dataSetId.REPORTING_RATE` etc. */
export const reportingRateItem = (dataSetId: string, metric: ReportingRateMetric): string =>
    `${dataSetId}.${metric}`
