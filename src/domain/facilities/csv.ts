/**
 * Reading an LMIS facility list exported as CSV (OpenLMIS, eLMIS, CommCare Supply): the table,
 * the columns the admin chose, and every row checked before anything is used. Errors name the row
 * (as a spreadsheet numbers it: the header is row 1) and the column; the UI translates them.
 * Two rows with one code are not refused: real lists have them, and the matcher flags them.
 */
import type { LmisFacility } from './match'

export interface CsvTable {
    header: string[]
    /** Data rows (without the header) */
    rows: string[][]
}

export type CsvProblem =
    | { code: 'empty' }
    | { code: 'unclosedQuote'; row: number }
    | { code: 'columnCount'; row: number; expected: number; found: number }
    | { code: 'missingValue'; row: number; column: string }
    | { code: 'badNumber'; row: number; column: string; value: string }
    | { code: 'outOfRange'; row: number; column: string; value: string }
    | { code: 'badStatus'; row: number; column: string; value: string }
    | { code: 'noColumn'; field: ColumnField }

/** Detects `,` `;` or tab from the header line. */
const delimiterOf = (firstLine: string): string => {
    const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }))
    return counts.reduce((a, b) => (b.n > a.n ? b : a)).d
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), BOM and blank lines ignored. */
export const parseCsv = (input: string): { table: CsvTable } | { problem: CsvProblem } => {
    const text = input.replace(/^\uFEFF/, '')
    const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
    if (!firstLine.trim()) return { problem: { code: 'empty' } }
    const delimiter = delimiterOf(firstLine)
    const records: string[][] = []
    let field = ''
    let record: string[] = []
    let quoted = false
    let line = 1
    let recordLine = 1
    for (let i = 0; i < text.length; i++) {
        const ch = text[i] as string
        if (quoted) {
            if (ch === '"') {
                if (text[i + 1] === '"') {
                    field += '"'
                    i++
                } else quoted = false
            } else {
                if (ch === '\n') line++
                field += ch
            }
            continue
        }
        if (ch === '"' && field === '') quoted = true
        else if (ch === delimiter) {
            record.push(field)
            field = ''
        } else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n') i++
            record.push(field)
            if (record.some((f) => f.trim() !== '')) records.push(record)
            record = []
            field = ''
            line++
            recordLine = line
        } else field += ch
    }
    if (quoted) return { problem: { code: 'unclosedQuote', row: recordLine } }
    record.push(field)
    if (record.some((f) => f.trim() !== '')) records.push(record)
    const [header, ...rows] = records
    if (!header || rows.length === 0) return { problem: { code: 'empty' } }
    return { table: { header: header.map((h) => h.trim()), rows } }
}

export type ColumnField =
    'code' | 'name' | 'region' | 'district' | 'type' | 'latitude' | 'longitude' | 'status'

export const COLUMN_FIELDS: readonly ColumnField[] = [
    'code',
    'name',
    'region',
    'district',
    'type',
    'latitude',
    'longitude',
    'status',
]

/** Column index per field; `code` and `name` are required, the others optional */
export type ColumnMapping = Partial<Record<ColumnField, number>>

const HEADER_WORDS: Record<ColumnField, RegExp> = {
    code: /^(facility[ _]?)?(code|id|identifier|site[ _]?code)$|^hfr|^msd/i,
    name: /^(facility[ _]?)?name$|^(site|location)[ _]?name$/i,
    region: /region|province|mkoa|r[ée]gion|state/i,
    district: /district|wilaya|council|geographic[ _]?zone|zone/i,
    type: /type|category|level/i,
    latitude: /^lat(itude)?$|latitude/i,
    longitude: /^(lon|lng|long)(gitude)?$|longitude/i,
    status: /status|active|enabled|operational/i,
}

/** The columns whose header says what they hold (the admin can change them). */
export const guessColumns = (header: readonly string[]): ColumnMapping => {
    const mapping: ColumnMapping = {}
    const used = new Set<number>()
    for (const field of COLUMN_FIELDS) {
        const i = header.findIndex((h, k) => !used.has(k) && HEADER_WORDS[field].test(h.trim()))
        if (i >= 0) {
            mapping[field] = i
            used.add(i)
        }
    }
    return mapping
}

const ACTIVE = new Set([
    'true',
    'yes',
    'y',
    '1',
    'active',
    'open',
    'operational',
    'functional',
    'oui',
    'ndiyo',
    'sim',
    'actif',
])
const INACTIVE = new Set([
    'false',
    'no',
    'n',
    '0',
    'inactive',
    'closed',
    'non-operational',
    'not operational',
    'non',
    'hapana',
    'nao',
    'não',
    'ferme',
    'fermé',
    'inactif',
])

const MAX_PROBLEMS = 50

/**
 * The facilities of the table under the chosen columns, or every problem found (up to 50): a list
 * with any problem is not used at all.
 */
export const readFacilities = (
    table: CsvTable,
    mapping: ColumnMapping
): { facilities: LmisFacility[] } | { problems: CsvProblem[] } => {
    const problems: CsvProblem[] = []
    for (const field of ['code', 'name'] as const) {
        if (mapping[field] === undefined) problems.push({ code: 'noColumn', field })
    }
    if ((mapping.latitude === undefined) !== (mapping.longitude === undefined)) {
        problems.push({
            code: 'noColumn',
            field: mapping.latitude === undefined ? 'latitude' : 'longitude',
        })
    }
    if (problems.length > 0) return { problems }
    const columnName = (field: ColumnField): string =>
        table.header[mapping[field] as number] ?? field
    const facilities: LmisFacility[] = []
    const width = table.header.length
    table.rows.forEach((cells, k) => {
        if (problems.length >= MAX_PROBLEMS) return
        const row = k + 2
        if (cells.length !== width) {
            problems.push({ code: 'columnCount', row, expected: width, found: cells.length })
            return
        }
        const cell = (field: ColumnField): string =>
            mapping[field] === undefined ? '' : (cells[mapping[field] as number] ?? '').trim()
        const name = cell('name')
        const code = cell('code')
        if (!name) problems.push({ code: 'missingValue', row, column: columnName('name') })
        let coordinates: [number, number] | undefined
        const lat = cell('latitude')
        const lon = cell('longitude')
        if (lat || lon) {
            const parsed: number[] = []
            for (const [field, raw, limit] of [
                ['latitude', lat, 90],
                ['longitude', lon, 180],
            ] as const) {
                const value = Number(raw.replace(',', '.'))
                if (!raw || !Number.isFinite(value)) {
                    problems.push({ code: 'badNumber', row, column: columnName(field), value: raw })
                } else if (Math.abs(value) > limit) {
                    problems.push({
                        code: 'outOfRange',
                        row,
                        column: columnName(field),
                        value: raw,
                    })
                } else parsed.push(value)
            }
            if (parsed.length === 2) coordinates = [parsed[1] as number, parsed[0] as number]
        }
        let active = true
        const status = cell('status').toLowerCase()
        if (status) {
            if (INACTIVE.has(status)) active = false
            else if (!ACTIVE.has(status)) {
                problems.push({
                    code: 'badStatus',
                    row,
                    column: columnName('status'),
                    value: cell('status'),
                })
            }
        }
        const region = cell('region')
        const district = cell('district')
        const type = cell('type')
        facilities.push({
            code,
            name,
            active,
            ...(region ? { region } : {}),
            ...(district ? { district } : {}),
            ...(type ? { type } : {}),
            ...(coordinates ? { coordinates } : {}),
        })
    })
    return problems.length > 0 ? { problems: problems.slice(0, MAX_PROBLEMS) } : { facilities }
}
