/**
 * The starter mapping's matcher: proposes one pair per life-saving commodity from the instance's own
 * data elements (and their disaggregations), matched by name and code.
 *
 * - LMIS items: a data element (or operand) naming the commodity and one role (consumption, stock
 *   on hand, stockout days, losses, received). The best match of each period type goes into the
 *   role's list, so a commodity reported monthly by some facilities (`LMIS_OXY_CONS`) and quarterly
 *   by others (`LMIS_OXY_CONS_Q`) gets both.
 * - HMIS items: a data element (or operand, e.g. deliveries in a facility) naming the service the
 *   commodity is used for, and no LMIS words.
 * - Scores (0–1) say how sure the match is: the weight of the clue (a full name or a code
 *   abbreviation), how much of the name the clues explain, words that point elsewhere (average
 *   consumption, deaths), and whether the data set looks like an LMIS or an HMIS report.
 *
 * Pure: the caller fetches the data elements (`candidates.ts`) and the admin accepts or fixes each
 * suggestion.
 */
import {
    LMIS_MEASURES,
    type HmisItemKind,
    type LmisMeasure,
    type Pair,
} from '../../../domain/config'
import {
    COMMODITY_DEFINITIONS,
    HMIS_NEGATIVE,
    LMIS_MARKERS,
    LMIS_NEGATIVE,
    OPPOSITE_QUALIFIER,
    QUALIFIER_ALIASES,
    ROLE_ALIASES,
    SERVICE_ALIASES,
    STOPWORDS,
    serviceLabel,
    suggestedCommodityName,
    suggestedPairName,
    suggestedRatioLabel,
    type Alias,
    type CommodityDefinition,
    type ProgramAreaKey,
    type ServiceRef,
    type SuggestCommodityKey,
} from './lexicon'
import { findPhrase, tokenize } from './normalize'

/** A data element as the matcher needs it. */
export interface SuggestCandidate {
    id: string
    code?: string
    name: string
    shortName?: string
    formName?: string
    aggregationType?: string
    dataSets: { id: string; periodType: string }[]
    /** Option combos of its category combo, unless it is the default one */
    categoryOptionCombos?: { id: string; name: string }[]
}

export interface SuggestedItem {
    /** `dx` id: data element, or `deId.cocId` */
    id: string
    name: string
    kind: Extract<HmisItemKind, 'DATA_ELEMENT' | 'DATA_ELEMENT_OPERAND'>
    score: number
    periodTypes: string[]
    dataSetIds: string[]
}

export interface SuggestedPair {
    commodity: SuggestCommodityKey
    programArea: ProgramAreaKey
    /** Overall confidence, 0–1 */
    score: number
    /** One entry per HMIS service the commodity is compared with; `item` null when not found */
    hmis: { label: string; item: SuggestedItem | null }[]
    lmis: Record<LmisMeasure, SuggestedItem[]>
    /** The pair to add to the configuration (may be incomplete: see `missing`) */
    pair: Pair
    /** What was not found, as labels (services) or measures */
    missingHmis: string[]
    missingLmis: LmisMeasure[]
    /** Both sides found: the pair is valid as it is */
    complete: boolean
}

export interface SuggestResult {
    suggestions: SuggestedPair[]
    /** Commodities with nothing found at all */
    notFound: SuggestCommodityKey[]
}

export const MIN_SCORE = 0.6
const SAME_QUALITY = 0.85
const DEFAULT_Z_SCORE = 3.5

// Preparing candidates ---------------------------------------------------------------------------

interface Prepared {
    dx: string
    kind: SuggestedItem['kind']
    name: string
    /** Token lists of the names (name, short name, form name), with the option combo's name */
    names: string[][]
    /** Tokens of the main name, for coverage */
    main: string[]
    code: string[]
    dataSets: { id: string; periodType: string }[]
    isOperand: boolean
}

const PHRASES = new Map<string, string[]>()
const phraseTokens = (phrase: string): string[] => {
    let tokens = PHRASES.get(phrase)
    if (!tokens) {
        tokens = tokenize(phrase)
        PHRASES.set(phrase, tokens)
    }
    return tokens
}

const prepare = (candidates: readonly SuggestCandidate[]): Prepared[] =>
    candidates.flatMap((candidate) => {
        const code = candidate.code ? tokenize(candidate.code) : []
        const otherNames = [candidate.shortName, candidate.formName].filter(
            (name): name is string => typeof name === 'string' && name !== ''
        )
        const total: Prepared = {
            dx: candidate.id,
            kind: 'DATA_ELEMENT',
            name: candidate.name,
            names: [candidate.name, ...otherNames].map(tokenize),
            main: tokenize(candidate.name),
            code,
            dataSets: candidate.dataSets,
            isOperand: false,
        }
        const operands = (candidate.categoryOptionCombos ?? [])
            .filter((coc) => coc.name !== 'default')
            .map((coc): Prepared => {
                const name = `${candidate.name} ${coc.name}`
                return {
                    dx: `${candidate.id}.${coc.id}`,
                    kind: 'DATA_ELEMENT_OPERAND',
                    name,
                    names: [name, ...otherNames.map((other) => `${other} ${coc.name}`)].map(
                        tokenize
                    ),
                    main: tokenize(name),
                    code,
                    dataSets: candidate.dataSets,
                    isOperand: true,
                }
            })
        return [total, ...operands]
    })

interface Match {
    weight: number
    /** Tokens of the longest alias found (more specific) */
    length: number
    /** Positions of `main` explained by the aliases found */
    positions: Set<number>
}

const NO_MATCH: Match = { weight: 0, length: 0, positions: new Set() }

const matchAliases = (item: Prepared, aliases: readonly Alias[]): Match => {
    let best: Match = NO_MATCH
    const positions = new Set<number>()
    for (const alias of aliases) {
        const phrase = phraseTokens(alias.phrase)
        if (phrase.length === 0) continue
        const inNames = !alias.codeOnly && item.names.some((name) => findPhrase(name, phrase) >= 0)
        const found = inNames || findPhrase(item.code, phrase) >= 0
        if (!found) continue
        for (let start = 0; start <= item.main.length - phrase.length; start++) {
            if (findPhrase(item.main.slice(start, start + phrase.length), phrase) === 0) {
                for (let i = 0; i < phrase.length; i++) positions.add(start + i)
            }
        }
        if (
            alias.weight > best.weight ||
            (alias.weight === best.weight && phrase.length > best.length)
        ) {
            best = { weight: alias.weight, length: phrase.length, positions }
        }
    }
    return best.weight > 0 ? { ...best, positions } : NO_MATCH
}

/** Share of the meaningful words of the name that the matches explain. */
const coverage = (item: Prepared, matches: readonly Match[]): number => {
    const meaningful = item.main
        .map((token, index) => ({ token, index }))
        .filter(({ token }) => !STOPWORDS.has(token) && !/^\d+$/.test(token))
    if (meaningful.length === 0) return 1
    const explained = meaningful.filter(({ index }) =>
        matches.some((match) => match.positions.has(index))
    ).length
    return explained / meaningful.length
}

const better = (a: Match, b: Match): boolean =>
    a.weight > b.weight || (a.weight === b.weight && a.length > b.length)

// Analysing candidates ---------------------------------------------------------------------------

interface Analysed {
    item: Prepared
    /** Commodities named, keeping only the best clue (ties kept) */
    commodities: Map<SuggestCommodityKey, Match>
    /** The one role named, if any */
    role: { measure: LmisMeasure; match: Match } | null
    lmisMarker: Match
    lmisNegative: boolean
    hmisNegative: boolean
}

const analyse = (item: Prepared): Analysed => {
    const commodityMatches = COMMODITY_DEFINITIONS.map(
        (def) => [def.key, matchAliases(item, def.aliases)] as const
    ).filter(([, match]) => match.weight > 0)
    const top = commodityMatches.reduce((max, [, match]) => Math.max(max, match.weight), 0)
    const commodities = new Map(commodityMatches.filter(([, match]) => match.weight === top))
    let role: Analysed['role'] = null
    for (const measure of LMIS_MEASURES) {
        const match = matchAliases(item, ROLE_ALIASES[measure])
        if (match.weight > 0 && (!role || better(match, role.match))) role = { measure, match }
    }
    return {
        item,
        commodities,
        role,
        lmisMarker: matchAliases(item, LMIS_MARKERS),
        lmisNegative: matchAliases(item, LMIS_NEGATIVE).weight > 0,
        hmisNegative: matchAliases(item, HMIS_NEGATIVE).weight > 0,
    }
}

/** Looks like LMIS data: LMIS words, or a role that only LMIS data has. */
const isLmisLike = (analysed: Analysed): boolean =>
    analysed.lmisMarker.weight > 0 ||
    (analysed.role !== null &&
        analysed.role.measure !== 'received' &&
        analysed.role.match.weight >= 1)

/** Per data set: the share of its data elements that name a commodity and a role. */
const lmisShareByDataSet = (analysed: readonly Analysed[]): Map<string, number> => {
    const counts = new Map<string, { lmis: number; all: number }>()
    for (const entry of analysed) {
        if (entry.item.isOperand) continue
        const lmis = entry.role !== null && entry.commodities.size > 0
        for (const dataSet of entry.item.dataSets) {
            const count = counts.get(dataSet.id) ?? { lmis: 0, all: 0 }
            count.all += 1
            if (lmis) count.lmis += 1
            counts.set(dataSet.id, count)
        }
    }
    return new Map([...counts].map(([id, count]) => [id, count.lmis / count.all]))
}

const maxShare = (item: Prepared, shares: Map<string, number>): number | null =>
    item.dataSets.length === 0
        ? null
        : Math.max(...item.dataSets.map((dataSet) => shares.get(dataSet.id) ?? 0))

const round = (score: number): number => Math.round(score * 100) / 100

const toSuggestedItem = (item: Prepared, score: number): SuggestedItem => ({
    id: item.dx,
    name: item.name,
    kind: item.kind,
    score: round(score),
    periodTypes: [...new Set(item.dataSets.map((dataSet) => dataSet.periodType))].filter(Boolean),
    dataSetIds: [...new Set(item.dataSets.map((dataSet) => dataSet.id))],
})

/** Best first: score, then a data element before its operands, then the shorter name. */
const byQuality = (
    a: { item: Prepared; score: number },
    b: { item: Prepared; score: number }
): number =>
    b.score - a.score ||
    Number(a.item.isOperand) - Number(b.item.isOperand) ||
    a.item.name.length - b.item.name.length

// LMIS -------------------------------------------------------------------------------------------

const lmisScore = (entry: Analysed, key: SuggestCommodityKey, shares: Map<string, number>) => {
    const commodity = entry.commodities.get(key)
    if (!commodity || !entry.role) return 0
    const share = maxShare(entry.item, shares)
    return (
        commodity.weight *
        entry.role.match.weight *
        (entry.lmisNegative ? 0.5 : 1) *
        (0.8 + 0.2 * coverage(entry.item, [commodity, entry.role.match, entry.lmisMarker])) *
        (share === null ? 0.85 : 0.7 + 0.3 * share)
    )
}

const PERIOD_ORDER = ['Monthly', 'Quarterly']
const periodRank = (key: string): number => {
    const index = PERIOD_ORDER.indexOf(key)
    return index < 0 ? PERIOD_ORDER.length : index
}

/** The best item of each period type for one commodity's role. */
const pickLmis = (
    analysed: readonly Analysed[],
    key: SuggestCommodityKey,
    measure: LmisMeasure,
    shares: Map<string, number>
): SuggestedItem[] => {
    const scored = analysed
        .filter((entry) => entry.role?.measure === measure)
        .map((entry) => ({ item: entry.item, score: lmisScore(entry, key, shares) }))
        .filter((entry) => entry.score >= MIN_SCORE)
        .sort(byQuality)
    const top = scored[0]?.score ?? 0
    const byPeriod = new Map<string, (typeof scored)[number]>()
    for (const entry of scored) {
        const period = [...new Set(entry.item.dataSets.map((dataSet) => dataSet.periodType))]
            .sort()
            .join('+')
        if (!byPeriod.has(period)) byPeriod.set(period, entry)
    }
    const groups = [...byPeriod.entries()].filter(
        ([, entry]) => entry.score >= Math.max(MIN_SCORE, SAME_QUALITY * top)
    )
    // An item in no data set has no data where others do
    const withDataSets = groups.filter(([period]) => period !== '')
    return (withDataSets.length ? withDataSets : groups)
        .sort(([a], [b]) => periodRank(a) - periodRank(b) || a.localeCompare(b))
        .map(([, entry]) => toSuggestedItem(entry.item, entry.score))
}

// HMIS -------------------------------------------------------------------------------------------

const hmisScore = (entry: Analysed, ref: ServiceRef, shares: Map<string, number>): number => {
    if (isLmisLike(entry)) return 0
    const service = matchAliases(entry.item, SERVICE_ALIASES[ref.service])
    if (service.weight === 0) return 0
    const matches = [service]
    let qualifierFactor = 1
    if (ref.qualifier) {
        const qualifier = matchAliases(entry.item, QUALIFIER_ALIASES[ref.qualifier])
        const oppositeKey = OPPOSITE_QUALIFIER[ref.qualifier]
        const opposite = oppositeKey
            ? matchAliases(entry.item, QUALIFIER_ALIASES[oppositeKey])
            : NO_MATCH
        if (qualifier.weight > 0 && opposite.weight === 0) {
            matches.push(qualifier)
            qualifierFactor = qualifier.weight
        } else if (opposite.weight > 0 && qualifier.weight === 0) {
            return 0
        } else if (ref.requireQualifier) {
            return 0
        } else {
            qualifierFactor = 0.75
        }
    }
    const share = maxShare(entry.item, shares)
    return (
        service.weight *
        qualifierFactor *
        (entry.hmisNegative ? 0.5 : 1) *
        (0.75 + 0.25 * coverage(entry.item, matches)) *
        (share === null ? 0.9 : 1 - 0.3 * share)
    )
}

const pickHmis = (
    analysed: readonly Analysed[],
    ref: ServiceRef,
    shares: Map<string, number>
): SuggestedItem | null => {
    const best = analysed
        .map((entry) => ({ item: entry.item, score: hmisScore(entry, ref, shares) }))
        .filter((entry) => entry.score >= MIN_SCORE)
        .sort(
            (a, b) =>
                byQuality(a, b) ||
                Number(b.item.dataSets.length > 0) - Number(a.item.dataSets.length > 0)
        )[0]
    return best ? toSuggestedItem(best.item, best.score) : null
}

// Suggestions ------------------------------------------------------------------------------------

const oneOrMany = (ids: readonly string[]): string | string[] | undefined =>
    ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : [...ids]

const unique = (ids: readonly string[]): string[] => [...new Set(ids)]

const buildPair = (
    def: CommodityDefinition,
    hmis: SuggestedItem[],
    lmis: Record<LmisMeasure, SuggestedItem[]>
): Pair => {
    const lmisIds: Partial<Record<LmisMeasure, string | string[]>> = {}
    for (const measure of LMIS_MEASURES) {
        const ids = oneOrMany(lmis[measure].map((item) => item.id))
        if (ids !== undefined) lmisIds[measure] = ids
    }
    const lmisDataSets = oneOrMany(
        unique(LMIS_MEASURES.flatMap((measure) => lmis[measure].flatMap((i) => i.dataSetIds)))
    )
    const hmisDataSets = oneOrMany(unique(hmis.flatMap((item) => item.dataSetIds)))
    const withRatio = def.ratio !== undefined && lmis.consumption.length > 0 && hmis.length > 0
    return {
        id: def.pairId,
        name: suggestedPairName(def.key),
        commodity: { name: suggestedCommodityName(def.key) },
        hmis: {
            items: hmis.map((item) => ({ id: item.id, name: item.name, kind: item.kind })),
            ...(hmisDataSets !== undefined ? { dataSet: hmisDataSets } : {}),
        },
        lmis: { ...lmisIds, ...(lmisDataSets !== undefined ? { dataSet: lmisDataSets } : {}) },
        ...(withRatio && def.ratio
            ? {
                  ratio: {
                      label: suggestedRatioLabel(def.key),
                      expectedLow: def.ratio.low,
                      expectedHigh: def.ratio.high,
                  },
              }
            : {}),
        tips: { ...def.tips },
        thresholds: { zScore: DEFAULT_Z_SCORE },
    }
}

/** Proposes one pair per life-saving commodity found among the candidates. */
export const suggestPairs = (candidates: readonly SuggestCandidate[]): SuggestResult => {
    const analysed = prepare(candidates).map(analyse)
    const shares = lmisShareByDataSet(analysed)
    const suggestions: SuggestedPair[] = []
    const notFound: SuggestCommodityKey[] = []
    for (const def of COMMODITY_DEFINITIONS) {
        const relevant = analysed.filter((entry) => entry.commodities.has(def.key))
        const lmis = {} as Record<LmisMeasure, SuggestedItem[]>
        for (const measure of LMIS_MEASURES) {
            lmis[measure] =
                measure === 'consumption' && def.noConsumption
                    ? []
                    : pickLmis(relevant, def.key, measure, shares)
        }
        const hmisEntries = def.services.map((ref) => ({
            label: serviceLabel(ref),
            item: pickHmis(analysed, ref, shares),
        }))
        const hmisItems = hmisEntries
            .map((entry) => entry.item)
            .filter((item): item is SuggestedItem => item !== null)
            .filter((item, index, list) => list.findIndex((x) => x.id === item.id) === index)
        const lmisFound = LMIS_MEASURES.filter((measure) => lmis[measure].length > 0)
        if (lmisFound.length === 0 && hmisItems.length === 0) {
            notFound.push(def.key)
            continue
        }
        const lmisMain =
            lmis.consumption[0]?.score ??
            Math.max(0, ...lmisFound.map((measure) => lmis[measure][0]?.score ?? 0))
        const parts = [lmisMain, ...hmisEntries.map((entry) => entry.item?.score ?? 0)]
        suggestions.push({
            commodity: def.key,
            programArea: def.programArea,
            score: round(parts.reduce((sum, part) => sum + part, 0) / parts.length),
            hmis: hmisEntries,
            lmis,
            pair: buildPair(def, hmisItems, lmis),
            missingHmis: hmisEntries.filter((entry) => !entry.item).map((entry) => entry.label),
            missingLmis: LMIS_MEASURES.filter(
                (measure) =>
                    lmis[measure].length === 0 && !(measure === 'consumption' && def.noConsumption)
            ),
            complete: lmisFound.length > 0 && hmisItems.length > 0,
        })
    }
    return { suggestions, notFound }
}
