/**
 * How good a set of suggested pairs is against known true pairs (e.g. the demo's own
 * configuration): which true pairs were found, and how exactly.
 */
import { LMIS_MEASURES, idsOf, type Pair } from '../../../domain/config'

export type EvaluatedPair = Pick<Pair, 'name' | 'hmis' | 'lmis'>

export interface PairEvaluation {
    truth: string
    /** Name of the suggestion matched to this true pair, `null` when none */
    suggestion: string | null
    found: boolean
    exact: boolean
    hmisMissing: string[]
    hmisExtra: string[]
    lmisMissing: string[]
    lmisExtra: string[]
}

export interface SuggestionEvaluation {
    truePairs: number
    suggestedPairs: number
    /** True pairs with a suggestion that has some of their LMIS items and some of their HMIS items */
    found: number
    /** ... with exactly their HMIS items and their LMIS items in each role */
    exact: number
    /** Suggestions that match no true pair */
    unmatchedSuggestions: string[]
    hmisItems: { found: number; total: number }
    lmisItems: { found: number; total: number }
    pairs: PairEvaluation[]
}

const lmisEntries = (pair: EvaluatedPair): string[] =>
    LMIS_MEASURES.flatMap((measure) => idsOf(pair.lmis[measure]).map((id) => `${measure}:${id}`))

const hmisIds = (pair: EvaluatedPair): string[] => pair.hmis.items.map((item) => item.id)

const lmisIdSet = (pair: EvaluatedPair): Set<string> =>
    new Set(LMIS_MEASURES.flatMap((measure) => idsOf(pair.lmis[measure])))

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
    const union = new Set([...a, ...b]).size
    if (union === 0) return 0
    return [...a].filter((id) => b.has(id)).length / union
}

/**
 * Matches each true pair with the suggestion sharing most of its LMIS items (ignoring roles), then
 * compares HMIS items and LMIS items role by role.
 */
export const evaluateSuggestions = (
    suggested: readonly EvaluatedPair[],
    truthPairs: readonly EvaluatedPair[]
): SuggestionEvaluation => {
    const used = new Set<number>()
    const hmisItems = { found: 0, total: 0 }
    const lmisItems = { found: 0, total: 0 }
    const pairs = truthPairs.map((truth): PairEvaluation => {
        const truthLmis = lmisIdSet(truth)
        const truthHmis = new Set(hmisIds(truth))
        let bestIndex = -1
        let bestScore = 0
        suggested.forEach((candidate, index) => {
            const score =
                jaccard(truthLmis, lmisIdSet(candidate)) +
                0.5 * jaccard(truthHmis, new Set(hmisIds(candidate)))
            if (score > bestScore) {
                bestScore = score
                bestIndex = index
            }
        })
        const match = bestIndex >= 0 ? suggested[bestIndex] : undefined
        const suggestedHmis = new Set(match ? hmisIds(match) : [])
        const suggestedLmis = new Set(match ? lmisEntries(match) : [])
        const wantedLmis = lmisEntries(truth)
        const hmisMissing = [...truthHmis].filter((id) => !suggestedHmis.has(id))
        const hmisExtra = [...suggestedHmis].filter((id) => !truthHmis.has(id))
        const lmisMissing = wantedLmis.filter((entry) => !suggestedLmis.has(entry))
        const lmisExtra = [...suggestedLmis].filter((entry) => !wantedLmis.includes(entry))
        hmisItems.total += truthHmis.size
        hmisItems.found += truthHmis.size - hmisMissing.length
        lmisItems.total += wantedLmis.length
        lmisItems.found += wantedLmis.length - lmisMissing.length
        const sharesLmis = match ? [...truthLmis].some((id) => lmisIdSet(match).has(id)) : false
        const sharesHmis = truthHmis.size === 0 || hmisMissing.length < truthHmis.size
        if (match) used.add(bestIndex)
        const found = Boolean(match) && sharesLmis && sharesHmis
        return {
            truth: truth.name,
            suggestion: match ? match.name : null,
            found,
            exact:
                found &&
                hmisMissing.length === 0 &&
                hmisExtra.length === 0 &&
                lmisMissing.length === 0 &&
                lmisExtra.length === 0,
            hmisMissing,
            hmisExtra,
            lmisMissing,
            lmisExtra,
        }
    })
    return {
        truePairs: truthPairs.length,
        suggestedPairs: suggested.length,
        found: pairs.filter((pair) => pair.found).length,
        exact: pairs.filter((pair) => pair.exact).length,
        unmatchedSuggestions: suggested
            .filter((_, index) => !used.has(index))
            .map((pair) => pair.name),
        hmisItems,
        lmisItems,
        pairs,
    }
}
