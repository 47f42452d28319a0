import { detectOutliers } from './detectors'

const months = Array.from(
    { length: 36 },
    (_, i) => `${2023 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`
)
const context = { pairId: 'p', orgUnitId: 'ou', periods: months, testLast: 1 }

describe('detectOutliers with small counts', () => {
    // A median of 2.5 female-condom clients, then 9: the modified z-score calls it extreme
    const values = [...Array.from({ length: 35 }, (_, i) => [2, 3, 2, 4, 1, 3][i % 6] as number), 9]
    it('flags it with the modified z-score', () => {
        const [alert] = detectOutliers({ ...context, values, series: 'hmis' })
        expect(alert?.severity).toBeGreaterThan(5)
    })
    it('judges it as a count below the low-count median: not an outlier', () => {
        expect(detectOutliers({ ...context, values, series: 'hmis', lowCountMedian: 20 })).toEqual(
            []
        )
    })
    it('still flags ×10 as a count, with the method and the expected mean', () => {
        const spiked = [...values.slice(0, 35), 25]
        const [alert] = detectOutliers({
            ...context,
            values: spiked,
            series: 'hmis',
            lowCountMedian: 20,
        })
        expect(alert?.method).toMatch(/POISSON|NEG_BINOMIAL/)
        expect(alert?.severity).toBeGreaterThan(5)
        expect(alert?.details.expected).toBeCloseTo(2.5, 0)
    })
})

describe('detectOutliers with seasonality', () => {
    // December is 1.5 × the other months, every year, with a little noise
    const values = months.map((m, i) => (m.endsWith('12') ? 150 : 100) + ((i * 7) % 5) - 2)
    it('flags the December peak against the twelve months before it', () => {
        expect(detectOutliers({ ...context, values, series: 'hmis' })).toHaveLength(1)
    })
    it('does not when last year’s December is taken into account', () => {
        expect(detectOutliers({ ...context, values, series: 'hmis', seasonal: true })).toEqual([])
    })
    it('still flags a December twice its seasonal level', () => {
        const doubled = [...values.slice(0, 35), 300]
        const [alert] = detectOutliers({
            ...context,
            values: doubled,
            series: 'hmis',
            seasonal: true,
        })
        expect(alert?.type).toBe('spike')
        expect(alert?.details.seasonalFactor).toBeCloseTo(1.5, 1)
        expect(alert?.details.expected).toBeGreaterThan(140)
    })
})

describe('detectOutliers with counts from the low-count median on', () => {
    // 33 cases a month, nearly always the same (a MAD of 1): Poisson alone gives a standard
    // deviation of 5.7, so 48 (+15) is ordinary; the modified z-score alone calls it extreme
    const flat = [33, 34, 32, 33, 33, 35, 31, 33, 34, 32, 33, 33]
    const values = [...flat, 48]
    const last = { ...context, periods: months.slice(0, 13), testLast: 1 }
    it('floors the scale at Poisson for counts', () => {
        const [raw] = detectOutliers({ ...last, values, series: 'hmis' })
        expect(raw?.severity).toBeGreaterThan(5)
        expect(detectOutliers({ ...last, values, series: 'hmis', lowCountMedian: 20 })).toEqual([])
    })
    it('floors it at the baseline’s own dispersion when it varies more than Poisson', () => {
        // a district total of about 40 varying twice as much as Poisson, MAD small by chance
        const wide = [40, 41, 39, 40, 41, 39, 40, 52, 28, 55, 25, 40]
        const value = [...wide, 65]
        const [alert] = detectOutliers({ ...last, values: value, series: 'hmis' })
        const [counted] = detectOutliers({
            ...last,
            values: value,
            series: 'hmis',
            lowCountMedian: 20,
        })
        expect(alert?.severity).toBeGreaterThan(10)
        // (65 − 40) over the trimmed and rescaled standard deviation (≈ 7.5): below 3.5
        expect(counted).toBeUndefined()
        // a ×3 is still far beyond
        const [tripled] = detectOutliers({
            ...last,
            values: [...wide, 120],
            series: 'hmis',
            lowCountMedian: 20,
        })
        expect(tripled?.severity).toBeGreaterThan(6)
        expect(tripled?.method).toBe('MAD')
    })
})

describe('detectOutliers of units given in courses (unitsPerCount)', () => {
    // Magnesium sulfate ampoules of a hospital, 5 to 12 a patient: about 40 a month, then 80
    const values = [
        ...Array.from({ length: 35 }, (_, i) => [40, 36, 44, 38, 42, 35][i % 6] as number),
        80,
    ]
    const input = {
        ...context,
        values,
        series: 'lmis' as const,
        measure: 'consumption' as const,
        lowCountMedian: 20,
    }
    it('flags a doubling of ampoules counted as events', () => {
        expect(detectOutliers(input)).toHaveLength(1)
    })
    it('does not when each patient takes at least 5: four more patients than usual', () => {
        expect(detectOutliers({ ...input, unitsPerCount: 5 })).toEqual([])
        const tenfold = [...values.slice(0, 35), 400]
        expect(detectOutliers({ ...input, values: tenfold, unitsPerCount: 5 })).toHaveLength(1)
    })
})

describe('detectOutliers of a collapse to 0 of a dispersed small count', () => {
    // Median 19.5, trimmed mean 22.7, variance 113.6 (a negative binomial of size 5.7): a month
    // of 0 is 2.1 standard deviations below the mean, but P(X = 0) ≈ 1.1 × 10⁻⁴ (z −3.7)
    const year = [8, 12, 15, 17, 18, 19, 20, 28, 30, 33, 35, 40]
    const values = [...Array.from({ length: 35 }, (_, i) => year[i % 12] as number), 0]
    it('flags it as a collapse scored by the exact tail', () => {
        const [alert, ...others] = detectOutliers({
            ...context,
            values,
            series: 'hmis',
            lowCountMedian: 20,
        })
        expect(others).toEqual([])
        expect(alert?.type).toBe('collapse')
        expect(alert?.method).toBe('NEG_BINOMIAL')
        expect(alert?.severity).toBeGreaterThan(3.6)
        expect(alert?.severity).toBeLessThan(3.8)
        expect(alert?.details.expected).toBeCloseTo(22.7, 6)
    })
    it('not a month of 1, whose lower tail P(X ≤ 1) is z −3.2', () => {
        const one = [...values.slice(0, 35), 1]
        expect(
            detectOutliers({ ...context, values: one, series: 'hmis', lowCountMedian: 20 })
        ).toEqual([])
    })
})
