import type { Alert } from './types'

const severityOf = (alert: Alert): number =>
    Number.isFinite(alert.severity) ? alert.severity : Number.NEGATIVE_INFINITY

/**
 * Alerts sorted by severity, highest first, then by id (code-unit order, independent of the
 * locale), so that equal severities keep a stable order. Returns a new array.
 */
export const rankAlerts = <T extends Alert>(alerts: readonly T[]): T[] =>
    [...alerts].sort((a, b) => {
        const bySeverity = severityOf(b) - severityOf(a)
        if (bySeverity !== 0 && !Number.isNaN(bySeverity)) return bySeverity
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    })
