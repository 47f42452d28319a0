/**
 * Words of a search text, without the characters that would break a DHIS2 metadata filter value
 * (`:` separates a filter's parts, `[`, `]` and `,` are list syntax), at most six of them.
 * Used by the org unit search and the mapping editor's item search.
 */
export const searchWords = (text: string): string[] =>
    text
        .replace(/[:[\],]/g, ' ')
        .split(/\s+/)
        .map((word) => word.trim())
        .filter(Boolean)
        .slice(0, 6)
