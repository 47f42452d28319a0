// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type Highcharts from 'highcharts'
import { drillKeepingFocus, hasFocusWithin, installDrillFocusGuard } from './drill-focus'

describe('hasFocusWithin', () => {
    it('is true for the container or an element in it, false elsewhere or without focus', () => {
        const container = document.createElement('div')
        const inner = document.createElement('button')
        container.appendChild(inner)
        expect(hasFocusWithin(container, inner)).toBe(true)
        expect(hasFocusWithin(container, container)).toBe(true)
        expect(hasFocusWithin(container, document.body)).toBe(false)
        expect(hasFocusWithin(container, null)).toBe(false)
        expect(hasFocusWithin(undefined, inner)).toBe(false)
    })
})

describe('drillKeepingFocus', () => {
    const setUp = () => {
        const highlight = vi.fn(function (this: unknown) {
            return this
        })
        class Point {
            series: { chart: unknown }
            constructor(chart: unknown) {
                this.series = { chart }
            }
        }
        Object.assign(Point.prototype, { highlight })
        installDrillFocusGuard({ Point })
        const container = document.createElement('div')
        const button = document.createElement('button')
        container.appendChild(button)
        document.body.appendChild(container)
        const chart = { container } as unknown as Highcharts.Chart
        const point = new Point(chart) as unknown as { highlight: () => unknown }
        return { highlight, chart, point, button, container }
    }

    it('leaves out the focus move of a chart drilled while the focus is elsewhere', () => {
        const { highlight, chart, point, container } = setUp()
        document.body.focus()
        drillKeepingFocus(chart, () => point.highlight())
        expect(highlight).not.toHaveBeenCalled()
        // Outside a drill the highlight works as before (keyboard navigation)
        point.highlight()
        expect(highlight).toHaveBeenCalledTimes(1)
        container.remove()
    })

    it('keeps the focus move of the chart the focus is in (a keyboard user drilled it)', () => {
        const { highlight, chart, point, button, container } = setUp()
        button.focus()
        drillKeepingFocus(chart, () => point.highlight())
        expect(highlight).toHaveBeenCalledTimes(1)
        container.remove()
    })

    it('ends the guard when the drill throws', () => {
        const { highlight, chart, point, container } = setUp()
        expect(() =>
            drillKeepingFocus(chart, () => {
                throw new Error('drill failed')
            })
        ).toThrow('drill failed')
        point.highlight()
        expect(highlight).toHaveBeenCalledTimes(1)
        container.remove()
    })
})
