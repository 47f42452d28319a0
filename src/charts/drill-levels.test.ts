import {
    TREND_KEY,
    drillKey,
    drillPlan,
    drillStateOf,
    drillStep,
    isAtOrAbove,
    parentKey,
} from './drill-levels'

describe('drill levels', () => {
    it('maps the drill state of the URL to a level key and back', () => {
        expect(drillKey(undefined)).toBe(TREND_KEY)
        expect(drillKey({ period: '202405', path: [] })).toBe('202405')
        expect(drillKey({ period: '2024Q2', path: ['REG01', 'DIST7'] })).toBe('2024Q2/REG01/DIST7')
        expect(drillStateOf('')).toBeUndefined()
        expect(drillStateOf('202405')).toEqual({ period: '202405', path: [] })
        expect(drillStateOf('2024Q2/REG01/DIST7')).toEqual({
            period: '2024Q2',
            path: ['REG01', 'DIST7'],
        })
    })

    it('knows the level above and the step clicked to come down', () => {
        expect(parentKey('202405/REG01/DIST7')).toBe('202405/REG01')
        expect(parentKey('202405')).toBe(TREND_KEY)
        expect(parentKey(TREND_KEY)).toBe(TREND_KEY)
        expect(drillStep('202405')).toBe('202405')
        expect(drillStep('202405/REG01/DIST7')).toBe('DIST7')
        expect(isAtOrAbove('', '202405/REG01')).toBe(true)
        expect(isAtOrAbove('202405', '202405/REG01')).toBe(true)
        expect(isAtOrAbove('20240', '202405/REG01')).toBe(false)
        expect(isAtOrAbove('202405/REG01', '202405')).toBe(false)
    })

    it('drills one level down in place', () => {
        expect(drillPlan([''], '202405')).toEqual({ type: 'in-place', up: 0, down: '202405' })
        expect(drillPlan(['', '202405'], '202405/REG01')).toEqual({
            type: 'in-place',
            up: 0,
            down: '202405/REG01',
        })
    })

    it('drills up in place, from the levels the chart went through (the back button)', () => {
        expect(drillPlan(['', '202405', '202405/REG01'], '202405')).toEqual({
            type: 'in-place',
            up: 1,
        })
        expect(drillPlan(['', '202405', '202405/REG01'], '')).toEqual({ type: 'in-place', up: 2 })
        // Another month: up to the trend, then down
        expect(drillPlan(['', '202405', '202405/REG01'], '202406')).toEqual({
            type: 'in-place',
            up: 2,
            down: '202406',
        })
        // Another org unit of the same month
        expect(drillPlan(['', '202405', '202405/REG01'], '202405/REG02')).toEqual({
            type: 'in-place',
            up: 1,
            down: '202405/REG02',
        })
    })

    it('stays when the chart shows the target', () => {
        expect(drillPlan([''], '')).toEqual({ type: 'in-place', up: 0 })
        expect(drillPlan(['202405/REG01'], '202405/REG01')).toEqual({ type: 'in-place', up: 0 })
    })

    it('draws anew what is not reachable in place', () => {
        // A chart created drilled (a shared link) cannot go above its base
        expect(drillPlan(['202405/REG01'], '202405')).toEqual({ type: 'recreate' })
        expect(drillPlan(['202405/REG01'], '')).toEqual({ type: 'recreate' })
        // Two levels down at once (a shared link at depth 2 over a trend)
        expect(drillPlan([''], '202405/REG01')).toEqual({ type: 'recreate' })
        // ...but a drilled base goes down from itself
        expect(drillPlan(['202405/REG01'], '202405/REG01/DIST7')).toEqual({
            type: 'in-place',
            up: 0,
            down: '202405/REG01/DIST7',
        })
    })
})
