import { parseAnalyticsResponse } from '../../api/analytics'
import {
    alignDashboardPeriods,
    alignedPeriodText,
    periodResolutionQuery,
    resolvedPeriodsOf,
} from './period-filter'

/** A metadata-only response as DHIS2 gives it (`skipData=true&includeMetadataDetails=true`) */
const response = (periods: { id: string; name: string; start: string; end: string }[]) =>
    parseAnalyticsResponse({
        headers: [
            { name: 'pe', column: 'Period', valueType: 'TEXT', type: 'java.lang.String' },
            { name: 'value', column: 'Value', valueType: 'NUMBER', type: 'java.lang.Double' },
        ],
        rows: [],
        width: 0,
        height: 0,
        metaData: {
            items: Object.fromEntries(
                periods.map((p) => [
                    p.id,
                    {
                        uid: p.id,
                        code: p.id,
                        name: p.name,
                        dimensionItemType: 'PERIOD',
                        valueType: 'TEXT',
                        totalAggregationType: 'SUM',
                        startDate: `${p.start}T00:00:00.000`,
                        endDate: `${p.end}T00:00:00.000`,
                    },
                ])
            ),
            dimensions: { pe: periods.map((p) => p.id) },
        },
    })

describe('dashboard periods the view has no choice for', () => {
    it('asks DHIS2 analytics to resolve them, metadata only', () => {
        expect(periodResolutionQuery(['LAST_12_WEEKS', '2024July', 'LAST_12_WEEKS'])).toEqual({
            resource: 'analytics',
            params: {
                dimension: ['pe:LAST_12_WEEKS;2024July'],
                displayProperty: 'NAME',
                skipData: true,
                includeMetadataDetails: true,
            },
        })
    })

    it('shows a week of monthly data as the months containing it, and says it is finer', () => {
        const periods = resolvedPeriodsOf(
            response([{ id: '2024W5', name: 'W5 2024', start: '2024-01-29', end: '2024-02-04' }])
        )
        expect(periods).toEqual([
            { id: '2024W5', name: 'W5 2024', startDate: '2024-01-29', endDate: '2024-02-04' },
        ])
        const alignment = alignDashboardPeriods(periods)
        expect(alignment).toEqual({
            selection: '202401_202402',
            startDate: '2024-01-29',
            endDate: '2024-02-04',
            finer: true,
        })
        const text = alignedPeriodText({
            filterLabel: 'W5 2024',
            periods,
            alignment: alignment!,
            grain: 'monthly',
            shownLabel: 'January 2024 to February 2024',
        })
        expect(text).toContain('shorter than a month')
        expect(text).toContain('January 2024 to February 2024')
        expect(text).toContain('2024-01-29 to 2024-02-04')
        expect(text).toContain('“W5 2024” (2024-01-29 to 2024-02-04)')
        // A relative period: DHIS2's names of its periods too
        const relative = alignedPeriodText({
            filterLabel: 'Last week',
            periods,
            alignment: alignment!,
            grain: 'monthly',
            shownLabel: 'January 2024 to February 2024',
        })
        expect(relative).toContain('“Last week” (W5 2024, 2024-01-29 to 2024-02-04)')
    })

    it('shows a day, a bi-month, a financial year by the months covering them', () => {
        const align = (id: string, start: string, end: string) =>
            alignDashboardPeriods(resolvedPeriodsOf(response([{ id, name: id, start, end }])))
        expect(align('20240105', '2024-01-05', '2024-01-05')).toMatchObject({
            selection: '202401_202401',
            finer: true,
        })
        expect(align('202401B', '2024-01-01', '2024-02-29')).toMatchObject({
            selection: '202401_202402',
            finer: false,
        })
        expect(align('2024July', '2024-07-01', '2025-06-30')).toMatchObject({
            selection: '202407_202506',
            finer: false,
        })
        expect(align('2024Oct', '2024-10-01', '2025-09-30')?.selection).toBe('202410_202509')
        expect(align('2024Nov', '2024-11-01', '2025-10-31')?.selection).toBe('202411_202510')
        expect(align('2024April', '2024-04-01', '2025-03-31')?.selection).toBe('202404_202503')
        expect(align('2024S2', '2024-07-01', '2024-12-31')?.selection).toBe('202407_202412')
    })

    it('spans several periods, in any order, first start to last end', () => {
        const periods = resolvedPeriodsOf(
            response([
                { id: '2024W10', name: 'W10 2024', start: '2024-03-04', end: '2024-03-10' },
                { id: '2023W52', name: 'W52 2023', start: '2023-12-25', end: '2023-12-31' },
            ])
        )
        expect(alignDashboardPeriods(periods)?.selection).toBe('202312_202403')
        expect(alignDashboardPeriods([])).toBeNull()
    })

    it('reads the periods of a recorded DHIS2 response (weekly, with start and end dates)', async () => {
        const { readFileSync } = await import('node:fs')
        const { fileURLToPath } = await import('node:url')
        const dir = fileURLToPath(
            new URL('../../../../shared/fixtures/dhis2/analytics/', import.meta.url)
        )
        const data = JSON.parse(readFileSync(`${dir}weeklyColumns.data.json`, 'utf8')) as object
        const meta = JSON.parse(readFileSync(`${dir}weeklyColumns.metadata.json`, 'utf8')) as {
            metaData: object
        }
        const periods = resolvedPeriodsOf(parseAnalyticsResponse({ ...data, ...meta }))
        expect(periods.length).toBeGreaterThan(50)
        expect(periods.find((p) => p.id === '2020W10')).toEqual({
            id: '2020W10',
            name: 'W10 2020',
            startDate: '2020-03-02',
            endDate: '2020-03-08',
        })
        // 2018W1 (starts Monday 2018-01-01) … 2020W10 (ends 2020-03-08)
        expect(alignDashboardPeriods(periods)).toMatchObject({
            selection: '201801_202003',
            finer: true,
        })
    })
})
