/**
 * Text normalisation for matching metadata names and codes written in English or French: accents
 * and case removed, punctuation and code separators (`LMIS_OXY_CONS`) turned into spaces, `<5`
 * read as "under 5", and a light stemming so that plurals meet their singular (`deliveries` →
 * `delivery`, `pertes` → `perte`).
 */

/** Lower case, no accents, words separated by single spaces. */
export const normalizeText = (text: string): string =>
    text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/<\s*5(?![0-9])/g, ' under5 ')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()

/** Plural → singular, crudely but identically for texts and aliases. */
export const stem = (token: string): string => {
    if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
    if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) {
        return token.slice(0, -1)
    }
    return token
}

/** Normalised, stemmed tokens of a text. */
export const tokenize = (text: string): string[] =>
    normalizeText(text).split(' ').filter(Boolean).map(stem)

/** Where `phrase` occurs in `tokens` as consecutive tokens; -1 when it does not. */
export const findPhrase = (tokens: readonly string[], phrase: readonly string[]): number => {
    if (phrase.length === 0 || phrase.length > tokens.length) return -1
    outer: for (let start = 0; start <= tokens.length - phrase.length; start++) {
        for (let offset = 0; offset < phrase.length; offset++) {
            if (tokens[start + offset] !== phrase[offset]) continue outer
        }
        return start
    }
    return -1
}
