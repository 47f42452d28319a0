/**
 * Highcharts reads the font size of each text it draws from the browser
 * (`getComputedStyle(...).getPropertyValue('font-size')`: `SVGElement#getStyle`, called by
 * `TextBuilder#buildSVG` for its text cache and by `SVGRenderer#fontMetrics`), once or more per
 * title, label and legend item. Each read, right after Highcharts wrote the element, forces the
 * browser to recompute the page's styles: a chart draw made many small forced style
 * recalculations.
 *
 * Highcharts sets every text's font size itself, as an inline style, from the chart's options
 * (in px or em: Highcharts 12's defaults are em), and no style sheet of the app sets one on a
 * chart's text (`styledMode` is off). So the computed size of a text element is its own size
 * resolved against its groups' sizes up to the chart's root element, whose computed size the
 * renderer read once (`renderer.rootFontSize`). `installFontSizeShortcut` answers `font-size`
 * reads of Highcharts' element wrappers that way; any other read (a raw DOM node, a size in
 * another unit, a styled-mode chart, another property) asks the browser as before.
 */

/** `16px` → 16; `undefined` for anything but a px length */
const px = (value: string | undefined): number | undefined => {
    const match = value === undefined ? null : /^(\d+(?:\.\d+)?)px$/.exec(value.trim())
    return match ? Number(match[1]) : undefined
}

/**
 * The computed font size (as the browser gives it, `12.8px`) of an element whose own inline font
 * size and its ancestors' are `sizes` (the element first, then its parents outwards;
 * `undefined`: none set, inherited), under a root whose computed size is `root`. `undefined` when
 * it cannot be known without the browser (a unit other than px, em and %, or no root size).
 */
export const resolveFontSize = (
    sizes: readonly (string | number | undefined)[],
    root: string | undefined
): string | undefined => {
    let size = px(root)
    if (size === undefined) return undefined
    for (let i = sizes.length - 1; i >= 0; i--) {
        const raw = sizes[i]
        if (raw === undefined || raw === '') continue
        const value = typeof raw === 'number' ? `${raw}px` : raw.trim()
        const match = /^(\d*\.?\d+)(px|em|%)$/.exec(value)
        if (!match) return undefined
        const amount = Number(match[1])
        size =
            match[2] === 'px' ? amount : match[2] === 'em' ? size * amount : (size * amount) / 100
    }
    // The browser's serialisation: at most 2 decimals would not round-trip, so keep its own form
    return `${Number(size.toFixed(4))}px`
}

/** The part of a Highcharts `SVGElement` (wrapper) read here */
interface TextWrapper {
    element?: Node
    styles?: { fontSize?: string | number }
    parentGroup?: TextWrapper
    renderer?: {
        rootFontSize?: string
        styledMode?: boolean
        box?: Node
        boxWrapper?: unknown
    }
}

/**
 * The font sizes set on `wrapper` and its groups (the element first), or `undefined` when its
 * element is not where the groups say (not in the page yet, or moved): then the browser is asked.
 */
const inlineSizes = (wrapper: TextWrapper): (string | number | undefined)[] | undefined => {
    const renderer = wrapper.renderer
    if (!renderer?.box || !wrapper.element?.isConnected) return undefined
    const sizes: (string | number | undefined)[] = []
    for (let node: TextWrapper | undefined = wrapper; node; node = node.parentGroup) {
        const parent = node.parentGroup?.element ?? renderer.box
        if (!node.element || node.element.parentNode !== parent) return undefined
        sizes.push(node.styles?.fontSize)
    }
    return sizes
}

/** The part of Highcharts read here */
export interface HighchartsWithSvgElement {
    SVGElement: { prototype: object }
}

const installed = new WeakSet<object>()

/** Makes Highcharts' `font-size` reads of its own text elements skip the browser: see the file comment. */
export const installFontSizeShortcut = (highcharts: HighchartsWithSvgElement): void => {
    const SvgElement = highcharts.SVGElement as unknown as {
        prototype: { getStyle: (this: unknown, prop: string) => string }
    }
    const proto = SvgElement.prototype
    if (installed.has(proto)) return
    installed.add(proto)
    const original = proto.getStyle
    proto.getStyle = function getStyle(this: unknown, prop: string): string {
        if (prop === 'font-size' && this instanceof (SvgElement as unknown as typeof Object)) {
            const wrapper = this as TextWrapper
            const renderer = wrapper.renderer
            // The root's own size is what `rootFontSize` is read from: always the browser's
            if (renderer && !renderer.styledMode && wrapper !== renderer.boxWrapper) {
                const sizes = inlineSizes(wrapper)
                const known = sizes && resolveFontSize(sizes, renderer.rootFontSize)
                if (known !== undefined) return known
            }
        }
        return original.call(this, prop)
    }
}
