/** String similarity and distance helpers for facility matching (pure, allocation-light). */

let rowA = new Uint16Array(64)
let rowB = new Uint16Array(64)

/** Levenshtein edit distance (insert, delete, substitute = 1). */
export const levenshtein = (a: string, b: string): number => {
    if (a === b) return 0
    if (a.length === 0) return b.length
    if (b.length === 0) return a.length
    if (rowA.length <= b.length) {
        rowA = new Uint16Array(b.length + 1)
        rowB = new Uint16Array(b.length + 1)
    }
    let prev = rowA
    let cur = rowB
    for (let j = 0; j <= b.length; j++) prev[j] = j
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i
        const ca = a.charCodeAt(i - 1)
        for (let j = 1; j <= b.length; j++) {
            const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
            const del = (prev[j] as number) + 1
            const ins = (cur[j - 1] as number) + 1
            const sub = (prev[j - 1] as number) + cost
            cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub
        }
        const t = prev
        prev = cur
        cur = t
    }
    return prev[b.length] as number
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
export const levenshteinRatio = (a: string, b: string): number => {
    const longer = Math.max(a.length, b.length)
    return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer
}

const NUMERAL = /^(?:[0-9]+|i{1,3}|iv|v|vi{1,3}|ix|x)$/

/** A normalised name prepared for repeated comparison */
export interface ComparableName {
    key: string
    /** Tokens sorted, joined */
    sorted: string
    /** Numbers and roman numerals of the name, joined */
    numerals: string
    /** Count of each letter and digit: a cheap lower bound of the edit distance */
    bag: Uint8Array
}

const bagOf = (text: string): Uint8Array => {
    const bag = new Uint8Array(37)
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        const k = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36
        bag[k] = Math.min(255, (bag[k] as number) + 1)
    }
    return bag
}

/** Edit distance is at least the larger of the letters one name has more of and the other has more of */
const bagDistance = (a: Uint8Array, b: Uint8Array): number => {
    let more = 0
    let less = 0
    for (let k = 0; k < 37; k++) {
        const d = (a[k] as number) - (b[k] as number)
        if (d > 0) more += d
        else less -= d
    }
    return more > less ? more : less
}

export const comparable = (tokens: readonly string[]): ComparableName => ({
    key: tokens.join(' '),
    sorted: [...tokens].sort().join(' '),
    numerals: tokens.filter((t) => NUMERAL.test(t)).join(' '),
    bag: bagOf(tokens.join(' ')),
})

/**
 * Similarity of two normalised names: the better of the plain and the token-sorted edit ratios
 * ("keur momar" ~ "momar keur"), held below 0.7 when their numbers differ ("Kibaoni II" is not
 * "Kibaoni"). Names whose lengths alone put them below `floor` get 0 without comparing.
 */
export const nameSimilarity = (a: ComparableName, b: ComparableName, floor = 0): number => {
    const longer = Math.max(a.key.length, b.key.length)
    if (longer > 0 && floor > 0 && 1 - bagDistance(a.bag, b.bag) / longer < floor) return 0
    const plain = levenshteinRatio(a.key, b.key)
    let sim =
        plain >= 0.9 || a.sorted === a.key || b.sorted === b.key
            ? plain
            : Math.max(plain, levenshteinRatio(a.sorted, b.sorted))
    if (a.numerals !== b.numerals) sim = Math.min(sim, 0.7)
    return sim
}

/** Great-circle distance in kilometres between two points given as [longitude, latitude]. */
export const distanceKm = (a: readonly [number, number], b: readonly [number, number]): number => {
    const rad = Math.PI / 180
    const dLat = (b[1] - a[1]) * rad
    const dLon = (b[0] - a[0]) * rad
    const h =
        Math.sin(dLat / 2) ** 2 +
        Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}
