import React, { useCallback, useMemo } from 'react'
import type { EffectiveFollowUp } from '../../../domain/follow-up/follow-up'
import { useMe } from '../../../data/use-me'
import { orgUnitsById } from '../alert-view'
import type { ScanData } from '../scan-data'
import type { ScanEntry } from '../scan-entries'
import { assignableOrgUnits, entryPrints, followUpKeyOf, scanFollowUps } from './alert-entries'
import { FollowUpLine } from './FollowUpPanel'
import { useFollowUps } from './use-follow-ups'

/**
 * The follow-ups of the scan's ranked entries: the stored ones (one request for all, see
 * `data/follow-ups.ts`) merged with the entries (a resolved entry whose reasons' data changed shows
 * open again), and `render`, the follow-up line an entry of the list shows.
 */
export const useAlertFollowUps = (
    entries: readonly ScanEntry[] | null,
    scan: ScanData | undefined,
    locale: string
) => {
    const me = useMe()
    const stored = useFollowUps(entries !== null)
    const merged = useMemo(
        (): Map<string, EffectiveFollowUp> =>
            entries && stored.data ? scanFollowUps(entries, stored.data) : new Map(),
        [entries, stored.data]
    )
    const prints = useMemo(
        () => new Map((entries ?? []).map((e) => [followUpKeyOf(e), entryPrints(e)])),
        [entries]
    )
    const units = useMemo(() => (scan ? orgUnitsById(scan) : new Map()), [scan])
    const person = useMemo(
        () => (me.data ? { id: me.data.id, name: me.data.displayName } : null),
        [me.data]
    )
    const render = useCallback(
        (entry: ScanEntry) => {
            const key = followUpKeyOf(entry)
            const followUp = merged.get(key)
            if (!followUp || !person) return null
            return (
                <FollowUpLine
                    target={{
                        orgUnitId: entry.orgUnitId,
                        pairId: entry.pairId,
                        orgUnits: assignableOrgUnits(units.get(entry.orgUnitId)),
                        prints: prints.get(key) ?? [],
                    }}
                    followUp={followUp}
                    me={person}
                    locale={locale}
                />
            )
        },
        [merged, person, units, prints, locale]
    )
    return { followUps: merged, render, loading: stored.isLoading, error: stored.error }
}
