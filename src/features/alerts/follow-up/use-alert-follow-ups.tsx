import React, { useCallback, useMemo } from 'react'
import { reasonPrints, type EffectiveFollowUp } from '../../../domain/follow-up/follow-up'
import { useMe } from '../../../data/use-me'
import { orgUnitsById } from '../alert-view'
import type { ScanAlert } from '../scan-alerts'
import type { ScanData } from '../scan-data'
import { alertEntries, assignableOrgUnits, followUpKeyOf, scanFollowUps } from './alert-entries'
import { FollowUpLine } from './FollowUpPanel'
import { useFollowUps } from './use-follow-ups'

/**
 * The follow-ups of the scan's alerts: the stored ones (one request for all, see
 * `data/follow-ups.ts`) merged with the scan (a resolved alert whose data changed shows open
 * again), and `render`, the follow-up line an alert of the list shows.
 */
export const useAlertFollowUps = (
    alerts: readonly ScanAlert[] | null,
    scan: ScanData | undefined,
    locale: string
) => {
    const me = useMe()
    const stored = useFollowUps(alerts !== null)
    const merged = useMemo(
        (): Map<string, EffectiveFollowUp> =>
            alerts && stored.data ? scanFollowUps(alerts, stored.data) : new Map(),
        [alerts, stored.data]
    )
    const prints = useMemo(
        () =>
            new Map(
                alertEntries(alerts ?? []).map((e) => [
                    `${e.orgUnitId}:${e.pairId}`,
                    reasonPrints(e.reasons),
                ])
            ),
        [alerts]
    )
    const units = useMemo(() => (scan ? orgUnitsById(scan) : new Map()), [scan])
    const person = useMemo(
        () => (me.data ? { id: me.data.id, name: me.data.displayName } : null),
        [me.data]
    )
    const render = useCallback(
        (scanAlert: ScanAlert) => {
            const key = followUpKeyOf(scanAlert)
            const followUp = merged.get(key)
            if (!followUp || !person) return null
            const { alert } = scanAlert
            return (
                <FollowUpLine
                    target={{
                        orgUnitId: alert.orgUnitId,
                        pairId: alert.pairId,
                        orgUnits: assignableOrgUnits(units.get(alert.orgUnitId)),
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
