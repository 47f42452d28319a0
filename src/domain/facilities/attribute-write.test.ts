import { attributePayload, readImportReport } from './attribute-write'
import type { FacilityMappingEntry } from './review'

const entry = (dhisId: string, lmisCode: string): FacilityMappingEntry => ({
    dhisId,
    lmisCode,
    lmisName: '',
    dhisCode: '',
    dhisPath: '',
    how: 'code',
})
const A = 'attrLmis001'

describe('attributePayload', () => {
    it('sets the code on mapped org units, removes stale ones, keeps other attributes and fields, skips duplicate codes', () => {
        const { payload, duplicateCodes } = attributePayload(
            [entry('F1', 'L-1'), entry('F2', 'L-2'), entry('F5', 'DUP'), entry('F6', 'DUP')],
            [
                {
                    id: 'F1',
                    name: 'One',
                    attributeValues: [{ attribute: { id: 'other' }, value: 'x' }],
                },
                {
                    id: 'F2',
                    name: 'Two',
                    attributeValues: [{ attribute: { id: A }, value: 'L-2' }],
                },
                {
                    id: 'F3',
                    name: 'Three',
                    attributeValues: [{ attribute: { id: A }, value: 'OLD' }],
                },
                { id: 'F4', name: 'Four' },
                { id: 'F5', name: 'Five' },
                { id: 'F6', name: 'Six' },
            ],
            A
        )
        expect(payload).toEqual({
            organisationUnits: [
                {
                    id: 'F1',
                    name: 'One',
                    attributeValues: [
                        { attribute: { id: 'other' }, value: 'x' },
                        { attribute: { id: A }, value: 'L-1' },
                    ],
                },
                { id: 'F3', name: 'Three', attributeValues: [] },
            ],
        })
        // One LMIS code for two facilities: written to neither
        expect(duplicateCodes).toEqual(['DUP'])
    })
})

describe('readImportReport', () => {
    it('reads the WebMessage of a refused import with its errors', () => {
        expect(
            readImportReport({
                httpStatus: 'Conflict',
                status: 'ERROR',
                response: {
                    responseType: 'ImportReport',
                    status: 'ERROR',
                    stats: { created: 0, updated: 0, deleted: 0, ignored: 1, total: 1 },
                    typeReports: [
                        {
                            objectReports: [
                                {
                                    uid: 'F1',
                                    errorReports: [{ errorCode: 'E4009', message: 'not unique' }],
                                },
                            ],
                        },
                    ],
                },
            })
        ).toEqual({
            status: 'ERROR',
            stats: { created: 0, updated: 0, deleted: 0, ignored: 1, total: 1 },
            errors: [{ uid: 'F1', errorCode: 'E4009', message: 'not unique' }],
        })
    })

    it('reads a bare report (before 2.38) and refuses anything else', () => {
        expect(
            readImportReport({ status: 'OK', stats: { updated: 3, total: 3 } })?.stats.updated
        ).toBe(3)
        expect(readImportReport('<html>')).toBeNull()
        expect(readImportReport(null)).toBeNull()
    })
})
