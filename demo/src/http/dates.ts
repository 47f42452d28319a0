/** Dates as DHIS2 renders them in JSON: `yyyy-MM-dd'T'HH:mm:ss.SSS`, server time (UTC here). */

export const dhis2Date = (date: Date): string => date.toISOString().replace(/Z$/, '')
