/**
 * Follow-ups of alerts in the dataStore: one entry per org unit × pair,
 * `triangulate/followup--<org unit>--<pair>` (`domain/follow-up`).
 *
 * Reading them all is one paged request of the dataStore query API (DHIS2 2.38+,
 * `GET /api/dataStore/<ns>?fields=.&filter=_:$like:followup--` → `{ pager, entries: [{ key, value }] }`;
 * dhis2-core `DatastoreController.getEntries`, `DatastoreQuery`: `_` is the key, `.` the whole
 * value, `$like` "starts with"); the pager has no total, so pages are read until one is short.
 *
 * Writing goes through the app's safe write (`datastore-entry.ts`): two users changing the same
 * follow-up at once never lose an action silently. Follow-ups are NOT given the editors-only
 * sharing of the mapping: every user of the app who sees the org unit must be able to act on its
 * alerts, so they keep DHIS2's default sharing of a new entry (public `rw------`), and the
 * "protect entries" of the Mapping tab leaves them out (`entry-protection.ts`).
 */
import { CONFIG_NAMESPACE } from '../domain/config'
import {
    FOLLOW_UP_KEY_PREFIX,
    followUpKey,
    isFollowUpKey,
    parseFollowUp,
    type FollowUp,
} from '../domain/follow-up/follow-up'
import { loadEntry, safeWrite, type SafeWriteResult, type StoredEntry } from './datastore-entry'
import { httpStatusOf, type DataEngine } from './engine'
import { withoutRevision } from './save-revision'

export const FOLLOW_UP_PAGE_SIZE = 1000

interface QueryPage {
    entries?: { key?: unknown; value?: unknown }[]
}

/** The follow-ups of one page of the query API (entries that are no follow-up are skipped). */
export const followUpsOfPage = (page: unknown): { followUps: FollowUp[]; size: number } => {
    const entries = Array.isArray((page as QueryPage | null)?.entries)
        ? ((page as QueryPage).entries ?? [])
        : Array.isArray(page)
          ? (page as QueryPage['entries'] & unknown[])
          : []
    const followUps = entries.flatMap((entry) =>
        typeof entry?.key === 'string' && isFollowUpKey(entry.key)
            ? (() => {
                  const parsed = parseFollowUp(withoutRevision(entry.value))
                  return parsed ? [parsed] : []
              })()
            : []
    )
    return { followUps, size: entries.length }
}

/** Every follow-up the user may read, in pages of `pageSize`. */
export const loadFollowUps = async (
    engine: DataEngine,
    signal?: AbortSignal,
    pageSize = FOLLOW_UP_PAGE_SIZE
): Promise<FollowUp[]> => {
    const all: FollowUp[] = []
    for (let page = 1; ; page++) {
        let result: unknown
        try {
            result = (
                await engine.query(
                    {
                        result: {
                            resource: `dataStore/${CONFIG_NAMESPACE}`,
                            params: {
                                fields: '.',
                                filter: `_:$like:${FOLLOW_UP_KEY_PREFIX}`,
                                page,
                                pageSize,
                            },
                        },
                    },
                    signal ? { signal } : {}
                )
            ).result
        } catch (error) {
            // No namespace yet: nothing followed up
            if (httpStatusOf(error) === 404) return all
            throw error
        }
        const { followUps, size } = followUpsOfPage(result)
        all.push(...followUps)
        if (size < pageSize) return all
    }
}

export interface StoredFollowUp {
    /** The entry as read: the base of the next save */
    entry: StoredEntry
    followUp: FollowUp | null
}

export const followUpOfEntry = (entry: StoredEntry): StoredFollowUp => ({
    entry,
    followUp: entry.exists ? parseFollowUp(withoutRevision(entry.value)) : null,
})

/** One follow-up with its entry (`lastUpdated`, revision): what an edit starts from. */
export const loadFollowUp = async (
    engine: DataEngine,
    orgUnitId: string,
    pairId: string,
    signal?: AbortSignal
): Promise<StoredFollowUp> =>
    followUpOfEntry(
        await loadEntry(engine, CONFIG_NAMESPACE, followUpKey(orgUnitId, pairId), signal)
    )

/** Saves a follow-up made from `base`; a conflict when someone else saved it since. */
export const saveFollowUp = (
    engine: DataEngine,
    base: StoredEntry,
    followUp: FollowUp
): Promise<SafeWriteResult> =>
    safeWrite(engine, {
        namespace: CONFIG_NAMESPACE,
        key: followUpKey(followUp.orgUnitId, followUp.pairId),
        base,
        value: followUp,
    })
