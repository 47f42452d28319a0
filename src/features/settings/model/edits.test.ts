import { draftToJson, emptyPair, type Draft } from './draft'
import {
    addArea,
    addPair,
    deleteArea,
    deletePair,
    duplicateArea,
    duplicatePair,
    insertPairs,
    moveArea,
    movePair,
    movePairToArea,
    slugify,
    uniqueId,
    updateArea,
    updatePair,
} from './edits'

const ids = (draft: Draft) => draft.areas.map((area) => [area.id, area.pairs.map((p) => p.id)])

const start = (): Draft => {
    let draft = addArea({ areas: [] }, 'Maternal health')
    draft = addArea(draft, 'Child health')
    const [mnh, child] = draft.areas
    if (!mnh || !child) throw new Error('no areas')
    draft = insertPairs(draft, mnh.key, [emptyPair('oxytocin', 'Oxytocin'), emptyPair('miso')])
    draft = insertPairs(draft, child.key, [emptyPair('zinc')])
    return draft
}

describe('editing the draft', () => {
    it('makes slugs and unique ids', () => {
        expect(slugify('Sulfate de magnésium ↔ Éclampsie!')).toBe('sulfate-de-magnesium-eclampsie')
        expect(uniqueId('zinc', new Set(['zinc', 'zinc-2']))).toBe('zinc-3')
        expect(uniqueId('', new Set())).toBe('item')
    })

    it('adds program areas whose id follows the name until edited', () => {
        let draft = start()
        expect(ids(draft)).toEqual([
            ['maternal-health', ['oxytocin', 'miso']],
            ['child-health', ['zinc']],
        ])
        const key = draft.areas[1]?.key ?? ''
        draft = updateArea(draft, key, { name: 'Maternal health' })
        expect(draft.areas[1]?.id).toBe('maternal-health-2')
        draft = updateArea(draft, key, { id: 'ch' })
        draft = updateArea(draft, key, { name: 'Child health' })
        expect(draft.areas[1]?.id).toBe('ch')
    })

    it('reorders, duplicates and deletes program areas', () => {
        let draft = start()
        const [mnh, child] = draft.areas
        draft = moveArea(draft, child?.key ?? '', -1)
        expect(draft.areas.map((a) => a.id)).toEqual(['child-health', 'maternal-health'])
        draft = moveArea(draft, child?.key ?? '', -1)
        expect(draft.areas.map((a) => a.id)).toEqual(['child-health', 'maternal-health'])
        draft = duplicateArea(draft, mnh?.key ?? '', 'Maternal health (copy)')
        expect(ids(draft)[2]).toEqual(['maternal-health-copy', ['oxytocin-copy', 'miso-copy']])
        expect(draft.areas[2]?.name).toBe('Maternal health (copy)')
        draft = deleteArea(draft, mnh?.key ?? '')
        expect(draft.areas.map((a) => a.id)).toEqual(['child-health', 'maternal-health-copy'])
    })

    it('adds, renames, reorders, moves, duplicates and deletes pairs', () => {
        let draft = start()
        const mnh = draft.areas[0]?.key ?? ''
        const child = draft.areas[1]?.key ?? ''
        const added = addPair(draft, mnh)
        draft = added.draft
        expect(ids(draft)[0]).toEqual(['maternal-health', ['oxytocin', 'miso', 'pair']])
        draft = updatePair(draft, added.pairKey, (p) => ({ ...p, name: 'Oxytocin' }))
        expect(ids(draft)[0]?.[1]).toEqual(['oxytocin', 'miso', 'oxytocin-2'])
        draft = movePair(draft, added.pairKey, -1)
        expect(ids(draft)[0]?.[1]).toEqual(['oxytocin', 'oxytocin-2', 'miso'])
        const copy = duplicatePair(draft, added.pairKey, 'Oxytocin (copy)')
        draft = copy.draft
        expect(ids(draft)[0]?.[1]).toEqual(['oxytocin', 'oxytocin-2', 'oxytocin-2-copy', 'miso'])
        draft = movePairToArea(draft, copy.pairKey, child)
        expect(ids(draft)[1]).toEqual(['child-health', ['zinc', 'oxytocin-2-copy']])
        draft = deletePair(draft, added.pairKey)
        expect(ids(draft)[0]?.[1]).toEqual(['oxytocin', 'miso'])
    })

    it('keeps loaded ids when a loaded pair is renamed', () => {
        let draft = start()
        const pair = draft.areas[0]?.pairs[0]
        if (!pair) throw new Error('no pair')
        draft = updatePair(draft, pair.key, (p) => ({ ...p, autoId: false }))
        draft = updatePair(draft, pair.key, (p) => ({ ...p, name: 'Ocytocine' }))
        expect(draft.areas[0]?.pairs[0]?.id).toBe('oxytocin')
    })

    it('copies a pair deeply', () => {
        let draft = start()
        const pair = draft.areas[0]?.pairs[0]
        if (!pair) throw new Error('no pair')
        draft = updatePair(draft, pair.key, (p) => ({
            ...p,
            lmis: { ...p.lmis, consumption: ['AAAAAAAAAAA'] },
        }))
        const copy = duplicatePair(draft, pair.key, 'copy')
        const next = updatePair(copy.draft, copy.pairKey, (p) => {
            p.lmis.consumption.push('BBBBBBBBBBB')
            return p
        })
        expect(next.areas[0]?.pairs[0]?.lmis.consumption).toEqual(['AAAAAAAAAAA'])
        expect(draftToJson(next)).toBeTruthy()
    })
})
