/**
 * The accessibility module moves the browser's focus into a chart when the chart drills: to the
 * first point of a level drilled down (`afterApplyDrilldown`), to its container after drilling up
 * (`drillupall`, 10 ms later; `Accessibility/Components/SeriesComponent/SeriesKeyboardNavigation.js`).
 * That is right for the chart a keyboard user drilled, but every chart of the view drills together:
 * each took the focus in turn, and the browser scrolled the page to the last one — a click on a
 * month of the first card showed the second card's drilled charts, the clicked one out of sight.
 *
 * A chart may move the focus only when the focus is in it (its `renderTo`, which holds the chart and
 * its accessibility proxies), or was last in it and went nowhere else (drilling removes the
 * focused point: the focus falls back to the page's body): keyboard navigation, which starts when
 * the user tabs into the chart, is unchanged, and Enter on a point goes on in the level it opens;
 * a chart drilled with another, or by a mouse click, takes no focus.
 */
import type Highcharts from 'highcharts'

interface FocusingChart {
    renderTo?: HTMLElement
    container?: HTMLElement
    /** The accessibility module's (`Accessibility/FocusBorder.js`) */
    setFocusToElement?: (...args: unknown[]) => void
}

const guarded = new WeakSet<object>()

/** The chart the focus was last in (`null`: it went elsewhere since) */
let lastFocused: FocusingChart | null = null
/**
 * How the user last acted: a chart moves the focus only for a keyboard user. After a mouse click,
 * the module's focus on drilling up started its keyboard navigation in the chart clicked, which
 * made its first point the hovered one: the next click on another month drilled into that first
 * month.
 */
let keyboardUser = false
let listening = false
const listen = () => {
    if (listening) return
    listening = true
    document.addEventListener('keydown', () => (keyboardUser = true), true)
    for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
        document.addEventListener(type, () => (keyboardUser = false), true)
    }
    document.addEventListener(
        'focusin',
        (event) => {
            const root = lastFocused?.renderTo ?? lastFocused?.container
            if (!holdsFocus(root, event.target as Element | null)) lastFocused = null
        },
        true
    )
}

/** Whether `element` is `root` or inside it */
const holdsFocus = (root: Element | undefined, element: Element | null): boolean =>
    Boolean(root && element && root.contains(element))

export const keepFocusUnlessInChart = (chart: Highcharts.Chart): void => {
    const target = chart as unknown as FocusingChart
    if (guarded.has(target)) return
    guarded.add(target)
    const root = target.renderTo ?? target.container
    listen()
    root?.addEventListener('focusin', () => {
        lastFocused = target
    })
    const inChart = () =>
        keyboardUser &&
        (holdsFocus(root, document.activeElement) ||
            (lastFocused === target &&
                (document.activeElement === null || document.activeElement === document.body)))
    const setFocus = target.setFocusToElement
    if (typeof setFocus === 'function') {
        target.setFocusToElement = function (this: unknown, ...args: unknown[]) {
            if (inChart()) setFocus.apply(this, args)
        }
    }
    const container = target.container
    if (container) {
        const focus = container.focus.bind(container)
        container.focus = (options?: FocusOptions) => {
            if (inChart()) focus(options)
        }
    }
}
