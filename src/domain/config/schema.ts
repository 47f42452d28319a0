/**
 * The app's configuration as stored in the DHIS2 dataStore (`/api/dataStore/triangulate/config`).
 *
 * Shape (version 1):
 * `{ version: 1, programAreas: [{ id, name, pairs: [Pair] }] }` where a pair links one commodity's
 * LMIS data (consumption, stock on hand, stockout days, losses, received) to the HMIS data of the
 * service it is used for. Data items are DHIS2 `dx` ids: a data element `deUid`, a data element
 * operand `deUid.cocUid`, an indicator or a program indicator `uid`.
 *
 * Fields the app does not know are kept (`.passthrough()`): a newer version of the app, another
 * tool or an administrator may have added them, and reading or saving must not drop them.
 *
 * Limits: the mapping is read by every user on every visit, so its size is capped at what a
 * ministry's mapping reasonably needs (`CONFIG_LIMITS`), with a message naming the limit.
 *
 * Messages: schemas carry message keys (`MESSAGE_KEYS`), turned into translated text by
 * `describeIssue` when the config is read, so that they follow the user's language.
 */
import { z } from 'zod'

export const CONFIG_NAMESPACE = 'triangulate'
export const CONFIG_KEY = 'config'
export const CURRENT_CONFIG_VERSION = 1

/** Keys of the validation messages this schema produces (see `describe-issue.ts`). */
export const MESSAGE_KEYS = {
    uid: 'config.uid',
    dx: 'config.dx',
    slugOrUid: 'config.slugOrUid',
    required: 'config.required',
    tooLong: 'config.tooLong',
    locale: 'config.locale',
    lmisMeasureRequired: 'config.lmisMeasureRequired',
    ratioNeedsConsumption: 'config.ratioNeedsConsumption',
    lowAboveHigh: 'config.lowAboveHigh',
    nonNegative: 'config.nonNegative',
    positive: 'config.positive',
    percent: 'config.percent',
    atLeastOneItem: 'config.atLeastOneItem',
    duplicateDx: 'config.duplicateDx',
    tipTooLong: 'config.tipTooLong',
    tooManyTipLanguages: 'config.tooManyTipLanguages',
    monthOffset: 'config.monthOffset',
    duplicateGroup: 'config.duplicateGroup',
    atLeastOneGroup: 'config.atLeastOneGroup',
} as const

/** Months a staggered group's quarterly window may be shifted from the calendar quarter */
export const MAX_MONTH_OFFSET = 2

/** A DHIS2 uid: 11 characters, a letter then letters or digits. */
export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/
/** A `dx` item: `uid` (data element, indicator, program indicator) or `deUid.cocUid` (operand) */
export const DX_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}(\.[A-Za-z][A-Za-z0-9]{10})?$/
/** Ids of pairs and program areas: a lower-case slug (`oxytocin-deliveries`) or a uid */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** `en`, `fr`, `pt_BR`, `ar-SD`, `uz_UZ_Cyrl`... */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$/

const MAX_NAME = 230
const MAX_ID = 64

/** What a mapping may hold (the messages name these numbers). */
export const CONFIG_LIMITS = {
    /** Characters of one tip */
    tipLength: 2000,
    /** Languages with a tip, per pair (DHIS2 ships about 40 interface languages) */
    tipLanguages: 50,
    /** Pairs in the whole mapping (13 life-saving commodities × a few services each, many times) */
    pairs: 500,
} as const

const uid = z.string().regex(UID_PATTERN, MESSAGE_KEYS.uid)
const dx = z.string().regex(DX_PATTERN, MESSAGE_KEYS.dx)
const entityId = z
    .string()
    .max(MAX_ID, MESSAGE_KEYS.tooLong)
    .refine((id) => SLUG_PATTERN.test(id) || UID_PATTERN.test(id), MESSAGE_KEYS.slugOrUid)
const name = z.string().trim().min(1, MESSAGE_KEYS.required).max(MAX_NAME, MESSAGE_KEYS.tooLong)
const nonNegative = z.number().finite().min(0, MESSAGE_KEYS.nonNegative)

/**
 * One LMIS measure: a `dx` item, or several to add up — e.g. the same commodity reported monthly by
 * some facilities and quarterly (R&R) by others, as separate data elements in separate data sets.
 * Each item is aligned to the view's periods by its own data set's period type.
 */
const measure = z.union([dx, z.array(dx).min(1, MESSAGE_KEYS.atLeastOneItem)])
/** One data set, or several (e.g. a monthly and a quarterly LMIS report). */
const dataSets = z.union([uid, z.array(uid).min(1, MESSAGE_KEYS.atLeastOneItem)])

/** DHIS2 `dimensionItemType` of an HMIS item, when known */
export const HMIS_ITEM_KINDS = [
    'DATA_ELEMENT',
    'DATA_ELEMENT_OPERAND',
    'INDICATOR',
    'PROGRAM_INDICATOR',
] as const

export const hmisItemSchema = z
    .object({
        id: dx,
        name: name.optional(),
        kind: z.enum(HMIS_ITEM_KINDS).optional(),
    })
    .passthrough()

export const hmisSchema = z
    .object({
        items: z
            .array(hmisItemSchema)
            .min(1, MESSAGE_KEYS.atLeastOneItem)
            .superRefine((items, ctx) => {
                const seen = new Set<string>()
                items.forEach((item, index) => {
                    if (seen.has(item.id)) {
                        ctx.addIssue({
                            code: z.ZodIssueCode.custom,
                            path: [index, 'id'],
                            message: MESSAGE_KEYS.duplicateDx,
                        })
                    }
                    seen.add(item.id)
                })
            }),
        dataSet: dataSets.optional(),
    })
    .passthrough()

/** The LMIS measures a pair can have, each a `dx` id */
export const LMIS_MEASURES = [
    'consumption',
    'stockOnHand',
    'stockoutDays',
    'losses',
    'received',
] as const
export type LmisMeasure = (typeof LMIS_MEASURES)[number]

/**
 * Staggered quarterly reporting: the org unit group set whose groups report quarters shifted in
 * time (e.g. Tanzania's R&R groups A, B, C), and for each group the shift of the three months its
 * report stored in a calendar quarter really covers: 0 = the calendar quarter (A: Jan–Mar for Q1),
 * 1 = one month later (B: Feb–Apr), −1 = one month earlier (C: Dec–Feb).
 */
export const reportingGroupsSchema = z
    .object({
        groupSet: uid,
        groups: z
            .array(
                z
                    .object({
                        id: uid,
                        monthOffset: z
                            .number({ invalid_type_error: MESSAGE_KEYS.monthOffset })
                            .int(MESSAGE_KEYS.monthOffset)
                            .min(-MAX_MONTH_OFFSET, MESSAGE_KEYS.monthOffset)
                            .max(MAX_MONTH_OFFSET, MESSAGE_KEYS.monthOffset),
                    })
                    .passthrough()
            )
            .min(1, MESSAGE_KEYS.atLeastOneGroup)
            .superRefine((groups, ctx) => {
                const seen = new Set<string>()
                groups.forEach((group, index) => {
                    if (seen.has(group.id)) {
                        ctx.addIssue({
                            code: z.ZodIssueCode.custom,
                            path: [index, 'id'],
                            message: MESSAGE_KEYS.duplicateGroup,
                        })
                    }
                    seen.add(group.id)
                })
            }),
    })
    .passthrough()

export const lmisSchema = z
    .object({
        reportingGroups: reportingGroupsSchema.optional(),
        /**
         * The LMIS's (or a DHIS2 predictor's) per-facility stocked-out flag, 1 when the facility
         * was stocked out in the period (stockout days > 0 or closing balance 0), else 0, with
         * aggregation SUM: summed over an org unit it counts the facilities stocked out, on the
         * server (the trend's stockout rate)
         */
        stockedOut: measure.optional(),
        consumption: measure.optional(),
        stockOnHand: measure.optional(),
        stockoutDays: measure.optional(),
        losses: measure.optional(),
        received: measure.optional(),
        dataSet: dataSets.optional(),
    })
    .passthrough()
    .refine((lmis) => LMIS_MEASURES.some((measure) => lmis[measure] !== undefined), {
        message: MESSAGE_KEYS.lmisMeasureRequired,
    })

const lowHigh = <T extends { expectedLow?: number; expectedHigh?: number }>(value: T): boolean =>
    value.expectedLow === undefined ||
    value.expectedHigh === undefined ||
    value.expectedLow <= value.expectedHigh

/** Consumption per case: only for pairs with a consistent dose per case (see domain notes). */
export const ratioSchema = z
    .object({
        label: name.optional(),
        expectedLow: nonNegative.optional(),
        expectedHigh: nonNegative.optional(),
    })
    .passthrough()
    .refine(lowHigh, { message: MESSAGE_KEYS.lowAboveHigh, path: ['expectedLow'] })

export const thresholdsSchema = z
    .object({
        /** Modified z-score above which a value is an outlier (WHO: 3.5 moderate, 5 extreme) */
        zScore: z.number().finite().positive(MESSAGE_KEYS.positive).optional(),
        /** Alert when a value drops by at least this percentage */
        minDropPercent: z
            .number()
            .finite()
            .min(0, MESSAGE_KEYS.percent)
            .max(100, MESSAGE_KEYS.percent)
            .optional(),
        /**
         * Min–max months of stock `[min, max]` of a facility: under min understocked, over max
         * overstocked (default 3–6, OpenLMIS stock status; `indicators/definitions.ts`)
         */
        monthsOfStock: z
            .tuple([nonNegative, nonNegative])
            .refine(([low, high]) => low <= high, { message: MESSAGE_KEYS.lowAboveHigh })
            .optional(),
        /** Expected band of consumption per case `[low, high]` */
        ratioBand: z
            .tuple([nonNegative, nonNegative])
            .refine(([low, high]) => low <= high, { message: MESSAGE_KEYS.lowAboveHigh })
            .optional(),
    })
    .passthrough()

export const pairSchema = z
    .object({
        id: entityId,
        name,
        commodity: z.object({ name }).passthrough(),
        hmis: hmisSchema,
        lmis: lmisSchema,
        ratio: ratioSchema.optional(),
        /** Plain-text tips per locale, e.g. `{ en: 'Given at every birth', fr: '...' }` */
        tips: z
            .record(
                z.string().regex(LOCALE_PATTERN, MESSAGE_KEYS.locale),
                z.string().max(CONFIG_LIMITS.tipLength, MESSAGE_KEYS.tipTooLong)
            )
            .refine((tips) => Object.keys(tips).length <= CONFIG_LIMITS.tipLanguages, {
                message: MESSAGE_KEYS.tooManyTipLanguages,
            })
            .optional(),
        thresholds: thresholdsSchema.optional(),
    })
    .passthrough()
    .refine((pair) => pair.ratio === undefined || pair.lmis.consumption !== undefined, {
        message: MESSAGE_KEYS.ratioNeedsConsumption,
        path: ['ratio'],
    })

/** A program area without its pairs (they are checked one by one). */
export const programAreaHeaderSchema = z.object({ id: entityId, name }).passthrough()

export const programAreaSchema = programAreaHeaderSchema.extend({ pairs: z.array(pairSchema) })

export const configSchema = z
    .object({
        version: z.literal(CURRENT_CONFIG_VERSION),
        programAreas: z.array(programAreaSchema),
    })
    .passthrough()

export type HmisItemKind = (typeof HMIS_ITEM_KINDS)[number]
export type HmisItem = z.infer<typeof hmisItemSchema>
export type Pair = z.infer<typeof pairSchema>
export type ProgramArea = z.infer<typeof programAreaSchema>
export type Config = z.infer<typeof configSchema>
export type PairRatio = z.infer<typeof ratioSchema>
export type PairThresholds = z.infer<typeof thresholdsSchema>
export type ReportingGroups = z.infer<typeof reportingGroupsSchema>

/** The `dx` items of a measure or data set field, whether stored as one id or a list. */
export const idsOf = (value: string | readonly string[] | undefined): string[] =>
    value === undefined ? [] : typeof value === 'string' ? [value] : [...value]
