/**
 * Reading and saving a dashboard item's settings (`triangulate/dashboard-item-<id>`), through the
 * app's safe write: two people changing the same item at once never lose a choice silently.
 */
import { CONFIG_NAMESPACE } from '../../domain/config'
import {
    loadEntry,
    safeWrite,
    type SafeWriteResult,
    type StoredEntry,
} from '../../data/datastore-entry'
import type { DataEngine } from '../../data/engine'
import { withoutRevision } from '../../data/save-revision'
import { itemSettingsSchema, type ItemSettings } from './item-settings'

export interface StoredItemSettings {
    /** The entry as read (the base of the next save) */
    entry: StoredEntry
    /** Its settings, when valid; `null`: not set up (or unreadable: choose again) */
    settings: ItemSettings | null
}

export const itemSettingsOf = (entry: StoredEntry): StoredItemSettings => {
    const parsed = entry.exists ? itemSettingsSchema.safeParse(withoutRevision(entry.value)) : null
    return { entry, settings: parsed?.success ? parsed.data : null }
}

export const loadItemSettings = async (
    engine: DataEngine,
    key: string,
    signal?: AbortSignal
): Promise<StoredItemSettings> =>
    itemSettingsOf(await loadEntry(engine, CONFIG_NAMESPACE, key, signal))

export const saveItemSettings = (
    engine: DataEngine,
    key: string,
    base: StoredEntry,
    settings: ItemSettings,
    takeOver = false
): Promise<SafeWriteResult> =>
    safeWrite(engine, {
        namespace: CONFIG_NAMESPACE,
        key,
        base,
        value: settings,
        takeOver,
        protect: true,
    })
