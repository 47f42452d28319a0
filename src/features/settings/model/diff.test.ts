import { describeDiff, diffConfigs, isEmptyDiff } from './diff'

const pair = (id: string, name: string, consumption = 'AAAAAAAAAAA') => ({
    id,
    name,
    commodity: { name },
    hmis: { items: [{ id: 'HHHHHHHHHHH' }] },
    lmis: { consumption },
})
const config = (areas: { id: string; name: string; pairs: unknown[] }[]) => ({
    version: 1,
    programAreas: areas,
})

describe('a readable diff of two mappings', () => {
    const before = config([
        {
            id: 'mnh',
            name: 'Maternal health',
            pairs: [pair('oxy', 'Oxytocin'), pair('miso', 'Misoprostol')],
        },
        { id: 'ch', name: 'Child health', pairs: [pair('zinc', 'Zinc')] },
    ])

    it('finds nothing between equal mappings', () => {
        expect(isEmptyDiff(diffConfigs(before, before))).toBe(true)
        expect(describeDiff(diffConfigs(before, JSON.parse(JSON.stringify(before))))).toEqual([])
    })

    it('names pairs added, removed and changed, and areas renamed', () => {
        const after = config([
            {
                id: 'mnh',
                name: 'Maternal and newborn health',
                pairs: [pair('oxy', 'Oxytocin', 'BBBBBBBBBBB'), pair('chx', 'Chlorhexidine')],
            },
            { id: 'fp', name: 'Family planning', pairs: [pair('zinc', 'Zinc')] },
        ])
        const diff = diffConfigs(before, after)
        expect(diff.pairsAdded.map((p) => p.name)).toEqual(['Chlorhexidine'])
        expect(diff.pairsRemoved.map((p) => p.name)).toEqual(['Misoprostol'])
        expect(diff.pairsChanged).toEqual([
            expect.objectContaining({ name: 'Oxytocin', changes: ['lmis'] }),
            expect.objectContaining({ name: 'Zinc', changes: [], movedFrom: 'Child health' }),
        ])
        expect(describeDiff(diff)).toEqual([
            'Program area added – Family planning',
            'Program area removed – Child health',
            'Program area renamed – Maternal health → Maternal and newborn health',
            'Pair added – Chlorhexidine (Maternal and newborn health)',
            'Pair removed – Misoprostol (Maternal health)',
            'Pair changed – Oxytocin (LMIS items)',
            'Pair changed – Zinc (moved from Child health)',
        ])
    })

    it('notices a new order', () => {
        const after = config([
            { id: 'ch', name: 'Child health', pairs: [pair('zinc', 'Zinc')] },
            {
                id: 'mnh',
                name: 'Maternal health',
                pairs: [pair('miso', 'Misoprostol'), pair('oxy', 'Oxytocin')],
            },
        ])
        expect(describeDiff(diffConfigs(before, after))).toEqual([
            'Program areas or pairs reordered',
        ])
    })

    it('compares with nothing (a deleted or new configuration)', () => {
        expect(diffConfigs(null, before).pairsAdded).toHaveLength(3)
        expect(diffConfigs(before, null).pairsRemoved).toHaveLength(3)
    })
})
