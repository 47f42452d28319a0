import {
    RELATIVE_PERIODS,
    expandPeriodSelection,
    expandRelativePeriod,
    isRelativePeriod,
    isMonthRangeSelection,
    monthRangeBounds,
    loadCalendarSupport,
    relativePeriodLabel,
} from './index'

const monthly = { now: '2024-05-15', periodType: 'MONTHLY' as const }
const quarterly = { now: '2024-05-15', periodType: 'QUARTERLY' as const }

describe('expandRelativePeriod, monthly grain', () => {
    it('counts LAST_n_MONTHS before the current month, as DHIS2 does', () => {
        expect(expandRelativePeriod('LAST_12_MONTHS', monthly)).toEqual([
            '202305',
            '202306',
            '202307',
            '202308',
            '202309',
            '202310',
            '202311',
            '202312',
            '202401',
            '202402',
            '202403',
            '202404',
        ])
        expect(expandRelativePeriod('LAST_6_MONTHS', monthly)).toHaveLength(6)
        expect(expandRelativePeriod('LAST_3_MONTHS', monthly)).toEqual([
            '202402',
            '202403',
            '202404',
        ])
        expect(expandRelativePeriod('LAST_MONTH', monthly)).toEqual(['202404'])
        expect(expandRelativePeriod('THIS_MONTH', monthly)).toEqual(['202405'])
    })

    it('crosses the year boundary in January', () => {
        expect(expandRelativePeriod('LAST_3_MONTHS', { ...monthly, now: '2024-01-01' })).toEqual([
            '202310',
            '202311',
            '202312',
        ])
    })

    it('expands quarter and year choices into their months, without future months', () => {
        expect(expandRelativePeriod('THIS_QUARTER', monthly)).toEqual(['202404', '202405'])
        expect(expandRelativePeriod('LAST_QUARTER', monthly)).toEqual([
            '202401',
            '202402',
            '202403',
        ])
        expect(expandRelativePeriod('LAST_4_QUARTERS', monthly)).toEqual([
            '202304',
            '202305',
            '202306',
            '202307',
            '202308',
            '202309',
            '202310',
            '202311',
            '202312',
            '202401',
            '202402',
            '202403',
        ])
        expect(expandRelativePeriod('THIS_YEAR', monthly)).toEqual([
            '202401',
            '202402',
            '202403',
            '202404',
            '202405',
        ])
        expect(expandRelativePeriod('LAST_YEAR', monthly)).toHaveLength(12)
        expect(expandRelativePeriod('LAST_YEAR', monthly)[0]).toBe('202301')
    })
})

describe('expandRelativePeriod, quarterly grain', () => {
    it('turns month windows into whole quarters before the current one', () => {
        expect(expandRelativePeriod('LAST_12_MONTHS', quarterly)).toEqual([
            '2023Q2',
            '2023Q3',
            '2023Q4',
            '2024Q1',
        ])
        expect(expandRelativePeriod('LAST_6_MONTHS', quarterly)).toEqual(['2023Q4', '2024Q1'])
        expect(expandRelativePeriod('LAST_3_MONTHS', quarterly)).toEqual(['2024Q1'])
        expect(expandRelativePeriod('LAST_MONTH', quarterly)).toEqual(['2024Q1'])
        expect(expandRelativePeriod('THIS_MONTH', quarterly)).toEqual(['2024Q2'])
    })

    it('expands quarter and year choices', () => {
        expect(expandRelativePeriod('LAST_4_QUARTERS', quarterly)).toEqual([
            '2023Q2',
            '2023Q3',
            '2023Q4',
            '2024Q1',
        ])
        expect(expandRelativePeriod('THIS_QUARTER', quarterly)).toEqual(['2024Q2'])
        expect(expandRelativePeriod('LAST_QUARTER', quarterly)).toEqual(['2024Q1'])
        expect(expandRelativePeriod('THIS_YEAR', quarterly)).toEqual(['2024Q1', '2024Q2'])
        expect(expandRelativePeriod('LAST_YEAR', quarterly)).toEqual([
            '2023Q1',
            '2023Q2',
            '2023Q3',
            '2023Q4',
        ])
    })
})

describe('expandPeriodSelection', () => {
    it('accepts relative periods and fixed years', () => {
        expect(expandPeriodSelection('LAST_3_MONTHS', monthly)).toEqual([
            '202402',
            '202403',
            '202404',
        ])
        expect(expandPeriodSelection('2023', quarterly)).toEqual([
            '2023Q1',
            '2023Q2',
            '2023Q3',
            '2023Q4',
        ])
        expect(expandPeriodSelection('2024', quarterly)).toEqual(['2024Q1', '2024Q2'])
        expect(expandPeriodSelection('2025', quarterly)).toEqual([])
        expect(expandPeriodSelection('LAST_5_YEARS', monthly)).toEqual([])
    })

    it('accepts a range of months (a dashboard period aligned to months), by month or quarter', () => {
        expect(expandPeriodSelection('202312_202402', monthly)).toEqual([
            '202312',
            '202401',
            '202402',
        ])
        expect(expandPeriodSelection('202312_202402', quarterly)).toEqual(['2023Q4', '2024Q1'])
        expect(expandPeriodSelection('202407_202506', monthly)).toHaveLength(12)
        expect(isMonthRangeSelection('202402_202312')).toBe(false)
        expect(isMonthRangeSelection('202413_202414')).toBe(false)
        expect(expandPeriodSelection('202402_202312', monthly)).toEqual([])
        expect(monthRangeBounds('202401_202401')).toEqual(['202401', '202401'])
    })

    it('labels every relative period', () => {
        for (const choice of RELATIVE_PERIODS) {
            expect(isRelativePeriod(choice)).toBe(true)
            expect(relativePeriodLabel(choice)).toMatch(/\w/)
        }
        expect(isRelativePeriod('2024')).toBe(false)
    })
})

describe('expandRelativePeriod in the Ethiopian calendar (computed by the app)', () => {
    const ethiopic = { calendar: 'ethiopic' as const, locale: 'en' }
    beforeAll(async () => {
        await loadCalendarSupport('ethiopic')
    })

    it('expands the relative periods of today (Hedar 25, 2019 = 2026-12-04)', () => {
        const options = { ...ethiopic, now: '2019-03-25', periodType: 'MONTHLY' as const }
        expect(expandRelativePeriod('THIS_MONTH', options)).toEqual(['201903'])
        expect(expandRelativePeriod('LAST_MONTH', options)).toEqual(['201902'])
        expect(expandRelativePeriod('LAST_12_MONTHS', options)).toEqual([
            '201803',
            '201804',
            '201805',
            '201806',
            '201807',
            '201808',
            '201809',
            '201810',
            '201811',
            '201812',
            '201901',
            '201902',
        ])
        expect(expandRelativePeriod('LAST_QUARTER', options)).toEqual([
            '201810',
            '201811',
            '201812',
        ])
        expect(expandRelativePeriod('THIS_YEAR', options)).toEqual(['201901', '201902', '201903'])
        expect(expandRelativePeriod('LAST_YEAR', options)).toHaveLength(12)
        expect(expandRelativePeriod('LAST_YEAR', options)[0]).toBe('201801')
        expect(
            expandRelativePeriod('LAST_4_QUARTERS', { ...options, periodType: 'QUARTERLY' })
        ).toEqual(['2018Q1', '2018Q2', '2018Q3', '2018Q4'])
    })

    it('counts "last month" on ISO months as DHIS2 RelativePeriods does', () => {
        // Yekatit 29, 2018 is 2026-03-08; one ISO month before is 2026-02-08, Yekatit 1: DHIS2's
        // LAST_MONTH is then Yekatit again (new DateTime(date).minusMonths(1))
        const options = { ...ethiopic, now: '2018-06-29', periodType: 'MONTHLY' as const }
        expect(expandRelativePeriod('LAST_MONTH', options)).toEqual(['201806'])
        expect(expandRelativePeriod('LAST_MONTH', { ...options, now: '2018-06-28' })).toEqual([
            '201805',
        ])
    })

    it('keeps working during Pagume: its days count as the end of Nehasse', () => {
        const options = { ...ethiopic, now: '2018-13-03', periodType: 'MONTHLY' as const }
        expect(expandRelativePeriod('THIS_MONTH', options)).toEqual(['201812'])
        expect(expandRelativePeriod('LAST_MONTH', options)).toEqual(['201811'])
        expect(expandRelativePeriod('THIS_YEAR', options)).toHaveLength(12)
        // Meskerem 28, 2019 (2026-10-08): one ISO month before is Pagume 3, 2018 → Nehasse
        expect(expandRelativePeriod('LAST_MONTH', { ...options, now: '2019-01-28' })).toEqual([
            '201812',
        ])
    })
})

describe('expandRelativePeriod in the Julian calendar (computed by the app)', () => {
    const julian = { calendar: 'julian' as Parameters<typeof loadCalendarSupport>[0] }
    beforeAll(async () => {
        await loadCalendarSupport(julian.calendar)
    })

    it('counts from the Julian date of today, 13 days behind the Gregorian one', () => {
        // 2026-12-04 (ISO) is 21 November 2026 (Julian)
        const options = { ...julian, now: '2026-11-21', periodType: 'MONTHLY' as const }
        expect(expandRelativePeriod('THIS_MONTH', options)).toEqual(['202611'])
        expect(expandRelativePeriod('LAST_MONTH', options)).toEqual(['202610'])
        expect(expandRelativePeriod('LAST_12_MONTHS', options)[0]).toBe('202511')
        expect(
            expandRelativePeriod('LAST_QUARTER', { ...options, periodType: 'QUARTERLY' })
        ).toEqual(['2026Q3'])
        expect(expandRelativePeriod('LAST_YEAR', options)[0]).toBe('202501')
    })
})
