/**
 * From `/api/analytics` request parameters to a resolved query, following dhis2-core:
 * `DefaultDataQueryService.getFromRequest` / `getDimension` (unknown items are dropped; a dimension
 * left without items is E7124, an unknown dimension E7125), `DimensionalObjectProducer` (relative
 * periods sorted with `AscendingPeriodComparator`, org unit levels/boundaries, `USER_ORGUNIT*`),
 * `DefaultAnalyticsSecurityManager` (E7120, data view constraint) and `DefaultQueryValidator`
 * (E7101–E7115, in its order).
 */
import type {
    AggregationType,
    CategoryOptionCombo,
    DataElement,
    DataSet,
    Indicator,
    IndicatorType,
    OrgUnitGroup,
    OrgUnitGroupSet,
} from '../data/model'
import type { DemoUser } from '../http/types'
import type { DbIndex } from './dbIndex'
import { AnalyticsError, AnalyticsRequestError, javaList } from './errors'
import {
    DEFAULT_DHIS2_VERSION,
    invalidPeriodIsE7611,
    orgUnitErrorIsE7143,
} from '../routes/dhis2-version'
import { compileExpression, type CompiledExpression } from './expression'
import {
    calendarDateOf,
    comparePeriods,
    parseCalendarDate,
    parsePeriod,
    RELATIVE_PERIODS,
    type RelativePeriodContext,
    type CalendarDate,
    type Period,
} from './periods'

export type DisplayProperty = 'NAME' | 'SHORTNAME'

/** `ReportingRateMetric` in declaration order (the order DHIS2 adds reporting rate rows in). */
export const METRICS = [
    'REPORTING_RATE',
    'REPORTING_RATE_ON_TIME',
    'ACTUAL_REPORTS',
    'ACTUAL_REPORTS_ON_TIME',
    'EXPECTED_REPORTS',
] as const
export type Metric = (typeof METRICS)[number]

export const METRIC_NAMES: Record<Metric, string> = {
    REPORTING_RATE: 'Reporting rate',
    REPORTING_RATE_ON_TIME: 'Reporting rate on time',
    ACTUAL_REPORTS: 'Actual reports',
    ACTUAL_REPORTS_ON_TIME: 'Actual reports on time',
    EXPECTED_REPORTS: 'Expected reports',
}

export type DxItem =
    | { kind: 'DATA_ELEMENT'; id: string; dataElement: DataElement }
    | {
          kind: 'DATA_ELEMENT_OPERAND'
          id: string
          dataElement: DataElement
          coc: CategoryOptionCombo
      }
    | {
          kind: 'INDICATOR'
          id: string
          indicator: Indicator
          indicatorType: IndicatorType | undefined
          /** null when the expression cannot be parsed (the indicator then has no values) */
          numerator: CompiledExpression | null
          denominator: CompiledExpression | null
      }
    | { kind: 'REPORTING_RATE'; id: string; dataSet: DataSet; metric: Metric }

/** A `DimensionItemKeyword`: metadata item added for relative periods, levels and boundaries. */
export interface Keyword {
    key: string
    uid?: string
    code?: string
    name: string
}

export type Dimension =
    | { id: 'dx'; items: DxItem[]; keywords: Keyword[] }
    | { id: 'pe'; items: Period[]; keywords: Keyword[] }
    | {
          id: 'ou'
          items: number[]
          keywords: Keyword[]
          /** Added by the data view constraint: no display name */
          constraint: boolean
      }
    | { id: 'co'; items: CategoryOptionCombo[] }
    /** An organisation unit group set (a dynamic dimension, identified by the group set's uid) */
    | { id: 'ougs'; uid: string; groupSet: OrgUnitGroupSet; items: OrgUnitGroup[] }

/** The dimension identifier of requests, headers and metadata (`dx`, ..., or a group set uid). */
export const dimensionKey = (d: Dimension): string => (d.id === 'ougs' ? d.uid : d.id)

export type UserOrgUnitType = 'DATA_CAPTURE' | 'DATA_OUTPUT' | 'TEI_SEARCH'

export interface AnalyticsQuery {
    /** In DHIS2's order: `dx` first, then `co`, then the others as requested */
    dimensions: Dimension[]
    filters: Dimension[]
    displayProperty: DisplayProperty
    skipMeta: boolean
    skipData: boolean
    skipRounding: boolean
    showHierarchy: boolean
    hierarchyMeta: boolean
    includeNumDen: boolean
    includeMetadataDetails: boolean
    /** `ignoreLimit`: no guard on the number of result rows */
    ignoreLimit: boolean
    /** The user's org units (`getUserOrgUnits`): roots of `ouHierarchy` / `ouNameHierarchy` */
    userOrgUnits: number[]
    /**
     * The `aggregationType` request parameter: overrides the aggregation type of every data element
     * of the query, null when not given (see `parseAggregationType`).
     */
    aggregationType: RequestAggregationType | null
    /** The DHIS2 release the demo answers as (the response's details differ) */
    dhis2Version: string
}

/** The aggregation types a request may name that the demo computes. */
export type RequestAggregationType = Exclude<AggregationType, 'NONE'>

/**
 * dhis2-core `AggregationType` constants in declaration order (`dhis-api/src/main/java/org/hisp/
 * dhis/analytics/AggregationType.java`, 2.41.9): the values Spring binds the `aggregationType`
 * parameter to (`AggregateAnalyticsQueryCriteria.aggregationType`), listed in its 400 message.
 */
export const DHIS2_AGGREGATION_TYPES = [
    'SUM',
    'AVERAGE',
    'AVERAGE_SUM_ORG_UNIT',
    'LAST',
    'LAST_AVERAGE_ORG_UNIT',
    'LAST_LAST_ORG_UNIT',
    'LAST_IN_PERIOD',
    'LAST_IN_PERIOD_AVERAGE_ORG_UNIT',
    'FIRST',
    'FIRST_AVERAGE_ORG_UNIT',
    'FIRST_FIRST_ORG_UNIT',
    'COUNT',
    'STDDEV',
    'VARIANCE',
    'MIN',
    'MAX',
    'MIN_SUM_ORG_UNIT',
    'MAX_SUM_ORG_UNIT',
    'NONE',
    'CUSTOM',
    'DEFAULT',
] as const

const DEMO_REQUEST_AGGREGATION_TYPES: readonly RequestAggregationType[] = [
    'SUM',
    'AVERAGE',
    'AVERAGE_SUM_ORG_UNIT',
    'LAST',
    'LAST_AVERAGE_ORG_UNIT',
    'LAST_IN_PERIOD',
    'LAST_IN_PERIOD_AVERAGE_ORG_UNIT',
    'COUNT',
    'MIN',
    'MAX',
    'MIN_SUM_ORG_UNIT',
    'MAX_SUM_ORG_UNIT',
]

/**
 * The `aggregationType` request parameter, as DHIS2 2.41 takes it:
 * - Spring binds it to the `AggregationType` enum (`StringToEnumConverterFactory`: trimmed, exact
 *   constant name, empty = not given); any other value is a 400 from
 *   `CrudControllerAdvice.handleTypeMismatchException`: "Value 'x' is not valid for parameter
 *   aggregationType. Valid values are: [SUM, AVERAGE, ...]".
 * - `DefaultDataQueryService.getFromRequest` sets it on the query as
 *   `AnalyticsAggregationType.fromAggregationType(type)`, and
 *   `DefaultQueryPlanner.groupByAggregationType` / `QueryPlannerUtils
 *   .getAggregationTypeDataElementMap` use it instead of each data element's own type
 *   (`firstNonNull(requestType, dataElementType)`), also for the data elements of indicators.
 * - Types DHIS2 accepts but the demo does not compute (STDDEV, VARIANCE, FIRST*, LAST_LAST_ORG_UNIT,
 *   NONE, CUSTOM, DEFAULT) are refused with a 409 that says so, rather than answered differently.
 */
export const parseAggregationType = (value: string | null): RequestAggregationType | null => {
    const text = (value ?? '').trim()
    if (text === '') return null
    if (!(DHIS2_AGGREGATION_TYPES as readonly string[]).includes(text)) {
        throw new AnalyticsRequestError(
            `Value '${text}' is not valid for parameter aggregationType. Valid values are: ` +
                javaList([...DHIS2_AGGREGATION_TYPES]),
            400
        )
    }
    const supported = DEMO_REQUEST_AGGREGATION_TYPES.find((t) => t === text)
    if (!supported) {
        throw new AnalyticsRequestError(
            `The demo DHIS2 does not compute aggregationType ${text}; it computes ` +
                javaList([...DEMO_REQUEST_AGGREGATION_TYPES]),
            409
        )
    }
    return supported
}

/** Spring's `StringToBooleanConverter` true values. */
const isTrue = (value: string | null): boolean =>
    value !== null && ['true', 'on', 'yes', '1'].includes(value.trim().toLowerCase())

/** Java `String.split` with its removal of trailing empty strings. */
const javaSplit = (text: string, separator: string): string[] => {
    const parts = text.split(separator)
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
    return parts
}

/** Values of a repeated parameter, comma-split and de-duplicated as Spring binds a `Set<String>`. */
const paramSet = (params: URLSearchParams, name: string): string[] => {
    const set = new Set<string>()
    for (const value of params.getAll(name)) {
        for (const part of value.split(',')) if (part !== '') set.add(part)
    }
    return [...set]
}

const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/

/** Order of dimension types when added to a query (`DimensionType.getOrder`), stable otherwise. */
const DIMENSION_ORDER: Record<Dimension['id'], number> = {
    dx: 0,
    co: 1,
    pe: 999,
    ou: 999,
    ougs: 999,
}

const sortedUnique = <T>(list: T[]): T[] => [...new Set(list)]

export interface ParseContext {
    index: DbIndex
    user: DemoUser | null
    /** Reference date for relative periods when `relativePeriodDate` is not given */
    today: CalendarDate
    /** The DHIS2 release the demo answers as (error codes differ); default 2.41.4 */
    dhis2Version?: string
    /** The system setting `analyticsFinancialYearStart` (financial relative periods) */
    financialYearStart?: string | null
}

/** Resolves and validates an analytics request; throws `AnalyticsError` for DHIS2's 409 cases. */
export const parseAnalyticsQuery = (params: URLSearchParams, ctx: ParseContext): AnalyticsQuery => {
    const { index, user } = ctx
    const version = ctx.dhis2Version ?? DEFAULT_DHIS2_VERSION
    const aggregationType = parseAggregationType(params.get('aggregationType'))
    const relativeDateParam = params.get('relativePeriodDate')
    const relativeDate = (relativeDateParam && parseCalendarDate(relativeDateParam)) || ctx.today
    const displayProperty: DisplayProperty =
        (params.get('displayProperty') ?? '').toUpperCase() === 'SHORTNAME' ? 'SHORTNAME' : 'NAME'
    const userOrgUnitTypeParam = (params.get('userOrgUnitType') ?? '').toUpperCase()
    const userOrgUnitType: UserOrgUnitType | null =
        userOrgUnitTypeParam === 'DATA_CAPTURE' ||
        userOrgUnitTypeParam === 'DATA_OUTPUT' ||
        userOrgUnitTypeParam === 'TEI_SEARCH'
            ? userOrgUnitTypeParam
            : null
    const userOrgUnits = resolveUserOrgUnits(
        index,
        user,
        params.get('userOrgUnit'),
        userOrgUnitType
    )

    const resolve = (param: string): Dimension => {
        const colon = param.indexOf(':')
        const dimension = colon < 0 ? param : param.slice(0, colon)
        const items =
            colon < 0 ? [] : javaSplit(javaSplit(param.slice(colon + 1), ':')[0] ?? '', ';')
        switch (dimension) {
            case 'dx':
                return resolveDx(index, items)
            case 'pe':
                return resolvePe(items, relativeDate, version, {
                    today: ctx.today,
                    financialYearStart: ctx.financialYearStart ?? null,
                })
            case 'ou':
                return resolveOu(index, items, userOrgUnits, displayProperty, version)
            case 'co':
                return {
                    id: 'co',
                    items: sortedUnique(items)
                        .map((id) => index.categoryOptionCombos.get(id))
                        .filter((c): c is CategoryOptionCombo => c !== undefined),
                }
            default: {
                // Dynamic dimensions: organisation unit group sets. dhis2-core 2.41.9
                // `DimensionalObjectProducer.getDynamicDimension`: no items or `ALL_ITEMS` = every
                // group of the set; else `idObjectManager.getOrdered(OrganisationUnitGroup, items)`:
                // the existing groups in the order given, also groups of another set (they match
                // no analytics row: the set's column holds each unit's group of this set).
                const set = index.groupSets.get(dimension)
                if (!set) throw new AnalyticsError('E7125', dimension)
                const groups =
                    items.length === 0 || items.includes('ALL_ITEMS')
                        ? set.groups
                        : sortedUnique(items)
                              .map((id) => index.orgUnitGroups.get(id)?.group)
                              .filter((g): g is OrgUnitGroup => g !== undefined)
                return { id: 'ougs', uid: dimension, groupSet: set.groupSet, items: groups }
            }
        }
    }

    const requested = paramSet(params, 'dimension').map(resolve)
    const filters = paramSet(params, 'filter').map(resolve)
    const dimensions = requested
        .map((d, i) => ({ d, i }))
        .sort((a, b) => DIMENSION_ORDER[a.d.id] - DIMENSION_ORDER[b.d.id] || a.i - b.i)
        .map(({ d }) => d)

    // Security: every queried org unit must be in the user's data view (no superuser exemption)
    const dataView = (user?.dataViewOrganisationUnits ?? [])
        .map((id) => index.unitIndex.get(id))
        .filter((u): u is number => u !== undefined)
    if (user && user.dataViewOrganisationUnits.length > 0) {
        const viewSet = new Set(dataView)
        for (const d of [...dimensions, ...filters]) {
            if (d.id !== 'ou') continue
            for (const u of d.items) {
                if (!index.withinAny(u, viewSet)) {
                    throw new AnalyticsError('E7120', user.username, index.unit(u).id)
                }
            }
        }
        const hasOrgUnits = [...dimensions, ...filters].some(
            (d) => d.id === 'ou' && d.items.length > 0
        )
        if (!hasOrgUnits) {
            const withoutOu = filters.filter((d) => d.id !== 'ou')
            filters.length = 0
            filters.push(...withoutOu, {
                id: 'ou',
                items: dataView,
                keywords: [],
                constraint: true,
            })
        }
    }

    const query: AnalyticsQuery = {
        dimensions,
        filters,
        displayProperty,
        skipMeta: isTrue(params.get('skipMeta')),
        skipData: isTrue(params.get('skipData')),
        skipRounding: isTrue(params.get('skipRounding')),
        showHierarchy: isTrue(params.get('showHierarchy')),
        hierarchyMeta: isTrue(params.get('hierarchyMeta')),
        includeNumDen: isTrue(params.get('includeNumDen')),
        includeMetadataDetails: isTrue(params.get('includeMetadataDetails')),
        ignoreLimit: isTrue(params.get('ignoreLimit')),
        userOrgUnits,
        aggregationType,
        dhis2Version: version,
    }
    validate(query)
    validateLayout(query, params)
    return query
}

/** `DataQueryService.getUserOrgUnits`: `userOrgUnit` param, else by `userOrgUnitType`, else data capture units. */
const resolveUserOrgUnits = (
    index: DbIndex,
    user: DemoUser | null,
    userOrgUnit: string | null,
    type: UserOrgUnitType | null
): number[] => {
    const lookup = (ids: string[]): number[] =>
        ids.map((id) => index.unitIndex.get(id)).filter((u): u is number => u !== undefined)
    if (userOrgUnit !== null) return lookup(javaSplit(userOrgUnit, ';'))
    if (!user) return []
    const sorted = (ids: string[]): number[] => sortedUnique(lookup(ids)).sort(index.compareUnits)
    switch (type) {
        case 'DATA_OUTPUT':
            return user.dataViewOrganisationUnits.length > 0
                ? sorted(user.dataViewOrganisationUnits)
                : sorted(user.organisationUnits)
        case 'TEI_SEARCH':
            return []
        default:
            return sorted(user.organisationUnits)
    }
}

const resolveDx = (index: DbIndex, items: string[]): Dimension => {
    const resolved: DxItem[] = []
    const seen = new Set<string>()
    for (const id of items) {
        if (seen.has(id)) continue
        const item = resolveDxItem(index, id)
        if (item) {
            seen.add(id)
            resolved.push(item)
        }
    }
    if (resolved.length === 0) throw new AnalyticsError('E7124', 'dx')
    return { id: 'dx', items: resolved, keywords: [] }
}

const compileOrNull = (expression: string): CompiledExpression | null => {
    try {
        return compileExpression(expression)
    } catch {
        return null
    }
}

/** `DimensionService.getDataDimensionalItemObject` for the item kinds the demo holds. */
const resolveDxItem = (index: DbIndex, id: string): DxItem | null => {
    const dot = id.indexOf('.')
    if (dot < 0) {
        const dataElement = index.dataElements.get(id)
        if (dataElement) return { kind: 'DATA_ELEMENT', id, dataElement }
        const indicator = index.indicators.get(id)
        if (indicator) {
            return {
                kind: 'INDICATOR',
                id,
                indicator,
                indicatorType: index.indicatorTypes.get(indicator.indicatorTypeId),
                numerator: compileOrNull(indicator.numerator),
                denominator: compileOrNull(indicator.denominator),
            }
        }
        return null
    }
    const first = id.slice(0, dot)
    const second = id.slice(dot + 1)
    const dataElement = index.dataElements.get(first)
    const coc = index.categoryOptionCombos.get(second)
    if (dataElement && coc) return { kind: 'DATA_ELEMENT_OPERAND', id, dataElement, coc }
    const dataSet = index.dataSets.get(first)?.dataSet
    if (dataSet && (METRICS as readonly string[]).includes(second)) {
        return { kind: 'REPORTING_RATE', id, dataSet, metric: second as Metric }
    }
    return null
}

const resolvePe = (
    items: string[],
    date: CalendarDate,
    version: string,
    context: RelativePeriodContext
): Dimension => {
    const periods: Period[] = []
    const keywords: Keyword[] = []
    let relative = false
    for (const item of items) {
        const rel = RELATIVE_PERIODS[item]
        if (rel) {
            relative = true
            keywords.push({ key: item, name: rel.name })
            periods.push(...rel.expand(date, context))
            continue
        }
        const period = parsePeriod(item)
        if (period) periods.push(period)
        else if (invalidPeriodIsE7611(version)) throw new AnalyticsError('E7611', item)
    }
    const unique = new Map<string, Period>()
    for (const p of periods) if (!unique.has(p.id)) unique.set(p.id, p)
    const list = [...unique.values()]
    if (relative) list.sort(comparePeriods)
    return { id: 'pe', items: list, keywords }
}

/** `DimensionalObjectProducer.getOrgUnitDimension` / `getOrgUnitDimensionItems`. */
const resolveOu = (
    index: DbIndex,
    items: string[],
    userOrgUnits: number[],
    displayProperty: DisplayProperty,
    version: string
): Dimension => {
    const boundaries: number[] = []
    const levels: number[] = []
    const groups: string[] = []
    for (const item of items) {
        if (item === 'USER_ORGUNIT' && userOrgUnits.length > 0) {
            boundaries.push(...userOrgUnits)
        } else if (item === 'USER_ORGUNIT_CHILDREN' && userOrgUnits.length > 0) {
            for (const u of userOrgUnits) boundaries.push(...index.childrenOf(u))
        } else if (item === 'USER_ORGUNIT_GRANDCHILDREN' && userOrgUnits.length > 0) {
            for (const u of userOrgUnits)
                for (const c of index.childrenOf(u)) boundaries.push(...index.childrenOf(c))
        } else if (item.startsWith('LEVEL-')) {
            const value = item.slice('LEVEL-'.length)
            const level = /^\d+$/.test(value)
                ? Number(value)
                : UID_PATTERN.test(value)
                  ? index.levelById.get(value)
                  : undefined
            if (level !== undefined && level > 0) levels.push(level)
        } else if (item.startsWith('OU_GROUP-')) {
            const id = item.slice('OU_GROUP-'.length)
            if (index.orgUnitGroups.has(id)) groups.push(id)
        } else if (UID_PATTERN.test(item)) {
            const u = index.unitIndex.get(item)
            if (u !== undefined) boundaries.push(u)
        }
    }
    const ous = sortedUnique(boundaries)
    const keywords: Keyword[] = []
    let result: number[] = []
    if (levels.length > 0) {
        // `getOrganisationUnitsAtLevels(levels, boundaries)`: the roots when there is no boundary
        const parents = new Set(ous.length > 0 ? ous : index.roots)
        const atLevels = new Set<number>()
        for (const level of levels) {
            for (const u of index.unitsByLevel[level] ?? []) {
                if (index.withinAny(u, parents)) atLevels.add(u)
            }
            const meta = index.levelByNumber.get(level)
            if (meta) keywords.push({ key: meta.id, uid: meta.id, name: meta.name })
        }
        result.push(...[...atLevels].sort(index.compareUnits))
    }
    if (groups.length > 0) {
        // `getOrganisationUnits(groups, boundaries)`: members within the boundaries (all without)
        const members = new Set<number>()
        const boundarySet = new Set(ous)
        for (const id of sortedUnique(groups)) {
            const entry = index.orgUnitGroups.get(id)
            if (!entry) continue
            for (const u of entry.members) {
                if (ous.length === 0 || index.withinAny(u, boundarySet)) members.add(u)
            }
            const g = entry.group
            keywords.push({
                key: g.id,
                uid: g.id,
                code: g.code,
                name: displayProperty === 'SHORTNAME' ? g.shortName : g.name,
            })
        }
        result.push(...[...members].sort(index.compareUnits))
    }
    if (levels.length > 0 || groups.length > 0) {
        // With levels or groups, the org units are boundaries, added as keywords
        for (const u of ous) {
            const unit = index.unit(u)
            keywords.push({
                key: unit.id,
                uid: unit.id,
                code: unit.code,
                name: displayProperty === 'SHORTNAME' ? unit.shortName : unit.name,
            })
        }
    } else {
        result = ous
    }
    if (result.length === 0) {
        throw orgUnitErrorIsE7143(version)
            ? new AnalyticsError('E7143')
            : new AnalyticsError('E7124', 'ou')
    }
    return { id: 'ou', items: sortedUnique(result), keywords, constraint: false }
}

const dxItems = (dims: Dimension[]): DxItem[] => dims.flatMap((d) => (d.id === 'dx' ? d.items : []))

/** `DefaultQueryValidator.validateForErrorMessage`, keeping its precedence of errors. */
const validate = (query: AnalyticsQuery): void => {
    const { dimensions, filters } = query
    const all = [...dimensions, ...filters]
    const allDx = dxItems(all)
    const filterDx = dxItems(filters)
    const dataElements = allDx.filter((i) => i.kind === 'DATA_ELEMENT')
    let error: AnalyticsError | null = null

    if (dimensions.length === 0) {
        error = new AnalyticsError('E7101')
    } else if (!query.skipData && allDx.length === 0) {
        error = new AnalyticsError('E7102')
    } else {
        const asFilters = dimensions.filter((d) =>
            filters.some((f) => dimensionKey(f) === dimensionKey(d))
        )
        if (asFilters.length > 0)
            error = new AnalyticsError('E7103', javaList(asFilters.map(dimensionKey)))
    }

    const seen = new Set<string>()
    const duplicates = new Set<string>()
    for (const d of dimensions) {
        if (seen.has(dimensionKey(d))) duplicates.add(dimensionKey(d))
        seen.add(dimensionKey(d))
    }
    const hasPeriods = all.some((d) => d.id === 'pe' && d.items.length > 0)
    const hasCo = all.some((d) => d.id === 'co')
    const nonAggregatable = dataElements
        .map((i) => i.dataElement)
        .filter((de) => de.aggregationType === 'NONE')
        .map((de) => de.id)

    if (!hasPeriods) {
        error = new AnalyticsError('E7104')
    } else if (filterDx.some((i) => i.kind === 'INDICATOR') && filterDx.length > 1) {
        error = new AnalyticsError('E7108')
    } else if (filterDx.some((i) => i.kind === 'REPORTING_RATE') && filterDx.length > 1) {
        error = new AnalyticsError('E7109')
    } else if (filters.some((d) => d.id === 'co')) {
        error = new AnalyticsError('E7110')
    } else if (duplicates.size > 0) {
        error = new AnalyticsError('E7111', javaList([...duplicates]))
    } else if (allDx.some((i) => i.kind === 'REPORTING_RATE') && hasCo) {
        error = new AnalyticsError(
            'E7112',
            javaList([
                'DATA_X',
                'PERIOD',
                'ORGANISATION_UNIT',
                'ORGANISATION_UNIT_GROUP_SET',
                'CATEGORY_OPTION_GROUP_SET',
                'CATEGORY',
            ])
        )
    } else if (hasCo && dataElements.length === 0) {
        error = new AnalyticsError('E7113')
    } else if (hasCo && dataElements.length !== allDx.length) {
        error = new AnalyticsError('E7114')
    } else if (nonAggregatable.length > 0) {
        error = new AnalyticsError('E7115', javaList(nonAggregatable))
    }
    if (error) throw error
}

/** `QueryValidator.validateTableLayout`: `columns` / `rows` must name query dimensions. */
const validateLayout = (query: AnalyticsQuery, params: URLSearchParams): void => {
    const has = (id: string): boolean => query.dimensions.some((d) => dimensionKey(d) === id)
    let error: AnalyticsError | null = null
    for (const column of javaSplit(params.get('columns') ?? '', ';')) {
        if (!has(column)) error = new AnalyticsError('E7126', column)
    }
    for (const row of javaSplit(params.get('rows') ?? '', ';')) {
        if (!has(row)) error = new AnalyticsError('E7127', row)
    }
    if (error) throw error
}

export const todayOf = (date: Date): CalendarDate => calendarDateOf(date)
