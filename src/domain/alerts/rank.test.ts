import type { Pair } from '../config'
import {
    DEFAULT_THRESHOLDS,
    detectMasterListGaps,
    detectPairAlerts,
    rankAlerts,
    thresholdsForPair,
    type Alert,
} from './index'

const gap = (orgUnitId: string, severity: number): Alert => ({
    ...detectMasterListGaps({
        pairId: 'p',
        period: '202501',
        orgUnits: [{ orgUnitId, hmis: true, lmis: false }],
    })[0]!,
    severity,
})

describe('rankAlerts', () => {
    it('sorts by severity, highest first, then by id', () => {
        const alerts = [gap('b', 2), gap('c', 9), gap('a', 2), gap('d', Number.NaN)]
        expect(rankAlerts(alerts).map((alert) => alert.orgUnitId)).toEqual(['c', 'a', 'b', 'd'])
        // a new array: the input is untouched
        expect(alerts.map((alert) => alert.orgUnitId)).toEqual(['b', 'c', 'a', 'd'])
        expect(rankAlerts([])).toEqual([])
    })
})

describe('thresholdsForPair', () => {
    it('takes the pair’s thresholds over the defaults', () => {
        expect(thresholdsForPair(undefined)).toEqual(DEFAULT_THRESHOLDS)
        expect(
            thresholdsForPair({ thresholds: { zScore: 5, minDropPercent: 30, ratioBand: [1, 2] } })
        ).toMatchObject({ zScore: 5, minDropPercent: 30, ratioBand: [1, 2], baselinePeriods: 12 })
    })

    it('falls back to the ratio’s expected band, either end open', () => {
        expect(
            thresholdsForPair({ ratio: { expectedLow: 0.8, expectedHigh: 1.2 } }).ratioBand
        ).toEqual([0.8, 1.2])
        expect(thresholdsForPair({ ratio: { expectedLow: 2 } }).ratioBand).toEqual([
            2,
            Number.POSITIVE_INFINITY,
        ])
        expect(thresholdsForPair({ ratio: {} }).ratioBand).toBeNull()
        expect(
            thresholdsForPair(
                { ratio: { expectedLow: 0.8 }, thresholds: { ratioBand: [1, 3] } },
                { completenessThreshold: 90 }
            )
        ).toMatchObject({ ratioBand: [1, 3], completenessThreshold: 90 })
    })
})

describe('detectPairAlerts', () => {
    const periods = Array.from({ length: 16 }, (_, i) => `p${i}`)
    const steady = (value: number) =>
        Array.from({ length: 16 }, (_, i) => value + ((i * 7) % 5) - 2)
    const pair: Pick<Pair, 'id' | 'thresholds' | 'ratio'> = {
        id: 'oxytocin-deliveries',
        ratio: { expectedLow: 0.8, expectedHigh: 1.5 },
        thresholds: { zScore: 3.5, minDropPercent: 50 },
    }

    it('runs the detectors the series allow and ranks their alerts', () => {
        const consumption = steady(100)
        consumption[14] = 10 // collapse + divergence
        const stockOnHand = steady(300)
        stockOnHand[15] = 0 // stockout while deliveries continue
        const hmisCompleteness = Array(16).fill(100)
        hmisCompleteness[13] = 50 // incomplete
        const alerts = detectPairAlerts({
            pair,
            orgUnitId: 'DistrictX01',
            periods,
            cases: steady(100),
            lmis: { consumption, stockOnHand },
            hmisCompleteness,
            lmisCompleteness: Array(16).fill(100),
        })
        expect(alerts.map((alert) => `${alert.type}@${alert.period}`).sort()).toEqual([
            'collapse@p14',
            'completenessDrop@p13',
            'divergence@p14',
            'stockoutWithCases@p15',
        ])
        expect(alerts).toEqual(rankAlerts(alerts))
        // outliers of other measures only when asked
        const withStock = detectPairAlerts({
            pair,
            orgUnitId: 'DistrictX01',
            periods,
            cases: steady(100),
            lmis: { consumption: steady(100), stockOnHand },
            outlierMeasures: ['stockOnHand'],
            testLast: 2,
        })
        expect(withStock.map((alert) => `${alert.type}@${alert.period}`).sort()).toEqual([
            'collapse@p15',
            'stockoutWithCases@p15',
        ])
    })

    it('finds nothing in steady series', () => {
        expect(
            detectPairAlerts({
                pair,
                orgUnitId: 'DistrictX01',
                periods,
                cases: steady(100),
                lmis: { consumption: steady(100), stockOnHand: steady(300) },
                hmisCompleteness: Array(16).fill(100),
                lmisCompleteness: Array(16).fill(95),
            })
        ).toEqual([])
    })
})
