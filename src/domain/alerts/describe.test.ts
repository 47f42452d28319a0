import {
    ALERT_TYPES,
    alertTypeLabel,
    describeAlert,
    detectCompletenessDrops,
    detectDivergence,
    detectMasterListGaps,
    detectOutliers,
    detectStockoutWithCases,
    inSentence,
    measureName,
    type Alert,
    type AlertNames,
} from './index'

const names: AlertNames = {
    pair: 'Oxytocin ↔ Deliveries',
    commodity: 'Oxytocin',
    service: 'Deliveries',
    orgUnit: 'District X',
    period: 'March 2025',
}

const periods = Array.from({ length: 13 }, (_, i) => `2024${String(i + 1).padStart(2, '0')}`)
const context = { pairId: 'oxytocin-deliveries', orgUnitId: 'DistrictX01', periods }
const flat = (value: number, last: number | null): (number | null)[] => [
    ...Array(12).fill(value),
    last,
]
/** 100 in every period but the last, where the baseline varies a little */
const near = (last: number): number[] => [
    98,
    102,
    100,
    99,
    101,
    100,
    97,
    103,
    100,
    100,
    99,
    101,
    last,
]
const complete = Array(13).fill(100)

const only = <T extends Alert>(alerts: T[]): T => {
    expect(alerts).toHaveLength(1)
    return alerts[0] as T
}

describe('inSentence', () => {
    it('lower-cases the first letter unless the first word is an acronym', () => {
        expect(inSentence('Deliveries')).toBe('deliveries')
        expect(inSentence('Oxytocin 10 IU')).toBe('oxytocin 10 IU')
        expect(inSentence('PPH cases')).toBe('PPH cases')
        expect(inSentence('ORS')).toBe('ORS')
        expect(inSentence('FP clients – implants')).toBe('FP clients – implants')
        expect(inSentence('  Zinc ')).toBe('zinc')
        expect(inSentence('É')).toBe('É')
        expect(inSentence('3TC')).toBe('3TC')
    })
})

describe('describeAlert', () => {
    it('describes consumption falling while cases stay stable', () => {
        const alert = only(
            detectDivergence({
                ...context,
                consumption: near(15),
                cases: near(100),
                hmisCompleteness: complete,
                lmisCompleteness: complete,
            })
        )
        expect(describeAlert(alert, names)).toBe(
            'Consumption of oxytocin in District X fell 85% in March 2025 while deliveries stayed stable'
        )
    })

    it('describes consumption rising while cases stay stable', () => {
        const alert = only(
            detectDivergence({
                ...context,
                consumption: near(250),
                cases: near(100),
                hmisCompleteness: complete,
                lmisCompleteness: complete,
            })
        )
        expect(describeAlert(alert, names)).toBe(
            'Consumption of oxytocin in District X rose 150% in March 2025 while deliveries stayed stable'
        )
    })

    it('describes cases moving while consumption stays stable', () => {
        const divergence = (cases: number) =>
            only(
                detectDivergence({
                    ...context,
                    consumption: near(100),
                    cases: near(cases),
                    hmisCompleteness: complete,
                    lmisCompleteness: complete,
                })
            )
        expect(describeAlert(divergence(40), names)).toBe(
            'In District X, deliveries fell 60% in March 2025 while consumption of oxytocin stayed stable'
        )
        expect(describeAlert(divergence(300), names)).toBe(
            'In District X, deliveries rose 200% in March 2025 while consumption of oxytocin stayed stable'
        )
    })

    it('describes both moving apart', () => {
        const alert = only(
            detectDivergence({
                ...context,
                consumption: near(30),
                cases: near(140),
                hmisCompleteness: complete,
                lmisCompleteness: complete,
            })
        )
        expect(describeAlert(alert, names)).toBe(
            'Consumption of oxytocin relative to deliveries in District X fell 79% in March 2025 (consumption −70%, cases +40%)'
        )
    })

    it('describes a ratio leaving its expected band', () => {
        const band = (consumption: number) =>
            only(
                detectDivergence({
                    ...context,
                    consumption: near(consumption),
                    cases: near(100),
                    hmisCompleteness: complete,
                    lmisCompleteness: complete,
                    thresholds: { ratioBand: [0.8, 1.5] },
                })
            )
        expect(describeAlert(band(160), names)).toBe(
            'Consumption of oxytocin in District X was 1.6 per case (deliveries) in March 2025, above the expected maximum of 1.5'
        )
        expect(describeAlert(band(70), names)).toBe(
            'Consumption of oxytocin in District X was 0.7 per case (deliveries) in March 2025, below the expected minimum of 0.8'
        )
    })

    it('describes spikes and collapses of each series', () => {
        const hmis = only(detectOutliers({ ...context, values: near(400), series: 'hmis' }))
        expect(describeAlert(hmis, names)).toBe(
            'In District X, deliveries rose 300% above the usual level in March 2025 (400 against a median of 100)'
        )
        const lmis = only(
            detectOutliers({ ...context, values: near(10), series: 'lmis', measure: 'stockOnHand' })
        )
        expect(describeAlert(lmis, names)).toBe(
            'In District X, stock on hand of oxytocin fell 90% below the usual level in March 2025 (10 against a median of 100)'
        )
        const hmisDown = only(detectOutliers({ ...context, values: near(10), series: 'hmis' }))
        expect(describeAlert(hmisDown, names)).toBe(
            'In District X, deliveries fell 90% below the usual level in March 2025 (10 against a median of 100)'
        )
        const lmisUp = only(detectOutliers({ ...context, values: near(990), series: 'lmis' }))
        expect(describeAlert(lmisUp, names)).toBe(
            'In District X, consumption of oxytocin rose 890% above the usual level in March 2025 (990 against a median of 100)'
        )
        const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 9]
        const fromZero = only(detectOutliers({ ...context, values: sparse, series: 'hmis' }))
        expect(describeAlert(fromZero, names)).toBe(
            'In District X, deliveries rose to 9 in March 2025, against a median of 0'
        )
        const lmisFromZero = only(detectOutliers({ ...context, values: sparse, series: 'lmis' }))
        expect(describeAlert(lmisFromZero, names)).toBe(
            'In District X, consumption of oxytocin rose to 9 in March 2025, against a median of 0'
        )
    })

    it('gives no percentage above a usual level of 0 or below 1', () => {
        const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 9]
        const base = only(detectOutliers({ ...context, values: sparse, series: 'lmis' }))
        const withDetails = (value: number, median: number, changePercent: number) =>
            ({
                ...base,
                details: { ...base.details, value, median, changePercent },
            }) as typeof base
        // The usual level a seasonal or mean baseline gives above a median of 0 (17 against 0.1)
        expect(describeAlert(withDetails(17, 0, 16900), names)).toBe(
            'In District X, consumption of oxytocin rose to 17 in March 2025, against a median of 0'
        )
        expect(describeAlert(withDetails(17, 0.5, 3300), names)).toBe(
            'In District X, consumption of oxytocin rose to 17 in March 2025, against a median of 0.5'
        )
        expect(describeAlert(withDetails(17, 2, 750), names)).toBe(
            'In District X, consumption of oxytocin rose 750% above the usual level in March 2025 (17 against a median of 2)'
        )
        const hmis = only(detectOutliers({ ...context, values: sparse, series: 'hmis' }))
        expect(
            describeAlert(
                {
                    ...hmis,
                    details: { ...hmis.details, value: 17, changePercent: 16900 },
                } as typeof hmis,
                names
            )
        ).toBe('In District X, deliveries rose to 17 in March 2025, against a median of 0')
    })

    it('describes stockouts with cases', () => {
        const stockout = (extra: Record<string, unknown>) =>
            only(detectStockoutWithCases({ ...context, cases: near(104), ...extra }))
        expect(describeAlert(stockout({ stockOnHand: flat(50, 0) }), names)).toBe(
            'In District X, oxytocin was out of stock in March 2025 while deliveries continued (104, usually 100)'
        )
        expect(describeAlert(stockout({ stockoutDays: flat(0, 9) }), names)).toBe(
            'In District X, oxytocin was out of stock in March 2025 (stockout days – 9) while deliveries continued (104, usually 100)'
        )
        expect(describeAlert(stockout({ stockoutRate: flat(4, 37.4) }), names)).toBe(
            'In District X, 37% of facilities were out of oxytocin in March 2025 (usually 4%) while deliveries continued (104, usually 100)'
        )
    })

    it('describes completeness alerts', () => {
        const alerts = detectCompletenessDrops({
            ...context,
            reports: [
                { report: 'hmis', rates: flat(100, 70) },
                { report: 'lmis', rates: flat(82, 75) },
            ],
        })
        expect(alerts.map((alert) => describeAlert(alert, names))).toEqual([
            'In District X, the HMIS report was 70% complete in March 2025, 30 points below its usual 100%',
            'In District X, the LMIS report was 75% complete in March 2025, below 80%',
        ])
        const lmisDrop = detectCompletenessDrops({
            ...context,
            reports: [{ report: 'lmis', rates: flat(95, 60) }],
        })
        const hmisLow = detectCompletenessDrops({
            ...context,
            reports: [{ report: 'hmis', rates: flat(85, 78) }],
        })
        expect(describeAlert(only(lmisDrop), names)).toBe(
            'In District X, the LMIS report was 60% complete in March 2025, 35 points below its usual 95%'
        )
        expect(describeAlert(only(hmisLow), names)).toBe(
            'In District X, the HMIS report was 78% complete in March 2025, below 80%'
        )
    })

    it('describes master-list gaps', () => {
        const alerts = detectMasterListGaps({
            pairId: 'oxytocin-deliveries',
            period: '202503',
            orgUnits: [
                { orgUnitId: 'a', hmis: false, lmis: true },
                { orgUnitId: 'b', hmis: true, lmis: false },
            ],
        })
        expect(alerts.map((alert) => describeAlert(alert, names))).toEqual([
            'District X reported LMIS data for Oxytocin ↔ Deliveries in March 2025 but no HMIS data',
            'District X reported HMIS data for Oxytocin ↔ Deliveries in March 2025 but no LMIS data',
        ])
    })

    it('inserts names as plain text (escaping is the caller’s job)', () => {
        const alert = only(detectOutliers({ ...context, values: near(400), series: 'hmis' }))
        expect(describeAlert(alert, { ...names, orgUnit: '<b>A & B</b>' })).toContain(
            'In <b>A & B</b>,'
        )
    })
})

describe('labels', () => {
    it('has a label for every alert type and LMIS measure', () => {
        expect(new Set(ALERT_TYPES.map(alertTypeLabel)).size).toBe(ALERT_TYPES.length)
        expect(alertTypeLabel('stockoutWithCases')).toBe('Stockout while patients keep coming')
        expect(measureName('losses')).toBe('losses and adjustments')
    })
})
