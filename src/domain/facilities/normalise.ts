/**
 * Facility and admin-area names reduced to what identifies the place, so that "Centre de Santé
 * d'Oussouye", "CS Oussouye" and "C.S. de OUSSOUYE" compare equal: lower case, accents and
 * punctuation removed, the facility-type words of English, French, Swahili and Portuguese lists
 * (and their usual abbreviations) taken out and kept apart as a type, small words (de, la, ya, do…)
 * dropped.
 */
import { levenshtein } from './similarity'

export type FacilityKind =
    'hospital' | 'health-centre' | 'dispensary' | 'health-post' | 'clinic' | 'maternity'

/**
 * Type phrases, longest first within the list (matched on whole tokens after folding). The
 * abbreviations are the ones facility lists use: HC, CS (centre de santé), PS (poste de santé),
 * DH/HD (district hospital / hôpital de district), RRH, CSPS, US (unidade sanitária), KA (kituo cha
 * afya).
 */
const KIND_PHRASES: Array<[string, FacilityKind]> = [
    // English
    ['regional referral hospital', 'hospital'],
    ['district hospital', 'hospital'],
    ['regional hospital', 'hospital'],
    ['referral hospital', 'hospital'],
    ['health centre', 'health-centre'],
    ['health center', 'health-centre'],
    ['health post', 'health-post'],
    ['health facility', 'health-centre'],
    ['dispensary', 'dispensary'],
    ['hospital', 'hospital'],
    ['clinic', 'clinic'],
    ['maternity', 'maternity'],
    ['rrh', 'hospital'],
    ['hosp', 'hospital'],
    ['disp', 'dispensary'],
    ['dh', 'hospital'],
    ['hc', 'health-centre'],
    ['hp', 'health-post'],
    // French
    ['centre de sante de reference', 'health-centre'],
    ['centre de sante', 'health-centre'],
    ['centre sante', 'health-centre'],
    ['center de sante', 'health-centre'],
    ['poste de sante', 'dispensary'],
    ['case de sante', 'health-post'],
    ['hopital regional', 'hospital'],
    ['hopital de district', 'hospital'],
    ['centre hospitalier', 'hospital'],
    ['hopital', 'hospital'],
    ['maternite', 'maternity'],
    ['dispensaire', 'dispensary'],
    ['csps', 'health-centre'],
    ['cscom', 'health-centre'],
    ['csref', 'health-centre'],
    ['hop', 'hospital'],
    ['cs', 'health-centre'],
    ['ps', 'dispensary'],
    ['hd', 'hospital'],
    ['hr', 'hospital'],
    ['case', 'health-post'],
    // Swahili
    ['hospitali ya rufaa ya mkoa', 'hospital'],
    ['hospitali ya wilaya', 'hospital'],
    ['hospitali', 'hospital'],
    ['kituo cha afya', 'health-centre'],
    ['zahanati', 'dispensary'],
    ['kliniki', 'clinic'],
    ['ka', 'health-centre'],
    // Portuguese
    ['hospital distrital', 'hospital'],
    ['hospital provincial', 'hospital'],
    ['hospital rural', 'hospital'],
    ['hospital geral', 'hospital'],
    ['centro de saude', 'health-centre'],
    ['posto de saude', 'health-post'],
    ['unidade sanitaria', 'health-centre'],
    ['posto medico', 'health-post'],
    ['maternidade', 'maternity'],
    ['clinica', 'clinic'],
    ['us', 'health-centre'],
]

/** Small words without meaning for identification */
const STOP_WORDS = new Set([
    'the',
    'of',
    'and',
    'de',
    'du',
    'des',
    'la',
    'le',
    'les',
    'l',
    'd',
    'et',
    'ya',
    'cha',
    'wa',
    'la',
    'za',
    'do',
    'da',
    'dos',
    'das',
    'e',
])

/** Words of admin-area names: "Kilimani Region", "District Sanitaire de Thiès", "Mkoa wa …" */
const ADMIN_WORDS = new Set([
    'region',
    'regional',
    'province',
    'provincia',
    'district',
    'districts',
    'distrito',
    'sanitaire',
    'ds',
    'dc',
    'dmo',
    'council',
    'municipal',
    'mkoa',
    'wilaya',
    'halmashauri',
    'county',
    'zone',
])

/** Lower case, accents removed, anything but letters and digits as a space, spaces collapsed. */
export const fold = (text: string): string =>
    text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[’'`´]/g, ' ')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()

/** "C.S." and "H.C." fold to "c s" / "h c": glue runs of single letters back together. */
const glueInitials = (tokens: string[]): string[] => {
    const out: string[] = []
    let run = ''
    for (const token of tokens) {
        if (token.length === 1 && /[a-z]/.test(token)) {
            run += token
            continue
        }
        if (run) out.push(run)
        run = ''
        out.push(token)
    }
    if (run) out.push(run)
    return out
}

const PHRASES = KIND_PHRASES.map(([phrase, kind]) => ({ words: phrase.split(' '), kind })).sort(
    (a, b) => b.words.length - a.words.length
)

/**
 * A word of the text is the type word: equal, or a slip of it ("dispensray", "haelth") when both
 * are long enough that a slip cannot turn one real word into another (≥ 5 letters: one edit or
 * swap, ≥ 8: two), with the same first letter.
 */
const sameWord = (word: string | undefined, typeWord: string): boolean => {
    if (word === undefined) return false
    if (word === typeWord) return true
    if (typeWord.length < 5 || word.length < 5 || Math.abs(word.length - typeWord.length) > 2) {
        return false
    }
    if (word[0] !== typeWord[0]) return false
    if (word.length === typeWord.length) {
        // one swap of neighbouring letters ("haelth")
        const diff = [...word].flatMap((ch, k) => (ch === typeWord[k] ? [] : [k]))
        if (
            diff.length === 2 &&
            diff[1] === (diff[0] as number) + 1 &&
            word[diff[0] as number] === typeWord[diff[1] as number] &&
            word[diff[1] as number] === typeWord[diff[0] as number]
        ) {
            return true
        }
    }
    return levenshtein(word, typeWord) <= (typeWord.length >= 8 ? 2 : 1)
}

const TYPE_VOCABULARY = [...new Set(KIND_PHRASES.flatMap(([phrase]) => phrase.split(' ')))].filter(
    (w) => w.length >= 5
)
const TYPE_WORDS = new Set(KIND_PHRASES.flatMap(([phrase]) => phrase.split(' ')))
const typeWordCache = new Map<string, string>()

/** The type word a word is a slip of, else the word itself (remembered: names repeat words) */
const typeWordOf = (word: string): string => {
    const known = typeWordCache.get(word)
    if (known !== undefined) return known
    const found = TYPE_WORDS.has(word)
        ? word
        : (TYPE_VOCABULARY.find((w) => sameWord(word, w)) ?? word)
    if (typeWordCache.size < 50_000) typeWordCache.set(word, found)
    return found
}

export interface NormalisedName {
    /** The identifying words, in order, joined by one space ("keur momar") */
    key: string
    tokens: string[]
    /** The facility type the name states, if any */
    kind: FacilityKind | null
}

/**
 * A facility name reduced to its identifying words and its type.
 * Roman numerals and numbers are kept ("Kibaoni II" ≠ "Kibaoni").
 */
export const normaliseFacilityName = (name: string): NormalisedName => {
    const words = glueInitials(fold(name).split(' ').filter(Boolean)).map(typeWordOf)
    const kept: string[] = []
    let kind: FacilityKind | null = null
    for (let i = 0; i < words.length;) {
        const phrase = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w))
        if (phrase) {
            kind ??= phrase.kind
            i += phrase.words.length
            continue
        }
        const word = words[i] as string
        if (!STOP_WORDS.has(word)) kept.push(word)
        i++
    }
    // A name that is only type words ("Dispensary") keeps them, to compare with something
    const tokens = kept.length > 0 ? kept : words
    return { key: tokens.join(' '), tokens, kind }
}

/** A region or district name reduced to its place: "District Sanitaire de Thiès" → "thies". */
export const normaliseAreaName = (name: string): string => {
    const words = fold(name)
        .split(' ')
        .filter((w) => w && !STOP_WORDS.has(w))
    const kept = words.filter((w) => !ADMIN_WORDS.has(w))
    return (kept.length > 0 ? kept : words).join(' ')
}
