import { PALETTE, seriesColor } from './palette'

describe('the chart palette', () => {
    it('gives each system and series kind one colour', () => {
        expect(seriesColor('hmis')).toBe('#1565c0')
        expect(seriesColor('hmis', 1)).toBe('#6a1b9a')
        expect(seriesColor('hmis', PALETTE.hmis.length)).toBe('#1565c0')
        expect(seriesColor('consumption')).toBe('#2e7d32')
        expect(seriesColor('stockout')).toBe('#c62828')
        // No HMIS colour is used for a logistics series
        const lmis = [PALETTE.consumption, PALETTE.stockOnHand, PALETTE.stockout]
        expect(PALETTE.hmis.filter((color) => (lmis as string[]).includes(color))).toEqual([])
    })
})
