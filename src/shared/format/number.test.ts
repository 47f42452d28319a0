import { vi } from 'vitest'
import { csvNumber, decimalsFor, formatNumber, intlLocale, roundValue } from './number'

describe('the number formatter', () => {
    it('shows counts as integers, estimates with one decimal and ≈', () => {
        expect(formatNumber(4920, { locale: 'en' })).toBe('4,920')
        expect(formatNumber(4920.666666666667, { estimated: true, locale: 'en' })).toBe(
            '\u2248 4,920.7'
        )
        expect(formatNumber(209.33333333333334, { estimated: true, locale: 'en' })).toBe(
            '\u2248 209.3'
        )
        expect(formatNumber(210, { estimated: true, locale: 'en' })).toBe('\u2248 210.0')
        // A count that is not whole (an indicator) keeps one decimal
        expect(formatNumber(3.456, { locale: 'en' })).toBe('3.5')
        expect(formatNumber(null)).toBe('')
        expect(formatNumber(Number.NaN)).toBe('')
    })

    it('shows percentages with one decimal', () => {
        expect(formatNumber(93.58226371061843, { kind: 'percent', locale: 'en' })).toBe('93.6%')
        expect(formatNumber(55, { kind: 'percent', locale: 'en' })).toBe('55.0%')
    })

    it("follows the user's locale", () => {
        // French: comma decimal, narrow no-break space for thousands and before %
        expect(formatNumber(4920.666666666667, { estimated: true, locale: 'fr' })).toBe(
            '\u2248 4\u202f920,7'
        )
        expect(formatNumber(93.58, { kind: 'percent', locale: 'fr' })).toBe('93,6\u00a0%')
        expect(intlLocale('pt_BR')).toBe('pt-BR')
        expect(intlLocale('not a locale!')).toBeUndefined()
        expect(formatNumber(1234, { locale: 'not a locale!' })).toMatch(/^1.?234$/)
    })

    it('canonicalizes each locale once, with the same answer every time', () => {
        const canonical = vi.spyOn(Intl, 'getCanonicalLocales')
        try {
            expect([1, 2, 3].map(() => intlLocale('sw_TZ'))).toEqual(['sw-TZ', 'sw-TZ', 'sw-TZ'])
            expect([1, 2].map(() => intlLocale('also not a locale!'))).toEqual([
                undefined,
                undefined,
            ])
            expect(canonical).toHaveBeenCalledTimes(2)
        } finally {
            canonical.mockRestore()
        }
    })

    it('rounds CSV values the same way, as plain numbers', () => {
        expect(csvNumber(4920.666666666667, { estimated: true })).toBe(4920.7)
        expect(csvNumber(93.58226371061843, { kind: 'percent' })).toBe(93.6)
        expect(csvNumber(12)).toBe(12)
        expect(csvNumber(null)).toBeNull()
        expect(csvNumber(Number.POSITIVE_INFINITY)).toBeNull()
        expect(roundValue(-0.01, { estimated: true })).toBe(0)
        expect(decimalsFor(12)).toBe(0)
        expect(decimalsFor(12, { kind: 'percent' })).toBe(1)
    })
})
