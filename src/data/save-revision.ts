/**
 * Telling concurrent writes of one dataStore entry apart, without help from the server.
 *
 * DHIS2 has no conditional write for the dataStore: `PUT /api/dataStore/<ns>/<key>` replaces the
 * value whatever it is now (no `If-Match`/ETag; dhis2-core `DatastoreController.updateKeyJsonValue`
 * → `DefaultDatastoreService.saveOrUpdateEntry`). Its only "only if" is the create: `POST` of a key
 * that exists is refused with 409 "Key '…' already exists in namespace '…'"
 * (`DefaultDatastoreService.addEntry`), and the table's unique (namespace, key) constraint refuses
 * a second insert of the same key even in the same millisecond.
 *
 * So every write of the app carries a revision in the value (`revision`: a random id, a counter,
 * the base it was made from and the ids before it), and before replacing a value the writer
 * *claims* the version it edited by creating the key `<key>--save--<base token>`. Two writers that
 * edited the same version want the same claim key: only the first gets it, the second is told of a
 * conflict before writing anything. After writing, the writer reads the entry back and checks that
 * the stored value is its own revision or one made from it (see `checkWritten`).
 *
 * This file holds the pure part: tokens, revisions, claim keys, the decisions.
 */

export const REVISION_FIELD = 'revision'
/** How many earlier revision ids (and claims) a value remembers */
export const REVISION_HISTORY = 10
export const CLAIM_INFIX = '--save--'

export interface Revision {
    /** Random id of this write */
    id: string
    /** 1 for the first write by the app, then +1 per save */
    n: number
    /** Token of the version this write was made from (`baseToken`), `null` when it was created */
    base: string | null
    /** Ids of the revisions before this one, newest first */
    recent: string[]
    /** Base tokens claimed by the revisions before this one, newest first (to clean up claims) */
    claims: string[]
}

/** What a writer knows of a stored entry. */
export interface EntryVersion {
    exists: boolean
    value: unknown
    /** `lastUpdated` of the entry (`/metaData`) */
    lastUpdated: string | null
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The revision a stored value carries, if any (a value written by another tool has none). */
export const readRevision = (value: unknown): Revision | null => {
    const raw = isRecord(value) ? value[REVISION_FIELD] : undefined
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return null
    return {
        id: raw.id,
        n: typeof raw.n === 'number' && Number.isInteger(raw.n) && raw.n > 0 ? raw.n : 1,
        base: typeof raw.base === 'string' ? raw.base : null,
        recent: strings(raw.recent),
        claims: strings(raw.claims),
    }
}

/** The value without its revision: what the admin edits and compares. */
export const withoutRevision = (value: unknown): unknown => {
    if (!isRecord(value) || !(REVISION_FIELD in value)) return value
    const { [REVISION_FIELD]: _revision, ...rest } = value
    return rest
}

/** JSON with object keys sorted, so that equal values give equal text. */
export const canonicalJson = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
    if (isRecord(value)) {
        return `{${Object.keys(value)
            .filter((key) => value[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
            .join(',')}}`
    }
    return JSON.stringify(value) ?? 'null'
}

/** FNV-1a (32 bits) of a text, in base 36: short, stable, good enough to name a version. */
export const shortHash = (text: string, seed = 0x811c9dc5): string => {
    let hash = seed
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i)
        hash = Math.imul(hash, 0x01000193)
    }
    return (hash >>> 0).toString(36)
}

/**
 * A name for one stored version of an entry: the same for every client that read the same
 * version, different for any other write (its revision or its content, and its `lastUpdated`,
 * differ). `null` when the entry does not exist.
 */
export const baseToken = (version: EntryVersion): string | null => {
    if (!version.exists) return null
    const revision = readRevision(version.value)
    const what = revision ? `r:${revision.id}` : `c:${canonicalJson(version.value)}`
    const text = `${what}|${version.lastUpdated ?? ''}`
    return `${shortHash(text)}${shortHash(text, 0x01234567)}`
}

/** The key claimed by whoever saves on top of the version named `token`. */
export const claimKey = (key: string, token: string, generation = 1): string =>
    `${key}${CLAIM_INFIX}${token}${generation > 1 ? `-${generation}` : ''}`

/** Whether a key of the namespace is a claim (not data of the app). */
export const isClaimKey = (key: string): boolean => key.includes(CLAIM_INFIX)

/** A random id for a new revision. */
export const newRevisionId = (): string => {
    const bytes = new Uint8Array(9)
    globalThis.crypto.getRandomValues(bytes)
    return Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('')
}

/** The revision of a write made from `base`. */
export const nextRevision = (base: EntryVersion, id: string): Revision => {
    const previous = base.exists ? readRevision(base.value) : null
    const token = baseToken(base)
    return {
        id,
        n: (previous?.n ?? 0) + 1,
        base: token,
        recent: previous ? [previous.id, ...previous.recent].slice(0, REVISION_HISTORY) : [],
        claims: token
            ? [token, ...(previous?.claims ?? [])].slice(0, REVISION_HISTORY)
            : (previous?.claims ?? []).slice(0, REVISION_HISTORY),
    }
}

/** The claims the new revision no longer remembers: their keys can be deleted. */
export const forgottenClaims = (base: EntryVersion, next: Revision): string[] => {
    const previous = base.exists ? readRevision(base.value) : null
    return (previous?.claims ?? []).filter((token) => !next.claims.includes(token))
}

/** The value to store: the edited value (without any old revision) and the new revision. */
export const valueWithRevision = (
    value: Record<string, unknown>,
    revision: Revision
): Record<string, unknown> => ({
    ...(withoutRevision(value) as Record<string, unknown>),
    [REVISION_FIELD]: revision,
})

/** Equal values, revisions aside. */
export const sameContent = (a: unknown, b: unknown): boolean =>
    canonicalJson(withoutRevision(a)) === canonicalJson(withoutRevision(b))

/** Whether `remote` is still the version the edit started from. */
export const isSameVersion = (base: EntryVersion, remote: EntryVersion): boolean =>
    baseToken(base) === baseToken(remote)

export type SaveDecision =
    /** Nobody wrote since the edit started: claim the base and write */
    | { action: 'write' }
    /** Someone else wrote (or deleted) since the edit started */
    | { action: 'conflict' }
    /** The server already has exactly this value: nothing to write */
    | { action: 'alreadySaved' }

/** What to do, given the version the edit started from and the one on the server now. */
export const decideSave = (
    base: EntryVersion,
    remote: EntryVersion,
    value: unknown
): SaveDecision => {
    if (isSameVersion(base, remote)) return { action: 'write' }
    if (remote.exists && sameContent(remote.value, value)) return { action: 'alreadySaved' }
    return { action: 'conflict' }
}

/**
 * After writing revision `id`: did the write hold? It did when the stored value is that revision,
 * or a later one made from it (someone saved on top of it — nothing of ours was lost). Anything
 * else means another write replaced ours: a conflict, never a "Saved".
 */
export const checkWritten = (id: string, stored: EntryVersion): 'saved' | 'overwritten' => {
    const revision = stored.exists ? readRevision(stored.value) : null
    if (revision && (revision.id === id || revision.recent.includes(id))) return 'saved'
    return 'overwritten'
}
