/**
 * The evaluation's spike sizes against the usual level of their series (`sizeAgainstUsual`,
 * `sizeGroups`, `EntryEvaluation.bySize`) and the harness's usual level (the baseline median of the
 * facility series, read from the demo database).
 */
import type { Anomaly } from '../../demo/src/data/anomalies'
import { DEFAULT_CATEGORY_OPTION_COMBO_ID as DEFAULT_COC } from '../../demo/src/data/catalogue'
import { scanWindow } from '../../src/features/alerts/scan-plan'
import { FACILITY_LEVEL, demoCountry } from '../quality/alerts-harness'
import {
    evaluateEntries,
    sizeAgainstUsual,
    sizeGroups,
    type EvaluationContext,
} from '../quality/evaluate-alerts'

const spike = (over: Partial<Anomaly>): Anomaly => ({
    type: 'spike',
    orgUnitId: 'F1',
    orgUnitLevel: 2,
    orgUnitName: 'F1',
    dataElementIds: ['DE'],
    period: '202604',
    periods: ['202604'],
    factor: 3,
    originalValue: 10,
    value: 30,
    description: '',
    ...over,
})

describe('sizeAgainstUsual', () => {
    it('divides the spiked value by the usual level', () => {
        expect(sizeAgainstUsual(spike({ value: 30 }), 15)).toBe(2)
        expect(sizeAgainstUsual(spike({ type: 'duplicate_entry', value: 60 }), 20)).toBe(3)
    })
    it('is unknown without a usual level, a value, or for other anomalies', () => {
        expect(sizeAgainstUsual(spike({}), null)).toBeNull()
        expect(sizeAgainstUsual(spike({}), 0)).toBeNull()
        expect(sizeAgainstUsual(spike({ value: undefined }), 10)).toBeNull()
        expect(sizeAgainstUsual(spike({ type: 'constant_reporting' }), 10)).toBeNull()
    })
})

describe('sizeGroups', () => {
    it('counts a nominal ×3 that stands only ×2 above the usual level in both groups apart', () => {
        expect(sizeGroups(spike({ factor: 3 }), 2.1)).toEqual([
            'spikes ×3 or more (nominal)',
            'spikes ×2 to ×3 against usual level',
        ])
        expect(sizeGroups(spike({ factor: 2 }), 3.4)).toEqual([
            'spikes ×3 or more against usual level',
        ])
        expect(sizeGroups(spike({ factor: 10 }), 1.5)).toEqual([
            'spikes ×3 or more (nominal)',
            'spikes under ×2 against usual level',
        ])
        expect(sizeGroups(spike({ type: 'duplicate_entry', factor: 2 }), null)).toEqual([])
    })
})

describe('evaluateEntries by size', () => {
    const context: EvaluationContext = {
        level: 2,
        orgUnits: new Map([
            ['F1', { parentId: null, level: 2 }],
            ['F2', { parentId: null, level: 2 }],
        ]),
        pairs: [{ id: 'P', items: ['DE'], dataSets: [] }],
        testedPeriods: ['202604'],
        usualLevel: (a) => (a.orgUnitId === 'F1' ? 10 : 15),
    }
    const found = {
        level: 2,
        reasons: [
            {
                alert: { type: 'spike' as const, orgUnitId: 'F1', period: '202604', pairId: 'P' },
                pairIds: ['P'],
                level: 2,
            },
        ],
    }
    it('reports recall per size group next to the nominal labels', () => {
        const truth = {
            anomalies: [spike({}), spike({ orgUnitId: 'F2', orgUnitName: 'F2' })],
            supplyShortages: [],
            serviceSurges: [],
        }
        const evaluation = evaluateEntries([found], [], truth, context)
        expect(evaluation.recall['spike ×3']).toEqual({ anomalies: 2, found: 1, recall: 0.5 })
        expect(evaluation.bySize['spikes ×3 or more (nominal)']).toEqual({
            anomalies: 2,
            found: 1,
            recall: 0.5,
        })
        expect(evaluation.bySize['spikes ×3 or more against usual level']).toEqual({
            anomalies: 1,
            found: 1,
            recall: 1,
        })
        expect(evaluation.bySize['spikes ×2 to ×3 against usual level']).toEqual({
            anomalies: 1,
            found: 0,
            recall: 0,
        })
        expect(evaluation.missed).toEqual([
            { label: 'spike ×3', orgUnitId: 'F2', period: '202604', size: 2 },
        ])
    })
})

describe('usual level of a seeded spike', () => {
    const end = '202610'
    const country = demoCountry({ facilities: 120, seed: 42, end })
    const window = scanWindow(end, 12, 6)
    const context = country.evaluationContext(FACILITY_LEVEL, window)
    const baseline = window.months.slice(0, 12)
    const months = country.db.periodsByType.Monthly.map((p) => p.id)

    it('is the median of the facility series over the baseline months', () => {
        const spikes = country.truth.anomalies.filter(
            (a) =>
                a.type === 'spike' &&
                a.orgUnitLevel === FACILITY_LEVEL &&
                !a.periods.some((p) => /Q/.test(p))
        )
        expect(spikes.length).toBeGreaterThan(0)
        for (const a of spikes) {
            const slot = country.db.facilitySlot.get(a.orgUnitId) as number
            const series = country.db.series.get(
                `${a.dataElementIds[0] as string}.${a.categoryOptionComboId ?? DEFAULT_COC}`
            )
            const values = baseline
                .map((m) => series?.values[slot * months.length + months.indexOf(m)] as number)
                .filter((v) => !Number.isNaN(v))
                .sort((x, y) => x - y)
            const expected =
                values.length % 2 === 1
                    ? values[(values.length - 1) / 2]
                    : ((values[values.length / 2 - 1] as number) +
                          (values[values.length / 2] as number)) /
                      2
            expect(context.usualLevel?.(a)).toBe(expected)
        }
    })

    it('is unknown for anomalies that are not one series of one facility', () => {
        const district = country.truth.anomalies.find((a) => a.orgUnitLevel < FACILITY_LEVEL)
        if (district) expect(context.usualLevel?.(district)).toBeNull()
    })
})
