import {
    AGREEMENT_WEIGHT,
    CONTRADICTION_WEIGHT,
    MAX_STRENGTH,
    SHARE_FLOOR,
    aggregateReasons,
    bothSystemsAgree,
    entryImpact,
    foldOf,
    groupEntries,
    isMakeUpSensitive,
    needsAggregateRun,
    movesWithOrgUnit,
    movesWithPartner,
    contextShift,
    partnerWeight,
    systemsWeight,
    MIN_EVIDENCE_RATIO,
    ORG_UNIT_SHIFT,
    longestPeriodRun,
    rankEntries,
    systemsContradict,
    type LeveledAlert,
} from './entries'
import type { Alert, DivergenceAlert, OutlierAlert } from './types'

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

const leveled = (alert: Alert, parentShare: number | null = null, level = 4): LeveledAlert => ({
    alert,
    pairIds: [alert.pairId],
    level,
    parentShare,
})

const collapse = (orgUnitId: string, period: string, severity = 6): OutlierAlert => ({
    ...outlier(orgUnitId, 'p1', period, severity, 'lmis'),
    id: `collapse:p1:${orgUnitId}:${period}`,
    type: 'collapse',
    direction: 'down',
    details: {
        value: 5,
        median: 10,
        mad: 1,
        meanAbsoluteDeviation: 1,
        zScore: -severity,
        changePercent: -50,
        baselineSize: 12,
    },
})

const divergence = (period: string, ratio: number, ratioMedian: number): DivergenceAlert => ({
    id: `divergence:p1:d:${period}`,
    type: 'divergence',
    pairId: 'p1',
    orgUnitId: 'd',
    period,
    severity: 6,
    magnitude: 50,
    direction: ratio < ratioMedian ? 'down' : 'up',
    series: 'both',
    trigger: 'change',
    details: {
        consumption: ratio * 10,
        cases: 10,
        ratio,
        ratioMedian,
        ratioChangePercent: ((ratio - ratioMedian) / ratioMedian) * 100,
        consumptionMedian: ratioMedian * 10,
        consumptionChangePercent: null,
        casesMedian: 10,
        casesChangePercent: 0,
        hmisCompleteness: 100,
        lmisCompleteness: 100,
        bandLow: null,
        bandHigh: null,
        stablePercent: 15,
        baselineSize: 12,
    },
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
            leveled(outlier('small', 'p1', '202601', 12), 0.01),
            leveled(outlier('large', 'p1', '202601', 6), 0.3),
        ])
        expect(entries.map((e) => e.orgUnitId)).toEqual(['large', 'small'])
    })
})

// 20 against a median of 10
const FOLD = 1 + Math.log(21 / 11)

describe('entryImpact', () => {
    it('multiplies strength × size, share, persistence and agreement', () => {
        const one = [leveled(outlier('a', 'p', '202601', 4), 0.1)]
        expect(entryImpact(one)).toBeCloseTo(4 * FOLD * Math.sqrt(SHARE_FLOOR + 0.1))
        const persistent = [
            leveled(outlier('a', 'p', '202601', 4), 0.1),
            leveled(outlier('a', 'p', '202602', 4), 0.1),
        ]
        expect(entryImpact(persistent)).toBeCloseTo(4 * FOLD * Math.sqrt(SHARE_FLOOR + 0.1) * 1.5)
        const agreeing = [
            leveled(outlier('a', 'p', '202601', 4, 'hmis'), 0.1),
            leveled(outlier('a', 'p', '202601', 4, 'lmis'), 0.1),
        ]
        expect(entryImpact(agreeing)).toBeCloseTo(
            4 * FOLD * Math.sqrt(SHARE_FLOOR + 0.1) * AGREEMENT_WEIGHT
        )
    })
    it('counts persistence as the longest run of consecutive months, not scattered ones', () => {
        const scattered = [
            leveled(outlier('a', 'p', '202601', 4), 0.1),
            leveled(outlier('a', 'p', '202604', 4), 0.1),
        ]
        expect(entryImpact(scattered)).toBeCloseTo(4 * FOLD * Math.sqrt(SHARE_FLOOR + 0.1))
    })
    it('caps the strength and counts findings without units by the floor', () => {
        expect(entryImpact([leveled(outlier('a', 'p', '202601', 1e6))])).toBeCloseTo(
            MAX_STRENGTH * FOLD * Math.sqrt(SHARE_FLOOR)
        )
        expect(entryImpact([])).toBe(0)
    })
    it('ranks a value three times the usual above an ordinary +40 % of the same z-score', () => {
        const tripled = outlier('small', 'p', '202601', 6)
        tripled.details = { ...tripled.details, value: 30, median: 10, expected: 10 }
        const usual = outlier('large', 'p', '202601', 6)
        usual.details = { ...usual.details, value: 140, median: 100, expected: 100 }
        expect(entryImpact([leveled(tripled, 0.1)])).toBeGreaterThan(
            entryImpact([leveled(usual, 0.1)])
        )
    })
})

describe('foldOf', () => {
    it('is 1 + |ln| of value over expected, either way, and of a ratio over its median', () => {
        const up = outlier('a', 'p', '202601', 4)
        up.details = { ...up.details, value: 32, expected: 10 }
        expect(foldOf(up)).toBeCloseTo(1 + Math.log(3))
        expect(foldOf(collapse('a', '202601'))).toBeCloseTo(1 + Math.log(11 / 6))
        expect(foldOf(divergence('202601', 0.5, 1))).toBeCloseTo(1 + Math.log(1 / 0.51))
        expect(foldOf(divergence('202601', 1, 0))).toBe(1)
    })
    it('is capped at 6 and is 2 for a value repeated month after month', () => {
        const absurd = outlier('a', 'p', '202601', 4)
        absurd.details = { ...absurd.details, value: 1e9, expected: 1 }
        expect(foldOf(absurd)).toBe(6)
        expect(foldOf({ ...outlier('a', 'p', '202601', 4), method: 'REPEATED' })).toBe(2)
    })
})

describe('longestPeriodRun', () => {
    it('counts consecutive months across a year end, and quarters apart from months', () => {
        expect(longestPeriodRun(['202511', '202512', '202601', '202603'])).toBe(3)
        expect(longestPeriodRun(['2025Q4', '2026Q1', '202601'])).toBe(2)
        expect(longestPeriodRun(['202601', '202601'])).toBe(1)
        expect(longestPeriodRun([])).toBe(0)
        expect(longestPeriodRun(['2026W3'])).toBe(1)
    })
})

describe('isMakeUpSensitive', () => {
    it('is true for falls, ratios and anything by quarter, false for a monthly rise', () => {
        expect(isMakeUpSensitive(collapse('d', '202601'))).toBe(true)
        expect(isMakeUpSensitive(divergence('202601', 3, 1))).toBe(true)
        expect(isMakeUpSensitive(outlier('d', 'p', '2026Q1', 6, 'lmis'))).toBe(true)
        expect(isMakeUpSensitive(outlier('d', 'p', '202601', 6, 'lmis'))).toBe(false)
    })
})

describe('aggregateReasons and the aggregate rule of groupEntries', () => {
    it('keeps falls and ratios only within a run of two consecutive periods', () => {
        const single = [leveled(collapse('d', '202601'), 0.3, 3)]
        expect(aggregateReasons(single)).toEqual([])
        const run = [
            leveled(collapse('d', '202601'), 0.3, 3),
            leveled(divergence('202602', 0.4, 1), 0.3, 3),
            leveled(collapse('d', '202605'), 0.3, 3),
        ]
        expect(aggregateReasons(run).map((r) => r.alert.period)).toEqual(['202601', '202602'])
        const rise = [leveled(outlier('d', 'p1', '202601', 9, 'lmis'), 0.3, 3)]
        expect(aggregateReasons(rise)).toEqual(rise)
    })
    it('keeps a single month’s rise only when it is extreme (the multiple-testing burden)', () => {
        expect(needsAggregateRun(outlier('d', 'p1', '202601', 4.2, 'hmis'))).toBe(true)
        expect(needsAggregateRun(outlier('d', 'p1', '202601', 5, 'hmis'))).toBe(false)
        const ordinary = [leveled(outlier('d', 'p1', '202601', 4.2, 'hmis'), 0.2, 3)]
        expect(aggregateReasons(ordinary)).toEqual([])
        const extreme = [leveled(outlier('d', 'p1', '202601', 8, 'hmis'), 0.2, 3)]
        expect(aggregateReasons(extreme)).toEqual(extreme)
        // two consecutive months beyond the outlier cut-off stay
        const lasting = [
            leveled(outlier('d', 'p1', '202601', 4.2, 'hmis'), 0.2, 3),
            leveled(outlier('d', 'p1', '202602', 3.8, 'hmis'), 0.2, 3),
        ]
        expect(aggregateReasons(lasting)).toEqual(lasting)
        // at facilities the rule does not apply
        const atFacility = [leveled(outlier('f', 'p1', '202601', 4.2, 'hmis'), 0.2, 4)]
        expect(groupEntries(atFacility, undefined, { facilityLevel: 4 })).toHaveLength(1)
        expect(groupEntries(ordinary, undefined, { facilityLevel: 4 })).toEqual([])
    })
    it('applies above the facility level only', () => {
        const atDistrict = [leveled(collapse('d', '202601'), 0.3, 3)]
        expect(groupEntries(atDistrict, undefined, { facilityLevel: 4 })).toEqual([])
        expect(groupEntries(atDistrict)).toHaveLength(1)
        const atFacility = [leveled(collapse('f', '202601'), 0.3, 4)]
        expect(groupEntries(atFacility, undefined, { facilityLevel: 4 })).toHaveLength(1)
    })
})

describe('systemsContradict', () => {
    it('is one system moving with consumption per case moving, the other system still', () => {
        const hmisSpike = leveled(outlier('a', 'p1', '202601', 6, 'hmis'))
        const diverging = leveled(divergence('202601', 0.3, 1))
        expect(systemsContradict([hmisSpike, diverging])).toBe(true)
        expect(systemsContradict([hmisSpike])).toBe(false)
        expect(systemsContradict([hmisSpike, leveled(divergence('202602', 0.3, 1))])).toBe(false)
        expect(
            systemsContradict([
                hmisSpike,
                leveled(outlier('a', 'p1', '202601', 6, 'lmis')),
                diverging,
            ])
        ).toBe(false)
    })
    it('weighs in the impact', () => {
        const hmisSpike = leveled(outlier('d', 'p1', '202601', 6, 'hmis'), 0.1)
        const diverging = leveled(divergence('202601', 0.3, 1), 0.1)
        const alone = entryImpact([hmisSpike])
        // the divergence's own strength may be higher too
        expect(entryImpact([hmisSpike, diverging]) / alone).toBeGreaterThanOrEqual(
            CONTRADICTION_WEIGHT
        )
        expect(groupEntries([hmisSpike, diverging])[0]?.contradiction).toBe(true)
    })
})

describe('bothSystemsAgree', () => {
    it('is not a divergence (the systems disagree there)', () => {
        expect(bothSystemsAgree([leveled(divergence('202601', 0.3, 1))])).toBe(false)
    })
    it('needs both systems moving the same way in one period', () => {
        expect(
            bothSystemsAgree([
                leveled(outlier('a', 'p', '202601', 4, 'hmis')),
                leveled(collapse('a', '202601')),
            ])
        ).toBe(false)
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

describe('the org unit’s other services (orgUnitShift)', () => {
    const spike = (value: number, expected: number): OutlierAlert => {
        const base = outlier('f', 'p1', '202601', 6, 'hmis')
        return { ...base, details: { ...base.details, value, median: expected, expected } }
    }
    it('takes the size over the others’ shift when they moved the same way', () => {
        const doubled = spike(199, 99)
        expect(foldOf(doubled)).toBeCloseTo(1 + Math.log(2), 10)
        expect(foldOf(doubled, 1.6)).toBeCloseTo(1 + Math.log(2 / 1.6), 10)
        // others falling do not make a rise larger; unknown is as before
        expect(foldOf(doubled, 0.7)).toBeCloseTo(foldOf(doubled), 10)
        expect(foldOf(doubled, null)).toBeCloseTo(foldOf(doubled), 10)
    })
    it('weighs a finding the month explains as a real change', () => {
        const surge = leveled(spike(199, 99), 0.1)
        expect(movesWithOrgUnit([{ ...surge, orgUnitShift: 1.6 }])).toBe(true)
        expect(movesWithOrgUnit([{ ...surge, orgUnitShift: 1.1 }])).toBe(false)
        expect(movesWithOrgUnit([surge])).toBe(false)
        // a ×3 in a month 50 % up is beyond what the month explains
        const error = leveled(spike(299, 99), 0.1)
        expect(movesWithOrgUnit([{ ...error, orgUnitShift: ORG_UNIT_SHIFT + 0.1 }])).toBe(false)
        expect(entryImpact([{ ...surge, orgUnitShift: 1.6 }])).toBeLessThan(
            entryImpact([surge]) * AGREEMENT_WEIGHT
        )
    })
})

describe('the other system of the pair (partnerShift)', () => {
    const spike = (value: number, expected: number, series: 'hmis' | 'lmis' = 'hmis') => {
        const base = outlier('f', 'p1', '202601', 6, series)
        return { ...base, details: { ...base.details, value, median: expected, expected } }
    }
    it('takes the size over the larger same-way shift of the other services and the other system', () => {
        const tripled = spike(299, 99)
        expect(foldOf(tripled, null, 2)).toBeCloseTo(1 + Math.log(3 / 2), 10)
        expect(foldOf(tripled, 1.2, 2)).toBeCloseTo(1 + Math.log(3 / 2), 10)
        expect(foldOf(tripled, 2, 1.2)).toBeCloseTo(1 + Math.log(3 / 2), 10)
        // the other system falling does not make a rise larger
        expect(foldOf(tripled, null, 0.5)).toBeCloseTo(foldOf(tripled), 10)
        expect(contextShift('spike', 0.5, 1.3)).toBeCloseTo(1.3, 10)
        expect(contextShift('collapse', 0.5, 1.3)).toBeCloseTo(0.5, 10)
        expect(contextShift('collapse', 0.8, 0.6)).toBeCloseTo(0.6, 10)
    })
    it('weighs cases and consumption moving together as a real change, one moving alone not', () => {
        // cases ×2.9 while consumption ×2.6: more patients came
        const both = { ...leveled(spike(290, 100), 0.1), partnerShift: 2.6 }
        // cases ×2.9 while consumption stayed: the register's error
        const alone = { ...leveled(spike(290, 100), 0.1), partnerShift: 1.05 }
        expect(movesWithPartner([both])).toBe(true)
        expect(movesWithPartner([alone])).toBe(false)
        expect(movesWithPartner([leveled(spike(290, 100), 0.1)])).toBe(false)
        // consumption ×3 against cases ×1.5: beyond what the patients explain
        expect(
            movesWithPartner([{ ...leveled(spike(300, 100, 'lmis'), 0.1), partnerShift: 1.5 }])
        ).toBe(false)
        expect(entryImpact([both])).toBeLessThan(entryImpact([alone]) * AGREEMENT_WEIGHT)
        const [entry] = groupEntries([both])
        expect(entry?.agreement).toBe(true)
    })
})

describe('the other system’s reading as evidence (partnerEvidence)', () => {
    const spike = (value: number, expected: number) => {
        const base = outlier('f', 'p1', '202601', 5, 'hmis')
        return { ...base, details: { ...base.details, value, median: expected, expected } }
    }
    const reading = (partnerEvidence: number | null) => ({
        ...leveled(spike(30, 10), 0.01),
        partnerEvidence,
    })
    it('turns the likelihood ratio into how much likelier an error is, by Bayes’ rule', () => {
        expect(partnerWeight([reading(Math.log(20))])).toBeCloseTo((20 * 1.5) / (1 + 0.5 * 20), 10)
        expect(partnerWeight([reading(1e9)])).toBeCloseTo(CONTRADICTION_WEIGHT, 10)
        expect(partnerWeight([reading(-Math.log(20))])).toBe(AGREEMENT_WEIGHT)
        // no reading, or one not worth a mention: as before
        expect(partnerWeight([reading(null)])).toBe(1)
        expect(partnerWeight([reading(Math.log(MIN_EVIDENCE_RATIO) - 0.01)])).toBe(1)
        expect(partnerWeight([reading(-Math.log(MIN_EVIDENCE_RATIO) + 0.01)])).toBe(1)
    })
    it('lifts a small facility’s ×3 whose other system stayed above one whose other system followed', () => {
        const stayed = entryImpact([reading(Math.log(50))])
        const unknown = entryImpact([reading(null)])
        const followed = entryImpact([reading(-Math.log(50))])
        expect(stayed).toBeGreaterThan(2 * unknown)
        expect(followed).toBeCloseTo(unknown * AGREEMENT_WEIGHT, 10)
    })
    it('leaves the binary signs first: consumption per case diverging, both flagged', () => {
        const up = reading(-Math.log(50))
        const diverging = leveled(divergence('202601', 3, 1), 0.01)
        expect(systemsWeight([up, diverging])).toBe(CONTRADICTION_WEIGHT)
    })
})
