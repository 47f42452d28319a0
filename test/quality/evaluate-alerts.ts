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
 * simulated stock, which follows cases, deliveries and fill rates), or a facility's services all
 * surging or slumping that month (`serviceSurges`: a spike or collapse there, in that month, is
 * real). `precision` counts seeded
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
    /**
     * A spike's usual level (`sizeAgainstUsual`): the median of its series at its org unit over
     * the window's baseline, as a detector sees it; `null` when unknown
     */
    usualLevel?: (anomaly: Anomaly) => number | null
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
    spike: ['spike', 'duplicate_entry'],
    collapse: ['consumption_collapse'],
    divergence: ['consumption_collapse'],
    stockoutWithCases: ['stockout_with_cases'],
    completenessDrop: ['completeness_drop'],
    lmisWithoutHmis: ['lmis_without_hmis'],
    hmisWithoutLmis: ['hmis_without_lmis'],
}

/** What can cause an alert of each detector */
export const EXPLAINED_BY: Record<AlertType, readonly AnomalyType[]> = {
    spike: ['spike', 'duplicate_entry', 'constant_reporting'],
    collapse: [
        'consumption_collapse',
        'stockout_with_cases',
        'completeness_drop',
        'spike',
        'constant_reporting',
    ],
    divergence: [
        'consumption_collapse',
        'stockout_with_cases',
        'spike',
        'duplicate_entry',
        'constant_reporting',
    ],
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

export interface ScopedAnomaly {
    anomaly: Anomaly
    units: Set<string>
    pairs: Set<string>
    periods: Set<string>
}

export const matches = (scoped: ScopedAnomaly, alert: EvaluatedAlert): boolean =>
    scoped.units.has(alert.alert.orgUnitId) &&
    (STANDING.includes(scoped.anomaly.type) || scoped.periods.has(alert.alert.period)) &&
    alert.pairIds.some((id) => scoped.pairs.has(id))

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/**
 * The anomalies in scope at the level, and whether an alert is explained by a seeded anomaly
 * (`seeded`) or by a real event the generator did not seed (`real`).
 */
export const explainers = (
    truth: Pick<GroundTruth, 'anomalies' | 'supplyShortages' | 'serviceSurges'>,
    context: EvaluationContext
) => {
    const tested = new Set(context.testedPeriods)
    const testedQuarters = new Set(context.testedPeriods.map(quarterOfMonth))
    const scoped: ScopedAnomaly[] = truth.anomalies
        .map((anomaly) => ({
            anomaly,
            units: new Set(anomalyOrgUnits(anomaly, context.level, context.orgUnits)),
            pairs: anomalyPairs(anomaly, context.pairs),
            // Alerts on consumption reported by quarter carry the quarter
            periods: new Set([
                ...anomaly.periods,
                ...anomaly.periods.filter((p) => !/Q/.test(p)).map(quarterOfMonth),
            ]),
        }))
        .filter(
            (s) =>
                s.units.size > 0 &&
                s.pairs.size > 0 &&
                (STANDING.includes(s.anomaly.type) ||
                    s.anomaly.periods.some((p) => tested.has(p) || testedQuarters.has(p)))
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
    // A facility's services all surging (or slumping) that month: a spike (or collapse) of its
    // cases or consumption in that month is real (both systems see it; a ratio does not move)
    const surges = new Map(
        (truth.serviceSurges ?? []).map((s) => [`${s.orgUnitId}|${s.period}`, s.factor])
    )
    const inSurge = (alert: EvaluatedAlert): boolean => {
        const factor = surges.get(`${alert.alert.orgUnitId}|${alert.alert.period}`)
        if (factor === undefined) return false
        return alert.alert.type === 'spike'
            ? factor > 1
            : alert.alert.type === 'collapse' && factor < 1
    }
    const real = (alert: EvaluatedAlert): boolean =>
        (['stockoutWithCases', 'collapse', 'divergence'].includes(alert.alert.type) &&
            inShortage(alert)) ||
        inSurge(alert) ||
        (context.isKnownEvent?.(alert) ?? false)
    return { scoped, seeded, real }
}

/** Precision and recall per detector at one level (see the module comment). */
export const evaluateAlerts = (
    /** Ranked, most severe first */
    alerts: readonly EvaluatedAlert[],
    truth: Pick<GroundTruth, 'anomalies' | 'supplyShortages' | 'serviceSurges'>,
    context: EvaluationContext
): Evaluation => {
    const atLevel = alerts.filter((a) => a.level === context.level)
    const { scoped, seeded, real } = explainers(truth, context)
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

/** An entry of the list (`groupEntries`): its org unit, level and findings */
export interface EvaluatedEntry {
    level: number
    reasons: readonly EvaluatedAlert[]
}

/** The detectors whose findings count as finding an anomaly of each type */
export const FOUND_BY: Record<AnomalyType, readonly AlertType[]> = {
    spike: ['spike', 'divergence'],
    duplicate_entry: ['spike', 'divergence'],
    consumption_collapse: ['collapse', 'divergence'],
    constant_reporting: ['spike', 'collapse', 'divergence'],
    stockout_with_cases: ['stockoutWithCases'],
    completeness_drop: ['completenessDrop'],
    lmis_without_hmis: ['lmisWithoutHmis'],
    hmis_without_lmis: ['hmisWithoutLmis'],
}

/** The label of an anomaly in the recall table: its type and, for sizes, its factor */
export const anomalyLabel = (anomaly: Pick<Anomaly, 'type' | 'factor' | 'periods'>): string => {
    const quarterly = anomaly.periods.some((p) => /Q/.test(p)) ? ' (quarterly)' : ''
    if (anomaly.type === 'spike') return `spike ×${anomaly.factor ?? 10}${quarterly}`
    if (anomaly.type === 'consumption_collapse') {
        const fall = Math.round((1 - (anomaly.factor ?? 0.15)) * 100)
        return fall >= 80 ? 'collapse 85 %' : 'collapse 30–50 %'
    }
    return anomaly.type
}

/** A recall row: anomalies in scope, found, found / anomalies */
export interface RecallRow {
    anomalies: number
    found: number
    recall: number | null
}

/**
 * A spike's size against the usual level of its series (value ÷ usual level): the generator
 * multiplies the month's drawn value (`Anomaly.factor`, "applied to the true value"), so a ×3 of a
 * month that was low by chance stands only ~×2 above what the series usually reports. `null`:
 * not a spike, or its value or usual level unknown.
 */
export const sizeAgainstUsual = (
    anomaly: Pick<Anomaly, 'type' | 'value'>,
    usual: number | null
): number | null =>
    (anomaly.type === 'spike' || anomaly.type === 'duplicate_entry') &&
    anomaly.value !== undefined &&
    usual !== null &&
    usual > 0
        ? anomaly.value / usual
        : null

/**
 * The size groups of spikes the summary reports, by nominal factor (what the generator applied)
 * and by size against the usual level (what the data show), for the summary rows
 */
export const sizeGroups = (
    anomaly: Pick<Anomaly, 'type' | 'factor'>,
    size: number | null
): string[] => {
    const groups: string[] = []
    if (anomaly.type === 'spike' && (anomaly.factor ?? 10) >= 3)
        groups.push('spikes ×3 or more (nominal)')
    if (size !== null) {
        if (size >= 3) groups.push('spikes ×3 or more against usual level')
        else if (size >= 2) groups.push('spikes ×2 to ×3 against usual level')
        else groups.push('spikes under ×2 against usual level')
    }
    return groups
}

export interface EntryEvaluation {
    level: number
    entries: number
    /** Share of the first k entries explained (seeded anomaly or real event) */
    precisionAt: Record<number, number | null>
    /** Per anomaly label: in scope, found (in the entries, or in the stockout list) */
    recall: Record<string, RecallRow>
    /** Spikes (and entries made twice) grouped by size (`sizeGroups`) */
    bySize: Record<string, RecallRow>
    missed: {
        label: string
        orgUnitId: string
        period: string
        /** Size against the usual level, when known */
        size: number | null
    }[]
}

/**
 * Precision at k of the ranked entries of a level (an entry is explained when one of its findings
 * is, by a seeded anomaly at or below its org unit or a real event) and recall per anomaly label
 * over the anomalies of the level and above: an anomaly is
 * found when an entry of the level has a finding of a detector in `FOUND_BY` that matches it
 * (stockouts: in `stockouts`, the stockout list's findings).
 */
export const evaluateEntries = (
    entries: readonly EvaluatedEntry[],
    stockouts: readonly EvaluatedAlert[],
    truth: Pick<GroundTruth, 'anomalies' | 'supplyShortages' | 'serviceSurges'>,
    context: EvaluationContext,
    ks: readonly number[] = [20, 100]
): EntryEvaluation => {
    const atLevel = entries.filter((e) => e.level === context.level)
    const { scoped, seeded, real } = explainers(truth, context)
    const explained = (entry: EvaluatedEntry) => entry.reasons.some((r) => seeded(r) || real(r))
    const precisionAt: Record<number, number | null> = {}
    for (const k of ks) {
        const head = atLevel.slice(0, k)
        precisionAt[k] = ratio(head.filter(explained).length, head.length)
    }
    const recall: EntryEvaluation['recall'] = {}
    const bySize: EntryEvaluation['bySize'] = {}
    const count = (table: Record<string, RecallRow>, label: string, found: boolean) => {
        const row = table[label] ?? { anomalies: 0, found: 0, recall: null }
        row.anomalies += 1
        if (found) row.found += 1
        row.recall = ratio(row.found, row.anomalies)
        table[label] = row
    }
    const missed: EntryEvaluation['missed'] = []
    const findings = atLevel.flatMap((e) => e.reasons)
    const stockoutsAtLevel = stockouts.filter((a) => a.level === context.level)
    // An anomaly is looked for at its own level and below (a district's collapse in its facilities
    // too); one facility's error is not expected to move its district's total beyond chance
    for (const s of scoped.filter((x) => x.anomaly.orgUnitLevel <= context.level)) {
        const label = anomalyLabel(s.anomaly)
        const pool = s.anomaly.type === 'stockout_with_cases' ? stockoutsAtLevel : findings
        const found = pool.some(
            (r) => FOUND_BY[s.anomaly.type].includes(r.alert.type) && matches(s, r)
        )
        count(recall, label, found)
        const size = sizeAgainstUsual(s.anomaly, context.usualLevel?.(s.anomaly) ?? null)
        for (const group of sizeGroups(s.anomaly, size)) count(bySize, group, found)
        if (!found) {
            missed.push({ label, orgUnitId: s.anomaly.orgUnitId, period: s.anomaly.period, size })
        }
    }
    return { level: context.level, entries: atLevel.length, precisionAt, recall, bySize, missed }
}
