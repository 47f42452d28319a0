import { describe, expect, it } from 'vitest'
import {
    comparePeriods,
    parseCalendarDate,
    parsePeriod,
    periodName,
    periodSpan,
    RELATIVE_PERIODS,
} from './periods'

const expand = (name: string, date: string): string[] =>
    (RELATIVE_PERIODS[name] as (typeof RELATIVE_PERIODS)[string])
        .expand(parseCalendarDate(date) as NonNullable<ReturnType<typeof parseCalendarDate>>)
        .map((p) => p.id)

describe('ISO periods', () => {
    it('parses monthly, quarterly, six-monthly and yearly ids', () => {
        expect(parsePeriod('202402')).toMatchObject({
            type: 'Monthly',
            startDate: '2024-02-01',
            endDate: '2024-02-29',
            days: 29,
        })
        expect(parsePeriod('2024Q4')).toMatchObject({
            type: 'Quarterly',
            startDate: '2024-10-01',
            endDate: '2024-12-31',
            days: 92,
        })
        expect(parsePeriod('2023S2')).toMatchObject({
            type: 'SixMonthly',
            startDate: '2023-07-01',
            endDate: '2023-12-31',
        })
        expect(parsePeriod('2024')).toMatchObject({
            type: 'Yearly',
            startDate: '2024-01-01',
            endDate: '2024-12-31',
            days: 366,
        })
    })

    it('rejects invalid ids', () => {
        for (const id of [
            '202413',
            '202400',
            '2024Q5',
            '2024S3',
            '24',
            'LAST_MONTH',
            '2024W54',
            '2024W0',
            '20240230',
            '202407B',
            '2024Sept',
            '',
        ]) {
            expect(parsePeriod(id)).toBeNull()
        }
    })

    it('names periods as the recorded responses do', () => {
        expect(
            periodName(parsePeriod('201907') as NonNullable<ReturnType<typeof parsePeriod>>)
        ).toBe('July 2019')
        expect(
            periodName(parsePeriod('2019Q4') as NonNullable<ReturnType<typeof parsePeriod>>)
        ).toBe('Oct to Dec 2019')
        expect(periodName(parsePeriod('2019') as NonNullable<ReturnType<typeof parsePeriod>>)).toBe(
            '2019'
        )
    })

    it('computes period spans as PeriodType.getPeriodSpan', () => {
        expect(periodSpan('Quarterly', 'Monthly')).toBe(3)
        expect(periodSpan('Yearly', 'Monthly')).toBe(12)
        expect(periodSpan('Yearly', 'Quarterly')).toBe(4)
        expect(periodSpan('SixMonthly', 'Monthly')).toBe(6)
        expect(periodSpan('Monthly', 'Quarterly')).toBe(0)
    })

    it('sorts as AscendingPeriodComparator: frequency, then start', () => {
        const ids = ['2024', '202402', '2023Q4', '202312', '2023']
        const sorted = ids
            .map((id) => parsePeriod(id) as NonNullable<ReturnType<typeof parsePeriod>>)
            .sort(comparePeriods)
            .map((p) => p.id)
        expect(sorted).toEqual(['202312', '202402', '2023Q4', '2023', '2024'])
    })
})

describe('periods of other types (daily, weekly, bi-monthly, financial)', () => {
    const p = (id: string) => parsePeriod(id) as NonNullable<ReturnType<typeof parsePeriod>>

    it('reads them with their ISO dates, as DHIS2 PeriodType does', () => {
        // ISO weeks: week 1 has January 4th, Monday start (the weeklyColumns fixture: 2020W10 is
        // 2020-03-02 to 2020-03-08, 2018W13 2018-03-26 to 2018-04-01)
        expect([p('2020W10').startDate, p('2020W10').endDate]).toEqual(['2020-03-02', '2020-03-08'])
        expect([p('2018W13').startDate, p('2018W13').endDate]).toEqual(['2018-03-26', '2018-04-01'])
        expect([p('2024W5').startDate, p('2024W5').endDate]).toEqual(['2024-01-29', '2024-02-04'])
        expect(p('2020W53').startDate).toBe('2020-12-28')
        expect(p('20240105')).toMatchObject({
            startDate: '2024-01-05',
            endDate: '2024-01-05',
            days: 1,
        })
        expect(p('202401B')).toMatchObject({
            startDate: '2024-01-01',
            endDate: '2024-02-29',
            type: 'BiMonthly',
        })
        expect(p('2024April')).toMatchObject({ startDate: '2024-04-01', endDate: '2025-03-31' })
        expect(p('2024July')).toMatchObject({ startDate: '2024-07-01', endDate: '2025-06-30' })
        expect(p('2024Oct')).toMatchObject({ startDate: '2024-10-01', endDate: '2025-09-30' })
        expect(p('2024Nov')).toMatchObject({ startDate: '2024-11-01', endDate: '2025-10-31' })
    })

    it('names them as DHIS2 2.41.4 does (I18nFormat.formatPeriod)', () => {
        expect(periodName(p('2024W5'))).toBe('Week 5 2024-01-29 - 2024-02-04')
        expect(periodName(p('2024July'))).toBe('July 2024 - June 2025')
        expect(periodName(p('202401B'))).toBe('January - February 2024')
    })

    it('sorts them by frequency order, and expands weekly and financial relative periods', () => {
        expect([p('2024'), p('2024W5'), p('202401')].sort(comparePeriods).map((x) => x.id)).toEqual(
            ['2024W5', '202401', '2024']
        )
        expect(expand('LAST_12_WEEKS', '2024-02-07')[0]).toBe('2023W46')
        expect(expand('LAST_12_WEEKS', '2024-02-07')).toHaveLength(12)
        expect(expand('LAST_12_WEEKS', '2024-02-07').at(-1)).toBe('2024W5')
        expect(expand('THIS_WEEK', '2024-02-07')).toEqual(['2024W6'])
        expect(expand('THIS_FINANCIAL_YEAR', '2024-02-07')).toEqual(['2023Oct'])
        expect(expand('THIS_FINANCIAL_YEAR', '2024-10-01')).toEqual(['2024Oct'])
        expect(expand('LAST_FINANCIAL_YEAR', '2024-02-07')).toEqual(['2022Oct'])
    })

    it('takes the financial year type from analyticsFinancialYearStart, and today (not relativePeriodDate)', () => {
        const at = (name: string, date: string, start: string | null, today?: string) =>
            (RELATIVE_PERIODS[name] as (typeof RELATIVE_PERIODS)[string])
                .expand(
                    parseCalendarDate(date) as NonNullable<ReturnType<typeof parseCalendarDate>>,
                    {
                        financialYearStart: start,
                        ...(today ? { today: parseCalendarDate(today) ?? undefined } : {}),
                    }
                )
                .map((p) => p.id)
        expect(at('THIS_FINANCIAL_YEAR', '2025-08-20', 'FINANCIAL_YEAR_JULY')).toEqual(['2025July'])
        expect(at('THIS_FINANCIAL_YEAR', '2025-06-30', 'FINANCIAL_YEAR_JULY')).toEqual(['2024July'])
        expect(at('LAST_FINANCIAL_YEAR', '2025-08-20', 'FINANCIAL_YEAR_APRIL')).toEqual([
            '2024April',
        ])
        expect(at('LAST_FINANCIAL_YEAR', '2025-08-20', 'FINANCIAL_YEAR_OCTOBER')).toEqual([
            '2023Oct',
        ])
        // Unknown or absent: DHIS2's default, October
        expect(at('THIS_FINANCIAL_YEAR', '2025-08-20', null)).toEqual(['2024Oct'])
        expect(at('THIS_FINANCIAL_YEAR', '2025-08-20', 'FINANCIAL_YEAR_MAY')).toEqual(['2024Oct'])
        expect(at('LAST_10_FINANCIAL_YEARS', '2025-08-20', 'FINANCIAL_YEAR_JULY')).toEqual(
            Array.from({ length: 10 }, (_, k) => `${2015 + k}July`)
        )
        // 2.40–2.42: the reference date of financial years is now, whatever relativePeriodDate says
        expect(
            at('THIS_FINANCIAL_YEAR', '2020-01-15', 'FINANCIAL_YEAR_JULY', '2025-08-20')
        ).toEqual(['2025July'])
        expect(at('THIS_YEAR', '2020-01-15', 'FINANCIAL_YEAR_JULY', '2025-08-20')).toEqual(['2020'])
    })
})

describe('relative periods', () => {
    it('matches the recorded responses (February 2020)', () => {
        expect(expand('LAST_12_MONTHS', '2020-02-10')).toEqual([
            '201902',
            '201903',
            '201904',
            '201905',
            '201906',
            '201907',
            '201908',
            '201909',
            '201910',
            '201911',
            '201912',
            '202001',
        ])
        expect(expand('LAST_4_QUARTERS', '2020-02-10')).toEqual([
            '2019Q1',
            '2019Q2',
            '2019Q3',
            '2019Q4',
        ])
        expect(expand('LAST_5_YEARS', '2020-02-10')).toEqual([
            '2015',
            '2016',
            '2017',
            '2018',
            '2019',
        ])
        expect(expand('THIS_YEAR', '2020-02-10')).toEqual(['2020'])
        expect(expand('LAST_YEAR', '2020-02-10')).toEqual(['2019'])
    })

    it('expands every supported relative period around a year boundary', () => {
        const date = '2024-01-15'
        expect(expand('THIS_MONTH', date)).toEqual(['202401'])
        expect(expand('LAST_MONTH', date)).toEqual(['202312'])
        expect(expand('LAST_3_MONTHS', date)).toEqual(['202310', '202311', '202312'])
        expect(expand('LAST_6_MONTHS', date)).toEqual([
            '202307',
            '202308',
            '202309',
            '202310',
            '202311',
            '202312',
        ])
        expect(expand('MONTHS_THIS_YEAR', date)).toHaveLength(12)
        expect(expand('MONTHS_THIS_YEAR', date)[0]).toBe('202401')
        expect(expand('MONTHS_LAST_YEAR', date)[11]).toBe('202312')
        expect(expand('THIS_QUARTER', date)).toEqual(['2024Q1'])
        expect(expand('LAST_QUARTER', date)).toEqual(['2023Q4'])
        expect(expand('QUARTERS_THIS_YEAR', date)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4'])
        expect(expand('QUARTERS_LAST_YEAR', date)).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4'])
        expect(expand('LAST_4_QUARTERS', '2024-05-31')).toEqual([
            '2023Q2',
            '2023Q3',
            '2023Q4',
            '2024Q1',
        ])
        expect(expand('THIS_SIX_MONTH', '2024-08-01')).toEqual(['2024S2'])
        expect(expand('LAST_SIX_MONTH', '2024-01-01')).toEqual(['2023S2'])
        expect(expand('LAST_2_SIXMONTHS', '2024-08-01')).toEqual(['2023S2', '2024S1'])
        expect(expand('LAST_10_YEARS', date)).toHaveLength(10)
    })

    it('parses relativePeriodDate', () => {
        expect(parseCalendarDate('2024-03-01')).toEqual({ year: 2024, month: 3, day: 1 })
        expect(parseCalendarDate('2024-03-01T10:00:00')).toEqual({ year: 2024, month: 3, day: 1 })
        expect(parseCalendarDate('2024-02-30')).toBeNull()
        expect(parseCalendarDate('yesterday')).toBeNull()
    })
})
