import {
    ethiopianMonthName,
    ethiopianPeriod,
    ethiopianPeriodIdContaining,
    ethiopianToIso,
    ethiopianTodayOf,
    ethiopianYearPeriods,
    isEthiopianLeapYear,
    isoToEthiopian,
    parseEthiopianDate,
} from './ethiopian-periods'

const isoDays = (from: string, to: string): string[] => {
    const days: string[] = []
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 864e5) {
        days.push(new Date(t).toISOString().slice(0, 10))
    }
    return days
}

describe('Ethiopian dates', () => {
    it('converts as DHIS2 does (EthiopianCalendarTest.testIsoStartOfYear: 2007 starts on 2014-09-11)', () => {
        expect(ethiopianToIso({ year: 2007, month: 1, day: 1 })).toBe('2014-09-11')
        expect(isoToEthiopian('2014-09-11')).toEqual({ year: 2007, month: 1, day: 1 })
    })

    it('matches the fixtures of @dhis2/multi-calendar-dates (fixed-periods-from-kotlin.spec.js)', () => {
        // Its daily periods of Ethiopian 2015: 20150101 is 2022-09-11, 20151305 (Pagume 5) 2023-09-10
        expect(ethiopianToIso({ year: 2015, month: 1, day: 1 })).toBe('2022-09-11')
        expect(ethiopianToIso({ year: 2015, month: 13, day: 5 })).toBe('2023-09-10')
        expect(isoToEthiopian('2023-09-10')).toEqual({ year: 2015, month: 13, day: 5 })
    })

    it('agrees with ICU (Intl, calendar ethiopic) on every day of 2010–2031', () => {
        const icu = new Intl.DateTimeFormat('en-u-ca-ethiopic', {
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            timeZone: 'UTC',
        })
        for (const iso of isoDays('2010-01-01', '2031-12-31')) {
            const parts = icu.formatToParts(new Date(`${iso}T00:00:00Z`))
            const part = (type: string): number =>
                Number(parts.find((candidate) => candidate.type === type)?.value)
            const expected = { year: part('year'), month: part('month'), day: part('day') }
            const ethiopian = isoToEthiopian(iso)
            expect(ethiopian).toEqual(expected)
            expect(ethiopianToIso(ethiopian)).toBe(iso)
        }
    })

    it('has a 6-day Pagume in the years before a Julian leap year (year % 4 == 3)', () => {
        expect(isEthiopianLeapYear(2015)).toBe(true)
        expect(isEthiopianLeapYear(2016)).toBe(false)
        expect(parseEthiopianDate('2015-13-06')).toEqual({ year: 2015, month: 13, day: 6 })
        expect(() => parseEthiopianDate('2016-13-06')).toThrow(RangeError)
        expect(() => parseEthiopianDate('2016-12-31')).toThrow(RangeError)
        expect(() => parseEthiopianDate('2016-14-01')).toThrow(RangeError)
        expect(() => parseEthiopianDate('2016-1-01')).toThrow(RangeError)
    })

    it('gives today from the ISO date', () => {
        expect(ethiopianTodayOf('2026-12-04')).toBe('2019-03-25')
        expect(ethiopianTodayOf('2026-09-10')).toBe('2018-13-05')
    })
})

describe('Ethiopian periods (DHIS2 period types)', () => {
    it('has 12 monthly periods of 30 days; Pagume in none (library fixtures for 2015)', () => {
        const months = ethiopianYearPeriods(2015, 'MONTHLY')
        expect(months).toHaveLength(12)
        const spans = months.map((p) => `${p.startDate}/${p.endDate}`)
        expect(spans[0]).toBe('2015-01-01/2015-01-30')
        expect(spans[1]).toBe('2015-02-01/2015-02-30')
        expect(spans[10]).toBe('2015-11-01/2015-11-30')
        expect(spans[11]).toBe('2015-12-01/2015-12-30')
        expect(months.map((p) => p.id)).toEqual(
            Array.from({ length: 12 }, (_, i) => `2015${String(i + 1).padStart(2, '0')}`)
        )
        // ISO dates: Meskerem 2015 is 2022-09-11 … 2022-10-10; Nehasse 2015 ends 2023-09-05,
        // before the six Pagume days (2023-09-06 … 2023-09-11)
        expect(months[0]).toMatchObject({ isoStartDate: '2022-09-11', isoEndDate: '2022-10-10' })
        expect(months[11]).toMatchObject({ isoStartDate: '2023-08-07', isoEndDate: '2023-09-05' })
        expect(ethiopianPeriod('MONTHLY', 2016, 1).isoStartDate).toBe('2023-09-12')
    })

    it('has quarters, halves and a year ending on day 30 of month 12 (DHIS2, not the library)', () => {
        const quarters = ethiopianYearPeriods(2015, 'QUARTERLY').map(
            (p) => `${p.id} ${p.startDate}/${p.endDate}`
        )
        expect(quarters).toEqual([
            '2015Q1 2015-01-01/2015-03-30',
            '2015Q2 2015-04-01/2015-06-30',
            '2015Q3 2015-07-01/2015-09-30',
            '2015Q4 2015-10-01/2015-12-30',
        ])
        const halves = ethiopianYearPeriods(2015, 'SIXMONTHLY').map(
            (p) => `${p.id} ${p.startDate}/${p.endDate}`
        )
        expect(halves).toEqual(['2015S1 2015-01-01/2015-06-30', '2015S2 2015-07-01/2015-12-30'])
        // YearlyPeriodType ends on month monthsInYear() = 12, day daysInMonth = 30 (the library
        // ends its yearly period on 2015-13-06: DHIS2 core is followed here)
        expect(ethiopianYearPeriods(2015, 'YEARLY')).toEqual([
            expect.objectContaining({
                id: '2015',
                name: '2015',
                startDate: '2015-01-01',
                endDate: '2015-12-30',
                isoStartDate: '2022-09-11',
                isoEndDate: '2023-09-05',
            }),
        ])
    })

    it('places dates in periods as DHIS2 createPeriod does, Pagume included', () => {
        expect(ethiopianPeriodIdContaining('2017-04-24', 'MONTHLY')).toBe('201704')
        expect(ethiopianPeriodIdContaining('2017-04-24', 'QUARTERLY')).toBe('2017Q2')
        expect(ethiopianPeriodIdContaining('2017-07-01', 'SIXMONTHLY')).toBe('2017S2')
        expect(ethiopianPeriodIdContaining('2017-12-30', 'YEARLY')).toBe('2017')
        // Pagume: no monthly period (DHIS2 throws), Q1 of the next year, S2 and the year itself
        expect(ethiopianPeriodIdContaining('2017-13-02', 'MONTHLY')).toBeNull()
        expect(ethiopianPeriodIdContaining('2017-13-02', 'QUARTERLY')).toBe('2018Q1')
        expect(ethiopianPeriodIdContaining('2017-13-02', 'SIXMONTHLY')).toBe('2017S2')
        expect(ethiopianPeriodIdContaining('2017-13-02', 'YEARLY')).toBe('2017')
    })

    it('counts periods as EthiopianCalendarTest: 601 months, 201 quarters from 1975-01-01 to 2025-01-02', () => {
        const count = (periodType: 'MONTHLY' | 'QUARTERLY'): number => {
            const first = ethiopianPeriodIdContaining(ethiopianTodayOf('1975-01-01'), periodType)
            const last = ethiopianPeriodIdContaining(ethiopianTodayOf('2025-01-02'), periodType)
            const all: string[] = []
            for (let year = 1960; year <= 2020; year++) {
                all.push(...ethiopianYearPeriods(year, periodType).map((p) => p.id))
            }
            return all.indexOf(last as string) - all.indexOf(first as string) + 1
        }
        expect(count('MONTHLY')).toBe(601)
        expect(count('QUARTERLY')).toBe(201)
    })

    it('names periods in transliteration, or in Amharic for an Amharic user', () => {
        expect(ethiopianPeriod('MONTHLY', 2015, 11, 'en').displayName).toBe('Hamle 2015')
        expect(ethiopianPeriod('MONTHLY', 2015, 4, 'fr').displayName).toBe('Tahsas 2015')
        expect(ethiopianPeriod('QUARTERLY', 2015, 1, 'sw').displayName).toBe(
            'Meskerem - Hedar 2015'
        )
        expect(ethiopianPeriod('MONTHLY', 2015, 1, 'am').displayName).toBe('መስከረም 2015')
        expect(ethiopianPeriod('QUARTERLY', 2015, 4, 'am-ET').displayName).toBe('ሰኔ - ነሐሴ 2015')
        expect(ethiopianMonthName(13, 'en')).toBe('Pagumen')
        expect(() => ethiopianPeriod('MONTHLY', 2015, 13)).toThrow(RangeError)
        expect(() => ethiopianPeriod('QUARTERLY', 2015, 5)).toThrow(RangeError)
    })

    it('uses the month names of ICU (CLDR) for English and Amharic', () => {
        for (const locale of ['en', 'am']) {
            const icu = new Intl.DateTimeFormat(`${locale}-u-ca-ethiopic`, {
                month: 'long',
                timeZone: 'UTC',
            })
            for (let month = 1; month <= 13; month++) {
                const iso = ethiopianToIso({ year: 2017, month, day: 2 })
                expect(ethiopianMonthName(month, locale)).toBe(
                    icu.format(new Date(`${iso}T00:00:00Z`))
                )
            }
        }
    })
})
