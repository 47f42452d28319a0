import { buildAnalyticsQuery, orgUnitItems, reportingRateItem } from './index'

describe('buildAnalyticsQuery', () => {
    it('builds data engine params with dx, pe and ou dimensions', () => {
        expect(
            buildAnalyticsQuery({
                dx: ['b', 'a', 'b'],
                pe: ['202402', '202401'],
                ou: { id: 'ImspTQPwCqd' },
            })
        ).toEqual({
            resource: 'analytics',
            params: {
                dimension: ['dx:a;b', 'pe:202402;202401', 'ou:ImspTQPwCqd'],
                displayProperty: 'NAME',
            },
        })
    })

    it('selects a level under an org unit, and adds options and filters', () => {
        const query = buildAnalyticsQuery({
            dx: ['a'],
            pe: ['2024Q1'],
            ou: { id: 'O6uvpzGd5pu', level: 3 },
            includeNumDen: true,
            showHierarchy: true,
            hierarchyMeta: true,
            filters: { co: ['x', 'y'], empty: [] },
        })
        expect(query.params).toEqual({
            dimension: ['dx:a', 'pe:2024Q1', 'ou:O6uvpzGd5pu;LEVEL-3'],
            filter: ['co:x;y'],
            displayProperty: 'NAME',
            includeNumDen: true,
            showHierarchy: true,
            hierarchyMeta: true,
        })
        expect(orgUnitItems([{ id: 'A' }, { id: 'A' }, { id: 'B', level: 2 }])).toEqual([
            'A',
            'B',
            'LEVEL-2',
        ])
    })

    it('puts several org units, levels and groups in one filter: DHIS2 sums them', () => {
        const query = buildAnalyticsQuery({
            dx: ['a'],
            pe: ['202401', '2024Q1'],
            ou: [
                { id: 'USER_ORGUNIT_CHILDREN' },
                { id: 'LEVEL-tTUf91fCytl' },
                { id: 'OU_GROUP-CXw2yu5fodb' },
                { id: 'O6uvpzGd5pu' },
            ],
            ouAsFilter: true,
            filters: { co: ['x'] },
        })
        expect(query.params).toEqual({
            dimension: ['dx:a', 'pe:202401;2024Q1'],
            filter: [
                'ou:USER_ORGUNIT_CHILDREN;LEVEL-tTUf91fCytl;OU_GROUP-CXw2yu5fodb;O6uvpzGd5pu',
                'co:x',
            ],
            displayProperty: 'NAME',
        })
    })

    it('asks for the rows only with skipMeta, without the hierarchy metaData', () => {
        const base = { dx: ['a'], pe: ['202401'], ou: { id: 'O6uvpzGd5pu', level: 4 } }
        expect(
            buildAnalyticsQuery({ ...base, showHierarchy: true, hierarchyMeta: true }).params
        ).toMatchObject({ showHierarchy: true, hierarchyMeta: true })
        expect(
            buildAnalyticsQuery({
                ...base,
                showHierarchy: true,
                hierarchyMeta: true,
                skipMeta: true,
            }).params
        ).toEqual({
            dimension: ['dx:a', 'pe:202401', 'ou:O6uvpzGd5pu;LEVEL-4'],
            displayProperty: 'NAME',
            skipMeta: true,
        })
    })

    it('names reporting-rate items as DHIS2 does', () => {
        expect(reportingRateItem('QX4ZTUbOt3a', 'ACTUAL_REPORTS')).toBe(
            'QX4ZTUbOt3a.ACTUAL_REPORTS'
        )
    })
})
