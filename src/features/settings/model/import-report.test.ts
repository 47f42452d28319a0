import { buildImportReport, exportText } from './import-report'

const good = {
    id: 'oxytocin',
    name: 'Oxytocin',
    commodity: { name: 'Oxytocin' },
    hmis: { items: [{ id: 'yPWqSV8Kl9U' }] },
    lmis: { consumption: 'UMFJpVTgDTe' },
}

describe('importing a mapping file', () => {
    it('accepts valid pairs and rejects others with reasons', () => {
        const report = buildImportReport(
            JSON.stringify({
                version: 1,
                programAreas: [
                    {
                        id: 'mnh',
                        name: 'Maternal health',
                        pairs: [good, { ...good, id: 'miso', name: 'Misoprostol', lmis: {} }],
                    },
                ],
            })
        )
        expect(report.fatal).toEqual([])
        expect(report.accepted).toEqual([
            { path: 'programAreas[0].pairs[0]', name: 'Oxytocin', area: 'Maternal health' },
        ])
        expect(report.rejected).toEqual([
            {
                path: 'programAreas[0].pairs[1]',
                name: 'Misoprostol',
                area: 'Maternal health',
                reasons: [expect.stringMatching(/^lmis: Choose at least one LMIS data item/)],
            },
        ])
        expect(report.config?.programAreas[0]?.pairs.map((p) => p.id)).toEqual(['oxytocin'])
    })

    it('reads an older version and says so', () => {
        const report = buildImportReport(JSON.stringify({ pairs: [good] }))
        expect(report.migratedFrom).toBe(0)
        expect(report.accepted).toHaveLength(1)
    })

    it('refuses what is not a configuration', () => {
        expect(buildImportReport('{oops').fatal[0]).toMatch(/not valid JSON/)
        expect(buildImportReport('[1,2]').fatal).toEqual(['The configuration is not a JSON object'])
        expect(buildImportReport('{"version":7,"programAreas":[]}').fatal[0]).toMatch(
            /newer version/
        )
    })

    it('rejects pairs of an invalid program area', () => {
        const report = buildImportReport(
            JSON.stringify({
                version: 1,
                programAreas: [{ id: 'Bad Id', name: 'X', pairs: [good] }],
            })
        )
        expect(report.accepted).toEqual([])
        expect(report.rejected[0]?.reasons).toEqual([
            'The program area of this pair is invalid; fix it first',
        ])
        expect(report.otherProblems[0]).toMatch(/^programAreas\[0\]\.id: /)
    })

    it('exports indented JSON', () => {
        expect(exportText({ a: 1 })).toBe('{\n    "a": 1\n}\n')
    })
})
