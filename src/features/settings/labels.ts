import i18n from '@dhis2/d2-i18n'
import type { HmisItemKind, LmisMeasure } from '../../domain/config'
import type { MetadataType } from './api/metadata'

export const measureLabel = (measure: LmisMeasure): string => {
    switch (measure) {
        case 'consumption':
            return i18n.t('Consumption')
        case 'stockOnHand':
            return i18n.t('Stock on hand')
        case 'stockoutDays':
            return i18n.t('Stockout days')
        case 'losses':
            return i18n.t('Losses and adjustments')
        case 'received':
            return i18n.t('Quantity received')
    }
}

export const measureHelp = (measure: LmisMeasure): string => {
    switch (measure) {
        case 'consumption':
            return i18n.t('Quantity dispensed to patients in the period')
        case 'stockOnHand':
            return i18n.t('Stock at the end of the period – a level, aggregated with LAST')
        case 'stockoutDays':
            return i18n.t('Days in the period without usable stock')
        case 'losses':
            return i18n.t('Expired, damaged or lost quantities and adjustments')
        case 'received':
            return i18n.t('Quantity received from the supplying store')
    }
}

export const typeLabel = (type: MetadataType): string => {
    switch (type) {
        case 'dataElements':
            return i18n.t('Data element')
        case 'dataElementOperands':
            return i18n.t('Data element operand')
        case 'indicators':
            return i18n.t('Indicator')
        case 'programIndicators':
            return i18n.t('Program indicator')
        case 'dataSets':
            return i18n.t('Data set')
        case 'organisationUnitGroupSets':
            return i18n.t('Organisation unit group set')
    }
}

export const typesLabel = (type: MetadataType): string => {
    switch (type) {
        case 'dataElements':
            return i18n.t('Data elements')
        case 'dataElementOperands':
            return i18n.t('Data element operands (disaggregations)')
        case 'indicators':
            return i18n.t('Indicators')
        case 'programIndicators':
            return i18n.t('Program indicators')
        case 'dataSets':
            return i18n.t('Data sets')
        case 'organisationUnitGroupSets':
            return i18n.t('Organisation unit group sets')
    }
}

export const kindLabel = (kind: HmisItemKind): string => {
    switch (kind) {
        case 'DATA_ELEMENT':
            return i18n.t('Data element')
        case 'DATA_ELEMENT_OPERAND':
            return i18n.t('Data element operand')
        case 'INDICATOR':
            return i18n.t('Indicator')
        case 'PROGRAM_INDICATOR':
            return i18n.t('Program indicator')
    }
}

/** DHIS2 period type names, as the admin knows them from the maintenance app. */
export const periodTypeLabel = (periodType: string): string => {
    switch (periodType) {
        case 'Monthly':
            return i18n.t('Monthly')
        case 'Quarterly':
            return i18n.t('Quarterly')
        case 'Weekly':
            return i18n.t('Weekly')
        case 'Yearly':
            return i18n.t('Yearly')
        default:
            return periodType
    }
}
