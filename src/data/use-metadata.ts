import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import type { DataSetInfo, ItemInfo } from '../features/triangulation/pair-model'
import type { SeriesPeriodType } from '../domain/periods'
import type { DataEngine } from './engine'
import { queryKeys } from './query-keys'

const periodTypeOf = (value: unknown): SeriesPeriodType | null =>
    value === 'Monthly' ? 'MONTHLY' : value === 'Quarterly' ? 'QUARTERLY' : null

interface DataElementJson {
    id: string
    displayName: string
    aggregationType?: string
    dataSetElements?: { dataSet?: { periodType?: string } }[]
}
interface NamedJson {
    id: string
    displayName: string
    periodType?: string
}
interface OperandJson {
    id: string
    displayName: string
}

export interface ItemMetadata {
    items: Map<string, ItemInfo>
    dataSets: Map<string, DataSetInfo>
}

const inFilter = (ids: readonly string[]) => `id:in:[${ids.join(',')}]`

/**
 * Names, period types and aggregation types of the items the pairs use, in one round of metadata
 * requests whatever the number of pairs. An id the server doesn't know is simply absent from the
 * maps: the card names it as missing instead of failing the view.
 */
export const useItemMetadata = (dxIds: readonly string[], dataSetIds: readonly string[]) => {
    const engine = useDataEngine()
    const { enabled, ...query } = itemMetadataQuery(engine, dxIds, dataSetIds)
    return useQuery({ ...query, enabled })
}

/** The items' metadata query (`useItemMetadata`; also asked by `startFirstView`) */
export const itemMetadataQuery = (
    engine: DataEngine,
    dxIds: readonly string[],
    dataSetIds: readonly string[]
) => {
    const deIds = [...new Set(dxIds.map((id) => id.split('.')[0] as string))].sort()
    const operandIds = [...new Set(dxIds.filter((id) => id.includes('.')))].sort()
    const dsIds = [...new Set(dataSetIds)].sort()
    return {
        queryKey: queryKeys.itemMetadata(deIds, operandIds, dsIds),
        enabled: deIds.length + dsIds.length > 0,
        staleTime: 30 * 60 * 1000,
        queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<ItemMetadata> => {
            const result = (await engine.query(
                {
                    dataElements: {
                        resource: 'dataElements',
                        params: {
                            filter: inFilter(deIds),
                            fields: 'id,displayName,aggregationType,dataSetElements[dataSet[periodType]]',
                            paging: false,
                        },
                    },
                    indicators: {
                        resource: 'indicators',
                        params: {
                            filter: inFilter(deIds),
                            fields: 'id,displayName',
                            paging: false,
                        },
                    },
                    dataSets: {
                        resource: 'dataSets',
                        params: {
                            filter: inFilter(dsIds),
                            fields: 'id,displayName,periodType',
                            paging: false,
                        },
                    },
                    ...(operandIds.length
                        ? {
                              operands: {
                                  resource: 'dataElementOperands',
                                  params: {
                                      filter: inFilter(operandIds),
                                      fields: 'id,displayName',
                                      paging: false,
                                  },
                              },
                          }
                        : {}),
                },
                { signal }
            )) as unknown as {
                dataElements: { dataElements: DataElementJson[] }
                indicators: { indicators: NamedJson[] }
                dataSets: { dataSets: NamedJson[] }
                operands?: { dataElementOperands: OperandJson[] }
            }
            const items = new Map<string, ItemInfo>()
            const elements = new Map(result.dataElements.dataElements.map((de) => [de.id, de]))
            for (const de of elements.values()) {
                items.set(de.id, {
                    id: de.id,
                    name: de.displayName,
                    aggregationType: de.aggregationType,
                    periodType:
                        de.dataSetElements
                            ?.map((dse) => periodTypeOf(dse.dataSet?.periodType))
                            .find(Boolean) ?? 'MONTHLY',
                })
            }
            for (const indicator of result.indicators.indicators) {
                items.set(indicator.id, {
                    id: indicator.id,
                    name: indicator.displayName,
                    periodType: null,
                })
            }
            for (const operand of result.operands?.dataElementOperands ?? []) {
                const de = items.get(operand.id.split('.')[0] as string)
                if (de) items.set(operand.id, { ...de, id: operand.id, name: operand.displayName })
            }
            const dataSets = new Map<string, DataSetInfo>(
                result.dataSets.dataSets.map((ds) => [
                    ds.id,
                    { id: ds.id, name: ds.displayName, periodType: periodTypeOf(ds.periodType) },
                ])
            )
            return { items, dataSets }
        },
    }
}
