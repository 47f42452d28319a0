import {
    filterItemLabel,
    ignoredFilterText,
    namedObjectIds,
    orgUnitItemsLabel,
    orgUnitResolutionQuery,
    resolveFilters,
    type FilterItem,
} from './dashboard-filters'

const ME = ['ImspTQPwCqd']

describe('the dashboard filters in a dashboard item', () => {
    it('shows one org unit, by its path or id', () => {
        expect(
            resolveFilters({ ou: [{ id: 'O6uvpzGd5pu', path: '/ImspTQPwCqd/O6uvpzGd5pu' }] }, ME)
        ).toEqual({
            ou: 'O6uvpzGd5pu',
            ignored: [],
        })
        expect(resolveFilters({ ou: [{ id: 'O6uvpzGd5pu' }] }, ME).ou).toBe('O6uvpzGd5pu')
    })

    it('resolves USER_ORGUNIT to the viewer’s data capture org unit, as analytics does', () => {
        expect(resolveFilters({ ou: [{ id: 'USER_ORGUNIT' }] }, ME)).toEqual({
            ou: 'ImspTQPwCqd',
            ignored: [],
        })
        // Several user org units: their sum, resolved by DHIS2 (not one of them guessed)
        const several = resolveFilters({ ou: [{ id: 'USER_ORGUNIT' }] }, [
            'a1234567890',
            'b1234567890',
        ])
        expect(several.ou).toBeUndefined()
        expect(several.ouItems).toEqual(['USER_ORGUNIT'])
    })

    it('passes sub-units, levels, groups and several org units to analytics as DHIS2 takes them', () => {
        const cases: [FilterItem[], string[]][] = [
            [[{ id: 'USER_ORGUNIT_CHILDREN' }], ['USER_ORGUNIT_CHILDREN']],
            [[{ id: 'USER_ORGUNIT_GRANDCHILDREN' }], ['USER_ORGUNIT_GRANDCHILDREN']],
            [[{ id: 'LEVEL-tTUf91fCytl' }], ['LEVEL-tTUf91fCytl']],
            [[{ id: 'OU_GROUP-CXw2yu5fodb' }], ['OU_GROUP-CXw2yu5fodb']],
            // A level by number, as the hierarchy fixture's chart names it (ou:ImspTQPwCqd;LEVEL-4)
            [
                [{ id: 'ImspTQPwCqd' }, { id: 'LEVEL-4' }],
                ['ImspTQPwCqd', 'LEVEL-4'],
            ],
            [
                [{ id: 'O6uvpzGd5pu' }, { id: 'fdc6uOvgoji', path: '/ImspTQPwCqd/fdc6uOvgoji' }],
                ['O6uvpzGd5pu', 'fdc6uOvgoji'],
            ],
            // The dashboard's "User org unit" + "User sub-units" + a level + a group, at once
            [
                [
                    { id: 'USER_ORGUNIT', name: 'User org unit' },
                    { id: 'USER_ORGUNIT_CHILDREN' },
                    { id: 'LEVEL-tTUf91fCytl', name: 'Chiefdom' },
                    { id: 'OU_GROUP-CXw2yu5fodb', name: 'CHC' },
                    { id: 'ImspTQPwCqd', path: '/ImspTQPwCqd', name: 'Sierra Leone' },
                ],
                [
                    'USER_ORGUNIT',
                    'USER_ORGUNIT_CHILDREN',
                    'LEVEL-tTUf91fCytl',
                    'OU_GROUP-CXw2yu5fodb',
                    'ImspTQPwCqd',
                ],
            ],
        ]
        for (const [ou, items] of cases) {
            const resolved = resolveFilters({ ou }, ME)
            expect(resolved.ou).toBeUndefined()
            expect(resolved.ouItems).toEqual(items)
            expect(resolved.ignored).toEqual([])
        }
    })

    it('says what no DHIS2 takes, and keeps the valid items', () => {
        const resolved = resolveFilters(
            { ou: [{ id: '<b>x</b>' }, { id: 'O6uvpzGd5pu' }], pe: [{ id: '2024-01' }] },
            ME
        )
        expect(resolved.ou).toBe('O6uvpzGd5pu')
        expect(resolved.ignored).toEqual([
            { dimension: 'ou', items: [{ id: '<b>x</b>' }] },
            { dimension: 'pe', items: [{ id: '2024-01' }] },
        ])
    })

    it('shows the periods the view knows, and the same months or quarters of other ids', () => {
        expect(resolveFilters({ pe: [{ id: 'LAST_12_MONTHS' }] }, ME)).toEqual({
            pe: 'LAST_12_MONTHS',
            ignored: [],
        })
        expect(resolveFilters({ pe: [{ id: '2024' }] }, ME).pe).toBe('2024')
        expect(resolveFilters({ pe: [{ id: 'MONTHS_THIS_YEAR' }] }, ME)).toEqual({
            pe: 'THIS_YEAR',
            grain: 'monthly',
            ignored: [],
        })
        expect(resolveFilters({ pe: [{ id: 'QUARTERS_LAST_YEAR' }] }, ME)).toMatchObject({
            pe: 'LAST_YEAR',
            grain: 'quarterly',
        })
    })

    it('passes every other period, of any type, to analytics to resolve', () => {
        for (const pe of [
            [{ id: 'LAST_12_WEEKS' }],
            [{ id: 'THIS_FINANCIAL_YEAR' }],
            [{ id: 'LAST_52_WEEKS' }],
            [{ id: '202401' }],
            [{ id: '2024W5' }],
            [{ id: '2024BiW3' }],
            [{ id: '20240105' }],
            [{ id: '202401B' }],
            [{ id: '2024S1' }],
            [{ id: '2024April' }],
            [{ id: '2024July' }],
            [{ id: '2024Oct' }],
            [{ id: '2024Nov' }],
            [{ id: '2024AprilS1' }],
            [{ id: '2023' }, { id: '2024' }],
        ]) {
            const resolved = resolveFilters({ pe }, ME)
            expect(resolved.pe).toBeUndefined()
            expect(resolved.peItems).toEqual(pe.map((p) => p.id))
            expect(resolved.ignored).toEqual([])
        }
    })

    it('names the filters in words', () => {
        expect(filterItemLabel({ id: 'USER_ORGUNIT_CHILDREN' })).toBe('User sub-units')
        expect(filterItemLabel({ id: 'LEVEL-abc', name: 'District' })).toBe('District')
        expect(
            filterItemLabel({ id: 'LEVEL-abc' }, { levels: { abc: 'District' }, groups: {} })
        ).toBe('Level “District”')
        expect(
            filterItemLabel({ id: 'OU_GROUP-g' }, { levels: {}, groups: { g: 'Hospitals' } })
        ).toBe('Org unit group “Hospitals”')
        expect(filterItemLabel({ id: 'LAST_12_MONTHS' })).not.toBe('LAST_12_MONTHS')
        expect(
            ignoredFilterText({
                dimension: 'pe',
                items: [{ id: '2024-13', name: 'Month 13' }],
            })
        ).toContain('“Month 13”')
        expect(
            namedObjectIds([{ id: 'LEVEL-a' }, { id: 'OU_GROUP-b' }, { id: 'LEVEL-c', name: 'C' }])
        ).toEqual({
            levels: ['a'],
            groups: ['b'],
            orgUnits: [],
        })
        expect(namedObjectIds([{ id: 'ImspTQPwCqd' }, { id: 'USER_ORGUNIT' }]).orgUnits).toEqual([
            'ImspTQPwCqd',
        ])
    })

    it('name a combined selection opened in the app from its items', () => {
        const names = {
            levels: { tTUf91fCytl: 'District' },
            groups: { CXw2yu5fodb: 'Hospitals' },
            orgUnits: { ImspTQPwCqd: 'Sierra Leone' },
        }
        expect(
            orgUnitItemsLabel(
                [
                    'USER_ORGUNIT_CHILDREN',
                    'LEVEL-tTUf91fCytl',
                    'OU_GROUP-CXw2yu5fodb',
                    'ImspTQPwCqd',
                ],
                names
            )
        ).toBe('User sub-units, Level “District”, Org unit group “Hospitals”, Sierra Leone')
        // Names not loaded (yet): the ids, never an empty label
        expect(orgUnitItemsLabel(['ImspTQPwCqd', 'OU_GROUP-CXw2yu5fodb'])).toBe(
            'ImspTQPwCqd, A group of org units'
        )
    })
})

describe('checking a combined org unit filter with DHIS2', () => {
    it('asks analytics for the org units only (skipData), with a period as DHIS2 requires', () => {
        expect(orgUnitResolutionQuery(['USER_ORGUNIT_CHILDREN', 'LEVEL-3', 'LEVEL-3'])).toEqual({
            resource: 'analytics',
            params: {
                dimension: ['ou:USER_ORGUNIT_CHILDREN;LEVEL-3', 'pe:THIS_YEAR'],
                displayProperty: 'NAME',
                skipData: true,
            },
        })
    })
})
