import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { engineQueryFn } from './engine'
import { queryKeys } from './query-keys'

export interface OrgUnitRef {
    id: string
    displayName: string
    path: string
    level: number
}

export interface Me {
    id: string
    username: string
    displayName: string
    authorities: string[]
    organisationUnits: OrgUnitRef[]
    dataViewOrganisationUnits: OrgUnitRef[]
    settings?: { keyUiLocale?: string }
}

const OU_FIELDS = 'id,displayName,path,level'

/** The current user: authorities and the org units they may see (data view, else data capture). */
export const useMe = () => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: queryKeys.me(),
        queryFn: engineQueryFn(engine, 'me', {
            fields: `id,username,displayName,authorities,settings[keyUiLocale],organisationUnits[${OU_FIELDS}],dataViewOrganisationUnits[${OU_FIELDS}]`,
        }),
        select: (data) => data as Me,
        staleTime: Infinity,
    })
}

/** The roots of what the user may see: data view org units, falling back to data capture ones. */
export const dataViewRoots = (me: Me): OrgUnitRef[] =>
    me.dataViewOrganisationUnits?.length ? me.dataViewOrganisationUnits : me.organisationUnits

/** Who may change the mapping (one rule for the whole app) */
export { canEditConfig } from '../features/settings/permissions'
