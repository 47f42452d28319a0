/** @vitest-environment jsdom */
import { act, renderHook } from '@testing-library/react'
import { usePages } from './use-pages'

describe('usePages', () => {
    it('shows a page more at each more(), the first page again on reset()', () => {
        const { result } = renderHook(() => usePages(50, 'all'))
        expect(result.current.shown).toBe(50)
        act(() => result.current.more())
        act(() => result.current.more())
        expect(result.current.shown).toBe(150)
        act(() => result.current.reset())
        expect(result.current.shown).toBe(50)
    })

    it('starts again at the first page when the list is another one, not when it is the same', () => {
        const { result, rerender } = renderHook(({ list }) => usePages(10, list), {
            initialProps: { list: 'all' },
        })
        act(() => result.current.more())
        rerender({ list: 'all' })
        expect(result.current.shown).toBe(20)
        rerender({ list: 'notResolved' })
        expect(result.current.shown).toBe(10)
    })

    it('adds its own step when given one', () => {
        const { result } = renderHook(() => usePages(10, null, 50))
        act(() => result.current.more())
        expect(result.current.shown).toBe(60)
    })
})
