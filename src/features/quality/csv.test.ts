import { csvField, fileNamePart, gapsCsv, toCsv } from './csv'
import type { GapRow } from './quality-model'

describe('csvField', () => {
    it('quotes fields with commas, quotes or line breaks', () => {
        expect(csvField('Bo')).toBe('Bo')
        expect(csvField('Bo, Kakua')).toBe('"Bo, Kakua"')
        expect(csvField('the "new" clinic')).toBe('"the ""new"" clinic"')
        expect(csvField('two\nlines')).toBe('"two\nlines"')
        expect(csvField(12)).toBe('12')
        expect(csvField(0)).toBe('0')
        expect(csvField(Number.NaN)).toBe('')
        expect(csvField(null)).toBe('')
        expect(csvField(undefined)).toBe('')
    })

    it('keeps names from being read as formulas', () => {
        expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
        expect(csvField('+1')).toBe("'+1")
        expect(csvField('-2')).toBe("'-2")
        expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
        expect(csvField('<b>clinic</b>')).toBe('<b>clinic</b>')
        expect(csvField(-2)).toBe('-2')
    })
})

describe('toCsv', () => {
    it('writes a byte-order mark and CRLF records', () => {
        expect(
            toCsv([
                ['a', 'b'],
                [1, 'é'],
            ])
        ).toBe('\uFEFFa,b\r\n1,é\r\n')
    })
})

describe('gapsCsv', () => {
    it('writes one row per org unit with its path and pairs', () => {
        const rows: GapRow[] = [
            {
                orgUnit: {
                    id: 'HmisOnly001',
                    name: 'Kakua, "Old" CHC',
                    level: 4,
                    ancestors: ['Root0000001', 'Region00001'],
                    ancestorNames: ['Country', 'Bo'],
                },
                type: 'hmisWithoutLmis',
                hmisMonths: 6,
                lmisMonths: 0,
                pairIds: ['ors', 'zinc'],
            },
        ]
        const text = gapsCsv(rows, {
            headers: ['ID', 'Org unit', 'Path', 'Gap', 'HMIS', 'LMIS', 'Pairs', 'Period'],
            gap: (type) => (type === 'hmisWithoutLmis' ? 'HMIS data without LMIS data' : 'other'),
            pairName: (id) => id.toUpperCase(),
            period: 'May to October 2026',
        })
        expect(text.split('\r\n')).toEqual([
            '\uFEFFID,Org unit,Path,Gap,HMIS,LMIS,Pairs,Period',
            'HmisOnly001,"Kakua, ""Old"" CHC",Country / Bo,HMIS data without LMIS data,6,0,ORS; ZINC,May to October 2026',
            '',
        ])
    })
})

describe('fileNamePart', () => {
    it('keeps letters and digits', () => {
        expect(fileNamePart('Région Sud / Côte')).toBe('region-sud-cote')
        expect(fileNamePart('***')).toBe('export')
    })
})
