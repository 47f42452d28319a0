import { alignSeries, alignValues, describeAlignment, type AlignedPoint } from './index'

const pick = (points: AlignedPoint[]) =>
    points.map(({ period, value, estimated, partial, reason }) => ({
        period,
        value,
        estimated,
        partial,
        reason,
    }))

describe('alignValues, monthly view', () => {
    it('shows monthly values as they are, missing ones as null', () => {
        const points = alignValues({
            grain: 'monthly',
            periods: ['202401', '202402', '202403'],
            values: { '202401': 10, '202402': 0, '202404': 99 },
            sourcePeriodType: 'MONTHLY',
            kind: 'flow',
        })
        expect(points).toEqual([
            {
                period: '202401',
                value: 10,
                estimated: false,
                partial: false,
                sourcePeriods: ['202401'],
                missingPeriods: [],
                reason: null,
            },
            {
                period: '202402',
                value: 0,
                estimated: false,
                partial: false,
                sourcePeriods: ['202402'],
                missingPeriods: [],
                reason: null,
            },
            {
                period: '202403',
                value: null,
                estimated: false,
                partial: false,
                sourcePeriods: [],
                missingPeriods: ['202403'],
                reason: null,
            },
        ])
    })

    it('divides a quarterly flow by 3 across the quarter boundary, flagged as estimates', () => {
        const points = alignValues({
            grain: 'monthly',
            periods: ['202311', '202312', '202401', '202402'],
            values: { '2023Q4': 300, '2024Q1': 90 },
            sourcePeriodType: 'QUARTERLY',
            kind: 'flow',
        })
        expect(pick(points)).toEqual([
            {
                period: '202311',
                value: 100,
                estimated: true,
                partial: false,
                reason: 'QUARTER_DIVIDED_BY_3',
            },
            {
                period: '202312',
                value: 100,
                estimated: true,
                partial: false,
                reason: 'QUARTER_DIVIDED_BY_3',
            },
            {
                period: '202401',
                value: 30,
                estimated: true,
                partial: false,
                reason: 'QUARTER_DIVIDED_BY_3',
            },
            {
                period: '202402',
                value: 30,
                estimated: true,
                partial: false,
                reason: 'QUARTER_DIVIDED_BY_3',
            },
        ])
        expect(points[0]?.sourcePeriods).toEqual(['2023Q4'])
        expect(describeAlignment(points[0]!)).toBe('Estimate – quarterly value ÷ 3')
    })

    it('keeps a quarterly zero as an estimate of zero and a missing quarter as null', () => {
        const points = alignValues({
            grain: 'monthly',
            periods: ['202401', '202404'],
            values: { '2024Q1': 0 },
            sourcePeriodType: 'QUARTERLY',
            kind: 'flow',
        })
        expect(pick(points)).toEqual([
            {
                period: '202401',
                value: 0,
                estimated: true,
                partial: false,
                reason: 'QUARTER_DIVIDED_BY_3',
            },
            { period: '202404', value: null, estimated: false, partial: false, reason: null },
        ])
        expect(points[1]?.missingPeriods).toEqual(['2024Q2'])
    })

    it('puts a quarterly stock level on the last month only, undivided', () => {
        const points = alignValues({
            grain: 'monthly',
            periods: ['202401', '202402', '202403', '202404', '202405', '202406'],
            values: { '2024Q1': 450 },
            sourcePeriodType: 'QUARTERLY',
            kind: 'level',
        })
        expect(pick(points)).toEqual([
            {
                period: '202401',
                value: null,
                estimated: false,
                partial: false,
                reason: 'LEVEL_ONLY_AT_QUARTER_END',
            },
            {
                period: '202402',
                value: null,
                estimated: false,
                partial: false,
                reason: 'LEVEL_ONLY_AT_QUARTER_END',
            },
            {
                period: '202403',
                value: 450,
                estimated: false,
                partial: false,
                reason: 'QUARTER_END_LEVEL',
            },
            {
                period: '202404',
                value: null,
                estimated: false,
                partial: false,
                reason: 'LEVEL_ONLY_AT_QUARTER_END',
            },
            {
                period: '202405',
                value: null,
                estimated: false,
                partial: false,
                reason: 'LEVEL_ONLY_AT_QUARTER_END',
            },
            { period: '202406', value: null, estimated: false, partial: false, reason: null },
        ])
        expect(points[2]?.sourcePeriods).toEqual(['2024Q1'])
        expect(points[5]?.missingPeriods).toEqual(['2024Q2'])
    })

    it('rejects periods of the wrong type for the view', () => {
        expect(() =>
            alignValues({
                grain: 'monthly',
                periods: ['2024Q1'],
                values: {},
                sourcePeriodType: 'MONTHLY',
                kind: 'flow',
            })
        ).toThrow(RangeError)
        // A list found right for one grain is checked again for the other
        const months = ['202401', '202402']
        const align = (grain: 'monthly' | 'quarterly') =>
            alignValues({
                grain,
                periods: months,
                values: {},
                sourcePeriodType: 'MONTHLY',
                kind: 'flow',
            })
        expect(align('monthly')).toHaveLength(2)
        expect(() => align('quarterly')).toThrow(RangeError)
        expect(align('monthly')).toHaveLength(2)
    })
})

describe('alignValues, quarterly view', () => {
    it('sums a monthly flow only when all three months have a value', () => {
        const points = alignValues({
            grain: 'quarterly',
            periods: ['2023Q4', '2024Q1', '2024Q2'],
            values: {
                '202310': 1,
                '202311': 2,
                '202312': 3,
                '202401': 5,
                '202403': 0,
            },
            sourcePeriodType: 'MONTHLY',
            kind: 'flow',
        })
        expect(pick(points)).toEqual([
            { period: '2023Q4', value: 6, estimated: false, partial: false, reason: null },
            {
                period: '2024Q1',
                value: null,
                estimated: false,
                partial: true,
                reason: 'MONTHS_MISSING',
            },
            { period: '2024Q2', value: null, estimated: false, partial: false, reason: null },
        ])
        expect(points[0]?.sourcePeriods).toEqual(['202310', '202311', '202312'])
        expect(points[1]?.sourcePeriods).toEqual(['202401', '202403'])
        expect(points[1]?.missingPeriods).toEqual(['202402'])
        expect(describeAlignment(points[1]!)).toBe(
            'Incomplete quarter – 1 of 3 months have no value'
        )
    })

    it('sums zeros as values', () => {
        const [quarter] = alignValues({
            grain: 'quarterly',
            periods: ['2024Q1'],
            values: { '202401': 0, '202402': 0, '202403': 0 },
            sourcePeriodType: 'MONTHLY',
            kind: 'flow',
        })
        expect(quarter?.value).toBe(0)
        expect(quarter?.partial).toBe(false)
    })

    it('takes the last month of a monthly level, never an earlier month', () => {
        const points = alignValues({
            grain: 'quarterly',
            periods: ['2024Q1', '2024Q2', '2024Q3'],
            values: { '202401': 10, '202403': 0, '202404': 7, '202405': 8 },
            sourcePeriodType: 'MONTHLY',
            kind: 'level',
        })
        expect(pick(points)).toEqual([
            { period: '2024Q1', value: 0, estimated: false, partial: false, reason: null },
            {
                period: '2024Q2',
                value: null,
                estimated: false,
                partial: true,
                reason: 'LAST_MONTH_MISSING',
            },
            { period: '2024Q3', value: null, estimated: false, partial: false, reason: null },
        ])
        expect(points[0]?.sourcePeriods).toEqual(['202403'])
        expect(points[1]?.missingPeriods).toEqual(['202406'])
    })

    it('shows quarterly values as they are', () => {
        const [quarter] = alignValues({
            grain: 'quarterly',
            periods: ['2024Q1'],
            values: { '2024Q1': 42 },
            sourcePeriodType: 'QUARTERLY',
            kind: 'level',
        })
        expect(quarter).toMatchObject({ value: 42, estimated: false, sourcePeriods: ['2024Q1'] })
    })
})

describe('alignSeries', () => {
    it('aligns a pair with monthly HMIS and quarterly LMIS in the monthly view', () => {
        const aligned = alignSeries({
            grain: 'monthly',
            periods: ['202401', '202402', '202403'],
            hmis: { deliveries: { values: { '202401': 100, '202402': 90, '202403': 110 } } },
            lmis: {
                periodType: 'QUARTERLY',
                consumption: { '2024Q1': 330 },
                stockOnHand: { '2024Q1': 500 },
                stockoutDays: { '2024Q1': 6 },
            },
        })
        expect(aligned.periods).toEqual(['202401', '202402', '202403'])
        expect(aligned.hmis.deliveries?.map((p) => p.value)).toEqual([100, 90, 110])
        expect(aligned.hmis.deliveries?.every((p) => !p.estimated)).toBe(true)
        expect(aligned.lmis.consumption?.map((p) => [p.value, p.estimated])).toEqual([
            [110, true],
            [110, true],
            [110, true],
        ])
        expect(aligned.lmis.stockOnHand?.map((p) => p.value)).toEqual([null, null, 500])
        expect(aligned.lmis.stockoutDays?.map((p) => p.value)).toEqual([2, 2, 2])
        expect(aligned.lmis.losses).toBeUndefined()
    })

    it('aligns the same pair in the quarterly view', () => {
        const aligned = alignSeries({
            grain: 'quarterly',
            periods: ['2024Q1'],
            hmis: {
                deliveries: { values: { '202401': 100, '202402': 90, '202403': 110 } },
                coverage: { values: { '2024Q1': 87.5 }, periodType: 'QUARTERLY' },
            },
            lmis: { periodType: 'QUARTERLY', consumption: { '2024Q1': 330 } },
        })
        expect(aligned.hmis.deliveries?.[0]?.value).toBe(300)
        expect(aligned.hmis.coverage?.[0]?.value).toBe(87.5)
        expect(aligned.lmis.consumption?.[0]).toMatchObject({ value: 330, estimated: false })
    })

    it('handles an empty window and no LMIS', () => {
        expect(alignSeries({ grain: 'monthly', periods: [], hmis: { a: { values: {} } } })).toEqual(
            {
                grain: 'monthly',
                periods: [],
                hmis: { a: [] },
                lmis: {},
            }
        )
    })
})
