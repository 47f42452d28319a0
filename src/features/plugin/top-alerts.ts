/**
 * The dashboard item's alerts: what it scans for an org unit, and the top alerts it shows — one
 * line per org unit × pair (its most severe reason, and how many others), most severe first.
 * Pure functions, no React.
 */
import { rankAlerts } from '../../domain/alerts'
import { followUpMapKey } from '../../domain/follow-up/follow-up'
import type { ScanAlert } from '../alerts/scan-alerts'

/** The levels scanned for an org unit: itself, and its children when it has a level below */
export const alertItemLevels = (orgUnitLevel: number, maxLevel: number): number[] =>
    orgUnitLevel < maxLevel ? [orgUnitLevel, orgUnitLevel + 1] : [orgUnitLevel]

export interface TopAlert {
    /** The most severe reason of its org unit × pair */
    top: ScanAlert
    /** How many more reasons the org unit × pair has */
    others: number
}

/** The `limit` most severe org unit × pair entries of a scan */
export const topAlerts = (alerts: readonly ScanAlert[], limit: number): TopAlert[] => {
    const byEntry = new Map<string, TopAlert>()
    const ranked = rankAlerts(alerts.map((a) => a.alert))
    const scanAlertOf = new Map(alerts.map((a) => [a.alert, a]))
    for (const alert of ranked) {
        const key = followUpMapKey(alert.orgUnitId, alert.pairId)
        const known = byEntry.get(key)
        if (known) known.others++
        else byEntry.set(key, { top: scanAlertOf.get(alert) as ScanAlert, others: 0 })
    }
    return [...byEntry.values()].slice(0, limit)
}
