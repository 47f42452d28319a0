import { csvField, toCsv } from './csv'
import { fileNamePart } from './file-name'

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

describe('fileNamePart', () => {
    it('keeps letters and digits', () => {
        expect(fileNamePart('Région Sud / Côte')).toBe('region-sud-cote')
        expect(fileNamePart('***')).toBe('export')
    })
})
