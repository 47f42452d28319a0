import { useLayoutEffect, useState } from 'react'
import { chartGridLayout, type ChartGrid } from '../../charts/layout'

/**
 * The layout of a card's charts from the size of their container (`chartGridLayout`): measured
 * when the container or its card change size (with `fill`, the page too). With `fill` (a dashboard item, which does not
 * scroll), the charts share the height left below the container's top. `grid` is `null` until the
 * container is measured (no chart is drawn at a wrong size first).
 */
export const useChartGrid = (
    fill: boolean,
    charts = 2
): { ref: (element: HTMLDivElement | null) => void; grid: ChartGrid | null } => {
    const [element, setElement] = useState<HTMLDivElement | null>(null)
    const [size, setSize] = useState<{ width: number; available?: number } | null>(null)
    useLayoutEffect(() => {
        if (!element) return
        const measure = () => {
            const rect = element.getBoundingClientRect()
            const width = Math.floor(rect.width)
            // Below the charts: the rest of the card (padding, border) and its margin
            const card = element.parentElement
            const below = card
                ? card.getBoundingClientRect().bottom -
                  rect.bottom +
                  (parseFloat(getComputedStyle(card).marginBottom) || 0)
                : 0
            const available = fill
                ? Math.floor(window.innerHeight - (rect.top + window.scrollY) - below)
                : undefined
            setSize((previous) =>
                previous?.width === width && previous.available === available
                    ? previous
                    : { width, available }
            )
        }
        measure()
        const observer = new ResizeObserver(measure)
        observer.observe(element)
        if (element.parentElement) observer.observe(element.parentElement)
        // A line shown above the card later (a dashboard item's filter in words) moves it down
        // without resizing it: the page's height changes then
        if (fill) observer.observe(document.body)
        window.addEventListener('resize', measure)
        return () => {
            observer.disconnect()
            window.removeEventListener('resize', measure)
        }
    }, [element, fill])
    return {
        ref: setElement,
        grid:
            size && size.width > 0
                ? chartGridLayout({ width: size.width, availableHeight: size.available, charts })
                : null,
    }
}
