import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { CONFIG_NAMESPACE } from '../domain/config'
import type { DataEngine } from './engine'
import type { Editors } from './editors'
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
    userGroups?: { id: string }[]
    settings?: { keyUiLocale?: string }
    /**
     * The editors named in the app (`triangulate/editors`): with superusers, the only users DHIS2
     * lets change the mapping and the dashboard items (entry sharing, see data/entry-protection)
     */
    configEditors: Editors | null
}

const OU_FIELDS = 'id,displayName,path,level'

/** The current user without the app's editors (`Me` but `configEditors`) */
export type User = Omit<Me, 'configEditors'>

/** The current user's query (`useUser`; `startRequests` in App.tsx asks for it as the app starts) */
export const userQuery = (engine: DataEngine) => ({
    queryKey: queryKeys.user(),
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<User> => {
        const { me } = await engine.query(
            {
                me: {
                    resource: 'me',
                    params: {
                        fields: `id,username,displayName,authorities,userGroups[id],settings[keyUiLocale],organisationUnits[${OU_FIELDS}],dataViewOrganisationUnits[${OU_FIELDS}]`,
                    },
                },
            },
            { signal }
        )
        return me as User
    },
    staleTime: Infinity,
})

/**
 * The current user: authorities, groups, the org units they may see (data view, else data
 * capture), in one request: what the view needs to ask for its data (in parallel with the
 * mapping), without waiting for the app's editors (`useMe`).
 */
export const useUser = () => {
    const engine = useDataEngine()
    return useQuery(userQuery(engine))
}

/**
 * The current user (`useUser`, the same request) and the app's named editors (which decide
 * whether they may change the mapping), read in parallel. `enabled: false`: not asked (yet).
 */
export const useMe = ({ enabled = true }: { enabled?: boolean } = {}) => {
    const engine = useDataEngine()
    const client = useQueryClient()
    return useQuery({
        enabled,
        queryKey: queryKeys.me(),
        queryFn: async (): Promise<Me> => {
            const [user, configEditors] = await Promise.all([
                client.fetchQuery(userQuery(engine)),
                // Unreadable editors: nobody but superusers is offered editing (DHIS2 decides
                // anyway). The entries' code is loaded with them (not needed by the first view).
                import('./entry-protection')
                    .then(({ loadEditors }) => loadEditors(engine, CONFIG_NAMESPACE))
                    .catch(() => null),
            ])
            return { ...user, configEditors }
        },
        staleTime: Infinity,
    })
}

/** The roots of what the user may see: data view org units, falling back to data capture ones. */
export const dataViewRoots = (me: User): OrgUnitRef[] =>
    me.dataViewOrganisationUnits?.length ? me.dataViewOrganisationUnits : me.organisationUnits

/** Who may change the mapping (one rule for the whole app) */
export { canEditConfig } from '../features/settings/permissions'
