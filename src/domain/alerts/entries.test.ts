import {
    AGREEMENT_WEIGHT,
    MAX_STRENGTH,
    SHARE_FLOOR,
    bothSystemsAgree,
    entryImpact,
    groupEntries,
    rankEntries,
    type LeveledAlert,
} from './entries'
import type { Alert, OutlierAlert } from './types'

const outlier = (
    orgUnitId: string,
    pairId: string,
    period: string,
    severity: number,
    series: 'hmis' | 'lmis' = 'hmis'
): OutlierAlert => ({
    id: `spike:${pairId}:${orgUnitId}:${period}:${series}`,
    type: 'spike',
    pairId,
    orgUnitId,
    period,
    severity,
    magnitude: 100,
    direction: 'up',
    series,
    measure: series === 'lmis' ? 'consumption' : null,
    method: 'MAD',
    details: {
        value: 20,
        median: 10,
        mad: 1,
        meanAbsoluteDeviation: 1,
        zScore: severity,
        changePercent: 100,
        baselineSize: 12,
    },
})

const leveled = (alert: Alert, parentShare: number | null = null): LeveledAlert => ({
    alert,
    pairIds: [alert.pairId],
    level: 4,
    parentShare,
})

describe('groupEntries', () => {
    it('makes one entry per org unit × pair with every reason, strongest first', () => {
        const entries = groupEntries([
            leveled(outlier('ou1', 'p1', '202601', 4)),
            leveled(outlier('ou1', 'p1', '202602', 9, 'lmis')),
            leveled(outlier('ou1', 'p2', '202601', 4)),
            leveled(outlier('ou2', 'p1', '202601', 4)),
        ])
        expect(entries).toHaveLength(3)
        const first = entries.find((e) => e.id === 'ou1:p1')
        expect(first?.reasons.map((r) => r.alert.severity)).toEqual([9, 4])
        expect(first?.periods).toEqual(['202601', '202602'])
        expect(first?.tier).toBe('extreme')
        expect(entries.find((e) => e.id === 'ou2:p1')?.tier).toBe('outlier')
    })
    it('leaves out findings below the outlier cut-off', () => {
        expect(groupEntries([leveled(outlier('ou1', 'p1', '202601', 3))])).toEqual([])
        expect(groupEntries([leveled(outlier('ou1', 'p1', '202601', 3))], 2.5)).toHaveLength(1)
    })
    it('ranks by impact: a large share of the parent first', () => {
        const entries = groupEntries([
            leveled(outlier('small', 'p1', '202601', 20), 0.01),
            leveled(outlier('large', 'p1', '202601', 6), 0.3),
        ])
        expect(entries.map((e) => e.orgUnitId)).toEqual(['large', 'small'])
    })
})

describe('entryImpact', () => {
    it('multiplies strength, share, persistence and agreement', () => {
        const one = [leveled(outlier('a', 'p', '202601', 4), 0.1)]
        expect(entryImpact(one)).toBeCloseTo(4 * (SHARE_FLOOR + 0.1))
        const persistent = [
            leveled(outlier('a', 'p', '202601', 4), 0.1),
            leveled(outlier('a', 'p', '202602', 4), 0.1),
        ]
        expect(entryImpact(persistent)).toBeCloseTo(4 * (SHARE_FLOOR + 0.1) * 1.5)
        const agreeing = [
            leveled(outlier('a', 'p', '202601', 4, 'hmis'), 0.1),
            leveled(outlier('a', 'p', '202601', 4, 'lmis'), 0.1),
        ]
        expect(entryImpact(agreeing)).toBeCloseTo(4 * (SHARE_FLOOR + 0.1) * AGREEMENT_WEIGHT)
    })
    it('caps the strength and counts findings without units by the floor', () => {
        expect(entryImpact([leveled(outlier('a', 'p', '202601', 1e6))])).toBeCloseTo(
            MAX_STRENGTH * SHARE_FLOOR
        )
        expect(entryImpact([])).toBe(0)
    })
})

describe('bothSystemsAgree', () => {
    it('needs both systems in one period', () => {
        expect(
            bothSystemsAgree([
                leveled(outlier('a', 'p', '202601', 4, 'hmis')),
                leveled(outlier('a', 'p', '202602', 4, 'lmis')),
            ])
        ).toBe(false)
        expect(
            bothSystemsAgree([
                leveled(outlier('a', 'p', '202601', 4, 'hmis')),
                leveled(outlier('a', 'p', '202601', 4, 'lmis')),
            ])
        ).toBe(true)
    })
})

describe('rankEntries', () => {
    it('orders by impact, then by id', () => {
        expect(
            rankEntries([
                { id: 'b', impact: 1 },
                { id: 'a', impact: 1 },
                { id: 'c', impact: 2 },
            ]).map((e) => e.id)
        ).toEqual(['c', 'a', 'b'])
    })
})
