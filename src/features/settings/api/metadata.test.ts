import { fakeEngine } from './fake-engine'
import {
    lookupMetadata,
    lookupParams,
    lookupPlan,
    parseMetadataList,
    searchParams,
    searchWords,
} from './metadata'

const dataSetElements = [
    { dataSet: { id: 'dsMonthly01', displayName: 'LMIS Monthly Report', periodType: 'Monthly' } },
    { dataSet: { id: 'dsQuarter01', displayName: 'LMIS Quarterly', periodType: 'Quarterly' } },
]

describe('metadata requests', () => {
    it('searches by name or code, operands by every word of the name', () => {
        expect(searchWords(' oxy:cons [x], ')).toEqual(['oxy', 'cons', 'x'])
        expect(searchParams('dataElements', 'oxy cons')).toMatchObject({
            filter: ['identifiable:token:oxy cons', 'domainType:eq:AGGREGATE'],
            pageSize: 25,
        })
        expect(searchParams('dataElementOperands', 'deliv fac').filter).toEqual([
            'name:ilike:deliv',
            'name:ilike:fac',
        ])
        expect(searchParams('dataSets', '')).not.toHaveProperty('filter')
        expect(String(searchParams('dataElements', '').fields)).toContain('aggregationType')
    })

    it('looks ids up with one request per type', () => {
        expect(
            lookupPlan(
                ['aaaaaaaaaaa', 'bbbbbbbbbbb.ccccccccccc', 'aaaaaaaaaaa', '', 'bad,id]'],
                ['dddddddddd1', 'x']
            )
        ).toEqual({
            dataElements: ['aaaaaaaaaaa'],
            indicators: ['aaaaaaaaaaa'],
            programIndicators: ['aaaaaaaaaaa'],
            dataElementOperands: ['bbbbbbbbbbb.ccccccccccc'],
            dataSets: ['dddddddddd1'],
        })
        expect(lookupParams('dataSets', ['a', 'b'])).toMatchObject({
            filter: ['id:in:[a,b]'],
            pageSize: 2,
        })
    })

    it('reads items with their data sets, period types and aggregation', () => {
        const { items, total } = parseMetadataList('dataElements', {
            pager: { total: 40 },
            dataElements: [
                {
                    id: 'UMFJpVTgDTe',
                    code: 'LMIS_OXY_CONS',
                    displayName: 'Oxytocin consumption',
                    aggregationType: 'SUM',
                    dataSetElements,
                },
                { nonsense: true },
            ],
        })
        expect(total).toBe(40)
        expect(items).toEqual([
            {
                id: 'UMFJpVTgDTe',
                type: 'dataElements',
                name: 'Oxytocin consumption',
                code: 'LMIS_OXY_CONS',
                aggregationType: 'SUM',
                dataSets: [
                    { id: 'dsMonthly01', name: 'LMIS Monthly Report', periodType: 'Monthly' },
                    { id: 'dsQuarter01', name: 'LMIS Quarterly', periodType: 'Quarterly' },
                ],
                periodTypes: ['Monthly', 'Quarterly'],
            },
        ])
        const operand = parseMetadataList('dataElementOperands', {
            dataElementOperands: [
                {
                    id: 'yPWqSV8Kl9U.uAJcI6hWL68',
                    displayName: 'Deliveries Facility',
                    dataElement: {
                        id: 'yPWqSV8Kl9U',
                        code: 'HMIS_DELIVERIES',
                        aggregationType: 'SUM',
                        dataSetElements: [],
                    },
                },
            ],
        }).items[0]
        expect(operand).toMatchObject({
            code: 'HMIS_DELIVERIES',
            aggregationType: 'SUM',
            periodTypes: [],
        })
        const dataSet = parseMetadataList('dataSets', {
            dataSets: [{ id: 'dsMonthly01', displayName: 'LMIS Monthly', periodType: 'Monthly' }],
        }).items[0]
        expect(dataSet?.periodTypes).toEqual(['Monthly'])
    })

    it('merges the answers of the lookup and remembers what was checked', async () => {
        const { engine, calls } = fakeEngine(({ resource }) => {
            if (resource === 'dataElements') {
                return {
                    dataElements: [{ id: 'aaaaaaaaaaa', displayName: 'A', aggregationType: 'SUM' }],
                }
            }
            if (resource === 'indicators') return { indicators: [] }
            if (resource === 'programIndicators') return { programIndicators: [] }
            if (resource === 'dataElementOperands') return { dataElementOperands: [] }
            return { dataSets: [{ id: 'dddddddddd1', displayName: 'DS', periodType: 'Weekly' }] }
        })
        const lookup = await lookupMetadata(
            engine,
            ['aaaaaaaaaaa', 'zzzzzzzzzzz', 'bbbbbbbbbbb.ccccccccccc'],
            ['dddddddddd1']
        )
        expect(calls).toHaveLength(5)
        expect([...lookup.items.keys()].sort()).toEqual(['aaaaaaaaaaa', 'dddddddddd1'])
        expect(lookup.checked.has('zzzzzzzzzzz')).toBe(true)
        expect(lookup.checked.has('bbbbbbbbbbb.ccccccccccc')).toBe(true)
    })
})

describe('org unit group sets', () => {
    it('are searched and looked up like the other metadata, with their groups', () => {
        expect(searchParams('organisationUnitGroupSets', 'LMIS group')).toMatchObject({
            fields: 'id,code,displayName,organisationUnitGroups[id,code,displayName]',
            filter: ['identifiable:token:LMIS group'],
        })
        expect(lookupPlan([], [], ['dmxAeUV9Fax', 'not an id', 'dmxAeUV9Fax'])).toEqual({
            organisationUnitGroupSets: ['dmxAeUV9Fax'],
        })
    })

    it('read the groups of a set as DHIS2 lists them', () => {
        // as the demo (and DHIS2) answer /api/organisationUnitGroupSets?fields=…
        const { items } = parseMetadataList('organisationUnitGroupSets', {
            pager: { page: 1, total: 1, pageSize: 25, pageCount: 1 },
            organisationUnitGroupSets: [
                {
                    id: 'dmxAeUV9Fax',
                    code: 'OUGS_LMIS_GROUP',
                    displayName: 'LMIS reporting group',
                    organisationUnitGroups: [
                        { id: 'BILXcvESyCC', code: 'LMIS_GROUP_A', displayName: 'LMIS group A' },
                        { id: 'M1BonEHAxjA', displayName: 'LMIS group B' },
                        { displayName: 'no id' },
                    ],
                },
            ],
        })
        expect(items).toEqual([
            {
                id: 'dmxAeUV9Fax',
                type: 'organisationUnitGroupSets',
                name: 'LMIS reporting group',
                code: 'OUGS_LMIS_GROUP',
                dataSets: [],
                periodTypes: [],
                groups: [
                    { id: 'BILXcvESyCC', name: 'LMIS group A', code: 'LMIS_GROUP_A' },
                    { id: 'M1BonEHAxjA', name: 'LMIS group B' },
                ],
            },
        ])
    })
})
