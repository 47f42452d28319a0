import type { SuggestedPair } from '../suggest/match'
import { addSuggestions, existingPairFor } from './apply-suggestions'
import { jsonToDraft } from './draft'

const suggestion = (
    id: string,
    area: SuggestedPair['programArea'],
    consumption: string
): SuggestedPair =>
    ({
        commodity: 'oxytocin',
        programArea: area,
        score: 1,
        hmis: [],
        lmis: { consumption: [], stockOnHand: [], stockoutDays: [], losses: [], received: [] },
        pair: {
            id,
            name: id,
            commodity: { name: id },
            hmis: { items: [{ id: 'HHHHHHHHHHH' }] },
            lmis: { consumption },
        },
        missingHmis: [],
        missingLmis: [],
        complete: true,
    }) as SuggestedPair

describe('adding suggestions to the draft', () => {
    it('creates missing program areas and keeps ids unique', () => {
        const draft = jsonToDraft({
            version: 1,
            programAreas: [{ id: 'child-health', name: 'Child health', pairs: [{ id: 'zinc' }] }],
        })
        const next = addSuggestions(draft, [
            suggestion('oxytocin', 'maternal-newborn-health', 'AAAAAAAAAAA'),
            suggestion('zinc', 'child-health', 'BBBBBBBBBBB'),
        ])
        expect(next.areas.map((area) => [area.id, area.name, area.pairs.map((p) => p.id)])).toEqual(
            [
                ['child-health', 'Child health', ['zinc', 'zinc-2']],
                ['maternal-newborn-health', 'Maternal and newborn health', ['oxytocin']],
            ]
        )
    })

    it('finds a pair that already uses the same LMIS items', () => {
        const draft = jsonToDraft({
            version: 1,
            programAreas: [
                {
                    id: 'a',
                    name: 'A',
                    pairs: [
                        { id: 'mine', name: 'My oxytocin', lmis: { consumption: ['AAAAAAAAAAA'] } },
                    ],
                },
            ],
        })
        expect(
            existingPairFor(draft, suggestion('oxytocin', 'maternal-newborn-health', 'AAAAAAAAAAA'))
        ).toBe('My oxytocin')
        expect(
            existingPairFor(draft, suggestion('oxytocin', 'maternal-newborn-health', 'CCCCCCCCCCC'))
        ).toBeNull()
    })
})
