/**
 * A tiny hand-made country for tests of the platform server: one nation, two regions, three
 * facilities, one data element, one data set and two months of values. It satisfies `DemoDb`
 * without running the generator.
 */
import type { DemoDb, OrgUnit, StoredPeriod } from '../data/model'

const ou = (
    index: number,
    id: string,
    name: string,
    level: number,
    parent: OrgUnit | null,
    childIds: string[]
): OrgUnit => ({
    id,
    code: name.toUpperCase().replace(/\s+/g, '_'),
    name,
    shortName: name,
    level,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? ''}/${id}`,
    openingDate: '1994-01-01T00:00:00.000',
    childIds,
    index,
})

export const TINY_ROOT_ID = 'TinyRoot001'
export const TINY_REGION_A_ID = 'TinyRegionA'
export const TINY_REGION_B_ID = 'TinyRegionB'

export const createTinyDb = (): DemoDb => {
    const root = ou(0, TINY_ROOT_ID, 'Tinyland', 1, null, [TINY_REGION_A_ID, TINY_REGION_B_ID])
    const regionA = ou(1, TINY_REGION_A_ID, 'North Region', 2, root, ['TinyFacA001', 'TinyFacA002'])
    const regionB = ou(2, TINY_REGION_B_ID, 'South Region', 2, root, ['TinyFacB001'])
    const facilities = [
        ou(3, 'TinyFacA001', 'North Health Centre', 3, regionA, []),
        ou(4, 'TinyFacA002', 'North Hospital', 3, regionA, []),
        ou(5, 'TinyFacB001', 'South Health Post', 3, regionB, []),
    ]
    const orgUnits = [root, regionA, regionB, ...facilities]
    const months: StoredPeriod[] = [
        { id: '202401', periodType: 'Monthly', startDate: '2024-01-01', endDate: '2024-01-31' },
        { id: '202402', periodType: 'Monthly', startDate: '2024-02-01', endDate: '2024-02-29' },
    ]
    const coc = {
        id: 'HllvX50cXC0',
        code: 'default',
        name: 'default',
        categoryComboId: 'bjDvmb4bfuf',
        categoryOptionIds: ['xYerKDKCefk'],
    }
    return {
        seed: 1,
        orgUnits,
        orgUnitById: new Map(orgUnits.map((o) => [o.id, o])),
        orgUnitLevels: [
            { id: 'TinyLevel01', name: 'National', level: 1 },
            { id: 'TinyLevel02', name: 'Region', level: 2 },
            { id: 'TinyLevel03', name: 'Facility', level: 3 },
        ],
        facilities,
        facilitySlot: new Map(facilities.map((f, i) => [f.id, i])),
        categoryOptions: [{ id: 'xYerKDKCefk', code: 'default', name: 'default' }],
        categories: [
            {
                id: 'GLevLNI9wkl',
                code: 'default',
                name: 'default',
                categoryOptionIds: ['xYerKDKCefk'],
            },
        ],
        categoryCombos: [
            {
                id: 'bjDvmb4bfuf',
                code: 'default',
                name: 'default',
                isDefault: true,
                categoryIds: ['GLevLNI9wkl'],
                categoryOptionComboIds: [coc.id],
            },
        ],
        categoryOptionCombos: [coc],
        dataElements: [
            {
                id: 'TinyDeAmox1',
                code: 'AMOX_CONS',
                name: 'Amoxicillin consumed',
                shortName: 'Amoxicillin consumed',
                valueType: 'INTEGER_ZERO_OR_POSITIVE',
                aggregationType: 'SUM',
                domainType: 'AGGREGATE',
                categoryComboId: 'bjDvmb4bfuf',
                zeroIsSignificant: true,
            },
        ],
        indicatorTypes: [],
        indicators: [],
        dataSets: [
            {
                id: 'TinyDsLmis1',
                code: 'LMIS',
                name: 'LMIS monthly',
                shortName: 'LMIS monthly',
                periodType: 'Monthly',
                dataElementIds: ['TinyDeAmox1'],
                orgUnitIds: facilities.map((f) => f.id),
                timelyDays: 15,
            },
        ],
        periodsByType: { Monthly: months, Quarterly: [], Yearly: [] },
        series: new Map([
            [
                `TinyDeAmox1.${coc.id}`,
                {
                    dataElementId: 'TinyDeAmox1',
                    categoryOptionComboId: coc.id,
                    periodType: 'Monthly' as const,
                    values: Float64Array.from([10, 12, 5, Number.NaN, 7, 8]),
                },
            ],
        ]),
        registrations: new Map([
            [
                'TinyDsLmis1',
                {
                    dataSetId: 'TinyDsLmis1',
                    periodType: 'Monthly' as const,
                    registrations: Uint8Array.from([1, 1, 2, 0, 1, 1]),
                },
            ],
        ]),
    }
}
