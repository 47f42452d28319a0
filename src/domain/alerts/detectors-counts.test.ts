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
