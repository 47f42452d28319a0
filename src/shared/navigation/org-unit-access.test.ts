import { isWithinRoots, resolveViewOrgUnit } from './org-unit-access'

const region = { id: 'REGION00001' }
const roots = [region]

describe('org unit of a shared link', () => {
    it('is visible within the user’s data-view roots', () => {
        expect(isWithinRoots({ id: 'FAC', path: '/NATION/REGION00001/DIST/FAC' }, roots)).toBe(true)
        expect(isWithinRoots({ id: 'REGION00001', path: '/NATION/REGION00001' }, roots)).toBe(true)
        expect(isWithinRoots({ id: 'OTHER', path: '/NATION/OTHER' }, roots)).toBe(false)
        expect(isWithinRoots({ id: 'NATION', path: '/NATION' }, roots)).toBe(false)
    })

    it('uses the user’s own org unit when the link names none or one of theirs', () => {
        expect(resolveViewOrgUnit({ requested: undefined, details: undefined, roots })).toEqual({
            status: 'ok',
            id: 'REGION00001',
        })
        expect(resolveViewOrgUnit({ requested: 'REGION00001', details: undefined, roots })).toEqual(
            {
                status: 'ok',
                id: 'REGION00001',
            }
        )
    })

    it('waits for the details of another org unit, then shows it when within', () => {
        expect(resolveViewOrgUnit({ requested: 'FAC', details: undefined, roots }).status).toBe(
            'loading'
        )
        expect(
            resolveViewOrgUnit({
                requested: 'FAC',
                details: { id: 'FAC', path: '/NATION/REGION00001/FAC' },
                roots,
            })
        ).toEqual({ status: 'ok', id: 'FAC' })
    })

    it('falls back to the user’s own org unit for one outside their tree or unknown', () => {
        expect(
            resolveViewOrgUnit({
                requested: 'OTHER',
                details: { id: 'OTHER', path: '/NATION/OTHER' },
                roots,
            })
        ).toEqual({ status: 'fallback', id: 'REGION00001', reason: 'outside' })
        expect(resolveViewOrgUnit({ requested: 'GONE', details: null, roots })).toEqual({
            status: 'fallback',
            id: 'REGION00001',
            reason: 'unknown',
        })
    })
})
