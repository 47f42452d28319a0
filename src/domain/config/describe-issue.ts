import i18n from '@dhis2/d2-i18n'
import type { ZodIssue } from 'zod'
import { CONFIG_LIMITS, MAX_MONTH_OFFSET, MESSAGE_KEYS } from './schema'

/** A problem found in the stored configuration: where, what (translated), and a stable code. */
export interface ConfigIssue {
    /** E.g. `programAreas[0].pairs[2].hmis.items[0].id`; empty for the whole configuration */
    path: string
    segments: readonly (string | number)[]
    /** Translated, plain text */
    message: string
    /** A message key of `MESSAGE_KEYS`, a zod issue code, or a `config.*` code of `parse-config` */
    code: string
}

/** `['programAreas', 0, 'pairs', 2, 'id']` → `programAreas[0].pairs[2].id` */
export const formatPath = (segments: readonly (string | number)[]): string =>
    segments.reduce<string>(
        (path, segment) =>
            typeof segment === 'number'
                ? `${path}[${segment}]`
                : path === ''
                  ? segment
                  : `${path}.${segment}`,
        ''
    )

const messageForKey = (key: string): string | undefined => {
    switch (key) {
        case MESSAGE_KEYS.uid:
            return i18n.t('Must be a DHIS2 id – 11 letters or digits, starting with a letter')
        case MESSAGE_KEYS.dx:
            return i18n.t(
                'Must be a DHIS2 data item id – a data element, indicator or program indicator id, or dataElementId.categoryOptionComboId'
            )
        case MESSAGE_KEYS.slugOrUid:
            return i18n.t(
                'Must be lower-case letters, digits and dashes (for example oxytocin-deliveries), or a DHIS2 id'
            )
        case MESSAGE_KEYS.required:
            return i18n.t('Must not be empty')
        case MESSAGE_KEYS.tooLong:
            return i18n.t('Too long')
        case MESSAGE_KEYS.locale:
            return i18n.t('Must be a locale code such as en, fr or {{example}}', {
                example: 'pt_BR',
            })
        case MESSAGE_KEYS.lmisMeasureRequired:
            return i18n.t(
                'Choose at least one LMIS data item – consumption, stock on hand, stockout days, losses or received'
            )
        case MESSAGE_KEYS.ratioNeedsConsumption:
            return i18n.t('A consumption-per-case ratio needs an LMIS consumption data item')
        case MESSAGE_KEYS.lowAboveHigh:
            return i18n.t('The low value must not be above the high value')
        case MESSAGE_KEYS.nonNegative:
            return i18n.t('Must be zero or more')
        case MESSAGE_KEYS.positive:
            return i18n.t('Must be more than zero')
        case MESSAGE_KEYS.percent:
            return i18n.t('Must be a percentage from 0 to 100')
        case MESSAGE_KEYS.atLeastOneItem:
            return i18n.t('Choose at least one HMIS data item')
        case MESSAGE_KEYS.duplicateDx:
            return i18n.t('This data item is listed twice')
        case MESSAGE_KEYS.tipTooLong:
            return i18n.t('A tip may have at most {{max}} characters', {
                max: String(CONFIG_LIMITS.tipLength),
            })
        case MESSAGE_KEYS.monthOffset:
            return i18n.t(
                'The window must be the calendar quarter or shifted by at most {{max}} months',
                { max: String(MAX_MONTH_OFFSET) }
            )
        case MESSAGE_KEYS.duplicateGroup:
            return i18n.t('This group is listed twice')
        case MESSAGE_KEYS.atLeastOneGroup:
            return i18n.t('Give at least one group its reporting window, or remove the group set')
        case MESSAGE_KEYS.tooManyTipLanguages:
            return i18n.t('A pair may have tips in at most {{max}} languages', {
                max: String(CONFIG_LIMITS.tipLanguages),
            })
        default:
            return undefined
    }
}

const typeName = (type: string): string => {
    switch (type) {
        case 'string':
            return i18n.t('text')
        case 'number':
        case 'integer':
        case 'float':
            return i18n.t('a number')
        case 'array':
            return i18n.t('a list')
        case 'object':
            return i18n.t('an object')
        case 'boolean':
            return i18n.t('true or false')
        default:
            return type
    }
}

const messageForIssue = (issue: ZodIssue): string => {
    const keyed = messageForKey(issue.message)
    if (keyed) {
        return keyed
    }
    switch (issue.code) {
        case 'invalid_type':
            return issue.received === 'undefined'
                ? i18n.t('Required')
                : i18n.t('Wrong type – expected {{expected}}', {
                      expected: typeName(issue.expected),
                      interpolation: { escapeValue: false },
                  })
        case 'invalid_literal':
            return i18n.t('Must be {{value}}', {
                value: JSON.stringify(issue.expected),
                interpolation: { escapeValue: false },
            })
        case 'invalid_enum_value':
            return i18n.t('Must be one of – {{options}}', {
                options: issue.options.join(', '),
                interpolation: { escapeValue: false },
            })
        case 'too_small':
            return issue.type === 'array'
                ? i18n.t('Must have at least {{minimum}} entries', {
                      minimum: String(issue.minimum),
                      interpolation: { escapeValue: false },
                  })
                : i18n.t('Too small')
        case 'too_big':
            return issue.type === 'array'
                ? i18n.t('Must have at most {{maximum}} entries', {
                      maximum: String(issue.maximum),
                      interpolation: { escapeValue: false },
                  })
                : i18n.t('Too large')
        case 'not_finite':
            return i18n.t('Must be a finite number')
        default:
            return i18n.t('Invalid value')
    }
}

/** A zod issue as a `ConfigIssue`, its path prefixed with `prefix` (where the checked part sits). */
export const describeIssue = (
    issue: ZodIssue,
    prefix: readonly (string | number)[] = []
): ConfigIssue => {
    const segments = [...prefix, ...issue.path]
    return {
        path: formatPath(segments),
        segments,
        message: messageForIssue(issue),
        code: messageForKey(issue.message) ? issue.message : issue.code,
    }
}

/** A `ConfigIssue` for a check made outside zod (duplicates, versions). */
export const configIssue = (
    segments: readonly (string | number)[],
    code: string,
    message: string
): ConfigIssue => ({ path: formatPath(segments), segments, code, message })
