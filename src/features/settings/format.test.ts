import { formatServerTime } from './format'

describe('server timestamps', () => {
    it('are shown as the server wrote them, to the minute', () => {
        expect(formatServerTime('2026-11-26T09:45:25.519')).toBe('2026-11-26 09:45')
        expect(formatServerTime('2026-11-26T09:45:25.519+01:00')).toBe('2026-11-26 09:45')
        expect(formatServerTime('yesterday')).toBe('yesterday')
        expect(formatServerTime(null)).toBe('')
    })
})
