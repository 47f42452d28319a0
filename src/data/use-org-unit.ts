import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { engineQueryFn } from './engine'
import { queryKeys } from './query-keys'

export interface OrgUnitDetails {
    id: string
    displayName: string
    path: string
    level: number
    ancestors: { id: string; displayName: string; level: number }[]
    children: { id: string }[]
}

/** An org unit with its ancestors (for breadcrumbs) and whether it has children (to drill). */
export const useOrgUnit = (id: string | undefined) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: queryKeys.orgUnit(id ?? ''),
        enabled: Boolean(id),
        staleTime: 30 * 60 * 1000,
        queryFn: engineQueryFn(engine, `organisationUnits/${id}`, {
            fields: 'id,displayName,path,level,ancestors[id,displayName,level],children[id]',
        }),
        select: (data) => data as OrgUnitDetails,
    })
}
