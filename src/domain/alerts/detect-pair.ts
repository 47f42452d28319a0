import type { LmisMeasure, Pair } from '../config'
import {
    detectCompletenessDrops,
    detectDivergence,
    detectOutliers,
    detectStockoutWithCases,
    type ReportingRates,
} from './detectors'
import { rankAlerts } from './rank'
import type { NumericSeries } from './stats'
import { thresholdsForPair, type Alert, type AlertThresholds } from './types'

export interface PairSeriesInput {
    pair: Pick<Pair, 'id' | 'thresholds' | 'ratio'>
    orgUnitId: string
    /** Period ids; every series is aligned with them */
    periods: readonly string[]
    /** The HMIS series the commodity is compared with (the pair's primary item, or their sum) */
    cases: NumericSeries
    /** LMIS series by measure, aligned to `periods` (e.g. monthly and quarterly reports added up) */
    lmis?: Partial<Record<LmisMeasure, NumericSeries>>
    /** Percentage of facilities stocked out (org units above facilities) */
    stockoutRate?: NumericSeries
    /** Reporting rates (%) of the pair's HMIS and LMIS data sets */
    hmisCompleteness?: NumericSeries
    lmisCompleteness?: NumericSeries
    /** LMIS measures tested for spikes and collapses (default: consumption) */
    outlierMeasures?: readonly LmisMeasure[]
    /** Test only the last n periods (default: all) */
    testLast?: number
    /** Over the pair's thresholds */
    overrides?: Partial<AlertThresholds>
}

/**
 * Every detector that the given series allow, for one pair and one org unit, ranked: spikes and
 * collapses of the cases and of the LMIS measures in `outlierMeasures`; divergence when
 * consumption and both reporting rates are given; stockouts with cases when stock on hand,
 * stockout days or a stockout rate is given; completeness drops for the reporting rates given.
 * The master-list check works across org units: see `detectMasterListGaps`.
 */
export const detectPairAlerts = (input: PairSeriesInput): Alert[] => {
    const context = {
        pairId: input.pair.id,
        orgUnitId: input.orgUnitId,
        periods: input.periods,
        ...(input.testLast !== undefined ? { testLast: input.testLast } : {}),
        thresholds: thresholdsForPair(input.pair, input.overrides),
    }
    const alerts: Alert[] = [...detectOutliers({ ...context, values: input.cases, series: 'hmis' })]
    for (const measure of input.outlierMeasures ?? ['consumption']) {
        const values = input.lmis?.[measure]
        if (values) alerts.push(...detectOutliers({ ...context, values, series: 'lmis', measure }))
    }
    const consumption = input.lmis?.consumption
    if (consumption && input.hmisCompleteness && input.lmisCompleteness) {
        alerts.push(
            ...detectDivergence({
                ...context,
                consumption,
                cases: input.cases,
                hmisCompleteness: input.hmisCompleteness,
                lmisCompleteness: input.lmisCompleteness,
            })
        )
    }
    if (input.lmis?.stockOnHand || input.lmis?.stockoutDays || input.stockoutRate) {
        alerts.push(
            ...detectStockoutWithCases({
                ...context,
                cases: input.cases,
                ...(input.lmis?.stockOnHand ? { stockOnHand: input.lmis.stockOnHand } : {}),
                ...(input.lmis?.stockoutDays ? { stockoutDays: input.lmis.stockoutDays } : {}),
                ...(input.stockoutRate ? { stockoutRate: input.stockoutRate } : {}),
            })
        )
    }
    const reports: ReportingRates[] = [
        ...(input.hmisCompleteness
            ? [{ report: 'hmis' as const, rates: input.hmisCompleteness }]
            : []),
        ...(input.lmisCompleteness
            ? [{ report: 'lmis' as const, rates: input.lmisCompleteness }]
            : []),
    ]
    if (reports.length > 0) alerts.push(...detectCompletenessDrops({ ...context, reports }))
    return rankAlerts(alerts)
}
