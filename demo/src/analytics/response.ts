/**
 * The analytics response body as DHIS2 serialises its `ListGrid` (Jackson, empty properties
 * omitted): `headers`, `metaData`, `width`, `rows`, `height`, `headerWidth`, with the key orders of
 * the recorded responses: `metaData` and its `items`, `dimensions`, `ouHierarchy` and
 * `ouNameHierarchy` maps are Java HashMaps (`MetadataHandler`, `AnalyticsUtils.
 * getDimensionMetadataItemMap`), `MetadataItem` properties come in the order of the recordings.
 */
import type { DbIndex } from './dbIndex'
import { javaCopyCapacity, javaHashOrderedKeys } from './java'
import { JsonObject, obj, stringify, type JsonValue } from './json'
import { periodName, type Period } from './periods'
import { metadataTextValueTypes } from '../routes/dhis2-version'
import {
    METRIC_NAMES,
    type AnalyticsQuery,
    dimensionKey,
    type Dimension,
    type DxItem,
    type Keyword,
} from './query'
import { ByteWriter, writeRows, type RowSet } from './rows'

const DIMENSION_NAMES: Record<Exclude<Dimension['id'], 'ougs'>, string> = {
    dx: 'Data',
    pe: 'Period',
    ou: 'Organisation unit',
    co: 'Category option combo',
}

const DIMENSION_TYPES: Record<Dimension['id'], string> = {
    dx: 'DATA_X',
    pe: 'PERIOD',
    ou: 'ORGANISATION_UNIT',
    co: 'CATEGORY_OPTION_COMBO',
    ougs: 'ORGANISATION_UNIT_GROUP_SET',
}

/** Display name of a dimension (a group set's name; group sets have no short name). */
const dimensionName = (d: Dimension): string =>
    d.id === 'ougs' ? d.groupSet.name : DIMENSION_NAMES[d.id]

const header = (name: string, column: string, meta: boolean): JsonObject =>
    obj([
        ['name', name],
        ['column', column],
        ['valueType', meta ? 'TEXT' : 'NUMBER'],
        ['type', meta ? 'java.lang.String' : 'java.lang.Double'],
        ['hidden', false],
        ['meta', meta],
    ])

const NUM_DEN_HEADERS: [string, string][] = [
    ['numerator', 'Numerator'],
    ['denominator', 'Denominator'],
    ['factor', 'Factor'],
    ['multiplier', 'Multiplier'],
    ['divisor', 'Divisor'],
]

export const gridHeaders = (query: AnalyticsQuery): JsonObject[] => {
    if (query.skipData) return []
    const headers = query.dimensions.map((d) => header(dimensionKey(d), dimensionName(d), true))
    headers.push(header('value', 'Value', false))
    if (query.includeNumDen)
        for (const [name, column] of NUM_DEN_HEADERS) headers.push(header(name, column, false))
    return headers
}

/** `MetadataItem` properties, in the order of the recorded responses. */
interface ItemFields {
    uid?: string
    code?: string
    name?: string
    description?: string
    legendSet?: string
    dimensionItemType?: string
    dimensionType?: string
    valueType?: string
    aggregationType?: string
    totalAggregationType?: string
    /** `IndicatorTypeSerializer`: `{ name, displayName, factor, number }` */
    indicatorType?: JsonObject
    startDate?: string
    endDate?: string
}

const ITEM_KEYS: (keyof ItemFields)[] = [
    'uid',
    'code',
    'name',
    'description',
    'legendSet',
    'dimensionItemType',
    'dimensionType',
    'valueType',
    'aggregationType',
    'totalAggregationType',
    'indicatorType',
    'startDate',
    'endDate',
]

const item = (fields: ItemFields): JsonObject =>
    obj(
        ITEM_KEYS.map(
            (k) => [k, fields[k] === '' ? undefined : fields[k]] as [string, JsonValue | undefined]
        )
    )

const indicatorTypeJson = (index: DbIndex, id: string): JsonObject | undefined => {
    const type = index.indicatorTypes.get(id)
    if (!type) return undefined
    return obj([
        ['name', type.name],
        ['displayName', type.name],
        ['factor', type.factor],
        ['number', type.factor === 1],
    ])
}

const dateTime = (isoDate: string): string => `${isoDate}T00:00:00.000`

/** Builds `metaData` for the query. */
export const gridMetaData = (index: DbIndex, query: AnalyticsQuery): JsonObject => {
    const details = query.includeMetadataDetails
    // `MetadataItem.getValueType`: TEXT for periods and org units from 2.40.4 / 2.41.1
    const textType = metadataTextValueTypes(query.dhis2Version) ? 'TEXT' : 'NUMBER'
    const short = query.displayProperty === 'SHORTNAME'
    const items = new Map<string, JsonObject>()
    const put = (key: string, name: string | undefined, fields: ItemFields): void => {
        items.set(key, item(details ? { ...fields, name } : { name }))
    }
    const unitItem = (u: number): void => {
        const unit = index.unit(u)
        put(unit.id, short ? unit.shortName : unit.name, {
            uid: unit.id,
            code: unit.code,
            dimensionItemType: 'ORGANISATION_UNIT',
            valueType: textType,
            totalAggregationType: 'SUM',
        })
    }
    const cocItem = (id: string): void => {
        const coc = index.categoryOptionCombos.get(id)
        if (!coc) return
        put(coc.id, coc.name, {
            uid: coc.id,
            code: coc.code,
            valueType: 'NUMBER',
            totalAggregationType: 'SUM',
        })
    }
    const dxItem = (it: DxItem): void => {
        switch (it.kind) {
            case 'DATA_ELEMENT': {
                const de = it.dataElement
                put(it.id, short ? de.shortName : de.name, {
                    uid: de.id,
                    code: de.code,
                    description: de.description,
                    dimensionItemType: 'DATA_ELEMENT',
                    valueType: 'NUMBER',
                    aggregationType: de.aggregationType,
                    totalAggregationType: de.aggregationType === 'NONE' ? 'NONE' : 'SUM',
                })
                for (const coc of index.cocsOfDataElement.get(de.id) ?? []) cocItem(coc)
                return
            }
            case 'DATA_ELEMENT_OPERAND': {
                const de = it.dataElement
                const name = it.coc.name === 'default' ? de.name : `${de.name} ${it.coc.name}`
                put(it.id, short ? `${de.shortName} ${it.coc.name}` : name, {
                    uid: it.id,
                    dimensionItemType: 'DATA_ELEMENT_OPERAND',
                    valueType: 'NUMBER',
                    aggregationType: de.aggregationType,
                    totalAggregationType: de.aggregationType === 'NONE' ? 'NONE' : 'SUM',
                })
                return
            }
            case 'INDICATOR': {
                const ind = it.indicator
                put(it.id, short ? ind.shortName : ind.name, {
                    uid: ind.id,
                    code: ind.code,
                    dimensionItemType: 'INDICATOR',
                    valueType: 'NUMBER',
                    totalAggregationType: ind.denominator.trim() === '1' ? 'SUM' : 'AVERAGE',
                    // `MetadataItem.setDataItem`: the indicator's type (2.39–2.42)
                    indicatorType: indicatorTypeJson(index, ind.indicatorTypeId),
                })
                return
            }
            case 'REPORTING_RATE': {
                const ds = it.dataSet
                put(it.id, `${short ? ds.shortName : ds.name} - ${METRIC_NAMES[it.metric]}`, {
                    uid: ds.id,
                    dimensionItemType: 'REPORTING_RATE',
                    valueType: 'NUMBER',
                    totalAggregationType: 'AVERAGE',
                })
            }
        }
    }
    const periodItem = (p: Period): void => {
        put(p.id, periodName(p), {
            uid: p.id,
            code: p.id,
            dimensionItemType: 'PERIOD',
            valueType: textType,
            totalAggregationType: 'SUM',
            startDate: dateTime(p.startDate),
            endDate: dateTime(p.endDate),
        })
    }
    const keywordItem = (k: Keyword): void => {
        if (!items.has(k.key)) items.set(k.key, item({ uid: k.uid, code: k.code, name: k.name }))
    }

    const all = [...query.dimensions, ...query.filters]
    for (const d of all) {
        switch (d.id) {
            case 'dx':
                d.items.forEach(dxItem)
                break
            case 'pe':
                d.items.forEach(periodItem)
                break
            case 'ou':
                for (const u of d.items) {
                    unitItem(u)
                    if (query.hierarchyMeta) index.ancestors(u).forEach(unitItem)
                }
                break
            case 'co':
                d.items.forEach((c) => cocItem(c.id))
                break
            case 'ougs':
                for (const g of d.items) {
                    put(g.id, short ? g.shortName : g.name, {
                        uid: g.id,
                        code: g.code,
                        dimensionItemType: 'ORGANISATION_UNIT_GROUP',
                        valueType: 'NUMBER',
                        totalAggregationType: 'SUM',
                    })
                }
                break
        }
        const constraint = d.id === 'ou' && d.constraint
        put(dimensionKey(d), constraint ? undefined : dimensionName(d), {
            uid: dimensionKey(d),
            dimensionType: DIMENSION_TYPES[d.id],
        })
        if (d.id !== 'co' && d.id !== 'ougs') d.keywords.forEach(keywordItem)
    }

    // dimensions: pe, co (option combos of the data elements, a HashSet), then each dimension's items
    const dimensions = new Map<string, JsonValue>()
    dimensions.set(
        'pe',
        all.flatMap((d) => (d.id === 'pe' ? d.items.map((p) => p.id) : []))
    )
    const cocs: string[] = []
    for (const d of all) {
        if (d.id !== 'dx') continue
        for (const it of d.items) {
            if (it.kind !== 'DATA_ELEMENT') continue
            for (const coc of index.cocsOfDataElement.get(it.dataElement.id) ?? [])
                if (!cocs.includes(coc)) cocs.push(coc)
        }
    }
    dimensions.set(
        'co',
        javaHashOrderedKeys(javaHashOrderedKeys(cocs), javaCopyCapacity(cocs.length))
    )
    for (const d of all) {
        if (dimensions.has(dimensionKey(d))) continue
        switch (d.id) {
            case 'dx':
                dimensions.set(
                    'dx',
                    d.items.map((i) => i.id)
                )
                break
            case 'ou':
                dimensions.set(
                    'ou',
                    d.items.map((u) => index.unit(u).id)
                )
                break
            case 'ougs':
                dimensions.set(
                    d.uid,
                    d.items.map((g) => g.id)
                )
                break
            case 'co':
                break
        }
    }

    const meta = new Map<string, JsonValue>()
    meta.set('items', hashMapObject(items))
    meta.set('dimensions', hashMapObject(dimensions))
    const orgUnits = all.flatMap((d) => (d.id === 'ou' ? d.items : []))
    const roots = new Set(query.userOrgUnits)
    if (query.hierarchyMeta) {
        const graph = new Map<string, JsonValue>()
        for (const u of orgUnits)
            graph.set(
                index.unit(u).id,
                ancestorsUpToRoot(index, u, roots)
                    .map((a) => index.unit(a).id)
                    .join('/')
            )
        meta.set('ouHierarchy', hashMapObject(graph))
    }
    if (query.showHierarchy) {
        const names = new Map<string, JsonValue>()
        for (const u of orgUnits) {
            const path = [...ancestorsUpToRoot(index, u, roots), u]
                .map((a) => `/${index.unit(a).name}`)
                .join('')
            names.set(index.unit(u).id, path)
        }
        meta.set('ouNameHierarchy', hashMapObject(names))
    }
    return hashMapObject(meta)
}

/** `OrganisationUnit.getAncestors(roots)`: parent upwards, stopping after the first root, root first. */
const ancestorsUpToRoot = (index: DbIndex, u: number, roots: Set<number>): number[] => {
    const list: number[] = []
    let p = index.parent[u] as number
    while (p >= 0) {
        list.push(p)
        if (roots.has(p)) break
        p = index.parent[p] as number
    }
    return list.reverse()
}

/** A map written in Java HashMap iteration order. */
const hashMapObject = <V extends JsonValue>(map: Map<string, V>): JsonObject => {
    const keys = [...map.keys()]
    return obj(javaHashOrderedKeys(keys).map((k) => [k, map.get(k)]))
}

/** The complete JSON body. */
export const gridJson = (
    index: DbIndex,
    query: AnalyticsQuery,
    rows: RowSet,
    order: ArrayLike<number>
): Buffer => {
    const headers = gridHeaders(query)
    const out = new ByteWriter(1024 + order.length * 64)
    let first = true
    const key = (name: string): void => {
        out.ascii(first ? `{"${name}":` : `,"${name}":`)
        first = false
    }
    if (headers.length > 0) {
        key('headers')
        out.text(stringify(headers))
    }
    if (!query.skipMeta) {
        key('metaData')
        out.text(stringify(gridMetaData(index, query)))
    }
    const width = order.length > 0 ? rows.width + 1 + (query.includeNumDen ? 5 : 0) : 0
    key('width')
    out.ascii(String(width))
    key('rows')
    writeRows(out, rows, order, query.includeNumDen)
    key('height')
    out.ascii(String(order.length))
    key('headerWidth')
    out.ascii(`${headers.length}}`)
    return out.result()
}
