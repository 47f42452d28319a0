import {
    dimensionItem,
    parseAnalyticsNumber,
    type AnalyticsCoordinates,
    type AnalyticsTable,
} from '../../api/analytics'

/** Dimensions of a row besides `dx`/`pe`/`ou` (e.g. an org unit group set), as one key */
const otherKey = (dims: Readonly<Record<string, string | undefined>>): string => {
    let names: string[] | null = null
    for (const name in dims) {
        if (name !== 'dx' && name !== 'pe' && name !== 'ou' && dims[name]) {
            ;(names ??= []).push(name)
        }
    }
    if (names === null) return ''
    return names
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((name) => `${name}=${dims[name] as string}`)
        .join('&')
}

/**
 * What a scan reads of its analytics tables (`buildScanData`, `buildPairTrend`): values by
 * `dx`/`pe`/`ou` and any other dimension column, names, org unit ids and hierarchies. Not the rows:
 * a region's tables hold hundreds of thousands of them.
 */
export type ScanTable = Pick<
    AnalyticsTable,
    'value' | 'itemName' | 'itemIds' | 'ouHierarchy' | 'ouNameHierarchy'
> & {
    /**
     * One item's values at one org unit, by period (of the rows without other dimensions); what
     * `value(dx, pe, ou)` gives for each period, in one lookup
     */
    periodValues?: (dx: string, ou: string) => ReadonlyMap<string, number | null> | undefined
}

/**
 * Several analytics tables of one scan (chunks of `dx`, monthly and quarterly requests) read as
 * one, folded in one at a time (`add`) so that each parsed response can be dropped as soon as it
 * is in: values by `dx`/`pe`/`ou` and any other dimension column (a group set of staggered
 * reporting groups: `value(dx, pe, ou, { [groupSet]: group })`), names, dimension items in
 * first-seen order and org unit hierarchies merged. The first value found for a cell wins.
 *
 * Only the values are kept, indexed by nested maps (`dx` → `ou` → `pe`): a scan reads every item
 * of every pair for every org unit and period, hundreds of thousands of lookups that should not
 * build a string key each, and the rows themselves (an object and its dimension record each,
 * about 200 bytes) would be most of a region's memory.
 */
export class ScanTableMerger {
    private readonly index = new Map<string, Map<string, Map<string, number | null>>>()
    private readonly items: Record<string, string> = {}
    private readonly dimensionItems: Record<string, string[]> = {}
    private readonly dimensionSeen: Record<string, Set<string>> = {}
    /** Ids per dimension in the order they first appear in rows (for tables without metaData) */
    private readonly rowIds: Record<string, Set<string>> = {}
    private readonly ouHierarchy: Record<string, readonly string[]> = {}
    private readonly ouNameHierarchy: Record<string, readonly string[]> = {}

    /** Folds one table in; its cells already known keep their value. */
    add(table: AnalyticsTable): void {
        const { index } = this
        const dimensions = table.dimensions
        const at = (name: string) => dimensions.indexOf(name)
        const [dxAt, peAt, ouAt] = [at('dx'), at('pe'), at('ou')]
        // Other dimension columns, by name (the key `otherKey` gives), e.g. a group set
        const others = dimensions
            .map((name, column) => ({ name, column }))
            .filter(({ name }) => name !== 'dx' && name !== 'pe' && name !== 'ou')
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        // Ids in row order, only of dimensions the table's metaData does not list (else never read)
        const tracked = dimensions
            .map((name, column) => ({ name, column }))
            .filter(({ name }) => !table.dimensionItems[name])
            .map(({ name, column }) => ({ ids: (this.rowIds[name] ??= new Set()), column }))
        let lastDx: string | null = null
        let byOrgUnit: Map<string, Map<string, number | null>> | undefined
        const fold = (items: readonly string[], value: number | null) => {
            for (const { ids, column } of tracked) {
                const id = items[column]
                if (id) ids.add(id)
            }
            const dx = dxAt < 0 ? '' : (items[dxAt] as string)
            const pe = peAt < 0 ? '' : (items[peAt] as string)
            const ou = ouAt < 0 ? '' : (items[ouAt] as string)
            let key = pe
            if (others.length > 0) {
                const parts: string[] = []
                for (const { name, column } of others) {
                    const id = items[column]
                    if (id) parts.push(`${name}=${id}`)
                }
                if (parts.length > 0) key = `${pe}|${parts.join('&')}`
            }
            // Rows come grouped by item: the item's map is looked up once per run of rows
            if (dx !== lastDx || !byOrgUnit) {
                byOrgUnit = index.get(dx)
                if (!byOrgUnit) index.set(dx, (byOrgUnit = new Map()))
                lastDx = dx
            }
            let byPeriod = byOrgUnit.get(ou)
            if (!byPeriod) byOrgUnit.set(ou, (byPeriod = new Map()))
            if (!byPeriod.has(key)) byPeriod.set(key, value)
        }
        // Each row's dimension items, in `dimensions` order (one array, reused)
        const items: string[] = dimensions.map(() => '')
        const { cells } = table
        if (cells) {
            // From the response's cells as they came: no row objects (a national scan folds
            // millions of values)
            const { dimensionColumns, valueColumn } = cells
            for (const row of cells.rows) {
                for (let d = 0; d < dimensionColumns.length; d++) {
                    items[d] = dimensionItem(row[dimensionColumns[d] ?? -1])
                }
                fold(items, valueColumn < 0 ? null : parseAnalyticsNumber(row[valueColumn]))
            }
        } else {
            for (const row of table.rows) {
                dimensions.forEach((name, d) => (items[d] = row.dims[name] ?? ''))
                fold(items, row.value)
            }
        }
        for (const [id, item] of Object.entries(table.items)) this.items[id] ??= item.name
        for (const [dimension, ids] of Object.entries(table.dimensionItems)) {
            const list = (this.dimensionItems[dimension] ??= [])
            const seen = (this.dimensionSeen[dimension] ??= new Set())
            for (const id of ids) {
                if (seen.has(id)) continue
                seen.add(id)
                list.push(id)
            }
        }
        for (const [id, path] of Object.entries(table.ouHierarchy)) this.ouHierarchy[id] ??= path
        for (const [id, path] of Object.entries(table.ouNameHierarchy)) {
            this.ouNameHierarchy[id] ??= path
        }
    }

    /** The tables folded in so far, read as one (later `add`s show through). */
    table(): ScanTable {
        const { index, items, dimensionItems, rowIds } = this
        const value = (dx: string, pe: string, ou?: string, other?: AnalyticsCoordinates) => {
            const extra = other ? otherKey(other) : ''
            return (
                index
                    .get(dx)
                    ?.get(ou ?? '')
                    ?.get(extra ? `${pe}|${extra}` : pe) ?? null
            )
        }
        return {
            value,
            periodValues: (dx: string, ou: string) => index.get(dx)?.get(ou),
            itemName: (id: string) => items[id],
            itemIds: (dimension: string) =>
                dimensionItems[dimension] ?? [...(rowIds[dimension] ?? [])],
            ouHierarchy: this.ouHierarchy,
            ouNameHierarchy: this.ouNameHierarchy,
        }
    }
}

/** Tables read as one (`ScanTableMerger`), in the order given. */
export const mergeTables = (tables: readonly AnalyticsTable[]): ScanTable => {
    const merger = new ScanTableMerger()
    for (const table of tables) merger.add(table)
    return merger.table()
}
