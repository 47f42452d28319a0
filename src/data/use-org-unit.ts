import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { resolveViewOrgUnit } from '../shared/navigation/org-unit-access'
import { engineQueryFn, httpStatusOf, type DataEngine } from './engine'
import { queryKeys } from './query-keys'

export interface OrgUnitDetails {
    id: string
    displayName: string
    path: string
    level: number
    ancestors: { id: string; displayName: string; level: number }[]
    children: { id: string }[]
}

/** An org unit's query (`useOrgUnit`; also asked by `startFirstView`) */
export const orgUnitQuery = (engine: DataEngine, id: string) => ({
    queryKey: queryKeys.orgUnit(id),
    staleTime: 30 * 60 * 1000,
    queryFn: engineQueryFn(engine, `organisationUnits/${id}`, {
        fields: 'id,displayName,path,level,ancestors[id,displayName,level],children[id]',
    }),
    // An id that does not exist or may not be read does not come back on a retry
    retry: (failures: number, error: unknown) => {
        const status = httpStatusOf(error)
        return !(status && status >= 400 && status < 500) && failures < 2
    },
})

/** An org unit with its ancestors (for breadcrumbs) and whether it has children (to drill). */
export const useOrgUnit = (id: string | undefined) => {
    const engine = useDataEngine()
    return useQuery({
        ...orgUnitQuery(engine, id ?? ''),
        enabled: Boolean(id),
        select: (data: unknown) => data as OrgUnitDetails,
    })
}

/** What the view says when it did not show the org unit of the link. */
export interface OrgUnitFallback {
    reason: 'outside' | 'unknown'
    /** The link's org unit: its name when it could be read, else its id */
    requestedName: string
}

/**
 * The org unit the view shows for the one in the URL: that one when the user may see it, else the
 * user's own data-view org unit, with `fallback` saying why (see `resolveViewOrgUnit`).
 * `onFallback` is called once to take the refused org unit (and its drill path) out of the URL.
 */
export const useViewOrgUnit = (
    requested: string | undefined,
    roots: readonly { id: string }[],
    onFallback: () => void
): { loading: boolean; id: string | undefined; fallback: OrgUnitFallback | null } => {
    const needsCheck = Boolean(requested) && !roots.some((root) => root.id === requested)
    const details = useOrgUnit(needsCheck ? requested : undefined)
    const [fallback, setFallback] = useState<OrgUnitFallback | null>(null)
    const resolved = resolveViewOrgUnit({
        requested,
        details: !needsCheck
            ? undefined
            : details.data
              ? details.data
              : details.error
                ? null
                : undefined,
        roots,
    })
    const notify = useRef(onFallback)
    notify.current = onFallback
    const fallbackReason = resolved.status === 'fallback' ? resolved.reason : null
    useEffect(() => {
        if (!fallbackReason || !requested) return
        setFallback({
            reason: fallbackReason,
            requestedName: details.data?.displayName ?? requested,
        })
        notify.current()
    }, [fallbackReason, requested, details.data])
    // Another org unit chosen (and shown) ends the notice
    const shownRequested = requested && resolved.status === 'ok' ? requested : null
    useEffect(() => {
        if (shownRequested) setFallback(null)
    }, [shownRequested])
    return {
        loading: resolved.status === 'loading',
        id: resolved.status === 'loading' ? undefined : resolved.id,
        fallback,
    }
}
