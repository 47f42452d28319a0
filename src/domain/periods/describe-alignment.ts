import i18n from '@dhis2/d2-i18n'
import type { AlignedPoint, AlignmentReason } from './align-series'

/**
 * Why an aligned point is estimated, partial or empty, as plain translated text for tooltips and
 * tables; `null` when the point is simply the source value.
 */
export const describeAlignment = (
    point: Pick<AlignedPoint, 'reason' | 'missingPeriods'>
): string | null => describeAlignmentReason(point.reason, point.missingPeriods.length)

export const describeAlignmentReason = (
    reason: AlignmentReason | null,
    missingCount = 0
): string | null => {
    switch (reason) {
        case 'QUARTER_DIVIDED_BY_3':
            return i18n.t('Estimate – quarterly value ÷ 3')
        case 'QUARTER_END_LEVEL':
            return i18n.t('Stock at the end of the quarter (reported quarterly)')
        case 'LEVEL_ONLY_AT_QUARTER_END':
            return i18n.t('Reported quarterly – stock on hand is known for the last month only')
        case 'MONTHS_MISSING':
            return i18n.t('Incomplete quarter – {{missing}} of 3 months have no value', {
                missing: String(missingCount),
                interpolation: { escapeValue: false },
            })
        case 'LAST_MONTH_MISSING':
            return i18n.t('No value for the last month of the quarter')
        case 'GROUP_WINDOWS':
            return missingCount > 0
                ? i18n.t('Not shown – a reporting group’s report for this period is not in')
                : i18n.t(
                      'Estimate – each reporting group’s quarterly report ÷ 3, placed in the window it covers; groups summed'
                  )
        case 'PERIOD_INCOMPLETE':
            return i18n.t('Incomplete – reports not all in yet')
        case 'QUARTER_RATE':
            return i18n.t('Reporting rate of the quarter (reported quarterly)')
        default:
            return null
    }
}
