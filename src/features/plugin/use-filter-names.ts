import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { namedObjectIds, type FilterItem, type FilterNames } from './filter-labels'

type Named = { id: string; displayName: string; level?: number }
type NamedLists = {
    levels?: { organisationUnitLevels?: Named[] }
    groups?: { organisationUnitGroups?: Named[] }
    orgUnits?: { organisationUnits?: Named[] }
}

const byId = (list: Named[] | undefined): Record<string, string> =>
    Object.fromEntries((list ?? []).map((o) => [o.id, o.displayName]))

/**
 * Names of the org unit levels, groups and org units an `ou` filter refers to without a name
 * (from the metadata; only what is needed is requested)
 */
export const useFilterNames = (items: readonly FilterItem[]) => {
    const engine = useDataEngine()
    const { levels, groups, orgUnits } = namedObjectIds(items)
    return useQuery({
        queryKey: ['filterNames', levels, groups, orgUnits],
        enabled: levels.length + groups.length + orgUnits.length > 0,
        staleTime: Infinity,
        queryFn: async ({ signal }): Promise<FilterNames> => {
            const named = (ids: string[]) => ({
                fields: 'id,displayName',
                filter: `id:in:[${ids.join(',')}]`,
                paging: false,
            })
            const result = (await engine.query(
                {
                    ...(levels.length > 0
                        ? {
                              levels: {
                                  resource: 'organisationUnitLevels',
                                  params: { fields: 'id,displayName,level', paging: false },
                              },
                          }
                        : {}),
                    ...(groups.length > 0
                        ? { groups: { resource: 'organisationUnitGroups', params: named(groups) } }
                        : {}),
                    ...(orgUnits.length > 0
                        ? { orgUnits: { resource: 'organisationUnits', params: named(orgUnits) } }
                        : {}),
                },
                { signal }
            )) as NamedLists
            const levelList = result.levels?.organisationUnitLevels ?? []
            return {
                // `LEVEL-<uid>` or `LEVEL-<number>`
                levels: {
                    ...Object.fromEntries(levelList.map((l) => [String(l.level), l.displayName])),
                    ...byId(levelList),
                },
                groups: byId(result.groups?.organisationUnitGroups),
                orgUnits: byId(result.orgUnits?.organisationUnits),
            }
        },
    })
}
