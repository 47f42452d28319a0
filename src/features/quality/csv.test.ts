import type { GapRow } from './quality-model'
import { gapsCsv } from './csv'

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
