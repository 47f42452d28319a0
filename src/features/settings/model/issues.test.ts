import { jsonToDraft } from './draft'
import { indexIssues, pairField, pairMessages, summarizeIssues, validateDraft } from './issues'

const config = (pairs: unknown[], areaId = 'maternal-health') => ({
    version: 1,
    programAreas: [{ id: areaId, name: 'Maternal health', pairs }],
})
const validPair = {
    id: 'oxytocin',
    name: 'Oxytocin',
    commodity: { name: 'Oxytocin 10 IU' },
    hmis: { items: [{ id: 'yPWqSV8Kl9U' }] },
    lmis: { consumption: ['UMFJpVTgDTe', 'bS2wtYvvxT0'] },
}

describe('validation placed next to the fields', () => {
    it('maps issue paths to fields', () => {
        expect(pairField([])).toBe('pair')
        expect(pairField(['commodity', 'name'])).toBe('commodity')
        expect(pairField(['hmis', 'items', 0, 'id'])).toBe('hmis.items')
        expect(pairField(['hmis'])).toBe('hmis.items')
        expect(pairField(['hmis', 'dataSet', 1])).toBe('hmis.dataSet')
        expect(pairField(['lmis'])).toBe('lmis')
        expect(pairField(['lmis', 'stockOnHand', 1])).toBe('lmis.stockOnHand')
        expect(pairField(['lmis', 'dataSet'])).toBe('lmis.dataSet')
        expect(pairField(['ratio', 'expectedLow'])).toBe('ratio.expectedLow')
        expect(pairField(['tips', 'fr'])).toBe('tips')
        // a band's number is its own field; the band as a whole (low above high) both's
        expect(pairField(['thresholds', 'ratioBand', 1])).toBe('thresholds.ratioBand.high')
        expect(pairField(['thresholds', 'monthsOfStock', 0])).toBe('thresholds.monthsOfStock.low')
        expect(pairField(['thresholds', 'monthsOfStock'])).toBe('thresholds.monthsOfStock')
    })

    it('has nothing to say about a valid draft', () => {
        expect(validateDraft(jsonToDraft(config([validPair])))).toEqual([])
    })

    it('reports every field of an invalid pair, with the schema messages', () => {
        const draft = jsonToDraft(
            config([
                {
                    id: 'Not a slug',
                    name: ' ',
                    commodity: { name: 'x' },
                    hmis: { items: [] },
                    lmis: {},
                    ratio: { expectedLow: 2, expectedHigh: 1 },
                    thresholds: { zScore: -1, minDropPercent: 120 },
                    tips: { en: 'a', fr: 'b' },
                },
            ])
        )
        const pair = draft.areas[0]?.pairs[0]
        if (!pair) throw new Error('no pair')
        pair.tips.push({ locale: 'fr', text: 'c' })
        pair.lmis.losses = ['AAAAAAAAAAA', 'AAAAAAAAAAA']
        const issues = validateDraft(draft)
        const index = indexIssues(issues)
        const messages = (field: Parameters<typeof pairMessages>[3]) =>
            pairMessages(index, 0, 0, field)
        expect(messages('id')).toHaveLength(1)
        expect(messages('name')).toEqual(['Must not be empty'])
        expect(messages('hmis.items')).toEqual(['Choose at least one HMIS data item'])
        expect(messages('ratio')[0]).toMatch(/consumption/)
        expect(messages('ratio.expectedLow')).toEqual([
            'The low value must not be above the high value',
        ])
        expect(messages('thresholds.zScore')).toEqual(['Must be more than zero'])
        expect(messages('thresholds.minDropPercent')).toEqual([
            'Must be a percentage from 0 to 100',
        ])
        expect(messages('tips')).toEqual(['There are two tips for the language fr'])
        expect(messages('lmis.losses')).toEqual(['This data item is listed twice'])
        expect(index.total).toBe(issues.length)
    })

    it('puts program area problems on the area and names issues by area and pair', () => {
        const draft = jsonToDraft({
            version: 1,
            programAreas: [
                { id: 'a', name: 'A', pairs: [validPair] },
                { id: 'a', name: 'B', pairs: [{ ...validPair, id: 'other' }] },
                { id: 'c', name: '', pairs: [] },
            ],
        })
        const issues = validateDraft(draft)
        const index = indexIssues(issues)
        expect(index.areas.get(1)?.get('id')).toEqual([
            'Another program area already uses the id a',
        ])
        expect(index.areas.get(2)?.get('name')).toEqual(['Must not be empty'])
        // "fix the program area first" is shown on the area, not on each of its pairs
        expect(index.pairs.size).toBe(0)
        const summary = summarizeIssues(draft, issues)
        expect(summary.map((item) => item.where)).toEqual(['B', 'c'])
        expect(summary.every((item) => item.pairKey === null)).toBe(true)
    })

    it('names the pair of a pair issue', () => {
        const draft = jsonToDraft(config([{ ...validPair, name: 'Oxytocin', lmis: {} }]))
        const summary = summarizeIssues(draft, validateDraft(draft))
        expect(summary).toEqual([
            {
                where: 'Maternal health › Oxytocin',
                message: expect.stringMatching(/at least one LMIS/),
                pairKey: draft.areas[0]?.pairs[0]?.key,
            },
        ])
    })
})
