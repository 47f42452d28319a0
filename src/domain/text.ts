/**
 * Text helpers for names that come from the server or the configuration (org units, data
 * elements, commodities). Those names are plain text: wherever a string is interpreted as markup
 * (Highcharts titles, labels and tooltips, which Highcharts parses for a subset of HTML), escape it
 * first so that a name such as `<img src=x onerror=alert(1)>` is shown as written and never run.
 */

const HTML_ENTITIES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
}

/** Escapes `& < > " '` so that the text is shown as written where markup is parsed. */
export const escapeHtml = (text: string): string =>
    text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char)

/** `escapeHtml` for values that may be missing or not strings (numbers, null). */
export const escapeText = (value: unknown): string =>
    value === null || value === undefined ? '' : escapeHtml(String(value))
