/**
 * The configuration entry (`/api/dataStore/triangulate/config`) for the mapping editor, read with
 * its `lastUpdated` and revision, and written only through `safeWrite` (never over someone else's
 * save: see `src/data/save-revision.ts`).
 */
import { CONFIG_KEY, CONFIG_NAMESPACE } from '../../../domain/config'
import {
    ABSENT,
    loadEntry,
    safeWrite,
    type SafeWriteResult,
    type StoredEntry,
} from '../../../data/datastore-entry'
import type { DataEngine } from '../../../data/engine'

export { parseEntryMetadata } from '../../../data/datastore-entry'

export const CONFIG_RESOURCE = `dataStore/${CONFIG_NAMESPACE}/${CONFIG_KEY}`

export type StoredConfigEntry = StoredEntry

export const ABSENT_ENTRY: StoredConfigEntry = ABSENT

/** The stored configuration entry (absent when the key is not there). */
export const loadConfigEntry = (engine: DataEngine, signal?: AbortSignal) =>
    loadEntry(engine, CONFIG_NAMESPACE, CONFIG_KEY, signal)

/**
 * Saves the configuration made from `base`; a conflict when anyone else saved since `base` or
 * saves at the same moment. `takeOver`: the admin chose "Overwrite with mine" after seeing
 * `base` (the other version).
 */
export const saveConfig = (
    engine: DataEngine,
    {
        base,
        value,
        takeOver = false,
        sleep,
    }: {
        base: StoredConfigEntry
        value: Record<string, unknown>
        takeOver?: boolean
        sleep?: (ms: number) => Promise<void>
    }
): Promise<SafeWriteResult> =>
    safeWrite(engine, {
        namespace: CONFIG_NAMESPACE,
        key: CONFIG_KEY,
        base,
        value,
        takeOver,
        // DHIS2 refuses the mapping's writes to all but the named editors (data/entry-protection)
        protect: true,
        ...(sleep ? { sleep } : {}),
    })
