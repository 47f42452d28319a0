import { guessColumns, parseCsv, readFacilities } from './csv'

const HEADER = 'Facility Code,Facility Name,Region,District,Facility Type,Latitude,Longitude,Active'

const read = (text: string) => {
    const parsed = parseCsv(text)
    if (!('table' in parsed)) throw new Error('not parsed')
    return readFacilities(parsed.table, guessColumns(parsed.table.header))
}

describe('parseCsv', () => {
    it('reads quotes, doubled quotes, line breaks in quotes, semicolons and a BOM', () => {
        const parsed = parseCsv(
            '\uFEFFcode;name\r\nA1;"Centre de Santé ""Ndiaye"""\r\nA2;"two\nlines"\r\n'
        )
        expect(parsed).toEqual({
            table: {
                header: ['code', 'name'],
                rows: [
                    ['A1', 'Centre de Santé "Ndiaye"'],
                    ['A2', 'two\nlines'],
                ],
            },
        })
    })

    it('names the row of an unclosed quote, and refuses an empty file', () => {
        expect(parseCsv('code,name\nA1,ok\nA2,"broken\n')).toEqual({
            problem: { code: 'unclosedQuote', row: 3 },
        })
        expect(parseCsv('')).toEqual({ problem: { code: 'empty' } })
        expect(parseCsv('code,name\n')).toEqual({ problem: { code: 'empty' } })
    })
})

describe('readFacilities', () => {
    it('guesses the columns of an eLMIS export and reads the rows', () => {
        const result = read(
            `${HEADER}\nHF1,Kibaoni Dispensary,Kilimani,Kilosa,Dispensary,-6.1,30.2,TRUE\nL2,Mwanzi HC,,,,,,FALSE\n`
        )
        expect(result).toEqual({
            facilities: [
                {
                    code: 'HF1',
                    name: 'Kibaoni Dispensary',
                    region: 'Kilimani',
                    district: 'Kilosa',
                    type: 'Dispensary',
                    coordinates: [30.2, -6.1],
                    active: true,
                },
                { code: 'L2', name: 'Mwanzi HC', active: false },
            ],
        })
    })

    it('refuses the whole list with every problem, naming row and column', () => {
        const result = read(
            `${HEADER}\nHF1,,R,D,T,-6,30,TRUE\nHF2,B,R,D,T,north,30,TRUE\nHF3,C,R,D,T,-6,300,TRUE\nHF4,D,R,D,T,-6,30,maybe\nHF5,E\n`
        )
        expect(result).toEqual({
            problems: [
                { code: 'missingValue', row: 2, column: 'Facility Name' },
                { code: 'badNumber', row: 3, column: 'Latitude', value: 'north' },
                { code: 'outOfRange', row: 4, column: 'Longitude', value: '300' },
                { code: 'badStatus', row: 5, column: 'Active', value: 'maybe' },
                { code: 'columnCount', row: 6, expected: 8, found: 2 },
            ],
        })
    })

    it('needs a code and a name column', () => {
        const parsed = parseCsv('a,b\n1,2\n')
        if (!('table' in parsed)) throw new Error('not parsed')
        expect(readFacilities(parsed.table, {})).toEqual({
            problems: [
                { code: 'noColumn', field: 'code' },
                { code: 'noColumn', field: 'name' },
            ],
        })
    })
})
