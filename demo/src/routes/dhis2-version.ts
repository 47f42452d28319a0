/**
 * The DHIS2 version the demo answers as (`--dhis2-version`), and what differs between versions
 * for what the app uses (see the README's version matrix):
 * - `/api/system/info` `version`;
 * - how the bundled dashboard shows an app item (the test host reads it from `system/info`):
 *   an `<iframe>` of the app before dashboard-app v101 (2.40.0–2.40.7, 2.41.0–2.41.3), the
 *   app-runtime `Plugin` from v101 (2.40.8+, 2.41.4+, 2.42); 2.39 cannot add the app at all;
 * - `PUT /api/dataStore/<ns>/<key>` of a missing key: 404 "Key '…' not found in namespace '…'"
 *   up to 2.40 (`DatastoreController.updateKeyJsonValue` → `getExistingEntry`), created (201)
 *   from 2.41 (`DefaultDatastoreService.updateEntry` upserts).
 */
/** 2.41.4: the 2.41 line the demo's answers follow, with the dashboard that renders plugins */
export const DEFAULT_DHIS2_VERSION = '2.41.4'

/** Short names accepted by `--dhis2-version`, as the full version the demo then reports */
const SHORT_NAMES: Record<string, string> = {
    '2.39': '2.39.10',
    '2.40': '2.40.7',
    '2.41': '2.41.3',
    '2.42': '2.42.3',
}

/** The full version for a `--dhis2-version` value; throws on anything but 2.39–2.42. */
export const parseDhis2Version = (text: string): string => {
    const value = text.trim()
    const full = SHORT_NAMES[value] ?? value
    if (!/^2\.(39|40|41|42)\.\d{1,2}(\.\d{1,2})?$/.test(full)) {
        throw new Error(
            `dhis2-version must be 2.39, 2.40, 2.41, 2.42 or a release such as 2.41.4, got '${text}'`
        )
    }
    return full
}

const minor = (version: string): number => Number(version.split('.')[1])

/** Whether `PUT` creates a missing dataStore key (2.41+) or answers 404 (2.39, 2.40). */
export const putCreatesMissingKey = (version: string): boolean => minor(version) >= 41

/** The release as numbers: `2.41.4` → [41, 4] (a fourth part, a hotfix, changes nothing here) */
const release = (version: string): [number, number] => {
    const [, m, p] = version.split('.')
    return [Number(m), Number(p ?? 0)]
}

/** From which patch of each minor line a change is in (2.42 and later: always) */
const since =
    (patches: Record<number, number>) =>
    (version: string): boolean => {
        const [m, p] = release(version)
        if (m > 41) return true
        const from = patches[m]
        return from !== undefined && p >= from
    }

/**
 * An org unit dimension left without org units (unknown id or level) is 409 E7143 "Organisation
 * unit or organisation unit level is not valid" from 2.40.1 (dhis2-core
 * `DimensionalObjectProducer.getOrgUnitDimension`); before, E7124 `ou`.
 */
export const orgUnitErrorIsE7143 = since({ 40: 1, 41: 0 })

/**
 * An invalid period is 409 E7611 "Period not valid: `…`" from 2.41.1
 * (`DimensionalObjectProducer.addDailyPeriods`); in 2.40.x and 2.41.0 it is dropped (and a request
 * left without periods is E7104).
 */
export const invalidPeriodIsE7611 = since({ 41: 1 })

/**
 * Periods and org units have `valueType: TEXT` in `metaData.items` details from 2.40.4 and 2.41.1
 * (`MetadataItem.getValueType`); before, `NUMBER` as every other item.
 */
export const metadataTextValueTypes = since({ 40: 4, 41: 1 })
