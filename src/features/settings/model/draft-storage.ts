/**
 * The unsaved draft in the browser's localStorage, per DHIS2 instance and user, written as it
 * changes: a closed tab, a crash, a refused save or an expired session never lose an edit. On the
 * next visit the editor offers to restore it when it differs from what is on the server.
 */
import { jsonEqual, type ConfigJson } from './draft'

export const DRAFT_STORAGE_VERSION = 1

export interface StoredDraft {
    version: typeof DRAFT_STORAGE_VERSION
    /** When the draft was last written (ISO, the browser's clock) */
    savedAt: string
    /** `lastUpdated` of the server's configuration the draft started from (`null`: none existed) */
    baseLastUpdated: string | null
    /** That configuration's value, to show what others changed since (`null`: none existed) */
    baseValue: unknown
    /** The draft as configuration JSON (`draftToJson`) */
    value: ConfigJson
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** One key per instance (base URL) and user. */
export const draftStorageKey = (baseUrl: string, userId: string): string =>
    `triangulate:settings-draft:${baseUrl.replace(/\/+$/, '')}:${userId}`

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

/** The stored draft, or `null` when there is none or it is unreadable. */
export const readStoredDraft = (
    storage: DraftStorage | undefined,
    key: string
): StoredDraft | null => {
    try {
        const text = storage?.getItem(key)
        if (!text) return null
        const parsed: unknown = JSON.parse(text)
        if (
            !isRecord(parsed) ||
            parsed.version !== DRAFT_STORAGE_VERSION ||
            typeof parsed.savedAt !== 'string' ||
            !isRecord(parsed.value) ||
            !(typeof parsed.baseLastUpdated === 'string' || parsed.baseLastUpdated === null)
        ) {
            return null
        }
        return {
            version: DRAFT_STORAGE_VERSION,
            savedAt: parsed.savedAt,
            baseLastUpdated: parsed.baseLastUpdated,
            baseValue: parsed.baseValue ?? null,
            value: parsed.value,
        }
    } catch {
        return null
    }
}

/** Writes the draft; `false` when the browser refused (storage full or disabled). */
export const writeStoredDraft = (
    storage: DraftStorage | undefined,
    key: string,
    draft: Omit<StoredDraft, 'version'>
): boolean => {
    try {
        if (!storage) return false
        storage.setItem(key, JSON.stringify({ version: DRAFT_STORAGE_VERSION, ...draft }))
        return true
    } catch {
        return false
    }
}

export const clearStoredDraft = (storage: DraftStorage | undefined, key: string): void => {
    try {
        storage?.removeItem(key)
    } catch {
        // Nothing to clear
    }
}

export interface RestoreOffer {
    draft: StoredDraft
    /** The server's configuration changed since the draft started from it */
    serverChangedSince: boolean
}

/**
 * Whether to offer restoring a stored draft: only when it differs from the server's configuration
 * (`serverValue`, normalised like drafts are). A draft equal to the server's is stale: drop it.
 */
export const restoreOffer = (
    stored: StoredDraft | null,
    serverValue: ConfigJson,
    serverLastUpdated: string | null
): RestoreOffer | null => {
    if (!stored || jsonEqual(stored.value, serverValue)) return null
    return { draft: stored, serverChangedSince: stored.baseLastUpdated !== serverLastUpdated }
}
