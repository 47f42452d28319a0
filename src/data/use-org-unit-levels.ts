import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { engineQueryFn, type DataEngine } from './engine'
import { queryKeys } from './query-keys'

/** The org unit levels' query (`useMaxOrgUnitLevel`; also asked by `startFirstView`) */
export const orgUnitLevelsQuery = (engine: DataEngine) => ({
    queryKey: queryKeys.orgUnitLevels(),
    staleTime: Infinity,
    queryFn: engineQueryFn(engine, 'organisationUnitLevels', {
        fields: 'level',
        paging: false,
    }),
})

/** The deepest org unit level (facilities): drill-down stops there. */
export const useMaxOrgUnitLevel = () => {
    const engine = useDataEngine()
    return useQuery({
        ...orgUnitLevelsQuery(engine),
        select: (data) =>
            Math.max(
                1,
                ...(
                    (data as { organisationUnitLevels?: { level: number }[] })
                        .organisationUnitLevels ?? []
                ).map((l) => l.level)
            ),
    })
}
