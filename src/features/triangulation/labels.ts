import i18n from '@dhis2/d2-i18n'
import type { TrendLabels } from './pair-model'

export const trendLabels = (): TrendLabels => ({
    consumption: i18n.t('Consumption'),
    stockOnHand: i18n.t('Stock on hand'),
    stockoutDays: i18n.t('Stockout days'),
    hmisCompleteness: i18n.t('HMIS reporting rate (%)'),
    lmisCompleteness: i18n.t('LMIS reporting rate (%)'),
    losses: i18n.t('Losses and adjustments'),
    received: i18n.t('Quantity received'),
    stockoutRate: i18n.t('Facilities stocked out (%)'),
    hmisOnTime: i18n.t('HMIS reports on time (%)'),
    lmisOnTime: i18n.t('LMIS reports on time (%)'),
})
