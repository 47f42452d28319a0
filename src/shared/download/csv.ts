/**
 * CSV text (RFC 4180) for downloads: fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled, CRLF between records, a byte-order mark so that spreadsheet programs read
 * UTF-8 names correctly. Text cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * get a leading `'`: a spreadsheet would otherwise run a server-provided name as a formula (CSV
 * injection). Numbers are written as they are.
 */
export type CsvCell = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/** One field */
export const csvField = (cell: CsvCell): string => {
    if (cell === null || cell === undefined) return ''
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
    const text = FORMULA_START.test(cell) ? `'${cell}` : cell
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole document: a header row then the rows */
export const toCsv = (rows: readonly (readonly CsvCell[])[]): string =>
    '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
