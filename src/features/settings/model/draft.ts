/**
 * The mapping editor's working copy ("draft") of the configuration, and its conversion to and from
 * the stored JSON.
 *
 * The draft is shaped for forms: numbers are kept as the text the admin typed (validation says what
 * is wrong with `1,2,3` next to the field instead of the value silently disappearing), lists are
 * lists even where the stored config allows one id or a list, and every program area and pair has
 * a local `key` that survives renaming and reordering (React keys, selection). Invalid stored pairs
 * are read into the draft as they are, so that the editor shows them with their problems instead of
 * dropping them.
 *
 * Fields the app does not know (added by a newer version, another tool or by hand: a top-level
 * `extra`, a pair's `notes`, an item's `extraField`…) are kept in `extra` at every level and
 * written back as they were: a save in the editor never drops them. The stored `revision` (see
 * `src/data/save-revision.ts`) is not part of the draft: the save adds a new one.
 */
import {
    CURRENT_CONFIG_VERSION,
    HMIS_ITEM_KINDS,
    LMIS_MEASURES,
    migrateConfig,
    type HmisItemKind,
    type LmisMeasure,
} from '../../../domain/config'
import { REVISION_FIELD } from '../../../data/save-revision'

/** Fields of a stored object that the editor does not know, kept as they are. */
export type Extra = Record<string, unknown>

export interface DraftHmisItem {
    id: string
    name?: string
    kind?: HmisItemKind
    extra?: Extra
}

/** One group of a staggered reporting group set and the shift of its quarterly window. */
export interface DraftReportingGroup {
    id: string
    /** Months from the calendar quarter, as text (`-1`, `0`, `1`…): validation reports bad values */
    monthOffset: string
    extra?: Extra
}

/** `lmis.reportingGroups`: the org unit group set and its staggered groups. */
export interface DraftReportingGroups {
    groupSet: string
    groups: DraftReportingGroup[]
    extra?: Extra
}

export interface DraftTip {
    locale: string
    text: string
}

export interface DraftPair {
    /** Local key, never saved */
    key: string
    /** True while the id follows the name (pairs created in this session, id not edited by hand) */
    autoId: boolean
    id: string
    name: string
    commodityName: string
    hmisItems: DraftHmisItem[]
    hmisDataSets: string[]
    lmis: Record<LmisMeasure, string[]>
    /** `lmis.stockedOut`: the per-facility stocked-out flag items (1/0, aggregation SUM) */
    stockedOut: string[]
    /** `lmis.reportingGroups`; `null` when the LMIS reports by calendar quarter */
    reportingGroups: DraftReportingGroups | null
    lmisDataSets: string[]
    ratioEnabled: boolean
    ratioLabel: string
    ratioLow: string
    ratioHigh: string
    tips: DraftTip[]
    zScore: string
    minDropPercent: string
    ratioBandLow: string
    ratioBandHigh: string
    /** `thresholds.monthsOfStock`: min and max months of stock (empty: the default 3–6) */
    monthsOfStockMin: string
    monthsOfStockMax: string
    /** Unknown fields of the pair */
    extra?: Extra
    /** Unknown fields of the pair's `commodity`, `hmis`, `lmis`, `ratio` and `thresholds` */
    nestedExtra?: Partial<Record<NestedPart, Extra>>
}

export type NestedPart = 'commodity' | 'hmis' | 'lmis' | 'ratio' | 'thresholds'

export interface DraftArea {
    key: string
    autoId: boolean
    id: string
    name: string
    pairs: DraftPair[]
    extra?: Extra
}

export interface Draft {
    areas: DraftArea[]
    /** Unknown top-level fields of the configuration */
    extra?: Extra
}

/** JSON as stored in the dataStore (possibly invalid: validation says what is wrong). */
export type ConfigJson = Record<string, unknown>

let keyCounter = 0
/** A new local key for a program area or pair. */
export const newKey = (prefix: string): string => {
    keyCounter += 1
    return `${prefix}-${keyCounter}-${Math.random().toString(36).slice(2, 8)}`
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string =>
    typeof value === 'string'
        ? value
        : typeof value === 'number' && Number.isFinite(value)
          ? String(value)
          : ''

const idList = (value: unknown): string[] =>
    typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((id): id is string => typeof id === 'string')
          : []

const emptyLmis = (): Record<LmisMeasure, string[]> => ({
    consumption: [],
    stockOnHand: [],
    stockoutDays: [],
    losses: [],
    received: [],
})

/** An empty pair, with the given id and name. */
export const emptyPair = (id: string, name = ''): DraftPair => ({
    key: newKey('pair'),
    autoId: true,
    id,
    name,
    commodityName: '',
    hmisItems: [],
    hmisDataSets: [],
    lmis: emptyLmis(),
    stockedOut: [],
    reportingGroups: null,
    lmisDataSets: [],
    ratioEnabled: false,
    ratioLabel: '',
    ratioLow: '',
    ratioHigh: '',
    tips: [],
    zScore: '',
    minDropPercent: '',
    ratioBandLow: '',
    ratioBandHigh: '',
    monthsOfStockMin: '',
    monthsOfStockMax: '',
})

/** The fields of `object` other than `known`; `undefined` when there are none. */
export const extraOf = (
    object: Record<string, unknown>,
    known: readonly string[]
): Extra | undefined => {
    const rest = Object.entries(object).filter(
        ([key, value]) => !known.includes(key) && value !== undefined
    )
    return rest.length ? Object.fromEntries(rest) : undefined
}

const withExtra = <T extends object>(object: T, extra: Extra | undefined): T =>
    extra ? { ...object, extra } : object

const KNOWN = {
    config: ['version', 'programAreas', REVISION_FIELD],
    area: ['id', 'name', 'pairs'],
    pair: ['id', 'name', 'commodity', 'hmis', 'lmis', 'ratio', 'tips', 'thresholds'],
    item: ['id', 'name', 'kind'],
    commodity: ['name'],
    hmis: ['items', 'dataSet'],
    lmis: [...LMIS_MEASURES, 'stockedOut', 'reportingGroups', 'dataSet'],
    ratio: ['label', 'expectedLow', 'expectedHigh'],
    thresholds: ['zScore', 'minDropPercent', 'ratioBand', 'monthsOfStock'],
    reportingGroups: ['groupSet', 'groups'],
    reportingGroup: ['id', 'monthOffset'],
} as const

const readHmisItem = (raw: unknown): DraftHmisItem => {
    if (typeof raw === 'string') return { id: raw }
    if (!isRecord(raw)) return { id: '' }
    const kind = (HMIS_ITEM_KINDS as readonly string[]).includes(String(raw.kind))
        ? (raw.kind as HmisItemKind)
        : undefined
    return withExtra(
        {
            id: text(raw.id),
            ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
            ...(kind ? { kind } : {}),
        },
        extraOf(raw, KNOWN.item)
    )
}

/** Reads `lmis.reportingGroups` (absent or unreadable → `null`; other fields kept). */
const readReportingGroups = (raw: unknown): DraftReportingGroups | null => {
    if (!isRecord(raw)) return null
    const groups = Array.isArray(raw.groups) ? raw.groups : []
    return withExtra(
        {
            groupSet: text(raw.groupSet),
            groups: groups.map((group: unknown) => {
                const entry = isRecord(group) ? group : {}
                return withExtra(
                    { id: text(entry.id), monthOffset: text(entry.monthOffset) },
                    extraOf(entry, KNOWN.reportingGroup)
                )
            }),
        },
        extraOf(raw, KNOWN.reportingGroups)
    )
}

/** Reads one stored pair, whatever its state, into a draft pair (nothing valid is lost). */
export const pairToDraft = (raw: unknown): DraftPair => {
    const pair = isRecord(raw) ? raw : {}
    const hmis = isRecord(pair.hmis) ? pair.hmis : {}
    const lmis = isRecord(pair.lmis) ? pair.lmis : {}
    const ratio = isRecord(pair.ratio) ? pair.ratio : undefined
    const tips = isRecord(pair.tips) ? pair.tips : {}
    const thresholds = isRecord(pair.thresholds) ? pair.thresholds : {}
    const band = Array.isArray(thresholds.ratioBand) ? thresholds.ratioBand : []
    const stockBands = Array.isArray(thresholds.monthsOfStock) ? thresholds.monthsOfStock : []
    const commodity = isRecord(pair.commodity) ? pair.commodity : {}
    const measures = emptyLmis()
    for (const measure of LMIS_MEASURES) {
        measures[measure] = idList(lmis[measure])
    }
    const nested: Partial<Record<NestedPart, Extra>> = {}
    const parts: [NestedPart, Record<string, unknown>][] = [
        ['commodity', commodity],
        ['hmis', hmis],
        ['lmis', lmis],
        ['ratio', ratio ?? {}],
        ['thresholds', thresholds],
    ]
    for (const [part, object] of parts) {
        const extra = extraOf(object, KNOWN[part])
        if (extra) nested[part] = extra
    }
    const extra = extraOf(pair, KNOWN.pair)
    return {
        ...(extra ? { extra } : {}),
        ...(Object.keys(nested).length ? { nestedExtra: nested } : {}),
        key: newKey('pair'),
        autoId: false,
        id: text(pair.id),
        name: text(pair.name),
        commodityName: text(commodity.name),
        hmisItems: Array.isArray(hmis.items) ? hmis.items.map(readHmisItem) : [],
        hmisDataSets: idList(hmis.dataSet),
        lmis: measures,
        stockedOut: idList(lmis.stockedOut),
        reportingGroups: readReportingGroups(lmis.reportingGroups),
        lmisDataSets: idList(lmis.dataSet),
        ratioEnabled: ratio !== undefined,
        ratioLabel: text(ratio?.label),
        ratioLow: text(ratio?.expectedLow),
        ratioHigh: text(ratio?.expectedHigh),
        tips: Object.entries(tips).map(([locale, tip]) => ({ locale, text: text(tip) })),
        zScore: text(thresholds.zScore),
        minDropPercent: text(thresholds.minDropPercent),
        ratioBandLow: text(band[0]),
        ratioBandHigh: text(band[1]),
        monthsOfStockMin: text(stockBands[0]),
        monthsOfStockMax: text(stockBands[1]),
    }
}

/**
 * Reads a stored configuration (any version the app can migrate) into a draft. Program areas and
 * pairs are kept even when invalid; anything that is not a list of program areas gives an empty
 * draft (the caller shows `parseConfig`'s errors).
 */
export const jsonToDraft = (json: unknown): Draft => {
    if (!isRecord(json)) return { areas: [] }
    const migrated = migrateConfig(json)
    if (!migrated.ok || !Array.isArray(migrated.config.programAreas)) return { areas: [] }
    return withExtra(
        {
            areas: migrated.config.programAreas.map((raw: unknown) => {
                const area = isRecord(raw) ? raw : {}
                return withExtra(
                    {
                        key: newKey('area'),
                        autoId: false,
                        id: text(area.id),
                        name: text(area.name),
                        pairs: Array.isArray(area.pairs) ? area.pairs.map(pairToDraft) : [],
                    },
                    extraOf(area, KNOWN.area)
                )
            }),
        },
        extraOf(migrated.config, KNOWN.config)
    )
}

/**
 * A number typed in a field: empty → absent, a number (a decimal comma is accepted) → the number,
 * anything else → the text itself, so that validation reports it next to the field.
 */
export const numberOrText = (value: string): number | string | undefined => {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    const number = Number(trimmed.replace(',', '.'))
    return Number.isFinite(number) ? number : trimmed
}

/** One id as a string, several as a list, none → absent (the stored config accepts both forms). */
const oneOrMany = (ids: readonly string[]): string | string[] | undefined =>
    ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : [...ids]

const withoutUndefined = (object: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))

/** A draft pair as stored JSON (not validated). */
export const draftPairToJson = (pair: DraftPair): Record<string, unknown> => {
    const nested = pair.nestedExtra ?? {}
    const lmis: Record<string, unknown> = { ...nested.lmis }
    for (const measure of LMIS_MEASURES) {
        lmis[measure] = oneOrMany(pair.lmis[measure])
    }
    lmis.stockedOut = oneOrMany(pair.stockedOut)
    lmis.reportingGroups = pair.reportingGroups
        ? {
              ...pair.reportingGroups.extra,
              groupSet: pair.reportingGroups.groupSet.trim(),
              groups: pair.reportingGroups.groups.map((group) => ({
                  ...group.extra,
                  id: group.id.trim(),
                  monthOffset: numberOrText(group.monthOffset),
              })),
          }
        : undefined
    lmis.dataSet = oneOrMany(pair.lmisDataSets)
    // A language without text is no tip; a text without language is reported by validation
    const tips = pair.tips.filter((tip) => tip.text.trim() !== '')
    const thresholds = withoutUndefined({
        ...nested.thresholds,
        zScore: numberOrText(pair.zScore),
        minDropPercent: numberOrText(pair.minDropPercent),
        ratioBand:
            pair.ratioBandLow.trim() === '' && pair.ratioBandHigh.trim() === ''
                ? undefined
                : [numberOrText(pair.ratioBandLow), numberOrText(pair.ratioBandHigh)],
        monthsOfStock:
            pair.monthsOfStockMin.trim() === '' && pair.monthsOfStockMax.trim() === ''
                ? undefined
                : [numberOrText(pair.monthsOfStockMin), numberOrText(pair.monthsOfStockMax)],
    })
    return withoutUndefined({
        ...pair.extra,
        id: pair.id.trim(),
        name: pair.name,
        commodity: { ...nested.commodity, name: pair.commodityName },
        hmis: withoutUndefined({
            ...nested.hmis,
            items: pair.hmisItems.map((item) =>
                withoutUndefined({
                    ...item.extra,
                    id: item.id.trim(),
                    name: item.name,
                    kind: item.kind,
                })
            ),
            dataSet: oneOrMany(pair.hmisDataSets),
        }),
        lmis: withoutUndefined(lmis),
        ratio: pair.ratioEnabled
            ? withoutUndefined({
                  ...nested.ratio,
                  label: pair.ratioLabel.trim() === '' ? undefined : pair.ratioLabel,
                  expectedLow: numberOrText(pair.ratioLow),
                  expectedHigh: numberOrText(pair.ratioHigh),
              })
            : undefined,
        tips: tips.length
            ? Object.fromEntries(tips.map((tip) => [tip.locale.trim(), tip.text]))
            : undefined,
        thresholds: Object.keys(thresholds).length ? thresholds : undefined,
    })
}

/** The draft as the JSON to store (validate it with `validateConfig` before saving). */
export const draftToJson = (draft: Draft): ConfigJson => ({
    ...draft.extra,
    version: CURRENT_CONFIG_VERSION,
    programAreas: draft.areas.map((area) => ({
        ...area.extra,
        id: area.id.trim(),
        name: area.name,
        pairs: area.pairs.map(draftPairToJson),
    })),
})

/** Deep equality of two JSON values (key order ignored). */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
    if (a === b) return true
    if (Array.isArray(a) || Array.isArray(b)) {
        return (
            Array.isArray(a) &&
            Array.isArray(b) &&
            a.length === b.length &&
            a.every((item, index) => jsonEqual(item, b[index]))
        )
    }
    if (isRecord(a) && isRecord(b)) {
        const keysA = Object.keys(a).filter((key) => a[key] !== undefined)
        const keysB = Object.keys(b).filter((key) => b[key] !== undefined)
        return keysA.length === keysB.length && keysA.every((key) => jsonEqual(a[key], b[key]))
    }
    return false
}

/** Every `dx` id a pair refers to (HMIS and LMIS items, the stocked-out flag). */
export const pairDxIds = (pair: DraftPair): string[] => [
    ...pair.hmisItems.map((item) => item.id),
    ...LMIS_MEASURES.flatMap((measure) => pair.lmis[measure]),
    ...pair.stockedOut,
]

/** The org unit group set a pair's staggered reporting names, if any. */
export const pairGroupSetIds = (pair: DraftPair): string[] =>
    pair.reportingGroups && pair.reportingGroups.groupSet.trim() !== ''
        ? [pair.reportingGroups.groupSet.trim()]
        : []

/** Every data set id a pair refers to. */
export const pairDataSetIds = (pair: DraftPair): string[] => [
    ...pair.hmisDataSets,
    ...pair.lmisDataSets,
]
