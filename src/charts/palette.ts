/**
 * The one palette of the app's charts: one colour per system and per series kind, the same in the
 * trend and the drill-down, in the app and in the dashboard plugin. Service data (HMIS) is blue
 * (further HMIS items in other cool colours), logistics consumption green, stock on hand brown,
 * stockouts red, reporting rates grey. Estimates differ by shape (pale, dashed, hollow), not by
 * colour alone.
 */
export const PALETTE = {
    /** HMIS items, in the order of the pair's items (the first is the service of the pair) */
    hmis: ['#1565c0', '#6a1b9a', '#00838f', '#ad1457', '#4e342e'],
    consumption: '#2e7d32',
    stockOnHand: '#6d4c41',
    stockout: '#c62828',
    completeness: '#757575',
    /** An org unit pointed at (from an alert) or a selected period */
    highlight: '#ef6c00',
} as const

export type SeriesKind = 'hmis' | 'consumption' | 'stockOnHand' | 'stockout' | 'completeness'

/** The colour of a series kind (`index`: which HMIS item). */
export const seriesColor = (kind: SeriesKind, index = 0): string => {
    if (kind === 'hmis') {
        const colors = PALETTE.hmis
        return colors[((index % colors.length) + colors.length) % colors.length] ?? colors[0]
    }
    return PALETTE[kind]
}
