/**
 * From a scan's alerts to what the Alerts page lists:
 * - entries (`groupEntries`): one per org unit × pair with all its findings, tiered and ranked
 *   by impact. Stockouts while patients keep coming are stock status, not alerts: they go to
 *   their own list. A facility's incomplete month is one report not sent (the Data quality page
 *   lists those); reporting drops are entries above facilities only;
 * - stockouts by duration: per org unit × pair, the months without stock while cases continued,
 *   longest first.
 */
import { groupEntries, rankEntries, type AlertEntry } from '../../domain/alerts/entries'
import type { AlertType, StockoutAlert } from '../../domain/alerts'
import type { Tier } from '../../domain/alerts/tiers'
import { addMonths } from '../../domain/periods'
import type { ScanAlert } from './scan-alerts'

export type ScanEntry = AlertEntry

/** Whether an alert belongs in the ranked entries (see the module comment) */
export const isEntryAlert = (
    item: Pick<ScanAlert, 'alert' | 'level'>,
    facilityLevel: number | null
): boolean =>
    item.alert.type !== 'stockoutWithCases' &&
    !(
        item.alert.type === 'completenessDrop' &&
        facilityLevel !== null &&
        item.level >= facilityLevel
    )

/** The ranked entries of a scan's alerts */
export const scanEntries = (
    alerts: readonly ScanAlert[],
    { facilityLevel = null, outlierZ }: { facilityLevel?: number | null; outlierZ?: number } = {}
): ScanEntry[] =>
    groupEntries(
        alerts.filter((a) => isEntryAlert(a, facilityLevel)),
        outlierZ
    )

export interface StockoutEntry {
    /** `orgUnitId:pairId` */
    id: string
    orgUnitId: string
    pairId: string
    pairIds: string[]
    level: number
    /** Months (or quarters) out of stock while cases continued, in order */
    periods: string[]
    /** The longest run of consecutive months */
    longestRun: number
    /** The last month of the list */
    lastPeriod: string
    /** Cases in those months over their usual level (%), the highest */
    casesPercentOfUsual: number
    /** The first alert, for the link to the chart */
    alert: StockoutAlert
}

/** The longest run of consecutive months in sorted month ids */
export const longestRun = (months: readonly string[]): number => {
    let best = 0
    let run = 0
    let previous: string | null = null
    for (const month of months) {
        run = previous !== null && addMonths(previous, 1) === month ? run + 1 : 1
        best = Math.max(best, run)
        previous = month
    }
    return best
}

/** Stockouts while cases continue, per org unit × pair, longest first (then most recent) */
export const stockoutsByDuration = (alerts: readonly ScanAlert[]): StockoutEntry[] => {
    const groups = new Map<string, ScanAlert[]>()
    for (const item of alerts) {
        if (item.alert.type !== 'stockoutWithCases') continue
        const id = `${item.alert.orgUnitId}:${item.alert.pairId}`
        const list = groups.get(id)
        if (list) list.push(item)
        else groups.set(id, [item])
    }
    const out: (StockoutEntry & { impact: number })[] = []
    for (const [id, list] of groups) {
        const periods = [...new Set(list.map((a) => a.alert.period))].sort()
        const first = list[0] as ScanAlert
        const run = longestRun(periods)
        const lastPeriod = periods[periods.length - 1] as string
        out.push({
            id,
            orgUnitId: first.alert.orgUnitId,
            pairId: first.alert.pairId,
            pairIds: [...new Set(list.flatMap((a) => a.pairIds))],
            level: first.level,
            periods,
            longestRun: run,
            lastPeriod,
            casesPercentOfUsual: Math.max(
                ...list.map((a) => (a.alert as StockoutAlert).details.casesPercentOfUsual)
            ),
            alert: [...list].sort((a, b) => (a.alert.period < b.alert.period ? 1 : -1))[0]
                ?.alert as StockoutAlert,
            // longest run first, then the most months, then the most recent
            impact: run * 1000 + periods.length * 10 + Number(lastPeriod.replace(/\D/g, '')) / 1e7,
        })
    }
    return rankEntries(out).map(({ impact: _impact, ...entry }) => entry)
}

export interface EntryFilters {
    areaId: string | null
    pairId: string | null
    type: AlertType | null
    level: number | null
    tier: Tier | null
}

export const NO_ENTRY_FILTERS: EntryFilters = {
    areaId: null,
    pairId: null,
    type: null,
    level: null,
    tier: null,
}

/** The entries (or stockouts, without type and tier) matching the filters */
export const filterEntries = <
    E extends Pick<ScanEntry, 'pairIds' | 'level'> & Partial<Pick<ScanEntry, 'reasons' | 'tier'>>,
>(
    entries: readonly E[],
    filters: EntryFilters,
    areaOfPair: ReadonlyMap<string, string>
): E[] =>
    entries.filter(
        (entry) =>
            (filters.level === null || entry.level === filters.level) &&
            (filters.pairId === null || entry.pairIds.includes(filters.pairId)) &&
            (filters.areaId === null ||
                entry.pairIds.some((id) => areaOfPair.get(id) === filters.areaId)) &&
            (filters.tier === null || entry.tier === undefined || entry.tier === filters.tier) &&
            (filters.type === null ||
                entry.reasons === undefined ||
                entry.reasons.some((r) => r.alert.type === filters.type))
    )

/** How many entries have a finding of each type (for the type filter's labels) */
export const countEntriesByType = (
    entries: readonly Pick<ScanEntry, 'reasons'>[]
): Partial<Record<AlertType, number>> => {
    const counts: Partial<Record<AlertType, number>> = {}
    for (const entry of entries) {
        for (const type of new Set(entry.reasons.map((r) => r.alert.type))) {
            counts[type] = (counts[type] ?? 0) + 1
        }
    }
    return counts
}
