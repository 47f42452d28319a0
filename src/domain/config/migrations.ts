import i18n from '@dhis2/d2-i18n'
import { CURRENT_CONFIG_VERSION } from './schema'
import { configIssue, type ConfigIssue } from './describe-issue'

/**
 * Stored configurations are migrated step by step, oldest first, when they are read: a config of
 * version n goes through the migrations from n to CURRENT_CONFIG_VERSION. Migrations take and
 * return plain JSON (they run before validation): they must not assume the old shape is valid, only
 * move what is there to where the next version expects it, and leave the rest to validation.
 *
 * To change the shape: bump CURRENT_CONFIG_VERSION, update the schema, append a migration
 * `{ from: n, to: n + 1 }` with a test, and never edit a released migration.
 */
export type JsonObject = Record<string, unknown>

export interface ConfigMigration {
    from: number
    to: number
    /** What changed, for the changelog and the settings page */
    description: string
    migrate: (config: JsonObject) => JsonObject
}

export const DEFAULT_PROGRAM_AREA_ID = 'default'

/**
 * Version 0 (before program areas): `{ pairs: [Pair] }`, without a `version` field.
 * Version 1 puts those pairs in one program area.
 */
const v0ToV1: ConfigMigration = {
    from: 0,
    to: 1,
    description: 'Pairs are grouped in program areas; existing pairs go to one default area.',
    migrate: (config) => {
        const { pairs, version: _version, ...rest } = config
        return {
            ...rest,
            version: 1,
            programAreas: [
                {
                    id: DEFAULT_PROGRAM_AREA_ID,
                    name: i18n.t('All commodities'),
                    pairs: pairs === undefined ? [] : pairs,
                },
            ],
        }
    },
}

export const CONFIG_MIGRATIONS: readonly ConfigMigration[] = [v0ToV1]

export const isJsonObject = (value: unknown): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

/** The version a stored config says it has; a config without `version` is version 0. */
export const detectConfigVersion = (config: JsonObject): number | null => {
    const version = config.version
    if (version === undefined) {
        return 0
    }
    return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null
}

export type MigrationResult =
    | { ok: true; config: JsonObject; fromVersion: number; migrated: boolean }
    | { ok: false; issue: ConfigIssue }

/** Brings a stored config to the current version (see `CONFIG_MIGRATIONS`). */
export const migrateConfig = (
    config: JsonObject,
    migrations: readonly ConfigMigration[] = CONFIG_MIGRATIONS,
    targetVersion: number = CURRENT_CONFIG_VERSION
): MigrationResult => {
    const fromVersion = detectConfigVersion(config)
    if (fromVersion === null) {
        return {
            ok: false,
            issue: configIssue(
                ['version'],
                'config.unknownVersion',
                i18n.t('Unknown configuration version {{version}}', {
                    version: JSON.stringify(config.version),
                    interpolation: { escapeValue: false },
                })
            ),
        }
    }
    if (fromVersion > targetVersion) {
        return {
            ok: false,
            issue: configIssue(
                ['version'],
                'config.newerVersion',
                i18n.t(
                    'The configuration was saved by a newer version of the app (version {{version}}). Update the app to use it.',
                    { version: String(fromVersion), interpolation: { escapeValue: false } }
                )
            ),
        }
    }
    let current = config
    let version = fromVersion
    while (version < targetVersion) {
        const step = migrations.find((migration) => migration.from === version)
        if (!step) {
            return {
                ok: false,
                issue: configIssue(
                    ['version'],
                    'config.unknownVersion',
                    i18n.t('Unknown configuration version {{version}}', {
                        version: String(version),
                        interpolation: { escapeValue: false },
                    })
                ),
            }
        }
        current = step.migrate(current)
        version = step.to
    }
    return { ok: true, config: current, fromVersion, migrated: fromVersion !== targetVersion }
}
