/**
 * The reviewed facility mapping in the dataStore (`triangulate/facility-mapping`), written only
 * through `safeWrite`: versioned (revision in the value), a concurrent save is detected and shown,
 * never overwritten. The namespace is the app's, protected as the configuration is.
 */
import { CONFIG_NAMESPACE } from '../../domain/config'
import {
    loadEntry,
    safeWrite,
    type SafeWriteResult,
    type StoredEntry,
} from '../../data/datastore-entry'
import type { DataEngine } from '../../data/engine'
import { FACILITY_MAPPING_KEY, type FacilityMapping } from '../../domain/facilities/review'

export const loadMappingEntry = (engine: DataEngine, signal?: AbortSignal): Promise<StoredEntry> =>
    loadEntry(engine, CONFIG_NAMESPACE, FACILITY_MAPPING_KEY, signal)

export const saveMapping = (
    engine: DataEngine,
    base: StoredEntry,
    mapping: FacilityMapping,
    takeOver = false
): Promise<SafeWriteResult> =>
    safeWrite(engine, {
        namespace: CONFIG_NAMESPACE,
        key: FACILITY_MAPPING_KEY,
        base,
        value: mapping as unknown as Record<string, unknown>,
        takeOver,
    })
