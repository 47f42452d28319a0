import { canEditConfig } from './permissions'

describe('who may edit the mapping', () => {
    it('is superusers and holders of F_TRIANGULATE_CONFIG', () => {
        expect(canEditConfig({ authorities: ['ALL'] })).toBe(true)
        expect(canEditConfig({ authorities: ['M_triangulate', 'F_TRIANGULATE_CONFIG'] })).toBe(true)
        expect(canEditConfig({ authorities: ['M_triangulate', 'M_dhis-web-dashboard'] })).toBe(
            false
        )
        expect(canEditConfig({})).toBe(false)
        expect(canEditConfig(undefined)).toBe(false)
    })
})
