import type { QueryParams } from './engine'
import { searchWords } from '../api/search-words'

/** Results shown per search: typing more narrows them down */
export const ORG_UNIT_SEARCH_PAGE_SIZE = 20
/** Shorter texts match too much to be useful (and would scan every facility) */
export const ORG_UNIT_SEARCH_MIN_LENGTH = 2

export interface OrgUnitMatch {
    id: string
    displayName: string
    path: string
    level: number
    /** Names from the user's root down to the parent, as text */
    ancestorNames: string[]
}

export interface OrgUnitSearchResult {
    matches: OrgUnitMatch[]
    /** All matches on the server (more than `matches` when the page is full) */
    total: number
}

/**
 * `GET /api/organisationUnits` parameters for org units below (or at) one root whose id, code,
 * name or short name contain every word. DHIS2's metadata object filter: `identifiable:token:`
 * matches on id, code, name and short name, `path:like:` keeps one branch of the hierarchy
 * (dhis2-docs `src/developer/web-api/metadata.md`, "Metadata object filter"; the demo implements
 * both in `demo/src/metadata/filter.ts`). The settings editor's item search uses the same filter.
 */
export const orgUnitSearchParams = (text: string, rootId: string): QueryParams => ({
    fields: 'id,displayName,path,level,ancestors[id,displayName]',
    filter: [`identifiable:token:${searchWords(text).join(' ')}`, `path:like:${rootId}`],
    order: 'displayName:asc',
    pageSize: ORG_UNIT_SEARCH_PAGE_SIZE,
    page: 1,
})

interface RawUnit {
    id?: unknown
    displayName?: unknown
    path?: unknown
    level?: unknown
    ancestors?: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * The units of one or more list responses (one per root), merged without duplicates, sorted by
 * name, with their ancestors' names from the user's own root down (the hierarchy above the roots
 * is not the user's business and would only lengthen the line).
 */
export const readOrgUnitSearch = (
    responses: readonly unknown[],
    rootIds: readonly string[]
): OrgUnitSearchResult => {
    const seen = new Map<string, OrgUnitMatch>()
    let total = 0
    for (const response of responses) {
        if (!isRecord(response)) continue
        const pager = isRecord(response.pager) ? response.pager : undefined
        const units = Array.isArray(response.organisationUnits) ? response.organisationUnits : []
        let valid = 0
        for (const raw of units as RawUnit[]) {
            const id = str(raw?.id)
            const path = str(raw?.path)
            if (!id || !path) continue
            valid++
            if (seen.has(id)) continue
            const names = new Map<string, string>()
            for (const a of Array.isArray(raw.ancestors) ? raw.ancestors : []) {
                if (isRecord(a) && typeof a.id === 'string') names.set(a.id, str(a.displayName))
            }
            const pathIds = path.split('/').filter(Boolean).slice(0, -1)
            const rootIndex = pathIds.findIndex((p) => rootIds.includes(p))
            const ancestorNames = pathIds
                .slice(Math.max(0, rootIndex))
                .map((ancestorId) => names.get(ancestorId) || ancestorId)
            seen.set(id, {
                id,
                displayName: str(raw.displayName) || id,
                path,
                level: typeof raw.level === 'number' ? raw.level : pathIds.length + 1,
                ancestorNames,
            })
        }
        total += typeof pager?.total === 'number' ? pager.total : valid
    }
    const matches = [...seen.values()].sort(
        (a, b) => a.displayName.localeCompare(b.displayName) || a.path.localeCompare(b.path)
    )
    return { matches, total: Math.max(total, matches.length) }
}
