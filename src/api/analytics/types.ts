/**
 * A DHIS2 `/api/analytics` response (aggregate analytics, JSON), as the app reads it.
 *
 * The server sends a table: `headers` name the columns (dimension columns such as `dx`, `pe`,
 * `ou`, `co` or a dynamic dimension's uid, then value columns `value`, `numerator`,
 * `denominator`, `factor`, `multiplier`, `divisor` when `includeNumDen=true`); `rows` are arrays
 * of strings in that column order, numbers included ("671.0"), with "" for an empty value.
 * `metaData.items` holds names, `metaData.dimensions` the item ids per dimension in the order the
 * server resolved them; `metaData.ouHierarchy` (with `hierarchyMeta=true`) the ancestor path of
 * each org unit and `metaData.ouNameHierarchy` (with `showHierarchy=true`) its name path.
 */

/** One cell of a raw row. DHIS2 sends strings; numbers and null are accepted defensively. */
export type AnalyticsCell = string | number | null

export interface AnalyticsHeader {
    name: string
    column: string
    valueType: string
    type: string
    hidden: boolean
    meta: boolean
}

/** An entry of `metaData.items`: a dimension item (data item, period, org unit...) or a dimension. */
export interface AnalyticsItem {
    uid: string
    name: string
    code?: string
    dimensionItemType?: string
    dimensionType?: string
    valueType?: string
    aggregationType?: string
    totalAggregationType?: string
    /** Periods only, e.g. `2019-07-01T00:00:00.000` */
    startDate?: string
    endDate?: string
}

/** The value columns of an aggregate analytics response; every other column is a dimension. */
export const VALUE_COLUMNS = [
    'value',
    'numerator',
    'denominator',
    'factor',
    'multiplier',
    'divisor',
] as const
export type ValueColumn = (typeof VALUE_COLUMNS)[number]

/** A parsed row: its dimension items and its numbers (`null` where the server sent ""). */
export interface AnalyticsRow {
    /** Item id per dimension column, e.g. `{ dx: 'fbfJHSPpUQD', pe: '201907', ou: 'ImspTQPwCqd' }` */
    readonly dims: Readonly<Record<string, string>>
    readonly value: number | null
    /** The value as sent, for non-numeric value types; `null` for "" */
    readonly rawValue: string | null
    readonly numerator: number | null
    readonly denominator: number | null
    readonly factor: number | null
    readonly multiplier: number | null
    readonly divisor: number | null
}

/**
 * Dimension items that locate a row, by dimension id. Dimensions the response has no column for
 * (filters) are ignored; every dimension column of the response must be given to find a row.
 */
export type AnalyticsCoordinates = Readonly<Record<string, string | undefined>>

export interface DisplayNameOptions {
    /** Use the org unit's name path (`showHierarchy=true`), e.g. `Sierra Leone / Bo / Kakua` */
    hierarchy?: boolean
    /** Between the names of the path; default ` / ` */
    separator?: string
}

/** An analytics response's rows as they came (`AnalyticsTable.cells`) */
export interface AnalyticsCells {
    readonly rows: readonly (readonly AnalyticsCell[])[]
    /** The column of each dimension, in `AnalyticsTable.dimensions` order */
    readonly dimensionColumns: readonly number[]
    /** The `value` column; -1 when none */
    readonly valueColumn: number
}

export interface AnalyticsTable {
    readonly headers: readonly AnalyticsHeader[]
    /** Dimension columns of the rows, in header order, e.g. `['dx', 'pe', 'ou']` */
    readonly dimensions: readonly string[]
    readonly rows: readonly AnalyticsRow[]
    /** `metaData.items` (empty without metaData) */
    readonly items: Readonly<Record<string, AnalyticsItem>>
    /** `metaData.dimensions`: item ids per dimension, in the server's order */
    readonly dimensionItems: Readonly<Record<string, readonly string[]>>
    /** Ancestor ids of each org unit, root first, parent last (`hierarchyMeta=true`) */
    readonly ouHierarchy: Readonly<Record<string, readonly string[]>>
    /** Names from the root down to the org unit itself (`showHierarchy=true`) */
    readonly ouNameHierarchy: Readonly<Record<string, readonly string[]>>
    readonly hasMetaData: boolean
    /** The value at `dx`/`pe`/`ou` (+ other dimension columns, e.g. `{ co }`); `null` if none */
    value(dx: string, pe: string, ou?: string, other?: AnalyticsCoordinates): number | null
    /** The value at the given coordinates; `null` when there is no such row or its value is "" */
    valueAt(coordinates: AnalyticsCoordinates): number | null
    /** The row at the given coordinates (every dimension column given) */
    row(coordinates: AnalyticsCoordinates): AnalyticsRow | undefined
    /**
     * The response's rows as they came (arrays of cells), where its dimension columns (in
     * `dimensions` order) and its value column are: a scan folds millions of values from them
     * without reading the rows into objects. Absent from tables not read from a response.
     */
    readonly cells?: AnalyticsCells
    /** Rows matching the given coordinates; dimension columns not given match any item */
    rowsWhere(coordinates: AnalyticsCoordinates): AnalyticsRow[]
    /** `metaData.items[id].name` */
    itemName(id: string): string | undefined
    /** A name to show: the hierarchy path when asked and known, else the name, else the id */
    displayName(id: string, options?: DisplayNameOptions): string
    /**
     * Item ids of a dimension in the server's order (`metaData.dimensions`); without metaData,
     * the order in which they first appear in the rows.
     */
    itemIds(dimension: string): readonly string[]
}
