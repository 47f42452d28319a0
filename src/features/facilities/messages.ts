/** Translated texts for the facility matching's problems, reasons, flags and filters. */
import i18n from '@dhis2/d2-i18n'
import type { ColumnField, CsvProblem } from '../../domain/facilities/csv'
import type { Flag, Reason } from '../../domain/facilities/match'
import type { HowMatched, ReviewFilter } from '../../domain/facilities/review'

export const fieldLabel = (field: ColumnField): string => {
    switch (field) {
        case 'code':
            return i18n.t('LMIS facility code')
        case 'name':
            return i18n.t('Facility name')
        case 'region':
            return i18n.t('Region')
        case 'district':
            return i18n.t('District')
        case 'type':
            return i18n.t('Facility type')
        case 'latitude':
            return i18n.t('Latitude')
        case 'longitude':
            return i18n.t('Longitude')
        case 'status':
            return i18n.t('Status (active/closed)')
    }
}

export const problemText = (p: CsvProblem): string => {
    switch (p.code) {
        case 'empty':
            return i18n.t('The file has no header row or no facilities.')
        case 'unclosedQuote':
            return i18n.t('Row {{row}} has a quoted value that is never closed.', { row: p.row })
        case 'columnCount':
            return i18n.t(
                'Row {{row}} has {{found}} values where the header has {{expected}} columns.',
                {
                    row: p.row,
                    found: p.found,
                    expected: p.expected,
                }
            )
        case 'missingValue':
            return i18n.t('Row {{row}}, column "{{column}}" has no value.', {
                row: p.row,
                column: p.column,
            })
        case 'badNumber':
            return i18n.t(
                'Row {{row}}, column "{{column}}" holds "{{value}}", which is not a number.',
                {
                    row: p.row,
                    column: p.column,
                    value: p.value,
                }
            )
        case 'outOfRange':
            return i18n.t(
                'Row {{row}}, column "{{column}}" holds {{value}}, which is not a valid coordinate.',
                {
                    row: p.row,
                    column: p.column,
                    value: p.value,
                }
            )
        case 'badStatus':
            return i18n.t(
                'Row {{row}}, column "{{column}}" holds "{{value}}", which is neither active nor closed.',
                { row: p.row, column: p.column, value: p.value }
            )
        case 'noColumn':
            return i18n.t('Choose the column of "{{field}}".', { field: fieldLabel(p.field) })
    }
}

export const reasonText = (r: Reason): string => {
    switch (r.kind) {
        case 'code':
            return i18n.t('same code')
        case 'attribute':
            return i18n.t('same LMIS code attribute')
        case 'codeNameDiffers':
            return i18n.t('code matches but the name does not')
        case 'nameExact':
            return i18n.t('same name')
        case 'nameSimilar':
            return i18n.t('similar name ({{percent}} %)', {
                percent: Math.round((r.value ?? 0) * 100),
            })
        case 'sameDistrict':
            return i18n.t('same district')
        case 'otherDistrict':
            return i18n.t('another district')
        case 'otherRegion':
            return i18n.t('another region')
        case 'typeDiffers':
            return i18n.t('other facility type')
        case 'near':
            return i18n.t('{{km}} km apart', { km: r.value ?? 0 })
        case 'far':
            return i18n.t('{{km}} km apart', { km: r.value ?? 0 })
        case 'coordinatesSwapped':
            return i18n.t('latitude and longitude swapped')
    }
}

export const flagText = (f: Flag): string => {
    switch (f) {
        case 'districtDiffers':
            return i18n.t('District differs')
        case 'closed':
            return i18n.t('Closed in the LMIS')
        case 'duplicate':
            return i18n.t('Same facility as another row')
        case 'coordinatesSwapped':
            return i18n.t('Coordinates swapped')
        case 'unknownArea':
            return i18n.t('Unknown district or region')
    }
}

export const filterText = (f: ReviewFilter | 'unmatchedDhis'): string => {
    switch (f) {
        case 'all':
            return i18n.t('All')
        case 'matched':
            return i18n.t('Matched')
        case 'uncertain':
            return i18n.t('To review')
        case 'unmatchedLmis':
            return i18n.t('LMIS without DHIS2 facility')
        case 'unmatchedDhis':
            return i18n.t('DHIS2 without LMIS facility')
        case 'duplicates':
            return i18n.t('Duplicates')
        case 'flagged':
            return i18n.t('Flagged')
    }
}

export const howText = (how: HowMatched): string => {
    switch (how) {
        case 'code':
            return i18n.t('by code')
        case 'attribute':
            return i18n.t('by attribute')
        case 'name':
            return i18n.t('by name')
        case 'reviewed':
            return i18n.t('reviewed')
    }
}
