import type { AnalyticsTable } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import {
    buildPairDrill,
    hasLevelBelow,
    periodClick,
    possibleDrill,
    singlePeriod,
} from './drill-model'

describe('the level below an org unit', () => {
    it('is there above the deepest level, for an org unit with children', () => {
        expect(hasLevelBelow({ level: 2, children: [{ id: 'a' }] }, 4)).toBe(true)
        expect(hasLevelBelow({ level: 3 }, 4)).toBe(true)
    })
    it('is not there for a facility or an org unit without children', () => {
        expect(hasLevelBelow({ level: 4, children: [] }, 4)).toBe(false)
        expect(hasLevelBelow({ level: 4 }, 4)).toBe(false)
        // A health post at level 3 with nothing below it
        expect(hasLevelBelow({ level: 3, children: [] }, 4)).toBe(false)
    })
    it('is not known before the org unit and the levels are', () => {
        expect(hasLevelBelow(undefined, 4)).toBeUndefined()
        expect(hasLevelBelow({ level: 2 }, undefined)).toBeUndefined()
    })
})

describe('a click on a period of the trend', () => {
    const periods = [{ id: '202401' }, { id: '202402' }]
    it('drills to the org units below when there are some', () => {
        expect(periodClick(periods, 1, true)).toEqual({ type: 'drill', period: '202402' })
        expect(periodClick(periods, 0, undefined)).toEqual({ type: 'drill', period: '202401' })
    })
    it('shows that period for a facility, never asking for a level below it', () => {
        expect(periodClick(periods, 1, false)).toEqual({ type: 'select', index: 1 })
        expect(periodClick(periods, 5, false)).toBeNull()
    })
})

describe('the drill-down a view can show', () => {
    const drill = { period: '202402', path: [] }
    it('drops a drill-down at a facility (a shared link, the history)', () => {
        expect(possibleDrill(drill, { level: 4, children: [] }, 4)).toBeUndefined()
        expect(possibleDrill(drill, { level: 2, children: [{}] }, 4)).toBe(drill)
        // Not known yet: kept, the request waits for the org unit anyway
        expect(possibleDrill(drill, undefined, 4)).toBe(drill)
        expect(possibleDrill(undefined, { level: 2 }, 4)).toBeUndefined()
    })
})

describe('singlePeriod', () => {
    it('asks for the quarter of a month and the months of a quarter', () => {
        expect(singlePeriod('202402').request).toEqual(['202402', '2024Q1'])
        expect(singlePeriod('2024Q1').request).toEqual(['202401', '202402', '202403', '2024Q1'])
    })
})

describe('buildPairDrill', () => {
    it('keeps whether each child value is an estimate', () => {
        const pair = {
            id: 'p',
            name: 'Oxytocin ↔ Deliveries',
            commodity: { id: 'c', name: 'Oxytocin' },
            hmis: { items: [{ id: 'deliveries' }] },
            lmis: { consumption: 'cons' },
        } as unknown as Pair
        const values: Record<string, number> = {
            'deliveries|202402|a': 12,
            'cons|2024Q1|a': 628,
        }
        const table = {
            value: (dx: string, pe: string, ou: string) => values[`${dx}|${pe}|${ou}`] ?? null,
        } as unknown as AnalyticsTable
        const drill = buildPairDrill({
            pair,
            table,
            items: new Map([
                ['deliveries', { id: 'deliveries', name: 'Deliveries', periodType: 'MONTHLY' }],
                ['cons', { id: 'cons', name: 'Consumption', periodType: 'QUARTERLY' }],
            ]),
            dataSets: new Map(),
            period: '202402',
            children: [{ id: 'a', name: 'Bo' }],
            labels: {
                consumption: 'Consumption',
                stockOnHand: 'Stock on hand',
                stockoutDays: 'Stockout days',
                hmisCompleteness: 'HMIS reporting rate (%)',
                lmisCompleteness: 'LMIS reporting rate (%)',
            },
        })
        expect(drill.hmis).toEqual([{ id: 'a', name: 'Bo', value: 12, estimated: false }])
        expect(drill.consumption[0]?.estimated).toBe(true)
        expect(drill.consumption[0]?.value).toBeCloseTo(209.33, 2)
    })
})
