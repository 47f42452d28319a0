/**
 * Contract: the Alerts page's scan pipeline finds the demo country's seeded anomalies.
 *
 * A small country is generated with its ground truth; the scan's requests (planned exactly as the
 * page plans them) are answered by the demo analytics engine in-process; the tables go through the
 * page's pipeline (`buildScanData`, `detectScanAlerts`) and the alerts are scored against the truth
 * (`test/quality/evaluate-alerts.ts`). Precision and recall are printed per detector at district and
 * facility level; only sane floors are asserted, so that the test fails when detection breaks, not
 * when a threshold is tuned.
 */
import { detectScanAlerts, type ScanAlert } from '../../src/features/alerts/scan-alerts'
import { planScan, scanWindow } from '../../src/features/alerts/scan-plan'
import {
    DISTRICT_LEVEL as DISTRICT,
    FACILITY_LEVEL as FACILITY,
    demoCountry,
} from '../quality/alerts-harness'
import { evaluateAlerts, formatEvaluation, type Evaluation } from '../quality/evaluate-alerts'

/** 300 by default (about 15 s); `ALERTS_RECALL_FACILITIES=600` matches `write-truth.ts --facilities 600` */
const FACILITIES = Number(process.env.ALERTS_RECALL_FACILITIES ?? 300)
const SEED = 42
const END = '202610'

// The plain demo configuration (no reporting groups)
const country = demoCountry({ facilities: FACILITIES, seed: SEED, end: END, seedConfig: false })
const { db, truth, pairs, metadata, root } = country
const count = (level: number) => db.orgUnits.filter((ou) => ou.level === level).length
// Every month from 2024-01 is tested (anomalies are seeded after the first year of data)
const window = scanWindow(END, 12, 34)
// Real events: stockouts of the pair's commodity under the org unit (at least a fifth of its
// facilities without stock), simulated, not seeded
const evaluationContext = (level: number) =>
    country.evaluationContext(level, window, { surges: false })

const score = (evaluation: Evaluation, detector: string) =>
    evaluation.detectors.find((d) => d.detector === detector)

describe('alert scan against the seeded anomalies', () => {
    let alerts: ScanAlert[] = []
    let district: Evaluation
    let facility: Evaluation

    beforeAll(async () => {
        const { scan, requests } = await country.scan([DISTRICT, FACILITY], window)
        alerts = detectScanAlerts(scan, pairs)
        district = evaluateAlerts(alerts, truth, evaluationContext(DISTRICT))
        facility = evaluateAlerts(alerts, truth, evaluationContext(FACILITY))
        console.log(
            [
                `${FACILITIES} facilities, seed ${SEED}: ${requests} analytics requests, ${alerts.length} alerts`,
                formatEvaluation(district, 'district'),
                formatEvaluation(facility, 'facility'),
                'missed at district level:',
                ...district.anomalies
                    .filter((a) => a.foundBy.length === 0)
                    .map((a) => `  ${a.type} ${a.orgUnitId} ${a.period}`),
            ].join('\n')
        )
    }, 120_000)

    it('plans one request per period type at district level', () => {
        const requests = planScan({
            pairs,
            metadata,
            roots: [root],
            levels: [{ level: DISTRICT, orgUnits: count(DISTRICT) }],
            window: scanWindow(END, 12, 6),
        })
        expect(requests.map((r) => r.periodType)).toEqual(['MONTHLY', 'QUARTERLY'])
        expect(requests.every((r) => r.estimatedRows <= 50_000)).toBe(true)
    })

    it('finds consumption collapses, district-wide stockouts and completeness drops at district level', () => {
        expect(score(district, 'divergence')?.anomalies).toBeGreaterThan(0)
        // The district whose consumption falls to ~15 % (the harder truth's partial collapses of
        // one facility do not move a district's total beyond chance: see npm run eval:alerts)
        const deep = truth.anomalies.filter(
            (a) =>
                a.type === 'consumption_collapse' &&
                a.orgUnitLevel === DISTRICT &&
                (a.factor ?? 1) < 0.3
        )
        for (const anomaly of deep) {
            const found = district.anomalies.find(
                (a) => a.orgUnitId === anomaly.orgUnitId && a.period === anomaly.period
            )
            expect(found?.foundBy.some((d) => d === 'collapse' || d === 'divergence')).toBe(true)
        }
        expect(score(district, 'completenessDrop')?.recall).toBeGreaterThan(0.5)
        const wide = truth.anomalies.filter(
            (a) => a.type === 'stockout_with_cases' && a.orgUnitLevel === DISTRICT
        )
        expect(wide.length).toBeGreaterThan(0)
        for (const anomaly of wide) {
            const found = district.anomalies.find(
                (a) => a.orgUnitId === anomaly.orgUnitId && a.type === anomaly.type
            )
            expect(found?.foundBy).toContain('stockoutWithCases')
        }
    })

    it('finds spikes, stockouts and master-list gaps at facility level', () => {
        // A ×10 entry error at one facility adds about a quarter to its district's total: it is
        // found where it happened, among the most severe alerts
        expect(score(facility, 'spike')?.anomalies).toBeGreaterThan(0)
        expect(score(facility, 'spike')?.recall).toBeGreaterThan(0.5)
        expect(score(facility, 'stockoutWithCases')?.recall).toBeGreaterThan(0.5)
        expect(score(facility, 'lmisWithoutHmis')?.recall).toBe(1)
        expect(score(facility, 'hmisWithoutLmis')?.recall).toBe(1)
    })

    it('ranks seeded anomalies and real events first', () => {
        expect(district.topPrecision).toBeGreaterThanOrEqual(0.3)
        expect(facility.topPrecision).toBeGreaterThanOrEqual(0.3)
    })
})
