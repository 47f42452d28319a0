import { describe, expect, it } from 'vitest'
import { sparklineOptions } from './sparkline-options'

describe('sparklineOptions', () => {
    const options = sparklineOptions({
        title: 'Cases <b>',
        periods: ['202601', '202602', '202603', '202604'],
        periodName: (id) => `M${id.slice(4)}`,
        values: [10, null, 30, 400],
        kind: 'hmis',
        marked: ['202604'],
        width: 300,
        height: 120,
        description: 'Cases of Kasulu',
    })

    it('is a small static line with the alert period marked', () => {
        expect(options.chart).toMatchObject({ width: 300, height: 120, animation: false })
        expect(options.tooltip?.enabled).toBe(false)
        const xAxis = options.xAxis as {
            categories: string[]
            plotBands: { from: number; to: number }[]
        }
        expect(xAxis.categories).toEqual(['M01', 'M02', 'M03', 'M04'])
        expect((options.xAxis as { labels: { step: number } }).labels.step).toBe(2)
        expect(xAxis.plotBands).toEqual([expect.objectContaining({ from: 2.5, to: 3.5 })])
        expect((options.series?.[0] as { data: unknown[] }).data).toEqual([10, null, 30, 400])
    })

    it('escapes names', () => {
        expect(options.title?.text).toBe('Cases &lt;b&gt;')
    })

    it('marks nothing when the period is outside the window', () => {
        const other = sparklineOptions({
            title: 't',
            periods: ['202601'],
            periodName: (id) => id,
            values: [1],
            kind: 'consumption',
            marked: ['202512'],
            width: 100,
            height: 80,
            description: 'd',
        })
        expect((other.xAxis as { plotBands: unknown[] }).plotBands).toEqual([])
    })
})
