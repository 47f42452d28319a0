import { parseConfig } from '../../../domain/config'
import { draftToJson, jsonEqual, jsonToDraft, numberOrText, pairDxIds } from './draft'

const storedPair = {
    id: 'oxytocin',
    name: 'Oxytocin ↔ deliveries',
    commodity: { name: 'Oxytocin 10 IU' },
    hmis: {
        items: [
            {
                id: 'yPWqSV8Kl9U.uAJcI6hWL68',
                name: 'Facility deliveries',
                kind: 'DATA_ELEMENT_OPERAND',
            },
        ],
        dataSet: 'Y1qGtv7716O',
    },
    lmis: {
        consumption: ['UMFJpVTgDTe', 'bS2wtYvvxT0'],
        stockOnHand: 'TqVOorZ8DXe',
        dataSet: ['fTgcRb2CYkn', 'iSCL2uvEcSN'],
    },
    ratio: { label: 'Ampoules per delivery', expectedLow: 0.8, expectedHigh: 1.5 },
    tips: { en: 'Given at every birth', fr: 'Donnée à chaque naissance' },
    thresholds: { zScore: 3.5, minDropPercent: 50, ratioBand: [0.8, 1.5] },
}
const stored = {
    version: 1,
    programAreas: [{ id: 'maternal-health', name: 'Maternal health', pairs: [storedPair] }],
}

describe('the draft', () => {
    it('round-trips a stored configuration unchanged', () => {
        const json = draftToJson(jsonToDraft(stored))
        expect(json).toEqual(stored)
        expect(parseConfig(json).errors).toEqual([])
    })

    it('reads a version 0 configuration (migrated) and keeps invalid pairs', () => {
        const draft = jsonToDraft({ pairs: [{ id: 'Bad Id', name: '', lmis: {} }, storedPair] })
        expect(draft.areas).toHaveLength(1)
        expect(draft.areas[0]?.pairs.map((pair) => pair.id)).toEqual(['Bad Id', 'oxytocin'])
        expect(draft.areas[0]?.pairs[0]?.hmisItems).toEqual([])
    })

    it('gives an empty draft for something that is not a configuration', () => {
        expect(jsonToDraft(null).areas).toEqual([])
        expect(jsonToDraft({ version: 99, programAreas: [] }).areas).toEqual([])
        expect(jsonToDraft('text').areas).toEqual([])
    })

    it('keeps typed numbers as text until they are numbers', () => {
        expect(numberOrText('')).toBeUndefined()
        expect(numberOrText(' 3.5 ')).toBe(3.5)
        expect(numberOrText('0,8')).toBe(0.8)
        expect(numberOrText('abc')).toBe('abc')
        const draft = jsonToDraft(stored)
        const pair = draft.areas[0]?.pairs[0]
        if (!pair) throw new Error('no pair')
        pair.zScore = 'high'
        const issues = parseConfig(draftToJson(draft)).errors
        expect(issues.map((issue) => issue.path)).toEqual([
            'programAreas[0].pairs[0].thresholds.zScore',
        ])
    })

    it('stores one id as a string and several as a list; drops empty fields', () => {
        const draft = jsonToDraft(stored)
        const pair = draft.areas[0]?.pairs[0]
        if (!pair) throw new Error('no pair')
        pair.lmis.consumption = ['UMFJpVTgDTe']
        pair.lmis.stockOnHand = []
        pair.ratioEnabled = false
        pair.tips = [{ locale: 'sw', text: '  ' }]
        pair.zScore = ''
        pair.minDropPercent = ''
        pair.ratioBandLow = ''
        pair.ratioBandHigh = ''
        const json = draftToJson(draft) as { programAreas: { pairs: Record<string, unknown>[] }[] }
        const saved = json.programAreas[0]?.pairs[0]
        expect(saved?.lmis).toEqual({
            consumption: 'UMFJpVTgDTe',
            dataSet: ['fTgcRb2CYkn', 'iSCL2uvEcSN'],
        })
        expect(saved).not.toHaveProperty('ratio')
        expect(saved).not.toHaveProperty('tips')
        expect(saved).not.toHaveProperty('thresholds')
    })

    it('compares JSON regardless of key order', () => {
        expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
        expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true)
        expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    })

    it('lists the ids a pair uses', () => {
        const pair = jsonToDraft(stored).areas[0]?.pairs[0]
        expect(pair && pairDxIds(pair)).toEqual([
            'yPWqSV8Kl9U.uAJcI6hWL68',
            'UMFJpVTgDTe',
            'bS2wtYvvxT0',
            'TqVOorZ8DXe',
        ])
    })
})

describe('fields the editor does not know', () => {
    const withUnknown = {
        version: 1,
        extra: { owner: 'MoH', since: 2024 },
        revision: { id: 'abc', n: 3, base: 'x', recent: [], claims: [] },
        programAreas: [
            {
                id: 'maternal-health',
                name: 'Maternal health',
                colour: '#c00',
                pairs: [
                    {
                        ...storedPair,
                        notes: 'Agreed by the TWG in May',
                        commodity: { name: 'Oxytocin 10 IU', code: 'OXY10' },
                        hmis: {
                            ...storedPair.hmis,
                            source: 'DHIS2',
                            items: [{ ...storedPair.hmis.items[0], extraField: { a: 1 } }],
                        },
                        lmis: { ...storedPair.lmis, system: 'eLMIS' },
                        ratio: { ...storedPair.ratio, unit: 'ampoule' },
                        thresholds: { ...storedPair.thresholds, reviewed: true },
                    },
                ],
            },
        ],
    }

    it('are written back as they were, at every level; the revision is not part of the draft', () => {
        const { revision: _revision, ...expected } = withUnknown
        expect(draftToJson(jsonToDraft(withUnknown))).toEqual(expected)
    })

    it('survive an edit of something else', () => {
        const draft = jsonToDraft(withUnknown)
        const pair = draft.areas[0]!.pairs[0]!
        const edited = {
            ...draft,
            areas: [{ ...draft.areas[0]!, pairs: [{ ...pair, name: 'Renamed' }] }],
        }
        const json = draftToJson(edited) as typeof withUnknown
        expect(json.extra).toEqual({ owner: 'MoH', since: 2024 })
        expect(json.programAreas[0]!.colour).toBe('#c00')
        expect(json.programAreas[0]!.pairs[0]).toMatchObject({
            name: 'Renamed',
            notes: 'Agreed by the TWG in May',
            commodity: { code: 'OXY10' },
            hmis: { source: 'DHIS2', items: [{ extraField: { a: 1 } }] },
        })
    })

    it('are kept by the schema too, so the configuration read by the views has them', () => {
        const parsed = parseConfig(withUnknown)
        expect(parsed.errors).toEqual([])
        expect(parsed.config).toMatchObject({ extra: { owner: 'MoH' } })
        expect(parsed.config?.programAreas[0]?.pairs[0]).toMatchObject({
            notes: 'Agreed by the TWG in May',
            hmis: { items: [{ extraField: { a: 1 } }] },
        })
    })
})
