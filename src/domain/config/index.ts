export {
    CONFIG_KEY,
    CONFIG_NAMESPACE,
    CURRENT_CONFIG_VERSION,
    DX_PATTERN,
    HMIS_ITEM_KINDS,
    LMIS_MEASURES,
    MAX_MONTH_OFFSET,
    UID_PATTERN,
    CONFIG_LIMITS,
    configSchema,
    idsOf,
    pairSchema,
    programAreaSchema,
} from './schema'
export type {
    Config,
    HmisItem,
    HmisItemKind,
    LmisMeasure,
    Pair,
    PairRatio,
    PairThresholds,
    ReportingGroups,
    ProgramArea,
} from './schema'
export { describeIssue, formatPath } from './describe-issue'
export type { ConfigIssue } from './describe-issue'
export {
    CONFIG_MIGRATIONS,
    DEFAULT_PROGRAM_AREA_ID,
    detectConfigVersion,
    migrateConfig,
} from './migrations'
export type { ConfigMigration, MigrationResult } from './migrations'
export { emptyConfig, findPair, listPairs, parseConfig, validateConfig } from './parse-config'
export type { PairResult, ParseConfigResult } from './parse-config'
