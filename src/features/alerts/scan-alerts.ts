/**
 * Running the alert detectors over a scan (see `scan-data.ts`), with the analyst's thresholds over
 * each pair's. Pure functions, no React: re-running with other thresholds needs no request.
 *
 * What is checked, per org unit of each scanned level, over the window's tested months:
 * - per pair: spikes and collapses of consumption, consumption diverging from cases, stockouts
 *   while cases continue;
 * - per HMIS series (pairs sharing it, e.g. ORS and zinc with diarrhoea cases, are checked once):
 *   spikes and collapses of cases;
 * - per data set group (pairs share their reports): incomplete reporting of HMIS and of LMIS;
 * - master-list gaps: values (or reports) in one system and none in the other over the tested
 *   months: a facility missing from one system's list, not a month not reported yet.
 *
 * Spikes and collapses are not tested in months whose reports are incomplete (below the
 * completeness threshold): the completeness alert explains those, and a district total falling
 * because three quarters of its facilities did not report is not a collapse of the service.
 *
 * Above facilities, stock on hand summed over facilities is 0 only when every facility is out of
 * stock, and summed stockout days are nearly always above 0: the stockout test uses stock on hand
 * and the share of facility-days without stock (stockout days over reports × days), against its
 * own usual level.
 */
import { idsOf, type Pair } from '../../domain/config'
import {
    detectCompletenessDrops,
    detectDivergence,
    detectMasterListGaps,
    detectOutliers,
    detectStockoutWithCases,
    rankAlerts,
    thresholdsForPair,
    type Alert,
    type AlertThresholds,
    type AlertType,
    type OutlierAlert,
    type OutlierInput,
} from '../../domain/alerts'
import {
    LOW_COUNT_MEDIAN,
    countDispersion,
    countLogLikelihood,
} from '../../domain/alerts/low-counts'
import { detectRepeatedValues } from '../../domain/alerts/repeated'
import { isMakeUpSensitive } from '../../domain/alerts/entries'
import { reportingRate } from '../../domain/indicators'
import { groupWindow, monthsOfQuarter, quarterOfMonth, reportQuarterOf } from '../../domain/periods'
import {
    mergeScanData,
    type LevelScanData,
    type PairOrgUnitSeries,
    type ScanData,
    type Series,
} from './scan-data'
import { slicer } from './yield'

/** The thresholds the analyst may change for exploration (not saved) */
export type ScanOverrides = Partial<
    Pick<AlertThresholds, 'zScore' | 'minDropPercent' | 'completenessThreshold'>
>

export interface ScanAlert {
    alert: Alert
    /** The pairs the alert concerns (an HMIS series or reports shared by pairs), its own first */
    pairIds: string[]
    level: number
    /**
     * The deviation in units as a share of the parent org unit's total of the series in the
     * period (the sum over the scanned org units with the same parent); `null` without units
     */
    parentShare?: number | null
    /**
     * The org unit's other services in the period over their usual level (`orgUnitShift`), for a
     * spike or collapse; `null` when unknown
     */
    orgUnitShift?: number | null
    /**
     * For a spike or collapse of one system's series: the other system's series of the pair in
     * the period over its usual level (`partnerShift`: consumption for cases, cases for
     * consumption); `null` when unknown
     */
    partnerShift?: number | null
    /**
     * For a spike or collapse of one system's series: how much better a recording error explains
     * the other system's value in the period than a real change does (`partnerEvidence`, a log
     * likelihood ratio; above 0 the other system stayed, below 0 it followed); `null` when unknown
     */
    partnerEvidence?: number | null
}

/** `deviation` as a share of the parent's total of `key` in `period`; `null` when unknown */
export type ShareOfParent = (
    orgUnitId: string,
    key: string,
    period: string,
    deviation: number
) => number | null

/**
 * Per parent org unit, the total of each series over its children scanned at a level, by period:
 * cases by HMIS item (`h:<item>`), consumption by pair by month (`c:<pair>`) and by quarter
 * (`q:<pair>`), added part by part (`add`: a scan's batches of regions in order, each a part of
 * the level's org units; the sums are made in the same order as over the whole level at once).
 */
export const parentTotalsBuilder = (scan: Pick<ScanData, 'window'>) => {
    const parentOf = new Map<string, string>()
    const monthIndex = new Map(scan.window.months.map((m, i) => [m, i]))
    const quarterIndex = new Map(scan.window.quarters.map((q, i) => [q, i]))
    const totals = new Map<string, Float64Array>()
    const seenCases = new Set<string>()
    const months = scan.window.months.length
    const quarters = scan.window.quarters.length
    const sum = (orgUnitId: string, key: string, values: Series | null, length: number) => {
        if (!values) return
        const id = `${parentOf.get(orgUnitId) ?? ''}|${key}`
        let sums = totals.get(id)
        if (!sums) totals.set(id, (sums = new Float64Array(length)))
        for (let i = 0; i < length; i++) {
            const v = values[i]
            if (typeof v === 'number' && Number.isFinite(v)) sums[i] = (sums[i] as number) + v
        }
    }
    const add = (level: Pick<LevelScanData, 'orgUnits' | 'series'>) => {
        for (const u of level.orgUnits)
            parentOf.set(u.id, u.ancestors[u.ancestors.length - 1] ?? '')
        for (const series of level.series) {
            if (series.casesItem && !seenCases.has(`${series.orgUnitId}|${series.casesItem}`)) {
                seenCases.add(`${series.orgUnitId}|${series.casesItem}`)
                sum(series.orgUnitId, `h:${series.casesItem}`, series.cases, months)
            }
            sum(series.orgUnitId, `c:${series.pairId}`, series.consumption, months)
            sum(
                series.orgUnitId,
                `q:${series.pairId}`,
                series.quarterly?.consumption ?? null,
                quarters
            )
        }
    }
    const share: ShareOfParent = (orgUnitId, key, period, deviation) => {
        const sums = totals.get(`${parentOf.get(orgUnitId) ?? ''}|${key}`)
        const index = /Q/.test(period) ? quarterIndex.get(period) : monthIndex.get(period)
        if (!sums || index === undefined) return null
        const total = sums[index] as number
        return total > 0 ? Math.min(1, Math.abs(deviation) / total) : null
    }
    return { add, share }
}

/**
 * Per parent org unit, the total of each series over its children scanned at a level
 * (`parentTotalsBuilder` over the whole level): the share of the parent's total a deviation is.
 */
export const parentTotals = (
    scan: Pick<ScanData, 'window'>,
    level: Pick<LevelScanData, 'orgUnits' | 'series'>
): ShareOfParent => {
    const totals = parentTotalsBuilder(scan)
    totals.add(level)
    return totals.share
}

/** The deviation in units of an alert and the series key it is a share of (`parentTotals`) */
const deviationOf = (
    alert: Alert,
    casesItem: string | null
): { key: string; deviation: number } | null => {
    const quarterly = /Q/.test(alert.period)
    if (alert.type === 'spike' || alert.type === 'collapse') {
        const expected = alert.details.expected ?? alert.details.median
        // A value copied month after month is in doubt as a whole
        const deviation =
            alert.method === 'REPEATED' ? alert.details.value : alert.details.value - expected
        if (alert.series === 'hmis') return casesItem ? { key: `h:${casesItem}`, deviation } : null
        return { key: `${quarterly ? 'q' : 'c'}:${alert.pairId}`, deviation }
    }
    if (alert.type === 'divergence') {
        const { consumption, cases, ratioMedian } = alert.details
        return {
            key: `${quarterly ? 'q' : 'c'}:${alert.pairId}`,
            deviation: consumption - cases * ratioMedian,
        }
    }
    return null
}

/** Fewest cases the other services must usually add up to for their shift to be read */
export const MIN_SHIFT_CASES = 50

/**
 * How much an org unit's other services moved in a month: the total of its case series other
 * than `ownItem` (and other items of its data element) in month `index` over the total of their usual levels (each one's median over
 * its `baseline` months before), counting the series with a value and a usual level there. A
 * facility's month of more staff or an outreach campaign moves every service (1.6: all 60 %
 * up); a typing error moves one value and leaves the others where they were (about 1). `null`
 * when the other services usually add up to fewer than `MIN_SHIFT_CASES` (chance would move
 * their total by a quarter).
 */
export const orgUnitShift = (
    cases: ReadonlyMap<string, Series>,
    ownItem: string | null,
    index: number,
    baseline: number
): number | null => {
    let now = 0
    let usual = 0
    // an item of the same data element (a category option of it, or its total) holds the value
    const own = ownItem?.split('.')[0] ?? null
    for (const [item, values] of cases) {
        if (own !== null && item.split('.')[0] === own) continue
        const value = values[index]
        if (value === null || value === undefined || !Number.isFinite(value)) continue
        const before = medianOf(values.slice(Math.max(0, index - baseline), Math.max(0, index)))
        if (before === null) continue
        now += value
        usual += before
    }
    return usual >= MIN_SHIFT_CASES ? now / usual : null
}

/**
 * Fewest units a month (or quarter) the other system's series must usually count for its shift
 * to be read: below it, chance alone moves it by a quarter and more (a Poisson count of 20 varies
 * by ±22 % at one standard deviation), as for the ratio of consumption to cases
 */
export const MIN_PARTNER_USUAL = 20

/**
 * How much the other system's series of a pair moved in period `index`: its value over its usual
 * level (the median of its `baseline` periods before). Consumption is the partner of cases and
 * cases of consumption: both follow the patients who came, so a real change moves both, while a
 * typing error or a form counted twice moves one system's record only (WHO, *Data quality review*,
 * Module 1, 2017, dimension 2, internal consistency: consistency between related indicators).
 * `null` without a value, or when its usual level is under `MIN_PARTNER_USUAL`.
 */
export const partnerShift = (
    values: Series | null,
    index: number,
    baseline: number
): number | null => {
    if (!values || index < 0) return null
    const value = values[index]
    if (value === null || value === undefined || !Number.isFinite(value)) return null
    const usual = medianOf(values.slice(Math.max(0, index - baseline), index))
    return usual !== null && usual >= MIN_PARTNER_USUAL ? value / usual : null
}

/** Fewest baseline periods the other system's dispersion is read from (`partnerEvidence`) */
export const MIN_PARTNER_BASELINE = 3

/**
 * Whether the other system of the pair saw the change: the log likelihood ratio of its value in
 * period `index` under a recording error of the finding (the other system at its usual level:
 * the mean of its `baseline` periods before) against a real change (the other system moved by
 * the finding's own ratio, value ÷ expected), each a count with the other series' own dispersion
 * (`countDispersion`: quasi-Poisson, at least Poisson). Consumption follows the patients who came
 * as the register does, so a real rise of cases moves it by about as much, while a typing error
 * in one system leaves the other where it was; the ratio weighs how far apart the two readings
 * are against the other series' noise, which a small facility's 6 pneumonia cases a month make
 * weak evidence and 40 strong. Above 0: the other system stayed (a recording error explains it
 * better); below 0: it followed. `null` without a value, a baseline of `MIN_PARTNER_BASELINE`
 * periods, a mean above 0, or a finite ratio.
 */
export const partnerEvidence = (
    values: Series | null,
    index: number,
    baseline: number,
    ratio: number
): number | null => {
    if (!values || index < 0 || !(ratio > 0) || !Number.isFinite(ratio)) return null
    const value = values[index]
    if (value === null || value === undefined || !Number.isFinite(value)) return null
    const before = values
        .slice(Math.max(0, index - baseline), index)
        .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v))
    if (before.length < MIN_PARTNER_BASELINE) return null
    const moments = countDispersion(before)
    if (!moments) return null
    const { mean, dispersion } = moments
    return (
        countLogLikelihood(value, mean, dispersion) -
        countLogLikelihood(value, mean * ratio, dispersion)
    )
}

/**
 * The ratio a month's finding moves the quarter holding it by, for weighing a quarterly report
 * of the other system (`partnerEvidence`): under a real change the other system's quarter holds
 * the month's extra patients, (value − expected), over three usual months, so it moves by
 * `1 + (value − expected) ÷ (3 × expected)` (a month of twice the usual: ×1.33); under a
 * recording error it stays. `value ÷ expected` for an expected level of 0 or less.
 */
export const monthInQuarterRatio = (value: number, expected: number): number =>
    expected > 0 ? 1 + (value - expected) / (3 * expected) : value / expected

/** Data set id → period type */
export type DataSetIndex = ReadonlyMap<string, 'MONTHLY' | 'QUARTERLY'>

/** The period types of the scan's data sets */
export const dataSetIndex = (scan: Pick<ScanData, 'dataSets'>): DataSetIndex =>
    new Map(
        scan.dataSets.map((ds) => [ds.id, ds.periodType === 'QUARTERLY' ? 'QUARTERLY' : 'MONTHLY'])
    )

/** The data sets of a pair's side that the scan knows, sorted (a group key) */
const sideDataSets = (
    value: string | readonly string[] | undefined,
    known: DataSetIndex
): string[] =>
    idsOf(value)
        .filter((id) => known.has(id))
        .sort()

/**
 * Index of each quarter of the window that is over by the window's last month: a quarterly report
 * is not due before its quarter ends, so the current quarter's counts (expected, none received
 * yet) are left out rather than read as incomplete reporting.
 */
export const dueQuarters = (window: ScanData['window']): Map<string, number> => {
    const last = window.months[window.months.length - 1] ?? ''
    return new Map(
        window.quarters.flatMap((q, i) => (monthsOfQuarter(q)[2] <= last ? [[q, i] as const] : []))
    )
}

/**
 * Reports received and expected per month of the window for a group of data sets at one org unit:
 * a quarterly data set counts in each month of its quarter (as the view does); `null` without
 * data sets or reports.
 */
const monthlyReportCounts = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex
): { actual: number; expected: number }[] | null => {
    if (dataSetIds.length === 0 || !reports) return null
    const quarterIndex = dueQuarters(scan.window)
    return scan.window.months.map((month, i) => {
        let actual = 0
        let expected = 0
        for (const id of dataSetIds) {
            const counts = reports[id]
            if (!counts) continue
            const index =
                known.get(id) === 'QUARTERLY' ? (quarterIndex.get(quarterOfMonth(month)) ?? -1) : i
            actual += counts.actual[index] ?? 0
            expected += counts.expected[index] ?? 0
        }
        return { actual, expected }
    })
}

/** Reporting rate (%) per month of the window for a group of data sets at one org unit, from counts. */
export const groupRates = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex
): Series | null =>
    monthlyReportCounts(scan, reports, dataSetIds, known)?.map((counts) => {
        const rate = reportingRate(counts)
        return rate === null ? null : Math.round(rate * 10) / 10
    }) ?? null

/**
 * Reports expected per month of the window for a group of data sets at one org unit (the
 * denominator of `groupRates`, counted the same way); `null` where none are
 */
export const groupExpected = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex
): Series | null =>
    monthlyReportCounts(scan, reports, dataSetIds, known)?.map(({ expected }) =>
        expected > 0 ? expected : null
    ) ?? null

/**
 * Reporting rate (%) per quarter of the window for a group of data sets at one org unit: a
 * monthly data set's counts summed over the quarter's months in the window.
 *
 * `monthOffset`: the quarter's months are those a staggered reporting group's report stored in it
 * covers (`groupWindow`), the months whose cases are compared with it (`windowCases`). Counted
 * over the calendar months instead, a shifted group's quarter needs four months of HMIS reports
 * (the calendar quarter's and its window's) where group A's needs three: one missing report
 * outside the window drops a quarter whose cases are complete, and with it the quarter's test and
 * every test it is a baseline quarter of (on the demo, about a tenth of group B's tests:
 * `test/quality/stagger-parity.ts`).
 */
export const groupRatesByQuarter = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex,
    monthOffset = 0
): Series | null => {
    if (dataSetIds.length === 0 || !reports) return null
    const { months, quarters } = scan.window
    const monthIndex = new Map(months.map((m, i) => [m, i]))
    const due = dueQuarters(scan.window)
    return quarters.map((quarter, q) => {
        let actual = 0
        let expected = 0
        for (const id of dataSetIds) {
            const counts = reports[id]
            if (!counts) continue
            const indexes =
                known.get(id) === 'QUARTERLY'
                    ? [due.has(quarter) ? q : -1]
                    : groupWindow(quarter, monthOffset).map((m) => monthIndex.get(m) ?? -1)
            for (const index of indexes) {
                actual += counts.actual[index] ?? 0
                expected += counts.expected[index] ?? 0
            }
        }
        const rate = reportingRate({ actual, expected })
        return rate === null ? null : Math.round(rate * 10) / 10
    })
}

/** Reports received per month (a quarterly report counts in each month of its quarter) */
const reportsPerMonth = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex
): number[] => {
    const { months } = scan.window
    const quarterIndex = dueQuarters(scan.window)
    return months.map((month, i) =>
        dataSetIds.reduce((sum, id) => {
            const index =
                known.get(id) === 'QUARTERLY' ? (quarterIndex.get(quarterOfMonth(month)) ?? -1) : i
            return sum + (reports?.[id]?.actual[index] ?? 0)
        }, 0)
    )
}

/**
 * Whether an org unit reported a system's data sets for a month: a report for the month (monthly
 * data sets) or for its quarter (quarterly ones); for a quarter not over yet, whether a report is
 * expected from it (it is on the list; its report is not due).
 */
export const reportedInMonth = (
    scan: Pick<ScanData, 'window'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    known: DataSetIndex,
    monthIndex: number
): boolean => {
    const { months, quarters } = scan.window
    const month = months[monthIndex]
    if (month === undefined || !reports) return false
    const due = dueQuarters(scan.window)
    return dataSetIds.some((id) => {
        const counts = reports[id]
        if (!counts) return false
        if (known.get(id) !== 'QUARTERLY') return (counts.actual[monthIndex] ?? 0) > 0
        const quarter = quarterOfMonth(month)
        const index = quarters.indexOf(quarter)
        return due.has(quarter)
            ? (counts.actual[index] ?? 0) > 0
            : (counts.expected[index] ?? 0) > 0
    })
}

/** Days in a month id `yyyyMM` (Gregorian; 30 when the id is not one) */
export const daysInMonth = (month: string): number => {
    const year = Number(month.slice(0, 4))
    const index = Number(month.slice(4, 6))
    if (!Number.isInteger(year) || !(index >= 1 && index <= 12)) return 30
    return new Date(Date.UTC(year, index, 0)).getUTCDate()
}

/**
 * Share (%) of facility-days without stock per month: stockout days over reports × days in the
 * month; `null` where either is unknown.
 */
export const stockoutRateSeries = (
    stockoutDays: Series,
    reports: readonly number[],
    months: readonly string[]
): Series =>
    months.map((month, i) => {
        const days = stockoutDays[i]
        const count = reports[i] ?? 0
        if (days === null || days === undefined || count <= 0) return null
        return Math.min(100, Math.max(0, (days / (count * daysInMonth(month))) * 100))
    })

/** The values of months whose reporting rate is known and below `threshold` left out */
export const maskIncomplete = (values: Series, rates: Series | null, threshold: number): Series =>
    rates
        ? values.map((value, i) => {
              const rate = rates[i]
              return rate !== null && rate !== undefined && rate < threshold ? null : value
          })
        : values

/**
 * Fewest cases per period (median over the window) for comparing consumption with cases: below
 * it, chance alone moves the ratio by half (a Poisson count of 20 varies by ±22% at one standard
 * deviation), so a halving says little.
 */
export const MIN_CASES_FOR_RATIO = 20

const medianOf = (values: Series | null): number | null => {
    const list = (values ?? []).filter((v): v is number => v !== null && Number.isFinite(v))
    if (list.length === 0) return null
    list.sort((a, b) => a - b)
    const mid = Math.floor(list.length / 2)
    return list.length % 2
        ? (list[mid] as number)
        : ((list[mid - 1] as number) + (list[mid] as number)) / 2
}

/** Fewest quarters a baseline by quarter needs: a median and a spread need three */
export const MIN_BASELINE_QUARTERS = 3

/**
 * The thresholds by quarter: the baseline's months as quarters, and as few usable quarters as
 * the months ask for, at least `MIN_BASELINE_QUARTERS`: a quarterly report is missing now and
 * then (a late R&R), and with 4 quarters of baseline one missing report left the quarter after
 * untested — a typing error tripling a quarter's consumption included.
 */
export const byQuarter = (t: AlertThresholds): AlertThresholds => {
    const baselinePeriods = Math.max(1, Math.ceil(t.baselinePeriods / 3))
    return {
        ...t,
        baselinePeriods,
        minBaselinePoints: Math.min(
            baselinePeriods,
            Math.max(MIN_BASELINE_QUARTERS, Math.ceil(t.minBaselinePoints / 3))
        ),
    }
}

/**
 * The units one patient takes at least, for the consumption test (`OutlierInput.unitsPerCount`):
 * the low end of the pair's expected consumption per case (`ratioBand`), at least 1; 1 for a
 * pair without one (no fixed dose per case: misoprostol, amoxicillin for many conditions)
 */
export const unitsPerCase = (t: Pick<AlertThresholds, 'ratioBand'>): number => {
    const low = t.ratioBand?.[0]
    return typeof low === 'number' && Number.isFinite(low) ? Math.max(1, low) : 1
}

/** Fewest cases (or units) an outlier must differ from the usual level by */
export const MIN_OUTLIER_DIFFERENCE = 10

/**
 * Whether an outlier moved enough to matter, besides its z-score:
 * - by a fall of at least `minDropPercent` or the matching rise (+100% for 50%, as the divergence
 *   test weighs them): aggregated series are smooth, their deviation over a short baseline small,
 *   and a 15% seasonal swing can score far beyond the z-score threshold;
 * - by at least `MIN_OUTLIER_DIFFERENCE`: a facility with 0 to 2 PPH cases a month reporting 4 is
 *   chance, not an alert (a data-entry error multiplying a value by 10 is far beyond).
 */
export const movedEnough = (alert: OutlierAlert, minDropPercent: number): boolean => {
    const { changePercent, value, median } = alert.details
    const expected = alert.details.expected ?? median
    if (Math.abs(value - expected) < MIN_OUTLIER_DIFFERENCE) return false
    if (changePercent === null) return true
    const d = Math.min(0.99, Math.max(0, minDropPercent / 100))
    return changePercent <= -d * 100 || changePercent >= (d / (1 - d)) * 100
}

/**
 * Spikes and collapses that moved enough; small counts judged as counts (`LOW_COUNT_MEDIAN`),
 * monthly series without last year's seasonal factor where they hold two years.
 */
const outliers = (input: OutlierInput & { thresholds: AlertThresholds }): OutlierAlert[] =>
    detectOutliers({
        lowCountMedian: LOW_COUNT_MEDIAN,
        seasonal: input.periods.length > 0 && !/Q/.test(input.periods[0] as string),
        ...input,
    }).filter((alert) => movedEnough(alert, input.thresholds.minDropPercent))

/**
 * Rises of consumption in the months `maskStockouts` left out: there consumption is at most what
 * the stock allowed, never more than the need, so a value far above its usual level is no
 * stockout's doing (a typing error, a form counted twice). Each such tested month of `raw` (the
 * values before the stockout months were left out) is tested against the baseline of `input`
 * (without them); only spikes are kept.
 */
export const stockoutMonthRises = (
    input: OutlierInput & { thresholds: AlertThresholds },
    raw: Series
): OutlierAlert[] => {
    const count = input.periods.length
    const first = Math.max(0, count - (input.testLast ?? count))
    const found: OutlierAlert[] = []
    for (let i = first; i < count; i++) {
        const value = raw[i]
        const masked = input.values[i]
        if (value === null || value === undefined || !Number.isFinite(value)) continue
        if (masked !== null && masked !== undefined) continue
        found.push(
            ...outliers({
                ...input,
                periods: input.periods.slice(0, i + 1),
                values: [...input.values.slice(0, i), value],
                testLast: 1,
            }).filter((alert) => alert.type === 'spike')
        )
    }
    return found
}

/**
 * Stockouts while patients keep coming: cases at least this share of their usual level. Seasonal
 * services (pneumonia, diarrhoea) swing by a third around their yearly median, and a district out
 * of stock in the low season still turns patients away.
 */
export const STOCKOUT_CASES_FLOOR_PERCENT = 50

interface GroupEntry {
    pairs: Pair[]
    hmis: string[]
    lmis: string[]
}

/**
 * Whether a facility's series shows no stock in `period` (a month, or any month of a quarter):
 * stock on hand 0 or stockout days above 0.
 */
export const outOfStock = (
    series: Pick<PairOrgUnitSeries, 'stockOnHand' | 'stockoutDays'>,
    period: string,
    months: readonly string[]
): boolean => {
    const inPeriod = /Q/.test(period)
        ? monthsOfQuarter(period).map((m) => months.indexOf(m))
        : [months.indexOf(period)]
    return inPeriod.some(
        (i) => i >= 0 && (series.stockOnHand?.[i] === 0 || (series.stockoutDays?.[i] ?? 0) > 0)
    )
}

/**
 * Monthly consumption with the months without stock left out (`null`): there it is what the stock
 * allowed, not the need, and it would pull the baseline's median down (a well-stocked month
 * after a few short ones would look like a spike); the stockout list shows those months.
 * `stock`: the series' stock on hand and stockout days (`null`: the values as they are).
 */
export const maskStockouts = (
    values: Series,
    stock: Pick<PairOrgUnitSeries, 'stockOnHand' | 'stockoutDays'> | null
): Series =>
    stock && (stock.stockOnHand || stock.stockoutDays)
        ? values.map((value, i) =>
              stock.stockOnHand?.[i] === 0 || (stock.stockoutDays?.[i] ?? 0) > 0 ? null : value
          )
        : values

/**
 * Whether the reporting rate of period `index` is at least the median of the `baseline` periods
 * before it (or unknown): no report is missing beyond the usual. A total's changes in make-up
 * (one hospital's report missing moves a district's total by half while the rate stays above the
 * completeness threshold) show as fewer reports than usual.
 */
export const usualReporting = (rates: Series | null, index: number, baseline: number): boolean => {
    if (!rates || index < 0) return true
    const rate = rates[index]
    if (rate === null || rate === undefined) return true
    const before: number[] = []
    for (let j = Math.max(0, index - Math.max(1, Math.round(baseline))); j < index; j++) {
        const v = rates[j]
        if (typeof v === 'number' && Number.isFinite(v)) before.push(v)
    }
    if (before.length === 0) return true
    return rate >= (medianOf(before) as number) - 1e-9
}

const parentShareOf =
    (share: ShareOfParent) =>
    (item: ScanAlert, orgUnitId: string, key: string, deviation: number): number | null =>
        share(orgUnitId, key, item.alert.period, deviation)

/**
 * The alerts of a level, org unit by org unit. `share`: an alert's deviation as a share of its
 * parent's total (by default over the level's org units given).
 */
function* detectLevel(
    scan: ScanData,
    level: LevelScanData,
    pairsById: ReadonlyMap<string, Pair>,
    known: DataSetIndex,
    overrides: ScanOverrides,
    share: (
        item: ScanAlert,
        orgUnitId: string,
        key: string,
        deviation: number
    ) => number | null = parentShareOf(parentTotals(scan, level))
): Generator<ScanAlert[]> {
    const { months, quarters, testMonths, baselineMonths } = scan.window
    const testLast = testMonths
    const firstTested = Math.max(0, months.length - testMonths)
    const firstTestedMonth = months[firstTested] ?? ''
    // Quarters ending in the tested months (a quarter not over yet has no values)
    const testedQuarters = quarters.filter((q) => monthsOfQuarter(q)[2] >= firstTestedMonth).length
    const byOrgUnit = new Map<string, PairOrgUnitSeries[]>()
    for (const series of level.series) {
        const list = byOrgUnit.get(series.orgUnitId) ?? []
        list.push(series)
        byOrgUnit.set(series.orgUnitId, list)
    }
    for (const [orgUnitId, list] of byOrgUnit) {
        const out: ScanAlert[] = []
        const reports = level.reports[orgUnitId]
        const rateCache = new Map<string, Series | null>()
        const rates = (ids: readonly string[]): Series | null => {
            const key = ids.join(',')
            if (!rateCache.has(key)) rateCache.set(key, groupRates(scan, reports, ids, known))
            return rateCache.get(key) ?? null
        }
        const quarterRates = (ids: readonly string[], monthOffset = 0): Series | null => {
            const key = `q${monthOffset}:${ids.join(',')}`
            if (!rateCache.has(key)) {
                rateCache.set(key, groupRatesByQuarter(scan, reports, ids, known, monthOffset))
            }
            return rateCache.get(key) ?? null
        }
        const casesGroups = new Map<string, { pairs: Pair[]; cases: Series; hmis: string[] }>()
        const reportGroups = new Map<string, GroupEntry>()
        for (const series of list) {
            const pair = pairsById.get(series.pairId)
            if (!pair) continue
            const t = thresholdsForPair(pair, { baselinePeriods: baselineMonths, ...overrides })
            const hmis = sideDataSets(pair.hmis.dataSet, known)
            const lmis = sideDataSets(pair.lmis.dataSet, known)
            const groupKey = `${hmis.join(',')}|${lmis.join(',')}`
            const group = reportGroups.get(groupKey) ?? { pairs: [], hmis, lmis }
            group.pairs.push(pair)
            reportGroups.set(groupKey, group)
            const hmisRates = rates(hmis)
            const lmisRates = rates(lmis)
            const context = {
                pairId: pair.id,
                orgUnitId,
                periods: months,
                testLast,
                thresholds: t,
            }
            const own = (alerts: Alert[]) =>
                alerts.forEach((alert) =>
                    out.push({ alert, pairIds: [pair.id], level: level.level })
                )
            if (series.cases && series.casesItem) {
                const entry = casesGroups.get(series.casesItem)
                if (entry) entry.pairs.push(pair)
                else
                    casesGroups.set(series.casesItem, {
                        pairs: [pair],
                        cases: series.cases,
                        hmis,
                    })
            }
            // Consumption partly reported by quarter is compared by quarter, else by month
            const quarterly = series.quarterly
            const tq = quarterly?.consumption ? byQuarter(t) : null
            const flows =
                quarterly?.consumption && tq
                    ? {
                          context: {
                              ...context,
                              periods: quarters,
                              testLast: testedQuarters,
                              thresholds: tq,
                          },
                          consumption: quarterly.consumption,
                          cases: quarterly.cases,
                          // the HMIS reports of the months whose cases are compared
                          hmisRates: quarterRates(hmis, quarterly.monthOffset ?? 0),
                          lmisRates: quarterRates(lmis),
                      }
                    : series.consumption
                      ? {
                            context,
                            consumption: series.consumption,
                            cases: series.cases,
                            hmisRates,
                            lmisRates,
                        }
                      : null
            if (flows) {
                // a facility's months without stock: its consumption there is what the stock
                // allowed, not the need (monthly series)
                const stocked = maskStockouts(
                    flows.consumption,
                    level.facilityLevel && flows.consumption === series.consumption ? series : null
                )
                const consumptionInput = {
                    ...flows.context,
                    values: maskIncomplete(
                        stocked,
                        flows.lmisRates,
                        flows.context.thresholds.completenessThreshold
                    ),
                    series: 'lmis' as const,
                    measure: 'consumption' as const,
                    unitsPerCount: unitsPerCase(flows.context.thresholds),
                }
                own(outliers(consumptionInput))
                if (stocked !== flows.consumption) {
                    own(
                        stockoutMonthRises(
                            consumptionInput,
                            maskIncomplete(
                                flows.consumption,
                                flows.lmisRates,
                                flows.context.thresholds.completenessThreshold
                            )
                        )
                    )
                }
                if (
                    flows.cases &&
                    flows.hmisRates &&
                    flows.lmisRates &&
                    (medianOf(flows.cases) ?? 0) >= MIN_CASES_FOR_RATIO
                ) {
                    own(
                        detectDivergence({
                            ...flows.context,
                            consumption: stocked,
                            cases: flows.cases,
                            hmisCompleteness: flows.hmisRates,
                            lmisCompleteness: flows.lmisRates,
                        })
                    )
                }
            }
            if (series.cases && (series.stockOnHand || series.stockoutDays)) {
                const stockoutRate =
                    !level.facilityLevel && series.stockoutDays
                        ? stockoutRateSeries(
                              series.stockoutDays,
                              reportsPerMonth(scan, reports, lmis, known),
                              months
                          )
                        : null
                own(
                    detectStockoutWithCases({
                        ...context,
                        thresholds: {
                            ...t,
                            stablePercent: Math.max(t.stablePercent, STOCKOUT_CASES_FLOOR_PERCENT),
                        },
                        cases: series.cases,
                        ...(series.stockOnHand ? { stockOnHand: series.stockOnHand } : {}),
                        ...(level.facilityLevel && series.stockoutDays
                            ? { stockoutDays: series.stockoutDays }
                            : {}),
                        ...(stockoutRate ? { stockoutRate } : {}),
                    })
                )
            }
        }
        for (const { pairs, cases, hmis } of casesGroups.values()) {
            const first = pairs[0] as Pair
            const t = thresholdsForPair(first, { baselinePeriods: baselineMonths, ...overrides })
            outliers({
                pairId: first.id,
                orgUnitId,
                periods: months,
                testLast,
                thresholds: t,
                values: maskIncomplete(cases, rates(hmis), t.completenessThreshold),
                series: 'hmis',
            }).forEach((alert) =>
                out.push({ alert, pairIds: pairs.map((p) => p.id), level: level.level })
            )
            // A facility's form copied month after month (a total is never exactly constant)
            if (level.facilityLevel) {
                detectRepeatedValues({
                    pairId: first.id,
                    orgUnitId,
                    periods: months,
                    values: cases,
                    testLast,
                    series: 'hmis',
                    zScore: t.zScore,
                }).forEach((alert) =>
                    out.push({ alert, pairIds: pairs.map((p) => p.id), level: level.level })
                )
            }
        }
        const sides = new Map<string, { report: 'hmis' | 'lmis'; ids: string[]; pairs: Pair[] }>()
        for (const group of reportGroups.values()) {
            for (const report of ['hmis', 'lmis'] as const) {
                const ids = group[report]
                if (ids.length === 0) continue
                const key = `${report}:${ids.join(',')}`
                const side = sides.get(key) ?? { report, ids, pairs: [] }
                side.pairs.push(...group.pairs)
                sides.set(key, side)
            }
        }
        for (const { report, ids, pairs } of sides.values()) {
            const series = rates(ids)
            const first = pairs[0] as Pair
            if (!series) continue
            detectCompletenessDrops({
                pairId: first.id,
                orgUnitId,
                periods: months,
                testLast,
                thresholds: thresholdsForPair(first, {
                    baselinePeriods: baselineMonths,
                    ...overrides,
                }),
                reports: [
                    {
                        report,
                        rates: series,
                        expected: groupExpected(scan, reports, ids, known) ?? undefined,
                    },
                ],
            }).forEach((alert) =>
                out.push({ alert, pairIds: pairs.map((p) => p.id), level: level.level })
            )
        }
        for (const group of reportGroups.values()) {
            const members = new Set(group.pairs.map((p) => p.id))
            const inGroup = list.filter((series) => members.has(series.pairId))
            const hmisMonths: number[] = []
            const lmisMonths: number[] = []
            for (let i = firstTested; i < months.length; i++) {
                if (
                    reportedInMonth(scan, reports, group.hmis, known, i) ||
                    inGroup.some((s) => s.hmisValues[i])
                ) {
                    hmisMonths.push(i)
                }
                if (
                    reportedInMonth(scan, reports, group.lmis, known, i) ||
                    inGroup.some((s) => s.lmisValues[i])
                ) {
                    lmisMonths.push(i)
                }
            }
            const present = hmisMonths.length > 0 ? hmisMonths : lmisMonths
            const last = present[present.length - 1]
            if (last === undefined || (hmisMonths.length > 0 && lmisMonths.length > 0)) continue
            const first = group.pairs[0] as Pair
            detectMasterListGaps({
                pairId: first.id,
                period: months[last] as string,
                orgUnits: [{ orgUnitId, hmis: hmisMonths.length, lmis: lmisMonths.length }],
                thresholds: thresholdsForPair(first, overrides),
            }).forEach((alert) =>
                out.push({ alert, pairIds: group.pairs.map((p) => p.id), level: level.level })
            )
        }
        // At a facility: consumption falling (alone, or against cases) in a month or quarter
        // without stock is the stockout, which the stockout list shows, not a second entry
        if (level.facilityLevel) {
            const kept = out.filter((item) => {
                const { alert } = item
                const fall =
                    (alert.type === 'collapse' && alert.series === 'lmis') ||
                    (alert.type === 'divergence' && alert.direction === 'down')
                if (!fall) return true
                const own = list.find((x) => x.pairId === alert.pairId)
                return !(own && outOfStock(own, alert.period, months))
            })
            out.length = 0
            out.push(...kept)
        }
        // Above facilities: a fall, a ratio moving or a finding by quarter in a period with fewer
        // reports than usual may be a large facility's report missing (see `usualReporting`)
        if (!level.facilityLevel) {
            const kept = out.filter((item) => {
                if (!isMakeUpSensitive(item.alert)) return true
                const pair = pairsById.get(item.alert.pairId)
                if (!pair) return true
                const quarterly = /Q/.test(item.alert.period)
                const periods = quarterly ? quarters : months
                const index = periods.indexOf(item.alert.period)
                const sides =
                    item.alert.type === 'divergence'
                        ? [pair.hmis.dataSet, pair.lmis.dataSet]
                        : [item.alert.series === 'hmis' ? pair.hmis.dataSet : pair.lmis.dataSet]
                return sides.every((dataSet) => {
                    const ids = sideDataSets(dataSet, known)
                    const series = quarterly ? quarterRates(ids) : rates(ids)
                    return usualReporting(series, index, baselineMonths / (quarterly ? 3 : 1))
                })
            })
            out.length = 0
            out.push(...kept)
        }
        const caseSeries = new Map(
            [...casesGroups].map(([item, group]) => [item, group.cases] as const)
        )
        const shifts = new Map<string, number | null>()
        /** The other services' shift over the period's months (`orgUnitShift`) */
        const shiftOf = (ownItem: string | null, period: string): number | null => {
            const key = `${ownItem ?? ''}|${period}`
            if (shifts.has(key)) return shifts.get(key) ?? null
            const indexes = (/Q/.test(period) ? monthsOfQuarter(period) : [period])
                .map((m) => months.indexOf(m))
                .filter((i) => i >= 0)
            let now = 0
            let usual = 0
            for (const i of indexes) {
                const shift = orgUnitShift(caseSeries, ownItem, i, baselineMonths)
                if (shift === null) continue
                now += shift
                usual += 1
            }
            const result = usual > 0 ? now / usual : null
            shifts.set(key, result)
            return result
        }
        /**
         * The other system's series of the alert's pair and the alert's period in it, with its
         * baseline length (consumption in a facility's months without stock left out: there it
         * is what the stock allowed); `null` when there is none to compare with
         */
        const stockedConsumption = new Map<PairOrgUnitSeries, Series | null>()
        const partnerOf = (
            alert: Alert
        ): {
            values: Series | null
            index: number
            baseline: number
            /** A month's finding weighed against its quarter's report */
            inQuarter?: boolean
        } | null => {
            if (alert.type !== 'spike' && alert.type !== 'collapse') return null
            if (alert.series !== 'hmis' && alert.series !== 'lmis') return null
            if (alert.method === 'REPEATED') return null
            const own = list.find((x) => x.pairId === alert.pairId)
            if (!own) return null
            if (/Q/.test(alert.period)) {
                const q = own.quarterly
                if (!q) return null
                return {
                    values: alert.series === 'hmis' ? q.consumption : q.cases,
                    index: quarters.indexOf(alert.period),
                    baseline: Math.ceil(baselineMonths / 3),
                }
            }
            // monthly consumption of a facility reporting by quarter is an estimate (quarter ÷ 3):
            // a month's cases are weighed against the quarter its report covers
            // (`monthInQuarterRatio`), and that quarter's move is not a month's shift
            if (alert.series === 'hmis' && own.quarterly) {
                const quarter = reportQuarterOf(alert.period, own.quarterly.monthOffset ?? 0)
                return {
                    values: own.quarterly.consumption,
                    index: quarters.indexOf(quarter),
                    baseline: Math.ceil(baselineMonths / 3),
                    inQuarter: true,
                }
            }
            let consumption = stockedConsumption.get(own)
            if (consumption === undefined) {
                consumption =
                    own.consumption &&
                    maskStockouts(own.consumption, level.facilityLevel ? own : null)
                stockedConsumption.set(own, consumption)
            }
            return {
                values: alert.series === 'hmis' ? consumption : own.cases,
                index: months.indexOf(alert.period),
                baseline: baselineMonths,
            }
        }
        for (const item of out) {
            const casesItem = list.find((x) => x.pairId === item.alert.pairId)?.casesItem ?? null
            const dev = deviationOf(item.alert, casesItem)
            item.parentShare = dev ? share(item, orgUnitId, dev.key, dev.deviation) : null
            if (item.alert.type === 'spike' || item.alert.type === 'collapse') {
                item.orgUnitShift = shiftOf(casesItem, item.alert.period)
                const partner = partnerOf(item.alert)
                const { value, median } = item.alert.details
                const expected = item.alert.details.expected ?? median
                item.partnerShift =
                    partner && !partner.inQuarter
                        ? partnerShift(partner.values, partner.index, partner.baseline)
                        : null
                item.partnerEvidence =
                    partner && expected > 0
                        ? partnerEvidence(
                              partner.values,
                              partner.index,
                              partner.baseline,
                              partner.inQuarter
                                  ? monthInQuarterRatio(value, expected)
                                  : value / expected
                          )
                        : null
            }
        }
        yield out
    }
}

/** The alerts of every org unit of the scan, one org unit at a time */
function* detectAll(
    scan: ScanData,
    pairs: readonly Pair[],
    overrides: ScanOverrides
): Generator<ScanAlert[]> {
    const pairsById = new Map(pairs.map((pair) => [pair.id, pair]))
    const known = dataSetIndex(scan)
    for (const level of scan.levels) yield* detectLevel(scan, level, pairsById, known, overrides)
}

const ranked = (all: readonly ScanAlert[]): ScanAlert[] => {
    const byAlert = new Map(all.map((entry) => [entry.alert, entry]))
    return rankAlerts(all.map((entry) => entry.alert)).map(
        (alert) => byAlert.get(alert) as ScanAlert
    )
}

/** Every alert of the scan, ranked by severity (highest first). */
export const detectScanAlerts = (
    scan: ScanData,
    pairs: readonly Pair[],
    overrides: ScanOverrides = {}
): ScanAlert[] => {
    const all: ScanAlert[] = []
    for (const alerts of detectAll(scan, pairs, overrides)) all.push(...alerts)
    return ranked(all)
}

interface LevelInParts {
    /** The level's kind as in its first part (as `mergeScanData` keeps it) */
    facilityLevel: boolean
    /** Org unit ids of the earlier parts (their org units, series and reports) */
    seen: Set<string>
    totals: ReturnType<typeof parentTotalsBuilder>
    alerts: ScanAlert[]
}

/**
 * A scan's alerts detected part by part as its parts come (`add`: the pieces of each batch of
 * regions as they are built, `BuildScanOptions.onPiece`, each level's org units in order), the same as
 * `detectScanAlerts` over the parts merged (`mergeScanData`) gives: the detectors work per org unit
 * and per pair, with the org unit's own series and reports; what spans parts is computed on the
 * whole once the last part is in (`alerts`): an alert's share of its parent's total (a region's
 * parent is the country, above every batch, so the totals are summed over all parts, in their
 * order), and the ranking. Entries, the per-area cut and the stockout list are made from the
 * ranked alerts afterwards, as for a whole scan.
 *
 * Parts of disjoint org units (pieces of the batches of regions) are detected as they come. A part that
 * repeats an org unit of an earlier part (which `mergeScanData` keeps once), or lists series or
 * reports of org units it does not list, turns this off: the parts are then merged and scanned
 * whole at the end.
 */
export class ScanAlertsInParts {
    private readonly pairsById: ReadonlyMap<string, Pair>
    private readonly parts: ScanData[] = []
    private readonly levels = new Map<number, LevelInParts>()
    private readonly pending: {
        item: ScanAlert
        level: LevelInParts
        orgUnitId: string
        key: string
        deviation: number
    }[] = []
    private known: DataSetIndex | null = null
    private inParts = true

    constructor(
        private readonly pairs: readonly Pair[],
        private readonly overrides: ScanOverrides = {}
    ) {
        this.pairsById = new Map(pairs.map((pair) => [pair.id, pair]))
    }

    /** Whether each part so far was detected as it came (else: scanned whole at the end) */
    get detectedInParts(): boolean {
        return this.inParts
    }

    /** The next part of the scan, in order (the parts' windows and data sets are the first's) */
    add(part: ScanData): void {
        this.parts.push(part)
        const first = this.parts[0] as ScanData
        this.known ??= dataSetIndex(first)
        if (!this.inParts) return
        if (!this.disjoint(part)) {
            this.inParts = false
            return
        }
        const known = this.known
        const scan: ScanData = { ...part, window: first.window, dataSets: first.dataSets }
        for (const level of part.levels) {
            let state = this.levels.get(level.level)
            if (!state) {
                state = {
                    facilityLevel: level.facilityLevel,
                    seen: new Set(),
                    totals: parentTotalsBuilder(first),
                    alerts: [],
                }
                this.levels.set(level.level, state)
            }
            const into = state
            for (const id of idsOfLevel(level)) into.seen.add(id)
            into.totals.add(level)
            const record = (item: ScanAlert, orgUnitId: string, key: string, deviation: number) => {
                this.pending.push({ item, level: into, orgUnitId, key, deviation })
                return null
            }
            const detected = detectLevel(
                scan,
                { ...level, facilityLevel: into.facilityLevel },
                this.pairsById,
                known,
                this.overrides,
                record
            )
            for (const alerts of detected) into.alerts.push(...alerts)
        }
    }

    /** Whether a part's org units are new at each level, its series and reports their own */
    private disjoint(part: ScanData): boolean {
        for (const level of part.levels) {
            const state = this.levels.get(level.level)
            if (!state) continue
            const own = new Set(level.orgUnits.map((u) => u.id))
            for (const id of idsOfLevel(level)) {
                if (!own.has(id) || state.seen.has(id)) return false
            }
        }
        return true
    }

    /** Every alert of the parts added, ranked by severity (highest first) */
    alerts(): ScanAlert[] {
        if (!this.inParts) {
            const merged = mergeScanData(this.parts)
            return merged ? detectScanAlerts(merged, this.pairs, this.overrides) : []
        }
        for (const { item, level, orgUnitId, key, deviation } of this.pending) {
            item.parentShare = level.totals.share(orgUnitId, key, item.alert.period, deviation)
        }
        this.pending.length = 0
        const all: ScanAlert[] = []
        for (const number of [...this.levels.keys()].sort((a, b) => a - b)) {
            all.push(...(this.levels.get(number) as LevelInParts).alerts)
        }
        return ranked(all)
    }
}

/** The org unit ids a level's part names: its org units', its series' and its reports' */
function* idsOfLevel(level: LevelScanData): Generator<string> {
    for (const unit of level.orgUnits) yield unit.id
    for (const series of level.series) yield series.orgUnitId
    yield* Object.keys(level.reports)
}

/** Org units of the scan (over all levels) */
export const scanSize = (scan: ScanData): number =>
    scan.levels.reduce((sum, level) => sum + level.orgUnits.length, 0)

/**
 * `detectScanAlerts` in slices of about one frame, yielding to the event loop between them (a page
 * stays responsive over thousands of facilities); rejects when `signal` aborts. `batch`: most org
 * units per slice.
 */
export const detectScanAlertsAsync = async (
    scan: ScanData,
    pairs: readonly Pair[],
    overrides: ScanOverrides = {},
    {
        signal,
        onProgress,
        batch,
    }: {
        signal?: AbortSignal
        onProgress?: (done: number, total: number) => void
        batch?: number
    } = {}
): Promise<ScanAlert[]> => {
    const all: ScanAlert[] = []
    const total = scanSize(scan)
    let done = 0
    const slice = slicer(batch)
    for (const alerts of detectAll(scan, pairs, overrides)) {
        all.push(...alerts)
        done += 1
        if (slice.due()) {
            if (slice.reportDue()) onProgress?.(done, total)
            await slice.yield()
            if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError')
        }
    }
    onProgress?.(total, total)
    return ranked(all)
}

export interface AlertFilters {
    areaId: string | null
    pairId: string | null
    type: AlertType | null
    level: number | null
}

export const NO_FILTERS: AlertFilters = { areaId: null, pairId: null, type: null, level: null }

/** The alerts matching the filters; `areaOfPair` gives each pair's program area. */
export const filterAlerts = (
    alerts: readonly ScanAlert[],
    filters: AlertFilters,
    areaOfPair: ReadonlyMap<string, string>
): ScanAlert[] =>
    alerts.filter(
        ({ alert, pairIds, level }) =>
            (filters.type === null || alert.type === filters.type) &&
            (filters.level === null || level === filters.level) &&
            (filters.pairId === null || pairIds.includes(filters.pairId)) &&
            (filters.areaId === null || pairIds.some((id) => areaOfPair.get(id) === filters.areaId))
    )

/** How many alerts of each type (for the type filter's labels) */
export const countByType = (alerts: readonly ScanAlert[]): Partial<Record<AlertType, number>> => {
    const counts: Partial<Record<AlertType, number>> = {}
    for (const { alert } of alerts) counts[alert.type] = (counts[alert.type] ?? 0) + 1
    return counts
}
