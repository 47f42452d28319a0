// @vitest-environment jsdom
import Highcharts from 'highcharts'
import { describe, expect, it } from 'vitest'
import { clearTextBoxCache, shareTextBoxCache, sharedTextKey } from './text-box-cache'

describe('sharedTextKey', () => {
    it('adds the font family to Highcharts’ key; no key stays no key', () => {
        expect(sharedTextKey('May 2025,16px', 'Roboto')).toBe('May 2025,16px,Roboto')
        expect(sharedTextKey('May 2025,16px', undefined)).toBe('May 2025,16px,')
        expect(sharedTextKey(undefined, 'Roboto')).toBeUndefined()
    })
})

describe('shareTextBoxCache', () => {
    const draw = (title: string, forExport = false) => {
        const container = document.createElement('div')
        document.body.appendChild(container)
        return Highcharts.chart(container, {
            chart: { width: 400, height: 300, forExport } as Highcharts.ChartOptions,
            title: { text: title },
            accessibility: { enabled: false },
            xAxis: { categories: ['January 2025', 'February 2025'] },
            series: [{ type: 'line', name: 'Deliveries', data: [1, 2] }],
        })
    }
    const cacheOf = (chart: Highcharts.Chart) =>
        (chart.renderer as unknown as { cache: Record<string, unknown> }).cache

    it('gives every chart of the app one cache of text boxes, not an exported chart', () => {
        const listeners: (() => void)[] = []
        const fonts = {
            addEventListener: (_: string, listener: () => void) => listeners.push(listener),
        } as unknown as FontFaceSet
        const shared = shareTextBoxCache(Highcharts, fonts)
        // Installed once: the same cache again
        expect(shareTextBoxCache(Highcharts, fonts)).toBe(shared)
        clearTextBoxCache(shared)
        // jsdom lays nothing out: each text measured is 50 × 12, and named here
        const measured: string[] = []
        const proto = window.SVGElement.prototype as unknown as { getBBox?: () => unknown }
        const getBBox = proto.getBBox
        proto.getBBox = function (this: Element) {
            measured.push(this.textContent ?? '')
            return { x: 0, y: 0, width: 50, height: 12 }
        }
        const first = draw('Oxytocin')
        expect(measured).toContain('January 2025')
        expect(cacheOf(first)).toBe(shared.cache)
        const keys = Object.keys(shared.cache)
        expect(keys.some((key) => key.startsWith('January 0000,'))).toBe(true)
        // The second chart finds the boxes of the first: no text measured again
        measured.length = 0
        const second = draw('Oxytocin')
        expect(measured).not.toContain('January 2025')
        expect(measured).not.toContain('Oxytocin')
        expect(cacheOf(second)).toBe(shared.cache)
        expect(Object.keys(shared.cache).sort()).toEqual([...keys].sort())
        // An exported chart keeps a cache of its own
        const exported = draw('Oxytocin', true)
        expect(cacheOf(exported)).not.toBe(shared.cache)
        proto.getBBox = getBBox
        // Fonts loaded: measured again
        listeners.forEach((listener) => listener())
        expect(Object.keys(shared.cache)).toEqual([])
        expect(shared.cacheKeys).toEqual([])
        ;[first, second, exported].forEach((chart) => chart.destroy())
    })
})
