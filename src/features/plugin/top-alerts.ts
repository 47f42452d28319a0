/**
 * The dashboard item's alerts: what it scans for an org unit, and the top alerts it shows — one
 * line per org unit × pair (its most severe reason, and how many others), most severe first.
 * Pure functions, no React.
 */
import { rankAlerts } from '../../domain/alerts'
import { followUpMapKey } from '../../domain/follow-up/follow-up'
import type { ScanAlert } from '../alerts/scan-alerts'

/**
 * The levels scanned for an org unit: itself and the two levels below it, as far as there are
 * levels (a country: its regions and districts, as the Alerts page scans by default; a district:
 * its facilities)
 */
export const ITEM_LEVELS_BELOW = 2
export const alertItemLevels = (orgUnitLevel: number, maxLevel: number): number[] =>
    Array.from(
        { length: Math.max(0, Math.min(ITEM_LEVELS_BELOW, maxLevel - orgUnitLevel)) + 1 },
        (_, i) => orgUnitLevel + i
    )

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
