import { aggregateReportingRate, alignReportingRate, reportingRate } from './index'

describe('reportingRate', () => {
    it('divides actual by expected reports, aggregating from counts', () => {
        expect(reportingRate({ actual: 45, expected: 50 })).toBe(90)
        expect(reportingRate({ actual: 0, expected: 0 })).toBeNull()
        expect(
            aggregateReportingRate([
                { actual: 1, expected: 1 },
                { actual: 0, expected: 3 },
            ])
        ).toBe(25)
    })
})

describe('alignReportingRate', () => {
    it('recomputes a quarter from summed monthly counts, missing counts as 0', () => {
        const points = alignReportingRate({
            grain: 'quarterly',
            periods: ['2024Q1', '2024Q2'],
            sourcePeriodType: 'MONTHLY',
            actual: { '202401': 10, '202402': 8 },
            expected: { '202401': 10, '202402': 10, '202403': 10 },
        })
        expect(points.map((point) => point.value)).toEqual([60, null])
        expect(points[0]?.sourcePeriods).toEqual(['202401', '202402', '202403'])
        expect(points[1]?.missingPeriods).toEqual(['202404', '202405', '202406'])
    })

    it('shows a quarterly data set rate on each month of the quarter', () => {
        const points = alignReportingRate({
            grain: 'monthly',
            periods: ['202403', '202404'],
            sourcePeriodType: 'QUARTERLY',
            actual: { '2024Q1': 3 },
            expected: { '2024Q1': 4, '2024Q2': 4 },
        })
        expect(points.map((point) => [point.value, point.reason])).toEqual([
            [75, 'QUARTER_RATE'],
            [0, 'QUARTER_RATE'],
        ])
    })

    it('divides counts period by period for the same period type', () => {
        const points = alignReportingRate({
            grain: 'monthly',
            periods: ['202401'],
            sourcePeriodType: 'MONTHLY',
            actual: { '202401': 1 },
            expected: { '202401': 2 },
        })
        expect(points[0]).toMatchObject({ value: 50, reason: null, sourcePeriods: ['202401'] })
    })
})
