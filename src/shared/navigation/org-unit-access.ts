/**
 * Whether the org unit of a link is one the user may see. A shared link carries the org unit of
 * whoever shared it; DHIS2 answers analytics for an org unit outside the user's data view with
 * 409 E7120 ("User … is not allowed to view org unit …"). The view checks first and falls back to
 * the user's own data-view org unit, saying so, instead of showing that unit and the error.
 */

export interface OrgUnitPath {
    id: string
    /** DHIS2 `path`: `/rootId/regionId/…/id` */
    path: string
}

/** An org unit is visible when one of the user's data-view roots is on its path (or is it). */
export const isWithinRoots = (orgUnit: OrgUnitPath, roots: readonly { id: string }[]): boolean => {
    const onPath = new Set(orgUnit.path.split('/').filter(Boolean))
    onPath.add(orgUnit.id)
    return roots.some((root) => onPath.has(root.id))
}

export type ViewOrgUnit =
    /** Waiting for the requested org unit's details */
    | { status: 'loading' }
    /** Show `id` (the requested one, or the user's first root when none was requested) */
    | { status: 'ok'; id: string | undefined }
    /** The requested org unit is outside the data view, or unknown: show the user's root */
    | { status: 'fallback'; id: string | undefined; reason: 'outside' | 'unknown' }

/**
 * The org unit the view shows, given the requested one (from the URL), its details when read
 * (`null`: could not be read — unknown id or no access) and the user's data-view roots.
 */
export const resolveViewOrgUnit = ({
    requested,
    details,
    roots,
}: {
    requested: string | undefined
    details: OrgUnitPath | null | undefined
    roots: readonly { id: string }[]
}): ViewOrgUnit => {
    const own = roots[0]?.id
    if (!requested || roots.some((root) => root.id === requested)) {
        return { status: 'ok', id: requested ?? own }
    }
    if (details === undefined) return { status: 'loading' }
    if (details === null) return { status: 'fallback', id: own, reason: 'unknown' }
    // No roots known (a user without org units): leave it to the server to say
    if (roots.length === 0 || isWithinRoots(details, roots)) return { status: 'ok', id: requested }
    return { status: 'fallback', id: own, reason: 'outside' }
}
