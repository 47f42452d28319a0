import React, {
    createContext,
    startTransition,
    useContext,
    useEffect,
    useLayoutEffect,
    useMemo,
    useReducer,
    useRef,
    useState,
} from 'react'
import { flushSync } from 'react-dom'
import {
    DRAW_NEAR,
    createDrawQueue,
    nextCount,
    rankOf,
    type DrawQueue,
    type DrawTicket,
} from './draw-queue'
import { markOnce } from '../perf/mark'

/**
 * Draw only what is seen. `LazyMount` wraps a part of a long page (a pair card); what inside it is
 * costly to draw (the charts, through `useDrawTurn`) is drawn when the part comes near the view,
 * one drawing per short main-thread task (`draw-queue.ts`): what is in view first, the card just
 * clicked before the others. Until then the costly part shows a placeholder of its final size,
 * and everything else of the card (header, downloads, table, notes) is there at once. A new state
 * of a part not in view (another drill-down, period, the data's first answer) is rendered in a
 * later turn, so that one change re-renders the parts in view at once and the others in short
 * tasks after, those near the view first.
 *
 * "Near": within half a view height of the scrolling area, as the DHIS2 dashboard-app loads its
 * items a quarter of a window height ahead (`src/components/ProgressiveLoadingContainer.jsx`,
 * `bufferFactor`, scroll events); here an IntersectionObserver does it. The observer's root is the
 * element that scrolls (in the app shell, `.app-shell-app`, not the window): the root margin does
 * not widen the clipping of a scrolling ancestor that is not the root.
 */

/** How far ahead of the view drawings are made (of the scrolling area's height) */
export const NEAR_MARGIN = '50% 0px'

/** The vertical extent of a box (`getBoundingClientRect`) */
export interface VerticalBox {
    top: number
    bottom: number
}

/**
 * Where a part is at first sight, as the observers will say one frame later: `inView` when it
 * overlaps the scrolling area's box (the window's for the document), `near` when it overlaps that
 * box widened by half its height above and below (`NEAR_MARGIN`). `null` for a box without height
 * (not laid out, hidden): the observers will tell.
 */
export const initialPlace = (
    box: VerticalBox,
    root: VerticalBox
): { inView: boolean; near: boolean } | null => {
    if (box.bottom <= box.top) return null
    const overlaps = (margin: number) =>
        box.bottom > root.top - margin && box.top < root.bottom + margin
    return { inView: overlaps(0), near: overlaps((root.bottom - root.top) / 2) }
}

/** What `useDrawTurn` asks of the `LazyMount` around it */
export interface DrawGate {
    /** Queues `run` for when the part is near; returns the cancel function */
    request: (run: () => void) => () => void
}

const DrawGateContext = createContext<DrawGate | null>(null)

/** The longest wait for a paint before the charts below the view are drawn (a hidden page) */
const AFTER_PAINT_WAIT_MS = 100

/** One queue for the page: the browser's next task through a message (no 4 ms timer clamp) */
let pageQueue: DrawQueue | null = null
const drawQueue = (): DrawQueue => {
    if (pageQueue) return pageQueue
    const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel()
    const pending: (() => void)[] = []
    if (channel) {
        channel.port1.onmessage = () => pending.shift()?.()
    }
    const schedule = (task: () => void) => {
        if (!channel) {
            setTimeout(task, 0)
            return
        }
        pending.push(task)
        channel.port2.postMessage(null)
    }
    pageQueue = createDrawQueue({
        schedule,
        // The next frame, then a task after its paint; a hidden page has no frames: at most
        // `AFTER_PAINT_WAIT_MS` then
        scheduleAfterPaint: (task) => {
            if (typeof requestAnimationFrame === 'undefined') {
                schedule(task)
                return
            }
            let done = false
            const once = () => {
                if (done) return
                done = true
                clearTimeout(timer)
                task()
            }
            const timer = setTimeout(once, AFTER_PAINT_WAIT_MS)
            requestAnimationFrame(() => schedule(once))
        },
        now: () => performance.now(),
        // A chart costs tens of ms: one per task, cheap ones a few together
        budgetMs: 20,
    })
    return pageQueue
}

/** The nearest ancestor that scrolls vertically (`null`: the document). */
export const scrollingAncestor = (element: Element): Element | null => {
    for (let node = element.parentElement; node; node = node.parentElement) {
        if (node === document.body || node === document.documentElement) return null
        const overflow = getComputedStyle(node).overflowY
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return node
    }
    return null
}

/**
 * The value to draw (e.g. a chart's options) once it is this part's turn: `null` until the first
 * turn, then the last value drawn until the next turn. Outside a `LazyMount`, `value` at once.
 * The drawing happens inside the turn (`flushSync`), so that it is the queue's task that pays it.
 */
export const useDrawTurn = <T,>(value: T): T | null => {
    const gate = useContext(DrawGateContext)
    const [drawn, setDrawn] = useState<T | null>(null)
    // Asked in the commit that brings the value (a layout effect), not after the frame that shows
    // the card: the turn can come in the next task
    useLayoutEffect(() => {
        if (!gate || drawn === value) return
        return gate.request(() => {
            markOnce('draw-turn')
            flushSync(() => setDrawn(() => value))
        })
    }, [gate, value, drawn])
    return gate ? drawn : value
}

/** Far cards' updates go after everything near the view */
const FAR_UPDATES = 1_000_000

/** After the charts in view, before those near it */
const MOUNT_TICKET = (): DrawTicket => ({
    rank: DRAW_NEAR,
    interactedAt: 0,
    order: -1,
})

/**
 * How many of `total` parts of a list to mount: `first` at once, then `step` more per turn of the
 * page's queue (after the charts in view), each in a transition (rendered in slices), so that a
 * long list is never made in one long task. Parts mounted later go below the ones in view: nothing
 * in view moves.
 */
export const useProgressiveCount = (total: number, first: number, step: number): number => {
    const [count, setCount] = useState(first)
    useEffect(() => {
        if (count >= total) return
        return drawQueue().add(
            () => startTransition(() => setCount((c) => nextCount(c, total, step))),
            MOUNT_TICKET
        )
    }, [count, total, step])
    return Math.min(count, total)
}

export interface LazyMountProps {
    children: React.ReactNode
    /** The part's place in the page (drawn in this order when equally near) */
    order?: number
    className?: string
    dataTest?: string
}

/** See the file comment. A plain block around its children. */
export const LazyMount = ({ children, order = 0, className, dataTest }: LazyMountProps) => {
    const element = useRef<HTMLDivElement>(null)
    const place = useRef({ inView: false, near: false, interactedAt: 0, order })
    place.current.order = order
    const gate = useMemo((): DrawGate => {
        const ticket = (): DrawTicket => ({
            rank: rankOf(place.current.inView, place.current.near),
            interactedAt: place.current.interactedAt,
            order: place.current.order,
        })
        return { request: (run) => drawQueue().add(run, ticket) }
    }, [])
    const interacted = () => {
        place.current.interactedAt = performance.now()
    }

    // A card not in view keeps what it shows until a later turn of the queue (after the charts in
    // view; a far one after those near it too), then updates in its own transition: a new
    // drill-down, period or the data's first answer re-renders the few cards in view at once (the
    // first charts are not kept waiting for the cards below), the others one by one in short tasks
    const shown = useRef<React.ReactNode>(children)
    const latest = useRef<React.ReactNode>(children)
    latest.current = children
    const [, refresh] = useReducer((n: number) => n + 1, 0)
    const content = place.current.inView ? children : shown.current
    useEffect(() => {
        shown.current = content
        if (content === children) return
        const ticket = (): DrawTicket =>
            place.current.inView || place.current.near
                ? {
                      rank: rankOf(place.current.inView, place.current.near),
                      interactedAt: place.current.interactedAt,
                      // before the card's own charts (drawn from what it shows)
                      order: place.current.order - 0.5,
                  }
                : { rank: DRAW_NEAR, interactedAt: 0, order: FAR_UPDATES + place.current.order }
        return drawQueue().add(
            () =>
                startTransition(() => {
                    shown.current = latest.current
                    refresh()
                }),
            ticket
        )
    })
    // Where the part is as it is first laid out, before the charts inside it ask for their turn
    // (their effects run after this layout effect); then the observers, whose first answer comes
    // a frame later
    useLayoutEffect(() => {
        const target = element.current
        if (!target || typeof IntersectionObserver === 'undefined') {
            // No observer (an old browser): everything is near, drawn in page order
            place.current.inView = true
            place.current.near = true
            drawQueue().wake()
            return
        }
        const root = scrollingAncestor(target)
        const rootBox = root
            ? root.getBoundingClientRect()
            : { top: 0, bottom: window.innerHeight || document.documentElement.clientHeight }
        const first = initialPlace(target.getBoundingClientRect(), rootBox)
        if (first) {
            place.current.inView = first.inView
            place.current.near = first.near
            if (first.inView || first.near) drawQueue().wake()
        }
        const watch = (key: 'inView' | 'near', rootMargin: string) =>
            new IntersectionObserver(
                (entries) => {
                    const entry = entries[entries.length - 1]
                    if (!entry) return
                    place.current[key] = entry.isIntersecting
                    if (entry.isIntersecting) drawQueue().wake()
                },
                { root, rootMargin }
            )
        const observers = [watch('inView', '0px'), watch('near', NEAR_MARGIN)]
        for (const observer of observers) observer.observe(target)
        return () => {
            for (const observer of observers) observer.disconnect()
        }
    }, [])
    return (
        <div
            ref={element}
            className={className}
            data-test={dataTest}
            // The card clicked (a drill, with the mouse or the keyboard) is drawn before the others
            onPointerDownCapture={interacted}
            onKeyDownCapture={interacted}
        >
            <DrawGateContext.Provider value={gate}>{content}</DrawGateContext.Provider>
        </div>
    )
}
