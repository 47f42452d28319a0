/**
 * Deterministic DHIS2 identifiers.
 *
 * A DHIS2 UID is 11 characters: a letter first, then letters or digits (`CodeGenerator` in
 * dhis2-core). The demo derives each UID from a stable key (e.g. `de:LMIS_OXY_CONS`), so the same
 * metadata object has the same id in every generated country, and org units get ids derived from
 * the seed and their position.
 */
import { hashString } from './random'

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALPHANUMERIC = '0123456789' + LETTERS

export const UID_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{10}$/

export const isValidUid = (value: string): boolean => UID_PATTERN.test(value)

/** The UID for a key; different keys give different UIDs with overwhelming probability. */
export const uidFor = (key: string): string => {
    // One independent 32-bit hash per character: ~65 bits of entropy overall, as many as a UID holds.
    let out = LETTERS[hashString(key, 0) % LETTERS.length] as string
    for (let i = 1; i < 11; i++) out += ALPHANUMERIC[hashString(key, i) % ALPHANUMERIC.length]
    return out
}

/**
 * Allocates UIDs for keys and fails loudly on the (astronomically unlikely) collision, so a
 * generated database never has two objects with one id.
 */
export class UidRegistry {
    private readonly byUid = new Map<string, string>()

    constructor(reserved: Record<string, string> = {}) {
        for (const [key, uid] of Object.entries(reserved)) this.byUid.set(uid, key)
    }

    /** UID for `key`; `fixed` forces a given UID (e.g. DHIS2's built-in default category combo) */
    allocate(key: string, fixed?: string): string {
        const uid = fixed ?? uidFor(key)
        const owner = this.byUid.get(uid)
        if (owner !== undefined && owner !== key) {
            throw new Error(`UID collision: ${uid} for ${key} and ${owner}`)
        }
        this.byUid.set(uid, key)
        return uid
    }
}
