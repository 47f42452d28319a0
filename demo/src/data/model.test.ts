import { describe, expect, it } from 'vitest'
import { compactValues } from './model'

describe('compactValues', () => {
    it('holds counts, zeros and missing values in single precision, each read back the same', () => {
        const values = Float64Array.from([0, 12, Number.NaN, 16_777_216, -3, 0.5])
        const compact = compactValues(values)
        expect(compact).toBeInstanceOf(Float32Array)
        expect(compact.byteLength).toBe(values.byteLength / 2)
        expect(Array.from(compact)).toEqual(Array.from(values))
    })

    it('keeps doubles when one value would change', () => {
        for (const odd of [0.1, 16_777_217, 1 / 3]) {
            const values = Float64Array.from([1, 2, odd])
            expect(compactValues(values)).toBe(values)
        }
    })

    it('leaves a series already compact as it is', () => {
        const values = Float32Array.from([1, 2])
        expect(compactValues(values)).toBe(values)
    })
})
