import i18n from '@dhis2/d2-i18n'
import { configIssue, describeIssue, formatPath, type ConfigIssue } from './describe-issue'
import { isJsonObject, migrateConfig } from './migrations'
import {
    CONFIG_LIMITS,
    CURRENT_CONFIG_VERSION,
    pairSchema,
    programAreaHeaderSchema,
    type Config,
    type Pair,
    type ProgramArea,
} from './schema'

/** How one stored pair fared: kept (`pair` set, no issues) or left out with the reasons. */
export interface PairResult {
    /** Where the pair sits in the (migrated) config, e.g. `programAreas[0].pairs[2]` */
    path: string
    programAreaId: string | null
    /** The stored id and name, when readable, to name the pair in messages */
    pairId: string | null
    name: string | null
    ok: boolean
    /** The validated pair when `ok` */
    pair: Pair | null
    issues: ConfigIssue[]
}

export interface ParseConfigResult {
    /** The valid part of the configuration: invalid pairs and program areas are left out */
    config: Config | null
    /** One entry per stored pair, valid or not */
    pairResults: PairResult[]
    /** Every issue: configuration, program areas and pairs */
    errors: ConfigIssue[]
    /** The version the stored configuration had when it was older than the current one */
    migratedFrom: number | null
}

const readString = (value: unknown, key: string): string | null => {
    if (!isJsonObject(value)) return null
    const field = value[key]
    return typeof field === 'string' ? field : null
}

/** An empty configuration of the current version. */
export const emptyConfig = (): Config => ({ version: CURRENT_CONFIG_VERSION, programAreas: [] })

/**
 * Reads the configuration stored in the dataStore (`triangulate/config`): migrates it to the
 * current version, then validates each program area and each pair on its own, so that one invalid
 * pair does not hide the others. Every problem is named with its path and a translated message.
 * `config` is `null` only when the whole document is unusable (not an object, unknown or newer
 * version, no program area list).
 */
export const parseConfig = (json: unknown): ParseConfigResult => {
    if (!isJsonObject(json)) {
        return {
            config: null,
            pairResults: [],
            errors: [
                configIssue(
                    [],
                    'config.notAnObject',
                    i18n.t('The configuration is not a JSON object')
                ),
            ],
            migratedFrom: null,
        }
    }
    const migration = migrateConfig(json)
    if (!migration.ok) {
        return { config: null, pairResults: [], errors: [migration.issue], migratedFrom: null }
    }
    const migratedFrom = migration.migrated ? migration.fromVersion : null
    const stored = migration.config
    if (!Array.isArray(stored.programAreas)) {
        return {
            config: null,
            pairResults: [],
            errors: [
                configIssue(
                    ['programAreas'],
                    'config.programAreasNotAList',
                    i18n.t('The configuration has no list of program areas')
                ),
            ],
            migratedFrom,
        }
    }

    const errors: ConfigIssue[] = []
    const pairResults: PairResult[] = []
    const programAreas: ProgramArea[] = []
    const areaIds = new Set<string>()
    const pairIds = new Set<string>()

    stored.programAreas.forEach((rawArea: unknown, areaIndex: number) => {
        const areaPath: (string | number)[] = ['programAreas', areaIndex]
        const header = programAreaHeaderSchema.safeParse(rawArea)
        const areaIssues: ConfigIssue[] = header.success
            ? []
            : header.error.issues.map((issue) => describeIssue(issue, areaPath))
        if (header.success) {
            if (areaIds.has(header.data.id)) {
                areaIssues.push(
                    configIssue(
                        [...areaPath, 'id'],
                        'config.duplicateProgramAreaId',
                        i18n.t('Another program area already uses the id {{id}}', {
                            id: header.data.id,
                            interpolation: { escapeValue: false },
                        })
                    )
                )
            }
            areaIds.add(header.data.id)
        }
        const rawPairs = isJsonObject(rawArea) ? rawArea.pairs : undefined
        if (rawPairs !== undefined && !Array.isArray(rawPairs)) {
            areaIssues.push(
                configIssue(
                    [...areaPath, 'pairs'],
                    'config.pairsNotAList',
                    i18n.t('The pairs of this program area are not a list')
                )
            )
        }
        errors.push(...areaIssues)
        const areaOk = header.success && areaIssues.length === 0
        const areaId = header.success ? header.data.id : readString(rawArea, 'id')

        const pairs: Pair[] = []
        const pairList: unknown[] = Array.isArray(rawPairs) ? rawPairs : []
        pairList.forEach((rawPair, pairIndex) => {
            const pairPath = [...areaPath, 'pairs', pairIndex]
            const parsed = pairSchema.safeParse(rawPair)
            const issues = parsed.success
                ? []
                : parsed.error.issues.map((issue) => describeIssue(issue, pairPath))
            if (parsed.success) {
                if (pairIds.has(parsed.data.id)) {
                    issues.push(
                        configIssue(
                            [...pairPath, 'id'],
                            'config.duplicatePairId',
                            i18n.t('Another pair already uses the id {{id}}', {
                                id: parsed.data.id,
                                interpolation: { escapeValue: false },
                            })
                        )
                    )
                }
                pairIds.add(parsed.data.id)
            }
            if (!areaOk) {
                issues.push(
                    configIssue(
                        pairPath,
                        'config.programAreaInvalid',
                        i18n.t('The program area of this pair is invalid; fix it first')
                    )
                )
            }
            errors.push(...issues)
            const ok = parsed.success && issues.length === 0
            if (ok) {
                pairs.push(parsed.data)
            }
            pairResults.push({
                path: formatPath(pairPath),
                programAreaId: areaId,
                pairId: parsed.success ? parsed.data.id : readString(rawPair, 'id'),
                name: parsed.success ? parsed.data.name : readString(rawPair, 'name'),
                ok,
                pair: ok && parsed.success ? parsed.data : null,
                issues,
            })
        })
        if (areaOk && header.success) {
            programAreas.push({ ...header.data, pairs })
        }
    })

    if (pairResults.length > CONFIG_LIMITS.pairs) {
        errors.unshift(
            configIssue(
                ['programAreas'],
                'config.tooManyPairs',
                i18n.t('The mapping may have at most {{max}} pairs; it has {{number}}', {
                    max: String(CONFIG_LIMITS.pairs),
                    number: String(pairResults.length),
                    interpolation: { escapeValue: false },
                })
            )
        )
    }

    // Unknown top-level fields are kept (a newer app or another tool may use them)
    const { programAreas: _areas, version: _version, ...unknownFields } = stored
    return {
        config: { ...unknownFields, version: CURRENT_CONFIG_VERSION, programAreas },
        pairResults,
        errors,
        migratedFrom,
    }
}

/**
 * Issues that would prevent saving `config` as it is (empty when it can be saved): what
 * `parseConfig` reports, and a version other than the current one.
 */
export const validateConfig = (config: unknown): ConfigIssue[] => {
    const result = parseConfig(config)
    if (result.migratedFrom === null) {
        return result.errors
    }
    return [
        configIssue(
            ['version'],
            'config.notCurrentVersion',
            i18n.t('Save the configuration as version {{version}}', {
                version: String(CURRENT_CONFIG_VERSION),
                interpolation: { escapeValue: false },
            })
        ),
        ...result.errors,
    ]
}

/** All pairs of a configuration, with the id of their program area. */
export const listPairs = (config: Config): { programAreaId: string; pair: Pair }[] =>
    config.programAreas.flatMap((area) =>
        area.pairs.map((pair) => ({ programAreaId: area.id, pair }))
    )

/** The pair with this id, wherever it sits. */
export const findPair = (config: Config, pairId: string): Pair | undefined =>
    listPairs(config).find((entry) => entry.pair.id === pairId)?.pair
