import type { Options } from 'highcharts'
import {
    LOW_HEIGHT,
    MIN_APP_CHART_HEIGHT,
    MIN_CHART_HEIGHT,
    chartGridLayout,
    heightForMinPlot,
    matchingRules,
    responsiveRules,
} from './layout'

describe('chartGridLayout', () => {
    it('puts two charts side by side when each gets room, else stacks them', () => {
        expect(chartGridLayout({ width: 1380 }).columns).toBe(2)
        // A 600 px dashboard item: ≈ 550 px inside the card, still side by side
        expect(chartGridLayout({ width: 550 }).columns).toBe(2)
        // A phone (390 px) or a narrow dashboard item: stacked
        expect(chartGridLayout({ width: 340 }).columns).toBe(1)
        expect(chartGridLayout({ width: 370 }).chartWidth).toBe(370)
    })

    it('derives the height from the width, within limits', () => {
        expect(chartGridLayout({ width: 1380 }).chartHeight).toBe(440)
        // A laptop (1100 px): above the low-height rule, the reporting rate stays
        expect(chartGridLayout({ width: 1040 }).chartHeight).toBe(360)
        expect(chartGridLayout({ width: 1040 }).chartHeight).toBeGreaterThan(LOW_HEIGHT)
        expect(chartGridLayout({ width: 340 }).chartHeight).toBe(MIN_APP_CHART_HEIGHT)
        expect(chartGridLayout({ width: 0 }).chartHeight).toBe(MIN_APP_CHART_HEIGHT)
    })

    it('shares the height left in a dashboard item between its rows', () => {
        // 1100 × 620 item: one row, the whole height left
        expect(chartGridLayout({ width: 1050, availableHeight: 470 })).toEqual({
            columns: 2,
            chartWidth: 519,
            chartHeight: 470,
        })
        // 420 × 700 item: stacked, two rows share 540 px
        expect(chartGridLayout({ width: 370, availableHeight: 540 }).chartHeight).toBe(264)
        // 600 × 400 item: side by side, never lower than the minimum
        expect(chartGridLayout({ width: 550, availableHeight: 200 }).chartHeight).toBe(
            MIN_CHART_HEIGHT
        )
    })
})

describe('heightForMinPlot', () => {
    it('grows a chart whose plot is too low, by what is missing', () => {
        expect(heightForMinPlot(280, 40)).toBe(360)
        expect(heightForMinPlot(280, 0, 120)).toBe(400)
        expect(heightForMinPlot(280, 120)).toBeNull()
        expect(heightForMinPlot(1180, 10)).toBeNull()
    })
})

describe('responsiveRules', () => {
    const rules = responsiveRules({
        shortTitle: 'Logistics data (LMIS)',
        yAxisIds: ['quantity', 'stockout', 'completeness'],
        seriesIds: ['consumption', undefined, 'completeness'],
        droppedAxisIds: ['completeness'],
        droppedSeriesIds: ['completeness'],
    })
    const at = (width: number, height: number): Options[] =>
        matchingRules(rules, width, height).map((rule) => rule.chartOptions ?? {})

    it('changes nothing on a wide chart', () => {
        expect(at(700, 420)).toEqual([])
    })

    it('has one rule at any size (Highcharts does not merge the axis lists of two)', () => {
        for (const width of [200, 420, 421, 560, 561, 1400]) {
            for (const height of [150, 320, 321, 900]) {
                expect(matchingRules(rules, width, height).length).toBeLessThanOrEqual(1)
            }
        }
    })

    it('shortens the title, drops axis titles and rotates x labels in a narrow chart', () => {
        const [narrow, ...rest] = at(520, 420)
        expect(rest).toEqual([])
        expect(narrow?.title?.text).toBe('Logistics data (LMIS)')
        // Every axis and series listed (one left out would be removed)
        expect(narrow?.yAxis).toEqual([
            expect.objectContaining({ id: 'quantity', title: { text: '' } }),
            expect.objectContaining({ id: 'stockout', title: { text: '' } }),
            expect.objectContaining({ id: 'completeness', title: { text: '' } }),
        ])
        expect(narrow?.series).toEqual([{ id: 'consumption' }, {}, { id: 'completeness' }])
        expect(narrow?.xAxis).toMatchObject({ labels: { autoRotation: [-45, -90] } })
        // Never the categories: the drilldown module draws other names on the same axis
        expect(narrow?.xAxis).not.toHaveProperty('categories')
        expect(narrow?.legend).toMatchObject({ maxHeight: 40 })
    })

    it('drops the secondary axis that would collide, and the subtitle, in a small chart', () => {
        for (const [width, height] of [
            [400, 420],
            [500, 300],
            [700, 300],
        ] as const) {
            const [small] = at(width, height)
            expect(small?.subtitle?.text).toBe('')
            expect(small?.yAxis).toEqual([
                expect.objectContaining({ id: 'quantity' }),
                expect.objectContaining({ id: 'stockout' }),
                expect.objectContaining({ id: 'completeness', visible: false }),
            ])
            expect((small?.yAxis as { visible?: boolean }[])[0]?.visible).toBeUndefined()
            expect(small?.series).toEqual([
                { id: 'consumption' },
                {},
                { id: 'completeness', visible: false, showInLegend: false },
            ])
        }
        // A wide but low chart keeps its full title; its legend takes one line (paged)
        expect(at(700, 300)[0]?.title?.text).toBeUndefined()
        expect(at(700, 300)[0]?.legend).toMatchObject({ maxHeight: 24 })
        expect(at(400, 420)[0]?.legend).toMatchObject({ maxHeight: 40 })
    })
})
