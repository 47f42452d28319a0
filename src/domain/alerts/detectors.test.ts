import {
    DEFAULT_THRESHOLDS,
    detectCompletenessDrops,
    detectDivergence,
    detectMasterListGaps,
    detectOutliers,
    detectStockoutWithCases,
    type NumericSeries,
} from './index'

/** Monthly period ids from January 2024 */
const months = (count: number): string[] =>
    Array.from({ length: count }, (_, i) => {
        const year = 2024 + Math.floor(i / 12)
        return `${year}${String((i % 12) + 1).padStart(2, '0')}`
    })

/** A deterministic wobble in [-1, 1] */
const wobble = (i: number): number => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5

/** 100 ± 30 over the year (rainy-season peak) ± 5 noise */
const seasonal = (count: number): number[] =>
    Array.from({ length: count }, (_, i) =>
        Math.round(100 + 30 * Math.sin((2 * Math.PI * i) / 12) + 5 * wobble(i))
    )

/** 100 ± 5, no season */
const noise = (count: number): number[] =>
    Array.from({ length: count }, (_, i) => Math.round(100 + 5 * wobble(i)))

const context = (count: number) => ({
    pairId: 'oxytocin-deliveries',
    orgUnitId: 'DistrictX01',
    periods: months(count),
})

const outliers = (values: NumericSeries, extra: Record<string, unknown> = {}) =>
    detectOutliers({ ...context(values.length), values, series: 'hmis', ...extra })

describe('detectOutliers', () => {
    it('finds nothing in a constant series', () => {
        expect(outliers(Array(24).fill(100))).toEqual([])
    })

    it('finds nothing in a seasonal series once the baseline spans a year', () => {
        expect(outliers(seasonal(36), { testLast: 24 })).toEqual([])
    })

    it('may flag seasonal swings while the baseline is shorter than the season', () => {
        // the first months only saw the rising half of the season: the fall looks abnormal
        expect(outliers(seasonal(12)).map((alert) => alert.type)).toContain('collapse')
    })

    it('misses a fall of 85% in a strongly seasonal series (MAD ≈ 20% of the level)', () => {
        // |z| = 0.6745 × 85 / 18.5 ≈ 3.1: the divergence detector, comparing consumption with
        // cases that share the season, is the one to catch this
        const values = seasonal(36)
        values[30] = 15
        expect(outliers(values, { testLast: 24 })).toEqual([])
        values[30] = 0
        expect(outliers(values, { testLast: 24 })).toHaveLength(1)
    })

    it('flags a ×10 spike in a seasonal series, and only it', () => {
        const values = seasonal(36)
        values[30] = (values[30] as number) * 10
        const alerts = outliers(values, { testLast: 24 })
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({
            id: 'spike:oxytocin-deliveries:DistrictX01:202607:hmis',
            type: 'spike',
            period: '202607',
            direction: 'up',
            series: 'hmis',
            measure: null,
            method: 'MAD',
        })
        expect(alerts[0]!.severity).toBe(Math.abs(alerts[0]!.details.zScore!))
        expect(alerts[0]!.severity).toBeGreaterThan(DEFAULT_THRESHOLDS.zScore)
        expect(alerts[0]!.details.baselineSize).toBe(12)
    })

    it('flags a collapse of an LMIS measure, with the measure in the id', () => {
        const values = noise(24)
        values[20] = 10
        const alerts = outliers(values, { series: 'lmis', measure: 'stockOnHand', testLast: 12 })
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({
            id: 'collapse:oxytocin-deliveries:DistrictX01:202509:stockOnHand',
            type: 'collapse',
            direction: 'down',
            series: 'lmis',
            measure: 'stockOnHand',
        })
        expect(alerts[0]!.details.changePercent).toBeLessThan(-80)
        expect(alerts[0]!.magnitude).toBeCloseTo(-alerts[0]!.details.changePercent!)
        // consumption is the default LMIS measure
        expect(outliers(values, { series: 'lmis', testLast: 12 })[0]!.measure).toBe('consumption')
    })

    it('uses MeanAD when MAD = 0', () => {
        // over half the baseline equals the median: MAD = 0, MeanAD > 0
        const values = [...Array(10).fill(10), 12, 30]
        const alerts = outliers(values)
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({ type: 'spike', method: 'MEAN_AD', period: '202412' })
        expect(alerts[0]!.details.mad).toBe(0)
        expect(alerts[0]!.details.meanAbsoluteDeviation).toBeCloseTo(2 / 11)
    })

    it('is sensitive with MeanAD when nearly all the baseline is equal', () => {
        // 12 after ten 10s is +20% of a constant baseline (not flagged), but 8 after it scores
        // z = −2 / (1.253314 × 2/11) ≈ −8.8
        const alerts = outliers([...Array(10).fill(10), 12, 8])
        expect(alerts.map((alert) => [alert.period, alert.type, alert.method])).toEqual([
            ['202412', 'collapse', 'MEAN_AD'],
        ])
    })

    it('compares with the min drop % when the baseline is constant', () => {
        const flat = (last: number) => outliers([...Array(12).fill(100), last])
        expect(flat(130)).toEqual([]) // +30% ≤ 50%
        expect(flat(40)).toHaveLength(1)
        expect(flat(40)[0]).toMatchObject({
            type: 'collapse',
            method: 'CONSTANT',
            magnitude: 60,
            severity: (3.5 * 60) / 50,
        })
        expect(flat(40)[0]!.details.zScore).toBeNull()
        expect(flat(200)[0]).toMatchObject({ type: 'spike', method: 'CONSTANT', magnitude: 100 })
        // the pair's own minimum drop
        expect(
            outliers([...Array(12).fill(100), 75], { thresholds: { minDropPercent: 20 } })
        ).toHaveLength(1)
    })

    it('never flags a change from a constant zero baseline', () => {
        expect(outliers([...Array(12).fill(0), 3])).toEqual([])
        expect(outliers([...Array(12).fill(0), 300])).toEqual([])
    })

    it('handles zeros in a varying series: the MeanAD fallback flags a rare large value', () => {
        const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 9]
        const alerts = outliers(values)
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({ type: 'spike', method: 'MEAN_AD' })
        // percent change from a zero median has no value: magnitude is the absolute change
        expect(alerts[0]!.details.changePercent).toBeNull()
        expect(alerts[0]!.magnitude).toBe(9)
    })

    it('skips missing values, in the tested period and in the baseline', () => {
        const values: (number | null)[] = noise(24)
        values[22] = null
        values[23] = 1000
        for (let i = 12; i < 20; i += 2) values[i] = null
        const alerts = outliers(values, { testLast: 12 })
        expect(alerts.map((a) => a.period)).toEqual(['202512'])
        // baseline = the 12 periods before, of which 5 are missing
        expect(alerts[0]!.details.baselineSize).toBe(7)
    })

    it('needs at least 4 baseline values', () => {
        expect(outliers([100, 100, 100, 1000])).toEqual([])
        expect(outliers([100, 100, 100, 100, 1000])).toHaveLength(1)
        expect(outliers([null, 100, null, 100, 100, 1000])).toEqual([])
        expect(
            outliers([100, 100, 100, 1000], { thresholds: { minBaselinePoints: 3 } })
        ).toHaveLength(1)
    })

    it('tests only the last periods when asked', () => {
        const values = noise(24)
        values[15] = 2000
        values[23] = 2000
        expect(outliers(values, { testLast: 12 }).map((a) => a.period)).toEqual([
            '202504',
            '202512',
        ])
        expect(outliers(values, { testLast: 3 }).map((a) => a.period)).toEqual(['202512'])
    })

    it('follows the pair’s z-score threshold', () => {
        const values = [8, 9, 10, 11, 12, 15] // z = 0.6745 × 5 = 3.37
        expect(outliers(values)).toEqual([])
        expect(outliers(values, { thresholds: { zScore: 3 } })).toHaveLength(1)
    })

    it('gives the same ids on every run', () => {
        const values = seasonal(36)
        values[30] = 5000
        expect(outliers(values).map((a) => a.id)).toEqual(outliers(values).map((a) => a.id))
    })
})

describe('detectDivergence', () => {
    const count = 15
    const full = Array(count).fill(100)
    const base = () => ({
        ...context(count),
        consumption: Array.from({ length: count }, (_, i) => 100 + wobble(i) * 5),
        cases: Array.from({ length: count }, (_, i) => 100 + wobble(i + 7) * 5),
        hmisCompleteness: [...full],
        lmisCompleteness: [...full],
    })

    it('finds nothing while consumption follows cases', () => {
        expect(detectDivergence(base())).toEqual([])
    })

    it('flags consumption falling 85% while cases stay stable', () => {
        const input = base()
        input.consumption[14] = 15
        input.cases[14] = 100
        const alerts = detectDivergence(input)
        expect(alerts).toHaveLength(1)
        const [alert] = alerts
        expect(alert).toMatchObject({
            id: 'divergence:oxytocin-deliveries:DistrictX01:202503',
            type: 'divergence',
            direction: 'down',
            series: 'both',
            trigger: 'change',
        })
        expect(alert!.details.consumptionChangePercent).toBeCloseTo(-85, 0)
        expect(Math.abs(alert!.details.casesChangePercent!)).toBeLessThan(15)
        expect(alert!.magnitude).toBeGreaterThan(80)
        // log-scaled: a fall of 85% is well beyond a halving
        expect(alert!.severity).toBeGreaterThan(2 * DEFAULT_THRESHOLDS.zScore)
    })

    it('flags cases falling while consumption stays (ratio up)', () => {
        const input = base()
        input.cases[14] = 40
        const [alert] = detectDivergence(input)
        expect(alert).toMatchObject({ direction: 'up', trigger: 'change' })
        expect(alert!.details.casesChangePercent).toBeLessThan(-55)
    })

    it('weighs halving and doubling the same', () => {
        // consumption = cases: the ratio is 1 in every period
        const proportional = (last: number) => {
            const input = base()
            input.consumption = [...input.cases]
            input.consumption[14] = input.cases[14]! * last
            return input
        }
        const halved = proportional(0.5)
        const doubled = proportional(2)
        const rise = proportional(1.6)
        expect(detectDivergence(halved)[0]!.severity).toBeCloseTo(
            detectDivergence(doubled)[0]!.severity
        )
        expect(detectDivergence(halved)[0]!.severity).toBeCloseTo(DEFAULT_THRESHOLDS.zScore)
        expect(detectDivergence(halved)).toHaveLength(1)
        expect(detectDivergence(doubled)).toHaveLength(1)
        expect(detectDivergence(rise)).toEqual([]) // +60% < +100%
    })

    it('ignores periods whose reports are incomplete', () => {
        const input = base()
        input.consumption[14] = 15
        input.hmisCompleteness[14] = 60
        expect(detectDivergence(input)).toEqual([])
        input.hmisCompleteness[14] = 100
        input.lmisCompleteness[14] = null as unknown as number
        expect(detectDivergence(input)).toEqual([])
        // an incomplete baseline leaves too few points
        const thin = base()
        thin.consumption[14] = 15
        for (let i = 0; i < 12; i++) thin.lmisCompleteness[i] = i < 11 ? 50 : 100
        expect(detectDivergence(thin)).toEqual([])
    })

    it('finds nothing when both fall together', () => {
        const input = base()
        input.consumption[14] = 20
        input.cases[14] = 20
        expect(detectDivergence(input)).toEqual([])
    })

    it('flags a ratio leaving the expected band while its median was inside', () => {
        const input = { ...base(), thresholds: { ratioBand: [0.8, 1.5] as [number, number] } }
        input.consumption[14] = 160
        input.cases[14] = 100
        const [alert] = detectDivergence(input)
        expect(alert).toMatchObject({ trigger: 'band', direction: 'up' })
        expect(alert!.details).toMatchObject({ bandLow: 0.8, bandHigh: 1.5 })
        expect(alert!.severity).toBeLessThan(DEFAULT_THRESHOLDS.zScore)
        // always outside the band: not a divergence
        const outside = { ...base(), thresholds: { ratioBand: [2, 3] as [number, number] } }
        outside.consumption[14] = 160
        expect(detectDivergence(outside)).toEqual([])
    })

    it('skips periods without cases and ratios with a zero median', () => {
        const input = base()
        input.cases[14] = 0
        expect(detectDivergence(input)).toEqual([])
        const none = base()
        none.consumption = Array(count).fill(0)
        none.consumption[14] = 50
        expect(detectDivergence(none)).toEqual([])
    })
})

describe('detectStockoutWithCases', () => {
    const count = 14
    const base = () => ({
        ...context(count),
        cases: Array.from({ length: count }, (_, i) => 50 + wobble(i) * 5),
        stockOnHand: Array(count).fill(200) as (number | null)[],
        stockoutDays: Array(count).fill(0) as (number | null)[],
    })

    it('finds nothing while there is stock', () => {
        expect(detectStockoutWithCases(base())).toEqual([])
    })

    it('flags no stock while cases continue', () => {
        const input = base()
        input.stockOnHand[13] = 0
        input.stockoutDays[13] = 30
        const alerts = detectStockoutWithCases(input)
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({
            id: 'stockoutWithCases:oxytocin-deliveries:DistrictX01:202502',
            type: 'stockoutWithCases',
            reason: 'noStock',
            direction: 'down',
            series: 'both',
        })
        expect(alerts[0]!.details.casesPercentOfUsual).toBeGreaterThan(85)
        expect(alerts[0]!.severity).toBeCloseTo((3.5 * alerts[0]!.magnitude) / 100)
    })

    it('flags stockout days with stock left at the end of the period', () => {
        const input = base()
        input.stockoutDays[13] = 12
        expect(detectStockoutWithCases(input)[0]).toMatchObject({ reason: 'stockoutDays' })
    })

    it('does not flag a stockout when cases fell too', () => {
        const input = base()
        input.stockOnHand[13] = 0
        input.cases[13] = 20
        expect(detectStockoutWithCases(input)).toEqual([])
    })

    it('flags a stockout rate rising from its usual level', () => {
        const rates = Array(count).fill(5)
        const input = { ...context(count), cases: base().cases, stockoutRate: rates }
        expect(detectStockoutWithCases(input)).toEqual([])
        rates[13] = 15 // +10 points
        expect(detectStockoutWithCases(input)).toEqual([])
        rates[13] = 40
        expect(detectStockoutWithCases(input)[0]).toMatchObject({ reason: 'stockoutRate' })
        expect(detectStockoutWithCases(input)[0]!.details.stockoutRateMedian).toBe(5)
    })

    it('needs a baseline of cases', () => {
        const input = base()
        input.stockOnHand[3] = 0
        input.cases = input.cases.map((value, i) => (i < 3 ? null : value)) as number[]
        input.stockOnHand[13] = 0
        expect(detectStockoutWithCases(input).map((a) => a.period)).toEqual(['202502'])
    })
})

describe('detectCompletenessDrops', () => {
    const count = 13
    const input = (hmis: NumericSeries, lmis: NumericSeries = Array(count).fill(100)) => ({
        ...context(count),
        reports: [
            { report: 'hmis' as const, rates: hmis },
            { report: 'lmis' as const, dataSetId: 'LmisMonth01', rates: lmis },
        ],
    })

    it('finds nothing at full completeness', () => {
        expect(detectCompletenessDrops(input(Array(count).fill(100)))).toEqual([])
    })

    it('flags a rate below 80%', () => {
        const rates = [...Array(count - 1).fill(85), 75]
        const alerts = detectCompletenessDrops(input(rates))
        expect(alerts).toHaveLength(1)
        expect(alerts[0]).toMatchObject({
            id: 'completenessDrop:oxytocin-deliveries:DistrictX01:202501:hmis',
            report: 'hmis',
            dataSetId: null,
            series: 'completeness',
            direction: 'down',
            magnitude: 5,
        })
        expect(alerts[0]!.details).toMatchObject({ rate: 75, median: 85, threshold: 80 })
    })

    it('flags a drop of more than 20 points from the median, and not of 15', () => {
        expect(detectCompletenessDrops(input([...Array(12).fill(100), 85]))).toEqual([])
        const alerts = detectCompletenessDrops(input([...Array(12).fill(100), 75]))
        expect(alerts[0]).toMatchObject({ magnitude: 25 })
        expect(alerts[0]!.details.dropPoints).toBe(25)
        expect(alerts[0]!.severity).toBeCloseTo((3.5 * 25) / 20)
        // a lower threshold still catches the drop
        const custom = detectCompletenessDrops({
            ...input([...Array(12).fill(100), 75]),
            thresholds: { completenessThreshold: 50 },
        })
        expect(custom).toHaveLength(1)
    })

    it('with the reports expected, flags only a fall beyond chance', () => {
        // 11 reports expected, usually one in twenty late: 8 of 11 (72.7 %) happens by chance
        const expected = Array(count).fill(11)
        const usual = [100, 90.9, 100, 100, 90.9, 100, 100, 100, 90.9, 100, 100, 90.9]
        const chance = { report: 'hmis' as const, rates: [...usual, 72.7], expected }
        expect(detectCompletenessDrops({ ...context(count), reports: [chance] })).toEqual([])
        // without the counts it is flagged, as before
        const { expected: _e, ...rateOnly } = chance
        expect(detectCompletenessDrops({ ...context(count), reports: [rateOnly] })).toHaveLength(1)
        // 40 reports expected, three quarters missing: far beyond chance
        const district = {
            report: 'hmis' as const,
            rates: [...Array(12).fill(97.5), 25],
            expected: Array(count).fill(40),
        }
        expect(detectCompletenessDrops({ ...context(count), reports: [district] })).toHaveLength(1)
        // a standing low rate (the baseline's median below 80 % too) is flagged as before, from
        // the fifth month on (the first four have no baseline median)
        const standing = {
            report: 'hmis' as const,
            rates: Array(count).fill(72.7),
            expected,
        }
        expect(detectCompletenessDrops({ ...context(count), reports: [standing] })).toHaveLength(
            count - 4
        )
    })

    it('checks the LMIS report too, with its data set in the id', () => {
        const alerts = detectCompletenessDrops(
            input(Array(count).fill(100), [...Array(12).fill(90), null])
        )
        expect(alerts).toEqual([])
        const lmis = detectCompletenessDrops(input(Array(count).fill(100), Array(count).fill(60)))
        expect(lmis).toHaveLength(count)
        expect(lmis[0]).toMatchObject({
            id: 'completenessDrop:oxytocin-deliveries:DistrictX01:202401:lmis-LmisMonth01',
            report: 'lmis',
            dataSetId: 'LmisMonth01',
        })
        // without baseline only the threshold test applies
        expect(lmis[0]!.details.median).toBeNull()
    })
})

describe('detectMasterListGaps', () => {
    it('reports org units present in one system only', () => {
        const alerts = detectMasterListGaps({
            pairId: 'oxytocin-deliveries',
            period: '202503',
            orgUnits: [
                { orgUnitId: 'Both0000001', hmis: 3, lmis: true },
                { orgUnitId: 'LmisOnly001', hmis: 0, lmis: 5 },
                { orgUnitId: 'HmisOnly001', hmis: true, lmis: false },
                { orgUnitId: 'Neither0001', hmis: false, lmis: 0 },
            ],
        })
        expect(alerts).toEqual([
            {
                id: 'lmisWithoutHmis:oxytocin-deliveries:LmisOnly001:202503',
                type: 'lmisWithoutHmis',
                pairId: 'oxytocin-deliveries',
                orgUnitId: 'LmisOnly001',
                period: '202503',
                severity: 3.5,
                magnitude: 5,
                direction: 'down',
                series: 'hmis',
                details: { hmisValues: 0, lmisValues: 5 },
            },
            {
                id: 'hmisWithoutLmis:oxytocin-deliveries:HmisOnly001:202503',
                type: 'hmisWithoutLmis',
                pairId: 'oxytocin-deliveries',
                orgUnitId: 'HmisOnly001',
                period: '202503',
                severity: 3.5,
                magnitude: 1,
                direction: 'down',
                series: 'lmis',
                details: { hmisValues: 1, lmisValues: 0 },
            },
        ])
    })
})
