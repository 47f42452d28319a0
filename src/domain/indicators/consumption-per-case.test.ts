import { consumptionPerCase, ratioStatus } from './index'

describe('consumptionPerCase', () => {
    const withRatio = { ratio: { expectedLow: 0.8, expectedHigh: 1.2 } }

    it('is computed only when the pair has a ratio configured', () => {
        expect(consumptionPerCase(withRatio, 110, 100)).toBeCloseTo(1.1)
        expect(consumptionPerCase({}, 110, 100)).toBeNull()
    })

    it('is null without cases or values', () => {
        expect(consumptionPerCase(withRatio, 110, 0)).toBeNull()
        expect(consumptionPerCase(withRatio, null, 100)).toBeNull()
        expect(consumptionPerCase(withRatio, 110, null)).toBeNull()
        expect(consumptionPerCase(withRatio, 0, 100)).toBe(0)
    })

    it('compares with the expected band', () => {
        expect(ratioStatus(withRatio, 0.5)).toBe('BELOW')
        expect(ratioStatus(withRatio, 1)).toBe('WITHIN')
        expect(ratioStatus(withRatio, 1.5)).toBe('ABOVE')
        expect(ratioStatus(withRatio, null)).toBe('UNKNOWN')
        expect(ratioStatus({ ratio: {} }, 1)).toBe('UNKNOWN')
        expect(ratioStatus({ ratio: { expectedLow: 2 } }, 3)).toBe('WITHIN')
        expect(ratioStatus({ ratio: {}, thresholds: { ratioBand: [1, 2] } }, 3)).toBe('ABOVE')
        expect(ratioStatus({}, 1)).toBe('UNKNOWN')
    })
})
