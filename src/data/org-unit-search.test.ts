import {
    ORG_UNIT_SEARCH_PAGE_SIZE,
    orgUnitSearchParams,
    readOrgUnitSearch,
} from './org-unit-search'
import { searchWords } from '../api/search-words'

describe('org unit search', () => {
    it('searches id, code and names with every word, within one root', () => {
        expect(orgUnitSearchParams('  Kib  hc ', 'ImspTQPwCqd')).toEqual({
            fields: 'id,displayName,path,level,ancestors[id,displayName]',
            filter: ['identifiable:token:Kib hc', 'path:like:ImspTQPwCqd'],
            order: 'displayName:asc',
            pageSize: ORG_UNIT_SEARCH_PAGE_SIZE,
            page: 1,
        })
    })

    it('drops characters that would break a filter value', () => {
        expect(searchWords('a:b [c], d')).toEqual(['a', 'b', 'c', 'd'])
        expect(searchWords('   ')).toEqual([])
    })

    it('names the ancestors from the user root down, merges roots without duplicates', () => {
        const unit = {
            id: 'FacilityAAA',
            displayName: 'Kibaha HC',
            path: '/TopLevelAAA/RootAAAAAAA/DistrictAAA/FacilityAAA',
            level: 4,
            ancestors: [
                // in any order: the path gives it
                { id: 'DistrictAAA', displayName: 'Kibaha District' },
                { id: 'TopLevelAAA', displayName: 'Country' },
                { id: 'RootAAAAAAA', displayName: 'Coast <b>Region</b>' },
            ],
        }
        const other = {
            id: 'AnotherBBBB',
            displayName: 'Amana HC',
            path: '/TopLevelAAA/RootBBBBBBB/AnotherBBBB',
            ancestors: [{ id: 'RootBBBBBBB', displayName: 'Dar' }],
        }
        const result = readOrgUnitSearch(
            [
                { pager: { page: 1, total: 1 }, organisationUnits: [unit] },
                { pager: { page: 1, total: 35 }, organisationUnits: [other, unit] },
                null,
            ],
            ['RootAAAAAAA', 'RootBBBBBBB']
        )
        expect(result.total).toBe(36)
        expect(result.matches).toEqual([
            {
                id: 'AnotherBBBB',
                displayName: 'Amana HC',
                path: '/TopLevelAAA/RootBBBBBBB/AnotherBBBB',
                level: 3,
                ancestorNames: ['Dar'],
            },
            {
                id: 'FacilityAAA',
                displayName: 'Kibaha HC',
                path: '/TopLevelAAA/RootAAAAAAA/DistrictAAA/FacilityAAA',
                level: 4,
                ancestorNames: ['Coast <b>Region</b>', 'Kibaha District'],
            },
        ])
    })

    it('has no ancestors for a root itself, and skips units without id or path', () => {
        const result = readOrgUnitSearch(
            [
                {
                    organisationUnits: [
                        { id: 'RootAAAAAAA', displayName: 'Coast', path: '/RootAAAAAAA', level: 1 },
                        { displayName: 'broken' },
                    ],
                },
            ],
            ['RootAAAAAAA']
        )
        expect(result).toEqual({
            matches: [
                {
                    id: 'RootAAAAAAA',
                    displayName: 'Coast',
                    path: '/RootAAAAAAA',
                    level: 1,
                    ancestorNames: [],
                },
            ],
            total: 1,
        })
    })
})
