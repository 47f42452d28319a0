/** @vitest-environment jsdom */
import { renderHook } from '@testing-library/react'
import { useLastSettled } from './use-last-settled'

describe('useLastSettled', () => {
    it('keeps the last settled value while the next one is not settled', () => {
        const { result, rerender } = renderHook(
            ({ value, settled }: { value: string; settled: boolean }) =>
                useLastSettled(value, settled),
            { initialProps: { value: 'loading', settled: false } }
        )
        // Nothing settled yet: the value itself
        expect(result.current).toBe('loading')
        rerender({ value: 'a', settled: true })
        expect(result.current).toBe('a')
        rerender({ value: 'b (partial)', settled: false })
        expect(result.current).toBe('a')
        rerender({ value: 'b', settled: true })
        expect(result.current).toBe('b')
    })
})
