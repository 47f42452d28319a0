import { dashboardEmbeddingFor, dashboardItemFromUrl } from './dashboard-embedding'

describe('how the DHIS2 dashboard shows the item', () => {
    it('follows the dashboard-app bundled with each DHIS2 release', () => {
        expect(dashboardEmbeddingFor('2.39.10')).toBe('none')
        expect(dashboardEmbeddingFor('2.40.0')).toBe('iframe')
        expect(dashboardEmbeddingFor('2.40.7.1')).toBe('iframe')
        expect(dashboardEmbeddingFor('2.40.8')).toBe('plugin')
        expect(dashboardEmbeddingFor('2.41.0')).toBe('iframe')
        expect(dashboardEmbeddingFor('2.41.3')).toBe('iframe')
        expect(dashboardEmbeddingFor('2.41.3.1')).toBe('iframe')
        expect(dashboardEmbeddingFor('2.41.4')).toBe('plugin')
        expect(dashboardEmbeddingFor('2.42.0')).toBe('plugin')
        expect(dashboardEmbeddingFor('2.42-SNAPSHOT')).toBe('plugin')
        expect(dashboardEmbeddingFor('2.43.0')).toBe('plugin')
    })
})

describe('the dashboard item in the app URL', () => {
    it('is absent when the app is opened as itself', () => {
        expect(dashboardItemFromUrl('')).toBeNull()
        expect(dashboardItemFromUrl('?redirect=false')).toBeNull()
        expect(dashboardItemFromUrl('?dashboardItemId=<script>')).toBeNull()
    })

    it('reads the item id and the org unit filter as dashboard-app v100 passes them', () => {
        expect(dashboardItemFromUrl('?dashboardItemId=abc123')).toEqual({
            dashboardItemId: 'abc123',
            dashboardItemFilters: {},
        })
        expect(
            dashboardItemFromUrl(
                '?dashboardItemId=abc123&userOrgUnit=USER_ORGUNIT,LEVEL-tTUf91fCytl,ImspTQPwCqd'
            )
        ).toEqual({
            dashboardItemId: 'abc123',
            dashboardItemFilters: {
                ou: [{ id: 'USER_ORGUNIT' }, { id: 'LEVEL-tTUf91fCytl' }, { id: 'ImspTQPwCqd' }],
            },
        })
    })

    it('reads periods as v101.3 passes them to iframe items, ignoring malformed ids', () => {
        expect(
            dashboardItemFromUrl(
                '?redirect=false&dashboardItemId=x&period=202401,LAST_12_WEEKS,a b'
            )
        ).toEqual({
            dashboardItemId: 'x',
            dashboardItemFilters: { pe: [{ id: '202401' }, { id: 'LAST_12_WEEKS' }] },
        })
    })
})
