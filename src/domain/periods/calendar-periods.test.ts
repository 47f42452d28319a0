import {
    CalendarNotLoadedError,
    CalendarUnsupportedError,
    addMonths,
    calendarOfInstance,
    calendarSupportLoaded,
    loadCalendarSupport,
    validLocale,
    addQuarters,
    fixedPeriod,
    listYearPeriods,
    monthRange,
    monthsOfQuarter,
    monthsOfQuarters,
    parsePeriodId,
    periodIdContaining,
    periodName,
    periodsEndingWith,
    quarterOfMonth,
    quartersOfMonths,
    todayInCalendar,
} from './index'

describe('period ids', () => {
    it('parses monthly and quarterly ids only', () => {
        expect(parsePeriodId('202405')).toEqual({ periodType: 'MONTHLY', year: 2024, month: 5 })
        expect(parsePeriodId('2024Q2')).toEqual({ periodType: 'QUARTERLY', year: 2024, quarter: 2 })
        for (const id of ['2024', '202413', '202400', '2024Q5', '2024W1', 'LAST_12_MONTHS', '']) {
            expect(parsePeriodId(id)).toBeNull()
        }
    })

    it('maps months to quarters and back, at quarter and year boundaries', () => {
        expect(quarterOfMonth('202401')).toBe('2024Q1')
        expect(quarterOfMonth('202403')).toBe('2024Q1')
        expect(quarterOfMonth('202404')).toBe('2024Q2')
        expect(quarterOfMonth('202412')).toBe('2024Q4')
        expect(monthsOfQuarter('2024Q1')).toEqual(['202401', '202402', '202403'])
        expect(monthsOfQuarter('2024Q4')).toEqual(['202410', '202411', '202412'])
        // Its answers are kept, but each call gives its own array
        const months = monthsOfQuarter('2024Q3')
        months.reverse()
        expect(monthsOfQuarter('2024Q3')).toEqual(['202407', '202408', '202409'])
        expect(() => quarterOfMonth('2024Q1')).toThrow(RangeError)
        expect(() => quarterOfMonth('2024Q1')).toThrow(RangeError)
        expect(quartersOfMonths(['202411', '202412', '202501', '202502'])).toEqual([
            '2024Q4',
            '2025Q1',
        ])
        expect(monthsOfQuarters(['2024Q4', '2025Q1'])).toEqual([
            '202410',
            '202411',
            '202412',
            '202501',
            '202502',
            '202503',
        ])
        expect(() => quarterOfMonth('2024Q1')).toThrow(RangeError)
        expect(() => monthsOfQuarter('202401')).toThrow(RangeError)
    })

    it('steps through months and quarters across years', () => {
        expect(addMonths('202401', -1)).toBe('202312')
        expect(addMonths('202312', 1)).toBe('202401')
        expect(addMonths('202406', -18)).toBe('202212')
        // kept by step and month: the same month shifted by other steps, and again
        for (let round = 0; round < 2; round++) {
            expect(addMonths('202401', 1)).toBe('202402')
            expect(addMonths('202401', -13)).toBe('202212')
            expect(addMonths('202401', 0)).toBe('202401')
            expect(addMonths('202411', 2)).toBe('202501')
        }
        expect(() => addMonths('2024Q1', 1)).toThrow(RangeError)
        expect(() => addMonths('2024Q1', 1)).toThrow(RangeError)
        expect(addQuarters('2024Q1', -1)).toBe('2023Q4')
        expect(addQuarters('2023Q4', 5)).toBe('2025Q1')
        expect(periodsEndingWith('202402', 4)).toEqual(['202311', '202312', '202401', '202402'])
        expect(periodsEndingWith('2024Q1', 2)).toEqual(['2023Q4', '2024Q1'])
        expect(periodsEndingWith('202402', 0)).toEqual([])
        expect(monthRange('202311', '202402')).toEqual(['202311', '202312', '202401', '202402'])
        expect(monthRange('202402', '202311')).toEqual([])
    })
})

describe('calendar periods (through @dhis2/multi-calendar-dates)', () => {
    it('finds the period containing a date', () => {
        expect(periodIdContaining('2024-05-31', 'MONTHLY')).toBe('202405')
        expect(periodIdContaining('2024-04-01', 'QUARTERLY')).toBe('2024Q2')
    })

    it('lists the periods of a year for a picker, without future ones when asked', () => {
        expect(listYearPeriods({ year: 2024, periodType: 'QUARTERLY' }).map((p) => p.id)).toEqual([
            '2024Q1',
            '2024Q2',
            '2024Q3',
            '2024Q4',
        ])
        const months = listYearPeriods({
            year: 2024,
            periodType: 'MONTHLY',
            notAfter: '2024-03-15',
        })
        expect(months.map((p) => [p.id, p.name])).toEqual([
            ['202401', 'January 2024'],
            ['202402', 'February 2024'],
            ['202403', 'March 2024'],
        ])
        expect(months[1]?.endDate).toBe('2024-02-29')
    })

    it('names periods and gives their dates', () => {
        expect(periodName('202405')).toBe('May 2024')
        expect(fixedPeriod('2024Q2')).toMatchObject({
            startDate: '2024-04-01',
            endDate: '2024-06-30',
        })
        expect(() => fixedPeriod('LAST_YEAR')).toThrow(RangeError)
    })

    it('loads the library for a non-Gregorian calendar only when asked', async () => {
        expect(calendarSupportLoaded('gregory')).toBe(true)
        expect(calendarSupportLoaded('nepali')).toBe(false)
        expect(() => periodIdContaining('2080-05-01', 'MONTHLY', { calendar: 'nepali' })).toThrow(
            CalendarNotLoadedError
        )
        await loadCalendarSupport('nepali')
        expect(calendarSupportLoaded('nepali')).toBe(true)
        expect(periodIdContaining('2080-05-01', 'MONTHLY', { calendar: 'nepali' })).toBe('208005')
    })

    it('reports a calendar the library cannot compute once, when it is loaded', async () => {
        const unknown = 'not-a-calendar' as Parameters<typeof loadCalendarSupport>[0]
        await expect(loadCalendarSupport(unknown)).rejects.toBeInstanceOf(CalendarUnsupportedError)
        expect(calendarSupportLoaded(unknown)).toBe(false)
        expect(() => periodIdContaining('2080-05-01', 'MONTHLY', { calendar: unknown })).toThrow(
            CalendarNotLoadedError
        )
    })

    it('uses the same id arithmetic in the Nepali calendar', async () => {
        await loadCalendarSupport('nepali')
        const quarters = listYearPeriods({
            year: 2080,
            periodType: 'QUARTERLY',
            calendar: 'nepali',
        })
        expect(quarters.map((p) => p.id)).toEqual(['2080Q1', '2080Q2', '2080Q3', '2080Q4'])
        expect(monthsOfQuarter('2080Q2')).toEqual(['208004', '208005', '208006'])
    })

    it('gives today as a calendar date', async () => {
        expect(todayInCalendar('gregory', 'UTC')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        await loadCalendarSupport('nepali')
        const nepali = todayInCalendar('nepali', 'UTC')
        expect(nepali).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        // The Nepali (Bikram Sambat) year is 56 or 57 years ahead of the Gregorian one
        const gap =
            Number(nepali.slice(0, 4)) - Number(todayInCalendar('gregory', 'UTC').slice(0, 4))
        expect([56, 57]).toContain(gap)
    })

    it('reads the calendar and locale of a DHIS2 instance', () => {
        expect(calendarOfInstance(undefined)).toBe('gregory')
        expect(calendarOfInstance('iso8601')).toBe('gregory')
        expect(calendarOfInstance('ethiopian')).toBe('ethiopic')
        expect(calendarOfInstance('nepali')).toBe('nepali')
        expect(validLocale('pt_BR')).toBe('pt-BR')
        expect(validLocale('uz_UZ_Cyrl')).toBe('uz-Cyrl-UZ')
        expect(validLocale(undefined)).toBe('en')
        expect(validLocale('not a locale!')).toBe('en')
        expect(periodName('202405', { locale: 'pt_BR' })).toBe('maio de 2024')
    })
})

describe('calendars the app computes itself (Ethiopian, Julian)', () => {
    it('loads each calendar only when asked, and computes its periods', async () => {
        for (const calendar of ['ethiopic', 'julian'] as const) {
            const id = calendar as Parameters<typeof loadCalendarSupport>[0]
            if (!calendarSupportLoaded(id)) {
                expect(() => periodIdContaining('2017-05-01', 'MONTHLY', { calendar: id })).toThrow(
                    CalendarNotLoadedError
                )
            }
            await loadCalendarSupport(id)
            expect(calendarSupportLoaded(id)).toBe(true)
        }
        const ethiopic = { calendar: 'ethiopic' as const }
        expect(periodIdContaining('2017-05-01', 'QUARTERLY', ethiopic)).toBe('2017Q2')
        // A day of Pagume counts as the end of Nehasse in the views
        expect(periodIdContaining('2017-13-03', 'MONTHLY', ethiopic)).toBe('201712')
        expect(periodIdContaining('2017-13-03', 'QUARTERLY', ethiopic)).toBe('2017Q4')
        expect(periodName('201703', { ...ethiopic, locale: 'am' })).toBe('ኅዳር 2017')
        expect(fixedPeriod('2017Q1', ethiopic)).toMatchObject({
            startDate: '2017-01-01',
            endDate: '2017-03-30',
        })
        expect(todayInCalendar('ethiopic', 'UTC')).toMatch(/^\d{4}-(0[1-9]|1[0-3])-\d{2}$/)

        const julian = { calendar: 'julian' as Parameters<typeof loadCalendarSupport>[0] }
        expect(periodName('202402', julian)).toBe('February 2024')
        expect(fixedPeriod('202402', julian).endDate).toBe('2024-02-29')
        const today = todayInCalendar(julian.calendar, 'UTC')
        const gap = Date.parse(todayInCalendar('gregory', 'UTC')) - Date.parse(today)
        expect(gap).toBe(13 * 86_400_000)
    })
})
