import {
    filterItemLabel,
    ignoredFilterText,
    namedObjectIds,
    resolveFilters,
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
        // Several user org units cannot be one trend: said, not guessed
        const several = resolveFilters({ ou: [{ id: 'USER_ORGUNIT' }] }, [
            'a1234567890',
            'b1234567890',
        ])
        expect(several.ou).toBeUndefined()
        expect(several.ignored).toHaveLength(1)
    })

    it('lists what it cannot show: sub-units, levels, groups, several org units', () => {
        for (const ou of [
            [{ id: 'USER_ORGUNIT_CHILDREN' }],
            [{ id: 'USER_ORGUNIT_GRANDCHILDREN' }],
            [{ id: 'LEVEL-tTUf91fCytl' }],
            [{ id: 'OU_GROUP-CXw2yu5fodb' }],
            [{ id: 'O6uvpzGd5pu' }, { id: 'fdc6uOvgoji' }],
        ]) {
            const resolved = resolveFilters({ ou }, ME)
            expect(resolved.ou).toBeUndefined()
            expect(resolved.ignored).toEqual([{ dimension: 'ou', items: ou }])
        }
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

    it('never drops a period silently: weekly, a single month, several periods are said', () => {
        for (const pe of [
            [{ id: 'LAST_12_WEEKS' }],
            [{ id: '202401' }],
            [{ id: '2024W3' }],
            [{ id: 'THIS_FINANCIAL_YEAR' }],
            [{ id: '2023' }, { id: '2024' }],
        ]) {
            const resolved = resolveFilters({ pe }, ME)
            expect(resolved.pe).toBeUndefined()
            expect(resolved.ignored).toEqual([{ dimension: 'pe', items: pe }])
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
                items: [{ id: 'LAST_12_WEEKS', name: 'Last 12 weeks' }],
            })
        ).toContain('“Last 12 weeks”')
        expect(
            namedObjectIds([
                {
                    dimension: 'ou',
                    items: [{ id: 'LEVEL-a' }, { id: 'OU_GROUP-b' }, { id: 'LEVEL-c', name: 'C' }],
                },
            ])
        ).toEqual({
            levels: ['a'],
            groups: ['b'],
        })
    })
})
