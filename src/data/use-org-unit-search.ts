import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import type { DataEngine } from './engine'
import {
    ORG_UNIT_SEARCH_MIN_LENGTH,
    orgUnitSearchParams,
    readOrgUnitSearch,
    type OrgUnitSearchResult,
} from './org-unit-search'
import { searchWords } from '../api/search-words'

export type { OrgUnitMatch, OrgUnitSearchResult } from './org-unit-search'
export { ORG_UNIT_SEARCH_MIN_LENGTH, ORG_UNIT_SEARCH_PAGE_SIZE } from './org-unit-search'

/** One request per root (usually one), all cancelled together when the text changes. */
export const searchOrgUnits = async (
    engine: DataEngine,
    text: string,
    rootIds: readonly string[],
    signal?: AbortSignal
): Promise<OrgUnitSearchResult> => {
    const responses = await Promise.all(
        rootIds.map(async (rootId) => {
            const result = await engine.query(
                {
                    result: {
                        resource: 'organisationUnits',
                        params: orgUnitSearchParams(text, rootId) as Record<string, string>,
                    },
                },
                { signal }
            )
            return result.result
        })
    )
    return readOrgUnitSearch(responses, rootIds)
}

/**
 * Org units within the user's roots matching a (debounced) search text. Keyed by the text, so an
 * answer to an older text is never shown for a newer one; React Query aborts a request whose
 * text is no longer wanted.
 */
export const useOrgUnitSearch = (text: string, rootIds: readonly string[]) => {
    const engine = useDataEngine()
    const words = searchWords(text)
    const normalized = words.join(' ')
    return useQuery({
        queryKey: ['organisationUnits', 'search', [...rootIds], normalized] as const,
        enabled: normalized.length >= ORG_UNIT_SEARCH_MIN_LENGTH && rootIds.length > 0,
        staleTime: 5 * 60 * 1000,
        queryFn: ({ signal }) => searchOrgUnits(engine, normalized, rootIds, signal),
    })
}
