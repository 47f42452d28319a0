// @vitest-environment jsdom
import Highcharts from 'highcharts'
import { describe, expect, it, vi } from 'vitest'
import { installFontSizeShortcut, resolveFontSize } from './font-size'

describe('resolveFontSize', () => {
    it('resolves em and % against the groups and the root, as the browser computes them', () => {
        expect(resolveFontSize(['0.8em'], '16px')).toBe('12.8px')
        expect(resolveFontSize(['1.2em', undefined], '16px')).toBe('19.2px')
        expect(resolveFontSize(['50%', '2em'], '10px')).toBe('10px')
    })

    it('takes an element’s px size whatever its groups have; a number is px', () => {
        expect(resolveFontSize(['11px', '0.8em'], '16px')).toBe('11px')
        expect(resolveFontSize([13], '16px')).toBe('13px')
    })

    it('inherits the root size when nothing is set', () => {
        expect(resolveFontSize([undefined, ''], '14px')).toBe('14px')
    })

    it('gives up (the browser is asked) on other units or no known root size', () => {
        expect(resolveFontSize(['1rem'], '16px')).toBeUndefined()
        expect(resolveFontSize(['larger'], '16px')).toBeUndefined()
        expect(resolveFontSize(['0.8em'], undefined)).toBeUndefined()
        expect(resolveFontSize(['0.8em'], '1em')).toBeUndefined()
    })
})

describe('installFontSizeShortcut', () => {
    it('answers font-size reads of attached text from the styles, other reads from the browser', () => {
        installFontSizeShortcut(Highcharts)
        const container = document.createElement('div')
        document.body.appendChild(container)
        const renderer = new Highcharts.SVGRenderer(container, 200, 100)
        Object.assign(renderer, { rootFontSize: '16px' })
        const group = renderer.g().css({ fontSize: '2em' }).add()
        const text = renderer.text('a b', 0, 10).css({ fontSize: '0.5em' }).add(group)
        const computed = vi.spyOn(window, 'getComputedStyle')
        expect(text.getStyle('font-size')).toBe('16px')
        expect(computed).not.toHaveBeenCalled()
        // Not in the page yet: the browser is asked
        const detached = renderer.text('c', 0, 10).css({ fontSize: '11px' })
        detached.getStyle('font-size')
        expect(computed).toHaveBeenCalledTimes(1)
        // Another property: the browser
        text.getStyle('stroke-width')
        expect(computed).toHaveBeenCalledTimes(2)
        // The root's own size: always the browser (`rootFontSize` is read from it)
        renderer.boxWrapper.getStyle('font-size')
        expect(computed).toHaveBeenCalledTimes(3)
        computed.mockRestore()
        renderer.destroy()
        container.remove()
    })

    it('installs once', () => {
        installFontSizeShortcut(Highcharts)
        const getStyle = Highcharts.SVGElement.prototype.getStyle
        installFontSizeShortcut(Highcharts)
        expect(Highcharts.SVGElement.prototype.getStyle).toBe(getStyle)
    })
})
