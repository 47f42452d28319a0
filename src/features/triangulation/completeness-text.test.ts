import { completenessSentence } from './completeness-text'

describe('a reporting rate in words', () => {
    it('says that a period with few reports has incomplete totals', () => {
        expect(
            completenessSentence({ system: 'LMIS', value: 55, periodName: 'Q1 2025', locale: 'en' })
        ).toEqual({
            incomplete: true,
            text: 'LMIS reports received for Q1 2025 – 55.0% of expected; the totals of this period are incomplete (late reports may still come in).',
        })
    })
    it('says a complete period plainly, and nothing without a rate', () => {
        expect(
            completenessSentence({
                system: 'HMIS',
                value: 93.58226371061843,
                periodName: 'March 2025',
                locale: 'en',
            })
        ).toEqual({
            incomplete: false,
            text: 'HMIS reports received for March 2025 – 93.6% of expected.',
        })
        expect(completenessSentence({ system: 'HMIS', value: null, periodName: 'x' })).toBeNull()
    })
})
