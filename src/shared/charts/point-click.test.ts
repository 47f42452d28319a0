import type Highcharts from 'highcharts'
import { pointAtCategory, withPointClick } from './point-click'

const point = (x: number, y: number | null) => ({ x, y }) as unknown as Highcharts.Point
const series = (visible: boolean, ys: (number | null)[]) =>
    ({ visible, points: ys.map((y, x) => point(x, y)) }) as unknown as Highcharts.Series

describe('clicks that drill', () => {
    it('finds the point of the first shown series with a value at a category', () => {
        const hidden = series(false, [1, 2, 3])
        const hmis = series(true, [4, null, 6])
        const completeness = series(true, [90, 80, 70])
        expect(pointAtCategory([hidden, hmis, completeness], 0)?.y).toBe(4)
        // No HMIS value that month: the next series' point (same month)
        expect(pointAtCategory([hidden, hmis, completeness], 1)?.y).toBe(80)
        expect(pointAtCategory([hidden, hmis, completeness], 7)).toBeUndefined()
    })

    it('drills from a point and from the plot area around it', () => {
        const clicked: (number | null | undefined)[] = []
        const options = withPointClick({ chart: { type: 'line' } }, (p) => clicked.push(p.y))
        expect(options.chart?.type).toBe('line')
        expect(options.plotOptions?.series?.cursor).toBe('pointer')
        const pointClick = options.plotOptions?.series?.point?.events?.click as unknown as (
            this: Highcharts.Point
        ) => void
        pointClick.call(point(2, 42))
        const chartClick = options.chart?.events?.click as unknown as (
            this: Highcharts.Chart,
            event: unknown
        ) => void
        const chart = { series: [series(true, [5, 6, 7])] } as unknown as Highcharts.Chart
        // 1.4 on the axis: the second category
        chartClick.call(chart, { xAxis: [{ value: 1.4 }] })
        // Outside any category with a point: nothing
        chartClick.call(chart, { xAxis: [{ value: 9 }] })
        expect(clicked).toEqual([42, 6])
        expect(withPointClick({ title: { text: 't' } })).toEqual({ title: { text: 't' } })
    })

    it('drills a drill-down point through the drilldown module, from the point or its column', () => {
        const clicked: unknown[] = []
        const drilled: string[] = []
        const drillPoint = (x: number, y: number | null, id: string) =>
            ({
                x,
                y,
                drilldown: id,
                doDrilldown: () => drilled.push(id),
            }) as unknown as Highcharts.Point
        const options = withPointClick({}, (p) => clicked.push(p))
        const pointClick = options.plotOptions?.series?.point?.events?.click as unknown as (
            this: Highcharts.Point
        ) => void
        const chartClick = options.chart?.events?.click as unknown as (
            this: Highcharts.Chart,
            event: unknown
        ) => void
        // On the point: the module's own click handler drills, not this one
        pointClick.call(drillPoint(0, 3, '202401'))
        expect(clicked).toEqual([])
        // In the column, even where the first series has no value
        const chart = {
            series: [
                {
                    visible: true,
                    points: [drillPoint(0, null, '202401'), drillPoint(1, 4, '202402')],
                },
            ],
        } as unknown as Highcharts.Chart
        chartClick.call(chart, { xAxis: [{ value: 0.2 }] })
        chartClick.call(chart, { xAxis: [{ value: 1.3 }] })
        expect(drilled).toEqual(['202401', '202402'])
        expect(clicked).toEqual([])
    })
})
