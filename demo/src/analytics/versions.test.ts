/**
 * What differs between DHIS2 releases in analytics answers, as the demo gives it per
 * `--dhis2-version` (dhis2-core `ErrorCode.java`, `DimensionalObjectProducer`, `MetadataItem` at
 * the release tags): E7143 for an org unit dimension without valid org units (2.40.1+; before
 * E7124), E7611 for an invalid period (2.41.1+; before, dropped), `valueType: TEXT` for periods and
 * org units in metadata details (2.40.4+, 2.41.1+); and periods of every type.
 */
import { describe, expect, it } from 'vitest'
import { AnalyticsError } from './errors'
import { DemoAnalytics } from './index'
import { ADMIN, buildFixtureDb, FX } from './testing/fixture'

const db = buildFixtureDb()
const at = (dhis2Version: string) =>
    new DemoAnalytics(db, { now: () => new Date(2025, 0, 10), dhis2Version })

const outcome = (version: string, query: string) =>
    at(version).run(new URLSearchParams(query), ADMIN)

const errorOf = (version: string, query: string): { code: string; message: string } | null => {
    const result = outcome(version, query)
    if (result.ok) return null
    const { error } = result
    return {
        code: error instanceof AnalyticsError ? error.errorCode : 'none',
        message: error.message,
    }
}

describe('analytics answers per DHIS2 release', () => {
    it('an unknown org unit or level: E7143 from 2.40.1, E7124 before', () => {
        const query = `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:LEVEL-9`
        for (const version of ['2.40.1', '2.40.7', '2.41.0', '2.41.3', '2.41.4', '2.42.3']) {
            expect(errorOf(version, query)).toEqual({
                code: 'E7143',
                message: 'Organisation unit or organisation unit level is not valid',
            })
        }
        for (const version of ['2.39.10', '2.40.0']) {
            expect(errorOf(version, query)).toEqual({
                code: 'E7124',
                message: 'Dimension is present in query without any valid dimension options: `ou`',
            })
        }
        expect(errorOf('2.41.4', `${query.replace('LEVEL-9', 'Nowhere0001')}`)?.code).toBe('E7143')
    })

    it('an invalid period: E7611 from 2.41.1; dropped before (E7104 when none is left)', () => {
        const query = `dimension=dx:${FX.deSum}&dimension=pe:2024W99&dimension=ou:${FX.root}`
        for (const version of ['2.41.1', '2.41.4', '2.42.3']) {
            expect(errorOf(version, query)).toEqual({
                code: 'E7611',
                message: 'Period not valid: `2024W99`',
            })
        }
        for (const version of ['2.40.7', '2.41.0']) {
            expect(errorOf(version, query)?.code).toBe('E7104')
            // With a valid period too: the invalid one is dropped, the query answered
            expect(outcome(version, query.replace('pe:2024W99', 'pe:2024W99;2024')).ok).toBe(true)
        }
    })

    it('periods and org units are TEXT in metadata details from 2.40.4 / 2.41.1', () => {
        const query = `dimension=dx:${FX.deSum}&dimension=pe:2024W5&filter=ou:${FX.root}&includeMetadataDetails=true&skipData=true`
        const items = (version: string) => {
            const result = outcome(version, query)
            if (!result.ok) throw result.error
            return (
                JSON.parse(result.body.toString('utf8')) as {
                    metaData: { items: Record<string, { valueType?: string; startDate?: string }> }
                }
            ).metaData.items
        }
        expect(items('2.41.4')['2024W5']).toMatchObject({
            valueType: 'TEXT',
            startDate: '2024-01-29T00:00:00.000',
        })
        expect(items('2.41.4')[FX.root]?.valueType).toBe('TEXT')
        expect(items('2.41.0')['2024W5']?.valueType).toBe('NUMBER')
        expect(items('2.40.3')[FX.root]?.valueType).toBe('NUMBER')
        expect(items('2.40.4')[FX.root]?.valueType).toBe('TEXT')
    })
})

describe('periods of every type on monthly data (PeriodType.getPeriodTypePeriods)', () => {
    const run = (pe: string, de: string = FX.deSum) => {
        const result = outcome(
            '2.41.4',
            `dimension=dx:${de}&dimension=pe:${pe}&filter=ou:${FX.root}&skipRounding=true`
        )
        if (!result.ok) throw result.error
        return new Map(result.rows().map((r) => [r[1] as string, Number(r[2])]))
    }

    it('a week or a day of monthly SUM data has no value; a bi-month or financial year sums its months', () => {
        const months = run(
            '202401;202402;202403;202404;202405;202406;202407;202408;202409;202410;202411;202412'
        )
        expect(run('2024W5').size).toBe(0)
        expect(run('20240105').size).toBe(0)
        const biMonth = run('202401B').get('202401B')
        expect(biMonth).toBeCloseTo((months.get('202401') ?? 0) + (months.get('202402') ?? 0), 6)
        const fy = run('2023Oct').get('2023Oct')
        const janToSep = [...months].filter(([pe]) => pe <= '202409').reduce((a, [, v]) => a + v, 0)
        const octToDec = run('202310;202311;202312')
        const prior = [...octToDec.values()].reduce((a, v) => a + v, 0)
        expect(fy).toBeCloseTo(janToSep + prior, 6)
    })

    it('a week of monthly AVERAGE data takes the month containing its start (disaggregation)', () => {
        const week = run('2024W5', FX.deAverage).get('2024W5')
        const january = run('202401', FX.deAverage).get('202401')
        expect(week).toBeDefined()
        expect(week).toBeCloseTo(january as number, 6)
    })
})

describe('financial relative periods follow the system setting analyticsFinancialYearStart', () => {
    it('July: LAST_FINANCIAL_YEAR is the July year before the current one', () => {
        const run = (start: string | null) =>
            new DemoAnalytics(db, {
                now: () => new Date(2025, 0, 10),
                financialYearStart: () => start,
            }).run(
                new URLSearchParams(
                    `dimension=dx:${FX.deSum}&dimension=pe:LAST_FINANCIAL_YEAR&filter=ou:${FX.root}&skipData=true`
                ),
                ADMIN
            )
        const periodsOf = (start: string | null) => {
            const result = run(start)
            if (!result.ok) throw result.error
            return (
                JSON.parse(result.body.toString('utf8')) as {
                    metaData: { dimensions: { pe: string[] } }
                }
            ).metaData.dimensions.pe
        }
        expect(periodsOf('FINANCIAL_YEAR_JULY')).toEqual(['2023July'])
        expect(periodsOf('FINANCIAL_YEAR_APRIL')).toEqual(['2023April'])
        expect(periodsOf(null)).toEqual(['2023Oct'])
    })
})

describe('indicator details', () => {
    it('carry the indicator type (MetadataItem.setDataItem, IndicatorTypeSerializer)', () => {
        const result = outcome(
            '2.41.4',
            `dimension=dx:${FX.indRate}&dimension=pe:2024&filter=ou:${FX.root}&includeMetadataDetails=true&skipData=true`
        )
        if (!result.ok) throw result.error
        const items = (
            JSON.parse(result.body.toString('utf8')) as {
                metaData: { items: Record<string, { indicatorType?: Record<string, unknown> }> }
            }
        ).metaData.items
        expect(Object.keys(items[FX.indRate]?.indicatorType ?? {})).toEqual([
            'name',
            'displayName',
            'factor',
            'number',
        ])
    })
})
