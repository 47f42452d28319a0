/**
 * Adding accepted suggestions to the draft: each pair goes to its program area (created when the
 * draft has none with that id), with an id made unique.
 */
import { LMIS_MEASURES, idsOf } from '../../../domain/config'
import type { SuggestedPair } from '../suggest/match'
import { programAreaName } from '../suggest/lexicon'
import { newKey, pairToDraft, type Draft } from './draft'
import { insertPairs } from './edits'

export const addSuggestions = (draft: Draft, suggestions: readonly SuggestedPair[]): Draft => {
    let next = draft
    for (const suggestion of suggestions) {
        let area = next.areas.find((candidate) => candidate.id === suggestion.programArea)
        if (!area) {
            area = {
                key: newKey('area'),
                autoId: false,
                id: suggestion.programArea,
                name: programAreaName(suggestion.programArea),
                pairs: [],
            }
            next = { ...next, areas: [...next.areas, area] }
        }
        next = insertPairs(next, area.key, [pairToDraft(suggestion.pair)])
    }
    return next
}

/** The draft pair that already uses some of the suggestion's LMIS items, if any. */
export const existingPairFor = (draft: Draft, suggestion: SuggestedPair): string | null => {
    const ids = new Set(LMIS_MEASURES.flatMap((measure) => idsOf(suggestion.pair.lmis[measure])))
    for (const area of draft.areas) {
        for (const pair of area.pairs) {
            if (LMIS_MEASURES.some((measure) => pair.lmis[measure].some((id) => ids.has(id)))) {
                return pair.name || pair.id
            }
        }
    }
    return null
}
