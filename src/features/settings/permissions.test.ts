import { canEditConfig } from './permissions'

const editors = { userGroups: [{ id: 'grpEditors1', name: 'Editors' }], users: [] }

describe('who may edit the mapping', () => {
    it('is superusers and the editors named in the app', () => {
        expect(canEditConfig({ authorities: ['ALL'] })).toBe(true)
        expect(
            canEditConfig({
                authorities: ['M_triangulate'],
                userGroups: [{ id: 'grpEditors1' }],
                configEditors: editors,
            })
        ).toBe(true)
        // The old custom authority is not enforced by DHIS2: it grants nothing
        expect(
            canEditConfig({
                authorities: ['M_triangulate', 'F_TRIANGULATE_CONFIG'],
                configEditors: editors,
            })
        ).toBe(false)
        expect(canEditConfig({ authorities: ['M_triangulate'], configEditors: null })).toBe(false)
        expect(canEditConfig({})).toBe(false)
        expect(canEditConfig(undefined)).toBe(false)
    })
})
