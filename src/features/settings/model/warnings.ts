/**
 * Warnings about a pair's data items, from what the server says about them: items that no longer
 * exist, stock on hand summed over time, LMIS items in no data set, data sets whose period type
 * the view cannot align. Warnings do not prevent saving (the admin may know better); errors do.
 */
import i18n from '@dhis2/d2-i18n'
import { LMIS_MEASURES, type LmisMeasure } from '../../../domain/config'
import type { MetadataItem, MetadataLookup } from '../api/metadata'
import type { DraftPair } from './draft'
import type { PairField } from './issues'

/** Aggregation types that keep the last value of a level over time */
export const LAST_AGGREGATIONS = ['LAST', 'LAST_AVERAGE_ORG_UNIT'] as const
/** Period types the view aligns (see `src/domain/periods`) */
export const SUPPORTED_PERIOD_TYPES = ['Monthly', 'Quarterly'] as const

export type WarningCode =
    | 'missing'
    | 'sohNotLast'
    | 'flowAggregatedAsLast'
    | 'noDataSet'
    | 'notInPairDataSets'
    | 'periodType'
    | 'flagNotSum'
    | 'groupNotInSet'

export interface PairWarning {
    field: PairField
    code: WarningCode
    /** The id the warning is about */
    id: string
    message: string
}

const nameOf = (id: string, lookup: MetadataLookup, fallback?: string): string =>
    lookup.items.get(id)?.name ?? fallback ?? id

const isMissing = (id: string, lookup: MetadataLookup): boolean =>
    id !== '' && lookup.checked.has(id) && !lookup.items.has(id)

const missingWarning = (field: PairField, id: string, name: string | undefined): PairWarning => ({
    field,
    code: 'missing',
    id,
    message: name
        ? i18n.t('{{name}} ({{id}}) no longer exists on the server, or you cannot see it', {
              name,
              id,
              interpolation: { escapeValue: false },
          })
        : i18n.t('{{id}} no longer exists on the server, or you cannot see it', {
              id,
              interpolation: { escapeValue: false },
          }),
})

const periodTypeWarning = (
    field: PairField,
    item: Pick<MetadataItem, 'id' | 'name'>,
    periodType: string
): PairWarning => ({
    field,
    code: 'periodType',
    id: item.id,
    message: i18n.t(
        '{{name}} is reported {{periodType}} – the view can only align Monthly and Quarterly data',
        { name: item.name, periodType, interpolation: { escapeValue: false } }
    ),
})

const unsupported = (periodType: string): boolean =>
    periodType !== '' && !(SUPPORTED_PERIOD_TYPES as readonly string[]).includes(periodType)

/** Data sets of one side (HMIS or LMIS): the configured ones, else those of its items. */
const sideDataSetWarnings = (
    field: PairField,
    configured: readonly string[],
    itemIds: readonly string[],
    lookup: MetadataLookup
): PairWarning[] => {
    const warnings: PairWarning[] = []
    if (configured.length) {
        for (const id of configured) {
            if (isMissing(id, lookup)) warnings.push(missingWarning(field, id, undefined))
            const dataSet = lookup.items.get(id)
            for (const periodType of dataSet?.periodTypes ?? []) {
                if (unsupported(periodType) && dataSet) {
                    warnings.push(periodTypeWarning(field, dataSet, periodType))
                }
            }
        }
        return warnings
    }
    const seen = new Set<string>()
    for (const itemId of itemIds) {
        for (const dataSet of lookup.items.get(itemId)?.dataSets ?? []) {
            if (seen.has(dataSet.id)) continue
            seen.add(dataSet.id)
            if (unsupported(dataSet.periodType)) {
                warnings.push(periodTypeWarning(field, dataSet, dataSet.periodType))
            }
        }
    }
    return warnings
}

const inDataSets = (item: MetadataItem): boolean =>
    item.type !== 'dataElements' && item.type !== 'dataElementOperands'
        ? true
        : item.dataSets.length > 0

const lmisItemWarnings = (
    measure: LmisMeasure,
    id: string,
    pair: DraftPair,
    lookup: MetadataLookup
): PairWarning[] => {
    const field: PairField = `lmis.${measure}`
    if (isMissing(id, lookup)) return [missingWarning(field, id, undefined)]
    const item = lookup.items.get(id)
    if (!item) return []
    const warnings: PairWarning[] = []
    const aggregation = item.aggregationType
    const isLast = aggregation !== undefined && aggregation.startsWith('LAST')
    if (
        measure === 'stockOnHand' &&
        aggregation !== undefined &&
        !(LAST_AGGREGATIONS as readonly string[]).includes(aggregation)
    ) {
        warnings.push({
            field,
            code: 'sohNotLast',
            id,
            message: i18n.t(
                '{{name}} is aggregated with {{aggregation}} – stock on hand is a level, so it must use {{last}} or {{lastAverage}}, or totals over several months are wrong',
                {
                    name: item.name,
                    aggregation,
                    last: 'LAST',
                    lastAverage: 'LAST_AVERAGE_ORG_UNIT',
                    interpolation: { escapeValue: false },
                }
            ),
        })
    }
    if (measure !== 'stockOnHand' && isLast) {
        warnings.push({
            field,
            code: 'flowAggregatedAsLast',
            id,
            message: i18n.t(
                '{{name}} is aggregated with {{aggregation}} – quantities over a period are usually added up (SUM)',
                { name: item.name, aggregation, interpolation: { escapeValue: false } }
            ),
        })
    }
    if (!inDataSets(item)) {
        warnings.push({
            field,
            code: 'noDataSet',
            id,
            message: i18n.t(
                '{{name}} is in no data set – its period type and reporting rate are unknown',
                { name: item.name, interpolation: { escapeValue: false } }
            ),
        })
    } else if (
        pair.lmisDataSets.length > 0 &&
        item.dataSets.length > 0 &&
        !item.dataSets.some((dataSet) => pair.lmisDataSets.includes(dataSet.id))
    ) {
        warnings.push({
            field,
            code: 'notInPairDataSets',
            id,
            message: i18n.t("{{name}} is in none of this pair's LMIS data sets", {
                name: item.name,
                interpolation: { escapeValue: false },
            }),
        })
    }
    return warnings
}

/** The stocked-out flag: a 1/0 per facility that must be added up (SUM) to count facilities. */
const flagWarnings = (id: string, lookup: MetadataLookup): PairWarning[] => {
    const field: PairField = 'lmis.stockedOut'
    if (isMissing(id, lookup)) return [missingWarning(field, id, undefined)]
    const item = lookup.items.get(id)
    if (!item?.aggregationType || item.aggregationType === 'SUM') return []
    return [
        {
            field,
            code: 'flagNotSum',
            id,
            message: i18n.t(
                '{{name}} is aggregated with {{aggregation}} – a stocked-out flag (1 or 0 per facility) must use {{sum}} to count the facilities stocked out',
                {
                    name: item.name,
                    aggregation: item.aggregationType,
                    sum: 'SUM',
                    interpolation: { escapeValue: false },
                }
            ),
        },
    ]
}

/** The staggered groups: the group set exists, and each group is one of its groups. */
const groupWarnings = (pair: DraftPair, lookup: MetadataLookup): PairWarning[] => {
    const field: PairField = 'lmis.reportingGroups'
    const reporting = pair.reportingGroups
    if (!reporting || reporting.groupSet.trim() === '') return []
    const groupSet = reporting.groupSet.trim()
    if (isMissing(groupSet, lookup)) return [missingWarning(field, groupSet, undefined)]
    const known = lookup.items.get(groupSet)?.groups
    if (!known) return []
    return reporting.groups
        .filter((group) => group.id !== '' && !known.some((g) => g.id === group.id))
        .map((group) => ({
            field,
            code: 'groupNotInSet' as const,
            id: group.id,
            message: i18n.t('The group {{id}} is not in the group set {{name}}', {
                id: group.id,
                name: lookup.items.get(groupSet)?.name ?? groupSet,
                interpolation: { escapeValue: false },
            }),
        }))
}

/** Warnings of one pair; none until the lookup has answered. */
export const pairWarnings = (
    pair: DraftPair,
    lookup: MetadataLookup | undefined
): PairWarning[] => {
    if (!lookup) return []
    const warnings: PairWarning[] = []
    for (const item of pair.hmisItems) {
        if (isMissing(item.id, lookup)) {
            warnings.push(missingWarning('hmis.items', item.id, item.name))
        }
    }
    warnings.push(
        ...sideDataSetWarnings(
            pair.hmisDataSets.length ? 'hmis.dataSet' : 'hmis.items',
            pair.hmisDataSets,
            pair.hmisItems.map((item) => item.id),
            lookup
        )
    )
    for (const measure of LMIS_MEASURES) {
        for (const id of pair.lmis[measure]) {
            warnings.push(...lmisItemWarnings(measure, id, pair, lookup))
        }
    }
    for (const id of pair.stockedOut) warnings.push(...flagWarnings(id, lookup))
    warnings.push(...groupWarnings(pair, lookup))
    const lmisIds = LMIS_MEASURES.flatMap((measure) => pair.lmis[measure])
    warnings.push(
        ...sideDataSetWarnings(
            pair.lmisDataSets.length ? 'lmis.dataSet' : 'lmis',
            pair.lmisDataSets,
            lmisIds,
            lookup
        )
    )
    return warnings
}

/** Warnings of one field. */
export const warningsFor = (warnings: readonly PairWarning[], field: PairField): string[] => [
    ...new Set(warnings.filter((warning) => warning.field === field).map((w) => w.message)),
]

/** Display name of an id from the lookup, the stored name, or the id itself. */
export const displayName = (
    id: string,
    lookup: MetadataLookup | undefined,
    fallback?: string
): string => (lookup ? nameOf(id, lookup, fallback) : (fallback ?? id))
