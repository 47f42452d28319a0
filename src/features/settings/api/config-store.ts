/**
 * Reading and writing the configuration entry (`/api/dataStore/triangulate/config`) for the mapping
 * editor, with the entry's `lastUpdated` so that a save can tell whether someone else saved since.
 *
 * Whether the key exists is read from the namespace lists (`/api/dataStore`, then
 * `/api/dataStore/triangulate`), which answer 200, rather than by asking for the key and getting a
 * 404 (which browsers log as an error on every visit of an unconfigured instance).
 */
import { CONFIG_KEY, CONFIG_NAMESPACE } from '../../../domain/config'
import { httpStatusOf, type DataEngine } from '../../../data/engine'
import { jsonEqual } from '../model/draft'

export const CONFIG_RESOURCE = `dataStore/${CONFIG_NAMESPACE}/${CONFIG_KEY}`

export interface StoredConfigEntry {
    exists: boolean
    /** The stored JSON value; `null` when absent */
    value: unknown
    /** `lastUpdated` of the entry (`/metaData`); `null` when absent */
    lastUpdated: string | null
    /** Display name of whoever saved it last, when the server says */
    lastUpdatedBy: string | null
}

export const ABSENT_ENTRY: StoredConfigEntry = {
    exists: false,
    value: null,
    lastUpdated: null,
    lastUpdatedBy: null,
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const stringList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The `/metaData` response as an entry; `value` is read from it when it carries one. */
export const parseEntryMetadata = (
    response: unknown
): { lastUpdated: string | null; lastUpdatedBy: string | null; value?: unknown } => {
    const meta = isRecord(response) ? response : {}
    const by = isRecord(meta.lastUpdatedBy) ? meta.lastUpdatedBy : undefined
    const byName = [by?.displayName, by?.name, by?.username].find(
        (name): name is string => typeof name === 'string' && name !== ''
    )
    const parsed: { lastUpdated: string | null; lastUpdatedBy: string | null; value?: unknown } = {
        lastUpdated: typeof meta.lastUpdated === 'string' ? meta.lastUpdated : null,
        lastUpdatedBy: byName ?? null,
    }
    if (typeof meta.value === 'string') {
        try {
            parsed.value = JSON.parse(meta.value)
        } catch {
            // Not JSON: read the value itself below
        }
    } else if (meta.value !== undefined && meta.value !== null) {
        parsed.value = meta.value
    }
    return parsed
}

const query = async (engine: DataEngine, resource: string, signal?: AbortSignal) => {
    const result = await engine.query({ result: { resource } }, signal ? { signal } : {})
    return result.result
}

/**
 * The stored entry: its value and `lastUpdated` in one `/metaData` read when the server includes the
 * value there (DHIS2 does), else with a second read of the value.
 */
export const loadConfigEntry = async (
    engine: DataEngine,
    signal?: AbortSignal
): Promise<StoredConfigEntry> => {
    try {
        const namespaces = stringList(await query(engine, 'dataStore', signal))
        if (!namespaces.includes(CONFIG_NAMESPACE)) return ABSENT_ENTRY
        const keys = stringList(await query(engine, `dataStore/${CONFIG_NAMESPACE}`, signal))
        if (!keys.includes(CONFIG_KEY)) return ABSENT_ENTRY
        const meta = parseEntryMetadata(await query(engine, `${CONFIG_RESOURCE}/metaData`, signal))
        const value =
            meta.value !== undefined ? meta.value : await query(engine, CONFIG_RESOURCE, signal)
        return {
            exists: true,
            value,
            lastUpdated: meta.lastUpdated,
            lastUpdatedBy: meta.lastUpdatedBy,
        }
    } catch (error) {
        // Deleted between the reads
        if (httpStatusOf(error) === 404) return ABSENT_ENTRY
        throw error
    }
}

export type SaveMode = 'create' | 'update'

/** Writes the configuration: POST when the key is absent, PUT otherwise. */
export const writeConfig = async (
    engine: DataEngine,
    value: Record<string, unknown>,
    mode: SaveMode
): Promise<void> => {
    // The data engine's `create` takes no `id`: POST to the key's path; `replace` PUTs to `id`
    if (mode === 'create') {
        await engine.mutate({ resource: CONFIG_RESOURCE, type: 'create', data: value })
    } else {
        await engine.mutate({
            resource: `dataStore/${CONFIG_NAMESPACE}`,
            id: CONFIG_KEY,
            type: 'replace',
            data: value,
        })
    }
}

/** `lastUpdated` and author of the entry after a save. */
export const readEntryMetadata = async (
    engine: DataEngine
): Promise<{ lastUpdated: string | null; lastUpdatedBy: string | null }> => {
    const meta = parseEntryMetadata(await query(engine, `${CONFIG_RESOURCE}/metaData`))
    return { lastUpdated: meta.lastUpdated, lastUpdatedBy: meta.lastUpdatedBy }
}

/** What to do when saving, given the entry the editor loaded and the one on the server now. */
export type SavePlan =
    | { action: 'write'; mode: SaveMode }
    /** Someone else saved (or deleted) since the editor loaded the configuration */
    | { action: 'conflict' }
    /** The server already has exactly the draft (saved from elsewhere): nothing to write */
    | { action: 'alreadySaved' }

export const planSave = ({
    loaded,
    remote,
    draftValue,
    force,
}: {
    loaded: Pick<StoredConfigEntry, 'exists' | 'lastUpdated'>
    remote: StoredConfigEntry
    draftValue: unknown
    /** "Overwrite with mine": write whatever is there */
    force: boolean
}): SavePlan => {
    const mode: SaveMode = remote.exists ? 'update' : 'create'
    if (force) return { action: 'write', mode }
    const unchanged =
        remote.exists === loaded.exists && (remote.lastUpdated ?? null) === loaded.lastUpdated
    if (unchanged) return { action: 'write', mode }
    if (remote.exists && jsonEqual(remote.value, draftValue)) {
        return { action: 'alreadySaved' }
    }
    return { action: 'conflict' }
}
