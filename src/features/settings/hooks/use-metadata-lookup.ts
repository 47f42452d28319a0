import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { queryKeys } from '../../../data/query-keys'
import { lookupMetadata, type MetadataItem, type MetadataLookup } from '../api/metadata'

const sortedUnique = (ids: readonly string[]): string[] =>
    [...new Set(ids.filter((id) => id.trim() !== ''))].sort()

/**
 * What the server knows of the ids a mapping uses. Ids are looked up as they appear (one request
 * per metadata type for all new ids), results are kept, and items picked from a search are known
 * without asking again (`remember`).
 */
export const useMetadataLookup = (
    dxIds: readonly string[],
    dataSetIds: readonly string[],
    groupSetIds: readonly string[] = []
) => {
    const engine = useDataEngine()
    const [lookup, setLookup] = useState<MetadataLookup>(() => ({
        items: new Map(),
        checked: new Set(),
    }))
    const pendingDx = useMemo(
        () => sortedUnique(dxIds).filter((id) => !lookup.checked.has(id)),
        [dxIds, lookup]
    )
    const pendingDataSets = useMemo(
        () => sortedUnique(dataSetIds).filter((id) => !lookup.checked.has(id)),
        [dataSetIds, lookup]
    )
    const pendingGroupSets = useMemo(
        () => sortedUnique(groupSetIds).filter((id) => !lookup.checked.has(id)),
        [groupSetIds, lookup]
    )
    const query = useQuery({
        queryKey: queryKeys.metadataLookup(pendingDx, pendingDataSets, pendingGroupSets),
        queryFn: ({ signal }) =>
            lookupMetadata(engine, pendingDx, pendingDataSets, signal, pendingGroupSets),
        enabled: pendingDx.length + pendingDataSets.length + pendingGroupSets.length > 0,
        staleTime: Infinity,
    })
    const { data } = query
    useEffect(() => {
        if (!data) return
        setLookup((current) => {
            const items = new Map(current.items)
            for (const [id, item] of data.items) items.set(id, item)
            return { items, checked: new Set([...current.checked, ...data.checked]) }
        })
    }, [data])
    const remember = useCallback((item: MetadataItem) => {
        setLookup((current) => {
            if (current.items.get(item.id) === item) return current
            const items = new Map(current.items)
            items.set(item.id, item)
            return { items, checked: new Set([...current.checked, item.id]) }
        })
    }, [])
    return {
        lookup,
        remember,
        loading: query.isFetching,
        error: query.error,
        refetch: query.refetch,
    }
}
