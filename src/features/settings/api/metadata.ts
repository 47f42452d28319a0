/**
 * Metadata requests of the mapping editor: searching the instance's data items by name or code,
 * and looking up the items a configuration refers to (one request per metadata type).
 * Builders and parsers are pure; `searchMetadata` and `lookupMetadata` run them through the
 * app-runtime data engine.
 */
import { DX_PATTERN, UID_PATTERN, type HmisItemKind } from '../../../domain/config'
import type { DataEngine, QueryParams } from '../../../data/engine'
import { searchWords } from '../../../api/search-words'

export const METADATA_TYPES = [
    'dataElements',
    'dataElementOperands',
    'indicators',
    'programIndicators',
    'dataSets',
    'organisationUnitGroupSets',
] as const
export type MetadataType = (typeof METADATA_TYPES)[number]

/** Types whose items can be a pair's data item (`dx`) */
export const DX_TYPES = [
    'dataElements',
    'dataElementOperands',
    'indicators',
    'programIndicators',
] as const satisfies readonly MetadataType[]
export type DxType = (typeof DX_TYPES)[number]

export interface DataSetRef {
    id: string
    name: string
    periodType: string
}

/** One data item or data set as the editor shows it. */
export interface MetadataItem {
    /** The `dx` id (`deUid.cocUid` for an operand) or the data set id */
    id: string
    type: MetadataType
    name: string
    code?: string
    /** DHIS2 aggregation type (data elements, operands, program indicators) */
    aggregationType?: string
    /** Data sets the item's data element belongs to; for a data set, itself */
    dataSets: DataSetRef[]
    /** Distinct period types of `dataSets` */
    periodTypes: string[]
    /** An org unit group set's groups, in the server's order */
    groups?: GroupRef[]
}

/** One org unit group of a group set */
export interface GroupRef {
    id: string
    name: string
    code?: string
}

export const KIND_OF_TYPE: Record<DxType, HmisItemKind> = {
    dataElements: 'DATA_ELEMENT',
    dataElementOperands: 'DATA_ELEMENT_OPERAND',
    indicators: 'INDICATOR',
    programIndicators: 'PROGRAM_INDICATOR',
}

const DATA_SETS_OF_ELEMENT = 'dataSetElements[dataSet[id,displayName,periodType]]'

/** `fields=` per type: what the editor shows and checks. */
export const FIELDS: Record<MetadataType, string> = {
    dataElements: `id,code,displayName,aggregationType,${DATA_SETS_OF_ELEMENT}`,
    dataElementOperands: `id,displayName,dataElement[id,code,aggregationType,${DATA_SETS_OF_ELEMENT}]`,
    indicators: 'id,code,displayName',
    programIndicators: 'id,code,displayName,aggregationType',
    dataSets: 'id,code,displayName,periodType',
    // DHIS2 OrganisationUnitGroupSet: its groups (dhis2-core OrganisationUnitGroupSet.java,
    // `organisationUnitGroups`)
    organisationUnitGroupSets: 'id,code,displayName,organisationUnitGroups[id,code,displayName]',
}

export const SEARCH_PAGE_SIZE = 25

export { searchWords }

/**
 * Query parameters to search one metadata type by name or code. Data element operands have no
 * code and no `identifiable` token filter: every word must appear in the name.
 */
export const searchParams = (type: MetadataType, text: string): QueryParams => {
    const words = searchWords(text)
    const filter =
        type === 'dataElementOperands'
            ? words.map((word) => `name:ilike:${word}`)
            : words.length
              ? [`identifiable:token:${words.join(' ')}`]
              : []
    if (type === 'dataElements') filter.push('domainType:eq:AGGREGATE')
    return {
        fields: FIELDS[type],
        ...(filter.length ? { filter } : {}),
        order: 'displayName:asc',
        pageSize: SEARCH_PAGE_SIZE,
        page: 1,
    }
}

/** Query parameters to look up ids of one type, all at once. */
export const lookupParams = (type: MetadataType, ids: readonly string[]): QueryParams => ({
    fields: FIELDS[type],
    filter: [`id:in:[${ids.join(',')}]`],
    // One page holds them all (`paging=false` is deprecated for metadata lists)
    pageSize: Math.max(ids.length, 1),
    page: 1,
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const str = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined

const readDataSets = (element: Record<string, unknown>): DataSetRef[] => {
    const links = Array.isArray(element.dataSetElements) ? element.dataSetElements : []
    const seen = new Set<string>()
    const out: DataSetRef[] = []
    for (const link of links) {
        const dataSet = isRecord(link) && isRecord(link.dataSet) ? link.dataSet : undefined
        const id = str(dataSet?.id)
        if (!dataSet || !id || seen.has(id)) continue
        seen.add(id)
        out.push({
            id,
            name: str(dataSet.displayName) ?? str(dataSet.name) ?? id,
            periodType: str(dataSet.periodType) ?? '',
        })
    }
    return out
}

const periodTypesOf = (dataSets: readonly DataSetRef[]): string[] => [
    ...new Set(dataSets.map((dataSet) => dataSet.periodType).filter(Boolean)),
]

/** One object of a metadata list response as a `MetadataItem` (undefined when unreadable). */
export const parseMetadataObject = (type: MetadataType, raw: unknown): MetadataItem | undefined => {
    if (!isRecord(raw)) return undefined
    const id = str(raw.id)
    if (!id) return undefined
    const name = str(raw.displayName) ?? str(raw.name) ?? id
    const code = str(raw.code)
    switch (type) {
        case 'dataElements': {
            const dataSets = readDataSets(raw)
            return {
                id,
                type,
                name,
                ...(code ? { code } : {}),
                ...(str(raw.aggregationType) ? { aggregationType: str(raw.aggregationType) } : {}),
                dataSets,
                periodTypes: periodTypesOf(dataSets),
            }
        }
        case 'dataElementOperands': {
            const element = isRecord(raw.dataElement) ? raw.dataElement : {}
            const dataSets = readDataSets(element)
            const elementCode = str(element.code)
            const aggregationType = str(element.aggregationType)
            return {
                id,
                type,
                name,
                ...(elementCode ? { code: elementCode } : {}),
                ...(aggregationType ? { aggregationType } : {}),
                dataSets,
                periodTypes: periodTypesOf(dataSets),
            }
        }
        case 'dataSets': {
            const periodType = str(raw.periodType) ?? ''
            return {
                id,
                type,
                name,
                ...(code ? { code } : {}),
                dataSets: [{ id, name, periodType }],
                periodTypes: periodType ? [periodType] : [],
            }
        }
        case 'organisationUnitGroupSets': {
            const list = Array.isArray(raw.organisationUnitGroups) ? raw.organisationUnitGroups : []
            const groups: GroupRef[] = []
            for (const group of list) {
                const groupId = isRecord(group) ? str(group.id) : undefined
                if (!isRecord(group) || !groupId) continue
                const groupCode = str(group.code)
                groups.push({
                    id: groupId,
                    name: str(group.displayName) ?? str(group.name) ?? groupId,
                    ...(groupCode ? { code: groupCode } : {}),
                })
            }
            return {
                id,
                type,
                name,
                ...(code ? { code } : {}),
                dataSets: [],
                periodTypes: [],
                groups,
            }
        }
        default:
            return {
                id,
                type,
                name,
                ...(code ? { code } : {}),
                ...(str(raw.aggregationType) ? { aggregationType: str(raw.aggregationType) } : {}),
                dataSets: [],
                periodTypes: [],
            }
    }
}

/** A metadata list response (`{ pager, dataElements: [...] }`) as items. */
export const parseMetadataList = (
    type: MetadataType,
    response: unknown
): { items: MetadataItem[]; total: number } => {
    const list = isRecord(response) && Array.isArray(response[type]) ? response[type] : []
    const items = list
        .map((raw: unknown) => parseMetadataObject(type, raw))
        .filter((item): item is MetadataItem => item !== undefined)
    const pager = isRecord(response) && isRecord(response.pager) ? response.pager : undefined
    const total = typeof pager?.total === 'number' ? pager.total : items.length
    return { items, total }
}

export const searchMetadata = async (
    engine: DataEngine,
    type: MetadataType,
    text: string,
    signal?: AbortSignal
): Promise<{ items: MetadataItem[]; total: number }> => {
    const result = await engine.query(
        { result: { resource: type, params: searchParams(type, text) as Record<string, string> } },
        signal ? { signal } : {}
    )
    return parseMetadataList(type, result.result)
}

/**
 * Ids to look up per type: operands (`a.b`) as operands, plain uids as every `dx` type, data sets
 * and org unit group sets as such.
 */
export const lookupPlan = (
    dxIds: readonly string[],
    dataSetIds: readonly string[],
    groupSetIds: readonly string[] = []
): Partial<Record<MetadataType, string[]>> => {
    // Malformed ids are left to validation: they would break the `id:in:[...]` filter
    const valid = dxIds.filter((id) => DX_PATTERN.test(id))
    const operands = [...new Set(valid.filter((id) => id.includes('.')))]
    const plain = [...new Set(valid.filter((id) => !id.includes('.')))]
    const dataSets = [...new Set(dataSetIds.filter((id) => UID_PATTERN.test(id)))]
    const plan: Partial<Record<MetadataType, string[]>> = {}
    if (plain.length) {
        plan.dataElements = plain
        plan.indicators = plain
        plan.programIndicators = plain
    }
    if (operands.length) plan.dataElementOperands = operands
    if (dataSets.length) plan.dataSets = dataSets
    const groupSets = [...new Set(groupSetIds.filter((id) => UID_PATTERN.test(id)))]
    if (groupSets.length) plan.organisationUnitGroupSets = groupSets
    return plan
}

/** What the server knows of the ids a configuration uses. */
export interface MetadataLookup {
    /** Found items by id (`dx` ids and data set ids) */
    items: Map<string, MetadataItem>
    /** Ids that were looked up */
    checked: Set<string>
}

/**
 * Looks up every id of the plan: one request per metadata type (`filter=id:in:[...]`); ids not
 * found are absent from `items`, so the editor can flag them.
 */
export const lookupMetadata = async (
    engine: DataEngine,
    dxIds: readonly string[],
    dataSetIds: readonly string[],
    signal?: AbortSignal,
    groupSetIds: readonly string[] = []
): Promise<MetadataLookup> => {
    const plan = lookupPlan(dxIds, dataSetIds, groupSetIds)
    const entries = Object.entries(plan) as [MetadataType, string[]][]
    const responses = await Promise.all(
        entries.map(async ([type, ids]) => {
            const result = await engine.query(
                {
                    result: {
                        resource: type,
                        params: lookupParams(type, ids) as Record<string, string>,
                    },
                },
                signal ? { signal } : {}
            )
            return parseMetadataList(type, result.result).items
        })
    )
    const items = new Map<string, MetadataItem>()
    for (const item of responses.flat()) {
        if (!items.has(item.id)) items.set(item.id, item)
    }
    return { items, checked: new Set(entries.flatMap(([, ids]) => ids)) }
}
