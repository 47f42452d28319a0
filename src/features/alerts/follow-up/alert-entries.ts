/**
 * The follow-up of the scan's ranked entries (`scan-entries.ts`: one per org unit × pair, its
 * findings as reasons): each entry's follow-up key and fingerprints, the follow-up filter, the rows
 * of the export, and the export as CSV. Pure functions, no React.
 */
import {
    followUpMapKey,
    mergeFollowUps,
    reasonPrints,
    type AlertEntryRef,
    type EffectiveFollowUp,
    type FollowUp,
    type FollowUpEvent,
} from '../../../domain/follow-up/follow-up'
import { toCsv, type CsvCell } from '../../../shared/download'
import type { ScanEntry } from '../scan-entries'
import type { ScanOrgUnit } from '../scan-data'

/** What the follow-up needs of an entry */
export type FollowedEntry = Pick<ScanEntry, 'orgUnitId' | 'pairId' | 'reasons'>

/** The entry's follow-up key: its org unit × its pair */
export const followUpKeyOf = (entry: Pick<ScanEntry, 'orgUnitId' | 'pairId'>): string =>
    followUpMapKey(entry.orgUnitId, entry.pairId)

/** The entry as the follow-up sees it: its org unit × pair and each reason's values */
export const entryRef = (entry: FollowedEntry): AlertEntryRef => ({
    orgUnitId: entry.orgUnitId,
    pairId: entry.pairId,
    reasons: entry.reasons.map(({ alert }) => ({ id: alert.id, details: alert.details })),
})

/** The fingerprints of an entry's reasons (stored when it is resolved) */
export const entryPrints = (entry: FollowedEntry): string[] => reasonPrints(entryRef(entry).reasons)

/** The entries with their follow-ups (`followUps` by `followUpMapKey`) */
export const scanFollowUps = (
    entries: readonly FollowedEntry[],
    followUps: ReadonlyMap<string, FollowUp>
): Map<string, EffectiveFollowUp> => mergeFollowUps(entries.map(entryRef), followUps)

/** Who an entry's follow-up may be assigned to: its org unit, then its ancestors upwards */
export const assignableOrgUnits = (
    unit: Pick<ScanOrgUnit, 'id' | 'name' | 'ancestors' | 'ancestorNames'> | undefined
): { id: string; name: string }[] =>
    unit
        ? [
              { id: unit.id, name: unit.name },
              ...unit.ancestors
                  .map((id, i) => ({ id, name: unit.ancestorNames[i] ?? id }))
                  .reverse(),
          ]
        : []

export type FollowUpFilter = 'all' | 'notResolved' | 'open' | 'acknowledged' | 'resolved'

/** The entries whose follow-up matches the filter (no follow-up yet: open), in their order */
export const filterByFollowUp = <E extends Pick<ScanEntry, 'orgUnitId' | 'pairId'>>(
    entries: readonly E[],
    followUps: ReadonlyMap<string, EffectiveFollowUp>,
    filter: FollowUpFilter
): E[] =>
    filter === 'all'
        ? [...entries]
        : entries.filter((entry) => {
              const status = followUps.get(followUpKeyOf(entry))?.status ?? 'open'
              return filter === 'notResolved' ? status !== 'resolved' : status === filter
          })

/** One row of the export: an entry as the list shows it, and its follow-up */
export interface ExportRow {
    rank: number
    tier: string
    orgUnit: string
    path: string
    level: string
    pair: string
    /** The periods flagged, in words */
    periods: string
    /** Every reason in words, strongest first */
    reasons: readonly string[]
    /** The deviation as a share (0–1) of the parent's total; `null` without units */
    parentShare: number | null
    followUp: EffectiveFollowUp | undefined
}

export interface ExportLabels {
    /**
     * Column headers, in order: rank, tier, org unit, path, level, pair, periods, reasons, share
     * of the parent total (%), follow-up status, assigned to, last action, by, when, comments
     */
    headers: readonly string[]
    status: (followUp: EffectiveFollowUp | undefined) => string
    assignee: (followUp: EffectiveFollowUp) => string
    event: (event: FollowUpEvent) => string
    when: (iso: string) => string
}

const commentsOf = (followUp: EffectiveFollowUp | undefined, labels: ExportLabels): string =>
    (followUp?.history ?? [])
        .flatMap((e) =>
            e.action === 'comment' ? [`${e.by.name} (${labels.when(e.at)}): ${e.text}`] : []
        )
        .join('\n')

/** The ranked entries with their reasons and follow-up as CSV (one row per entry) */
export const alertsCsv = (rows: readonly ExportRow[], labels: ExportLabels): string =>
    toCsv([
        labels.headers,
        ...rows.map((row): CsvCell[] => {
            const f = row.followUp
            return [
                row.rank,
                row.tier,
                row.orgUnit,
                row.path,
                row.level,
                row.pair,
                row.periods,
                row.reasons.join('\n'),
                row.parentShare === null ? '' : Math.round(row.parentShare * 1000) / 10,
                labels.status(f),
                f?.assignee ? labels.assignee(f) : '',
                f?.last ? labels.event(f.last) : '',
                f?.last ? f.last.by.name : '',
                f?.last ? labels.when(f.last.at) : '',
                commentsOf(f, labels),
            ]
        }),
    ])
