// @vitest-environment jsdom
/**
 * Renders the options with Highcharts (in jsdom) to check what users see: names with markup are
 * shown as written, in titles, axis labels, legends, tooltips and the accessible description,
 * and no element is created from them.
 */
import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
import { alignValues } from '../domain/periods'
import { buildDrilldownOptions, buildLmisTrendOptions } from './index'

const XSS = '<img src=x onerror=alert(1)>'

const render = (options: Highcharts.Options) => {
    const container = document.createElement('div')
    document.body.appendChild(container)
    return { chart: Highcharts.chart(container, options), container }
}

describe('rendered charts', () => {
    afterEach(() => {
        document.body.innerHTML = ''
    })

    it('show names from the server as text, never as markup', () => {
        const { chart, container } = render(
            buildLmisTrendOptions({
                commodityName: XSS,
                serviceName: 'ORS & zinc',
                orgUnitName: XSS,
                grain: 'monthly',
                periods: [
                    { id: '202401', name: XSS },
                    { id: '202402', name: 'February 2024' },
                ],
                consumption: {
                    name: XSS,
                    points: alignValues({
                        grain: 'monthly',
                        periods: ['202401', '202402'],
                        values: { '2024Q1': 3 },
                        sourcePeriodType: 'QUARTERLY',
                        kind: 'flow',
                    }),
                },
            })
        )
        expect(container.querySelector('.highcharts-title')?.textContent).toBe(
            `${XSS} \u2194 ORS & zinc – logistics data (LMIS)`
        )
        expect(container.querySelector('.highcharts-xaxis-labels')?.textContent).toContain(XSS)
        expect(container.querySelector('.highcharts-legend')?.textContent).toContain(XSS)
        expect(container.textContent).toContain(`Logistics data (LMIS) for ${XSS}`)
        expect(document.querySelectorAll('img')).toHaveLength(0)

        // The tooltip: the point's format, rendered as Highcharts renders tooltip text
        const point = chart.series[0]?.points[0] as unknown as {
            tooltipFormatter: (format: string) => string
        }
        const tooltip = chart.renderer
            .text(point.tooltipFormatter(String(chart.options.tooltip?.pointFormat)), 0, 0)
            .add()
        expect(tooltip.element.textContent).toContain(
            `${XSS}: \u2248 1.0 \u2014 Estimate – quarterly value ÷ 3`
        )
        expect(document.querySelectorAll('img')).toHaveLength(0)
    })

    it('draw the drill-down columns in descending order', () => {
        const { chart } = render(
            buildDrilldownOptions({
                commodityName: 'Oxytocin',
                serviceName: 'Deliveries',
                measureName: 'Consumption',
                periodName: 'March 2024',
                parentName: 'Bo',
                values: [
                    { id: 'a', name: XSS, value: 1 },
                    { id: 'b', name: 'Kakua', value: 5 },
                ],
            })
        )
        expect(chart.series[0]?.points.map((point) => [point.name, point.y])).toEqual([
            ['Kakua', 5],
            ['&lt;img src=x o\u2026r=alert(1)&gt;', 1],
        ])
        expect(document.querySelectorAll('img')).toHaveLength(0)
    })
})

describe('the layout rule in a drawn chart', () => {
    afterEach(() => {
        document.body.innerHTML = ''
    })
    const lmis = (width: number, height: number) => {
        const container = document.createElement('div')
        document.body.appendChild(container)
        const periods = ['202401', '202402', '202403'].map((id) => ({ id, name: id }))
        const points = (value: number) =>
            alignValues({
                grain: 'monthly',
                periods: periods.map((p) => p.id),
                values: Object.fromEntries(periods.map((p) => [p.id, value])),
                sourcePeriodType: 'MONTHLY',
                kind: 'flow',
            })
        const options = buildLmisTrendOptions({
            commodityName: 'Oxytocin',
            serviceName: 'Deliveries',
            orgUnitName: 'Bo',
            grain: 'monthly',
            periods,
            consumption: { name: 'Consumption', points: points(500) },
            stockout: { name: 'Stockout days', kind: 'days', points: points(2) },
            completeness: { name: 'Reporting rate', points: points(55) },
        })
        return Highcharts.chart(container, {
            ...options,
            chart: { ...options.chart, width, height },
        })
    }

    it('keeps the reporting-rate axis on a wide chart', () => {
        const chart = lmis(900, 420)
        const axis = chart.yAxis.find((a) => a.options.id === 'completeness')
        expect(axis?.options.visible).not.toBe(false)
        expect(chart.series.find((s) => s.options.id === 'reporting-rate')?.visible).toBe(true)
        expect(chart.options.title?.text).toContain('Oxytocin')
    })

    it('drops it, with its series, and uses the short title on a small chart', () => {
        const chart = lmis(380, 280)
        const axis = chart.yAxis.find((a) => a.options.id === 'completeness')
        expect(axis?.options.visible).toBe(false)
        const series = chart.series.find((s) => s.options.id === 'reporting-rate')
        expect(series?.visible).toBe(false)
        expect(chart.legend.allItems.map((item) => item.name)).toEqual([
            'Consumption',
            'Stockout days',
        ])
        // The other series stay, the stockout axis too
        expect(chart.yAxis.map((a) => a.options.id)).toEqual([
            'quantity',
            'stockout',
            'completeness',
        ])
        expect(chart.yAxis.find((a) => a.options.id === 'stockout')?.options.visible).not.toBe(
            false
        )
        expect(chart.options.title?.text).toBe('Logistics data (LMIS)')
        expect(chart.container.querySelector('.highcharts-yaxis .highcharts-axis-title')).toBeNull()
        expect(chart.container.querySelector('.highcharts-title')?.textContent).toBe(
            'Logistics data (LMIS)'
        )
    })
})
