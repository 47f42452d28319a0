import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { engineQueryFn } from './engine'
import { queryKeys } from './query-keys'

/** The deepest org unit level (facilities): drill-down stops there. */
export const useMaxOrgUnitLevel = () => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: queryKeys.orgUnitLevels(),
        staleTime: Infinity,
        queryFn: engineQueryFn(engine, 'organisationUnitLevels', {
            fields: 'level',
            paging: false,
        }),
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
