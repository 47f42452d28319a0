// @vitest-environment jsdom
/**
 * Drill-down in place, in a chart drawn by Highcharts (jsdom): down and up with the drilldown
 * module, the same chart kept, titles, axes and layout rules going with each level.
 */
import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import 'highcharts/modules/drilldown'
import { alignValues } from '../../domain/periods'
import { buildDrilldownLevel, buildHmisTrendOptions } from '../../charts'
import { shownDrillKey, syncChartDrill } from './chart-drill'

const periods = [
    { id: '202401', name: 'January 2024' },
    { id: '202402', name: 'February 2024' },
    { id: '202403', name: 'March 2024' },
]

const trend = () =>
    buildHmisTrendOptions({
        commodityName: 'Oxytocin',
        serviceName: 'Deliveries',
        orgUnitName: 'Country',
        grain: 'monthly',
        periods,
        drillable: true,
        incomplete: [2],
        series: [
            {
                id: 'deliveries',
                name: 'Deliveries',
                points: alignValues({
                    grain: 'monthly',
                    periods: periods.map((p) => p.id),
                    values: { '202401': 10, '202402': 20, '202403': 5 },
                    sourcePeriodType: 'MONTHLY',
                    kind: 'flow',
                }),
            },
        ],
        completeness: {
            name: 'Reporting rate',
            points: alignValues({
                grain: 'monthly',
                periods: periods.map((p) => p.id),
                values: { '202401': 90, '202402': 95, '202403': 40 },
                sourcePeriodType: 'MONTHLY',
                kind: 'flow',
            }),
        },
    })

const level = (parentName: string, ids: string[]) =>
    buildDrilldownLevel({
        commodityName: 'Oxytocin',
        serviceName: 'Deliveries',
        measureName: 'Deliveries',
        periodName: 'February 2024',
        parentName,
        values: ids.map((id, index) => ({
            id,
            name: `Unit ${id}`,
            value: 10 * (index + 1),
            estimated: index === 0,
        })),
        drillable: true,
    })

const titleOf = (container: HTMLElement) =>
    container.querySelector('.highcharts-title')?.textContent ?? ''

describe('drilling a chart in place', () => {
    afterEach(() => {
        document.body.innerHTML = ''
    })

    it('goes down a level and up again, keeping the chart and what the trend showed', () => {
        const container = document.createElement('div')
        container.style.width = '700px'
        document.body.appendChild(container)
        const chart = Highcharts.chart(container, {
            ...trend(),
            chart: { width: 700, height: 400 },
        })
        const root = container.querySelector('.highcharts-root')
        expect(syncChartDrill(chart, '', { key: '', level: null })).toBe('done')
        expect(shownDrillKey(chart)).toBe('')

        const regions = level('Country', ['R1', 'R2'])
        expect(syncChartDrill(chart, '', { key: '202402', level: regions })).toBe('done')
        expect(shownDrillKey(chart)).toBe('202402')
        expect(chart.series.map((s) => s.options.id)).toEqual(['values'])
        expect(chart.series[0]?.points.map((p) => p.name)).toEqual(['R2', 'R1'])
        // On the x axis: the org units, not the periods
        const labels = () => container.querySelector('.highcharts-xaxis-labels')?.textContent ?? ''
        expect(labels()).toContain('R2')
        expect(labels()).not.toContain('2024')
        expect(titleOf(container)).toMatch(/Deliveries in February 2024/)
        expect(chart.yAxis[1]?.options.visible).toBe(false)
        expect(chart.xAxis[0]?.options.plotBands ?? []).toEqual([])
        // The estimate: pale with a dashed border
        const estimate = chart.series[0]?.points.find((p) => p.options.custom?.estimated)
        expect(estimate?.options).toMatchObject({ dashStyle: 'Dash', borderWidth: 2 })
        expect(container.querySelector('.highcharts-root')).toBe(root)

        // One level further: the region's districts
        const districts = level('R2', ['D1', 'D2', 'D3'])
        expect(syncChartDrill(chart, '', { key: '202402/R2', level: districts })).toBe('done')
        expect(chart.series[0]?.points).toHaveLength(3)

        // Back to the trend in one go
        expect(syncChartDrill(chart, '', { key: '', level: null })).toBe('done')
        expect(shownDrillKey(chart)).toBe('')
        expect(chart.series.map((s) => s.options.id)).toEqual(['deliveries', 'reporting-rate'])
        expect(titleOf(container)).toMatch(/service data \(HMIS\)/)
        expect(chart.yAxis[1]?.options.visible).not.toBe(false)
        expect(chart.xAxis[0]?.options.plotBands).toHaveLength(1)
        expect(container.querySelector('.highcharts-xaxis-labels')?.textContent).toContain(
            'January 2024'
        )
        expect(container.querySelector('.highcharts-root')).toBe(root)
        chart.destroy()
    })

    it('asks for a new chart for what it cannot reach in place', () => {
        const container = document.createElement('div')
        document.body.appendChild(container)
        const chart = Highcharts.chart(container, {
            ...trend(),
            chart: { width: 700, height: 400 },
        })
        // Two levels at once (a shared link): drawn anew
        expect(syncChartDrill(chart, '', { key: '202402/R2', level: level('R2', ['D1']) })).toBe(
            'recreate'
        )
        expect(shownDrillKey(chart)).toBe('')
        chart.destroy()
    })
})
