import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { CONFIG_NAMESPACE } from '../domain/config'
import { loadEditors, type Editors } from './entry-protection'
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

/**
 * The current user: authorities, groups, the org units they may see (data view, else data
 * capture), and the app's named editors (which decide whether they may change the mapping).
 */
export const useMe = () => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: queryKeys.me(),
        queryFn: async ({ signal }): Promise<Me> => {
            const [me, configEditors] = await Promise.all([
                engine.query(
                    {
                        me: {
                            resource: 'me',
                            params: {
                                fields: `id,username,displayName,authorities,userGroups[id],settings[keyUiLocale],organisationUnits[${OU_FIELDS}],dataViewOrganisationUnits[${OU_FIELDS}]`,
                            },
                        },
                    },
                    { signal }
                ),
                // Unreadable editors: nobody but superusers is offered editing (DHIS2 decides anyway)
                loadEditors(engine, CONFIG_NAMESPACE).catch(() => null),
            ])
            return { ...(me.me as Omit<Me, 'configEditors'>), configEditors }
        },
        staleTime: Infinity,
    })
}

/** The roots of what the user may see: data view org units, falling back to data capture ones. */
export const dataViewRoots = (me: Me): OrgUnitRef[] =>
    me.dataViewOrganisationUnits?.length ? me.dataViewOrganisationUnits : me.organisationUnits

/** Who may change the mapping (one rule for the whole app) */
export { canEditConfig } from '../features/settings/permissions'
