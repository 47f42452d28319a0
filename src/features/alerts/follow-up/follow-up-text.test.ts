import { sortableWhen } from './follow-up-text'

describe('sortableWhen', () => {
    it('writes a moment as ISO 8601 date and time to the minute, in local time', () => {
        expect(sortableWhen(new Date(2026, 11, 5, 6, 2, 59).toISOString())).toBe('2026-12-05 06:02')
        expect(sortableWhen(new Date(2027, 0, 9, 23, 7).toISOString())).toBe('2027-01-09 23:07')
    })

    it('sorts as text in time order', () => {
        const moments = [new Date(2026, 11, 5, 6, 2), new Date(2026, 8, 30, 14, 0)]
        const texts = moments.map((d) => sortableWhen(d.toISOString()))
        expect([...texts].sort()).toEqual(['2026-09-30 14:00', '2026-12-05 06:02'])
    })

    it('leaves what is not a date as given', () => {
        expect(sortableWhen('yesterday')).toBe('yesterday')
    })
})
