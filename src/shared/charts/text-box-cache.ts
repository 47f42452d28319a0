/**
 * Highcharts measures every text it draws (`SVGElement#getBBox`: the browser lays the page out
 * for each one) and keeps the sizes in a cache of its renderer, keyed by the text and what
 * changes its size (font size and weight, width, rotation...; `getBBoxCacheKey`). Each chart has
 * its own renderer, so each chart measured anew what the one beside it had just measured: the
 * same months on the x axes of a pair's two charts and of every card, the same org units in both
 * drilled charts of a pair, the same axis numbers and legend names.
 *
 * `shareTextBoxCache` gives the app's charts one cache (not the charts drawn for an image export:
 * their renderer may draw in other fonts). Its key gets what a chart's cache could leave out but
 * charts may not share: the renderer's font family. (A box's size is what is shared: its x and y
 * are those of the first text measured, as they already were for the texts of one chart.) Fonts
 * that finish loading empty it: a text measured in the fallback font is measured again.
 */

/** The part of Highcharts used here */
export interface HighchartsForTextCache {
    addEvent: (
        target: unknown,
        type: string,
        handler: (this: { renderer?: unknown }) => void
    ) => unknown
    Chart: unknown
    SVGElement: { prototype: object }
}

interface RendererCache {
    forExport?: boolean
    cache: Record<string, unknown>
    cacheKeys: string[]
    style?: { fontFamily?: string }
}

/** The shared cache: boxes by key, and the keys in the order they came (Highcharts keeps 250) */
export interface TextBoxCache {
    cache: Record<string, unknown>
    cacheKeys: string[]
}

/** Empties the cache in place (the renderers hold the same objects). */
export const clearTextBoxCache = (shared: TextBoxCache): void => {
    for (const key of Object.keys(shared.cache)) delete shared.cache[key]
    shared.cacheKeys.length = 0
}

/**
 * The key of a text's box in the shared cache: Highcharts' key (`undefined`: not cached) and the
 * renderer's font family.
 */
export const sharedTextKey = (
    key: string | undefined,
    fontFamily: string | undefined
): string | undefined => (key === undefined ? undefined : `${key},${fontFamily ?? ''}`)

const installed = new WeakMap<object, TextBoxCache>()

/** Gives the app's charts one text box cache: see the file comment. */
export const shareTextBoxCache = (
    highcharts: HighchartsForTextCache,
    fonts: FontFaceSet | undefined = typeof document === 'undefined' ? undefined : document.fonts
): TextBoxCache => {
    const proto = highcharts.SVGElement.prototype as {
        getBBoxCacheKey: (this: unknown, keys: unknown[]) => string | undefined
    }
    const known = installed.get(proto)
    if (known) return known
    const shared: TextBoxCache = { cache: {}, cacheKeys: [] }
    installed.set(proto, shared)
    const cacheKey = proto.getBBoxCacheKey
    proto.getBBoxCacheKey = function getBBoxCacheKey(this: unknown, keys: unknown[]) {
        const { renderer } = this as { renderer?: RendererCache }
        const key = cacheKey.call(this, keys)
        return renderer?.cache === shared.cache
            ? sharedTextKey(key, renderer.style?.fontFamily)
            : key
    }
    highcharts.addEvent(highcharts.Chart, 'afterGetContainer', function share() {
        const renderer = this.renderer as RendererCache | undefined
        if (!renderer || renderer.forExport) return
        renderer.cache = shared.cache
        renderer.cacheKeys = shared.cacheKeys
    })
    fonts?.addEventListener('loadingdone', () => clearTextBoxCache(shared))
    return shared
}
