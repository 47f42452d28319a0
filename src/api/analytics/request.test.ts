import type { Pair } from '../../domain/config'
import {
    analyticsKeys,
    buildAnalyticsQuery,
    buildDrilldownQuery,
    buildFacilityStockQuery,
    buildTriangulationQueries,
    needsNumDen,
    orgUnitItems,
    reportingRateItems,
} from './index'

const pair = (id: string, overrides: Partial<Pair> = {}): Pair => ({
    id,
    name: id,
    commodity: { name: id },
    hmis: {
        items: [{ id: `H${id.padEnd(10, 'x')}`, kind: 'DATA_ELEMENT' }],
        dataSet: 'HmisDataSet',
    },
    lmis: {
        consumption: `C${id.padEnd(10, 'x')}`,
        stockOnHand: `S${id.padEnd(10, 'x')}`,
        dataSet: 'LmisDataSet',
    },
    ...overrides,
})

const months = ['202401', '202402', '202403']

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
})

describe('buildTriangulationQueries', () => {
    it('uses the same number of requests for 1 pair and for 40 pairs', () => {
        const one = buildTriangulationQueries({ pairs: [pair('a')], orgUnit: 'ROOT', months })
        const many = buildTriangulationQueries({
            pairs: Array.from({ length: 40 }, (_, i) => pair(`p${i}`)),
            orgUnit: 'ROOT',
            months,
        })
        expect(Object.keys(one)).toEqual(['values', 'reporting'])
        expect(Object.keys(many)).toEqual(['values', 'reporting'])
        expect(many.values?.params.dimension[0]?.split(';')).toHaveLength(120)
        expect(many.reporting?.params.dimension[0]).toBe(
            'dx:' + reportingRateItems(['HmisDataSet', 'LmisDataSet']).sort().join(';')
        )
    })

    it('asks for quarterly LMIS over quarters, in separate requests', () => {
        const queries = buildTriangulationQueries({
            pairs: [pair('a'), pair('b')],
            orgUnit: 'ROOT',
            months,
            quarters: ['2024Q1'],
            lmisPeriodTypes: { b: 'QUARTERLY' },
        })
        expect(queries.values?.params.dimension).toEqual([
            'dx:Caxxxxxxxxx;Haxxxxxxxxx;Hbxxxxxxxxx;Saxxxxxxxxx',
            'pe:202401;202402;202403',
            'ou:ROOT',
        ])
        expect(queries.quarterlyValues?.params.dimension).toEqual([
            'dx:Cbxxxxxxxxx;Sbxxxxxxxxx',
            'pe:2024Q1',
            'ou:ROOT',
        ])
        expect(queries.quarterlyReporting?.params.dimension[0]).toContain(
            'LmisDataSet.REPORTING_RATE'
        )
        expect(queries.values?.params.includeNumDen).toBeUndefined()
    })

    it('needs the quarters when some LMIS is quarterly', () => {
        expect(() =>
            buildTriangulationQueries({
                pairs: [pair('a')],
                orgUnit: 'ROOT',
                months,
                lmisPeriodTypes: { a: 'QUARTERLY' },
            })
        ).toThrow(RangeError)
    })

    it('gives no query without pairs or periods', () => {
        expect(buildTriangulationQueries({ pairs: [], orgUnit: 'ROOT', months })).toEqual({})
        expect(
            buildTriangulationQueries({ pairs: [pair('a')], orgUnit: 'ROOT', months: [] })
        ).toEqual({})
    })

    it('asks for numerators and denominators when an HMIS item may be an indicator', () => {
        const indicatorPair = pair('i', { hmis: { items: [{ id: 'Iixxxxxxxxx' }] } })
        expect(needsNumDen([pair('a')])).toBe(false)
        expect(needsNumDen([pair('a'), indicatorPair])).toBe(true)
        expect(
            buildTriangulationQueries({ pairs: [indicatorPair], orgUnit: 'ROOT', months }).values
                ?.params.includeNumDen
        ).toBe(true)
    })
})

describe('buildDrilldownQuery', () => {
    it('asks for one period over the children of an org unit', () => {
        const query = buildDrilldownQuery({
            pairs: [pair('a')],
            parent: 'O6uvpzGd5pu',
            childLevel: 3,
            period: '202402',
            includeReportingRates: true,
        })
        expect(query.params.dimension[1]).toBe('pe:202402')
        expect(query.params.dimension[2]).toBe('ou:O6uvpzGd5pu;LEVEL-3')
        expect(query.params.dimension[0]).toContain('HmisDataSet.EXPECTED_REPORTS')
        expect(query.params.hierarchyMeta).toBe(true)
    })
})

describe('buildFacilityStockQuery', () => {
    it('asks for stock on hand and stockout days at the facility level', () => {
        const query = buildFacilityStockQuery({
            pairs: [
                pair('a', { lmis: { stockOnHand: 'Saxxxxxxxxx', stockoutDays: 'Daxxxxxxxxx' } }),
            ],
            parent: 'ROOT',
            facilityLevel: 4,
            periods: ['202401'],
        })
        expect(query?.params.dimension).toEqual([
            'dx:Daxxxxxxxxx;Saxxxxxxxxx',
            'pe:202401',
            'ou:ROOT;LEVEL-4',
        ])
        expect(
            buildFacilityStockQuery({
                pairs: [pair('a', { lmis: { consumption: 'Caxxxxxxxxx' } })],
                parent: 'ROOT',
                facilityLevel: 4,
                periods: ['202401'],
            })
        ).toBeNull()
    })
})

describe('analyticsKeys', () => {
    it('keys queries by their parameters', () => {
        const query = buildAnalyticsQuery({ dx: ['a'], pe: ['202401'], ou: { id: 'X' } })
        expect(analyticsKeys.query(query)).toEqual(['analytics', query.params])
    })
})
