import type { PointOptionsObject, SeriesColumnOptions, YAxisOptions } from 'highcharts'
import {
    buildDrilldownOptions,
    ellipsizeMiddle,
    matchingRules,
    sharedDrilldownOrder,
    shortOrgUnitLabels,
    splitDrilldownValues,
} from './index'

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

    it('has layout rules that name no series (undoing them would remove a level drilled in place)', () => {
        const rules = options.responsive?.rules ?? []
        expect(rules.length).toBeGreaterThan(0)
        expect(rules.filter((rule) => rule.chartOptions?.series !== undefined)).toEqual([])
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
        const [point] = (xss.series as SeriesColumnOptions[])[0]?.data as PointOptionsObject[]
        // The axis label is shortened (then escaped); the tooltip has the full name
        expect(point?.name).toBe('&lt;img src=x o\u2026r=alert(1)&gt;')
        expect(point?.custom?.fullName).toBe('&lt;img src=x onerror=alert(1)&gt;')
    })
})

describe('the drill-down of a pair', () => {
    const hmis = [
        { id: 'a', name: 'District Sanitaire de Bo', value: 10 },
        { id: 'b', name: 'District Sanitaire de Kenema', value: 50 },
        { id: 'c', name: 'District Sanitaire de Kono', value: null },
        { id: 'd', name: 'District Sanitaire de Bombali', value: null },
    ]
    const consumption = [
        { id: 'a', name: 'District Sanitaire de Bo', value: 900, estimated: true },
        {
            id: 'b',
            name: 'District Sanitaire de Kenema',
            value: 209.33333333333334,
            estimated: true,
        },
        { id: 'c', name: 'District Sanitaire de Kono', value: 5 },
        { id: 'd', name: 'District Sanitaire de Bombali', value: null },
    ]
    const order = sharedDrilldownOrder(hmis, consumption)
    const build = (values: typeof consumption, measureName: string) =>
        buildDrilldownOptions({
            commodityName: 'Oxytocin',
            serviceName: 'Deliveries',
            measureName,
            periodName: 'March 2024',
            parentName: 'Sierra Leone',
            values,
            order,
            locale: 'en',
        })
    const points = (options: ReturnType<typeof build>) =>
        (options.series as SeriesColumnOptions[])[0]?.data as PointOptionsObject[]

    it('draws the org units in one order on both sides: by service value, then logistics', () => {
        expect(order).toEqual({ ids: ['b', 'a', 'c'], more: 0, withoutData: 1 })
        const left = points(build(hmis, 'Deliveries'))
        const right = points(build(consumption, 'Consumption'))
        expect(left.map((p) => p.custom?.orgUnitId)).toEqual(['b', 'a', 'c'])
        expect(right.map((p) => p.custom?.orgUnitId)).toEqual(['b', 'a', 'c'])
        // No service value for Kono: no column there, but the same place
        expect(left[2]?.y).toBeNull()
        expect(left[2]?.custom?.display).toBe('no data')
        expect(sharedDrilldownOrder(hmis, consumption, 2)).toMatchObject({ more: 1 })
    })

    it('marks estimates as the trend does: pale, dashed, ≈ and "estimate" in the tooltip', () => {
        const options = build(consumption, 'Consumption')
        const [kenema] = points(options)
        expect(kenema).toMatchObject({
            y: 209.33333333333334,
            dashStyle: 'Dash',
            borderWidth: 2,
            color: 'rgba(21, 101, 192, 0.25)',
            custom: {
                display: '\u2248 209.3',
                note: ' \u2014 Estimate – quarterly value ÷ 3',
                estimated: true,
            },
        })
        expect(options.tooltip?.pointFormat).toBe(
            '{series.name}: <b>{point.custom.display}</b>{point.custom.note}'
        )
        expect(options.tooltip?.headerFormat).toContain('{point.custom.fullName}')
        expect(options.exporting?.chartOptions?.caption?.text).toMatch(/estimates/)
    })

    it('labels the org units without the words all of them share', () => {
        const labels = points(build(hmis, 'Deliveries')).map((p) => p.name)
        expect(labels).toEqual(['Kenema', 'Bo', 'Kono'])
        // Names that do not fit go vertical, in a narrow chart too (never out on the left)
        const options = build(hmis, 'Deliveries')
        expect(options.xAxis).toMatchObject({ labels: { autoRotation: [-90] } })
        const [narrow] = matchingRules(options.responsive?.rules ?? [], 400, 400)
        expect(narrow?.chartOptions?.xAxis).toMatchObject({ labels: { autoRotation: [-90] } })
        expect(points(build(hmis, 'Deliveries'))[0]?.custom?.fullName).toBe(
            'District Sanitaire de Kenema'
        )
    })
})

describe('short org unit labels', () => {
    it('leaves out a shared prefix or suffix at word boundaries', () => {
        expect(
            shortOrgUnitLabels(['District Sanitaire de Bo', 'District Sanitaire de Kono'])
        ).toEqual(['Bo', 'Kono'])
        expect(shortOrgUnitLabels(['Bo Health Centre', 'Kakua Health Centre'])).toEqual([
            'Bo',
            'Kakua',
        ])
        // Not inside a word: "Bombali" and "Bo" share "Bo" but not a word
        expect(shortOrgUnitLabels(['Bombali', 'Bo'])).toEqual(['Bombali', 'Bo'])
        // Nothing is left empty
        expect(shortOrgUnitLabels(['Bo', 'Bo Town'])).toEqual(['Bo', 'Bo Town'])
        // One org unit: shortened in the middle only
        expect(shortOrgUnitLabels(['District Sanitaire de Bo'], 18)).toEqual([
            'District\u2026re de Bo',
        ])
        expect(shortOrgUnitLabels(['District Sanitaire de Bo'])).toEqual([
            'District Sanitaire de Bo',
        ])
    })

    it('shortens long names in the middle', () => {
        expect(ellipsizeMiddle('Kakua Chiefdom Community Health Centre', 18)).toBe(
            'Kakua Chi\u2026h Centre'
        )
        expect(ellipsizeMiddle('Bo', 18)).toBe('Bo')
        expect(
            shortOrgUnitLabels([
                'CHC Ngelehun Community Health Centre Main',
                'CHC Kakua Community Health Centre Main',
            ])
        ).toEqual(['Ngelehun', 'Kakua'])
    })
})
