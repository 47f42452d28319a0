/**
 * The demo DHIS2's in-memory database: metadata and data values of a generated country.
 *
 * This file is the contract between the country generator (`generate.ts`), the metadata and
 * analytics endpoints, and the platform part of the server (users, auth, dataStore, apps).
 * Data values are stored densely in typed arrays so that national analytics queries over
 * 6,000+ facilities stay fast.
 */

export type PeriodType = 'Monthly' | 'Quarterly' | 'Yearly'

/**
 * DHIS2 aggregation types the demo supports (same names as DHIS2's `AggregationType`, dhis2-core
 * `dhis-api/.../analytics/AggregationType.java`), as a data element's `aggregationType` and as the
 * `aggregationType` request parameter of `/api/analytics` (see `analytics/query.ts`).
 */
export type AggregationType =
    | 'SUM'
    | 'AVERAGE'
    | 'AVERAGE_SUM_ORG_UNIT'
    | 'LAST'
    | 'LAST_AVERAGE_ORG_UNIT'
    | 'LAST_IN_PERIOD'
    | 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT'
    | 'COUNT'
    | 'MIN'
    | 'MAX'
    | 'MIN_SUM_ORG_UNIT'
    | 'MAX_SUM_ORG_UNIT'
    | 'NONE'

export interface OrgUnit {
    id: string
    code: string
    name: string
    shortName: string
    /** 1 = national */
    level: number
    parentId: string | null
    /** `/rootId/.../id`, as DHIS2 */
    path: string
    /** ISO date, e.g. `1994-01-01T00:00:00.000` */
    openingDate: string
    childIds: string[]
    /** Position in `DemoDb.orgUnits`; also the row index of facility-level value arrays when level = facility level. */
    index: number
}

export interface OrgUnitLevel {
    id: string
    name: string
    level: number
}

export interface CategoryOption {
    id: string
    code: string
    name: string
}

export interface Category {
    id: string
    code: string
    name: string
    categoryOptionIds: string[]
}

export interface CategoryOptionCombo {
    id: string
    code: string
    name: string
    categoryComboId: string
    categoryOptionIds: string[]
}

export interface CategoryCombo {
    id: string
    code: string
    name: string
    /** DHIS2's default category combo has name `default` */
    isDefault: boolean
    categoryIds: string[]
    categoryOptionComboIds: string[]
}

export interface DataElement {
    id: string
    code: string
    name: string
    shortName: string
    formName?: string
    valueType: 'NUMBER' | 'INTEGER' | 'INTEGER_ZERO_OR_POSITIVE'
    aggregationType: AggregationType
    domainType: 'AGGREGATE'
    categoryComboId: string
    zeroIsSignificant: boolean
    /** Free-text description, shown in metadata responses */
    description?: string
}

export interface IndicatorType {
    id: string
    name: string
    factor: number
}

export interface Indicator {
    id: string
    code: string
    name: string
    shortName: string
    /** DHIS2 expression, e.g. `#{deUid}` or `#{deUid.cocUid}` combined with + - * / and numbers */
    numerator: string
    numeratorDescription: string
    denominator: string
    denominatorDescription: string
    indicatorTypeId: string
}

export interface DataSet {
    id: string
    code: string
    name: string
    shortName: string
    periodType: PeriodType
    dataElementIds: string[]
    /** Facilities assigned to the data set (DHIS2 `organisationUnits`) */
    orgUnitIds: string[]
    /** Days after the period end by which a report counts as on time (DHIS2 `timelyDays`) */
    timelyDays: number
}

/** A fixed DHIS2 period the demo holds data for, e.g. `202401` or `2024Q1`. */
export interface StoredPeriod {
    id: string
    periodType: PeriodType
    /** ISO dates, inclusive */
    startDate: string
    endDate: string
}

/**
 * Values of one data element + category option combo, per facility and period:
 * `values[facilitySlot * periods.length + periodIndex]`, `NaN` where no value is stored.
 * A stored zero is `0`. The periods are those of `DemoDb.periodsByType[periodType]`.
 * Generated as doubles; a series whose values are all exact in single precision (counts: every
 * value the generator makes) is then held in a `Float32Array`, half the memory (`compactValues`).
 */
export interface ValueSeries {
    dataElementId: string
    categoryOptionComboId: string
    periodType: PeriodType
    values: Float64Array | Float32Array
}

/**
 * The values in a `Float32Array` when every one of them reads back the same from single precision
 * (`NaN` included), else the array as it is. A national country's series are 6,000 facilities ×
 * 46 months each, 170 of them: 263 MB as doubles, 132 MB as singles.
 */
export const compactValues = (values: Float64Array | Float32Array): Float64Array | Float32Array => {
    if (values instanceof Float32Array) return values
    for (let i = 0; i < values.length; i++) {
        const value = values[i] as number
        if (Math.fround(value) !== value && !Number.isNaN(value)) return values
    }
    return Float32Array.from(values)
}

/**
 * Complete data set registrations of one data set, per facility and period of the data set's period
 * type: `0` = no report, `1` = reported on time, `2` = reported late (after timelyDays).
 * `registrations[facilitySlot * periods.length + periodIndex]`.
 */
export interface Registrations {
    dataSetId: string
    periodType: PeriodType
    registrations: Uint8Array
}

/** A DHIS2 organisation unit group (e.g. facility type, LMIS reporting group A/B/C) */
export interface OrgUnitGroup {
    id: string
    code: string
    name: string
    shortName: string
    orgUnitIds: string[]
}

/** A DHIS2 organisation unit group set: a dimension made of exclusive groups */
export interface OrgUnitGroupSet {
    id: string
    code: string
    name: string
    description?: string
    organisationUnitGroupIds: string[]
}

export interface DemoDb {
    /** Seed and parameters the country was generated from */
    seed: number
    /** Ordered from national to facilities; `orgUnits[0]` is the root */
    orgUnits: OrgUnit[]
    orgUnitById: Map<string, OrgUnit>
    orgUnitLevels: OrgUnitLevel[]
    /** Facilities (deepest level) in slot order: the row index used by `ValueSeries` and `Registrations` */
    facilities: OrgUnit[]
    facilitySlot: Map<string, number>
    categoryOptions: CategoryOption[]
    categories: Category[]
    categoryCombos: CategoryCombo[]
    categoryOptionCombos: CategoryOptionCombo[]
    dataElements: DataElement[]
    indicatorTypes: IndicatorType[]
    indicators: Indicator[]
    dataSets: DataSet[]
    /** Periods with data, per period type, in time order */
    periodsByType: Record<PeriodType, StoredPeriod[]>
    /** Keyed by `${dataElementId}.${categoryOptionComboId}` */
    series: Map<string, ValueSeries>
    /** Keyed by data set id */
    registrations: Map<string, Registrations>
    /** Organisation unit groups (optional: facility type, LMIS reporting group) */
    organisationUnitGroups?: OrgUnitGroup[]
    organisationUnitGroupSets?: OrgUnitGroupSet[]
}
