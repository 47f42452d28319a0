/**
 * Validation of the draft and the placement of each problem next to its field.
 *
 * The draft is validated by the configuration's own schema (`validateConfig`, the same checks the
 * app applies when it reads the configuration), plus the few checks the JSON form cannot see (two
 * tips for one language collapse into one key). Each issue's path (`programAreas[0].pairs[2].lmis
 * .consumption[1]`) is mapped to a field of the editor (`lmis.consumption`).
 */
import i18n from '@dhis2/d2-i18n'
import { LMIS_MEASURES, formatPath, validateConfig, type ConfigIssue } from '../../../domain/config'
import { draftToJson, type Draft } from './draft'

/** Fields of a pair that show messages (see `pairField`). */
export type PairField =
    | 'pair'
    | 'id'
    | 'name'
    | 'commodity'
    | 'hmis.items'
    | 'hmis.dataSet'
    | 'lmis'
    | `lmis.${(typeof LMIS_MEASURES)[number]}`
    | 'lmis.dataSet'
    | 'lmis.stockedOut'
    | 'lmis.reportingGroups'
    | 'ratio'
    | 'ratio.label'
    | 'ratio.expectedLow'
    | 'ratio.expectedHigh'
    | 'tips'
    | 'thresholds'
    | 'thresholds.zScore'
    | 'thresholds.minDropPercent'
    | 'thresholds.ratioBand'
    | 'thresholds.monthsOfStock'
    /** One bound of a band (its low / high number), apart from the band as a whole */
    | `thresholds.${'ratioBand' | 'monthsOfStock'}.${'low' | 'high'}`

export type AreaField = 'area' | 'id' | 'name' | 'pairs'

const issue = (segments: (string | number)[], code: string, message: string): ConfigIssue => ({
    path: formatPath(segments),
    segments,
    code,
    message,
})

/** Checks the schema cannot make on the stored JSON. */
export const localIssues = (draft: Draft): ConfigIssue[] =>
    draft.areas.flatMap((area, areaIndex) =>
        area.pairs.flatMap((pair, pairIndex) => {
            const base = ['programAreas', areaIndex, 'pairs', pairIndex]
            const found: ConfigIssue[] = []
            const locales = new Set<string>()
            pair.tips.forEach((tip, tipIndex) => {
                const locale = tip.locale.trim()
                if (locale !== '' && locales.has(locale)) {
                    found.push(
                        issue(
                            [...base, 'tips', tipIndex],
                            'settings.duplicateTipLocale',
                            i18n.t('There are two tips for the language {{locale}}', {
                                locale,
                                interpolation: { escapeValue: false },
                            })
                        )
                    )
                }
                locales.add(locale)
            })
            const lists: [string, readonly string[]][] = [
                ...LMIS_MEASURES.map((measure): [string, readonly string[]] => [
                    measure,
                    pair.lmis[measure],
                ]),
                ['stockedOut', pair.stockedOut],
            ]
            for (const [field, ids] of lists) {
                const seen = new Set<string>()
                ids.forEach((id, index) => {
                    if (seen.has(id)) {
                        found.push(
                            issue(
                                [...base, 'lmis', field, index],
                                'config.duplicateDx',
                                i18n.t('This data item is listed twice')
                            )
                        )
                    }
                    seen.add(id)
                })
            }
            return found
        })
    )

/** Every problem that prevents saving the draft (empty when it can be saved). */
export const validateDraft = (draft: Draft): ConfigIssue[] => [
    ...validateConfig(draftToJson(draft)),
    ...localIssues(draft),
]

/** The editor field an issue belongs to, from the part of its path below the pair. */
export const pairField = (below: readonly (string | number)[]): PairField => {
    const names = below.filter((segment): segment is string => typeof segment === 'string')
    const [first, second] = names
    switch (first) {
        case undefined:
            return 'pair'
        case 'id':
        case 'name':
            return first
        case 'commodity':
            return 'commodity'
        case 'hmis':
            return second === 'dataSet' ? 'hmis.dataSet' : 'hmis.items'
        case 'lmis':
            if (second === 'dataSet') return 'lmis.dataSet'
            if (second === 'stockedOut') return 'lmis.stockedOut'
            if (second === 'reportingGroups') return 'lmis.reportingGroups'
            return second && (LMIS_MEASURES as readonly string[]).includes(second)
                ? (`lmis.${second}` as PairField)
                : 'lmis'
        case 'ratio':
            return second === 'label' || second === 'expectedLow' || second === 'expectedHigh'
                ? `ratio.${second}`
                : 'ratio'
        case 'tips':
            return 'tips'
        case 'thresholds': {
            if (second === 'ratioBand' || second === 'monthsOfStock') {
                // A band is [low, high]: an issue of one of its numbers is that number's field
                const bound = below[below.indexOf(second) + 1]
                return bound === 0 || bound === 1
                    ? `thresholds.${second}.${bound === 0 ? 'low' : 'high'}`
                    : `thresholds.${second}`
            }
            return second === 'zScore' || second === 'minDropPercent'
                ? `thresholds.${second}`
                : 'thresholds'
        }
        default:
            return 'pair'
    }
}

export interface IssueIndex {
    /** Issues of the whole configuration (version, list of program areas) */
    config: ConfigIssue[]
    /** Messages by area index, then field */
    areas: Map<number, Map<AreaField, string[]>>
    /** Messages by `areaIndex/pairIndex`, then field */
    pairs: Map<string, Map<PairField, string[]>>
    total: number
}

const add = <K>(map: Map<K, string[]>, key: K, message: string) => {
    const list = map.get(key)
    if (!list) map.set(key, [message])
    else if (!list.includes(message)) list.push(message)
}

export const pairIndexKey = (areaIndex: number, pairIndex: number): string =>
    `${areaIndex}/${pairIndex}`

/** Groups issues by program area, pair and field. */
export const indexIssues = (issues: readonly ConfigIssue[]): IssueIndex => {
    const index: IssueIndex = { config: [], areas: new Map(), pairs: new Map(), total: 0 }
    for (const item of issues) {
        const [root, areaIndex, third, pairIndex, ...below] = item.segments
        if (root !== 'programAreas' || typeof areaIndex !== 'number') {
            index.config.push(item)
            index.total += 1
            continue
        }
        if (third === 'pairs' && typeof pairIndex === 'number') {
            // Shown on the program area itself
            if (item.code === 'config.programAreaInvalid') continue
            const key = pairIndexKey(areaIndex, pairIndex)
            const fields = index.pairs.get(key) ?? new Map<PairField, string[]>()
            index.pairs.set(key, fields)
            add(fields, pairField(below), item.message)
        } else {
            const fields = index.areas.get(areaIndex) ?? new Map<AreaField, string[]>()
            index.areas.set(areaIndex, fields)
            const field: AreaField =
                third === 'id' || third === 'name' || third === 'pairs' ? third : 'area'
            add(fields, field, item.message)
        }
        index.total += 1
    }
    return index
}

/** Messages of one pair's field, e.g. `messagesFor(index, 0, 2, 'lmis.consumption')`. */
export const pairMessages = (
    index: IssueIndex,
    areaIndex: number,
    pairIndex: number,
    field: PairField
): string[] => index.pairs.get(pairIndexKey(areaIndex, pairIndex))?.get(field) ?? []

/** Number of problems in one pair. */
export const pairIssueCount = (index: IssueIndex, areaIndex: number, pairIndex: number): number =>
    [...(index.pairs.get(pairIndexKey(areaIndex, pairIndex))?.values() ?? [])].reduce(
        (sum, list) => sum + list.length,
        0
    )

export interface IssueSummary {
    /** Where: `Program area › Pair`, or the program area, or empty for the whole configuration */
    where: string
    message: string
    /** Key of the pair to open, when the issue is in a pair */
    pairKey: string | null
}

/** The issues in reading order, named by program area and pair, for a summary above the editor. */
export const summarizeIssues = (draft: Draft, issues: readonly ConfigIssue[]): IssueSummary[] =>
    issues
        .filter((item) => item.code !== 'config.programAreaInvalid')
        .map((item) => {
            const [root, areaIndex, third, pairIndex] = item.segments
            const area =
                root === 'programAreas' && typeof areaIndex === 'number'
                    ? draft.areas[areaIndex]
                    : undefined
            const pair =
                area && third === 'pairs' && typeof pairIndex === 'number'
                    ? area.pairs[pairIndex]
                    : undefined
            const areaName = area ? area.name.trim() || area.id : ''
            const pairName = pair ? pair.name.trim() || pair.id : ''
            return {
                where: pair ? `${areaName} › ${pairName}` : areaName,
                message: item.message,
                pairKey: pair?.key ?? null,
            }
        })
