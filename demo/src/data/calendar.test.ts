import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
    ethiopianPeriod,
    ethiopianToIso,
    isoToEthiopian,
} from '../../../src/domain/periods/ethiopian-periods'
import { RELATIVE_PERIODS, parsePeriod } from '../analytics/periods'
import { calendarDateToIso, isoToCalendarDate, setDemoCalendar } from './calendar'
import { buildPeriods, defaultEndPeriod, monthIndex } from './periods'

const expand = (name: string, iso: string): string[] => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
    return (RELATIVE_PERIODS[name]?.expand({ year, month, day }) ?? []).map((p) => p.id)
}

describe('the demo in the Ethiopian calendar (--calendar ethiopian)', () => {
    beforeEach(() => setDemoCalendar('ethiopian'))
    afterEach(() => setDemoCalendar('iso8601'))

    it('converts dates as the app does (written independently), 1950–2090', () => {
        for (let t = Date.UTC(1950, 0, 1); t <= Date.UTC(2090, 0, 1); t += 86_400_000 * 3) {
            const iso = new Date(t).toISOString().slice(0, 10)
            const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
            const date = isoToCalendarDate(y, m, d)
            expect(date).toEqual(isoToEthiopian(iso))
            expect(calendarDateToIso(date)).toBe(ethiopianToIso(date))
        }
        // EthiopianCalendarTest.testIsoStartOfYear
        expect(calendarDateToIso({ year: 2007, month: 1, day: 1 })).toBe('2014-09-11')
    })

    it('serves the periods DHIS2 defines: months of 30 days, Pagume in none', () => {
        for (const id of ['201501', '201512', '2015Q4', '2015S2', '2015']) {
            const period = parsePeriod(id)
            expect(period).not.toBeNull()
        }
        expect(parsePeriod('201512')).toMatchObject({
            startDate: '2023-08-07',
            endDate: '2023-09-05',
            days: 30,
        })
        expect(parsePeriod('2015')).toMatchObject({
            startDate: '2022-09-11',
            endDate: '2023-09-05',
            days: 360,
        })
        for (const [type, demoType, index] of [
            ['MONTHLY', 'Monthly', 7],
            ['QUARTERLY', 'Quarterly', 3],
        ] as const) {
            const app = ethiopianPeriod(type, 2016, index)
            const demo = parsePeriod(app.id)
            expect(demo?.type).toBe(demoType)
            expect([demo?.startDate, demo?.endDate]).toEqual([app.isoStartDate, app.isoEndDate])
        }
        const stored = buildPeriods(monthIndex(2016, 11), monthIndex(2017, 2))
        expect(stored.Monthly.map((p) => `${p.id} ${p.startDate}/${p.endDate}`)).toEqual([
            '201611 2024-07-08/2024-08-06',
            '201612 2024-08-07/2024-09-05',
            '201701 2024-09-11/2024-10-10',
            '201702 2024-10-11/2024-11-09',
        ])
        expect(stored.Quarterly.map((p) => p.id)).toEqual(['2016Q4', '2017Q1'])
        expect(stored.Yearly.map((p) => `${p.id} ${p.startDate}/${p.endDate}`)).toEqual([
            '2016 2023-09-12/2024-09-05',
            '2017 2024-09-11/2025-09-05',
        ])
    })

    it('expands relative periods as RelativePeriods.java does, on ISO months', () => {
        // 2026-12-04 is Hedar 25, 2019
        expect(expand('THIS_MONTH', '2026-12-04')).toEqual(['201903'])
        expect(expand('LAST_MONTH', '2026-12-04')).toEqual(['201902'])
        expect(expand('LAST_12_MONTHS', '2026-12-04')[0]).toBe('201803')
        expect(expand('LAST_12_MONTHS', '2026-12-04')[11]).toBe('201902')
        expect(expand('LAST_QUARTER', '2026-12-04')).toEqual(['2018Q4'])
        expect(expand('LAST_4_QUARTERS', '2026-12-04')).toEqual([
            '2018Q1',
            '2018Q2',
            '2018Q3',
            '2018Q4',
        ])
        expect(expand('THIS_YEAR', '2026-12-04')).toEqual(['2019'])
        expect(expand('LAST_YEAR', '2026-12-04')).toEqual(['2018'])
        // Yekatit 29, 2018 (2026-03-08): one ISO month earlier is still Yekatit
        expect(expand('LAST_MONTH', '2026-03-08')).toEqual(['201806'])
        // Pagume 3, 2018 (2026-09-08): in Q1 of 2019 (QuarterlyPeriodType), S2 and 2018
        expect(expand('THIS_QUARTER', '2026-09-08')).toEqual(['2019Q1'])
        expect(expand('THIS_SIX_MONTH', '2026-09-08')).toEqual(['2018S2'])
        expect(expand('THIS_YEAR', '2026-09-08')).toEqual(['2018'])
        expect(expand('THIS_MONTH', '2026-09-08')).toEqual(['201812'])
    })

    it('ends the generated data with the month before the current Ethiopian month', () => {
        expect(defaultEndPeriod(new Date(Date.UTC(2026, 11, 4)))).toBe('201902')
        expect(defaultEndPeriod(new Date(Date.UTC(2026, 8, 8)))).toBe('201812')
        expect(defaultEndPeriod(new Date(Date.UTC(2026, 8, 11)))).toBe('201812')
    })

    it('leaves the ISO 8601 demo unchanged', () => {
        setDemoCalendar('iso8601')
        expect(parsePeriod('202402')).toMatchObject({
            startDate: '2024-02-01',
            endDate: '2024-02-29',
        })
        expect(expand('LAST_MONTH', '2024-03-31')).toEqual(['202402'])
        expect(defaultEndPeriod(new Date(Date.UTC(2026, 11, 4)))).toBe('202611')
    })
})
