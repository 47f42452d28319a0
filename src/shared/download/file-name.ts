/**
 * A file name part from free text: lower-case letters, digits and dashes (`fallback` if none).
 * Apart from the CSV and download helpers: the charts name their exported images with it in the
 * first view, which downloads nothing.
 */
export const fileNamePart = (text: string, fallback = 'export'): string =>
    text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase() || fallback
