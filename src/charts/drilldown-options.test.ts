import type { PointOptionsObject, SeriesColumnOptions, YAxisOptions } from 'highcharts'
import { buildDrilldownOptions, splitDrilldownValues } from './index'

const values = [
    { id: 'a', name: 'Bo', value: 10 },
    { id: 'b', name: 'Kenema', value: 50 },
    { id: 'c', name: 'Bombali', value: null },
    { id: 'd', name: 'Kono', value: 0 },
    { id: 'e', name: 'Port Loko', value: 50 },
    { id: 'f', name: 'Moyamba', value: 7 },
]

describe('splitDrilldownValues', () => {
    it('sorts descending (ties by name), keeps the top N and counts the rest', () => {
        const split = splitDrilldownValues(values, 3)
        expect(split.shown.map((entry) => entry.id)).toEqual(['b', 'e', 'a'])
        expect(split.more).toBe(2)
        expect(split.withoutData).toBe(1)
        expect(splitDrilldownValues([], 3)).toEqual({ shown: [], more: 0, withoutData: 0 })
        expect(splitDrilldownValues(values).more).toBe(0)
    })
})

describe('buildDrilldownOptions', () => {
    const options = buildDrilldownOptions({
        commodityName: 'Oxytocin',
        serviceName: 'Facility deliveries',
        measureName: 'Consumption',
        periodName: 'March 2024',
        parentName: 'Sierra Leone',
        values,
        top: 3,
        highlightId: 'e',
    })
    const [series] = options.series as SeriesColumnOptions[]
    const data = series?.data as PointOptionsObject[]

    it('draws the top N columns in descending order', () => {
        expect(data.map((point) => [point.name, point.y])).toEqual([
            ['Kenema', 50],
            ['Port Loko', 50],
            ['Bo', 10],
        ])
        expect(data[0]?.custom?.orgUnitId).toBe('b')
    })

    it('reports the rest as "N more in the table" and names commodity and service', () => {
        expect(options.subtitle?.text).toBe(
            'Sierra Leone \u00b7 2 more in the table \u00b7 1 without data'
        )
        expect(options.title?.text).toBe(
            'Oxytocin \u2194 Facility deliveries – Consumption in March 2024'
        )
    })

    it('highlights an org unit by colour and border', () => {
        expect(data[1]).toMatchObject({ color: '#ef6c00', borderWidth: 2 })
    })

    it('keeps accessibility and offline exporting on', () => {
        expect(options.accessibility?.enabled).toBe(true)
        expect(options.exporting).toMatchObject({ local: true, fallbackToExportServer: false })
    })

    it('uses a 0–100 % axis for percentages', () => {
        const percent = buildDrilldownOptions({
            commodityName: 'ORS',
            serviceName: 'Diarrhoea',
            measureName: 'Stockout rate',
            periodName: '2024Q1',
            parentName: 'Bo',
            values: [],
            unit: 'percent',
        })
        expect(percent.yAxis as YAxisOptions).toMatchObject({ min: 0, max: 100 })
        expect(percent.subtitle?.text).toBe('Bo')
    })

    it('escapes org unit names', () => {
        const xss = buildDrilldownOptions({
            commodityName: '<b>x</b>',
            serviceName: 's',
            measureName: '<script>',
            periodName: 'p',
            parentName: '<img src=x onerror=alert(1)>',
            values: [{ id: 'x', name: '<img src=x onerror=alert(1)>', value: 1 }],
        })
        const text = JSON.stringify(xss)
        expect(text).not.toMatch(/<img|<script|<b>x/)
        expect(
            ((xss.series as SeriesColumnOptions[])[0]?.data as PointOptionsObject[])[0]?.name
        ).toBe('&lt;img src=x onerror=alert(1)&gt;')
    })
})
