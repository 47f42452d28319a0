import { generateFixedPeriods, getFixedPeriodByDate } from '@dhis2/multi-calendar-dates'
import {
    gregorianPeriodContaining,
    gregorianToday,
    gregorianYearPeriods,
} from './gregorian-periods'

// Locales where the library's Temporal polyfill and Intl agree. Elsewhere Intl is the better name:
// the polyfill gives `2024/1` in Chinese and English in Uzbek (Cyrillic); see the last test.
const LOCALES = [
    'en',
    'fr',
    'sw',
    'pt',
    'pt-BR',
    'es',
    'ar',
    'ru',
    'lo',
    'km',
    'my',
    'vi',
    'ne',
    'hi',
    'am',
    'ckb',
    'de',
]
const YEARS = [1999, 2023, 2024, 2100]

describe('Gregorian periods without the calendar library', () => {
    it('gives the ids, dates and names the library gives, in every locale', () => {
        for (const locale of LOCALES) {
            for (const year of YEARS) {
                for (const periodType of ['MONTHLY', 'QUARTERLY'] as const) {
                    const library = generateFixedPeriods({
                        year,
                        periodType,
                        calendar: 'gregory',
                        locale,
                    }).sort((a, b) => a.startDate.localeCompare(b.startDate))
                    expect(gregorianYearPeriods(year, periodType, locale)).toEqual(library)
                }
            }
        }
    })

    it('finds the period containing a date as the library does', () => {
        for (const date of ['2024-01-01', '2024-02-29', '2024-03-31', '2024-04-01', '2023-12-31']) {
            for (const periodType of ['MONTHLY', 'QUARTERLY'] as const) {
                expect(gregorianPeriodContaining(date, periodType)).toBe(
                    getFixedPeriodByDate({ periodType, date, calendar: 'gregory', locale: 'en' }).id
                )
            }
        }
        expect(() => gregorianPeriodContaining('2024-13-01', 'MONTHLY')).toThrow(RangeError)
        expect(() => gregorianPeriodContaining('202401', 'MONTHLY')).toThrow(RangeError)
    })

    it('names months in the locale where the library falls back or gives numbers', () => {
        expect(gregorianYearPeriods(2024, 'MONTHLY', 'zh')[0]?.name).toBe('2024年1月')
        expect(gregorianYearPeriods(2024, 'QUARTERLY', 'zh')[0]?.name).toBe('一月 - 2024年3月')
        expect(gregorianYearPeriods(2024, 'MONTHLY', 'uz-Cyrl-UZ')[0]?.name).toBe('январ, 2024')
    })

    it('gives today in a time zone', () => {
        const instant = new Date('2024-03-31T23:30:00Z')
        expect(gregorianToday('UTC', instant)).toBe('2024-03-31')
        expect(gregorianToday('Africa/Nairobi', instant)).toBe('2024-04-01')
        expect(gregorianToday('America/Bogota', instant)).toBe('2024-03-31')
    })
})
