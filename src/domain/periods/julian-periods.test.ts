import {
    daysInJulianMonth,
    isoToJulian,
    julianCalendar,
    julianPeriod,
    julianToIso,
    julianYearPeriods,
    parseJulianDate,
} from './julian-periods'

describe('Julian dates', () => {
    it('meets the Gregorian calendar where history says', () => {
        // The Gregorian reform: Thursday 4 October 1582 (Julian) was followed by Friday 15 October
        expect(julianToIso({ year: 1582, month: 10, day: 5 })).toBe('1582-10-15')
        // Orthodox Christmas, 25 December (Julian), is 7 January
        expect(julianToIso({ year: 2023, month: 12, day: 25 })).toBe('2024-01-07')
        // 1900 is a Julian leap year, not a Gregorian one: from 1 March 1900 the gap is 13 days
        expect(julianToIso({ year: 1900, month: 2, day: 29 })).toBe('1900-03-13')
        expect(isoToJulian('2100-03-14')).toEqual({ year: 2100, month: 2, day: 29 })
    })

    it('is 13 days behind the Gregorian calendar on every day of 1901–2099, both ways', () => {
        for (let t = Date.UTC(1900, 2, 14); t <= Date.UTC(2100, 1, 28); t += 86_400_000) {
            const iso = new Date(t).toISOString().slice(0, 10)
            const julian = new Date(t - 13 * 86_400_000)
            const expected = {
                year: julian.getUTCFullYear(),
                month: julian.getUTCMonth() + 1,
                day: julian.getUTCDate(),
            }
            expect(isoToJulian(iso)).toEqual(expected)
            expect(julianToIso(expected)).toBe(iso)
        }
    })

    it('has a leap day every fourth year, centuries included', () => {
        expect(daysInJulianMonth(1900, 2)).toBe(29)
        expect(daysInJulianMonth(2023, 2)).toBe(28)
        expect(parseJulianDate('2100-02-29')).toEqual({ year: 2100, month: 2, day: 29 })
        expect(() => parseJulianDate('2023-02-29')).toThrow(RangeError)
        expect(() => parseJulianDate('2023-13-01')).toThrow(RangeError)
    })
})

describe('Julian periods (DHIS2 period types on JulianChronology)', () => {
    it('has months, quarters, halves and a year with their ISO dates', () => {
        const months = julianYearPeriods(2024, 'MONTHLY')
        expect(months.map((p) => p.id)).toEqual(
            Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, '0')}`)
        )
        expect(months[0]).toMatchObject({
            name: 'January 2024',
            startDate: '2024-01-01',
            endDate: '2024-01-31',
            isoStartDate: '2024-01-14',
            isoEndDate: '2024-02-13',
        })
        expect(months[1]).toMatchObject({ endDate: '2024-02-29', isoEndDate: '2024-03-13' })
        expect(julianYearPeriods(2024, 'QUARTERLY').map((p) => `${p.id} ${p.name}`)).toEqual([
            '2024Q1 January - March 2024',
            '2024Q2 April - June 2024',
            '2024Q3 July - September 2024',
            '2024Q4 October - December 2024',
        ])
        expect(julianPeriod('SIXMONTHLY', 2024, 2)).toMatchObject({
            id: '2024S2',
            startDate: '2024-07-01',
            endDate: '2024-12-31',
        })
        expect(julianPeriod('YEARLY', 2024, 1)).toMatchObject({
            id: '2024',
            isoStartDate: '2024-01-14',
            isoEndDate: '2025-01-13',
        })
        expect(julianPeriod('MONTHLY', 2024, 5, 'fr').name).toBe('mai 2024')
        expect(() => julianPeriod('MONTHLY', 2024, 13)).toThrow(RangeError)
    })

    it('places a date in its month and quarter, and converts today', () => {
        expect(julianCalendar.periodIdContaining('2024-05-31', 'MONTHLY')).toBe('202405')
        expect(julianCalendar.periodIdContaining('2024-05-31', 'QUARTERLY')).toBe('2024Q2')
        expect(julianCalendar.fromIso('2026-12-04')).toBe('2026-11-21')
        expect(julianCalendar.toIso('2026-11-21')).toBe('2026-12-04')
    })
})
