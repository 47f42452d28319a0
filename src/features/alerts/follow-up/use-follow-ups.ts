import { useDataEngine } from '@dhis2/app-runtime'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { followUpsByEntry, type FollowUp } from '../../../domain/follow-up/follow-up'
import {
    loadFollowUp,
    loadFollowUps,
    saveFollowUp,
    type StoredFollowUp,
} from '../../../data/follow-ups'
import type { SafeWriteResult, StoredEntry } from '../../../data/datastore-entry'

export const FOLLOW_UPS_KEY = ['followUps'] as const
const entryKey = (orgUnitId: string, pairId: string) =>
    ['followUps', 'entry', orgUnitId, pairId] as const

/** Every follow-up the user may read, by org unit × pair (`followUpMapKey`). */
export const useFollowUps = (enabled = true) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: FOLLOW_UPS_KEY,
        enabled,
        staleTime: 60 * 1000,
        queryFn: async ({ signal }): Promise<Map<string, FollowUp>> =>
            followUpsByEntry(await loadFollowUps(engine, signal)),
    })
}

/**
 * One follow-up with its entry, read when its panel opens: the version the user's next action is
 * made from (a save on top of a newer one is a conflict, see `saveFollowUp`).
 */
export const useFollowUpEntry = (orgUnitId: string, pairId: string) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: entryKey(orgUnitId, pairId),
        staleTime: Infinity,
        gcTime: 0,
        queryFn: ({ signal }): Promise<StoredFollowUp> =>
            loadFollowUp(engine, orgUnitId, pairId, signal),
    })
}

/** Saving a follow-up made from `base`; the list and the entry learn the stored version. */
export const useSaveFollowUp = (orgUnitId: string, pairId: string) => {
    const engine = useDataEngine()
    const client = useQueryClient()
    return useCallback(
        async (base: StoredEntry, followUp: FollowUp): Promise<SafeWriteResult> => {
            const result = await saveFollowUp(engine, base, followUp)
            await client.invalidateQueries({ queryKey: entryKey(orgUnitId, pairId) })
            await client.invalidateQueries({ queryKey: FOLLOW_UPS_KEY, exact: true })
            return result
        },
        [engine, client, orgUnitId, pairId]
    )
}

export interface UserMatch {
    id: string
    name: string
    username: string
}

/**
 * Users whose name, username or email contains `text` (2 characters at least), through
 * `/api/userLookup`, DHIS2's look-up for every logged-in user: no authority check, only
 * non-sensitive fields, at most 25 users (dhis2-core `UserLookupController`,
 * `UserLookup.fromUser`). `/api/users` is the user administration's list, not meant for this.
 */
export const useUserLookup = (text: string) => {
    const engine = useDataEngine()
    const query = text.trim()
    return useQuery({
        queryKey: ['userLookup', query],
        enabled: query.length >= 2,
        staleTime: 5 * 60 * 1000,
        queryFn: async ({ signal }): Promise<UserMatch[]> => {
            const { users } = (await engine.query(
                { users: { resource: 'userLookup', params: { query } } },
                { signal }
            )) as {
                users?: {
                    users?: { id: string; displayName?: string; username?: string }[]
                }
            }
            return (users?.users ?? []).map((u) => ({
                id: u.id,
                name: u.displayName ?? u.username ?? u.id,
                username: u.username ?? '',
            }))
        },
    })
}
