/**
 * Precision and recall of the alert detectors against the demo country's ground truth (the seeded
 * anomalies, `demo/src/data/anomalies.ts`). Outside the app bundle: the app never reads the truth.
 *
 * An anomaly is looked for at the scanned level where it shows: a facility's anomaly in its
 * ancestor at that level (a ×10 spike of one facility in its district's total), a district's
 * anomaly in itself, or in its facilities (`facilityIds`) when facilities are scanned. It concerns
 * the pairs whose data items carry it (`dataElementIds`, the option combo for spikes) or whose data
 * sets it names (`dataSetId`).
 *
 * Recall of a detector: anomalies of the types it targets that at least one of its alerts matches
 * (same org unit, a period of the anomaly or its quarter, a pair of the anomaly; master-list gaps are standing
 * facts, matched without period), over those anomalies — counting only anomalies with a period in
 * the tested months. Precision: its alerts explained by an anomaly of a type that would cause them
 * (a stockout also drops consumption; a spike also moves consumption per case), over its alerts.
 * Alerts that are real events the generator did not seed are counted apart (`context`): a national
 * supply shortage of the pair's commodity, or what `isKnownEvent` recognises (e.g. stockouts in the
 * simulated stock, which follows cases, deliveries and fill rates). `precision` counts seeded
 * anomalies only; `realPrecision` counts both.
 *
 * The list is ranked by severity: `topPrecision` is the share of the `top` most severe alerts of
 * the level (all detectors) that are seeded anomalies or real events.
 */
import type { AlertType } from '../../src/domain/alerts'
import { quarterOfMonth } from '../../src/domain/periods'
import type { Anomaly, AnomalyType, GroundTruth } from '../../demo/src/data/anomalies'

export interface EvaluatedAlert {
    alert: { type: AlertType; orgUnitId: string; period: string; pairId: string }
    /** Every pair the alert concerns */
    pairIds: readonly string[]
    level: number
}

export interface EvaluationContext {
    /** The scanned level evaluated */
    level: number
    /** Parent and level of every org unit */
    orgUnits: ReadonlyMap<string, { parentId: string | null; level: number }>
    /** Per pair: its `dx` items (data elements or `de.coc` operands) and its data sets */
    pairs: readonly { id: string; items: readonly string[]; dataSets: readonly string[] }[]
    /** Per pair: the commodity key of the demo catalogue (for supply shortages) */
    commodityOfPair?: Readonly<Record<string, string>>
    /** The tested months: anomalies without a period among them are out of scope */
    testedPeriods: readonly string[]
    /** Real events that are not seeded anomalies (counted as `context`) */
    isKnownEvent?: (alert: EvaluatedAlert) => boolean
    /** How many of the most severe alerts `topPrecision` looks at (default 20) */
    top?: number
}

export interface DetectorScore {
    detector: AlertType
    /** Alerts of the detector at the level */
    alerts: number
    truePositives: number
    /** Real events that are not seeded anomalies (supply shortages, stockouts in the data) */
    context: number
    /** truePositives / alerts; `null` without alerts */
    precision: number | null
    /** (truePositives + context) / alerts */
    realPrecision: number | null
    /** Anomalies the detector targets, in scope at the level */
    anomalies: number
    found: number
    recall: number | null
}

export interface Evaluation {
    level: number
    detectors: DetectorScore[]
    /** Of the `top` most severe alerts of the level, the share explained (seeded or real) */
    topPrecision: number | null
    top: number
    /** Anomaly types in scope and whether some detector found each anomaly */
    anomalies: { type: AnomalyType; orgUnitId: string; period: string; foundBy: AlertType[] }[]
}

/** What each detector is meant to find */
export const TARGETS: Record<AlertType, readonly AnomalyType[]> = {
    spike: ['spike'],
    collapse: ['consumption_collapse'],
    divergence: ['consumption_collapse'],
    stockoutWithCases: ['stockout_with_cases'],
    completenessDrop: ['completeness_drop'],
    lmisWithoutHmis: ['lmis_without_hmis'],
    hmisWithoutLmis: ['hmis_without_lmis'],
}

/** What can cause an alert of each detector */
export const EXPLAINED_BY: Record<AlertType, readonly AnomalyType[]> = {
    spike: ['spike'],
    collapse: ['consumption_collapse', 'stockout_with_cases', 'completeness_drop'],
    divergence: ['consumption_collapse', 'stockout_with_cases', 'spike'],
    stockoutWithCases: ['stockout_with_cases'],
    completenessDrop: ['completeness_drop'],
    lmisWithoutHmis: ['lmis_without_hmis'],
    hmisWithoutLmis: ['hmis_without_lmis'],
}

const STANDING: readonly AnomalyType[] = ['lmis_without_hmis', 'hmis_without_lmis']

const ancestorAt = (
    id: string,
    level: number,
    orgUnits: EvaluationContext['orgUnits']
): string | null => {
    let current: string | null = id
    while (current) {
        const unit = orgUnits.get(current)
        if (!unit) return null
        if (unit.level === level) return current
        if (unit.level < level) return null
        current = unit.parentId
    }
    return null
}

/** The org units of the level where the anomaly shows */
export const anomalyOrgUnits = (
    anomaly: Pick<Anomaly, 'orgUnitId' | 'orgUnitLevel' | 'facilityIds'>,
    level: number,
    orgUnits: EvaluationContext['orgUnits']
): string[] => {
    if (anomaly.orgUnitLevel >= level) {
        const unit = ancestorAt(anomaly.orgUnitId, level, orgUnits)
        return unit ? [unit] : []
    }
    return [
        ...new Set(
            (anomaly.facilityIds ?? [])
                .map((id) => ancestorAt(id, level, orgUnits))
                .filter((id): id is string => id !== null)
        ),
    ]
}

/** The pairs an anomaly concerns */
export const anomalyPairs = (
    anomaly: Pick<Anomaly, 'dataElementIds' | 'categoryOptionComboId' | 'dataSetId' | 'type'>,
    pairs: EvaluationContext['pairs']
): Set<string> => {
    const out = new Set<string>()
    for (const pair of pairs) {
        const byItem = pair.items.some((item) => {
            const [de, coc] = item.split('.')
            if (!de || !anomaly.dataElementIds.includes(de)) return false
            return !coc || !anomaly.categoryOptionComboId || coc === anomaly.categoryOptionComboId
        })
        const byDataSet =
            anomaly.type !== 'spike' &&
            anomaly.dataSetId !== undefined &&
            pair.dataSets.includes(anomaly.dataSetId)
        if (byItem || byDataSet) out.add(pair.id)
    }
    return out
}

interface ScopedAnomaly {
    anomaly: Anomaly
    units: Set<string>
    pairs: Set<string>
    periods: Set<string>
}

const matches = (scoped: ScopedAnomaly, alert: EvaluatedAlert): boolean =>
    scoped.units.has(alert.alert.orgUnitId) &&
    (STANDING.includes(scoped.anomaly.type) || scoped.periods.has(alert.alert.period)) &&
    alert.pairIds.some((id) => scoped.pairs.has(id))

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/** Precision and recall per detector at one level (see the module comment). */
export const evaluateAlerts = (
    /** Ranked, most severe first */
    alerts: readonly EvaluatedAlert[],
    truth: Pick<GroundTruth, 'anomalies' | 'supplyShortages'>,
    context: EvaluationContext
): Evaluation => {
    const tested = new Set(context.testedPeriods)
    const atLevel = alerts.filter((a) => a.level === context.level)
    const scoped: ScopedAnomaly[] = truth.anomalies
        .map((anomaly) => ({
            anomaly,
            units: new Set(anomalyOrgUnits(anomaly, context.level, context.orgUnits)),
            pairs: anomalyPairs(anomaly, context.pairs),
            // Alerts on consumption reported by quarter carry the quarter
            periods: new Set([...anomaly.periods, ...anomaly.periods.map(quarterOfMonth)]),
        }))
        .filter(
            (s) =>
                s.units.size > 0 &&
                s.pairs.size > 0 &&
                (STANDING.includes(s.anomaly.type) || s.anomaly.periods.some((p) => tested.has(p)))
        )
    const inShortage = (alert: EvaluatedAlert): boolean =>
        truth.supplyShortages.some(
            (shortage) =>
                shortage.periods.includes(alert.alert.period) &&
                alert.pairIds.some((id) => context.commodityOfPair?.[id] === shortage.pairId)
        )
    const seeded = (alert: EvaluatedAlert): boolean =>
        scoped.some(
            (s) => EXPLAINED_BY[alert.alert.type].includes(s.anomaly.type) && matches(s, alert)
        )
    const real = (alert: EvaluatedAlert): boolean =>
        (['stockoutWithCases', 'collapse', 'divergence'].includes(alert.alert.type) &&
            inShortage(alert)) ||
        (context.isKnownEvent?.(alert) ?? false)
    const detectors = (Object.keys(TARGETS) as AlertType[]).map((detector): DetectorScore => {
        const own = atLevel.filter((a) => a.alert.type === detector)
        let truePositives = 0
        let contextCount = 0
        for (const alert of own) {
            if (seeded(alert)) truePositives += 1
            else if (real(alert)) contextCount += 1
        }
        const targets = scoped.filter((s) => TARGETS[detector].includes(s.anomaly.type))
        const found = targets.filter((s) => own.some((alert) => matches(s, alert))).length
        return {
            detector,
            alerts: own.length,
            truePositives,
            context: contextCount,
            precision: ratio(truePositives, own.length),
            realPrecision: ratio(truePositives + contextCount, own.length),
            anomalies: targets.length,
            found,
            recall: ratio(found, targets.length),
        }
    })
    const top = context.top ?? 20
    const head = atLevel.slice(0, top)
    return {
        level: context.level,
        detectors,
        top,
        topPrecision: ratio(head.filter((a) => seeded(a) || real(a)).length, head.length),
        anomalies: scoped.map((s) => ({
            type: s.anomaly.type,
            orgUnitId: s.anomaly.orgUnitId,
            period: s.anomaly.period,
            foundBy: (Object.keys(TARGETS) as AlertType[]).filter((detector) =>
                atLevel.some((a) => a.alert.type === detector && matches(s, a))
            ),
        })),
    }
}

const pct = (value: number | null): string =>
    value === null ? '   –' : `${Math.round(value * 100)}%`.padStart(4)

/** A text table of an evaluation, for test output and benchmarks */
export const formatEvaluation = (evaluation: Evaluation, levelName = String(evaluation.level)) =>
    [
        `${`level ${levelName}`.padEnd(22)}alerts  seeded  real  precision  real-precision  anomalies  found  recall`,
        ...evaluation.detectors.map(
            (d) =>
                `  ${d.detector.padEnd(18)}${String(d.alerts).padStart(8)}${String(d.truePositives).padStart(8)}${String(d.context).padStart(6)}${pct(d.precision).padStart(11)}${pct(d.realPrecision).padStart(16)}${String(d.anomalies).padStart(11)}${String(d.found).padStart(7)}${pct(d.recall).padStart(8)}`
        ),
        `  top ${evaluation.top} alerts: ${pct(evaluation.topPrecision).trim()} seeded anomalies or real events`,
    ].join('\n')
