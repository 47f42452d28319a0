import type {
    AnalyticsCoordinates,
    AnalyticsHeader,
    AnalyticsItem,
    AnalyticsRow,
    AnalyticsTable,
    DisplayNameOptions,
} from '../../api/analytics'

/** Dimensions of a row besides `dx`/`pe`/`ou` (e.g. an org unit group set), as one key */
const otherKey = (dims: Readonly<Record<string, string | undefined>>): string =>
    Object.entries(dims)
        .filter(([name, item]) => name !== 'dx' && name !== 'pe' && name !== 'ou' && item)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, item]) => `${name}=${item}`)
        .join('&')

/**
 * Several analytics tables of one scan (chunks of `dx`, monthly and quarterly requests) read as
 * one: values by `dx`/`pe`/`ou` and any other dimension column (a group set of staggered reporting
 * groups: `value(dx, pe, ou, { [groupSet]: group })`), names, dimension items in first-seen order
 * and org unit hierarchies merged. The first value found for a cell wins.
 *
 * Cells are indexed by nested maps (`dx` → `ou` → `pe`): a scan reads every item of every pair
 * for every org unit and period, hundreds of thousands of lookups that should not build a string
 * key each.
 */
export const mergeTables = (tables: readonly AnalyticsTable[]): AnalyticsTable => {
    const index = new Map<string, Map<string, Map<string, AnalyticsRow>>>()
    const rows: AnalyticsRow[] = []
    const items: Record<string, AnalyticsItem> = {}
    const dimensionItems: Record<string, string[]> = {}
    const ouHierarchy: Record<string, readonly string[]> = {}
    const ouNameHierarchy: Record<string, readonly string[]> = {}
    const headers: AnalyticsHeader[] = []
    const dimensions: string[] = []
    for (const table of tables) {
        for (const header of table.headers) {
            if (!headers.some((h) => h.name === header.name)) headers.push(header)
        }
        for (const dimension of table.dimensions) {
            if (!dimensions.includes(dimension)) dimensions.push(dimension)
        }
        for (const row of table.rows) {
            rows.push(row)
            const { dx = '', pe = '', ou = '' } = row.dims
            const other = otherKey(row.dims)
            const key = other ? `${pe}|${other}` : pe
            let byOrgUnit = index.get(dx)
            if (!byOrgUnit) index.set(dx, (byOrgUnit = new Map()))
            let byPeriod = byOrgUnit.get(ou)
            if (!byPeriod) byOrgUnit.set(ou, (byPeriod = new Map()))
            if (!byPeriod.has(key)) byPeriod.set(key, row)
        }
        for (const [id, item] of Object.entries(table.items)) items[id] ??= item
        for (const [dimension, ids] of Object.entries(table.dimensionItems)) {
            const list = (dimensionItems[dimension] ??= [])
            const seen = new Set(list)
            for (const id of ids) if (!seen.has(id)) list.push(id)
        }
        for (const [id, path] of Object.entries(table.ouHierarchy)) ouHierarchy[id] ??= path
        for (const [id, path] of Object.entries(table.ouNameHierarchy)) {
            ouNameHierarchy[id] ??= path
        }
    }
    const cell = (
        dx?: string,
        pe?: string,
        ou?: string,
        other?: AnalyticsCoordinates
    ): AnalyticsRow | undefined => {
        const extra = other ? otherKey(other) : ''
        return index
            .get(dx ?? '')
            ?.get(ou ?? '')
            ?.get(extra ? `${pe ?? ''}|${extra}` : (pe ?? ''))
    }
    const row = (coordinates: AnalyticsCoordinates): AnalyticsRow | undefined =>
        cell(coordinates.dx, coordinates.pe, coordinates.ou, coordinates)
    const itemName = (id: string): string | undefined => items[id]?.name
    return {
        headers,
        dimensions,
        rows,
        items,
        dimensionItems,
        ouHierarchy,
        ouNameHierarchy,
        hasMetaData: tables.some((table) => table.hasMetaData),
        value: (dx: string, pe: string, ou?: string, other?: AnalyticsCoordinates) =>
            cell(dx, pe, ou, other)?.value ?? null,
        valueAt: (coordinates: AnalyticsCoordinates) => row(coordinates)?.value ?? null,
        row,
        rowsWhere: (coordinates: AnalyticsCoordinates) =>
            rows.filter((r) =>
                Object.entries(coordinates).every(
                    ([name, item]) => item === undefined || r.dims[name] === item
                )
            ),
        itemName,
        displayName: (id: string, options: DisplayNameOptions = {}) => {
            const path = options.hierarchy ? ouNameHierarchy[id] : undefined
            if (path && path.length > 0) return path.join(options.separator ?? ' / ')
            return itemName(id) ?? id
        },
        itemIds: (dimension: string) =>
            dimensionItems[dimension] ?? [
                ...new Set(rows.map((r) => r.dims[dimension]).filter((id): id is string => !!id)),
            ],
    }
}
