/**
 * A DHIS2 timestamp (`2026-11-26T09:45:25.519`, the server's local time without a zone) as
 * `2026-11-26 09:45`: shown as the server wrote it, not converted with a guessed zone.
 */
export const formatServerTime = (timestamp: string | null | undefined): string => {
    if (!timestamp) return ''
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp)
    return match ? `${match[1]} ${match[2]}` : timestamp
}
