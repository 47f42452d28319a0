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
        outlierZ,
        { facilityLevel }
    )

/** Most entries a program area's list shows at once (a national list read in a meeting) */
export const ENTRIES_PER_AREA = 150

export interface EntryCut<E> {
    /** The entries shown, in rank order: at most `perArea` of each program area */
    shown: E[]
    /** Per program area (`''`: a pair without one), the entries below the cut */
    below: Record<string, number>
}

/**
 * The entries a list shows: ranked entries (highest impact first) kept while their program area
 * (that of the entry's own pair) has fewer than `perArea`; the rest counted per area, "N more
 * below the cut", for the page to offer.
 */
export const cutEntries = <E extends Pick<ScanEntry, 'pairId'>>(
    ranked: readonly E[],
    areaOfPair: ReadonlyMap<string, string>,
    perArea: number = ENTRIES_PER_AREA
): EntryCut<E> => {
    const shownPerArea = new Map<string, number>()
    const shown: E[] = []
    const below: Record<string, number> = {}
    for (const entry of ranked) {
        const area = areaOfPair.get(entry.pairId) ?? ''
        const count = shownPerArea.get(area) ?? 0
        if (count < perArea) {
            shown.push(entry)
            shownPerArea.set(area, count + 1)
        } else {
            below[area] = (below[area] ?? 0) + 1
        }
    }
    return { shown, below }
}

export interface ListedEntries<E> {
    /** What the list shows, in rank order: the filtered entries, cut unless `showBelowCut` */
    shown: E[]
    /** Per program area, the filtered entries below the cut (shown or not) */
    below: Record<string, number>
    /** All entries below the cut (the "N more below the cut" line) */
    belowCount: number
}

/**
 * What the Alerts list, its CSV and its print show: the ranked entries the filters keep, cut to
 * `perArea` per program area (`cutEntries`) unless the user chose to see those below the cut.
 * The cut is applied after the filters, so narrowing to a pair or a type lists up to `perArea`
 * of what matches.
 */
export const listedEntries = <E extends FilteredEntry>(
    entries: readonly E[],
    filters: EntryFilters,
    areaOfPair: ReadonlyMap<string, string>,
    showBelowCut: boolean,
    perArea: number = ENTRIES_PER_AREA
): ListedEntries<E> => {
    const filtered = filterEntries(entries, filters, areaOfPair)
    const cut = cutEntries(filtered, areaOfPair, perArea)
    const belowCount = Object.values(cut.below).reduce((sum, n) => sum + n, 0)
    return { shown: showBelowCut ? filtered : cut.shown, below: cut.below, belowCount }
}

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

type FilteredEntry = Pick<ScanEntry, 'pairId' | 'pairIds' | 'level'> &
    Partial<Pick<ScanEntry, 'reasons' | 'tier'>>

const matchesOtherFilters = (entry: FilteredEntry, filters: EntryFilters): boolean =>
    (filters.level === null || entry.level === filters.level) &&
    (filters.tier === null || entry.tier === undefined || entry.tier === filters.tier) &&
    (filters.type === null ||
        entry.reasons === undefined ||
        entry.reasons.some((r) => r.alert.type === filters.type))

/**
 * The entries (or stockouts, without type and tier) matching the filters. An entry is filed under
 * its own pair (`pairId`) and that pair's program area only, even when its findings concern other
 * pairs too (a report or an HMIS series they share): so each entry is counted once, the program
 * areas' lists add up to the list of all areas, and the cut per area (`cutEntries`) counts the
 * entries each area lists. `sharedElsewhere` counts those the pair or area filter leaves out so.
 */
export const filterEntries = <E extends FilteredEntry>(
    entries: readonly E[],
    filters: EntryFilters,
    areaOfPair: ReadonlyMap<string, string>
): E[] =>
    entries.filter(
        (entry) =>
            (filters.pairId === null || entry.pairId === filters.pairId) &&
            (filters.areaId === null || areaOfPair.get(entry.pairId) === filters.areaId) &&
            matchesOtherFilters(entry, filters)
    )

/**
 * How many entries the pair or program area filter leaves out although some of their findings
 * concern the pair or area chosen (a report or a series shared with the entry's own pair, which is
 * of another area or is another pair): each entry is listed once, under its own pair.
 */
export const sharedElsewhere = (
    entries: readonly FilteredEntry[],
    filters: EntryFilters,
    areaOfPair: ReadonlyMap<string, string>
): number =>
    filters.pairId === null && filters.areaId === null
        ? 0
        : entries.filter(
              (entry) =>
                  matchesOtherFilters(entry, filters) &&
                  !(
                      (filters.pairId === null || entry.pairId === filters.pairId) &&
                      (filters.areaId === null || areaOfPair.get(entry.pairId) === filters.areaId)
                  ) &&
                  entry.pairIds.some(
                      (id) =>
                          (filters.pairId === null || id === filters.pairId) &&
                          (filters.areaId === null || areaOfPair.get(id) === filters.areaId)
                  )
          ).length

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
