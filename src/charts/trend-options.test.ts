import type {
    SeriesColumnOptions,
    SeriesLineOptions,
    PointOptionsObject,
    XAxisOptions,
    YAxisOptions,
} from 'highcharts'
import i18n from '@dhis2/d2-i18n'
import { vi } from 'vitest'
import { alignValues } from '../domain/periods'
import {
    buildHmisTrendOptions,
    buildLmisTrendOptions,
    shortPeriodNames,
    estimateZones,
    exportFilename,
} from './index'

const XSS = '<img src=x onerror=alert(1)>'
const periods = [
    { id: '202401', name: 'January 2024' },
    { id: '202402', name: 'February 2024' },
    { id: '202403', name: 'March 2024' },
    { id: '202404', name: 'April 2024' },
]
const ids = periods.map((period) => period.id)

const monthly = (values: Record<string, number | null>) =>
    alignValues({
        grain: 'monthly',
        periods: ids,
        values,
        sourcePeriodType: 'MONTHLY',
        kind: 'flow',
    })

const fromQuarters = (values: Record<string, number>, kind: 'flow' | 'level' = 'flow') =>
    alignValues({ grain: 'monthly', periods: ids, values, sourcePeriodType: 'QUARTERLY', kind })

const base = {
    commodityName: 'Oxytocin',
    serviceName: 'Facility deliveries',
    orgUnitName: 'Bo',
    periodLabel: 'Last 12 months',
    grain: 'monthly' as const,
    periods,
    locale: 'en',
}

const serialized = (value: unknown) => JSON.stringify(value)

describe('buildHmisTrendOptions', () => {
    const input = {
        ...base,
        series: [
            {
                id: 'deliveries',
                name: 'Deliveries',
                points: monthly({ '202401': 100, '202402': 0 }),
            },
        ],
        completeness: { name: 'Reporting rate', points: monthly({ '202401': 95, '202402': 80 }) },
    }
    const options = buildHmisTrendOptions(input)

    it('names commodity and service in the title, org unit and period in the subtitle', () => {
        expect(options.title?.text).toBe(
            'Oxytocin \u2194 Facility deliveries – service data (HMIS)'
        )
        expect(options.subtitle?.text).toBe('Bo \u00b7 Last 12 months \u00b7 monthly')
    })

    it('puts one line per HMIS item on the periods, missing values as null', () => {
        const [line] = options.series as SeriesLineOptions[]
        expect(line?.type).toBe('line')
        expect((line?.data as PointOptionsObject[]).map((point) => point.y)).toEqual([
            100,
            0,
            null,
            null,
        ])
        // A category axis named by the points: the drilldown module draws the org units on it
        expect(options.xAxis).toMatchObject({ type: 'category' })
        expect((line?.data as PointOptionsObject[]).map((point) => point.name)).toEqual(
            periods.map((period) => period.name)
        )
    })

    it('makes every point a drill-down point of its period when the view can drill', () => {
        const drillable = buildHmisTrendOptions({ ...input, drillable: true })
        for (const series of drillable.series as SeriesLineOptions[]) {
            expect((series.data as PointOptionsObject[]).map((point) => point.drilldown)).toEqual(
                periods.map((period) => period.id)
            )
        }
        // At a facility (nothing below): no drill-down point
        const [line] = options.series as SeriesLineOptions[]
        expect((line?.data as PointOptionsObject[]).some((point) => point.drilldown)).toBe(false)
    })

    it('shortens the period names in a narrow chart only', () => {
        const axis = options.xAxis as XAxisOptions
        const format = (width: number, value: string) =>
            (axis.labels?.formatter as (this: unknown) => string).call({
                value,
                chart: { chartWidth: width },
            })
        const name = periods[0]?.name ?? ''
        expect(format(900, name)).toBe(name)
        expect(format(400, name).length).toBeLessThanOrEqual(name.length)
        // Names the axis does not know (the drilled org units) stay as they are
        expect(format(400, 'Bo')).toBe('Bo')
    })

    it('draws the reporting rate as a thin line on its own 0–100 % axis', () => {
        const axes = options.yAxis as YAxisOptions[]
        expect(axes[1]).toMatchObject({ id: 'completeness', min: 0, max: 100, opposite: true })
        const completeness = (options.series as SeriesLineOptions[])[1]
        expect(completeness).toMatchObject({ yAxis: 1, lineWidth: 1 })
    })

    it('turns on accessibility and offline exporting, and no HTML', () => {
        expect(options.accessibility?.enabled).toBe(true)
        expect(options.accessibility?.description).toMatch(/Facility deliveries/)
        expect(options.exporting).toMatchObject({
            enabled: true,
            local: true,
            fallbackToExportServer: false,
            filename: 'oxytocin-facility-deliveries-hmis',
        })
        expect(options.credits?.enabled).toBe(false)
        expect(options.title?.useHTML).toBe(false)
        expect(options.tooltip?.useHTML).toBe(false)
        expect(options.legend?.useHTML).toBe(false)
    })
})

describe('buildLmisTrendOptions', () => {
    const options = buildLmisTrendOptions({
        ...base,
        consumption: {
            name: 'Consumption',
            points: fromQuarters({ '2024Q1': 330, '2024Q2': 100 }),
        },
        stockOnHand: { name: 'Stock on hand', points: fromQuarters({ '2024Q1': 500 }, 'level') },
        stockout: { name: 'Stockout days', kind: 'days', points: monthly({ '202401': 2 }) },
        completeness: { name: 'Reporting rate', points: monthly({ '202401': 100 }) },
    })
    const [consumption, stock, stockout, completeness] = options.series as (
        SeriesColumnOptions | SeriesLineOptions
    )[]

    it('names both commodity and service', () => {
        expect(options.title?.text).toBe(
            'Oxytocin \u2194 Facility deliveries – logistics data (LMIS)'
        )
    })

    it('marks estimated consumption columns visibly and explains them in the tooltip', () => {
        expect(consumption?.type).toBe('column')
        const [january] = consumption?.data as PointOptionsObject[]
        expect(january).toMatchObject({
            y: 110,
            dashStyle: 'Dash',
            borderWidth: 2,
            borderColor: '#2e7d32',
            color: 'rgba(46, 125, 50, 0.25)',
            custom: { estimated: true, note: ' \u2014 Estimate – quarterly value ÷ 3' },
            accessibility: { description: 'Estimate – quarterly value ÷ 3' },
        })
        // The value as it is; the tooltip shows it rounded, marked as an estimate
        expect((consumption?.data as PointOptionsObject[])[3]?.y).toBeCloseTo(33.33, 2)
        expect((consumption?.data as PointOptionsObject[])[3]?.custom?.display).toBe('\u2248 33.3')
        expect(options.tooltip?.pointFormat).toContain('{point.custom.display}')
        expect(options.tooltip?.pointFormat).toContain('{point.custom.note}')
        // The caption is in exported images; on screen the card says it
        expect(options.caption).toBeUndefined()
        expect(options.exporting?.chartOptions?.caption?.text).toMatch(
            /estimates – quarterly value ÷ 3/
        )
    })

    it('explains every estimated point, each explanation translated once per chart', () => {
        const t = vi.spyOn(i18n, 't')
        try {
            const built = buildLmisTrendOptions({
                ...base,
                consumption: {
                    name: 'Consumption',
                    points: fromQuarters({ '2024Q1': 330, '2024Q2': 100 }),
                },
            })
            const columns = (built.series as SeriesColumnOptions[])[0]?.data as PointOptionsObject[]
            expect(columns.map((point) => point.custom?.note)).toEqual(
                Array(4).fill(' \u2014 Estimate – quarterly value ÷ 3')
            )
            expect(columns.map((point) => point.accessibility?.description)).toEqual(
                Array(4).fill('Estimate – quarterly value ÷ 3')
            )
            const asked = t.mock.calls.filter(([key]) => key === 'Estimate – quarterly value ÷ 3')
            expect(asked).toHaveLength(1)
        } finally {
            t.mockRestore()
        }
    })

    it('shows quarterly stock on hand on the last month only', () => {
        expect((stock?.data as PointOptionsObject[]).map((point) => point.y)).toEqual([
            null,
            null,
            500,
            null,
        ])
        expect((stock?.data as PointOptionsObject[])[2]?.custom?.estimated).toBe(false)
    })

    it('puts stockouts and completeness on their own axes', () => {
        const axes = options.yAxis as YAxisOptions[]
        expect(axes.map((axis) => axis.id)).toEqual(['quantity', 'stockout', 'completeness'])
        expect(stockout).toMatchObject({ yAxis: 1 })
        expect(completeness).toMatchObject({ yAxis: 2, id: 'reporting-rate' })
        expect((completeness?.data as PointOptionsObject[])[0]?.custom?.display).toBe('100.0%')
        expect(axes[1]?.max).toBeUndefined()
    })

    it('uses a 0–100 % axis for a stockout rate and dashes estimated line segments', () => {
        const rate = buildLmisTrendOptions({
            ...base,
            consumptionStyle: 'line',
            consumption: { name: 'Consumption', points: fromQuarters({ '2024Q1': 30 }) },
            stockout: { name: 'Stocked out', kind: 'rate', points: monthly({ '202401': 12.5 }) },
        })
        const axes = rate.yAxis as YAxisOptions[]
        expect(axes[1]).toMatchObject({ max: 100, labels: { format: '{value}%' } })
        const [line] = rate.series as SeriesLineOptions[]
        expect(line?.type).toBe('line')
        expect(line?.zoneAxis).toBe('x')
        expect(line?.zones?.some((zone) => zone.dashStyle === 'Dash')).toBe(true)
        expect((line?.data as PointOptionsObject[])[0]?.marker).toMatchObject({
            symbol: 'diamond',
            fillColor: '#ffffff',
        })
    })

    it('draws nothing it was not given', () => {
        const empty = buildLmisTrendOptions({ ...base, periods: [] })
        expect(empty.series).toEqual([])
        expect(empty.exporting?.chartOptions?.caption?.text).toBe('')
    })

    it('lists partial quarters in the caption in the quarterly view', () => {
        const quarterly = buildLmisTrendOptions({
            ...base,
            grain: 'quarterly',
            periods: [{ id: '2024Q1', name: 'Jan - Mar 2024' }],
            consumption: {
                name: 'Consumption',
                points: alignValues({
                    grain: 'quarterly',
                    periods: ['2024Q1'],
                    values: { '202401': 5 },
                    sourcePeriodType: 'MONTHLY',
                    kind: 'flow',
                }),
            },
        })
        expect(quarterly.exporting?.chartOptions?.caption?.text).toBe(
            'Consumption – not shown for Jan - Mar 2024 (incomplete – values missing).'
        )
        expect(quarterly.subtitle?.text).toContain('quarterly')
    })
})

describe('names from the server are escaped', () => {
    it('never puts raw markup into the options', () => {
        const hmis = buildHmisTrendOptions({
            ...base,
            commodityName: XSS,
            serviceName: XSS,
            orgUnitName: XSS,
            periodLabel: XSS,
            periods: [{ id: '202401', name: XSS }],
            series: [{ name: XSS, points: monthly({ '202401': 1 }) }],
        })
        const lmis = buildLmisTrendOptions({
            ...base,
            commodityName: XSS,
            serviceName: XSS,
            orgUnitName: XSS,
            periods: [{ id: '202401', name: XSS }],
            consumption: { name: XSS, points: fromQuarters({ '2024Q1': 3 }) },
            stockout: { name: XSS, kind: 'days', points: monthly({}) },
        })
        for (const options of [hmis, lmis]) {
            const text = serialized(options)
            expect(text).not.toContain('<img')
            expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;')
        }
        expect(hmis.title?.text).toBe(
            '&lt;img src=x onerror=alert(1)&gt; \u2194 &lt;img src=x onerror=alert(1)&gt; – service data (HMIS)'
        )
        expect((hmis.series as SeriesLineOptions[])[0]?.name).toBe(
            '&lt;img src=x onerror=alert(1)&gt;'
        )
    })
})

describe('estimateZones', () => {
    const flags = (estimated: boolean[]) =>
        estimated.map((value, index) => ({
            period: String(index),
            value: 1,
            estimated: value,
            partial: false,
            sourcePeriods: [],
            missingPeriods: [],
            reason: null,
        }))

    it('dashes the segments touching estimated points', () => {
        expect(estimateZones(flags([false, false, true, true, false, false]))).toEqual([
            { value: 1 },
            { value: 4, dashStyle: 'Dash' },
            {},
        ])
        expect(estimateZones(flags([false, false]))).toEqual([])
        expect(estimateZones(flags([true, true]))).toEqual([
            { value: 0 },
            { value: 2, dashStyle: 'Dash' },
            {},
        ])
    })
})

describe('exportFilename', () => {
    it('makes a lower-case file name of at most 80 characters from the parts', () => {
        expect(exportFilename('Oxytocin 10 IU', 'Région Côte', 'hmis')).toBe(
            'oxytocin-10-iu-region-cote-hmis'
        )
        expect(exportFilename('—', '***')).toBe('chart')
        expect(exportFilename('x'.repeat(100), 'lmis')).toHaveLength(80)
    })
})

describe('short period names', () => {
    it('cut month names to the shortest prefix no other word shares', () => {
        expect(shortPeriodNames(['December 2025', 'January 2026', 'Q1 2026'])).toEqual([
            'Dec 2025',
            'Jan 2026',
            'Q1 2026',
        ])
        expect(shortPeriodNames(['juin 2025', 'juillet 2025', 'janvier 2026'])).toEqual([
            'juin 2025',
            'juil 2025',
            'jan 2026',
        ])
        expect(shortPeriodNames(['April - June 2024'])).toEqual(['Apr - Jun 2024'])
        expect(shortPeriodNames(['Machi 2025', 'Mei 2025'])).toEqual(['Mac 2025', 'Mei 2025'])
    })
})

describe('the LMIS chart a supply-chain officer reads', () => {
    const rate = (values: Record<string, number | null>) => ({
        id: 'stockoutRate',
        name: 'Facilities stocked out (%)',
        kind: 'rate' as const,
        points: monthly(values),
    })
    it('has two axes: quantity, and one percent axis for the stockout rate and the reporting rates', () => {
        const options = buildLmisTrendOptions({
            ...base,
            consumption: {
                id: 'consumption',
                name: 'Consumption',
                points: monthly({ '202401': 10 }),
            },
            stockout: rate({ '202401': 12.5 }),
            completeness: {
                id: 'c',
                name: 'LMIS reporting rate (%)',
                points: monthly({ '202401': 90 }),
            },
            onTime: {
                id: 't',
                name: 'LMIS reports on time (%)',
                points: monthly({ '202401': 80 }),
            },
        })
        const axes = options.yAxis as YAxisOptions[]
        expect(axes.map((axis) => axis.id)).toEqual(['quantity', 'completeness'])
        expect(axes[1]).toMatchObject({ min: 0, max: 100 })
        const series = options.series as SeriesLineOptions[]
        expect(series.filter((s) => s.yAxis === 1).map((s) => s.id)).toEqual([
            'stockoutRate',
            'reporting-rate',
            'reports-on-time',
        ])
    })
    it('shades the incomplete periods and says so', () => {
        const options = buildLmisTrendOptions({
            ...base,
            consumption: { id: 'consumption', name: 'Consumption', points: monthly({}) },
            incomplete: [2, 3],
        })
        const xAxis = options.xAxis as { plotBands?: { from: number; label?: { text?: string } }[] }
        expect(xAxis.plotBands?.map((band) => band.from)).toEqual([1.5, 2.5])
        expect(xAxis.plotBands?.[0]?.label?.text).toBe('incomplete')
    })
})
