import { describe, expect, it } from 'vitest'
import type { Alert } from '../../domain/alerts'
import type { ScanAlert } from '../alerts/scan-alerts'
import { alertItemLevels, topAlerts } from './top-alerts'

const scanAlert = (ou: string, pair: string, period: string, severity: number): ScanAlert => ({
    alert: {
        id: `completenessDrop:${pair}:${ou}:${period}:hmis`,
        type: 'completenessDrop',
        pairId: pair,
        orgUnitId: ou,
        period,
        severity,
        magnitude: 30,
        direction: 'down',
        series: 'completeness',
        report: 'hmis',
        dataSetId: null,
        details: { rate: 50, median: 95, threshold: 80, dropPoints: 45, baselineSize: 12 },
    } as Alert,
    pairIds: [pair],
    level: 3,
})

describe('alertItemLevels', () => {
    it('scans the org unit and two levels below it, a facility alone', () => {
        expect(alertItemLevels(1, 4)).toEqual([1, 2, 3])
        expect(alertItemLevels(3, 4)).toEqual([3, 4])
        expect(alertItemLevels(4, 4)).toEqual([4])
    })
})

describe('topAlerts', () => {
    it('keeps one line per org unit × pair, most severe first, counting the other reasons', () => {
        const top = topAlerts(
            [
                scanAlert('D1', 'oxy', '202601', 4),
                scanAlert('D2', 'oxy', '202602', 9),
                scanAlert('D1', 'oxy', '202602', 6),
                scanAlert('D1', 'ors', '202602', 5),
                scanAlert('D3', 'ors', '202602', 3),
            ],
            3
        )
        expect(
            top.map((t) => [
                t.top.alert.orgUnitId,
                t.top.alert.pairId,
                t.top.alert.severity,
                t.others,
            ])
        ).toEqual([
            ['D2', 'oxy', 9, 0],
            ['D1', 'oxy', 6, 1],
            ['D1', 'ors', 5, 0],
        ])
        expect(topAlerts([], 5)).toEqual([])
    })
})
