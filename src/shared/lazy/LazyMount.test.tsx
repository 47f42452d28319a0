/** @vitest-environment jsdom */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import React from 'react'
import { LazyMount, initialPlace, scrollingAncestor, useDrawTurn } from './LazyMount'

/** Shows what it may draw: the value in its turn, "placeholder" until then */
const Drawing = ({ value }: { value: string }) => {
    const shown = useDrawTurn(value)
    return <p data-testid="drawing">{shown ?? 'placeholder'}</p>
}

afterEach(cleanup)

describe('useDrawTurn', () => {
    it('outside a LazyMount, draws at once', () => {
        render(<Drawing value="chart A" />)
        expect(screen.getByTestId('drawing').textContent).toBe('chart A')
    })

    it('inside a LazyMount, shows the placeholder first, the drawing in a later task', async () => {
        // jsdom has no IntersectionObserver: everything counts as in view
        render(
            <LazyMount>
                <Drawing value="chart A" />
            </LazyMount>
        )
        expect(screen.getByTestId('drawing').textContent).toBe('placeholder')
        await waitFor(() => expect(screen.getByTestId('drawing').textContent).toBe('chart A'))
    })

    it('keeps the last drawing until the new value has its turn', async () => {
        const { rerender } = render(
            <LazyMount>
                <Drawing value="trend" />
            </LazyMount>
        )
        await waitFor(() => expect(screen.getByTestId('drawing').textContent).toBe('trend'))
        rerender(
            <LazyMount>
                <Drawing value="drilled" />
            </LazyMount>
        )
        expect(screen.getByTestId('drawing').textContent).toBe('trend')
        await waitFor(() => expect(screen.getByTestId('drawing').textContent).toBe('drilled'))
    })
})

describe('initialPlace', () => {
    const root = { top: 100, bottom: 900 }
    it('is in view when the box overlaps the scrolling area', () => {
        expect(initialPlace({ top: 150, bottom: 500 }, root)).toEqual({ inView: true, near: true })
        expect(initialPlace({ top: 0, bottom: 101 }, root)).toEqual({ inView: true, near: true })
    })
    it('is near within half the area’s height above or below, else far', () => {
        expect(initialPlace({ top: 1000, bottom: 1400 }, root)).toEqual({
            inView: false,
            near: true,
        })
        expect(initialPlace({ top: -400, bottom: -250 }, root)).toEqual({
            inView: false,
            near: true,
        })
        expect(initialPlace({ top: 1300, bottom: 1700 }, root)).toEqual({
            inView: false,
            near: false,
        })
    })
    it('leaves a box without height to the observers', () => {
        expect(initialPlace({ top: 0, bottom: 0 }, root)).toBeNull()
    })
})

describe('scrollingAncestor', () => {
    it('finds the element that scrolls (the app shell), not the document', () => {
        const shell = document.createElement('div')
        shell.style.overflowY = 'auto'
        const card = document.createElement('section')
        const inner = document.createElement('div')
        shell.appendChild(card)
        card.appendChild(inner)
        document.body.appendChild(shell)
        expect(scrollingAncestor(inner)).toBe(shell)
        expect(scrollingAncestor(shell)).toBeNull()
        shell.remove()
    })
})

describe('LazyMount with an IntersectionObserver', () => {
    /** A stand-in observer: the test says when the part is in view / near */
    const observers: { callback: IntersectionObserverCallback; margin: string }[] = []
    beforeEach(() => {
        observers.length = 0
        vi.stubGlobal(
            'IntersectionObserver',
            class {
                constructor(
                    callback: IntersectionObserverCallback,
                    options?: IntersectionObserverInit
                ) {
                    observers.push({ callback, margin: options?.rootMargin ?? '0px' })
                }
                observe() {}
                disconnect() {}
            }
        )
    })
    afterEach(() => vi.unstubAllGlobals())
    const setVisible = (inView: boolean, near: boolean) =>
        act(() => {
            for (const o of observers) {
                const isIntersecting = o.margin === '0px' ? inView : near
                o.callback(
                    [{ isIntersecting } as IntersectionObserverEntry],
                    {} as IntersectionObserver
                )
            }
        })

    it('draws nothing while far, draws when the part comes near', async () => {
        render(
            <LazyMount>
                <Drawing value="chart A" />
            </LazyMount>
        )
        setVisible(false, false)
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(screen.getByTestId('drawing').textContent).toBe('placeholder')
        setVisible(false, true)
        await waitFor(() => expect(screen.getByTestId('drawing').textContent).toBe('chart A'))
    })

    it('draws a part laid out in view without waiting for the observers', async () => {
        const box = vi
            .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
            .mockReturnValue({ top: 10, bottom: 300 } as DOMRect)
        try {
            render(
                <LazyMount>
                    <Drawing value="chart A" />
                </LazyMount>
            )
            await waitFor(() => expect(screen.getByTestId('drawing').textContent).toBe('chart A'))
        } finally {
            box.mockRestore()
        }
    })

    it('a far part keeps what it shows until a later task, a near one updates at once', async () => {
        const Text = ({ value }: { value: string }) => <p data-testid="text">{value}</p>
        const { rerender } = render(
            <LazyMount>
                <Text value="trend" />
            </LazyMount>
        )
        setVisible(false, false)
        rerender(
            <LazyMount>
                <Text value="drilled" />
            </LazyMount>
        )
        expect(screen.getByTestId('text').textContent).toBe('trend')
        await waitFor(() => expect(screen.getByTestId('text').textContent).toBe('drilled'))
        setVisible(true, true)
        rerender(
            <LazyMount>
                <Text value="next" />
            </LazyMount>
        )
        expect(screen.getByTestId('text').textContent).toBe('next')
    })
})
