/**
 * The alert list a person can read in a meeting: one entry per org unit × pair, holding every
 * finding the detectors made there (its reasons), tiered and ranked by impact.
 *
 * Impact (`entryImpact`) multiplies:
 * - the strength of the strongest finding, on the modified z-score's scale (`severity`), capped at
 *   `MAX_STRENGTH` so that one absurd value does not outrank everything else by orders of
 *   magnitude;
 * - its weight in the parent's total: the deviation in units (value − expected, or the cases
 *   turned away) as a share of the parent org unit's total of that series in that period (a facility
 *   of its district, a district of its region), plus `SHARE_FLOOR` so that findings without units
 *   (reporting rates, master-list gaps) still rank by their strength;
 * - persistence: `1 + PERSISTENCE_WEIGHT × (months − 1)` over the distinct months (or quarters)
 *   flagged;
 * - corroboration: `AGREEMENT_WEIGHT` when both systems show something in the same period (a
 *   finding on cases and one on logistics, or a divergence, which reads both).
 *
 * The tier of an entry is its strongest finding's (`tiers.ts`).
 */
import type { Alert } from './types'
import { higherTier, tierOf, type Tier } from './tiers'

export const MAX_STRENGTH = 25
export const SHARE_FLOOR = 0.02
export const PERSISTENCE_WEIGHT = 0.5
export const AGREEMENT_WEIGHT = 1.25

/** An alert of a scan: the pairs it concerns (its own first) and its org unit level */
export interface LeveledAlert<A extends Alert = Alert> {
    alert: A
    pairIds: readonly string[]
    level: number
    /**
     * The deviation in units as a share (0–1) of the parent's total of the series in the period;
     * `null` when unknown or without units
     */
    parentShare?: number | null
}

export interface AlertEntry<A extends Alert = Alert> {
    /** `orgUnitId:pairId` */
    id: string
    orgUnitId: string
    pairId: string
    /** Every pair its findings concern, its own first */
    pairIds: string[]
    level: number
    /** The findings, strongest first */
    reasons: LeveledAlert<A>[]
    tier: Tier
    /** Distinct periods flagged, in order */
    periods: string[]
    /** The largest share of the parent's total among the findings; `null` when none has units */
    parentShare: number | null
    /** Both systems show something in one period */
    agreement: boolean
    impact: number
}

/** The id of the entry of an org unit and a pair */
export const entryId = (orgUnitId: string, pairId: string): string => `${orgUnitId}:${pairId}`

const strengthOf = (alert: Alert): number =>
    Number.isFinite(alert.severity)
        ? Math.min(MAX_STRENGTH, Math.abs(alert.severity))
        : MAX_STRENGTH

/** Whether the findings show both systems moving in one period */
export const bothSystemsAgree = (reasons: readonly LeveledAlert[]): boolean => {
    const byPeriod = new Map<string, Set<string>>()
    for (const { alert } of reasons) {
        if (alert.series === 'both' && alert.type === 'divergence') return true
        if (alert.series !== 'hmis' && alert.series !== 'lmis') continue
        const set = byPeriod.get(alert.period) ?? new Set<string>()
        set.add(alert.series)
        byPeriod.set(alert.period, set)
    }
    return [...byPeriod.values()].some((set) => set.size === 2)
}

/** The impact of an entry's findings (see the module comment) */
export const entryImpact = (reasons: readonly LeveledAlert[]): number => {
    if (reasons.length === 0) return 0
    const strength = Math.max(...reasons.map((r) => strengthOf(r.alert)))
    const shares = reasons
        .map((r) => r.parentShare)
        .filter((s): s is number => s !== null && s !== undefined && Number.isFinite(s))
    const share = shares.length > 0 ? Math.min(1, Math.max(...shares.map(Math.abs))) : 0
    const months = new Set(reasons.map((r) => r.alert.period)).size
    return (
        strength *
        (SHARE_FLOOR + share) *
        (1 + PERSISTENCE_WEIGHT * (months - 1)) *
        (bothSystemsAgree(reasons) ? AGREEMENT_WEIGHT : 1)
    )
}

/**
 * The entries of some alerts: grouped by org unit × pair (the alert's own pair), the findings
 * below the outlier cut-off (`outlierZ`) left out, ranked by impact (highest first, then by id).
 */
export const groupEntries = <A extends Alert>(
    alerts: readonly LeveledAlert<A>[],
    outlierZ?: number
): AlertEntry<A>[] => {
    const groups = new Map<string, LeveledAlert<A>[]>()
    for (const item of alerts) {
        if (tierOf(item.alert.severity, outlierZ) === null) continue
        const id = entryId(item.alert.orgUnitId, item.alert.pairId)
        const list = groups.get(id)
        if (list) list.push(item)
        else groups.set(id, [item])
    }
    const entries: AlertEntry<A>[] = []
    for (const [id, list] of groups) {
        const reasons = [...list].sort(
            (a, b) =>
                strengthOf(b.alert) - strengthOf(a.alert) || (a.alert.id < b.alert.id ? -1 : 1)
        )
        const first = reasons[0] as LeveledAlert<A>
        let tier: Tier | null = null
        for (const r of reasons) tier = higherTier(tier, tierOf(r.alert.severity, outlierZ))
        const shares = reasons
            .map((r) => r.parentShare)
            .filter((s): s is number => typeof s === 'number' && Number.isFinite(s))
        entries.push({
            id,
            orgUnitId: first.alert.orgUnitId,
            pairId: first.alert.pairId,
            pairIds: [...new Set(reasons.flatMap((r) => [r.alert.pairId, ...r.pairIds]))],
            level: first.level,
            reasons,
            tier: tier ?? 'outlier',
            periods: [...new Set(reasons.map((r) => r.alert.period))].sort(),
            parentShare: shares.length > 0 ? Math.max(...shares.map(Math.abs)) : null,
            agreement: bothSystemsAgree(reasons),
            impact: entryImpact(reasons),
        })
    }
    return rankEntries(entries)
}

/** Entries by impact, highest first, then by id (stable, locale-independent) */
export const rankEntries = <E extends Pick<AlertEntry, 'impact' | 'id'>>(
    entries: readonly E[]
): E[] =>
    [...entries].sort((a, b) => b.impact - a.impact || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
