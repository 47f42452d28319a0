import i18n from '@dhis2/d2-i18n'
import { formatNumber } from '../../shared/format/number'
import { COMPLETE_REPORTING } from './pair-model'

export interface CompletenessSentence {
    text: string
    /** Below `COMPLETE_REPORTING`: the period's totals are incomplete */
    incomplete: boolean
}

/**
 * A reporting rate said in words for a program manager, e.g. "LMIS reports received for March
 * 2025: 55.0% of expected – the totals of this period are incomplete (late reports may still come
 * in)." `null` when there is no rate.
 */
export const completenessSentence = ({
    system,
    value,
    periodName,
    locale,
}: {
    system: string
    value: number | null | undefined
    periodName: string
    locale?: string
}): CompletenessSentence | null => {
    if (value === null || value === undefined || !Number.isFinite(value)) return null
    const rate = formatNumber(value, { kind: 'percent', locale })
    const incomplete = value < COMPLETE_REPORTING
    // Options written out at each call: the string extractor reads literal options only
    return {
        incomplete,
        text: incomplete
            ? i18n.t(
                  '{{system}} reports received for {{period}} – {{rate}} of expected; the totals of this period are incomplete (late reports may still come in).',
                  { system, period: periodName, rate, interpolation: { escapeValue: false } }
              )
            : i18n.t('{{system}} reports received for {{period}} – {{rate}} of expected.', {
                  system,
                  period: periodName,
                  rate,
                  interpolation: { escapeValue: false },
              }),
    }
}
