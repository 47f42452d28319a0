import {
    MAD_FACTOR,
    MEAN_AD_FACTOR,
    meanAbsoluteDeviation,
    median,
    medianAbsoluteDeviation,
    modifiedZScore,
} from './index'
import { floorScale, isValue, percentChange, rescore, robustScale, trailingValues } from './stats'

describe('median and deviations', () => {
    it('takes the middle value, or the mean of the two middle ones', () => {
        expect(median([])).toBeNull()
        expect(median([5])).toBe(5)
        expect(median([3, 1, 2])).toBe(2)
        expect(median([4, 1, 3, 2])).toBe(2.5)
        expect(median([-1, -5, 10])).toBe(-1)
    })

    it('does not reorder its input', () => {
        const values = [3, 1, 2]
        median(values)
        expect(values).toEqual([3, 1, 2])
    })

    it('computes the median and mean absolute deviations around a center', () => {
        expect(medianAbsoluteDeviation([1, 2, 3, 4, 100], 3)).toBe(1)
        expect(meanAbsoluteDeviation([1, 2, 3, 4, 100], 3)).toBeCloseTo(101 / 5)
        expect(medianAbsoluteDeviation([], 0)).toBeNull()
        expect(meanAbsoluteDeviation([], 0)).toBeNull()
    })
})

describe('modifiedZScore', () => {
    it('uses 0.6745 × (x − median) / MAD', () => {
        // median 10, deviations 0,1,1,2,2 → MAD 1
        const score = modifiedZScore(20, [8, 9, 10, 11, 12])
        expect(score?.method).toBe('MAD')
        expect(score?.median).toBe(10)
        expect(score?.mad).toBe(1)
        expect(score?.z).toBeCloseTo(MAD_FACTOR * 10)
        expect(modifiedZScore(0, [8, 9, 10, 11, 12])?.z).toBeCloseTo(-MAD_FACTOR * 10)
    })

    it('falls back to 1.253314 × MeanAD when MAD = 0', () => {
        // median 10; deviations 0,0,0,0,0,2,2 → MAD 0, MeanAD 4/7
        const score = modifiedZScore(14, [10, 10, 10, 10, 10, 12, 8])
        expect(score?.method).toBe('MEAN_AD')
        expect(score?.mad).toBe(0)
        expect(score?.meanAbsoluteDeviation).toBeCloseTo(4 / 7)
        expect(score?.z).toBeCloseTo(4 / (MEAN_AD_FACTOR * (4 / 7)))
    })

    it('has no score for a constant baseline', () => {
        expect(modifiedZScore(12, [10, 10, 10, 10])).toMatchObject({
            z: null,
            method: 'CONSTANT',
            median: 10,
            mad: 0,
            meanAbsoluteDeviation: 0,
        })
        expect(modifiedZScore(1, [])).toBeNull()
    })
})

describe('series helpers', () => {
    it('keeps the usable values of the trailing window, never the period itself', () => {
        const series = [1, null, 3, Number.NaN, 5, undefined, 7]
        expect(trailingValues(series, 6, 12)).toEqual([1, 3, 5])
        expect(trailingValues(series, 6, 3)).toEqual([5])
        expect(trailingValues(series, 0, 12)).toEqual([])
        expect(isValue(Number.POSITIVE_INFINITY)).toBe(false)
    })

    it('gives percent changes, none from zero', () => {
        expect(percentChange(15, 100)).toBe(-85)
        expect(percentChange(200, 100)).toBe(100)
        expect(percentChange(5, 0)).toBeNull()
    })
})

describe('rescore', () => {
    it('scores another value as modifiedZScore would, without a second pass', () => {
        const baseline = [10, 12, 11, 13, 9, 10, 30]
        const score = modifiedZScore(20, baseline)
        expect(score).not.toBeNull()
        if (!score) return
        expect(rescore(score, 25)).toEqual(modifiedZScore(25, baseline))
        const flat = modifiedZScore(5, [4, 4, 4, 4, 6])
        if (flat) expect(rescore(flat, 9)).toEqual(modifiedZScore(9, [4, 4, 4, 4, 6]))
        const constant = modifiedZScore(5, [4, 4, 4])
        if (constant) expect(rescore(constant, 9)).toEqual(modifiedZScore(9, [4, 4, 4]))
    })
})

describe('robustScale and floorScale', () => {
    it('gives the standard deviation the score stands for', () => {
        const score = modifiedZScore(20, [10, 11, 9, 10, 12, 8, 10])!
        expect(robustScale(score)).toBeCloseTo(score.mad / MAD_FACTOR, 10)
        expect(
            robustScale({ median: 5, mad: 0, meanAbsoluteDeviation: 0.5, method: 'MEAN_AD' })
        ).toBeCloseTo(MEAN_AD_FACTOR * 0.5, 10)
        expect(
            robustScale({ median: 5, mad: 0, meanAbsoluteDeviation: 0, method: 'CONSTANT' })
        ).toBeNull()
    })
    it('rescores with the floor where the robust scale is smaller, else leaves the score', () => {
        const score = modifiedZScore(73, [33, 34, 32, 33, 35, 31, 33, 34, 32, 33, 33])!
        expect(score.z).toBeGreaterThan(15)
        const floored = floorScale(score, 73, Math.sqrt(33))
        expect(floored.z).toBeCloseTo((73 - 33) / Math.sqrt(33), 10)
        expect(floored.method).toBe(score.method)
        expect(floorScale(score, 73, 0.5)).toBe(score)
        const constant = modifiedZScore(40, [33, 33, 33, 33])!
        expect(floorScale(constant, 40, 5).z).toBeNull()
    })
})
