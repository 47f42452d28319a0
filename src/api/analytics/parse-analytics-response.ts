import i18n from '@dhis2/d2-i18n'
import { z } from 'zod'
import type {
    AnalyticsCell,
    AnalyticsCells,
    AnalyticsCoordinates,
    AnalyticsHeader,
    AnalyticsItem,
    AnalyticsRow,
    AnalyticsTable,
    DisplayNameOptions,
    ValueColumn,
} from './types'
import { VALUE_COLUMNS } from './types'

const headerSchema = z
    .object({
        name: z.string().min(1),
        column: z.string().optional(),
        valueType: z.string().optional(),
        type: z.string().optional(),
        hidden: z.boolean().optional(),
        meta: z.boolean().optional(),
    })
    .passthrough()

/** Where `rows` is not arrays of strings, numbers or nulls (the first few places) */
const badCells = (rows: readonly unknown[]): { path: (string | number)[]; message: string }[] => {
    const found: { path: (string | number)[]; message: string }[] = []
    for (let r = 0; r < rows.length && found.length < 10; r++) {
        const row = rows[r]
        if (!Array.isArray(row)) {
            found.push({ path: ['rows', r], message: 'Expected array' })
            continue
        }
        for (let c = 0; c < row.length && found.length < 10; c++) {
            const cell: unknown = row[c]
            if (cell !== null && typeof cell !== 'string' && typeof cell !== 'number') {
                found.push({ path: ['rows', r, c], message: 'Expected string, number or null' })
            }
        }
    }
    return found
}

const itemSchema = z
    .object({
        uid: z.string().optional(),
        name: z.string().optional(),
        code: z.string().nullable().optional(),
        dimensionItemType: z.string().optional(),
        dimensionType: z.string().optional(),
        valueType: z.string().optional(),
        aggregationType: z.string().optional(),
        totalAggregationType: z.string().optional(),
        startDate: z.string().optional(),
        endDate: z.string().optional(),
    })
    .passthrough()

const metaDataSchema = z
    .object({
        items: z.record(itemSchema).default({}),
        dimensions: z.record(z.array(z.string())).default({}),
        ouHierarchy: z.record(z.string()).optional(),
        ouNameHierarchy: z.record(z.string()).optional(),
    })
    .passthrough()

const responseSchema = z
    .object({
        headers: z.array(headerSchema).optional(),
        // Checked by hand: a scan's responses hold hundreds of thousands of cells, and a schema
        // union per cell costs more than everything else the parser does
        rows: z.custom<AnalyticsCell[][]>((value) => Array.isArray(value), {
            message: 'Expected array',
        }),
        metaData: metaDataSchema.optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        headerWidth: z.number().optional(),
    })
    .passthrough()
    .superRefine((response, ctx) => {
        const cells = badCells(response.rows)
        for (const issue of cells) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue })
        if (cells.length) return
        const headers = response.headers ?? []
        if (headers.length === 0) {
            if (response.rows.length > 0) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ['headers'],
                    message: 'rows are present but headers are missing',
                })
            }
            return
        }
        if (!headers.some((header) => header.name === 'value')) {
            ctx.addIssue({
                code: z.ZodIssueCode.custom,
                path: ['headers'],
                message: 'no "value" column',
            })
        }
        const names = new Set<string>()
        headers.forEach((header, index) => {
            if (names.has(header.name)) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ['headers', index, 'name'],
                    message: `duplicate column "${header.name}"`,
                })
            }
            names.add(header.name)
        })
        response.rows.forEach((row, index) => {
            if (row.length !== headers.length) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ['rows', index],
                    message: `${row.length} cells for ${headers.length} headers`,
                })
            }
        })
    })

/** What the response schema found wrong: where (e.g. `rows.3`) and what. */
export interface AnalyticsResponseIssue {
    path: string
    message: string
}

/** Thrown by `parseAnalyticsResponse` when the JSON is not an analytics response. */
export class AnalyticsResponseError extends Error {
    readonly issues: readonly AnalyticsResponseIssue[]

    constructor(issues: readonly AnalyticsResponseIssue[]) {
        const shown = issues
            .slice(0, 5)
            .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
            .join('; ')
        const more = issues.length > 5 ? ` (+${issues.length - 5})` : ''
        super(
            i18n.t('The analytics response from the server has an unexpected shape – {{details}}', {
                details: shown + more,
                interpolation: { escapeValue: false },
            })
        )
        this.name = 'AnalyticsResponseError'
        this.issues = issues
    }
}

/** A number from a cell: "" and non-numeric text give `null`. */
export const parseAnalyticsNumber = (cell: AnalyticsCell | undefined): number | null => {
    if (cell === null || cell === undefined) {
        return null
    }
    if (typeof cell === 'number') {
        return Number.isFinite(cell) ? cell : null
    }
    const text = cell.trim()
    if (text === '') {
        return null
    }
    const number = Number(text)
    return Number.isFinite(number) ? number : null
}

/** Splits a `/`-separated path (`/A/B/C` or `A/B/C`) into its non-empty parts. */
const splitPath = (path: string): string[] => path.split('/').filter((part) => part.length > 0)

const KEY_SEPARATOR = '\u001f'

const toHeader = (raw: z.infer<typeof headerSchema>): AnalyticsHeader => ({
    name: raw.name,
    column: raw.column ?? raw.name,
    valueType: raw.valueType ?? '',
    type: raw.type ?? '',
    hidden: raw.hidden ?? false,
    meta: raw.meta ?? false,
})

const toItem = (id: string, raw: z.infer<typeof itemSchema>): AnalyticsItem => {
    const item: AnalyticsItem = { uid: raw.uid ?? id, name: raw.name ?? id }
    if (typeof raw.code === 'string') item.code = raw.code
    if (raw.dimensionItemType !== undefined) item.dimensionItemType = raw.dimensionItemType
    if (raw.dimensionType !== undefined) item.dimensionType = raw.dimensionType
    if (raw.valueType !== undefined) item.valueType = raw.valueType
    if (raw.aggregationType !== undefined) item.aggregationType = raw.aggregationType
    if (raw.totalAggregationType !== undefined) {
        item.totalAggregationType = raw.totalAggregationType
    }
    if (raw.startDate !== undefined) item.startDate = raw.startDate
    if (raw.endDate !== undefined) item.endDate = raw.endDate
    return item
}

/** A dimension cell as an item id (`''` where none) */
export const dimensionItem = (cell: AnalyticsCell | undefined): string =>
    cell === null || cell === undefined ? '' : String(cell)

const isValueColumn = (name: string): name is ValueColumn =>
    (VALUE_COLUMNS as readonly string[]).includes(name)

class ParsedAnalyticsTable implements AnalyticsTable {
    readonly headers: readonly AnalyticsHeader[]
    readonly dimensions: readonly string[]
    readonly items: Readonly<Record<string, AnalyticsItem>>
    readonly dimensionItems: Readonly<Record<string, readonly string[]>>
    readonly ouHierarchy: Readonly<Record<string, readonly string[]>>
    readonly ouNameHierarchy: Readonly<Record<string, readonly string[]>>
    readonly hasMetaData: boolean
    /** Rows by their dimension items, built on the first lookup (a scan merges tables instead) */
    private index: Map<string, AnalyticsRow> | null = null
    private readonly idsInRows = new Map<string, string[]>()
    readonly cells: AnalyticsCells
    private readonly columns: Readonly<Record<ValueColumn, number>>
    private readRows: readonly AnalyticsRow[] | null = null

    /**
     * The rows, read on first use: a scan folds its tables' values from `cells` without them,
     * an object and its dimension record per row (hundreds of thousands per national scan)
     */
    get rows(): readonly AnalyticsRow[] {
        if (this.readRows) return this.readRows
        const { columns } = this
        const { rows: cellRows, dimensionColumns } = this.cells
        const numberAt = (cells: readonly AnalyticsCell[], column: number): number | null =>
            column < 0 ? null : parseAnalyticsNumber(cells[column])
        const dimensionCount = this.dimensions.length
        const dimensionNames = this.dimensions
        const rows: AnalyticsRow[] = new Array(cellRows.length)
        for (let r = 0; r < cellRows.length; r++) {
            const cells = cellRows[r] as readonly AnalyticsCell[]
            const dims: Record<string, string> = {}
            for (let d = 0; d < dimensionCount; d++) {
                dims[dimensionNames[d] as string] = dimensionItem(cells[dimensionColumns[d] ?? -1])
            }
            const rawCell = columns.value < 0 ? null : cells[columns.value]
            rows[r] = {
                dims,
                value: numberAt(cells, columns.value),
                rawValue:
                    rawCell === null || rawCell === undefined || rawCell === ''
                        ? null
                        : String(rawCell),
                numerator: numberAt(cells, columns.numerator),
                denominator: numberAt(cells, columns.denominator),
                factor: numberAt(cells, columns.factor),
                multiplier: numberAt(cells, columns.multiplier),
                divisor: numberAt(cells, columns.divisor),
            }
        }
        this.readRows = rows
        return rows
    }

    constructor(response: z.infer<typeof responseSchema>) {
        this.headers = (response.headers ?? []).map(toHeader)
        this.dimensions = this.headers
            .map((header) => header.name)
            .filter((name) => !isValueColumn(name))

        const columnOf = (name: string): number =>
            this.headers.findIndex((header) => header.name === name)
        this.columns = {
            value: columnOf('value'),
            numerator: columnOf('numerator'),
            denominator: columnOf('denominator'),
            factor: columnOf('factor'),
            multiplier: columnOf('multiplier'),
            divisor: columnOf('divisor'),
        }
        this.cells = {
            rows: response.rows,
            dimensionColumns: this.dimensions.map((name) => columnOf(name)),
            valueColumn: this.columns.value,
        }

        const metaData = response.metaData
        this.hasMetaData = metaData !== undefined
        const items: Record<string, AnalyticsItem> = {}
        for (const [id, raw] of Object.entries(metaData?.items ?? {})) {
            items[id] = toItem(id, raw)
        }
        this.items = items
        this.dimensionItems = metaData?.dimensions ?? {}

        const ouHierarchy: Record<string, string[]> = {}
        for (const [id, path] of Object.entries(metaData?.ouHierarchy ?? {})) {
            const ancestors = splitPath(path)
            // The path is the ancestors' ids; drop the org unit itself should a server include it.
            if (ancestors[ancestors.length - 1] === id) {
                ancestors.pop()
            }
            ouHierarchy[id] = ancestors
        }
        this.ouHierarchy = ouHierarchy

        const ouNameHierarchy: Record<string, string[]> = {}
        for (const [id, path] of Object.entries(metaData?.ouNameHierarchy ?? {})) {
            ouNameHierarchy[id] = splitPath(path)
        }
        this.ouNameHierarchy = ouNameHierarchy
    }

    private keyOf(coordinates: AnalyticsCoordinates): string | undefined {
        const parts: string[] = []
        for (const name of this.dimensions) {
            const item = coordinates[name]
            if (item === undefined) {
                return undefined
            }
            parts.push(item)
        }
        return parts.join(KEY_SEPARATOR)
    }

    private rowIndex(): Map<string, AnalyticsRow> {
        if (!this.index) {
            const index = new Map<string, AnalyticsRow>()
            for (const row of this.rows) {
                const key = this.dimensions.map((name) => row.dims[name]).join(KEY_SEPARATOR)
                // The first row of a cell wins, should a server repeat one
                if (!index.has(key)) index.set(key, row)
            }
            this.index = index
        }
        return this.index
    }

    row(coordinates: AnalyticsCoordinates): AnalyticsRow | undefined {
        const key = this.keyOf(coordinates)
        return key === undefined ? undefined : this.rowIndex().get(key)
    }

    valueAt(coordinates: AnalyticsCoordinates): number | null {
        return this.row(coordinates)?.value ?? null
    }

    value(dx: string, pe: string, ou?: string, other?: AnalyticsCoordinates): number | null {
        // The common case (dx, pe, ou and nothing else), read many thousand times for the stock
        // status of every facility: the key without building coordinates
        if (other === undefined && ou !== undefined && this.dxPeOu()) {
            const parts = this.dimensions.map((name) =>
                name === 'dx' ? dx : name === 'pe' ? pe : ou
            )
            return this.rowIndex().get(parts.join(KEY_SEPARATOR))?.value ?? null
        }
        return this.valueAt({ ...other, dx, pe, ou })
    }

    private dxPeOuOnly: boolean | null = null
    /** Whether the table's dimensions are exactly dx, pe and ou (in any order) */
    private dxPeOu(): boolean {
        this.dxPeOuOnly ??=
            this.dimensions.length === 3 &&
            ['dx', 'pe', 'ou'].every((name) => this.dimensions.includes(name))
        return this.dxPeOuOnly
    }

    rowsWhere(coordinates: AnalyticsCoordinates): AnalyticsRow[] {
        const conditions = this.dimensions
            .map((name) => [name, coordinates[name]] as const)
            .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
        return this.rows.filter((row) =>
            conditions.every(([name, item]) => row.dims[name] === item)
        )
    }

    itemName(id: string): string | undefined {
        return this.items[id]?.name
    }

    displayName(id: string, options: DisplayNameOptions = {}): string {
        if (options.hierarchy) {
            const path = this.ouNameHierarchy[id]
            if (path && path.length > 0) {
                return path.join(options.separator ?? ' / ')
            }
        }
        return this.itemName(id) ?? id
    }

    itemIds(dimension: string): readonly string[] {
        const fromMetaData = this.dimensionItems[dimension]
        if (fromMetaData) {
            return fromMetaData
        }
        const cached = this.idsInRows.get(dimension)
        if (cached) {
            return cached
        }
        const ids = [...new Set(this.rows.map((row) => row.dims[dimension]))].filter(
            (id): id is string => id !== undefined
        )
        this.idsInRows.set(dimension, ids)
        return ids
    }
}

/**
 * Reads a DHIS2 analytics response (`/api/analytics`, JSON). Columns are found by header name, so
 * the column order and the optional numerator/denominator columns do not matter.
 *
 * @throws AnalyticsResponseError when the JSON does not have the shape of an analytics response
 */
export const parseAnalyticsResponse = (json: unknown): AnalyticsTable => {
    const result = responseSchema.safeParse(json)
    if (!result.success) {
        throw new AnalyticsResponseError(
            result.error.issues.map((issue) => ({
                path: issue.path.join('.'),
                message: issue.message,
            }))
        )
    }
    return new ParsedAnalyticsTable(result.data)
}

/**
 * The values of one data item by period, e.g. to align a series: `{ '202401': 12, '202402': null }`.
 * `coordinates` fixes the other dimension columns (`ou`, `co`...); periods without a row are absent.
 */
export const valuesByPeriod = (
    table: AnalyticsTable,
    dx: string,
    coordinates: AnalyticsCoordinates = {}
): Record<string, number | null> => {
    const values: Record<string, number | null> = {}
    for (const row of table.rowsWhere({ ...coordinates, dx, pe: undefined })) {
        const period = row.dims.pe
        if (period !== undefined && !(period in values)) {
            values[period] = row.value
        }
    }
    return values
}
