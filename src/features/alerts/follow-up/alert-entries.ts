/**
 * The scan's alerts as follow-up entries (one per org unit × pair, with the reasons raised there),
 * the rows of the export, and the export as CSV. Pure functions, no React.
 */
import {
    followUpMapKey,
    mergeFollowUps,
    type AlertEntryRef,
    type EffectiveFollowUp,
    type FollowUp,
    type FollowUpEvent,
} from '../../../domain/follow-up/follow-up'
import { toCsv, type CsvCell } from '../../../shared/download'
import type { ScanAlert } from '../scan-alerts'
import type { ScanOrgUnit } from '../scan-data'

/** The alert's follow-up key: its org unit × its own pair */
export const followUpKeyOf = ({ alert }: ScanAlert): string =>
    followUpMapKey(alert.orgUnitId, alert.pairId)

/** One entry per org unit × pair, with every reason the scan raised there */
export const alertEntries = (alerts: readonly ScanAlert[]): AlertEntryRef[] => {
    const entries = new Map<
        string,
        AlertEntryRef & { reasons: AlertEntryRef['reasons'][number][] }
    >()
    for (const scanAlert of alerts) {
        const { alert } = scanAlert
        const key = followUpKeyOf(scanAlert)
        const entry = entries.get(key) ?? {
            orgUnitId: alert.orgUnitId,
            pairId: alert.pairId,
            reasons: [],
        }
        entry.reasons.push({ id: alert.id, details: alert.details })
        entries.set(key, entry)
    }
    return [...entries.values()]
}

/** The scan's entries with their follow-ups (`followUps` by `followUpMapKey`) */
export const scanFollowUps = (
    alerts: readonly ScanAlert[],
    followUps: ReadonlyMap<string, FollowUp>
): Map<string, EffectiveFollowUp> => mergeFollowUps(alertEntries(alerts), followUps)

/** Who an alert's follow-up may be assigned to: its org unit, then its ancestors upwards */
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

/** The alerts whose follow-up matches the filter (no follow-up yet: open) */
export const filterByFollowUp = (
    alerts: readonly ScanAlert[],
    followUps: ReadonlyMap<string, EffectiveFollowUp>,
    filter: FollowUpFilter
): ScanAlert[] =>
    filter === 'all'
        ? [...alerts]
        : alerts.filter((a) => {
              const status = followUps.get(followUpKeyOf(a))?.status ?? 'open'
              return filter === 'notResolved' ? status !== 'resolved' : status === filter
          })

/** One row of the export: an alert as the list shows it, and its follow-up */
export interface ExportRow {
    rank: number
    severity: number
    type: string
    orgUnit: string
    path: string
    level: string
    pair: string
    period: string
    description: string
    followUp: EffectiveFollowUp | undefined
}

export interface ExportLabels {
    /**
     * Column headers, in order: rank, severity, type, org unit, path, level, pair, period,
     * description, follow-up status, assigned to, last action, by, when, comments
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

/** The ranked list with reasons and follow-up status as CSV (one row per alert) */
export const alertsCsv = (rows: readonly ExportRow[], labels: ExportLabels): string =>
    toCsv([
        labels.headers,
        ...rows.map((row): CsvCell[] => {
            const f = row.followUp
            return [
                row.rank,
                Math.round(row.severity * 10) / 10,
                row.type,
                row.orgUnit,
                row.path,
                row.level,
                row.pair,
                row.period,
                row.description,
                labels.status(f),
                f?.assignee ? labels.assignee(f) : '',
                f?.last ? labels.event(f.last) : '',
                f?.last ? f.last.by.name : '',
                f?.last ? labels.when(f.last.at) : '',
                commentsOf(f, labels),
            ]
        }),
    ])
