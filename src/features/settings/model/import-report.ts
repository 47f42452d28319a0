/**
 * Importing a mapping from a JSON file: what `parseConfig` accepts and rejects, pair by pair, with
 * the reasons, shown to the admin before anything replaces the draft.
 */
import i18n from '@dhis2/d2-i18n'
import { parseConfig, type Config } from '../../../domain/config'
import { jsonToDraft } from './draft'

export interface ImportedPair {
    /** `programAreas[0].pairs[2]` */
    path: string
    name: string
    area: string
}

export interface ImportReport {
    /** Problems that make the file unusable (not JSON, not a configuration, unknown version) */
    fatal: string[]
    /** The configuration version the file had, when older than the current one */
    migratedFrom: number | null
    accepted: ImportedPair[]
    rejected: (ImportedPair & { reasons: string[] })[]
    /** Problems of program areas and of the whole file (their pairs are rejected with them) */
    otherProblems: string[]
    /** The valid part */
    config: Config | null
    /** The whole file as read (to import everything and fix the rest in the editor) */
    value: unknown
}

const PAIR_PATH = /^programAreas\[(\d+)\]\.pairs\[(\d+)\]/

export const buildImportReport = (text: string): ImportReport => {
    let value: unknown
    try {
        value = JSON.parse(text)
    } catch (error) {
        return {
            fatal: [
                i18n.t('The file is not valid JSON – {{reason}}', {
                    reason: error instanceof Error ? error.message : String(error),
                    interpolation: { escapeValue: false },
                }),
            ],
            migratedFrom: null,
            accepted: [],
            rejected: [],
            otherProblems: [],
            config: null,
            value: null,
        }
    }
    const result = parseConfig(value)
    if (result.config === null) {
        return {
            fatal: result.errors.map((issue) => issue.message),
            migratedFrom: result.migratedFrom,
            accepted: [],
            rejected: [],
            otherProblems: [],
            config: null,
            value,
        }
    }
    const draft = jsonToDraft(value)
    const describe = (path: string, fallbackName: string | null): ImportedPair => {
        const match = PAIR_PATH.exec(path)
        const area = match ? draft.areas[Number(match[1])] : undefined
        const pair = match ? area?.pairs[Number(match[2])] : undefined
        const areaName = area ? area.name || area.id : ''
        return {
            path,
            name: pair?.name || fallbackName || pair?.id || path,
            area: areaName,
        }
    }
    const accepted: ImportedPair[] = []
    const rejected: ImportReport['rejected'] = []
    for (const pairResult of result.pairResults) {
        const pair = describe(pairResult.path, pairResult.name)
        if (pairResult.ok) {
            accepted.push(pair)
        } else {
            rejected.push({
                ...pair,
                reasons: pairResult.issues.map((issue) => {
                    const field = issue.path.slice(pairResult.path.length).replace(/^\./, '')
                    return field ? `${field}: ${issue.message}` : issue.message
                }),
            })
        }
    }
    const otherProblems = result.errors
        .filter((issue) => !PAIR_PATH.test(issue.path))
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    return {
        fatal: [],
        migratedFrom: result.migratedFrom,
        accepted,
        rejected,
        otherProblems,
        config: result.config,
        value,
    }
}

/** The file name of an exported mapping. */
export const EXPORT_FILE_NAME = 'triangulate-mapping.json'

/** The text of an exported mapping: the configuration JSON, indented. */
export const exportText = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`
