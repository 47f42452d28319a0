import i18n from '@dhis2/d2-i18n'
import type { ScanData } from './scan-data'

/**
 * What an empty list of alerts says: that the filters hide them all, or that the detectors found
 * nothing, and where else to look when no facility was scanned (an error of one facility is lost
 * in its district's total).
 */
export const emptyListMessage = (scan: Pick<ScanData, 'levels'>, unfiltered: number): string =>
    unfiltered > 0
        ? i18n.t('No alert matches these filters.')
        : scan.levels.some((level) => level.facilityLevel)
          ? i18n.t('The detectors found nothing unusual with these thresholds.')
          : i18n.t(
                'The detectors found nothing unusual in the totals of these levels. A single facility’s data error shows when the facility level is scanned too.'
            )
