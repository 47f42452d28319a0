import { DEFAULT_THRESHOLDS, type OutlierAlert } from '../../domain/alerts'
import {
    MIN_OUTLIER_DIFFERENCE,
    countByType,
    daysInMonth,
    detectScanAlerts,
    detectScanAlertsAsync,
    dueQuarters,
    MIN_BASELINE_QUARTERS,
    MIN_SHIFT_CASES,
    byQuarter,
    groupExpected,
    maskStockouts,
    orgUnitShift,
    partnerShift,
    unitsPerCase,
    monthInQuarterRatio,
    partnerEvidence,
    MIN_PARTNER_USUAL,
    outOfStock,
    stockoutMonthRises,
    usualReporting,
    filterAlerts,
    groupRates,
    groupRatesByQuarter,
    maskIncomplete,
    movedEnough,
    reportedInMonth,
    stockoutRateSeries,
    NO_FILTERS,
    dataSetIndex,
    ScanAlertsInParts,
    type ScanAlert,
} from './scan-alerts'
import { scanEntries, stockoutsByDuration } from './scan-entries'
import {
    mergeScanData,
    type PairOrgUnitSeries,
    type ReportCountSeries,
    type ScanData,
    type Series,
} from './scan-data'
import { scanWindow } from './scan-plan'
import { DE, DS, OU, metadata, nationalScanParts, ors, oxytocin, zinc } from './test-fixtures'

const window = scanWindow('202412', 12, 6)
const { months, quarters } = window
const dataSets = [...metadata.dataSets.values()]
const known = dataSetIndex({ dataSets })

/** 100 ± a little in every month */
const steady = (level = 100): number[] => months.map((_, i) => level + ((i * 7) % 5) - 2)
const full = (count = 10): ReportCountSeries => ({
    actual: months.map(() => count),
    expected: months.map(() => count),
})
const fullQuarters = (count = 10): ReportCountSeries => ({
    actual: quarters.map(() => count),
    expected: quarters.map(() => count),
})

const series = (
    pairId: string,
    orgUnitId: string,
    extra: Partial<PairOrgUnitSeries> = {}
): PairOrgUnitSeries => ({
    pairId,
    orgUnitId,
    casesItem: pairId === oxytocin.id ? DE.deliveries : DE.diarrhoea,
    cases: steady(),
    consumption: steady(),
    stockOnHand: null,
    stockoutDays: null,
    hmisValues: months.map(() => true),
    lmisValues: months.map(() => true),
    quarterly: null,
    ...extra,
})

const scanOf = (
    list: PairOrgUnitSeries[],
    reports: ScanData['levels'][number]['reports'] = {},
    facilityLevel = false
): ScanData => {
    const units = [...new Set(list.map((s) => s.orgUnitId))]
    return {
        window,
        dataSets,
        itemNames: {},
        levels: [
            {
                level: 3,
                facilityLevel,
                orgUnits: units.map((id) => ({
                    id,
                    name: id,
                    level: 3,
                    ancestors: [OU.root],
                    ancestorNames: ['Country'],
                })),
                series: list,
                reports: Object.fromEntries(
                    units.map((id) => [
                        id,
                        reports[id] ?? {
                            [DS.hmis]: full(),
                            [DS.lmisM]: full(),
                            [DS.lmisQ]: fullQuarters(),
                        },
                    ])
                ),
            },
        ],
    }
}

const types = (alerts: ScanAlert[]) => alerts.map((a) => a.alert.type)

describe('report counts', () => {
    it('gives quarterly reports to each month of a quarter that is over', () => {
        expect([...dueQuarters(window).keys()]).toEqual(quarters)
        const partial = scanWindow('202411', 12, 6)
        expect([...dueQuarters(partial).keys()]).not.toContain('2024Q4')
        const reports = {
            [DS.hmis]: {
                actual: months.map((_, i) => (i === 17 ? 5 : 10)),
                expected: months.map(() => 10),
            },
            [DS.lmisQ]: { actual: quarters.map(() => 3), expected: quarters.map(() => 4) },
        }
        const hmis = groupRates({ window }, reports, [DS.hmis], known)
        expect(hmis?.[16]).toBe(100)
        expect(hmis?.[17]).toBe(50)
        const lmis = groupRates({ window }, reports, [DS.lmisQ], known)
        expect(lmis?.every((rate) => rate === 75)).toBe(true)
        expect(groupRates({ window }, reports, [], known)).toBeNull()
        const byQuarter = groupRatesByQuarter({ window }, reports, [DS.hmis, DS.lmisQ], known)
        expect(byQuarter?.[5]).toBeCloseTo(((25 + 3) / (30 + 4)) * 100, 0)
    })

    it('counts a staggered group’s HMIS reports over the months its quarter’s report covers', () => {
        // December's report missing: in group C's window of 2025Q1 (Dec–Feb), not of 2024Q4 (Sep–Nov)
        const reports = {
            [DS.hmis]: {
                actual: months.map((m) => (m === '202412' ? 0 : 10)),
                expected: months.map(() => 10),
            },
        }
        const calendar = groupRatesByQuarter({ window }, reports, [DS.hmis], known)
        expect(calendar?.[5]).toBeCloseTo((20 / 30) * 100, 0)
        const groupC = groupRatesByQuarter({ window }, reports, [DS.hmis], known, -1)
        expect(groupC?.slice(1)).toEqual([100, 100, 100, 100, 100])
        // group B's 2024Q4 window (Nov–Jan) reaches past the scan: December missing, January none
        const groupB = groupRatesByQuarter({ window }, reports, [DS.hmis], known, 1)
        expect(groupB?.[4]).toBe(100)
        expect(groupB?.[5]).toBe(50)
        // the quarterly data set stays on the quarter its report is stored in
        const lmis = { [DS.lmisQ]: { actual: [1, 1, 1, 1, 1, 0], expected: quarters.map(() => 1) } }
        expect(groupRatesByQuarter({ window }, lmis, [DS.lmisQ], known, -1)).toEqual([
            100, 100, 100, 100, 100, 0,
        ])
    })

    it('counts an org unit as listed for a quarter not over when a report is expected', () => {
        const partial = scanWindow('202411', 12, 6)
        const reports = {
            [DS.lmisQ]: {
                actual: partial.quarters.map((q) => (q === '2024Q4' ? 0 : 1)),
                expected: partial.quarters.map(() => 1),
            },
        }
        const last = partial.months.length - 1
        expect(reportedInMonth({ window: partial }, reports, [DS.lmisQ], known, last)).toBe(true)
        const unlisted = {
            [DS.lmisQ]: { actual: [0, 0, 0, 0, 0, 0, 0], expected: [0, 0, 0, 0, 0, 0, 0] },
        }
        expect(reportedInMonth({ window: partial }, unlisted, [DS.lmisQ], known, last)).toBe(false)
    })

    it('turns stockout days into a share of facility-days', () => {
        expect(daysInMonth('202402')).toBe(29)
        expect(daysInMonth('2024Q1')).toBe(30)
        const rates = stockoutRateSeries([31, null, 0], [2, 2, 0], ['202401', '202402', '202403'])
        expect(rates).toEqual([50, null, null])
    })

    it('leaves out values of incomplete months', () => {
        expect(maskIncomplete([1, 2, 3], [90, 50, null], 80)).toEqual([1, null, 3])
        expect(maskIncomplete([1, 2], null, 80)).toEqual([1, 2])
    })
})

describe('movedEnough', () => {
    const outlier = (value: number, median: number, changePercent: number | null) =>
        ({ details: { value, median, changePercent } }) as OutlierAlert
    it('needs a halving, a doubling, or a rise from zero, and a few cases', () => {
        expect(movedEnough(outlier(40, 100, -60), 50)).toBe(true)
        expect(movedEnough(outlier(70, 100, -30), 50)).toBe(false)
        expect(movedEnough(outlier(210, 100, 110), 50)).toBe(true)
        expect(movedEnough(outlier(160, 100, 60), 50)).toBe(false)
        expect(movedEnough(outlier(30, 0, null), 50)).toBe(true)
        expect(movedEnough(outlier(MIN_OUTLIER_DIFFERENCE - 1, 0, null), 50)).toBe(false)
        expect(movedEnough(outlier(4, 1, 300), 50)).toBe(false)
    })
})

describe('detectScanAlerts', () => {
    it('finds nothing in steady data', () => {
        const scan = scanOf([series(oxytocin.id, OU.a), series(ors.id, OU.a)])
        expect(detectScanAlerts(scan, [oxytocin, ors, zinc])).toEqual([])
    })

    it('finds consumption falling while cases stay, in the tested months only', () => {
        const consumption = steady()
        consumption[15] = 15
        consumption[3] = 15 // in the baseline: not tested
        const scan = scanOf([series(oxytocin.id, OU.a, { consumption })])
        const alerts = detectScanAlerts(scan, [oxytocin])
        expect(types(alerts).sort()).toEqual(['collapse', 'divergence'])
        expect(alerts.every((a) => a.alert.period === months[15])).toBe(true)
        expect(alerts.every((a) => a.level === 3 && a.pairIds[0] === oxytocin.id)).toBe(true)
        // ranked: most severe first
        expect(alerts[0]!.alert.severity).toBeGreaterThanOrEqual(alerts[1]!.alert.severity)
    })

    it('checks an HMIS series shared by pairs once, naming every pair', () => {
        const cases = steady()
        cases[16] = 1000
        const scan = scanOf([
            series(ors.id, OU.a, { cases, consumption: null }),
            series(zinc.id, OU.a, { cases, consumption: null }),
        ])
        const alerts = detectScanAlerts(scan, [ors, zinc])
        expect(types(alerts)).toEqual(['spike'])
        expect(alerts[0]?.pairIds).toEqual([ors.id, zinc.id])
        expect(alerts[0]?.alert.pairId).toBe(ors.id)
    })

    it('checks reports shared by pairs once, and does not call missing reports a collapse', () => {
        const hmis = full()
        hmis.actual[17] = 2
        const cases = steady()
        cases[17] = 20
        const scan = scanOf(
            [
                series(ors.id, OU.a, { cases, consumption: null }),
                series(zinc.id, OU.a, { cases, consumption: null }),
            ],
            { [OU.a]: { [DS.hmis]: hmis, [DS.lmisM]: full() } }
        )
        const alerts = detectScanAlerts(scan, [ors, zinc])
        expect(types(alerts)).toEqual(['completenessDrop'])
        expect(alerts[0]?.pairIds).toEqual([ors.id, zinc.id])
        expect(alerts[0]?.alert).toMatchObject({ report: 'hmis', period: months[17] })
        // with a lower completeness threshold the month is tested; above facilities a fall in
        // a month with fewer reports than usual is still not a collapse (`usualReporting`)...
        const lower = detectScanAlerts(scan, [ors, zinc], { completenessThreshold: 10 })
        expect(types(lower)).not.toContain('collapse')
        // ...at a facility it is
        const facility = scanOf(
            [
                series(ors.id, OU.a, { cases, consumption: null }),
                series(zinc.id, OU.a, { cases, consumption: null }),
            ],
            { [OU.a]: { [DS.hmis]: hmis, [DS.lmisM]: full() } },
            true
        )
        expect(
            types(detectScanAlerts(facility, [ors, zinc], { completenessThreshold: 10 }))
        ).toContain('collapse')
    })

    it('finds a stockout while cases continue, from stock on hand and the stockout share', () => {
        const stockOnHand = months.map((_, i) => (i === 14 ? 0 : 200))
        const stockoutDays = months.map((_, i) => (i === 15 ? 300 : 10))
        const scan = scanOf([series(oxytocin.id, OU.a, { stockOnHand, stockoutDays })])
        const alerts = detectScanAlerts(scan, [oxytocin]).filter(
            (a) => a.alert.type === 'stockoutWithCases'
        )
        expect(alerts.map((a) => [a.alert.period, 'reason' in a.alert && a.alert.reason])).toEqual([
            [months[14], 'noStock'],
            [months[15], 'stockoutRate'],
        ])
    })

    it('finds org units with data in one system only over the tested months', () => {
        const none = months.map(() => false)
        const scan = scanOf(
            [series(ors.id, OU.a, { lmisValues: none, consumption: null }), series(ors.id, OU.b)],
            {
                [OU.a]: {
                    [DS.hmis]: full(),
                    [DS.lmisM]: { actual: months.map(() => 0), expected: months.map(() => 0) },
                },
            }
        )
        const gaps = detectScanAlerts(scan, [ors]).filter((a) => a.alert.type === 'hmisWithoutLmis')
        expect(gaps.map((a) => [a.alert.orgUnitId, a.alert.period])).toEqual([[OU.a, months[17]]])
    })

    it('compares consumption reported by quarter by quarter', () => {
        const quarterly = {
            cases: quarters.map(() => 300),
            consumption: quarters.map((_, i) => (i === 5 ? 40 : 300)),
        }
        const scan = scanOf([series(oxytocin.id, OU.a, { quarterly })])
        const alerts = detectScanAlerts(scan, [oxytocin])
        expect(alerts.map((a) => [a.alert.type, a.alert.period]).sort()).toEqual([
            ['collapse', '2024Q4'],
            ['divergence', '2024Q4'],
        ])
    })

    it('compares a staggered group’s quarter when the report missing lies outside its window', () => {
        // Cases of the months each report covers (`windowCases`), consumption halved in 2024Q4
        const quarterly = (monthOffset: number) => ({
            cases: quarters.map(() => 300),
            consumption: quarters.map((_, i) => (i === 5 ? 150 : 300)),
            monthOffset,
        })
        // December's HMIS report is missing
        const reports = {
            [DS.hmis]: {
                actual: months.map((m) => (m === '202412' ? 0 : 10)),
                expected: months.map(() => 10),
            },
            [DS.lmisM]: full(),
            [DS.lmisQ]: fullQuarters(),
        }
        const divergences = (monthOffset: number) =>
            detectScanAlerts(
                scanOf(
                    [series(oxytocin.id, OU.a, { quarterly: quarterly(monthOffset) })],
                    { [OU.a]: reports },
                    true
                ),
                [oxytocin]
            )
                .filter((a) => a.alert.type === 'divergence')
                .map((a) => a.alert.period)
        // Group C's 2024Q4 report covers Sep–Nov, all reported: compared, as group A's would be
        // with its three months reported
        expect(divergences(-1)).toEqual(['2024Q4'])
        // Group A's covers December: the quarter's cases are incomplete, not compared
        expect(divergences(0)).toEqual([])
        // Without an offset (calendar quarters) the group C facility's quarter would be left out
        const { monthOffset: _, ...calendar } = quarterly(-1)
        const scan = scanOf(
            [series(oxytocin.id, OU.a, { quarterly: calendar })],
            { [OU.a]: reports },
            true
        )
        expect(types(detectScanAlerts(scan, [oxytocin]))).not.toContain('divergence')
    })

    it('leaves ratios of small counts alone', () => {
        const small = (v: number) => months.map(() => v) as Series
        const consumption = small(8)
        consumption[15] = 2
        const scan = scanOf([series(oxytocin.id, OU.a, { cases: small(8), consumption })])
        expect(types(detectScanAlerts(scan, [oxytocin]))).not.toContain('divergence')
    })

    it('gives the same alerts in batches', async () => {
        const consumption = steady()
        consumption[15] = 15
        const scan = scanOf([
            series(oxytocin.id, OU.a, { consumption }),
            series(oxytocin.id, OU.b),
            series(ors.id, OU.b),
        ])
        const progress: number[] = []
        const batched = await detectScanAlertsAsync(
            scan,
            [oxytocin, ors],
            {},
            {
                batch: 1,
                onProgress: (done) => progress.push(done),
            }
        )
        expect(batched).toEqual(detectScanAlerts(scan, [oxytocin, ors]))
        expect(progress).toEqual([1, 2, 2])
    })
})

describe('ScanAlertsInParts', () => {
    const pairs = [oxytocin, ors, zinc]
    /** What the page lists from a scan's alerts: entries and stockouts, as the worker makes them */
    const listOf = (alerts: ScanAlert[], zScore?: number) => ({
        alerts,
        entries: scanEntries(alerts, { facilityLevel: 4, outlierZ: zScore }),
        stockouts: stockoutsByDuration(alerts),
    })
    const inParts = (parts: ScanData[], overrides = {}) => {
        const scan = new ScanAlertsInParts(pairs, overrides)
        for (const part of parts) scan.add(part)
        return { scan, alerts: scan.alerts() }
    }
    const whole = (parts: ScanData[], overrides = {}) =>
        detectScanAlerts(mergeScanData(parts) as ScanData, pairs, overrides)

    it.each([
        { name: 'batches of regions', options: {}, overrides: {} },
        {
            name: 'one region a batch, other thresholds',
            options: { regions: 5, batches: [[0], [1], [2], [3], [4]], seed: 11 },
            overrides: { zScore: 2.5, minDropPercent: 40, completenessThreshold: 90 },
        },
        { name: 'one batch', options: { batches: [[0, 1, 2, 3]], seed: 3 }, overrides: {} },
    ])('lists exactly what the whole scan lists: $name', ({ options, overrides }) => {
        const parts = nationalScanParts(window, options)
        const expected = whole(parts, overrides)
        const { scan, alerts } = inParts(parts, overrides)
        expect(scan.detectedInParts).toBe(true)
        // the same alerts, entries and stockouts, in the same order, with the same fields
        const zScore = (overrides as { zScore?: number }).zScore
        expect(JSON.stringify(listOf(alerts, zScore))).toBe(
            JSON.stringify(listOf(expected, zScore))
        )
        expect(listOf(alerts, zScore)).toEqual(listOf(expected, zScore))
        // a fixture that finds things at every level, of several kinds
        expect(new Set(alerts.map((a) => a.level))).toEqual(new Set([2, 3, 4]))
        expect(new Set(types(alerts)).size).toBeGreaterThanOrEqual(3)
        expect(listOf(alerts).entries.length).toBeGreaterThan(5)
    })

    it('lists exactly what the whole scan lists from pieces of a few org units of one level', () => {
        const parts = nationalScanParts(window, { seed: 5 })
        // as `buildScanData` hands them on: each level's org units in order, a few at a time
        const pieces = parts.flatMap((part) =>
            part.levels.flatMap((level) =>
                Array.from({ length: Math.ceil(level.orgUnits.length / 2) }, (_, i) => {
                    const units = level.orgUnits.slice(i * 2, i * 2 + 2)
                    const ids = new Set(units.map((u) => u.id))
                    return {
                        ...part,
                        levels: [
                            {
                                ...level,
                                orgUnits: units,
                                series: level.series.filter((s) => ids.has(s.orgUnitId)),
                                reports: Object.fromEntries(
                                    Object.entries(level.reports).filter(([id]) => ids.has(id))
                                ),
                            },
                        ],
                    }
                })
            )
        )
        expect(pieces.length).toBeGreaterThan(parts.length * 3)
        const { scan, alerts } = inParts(pieces)
        expect(scan.detectedInParts).toBe(true)
        expect(JSON.stringify(listOf(alerts))).toBe(JSON.stringify(listOf(whole(parts))))
    })

    it('shares regions’ deviations of the national total, over every batch', () => {
        const parts = nationalScanParts(window)
        const { alerts } = inParts(parts)
        const regional = alerts.filter((a) => a.level === 2 && typeof a.parentShare === 'number')
        expect(regional.length).toBeGreaterThan(0)
        // each region's share of its own batch's total would be larger: the country's is used
        const expected = whole(parts)
        expect(regional.map((a) => a.parentShare)).toEqual(
            expected
                .filter((a) => a.level === 2 && typeof a.parentShare === 'number')
                .map((a) => a.parentShare)
        )
        const alone = inParts([parts[0] as ScanData]).alerts.filter(
            (a) => a.level === 2 && typeof a.parentShare === 'number'
        )
        const first = regional.find((a) =>
            alone.some((b) => b.alert.orgUnitId === a.alert.orgUnitId)
        )
        const same = alone.find(
            (b) =>
                b.alert.orgUnitId === first?.alert.orgUnitId &&
                b.alert.period === first?.alert.period &&
                b.alert.type === first?.alert.type &&
                b.alert.pairId === first?.alert.pairId
        )
        expect(same?.parentShare).toBeGreaterThan(first?.parentShare as number)
    })

    it('scans the parts merged when a part repeats an org unit of an earlier one', () => {
        const parts = nationalScanParts(window)
        const [first, second, third] = parts as [ScanData, ScanData, ScanData]
        // the second batch lists the first's region again
        const repeated: ScanData = {
            ...second,
            levels: second.levels.map((level, i) =>
                i === 0
                    ? {
                          ...level,
                          orgUnits: [...level.orgUnits, ...(first.levels[0]?.orgUnits ?? [])],
                          series: [...level.series, ...(first.levels[0]?.series ?? [])],
                      }
                    : level
            ),
        }
        const { scan, alerts } = inParts([first, repeated, third])
        expect(scan.detectedInParts).toBe(false)
        expect(listOf(alerts)).toEqual(listOf(whole([first, repeated, third])))
    })
})

describe('filterAlerts', () => {
    const alert = (type: ScanAlert['alert']['type'], pairIds: string[], level: number) =>
        ({ alert: { type, pairId: pairIds[0] }, pairIds, level }) as ScanAlert
    const alerts = [
        alert('spike', [ors.id, zinc.id], 3),
        alert('divergence', [oxytocin.id], 3),
        alert('divergence', [oxytocin.id], 4),
    ]
    const areas = new Map([
        [ors.id, 'child'],
        [zinc.id, 'child'],
        [oxytocin.id, 'mnh'],
    ])

    it('filters by program area, pair, type and level', () => {
        expect(filterAlerts(alerts, NO_FILTERS, areas)).toHaveLength(3)
        expect(filterAlerts(alerts, { ...NO_FILTERS, areaId: 'child' }, areas)).toHaveLength(1)
        expect(filterAlerts(alerts, { ...NO_FILTERS, pairId: zinc.id }, areas)).toHaveLength(1)
        expect(filterAlerts(alerts, { ...NO_FILTERS, type: 'divergence' }, areas)).toHaveLength(2)
        expect(
            filterAlerts(alerts, { ...NO_FILTERS, type: 'divergence', level: 4 }, areas)
        ).toHaveLength(1)
        expect(countByType(alerts)).toEqual({ spike: 1, divergence: 2 })
    })
})

describe('usualReporting', () => {
    it('is true when the period has at least the median rate of its baseline, or is unknown', () => {
        const rates = [92, 96, 88, 96, 92, 96, 84.6, 96, null]
        expect(usualReporting(rates, 5, 12)).toBe(true)
        // one report of 26 missing more than usual: a large facility's, perhaps
        expect(usualReporting(rates, 6, 12)).toBe(false)
        expect(usualReporting(rates, 7, 3)).toBe(true)
        expect(usualReporting(rates, 8, 12)).toBe(true)
        expect(usualReporting(rates, 0, 12)).toBe(true)
        expect(usualReporting(null, 3, 12)).toBe(true)
    })
})

describe('outOfStock', () => {
    it('is true in a month with no stock on hand or with stockout days, or a quarter holding one', () => {
        const stockOnHand = months.map((_, i) => (i === 14 ? 0 : 50))
        const stockoutDays = months.map((_, i) => (i === 16 ? 3 : 0))
        const series = { stockOnHand, stockoutDays }
        expect(outOfStock(series, months[14] as string, months)).toBe(true)
        expect(outOfStock(series, months[16] as string, months)).toBe(true)
        expect(outOfStock(series, months[15] as string, months)).toBe(false)
        expect(
            outOfStock({ stockOnHand: null, stockoutDays: null }, months[14] as string, months)
        ).toBe(false)
        expect(months[14]).toBe('202409')
        expect(outOfStock(series, '2024Q3', months)).toBe(true)
        expect(outOfStock(series, '2024Q2', months)).toBe(false)
    })
})

describe('maskStockouts', () => {
    it('leaves out the months with no stock on hand or with stockout days', () => {
        const values = [10, 20, 30, 40]
        expect(
            maskStockouts(values, { stockOnHand: [5, 0, 5, null], stockoutDays: [0, 0, 2, null] })
        ).toEqual([10, null, null, 40])
        expect(maskStockouts(values, null)).toBe(values)
        expect(maskStockouts(values, { stockOnHand: null, stockoutDays: null })).toBe(values)
    })
})

describe('groupExpected', () => {
    it('adds up the reports expected, a quarterly data set in each month of its quarter', () => {
        const reports = {
            [DS.hmis]: full(10),
            [DS.lmisQ]: { actual: quarters.map(() => 3), expected: quarters.map(() => 4) },
        }
        const expected = groupExpected({ window }, reports, [DS.hmis, DS.lmisQ], known)
        expect(expected?.every((n) => n === 14)).toBe(true)
        expect(groupExpected({ window }, reports, [], known)).toBeNull()
        expect(groupExpected({ window }, {}, [DS.hmis], known)?.every((n) => n === null)).toBe(true)
    })
})

describe('byQuarter', () => {
    it('asks for three quarters of baseline, not four (a quarterly report missing now and then)', () => {
        const t = byQuarter({ ...DEFAULT_THRESHOLDS, baselinePeriods: 12, minBaselinePoints: 4 })
        expect(t.baselinePeriods).toBe(4)
        expect(t.minBaselinePoints).toBe(MIN_BASELINE_QUARTERS)
        // never more than the baseline holds
        const short = byQuarter({ ...DEFAULT_THRESHOLDS, baselinePeriods: 6, minBaselinePoints: 4 })
        expect(short.minBaselinePoints).toBe(2)
    })
})

describe('orgUnitShift', () => {
    const flat = (level: number) => months.map(() => level)
    it('is the other services’ total over their usual level, the own data element left out', () => {
        const cases = new Map<string, Series>([
            ['own', [...flat(30).slice(0, 17), 90]],
            ['own.coc', [...flat(20).slice(0, 17), 60]],
            ['other', [...flat(40).slice(0, 17), 64]],
            ['third', [...flat(20).slice(0, 17), 32]],
        ])
        // (64 + 32) ÷ (40 + 20): the facility's month, 60 % up
        expect(orgUnitShift(cases, 'own', 17, 12)).toBeCloseTo(1.6, 10)
        // a typing error in `own` leaves the others where they were
        const still = new Map(cases)
        still.set('other', flat(40))
        still.set('third', flat(20))
        expect(orgUnitShift(still, 'own', 17, 12)).toBeCloseTo(1, 10)
        // too few cases to read a shift
        const small = new Map<string, Series>([
            ['own', flat(30)],
            ['other', flat(MIN_SHIFT_CASES - 1)],
        ])
        expect(orgUnitShift(small, 'own', 17, 12)).toBeNull()
    })
})

describe('partnerShift (the other system of the pair)', () => {
    it('is the other series in the period over its usual level, read from MIN_PARTNER_USUAL on', () => {
        const consumption = [...months.map(() => 50).slice(0, 17), 80]
        expect(partnerShift(consumption, 17, 12)).toBeCloseTo(1.6, 10)
        expect(partnerShift([...months.map(() => 50).slice(0, 17), null], 17, 12)).toBeNull()
        expect(partnerShift(null, 17, 12)).toBeNull()
        // a usual level chance moves by a quarter and more is not read
        const small = months.map(() => MIN_PARTNER_USUAL - 1)
        expect(partnerShift(small, 17, 12)).toBeNull()
    })

    it('gives a spike of cases the shift of the pair’s consumption that month', () => {
        const cases = steady()
        cases[16] = 300
        const consumption = steady()
        consumption[16] = 290
        const real = detectScanAlerts(scanOf([series(oxytocin.id, OU.a, { cases, consumption })]), [
            oxytocin,
        ]).find((a) => a.alert.type === 'spike' && a.alert.series === 'hmis')
        expect(real?.partnerShift).toBeCloseTo(2.9, 1)
        // a typing error in the register: consumption did not follow
        const error = detectScanAlerts(scanOf([series(oxytocin.id, OU.a, { cases })]), [
            oxytocin,
        ]).find((a) => a.alert.type === 'spike' && a.alert.series === 'hmis')
        expect(error?.partnerShift).toBeCloseTo(1, 1)
    })
})

describe('stockoutMonthRises', () => {
    const t = { ...DEFAULT_THRESHOLDS, baselinePeriods: 12 }
    const input = (values: Series) => ({
        pairId: oxytocin.id,
        orgUnitId: OU.a,
        periods: months,
        testLast: 6,
        thresholds: t,
        values,
        series: 'lmis' as const,
        measure: 'consumption' as const,
    })
    it('tests a month left out for its stockout for a rise, against the baseline without it', () => {
        const raw = steady()
        raw[15] = 300
        const masked = raw.map((v, i) => (i === 15 || i === 3 ? null : v))
        const [rise, ...rest] = stockoutMonthRises(input(masked), raw)
        expect(rest).toEqual([])
        expect(rise?.type).toBe('spike')
        expect(rise?.period).toBe(months[15])
        expect(rise?.details.value).toBe(300)
    })
    it('keeps no fall (what the stock allowed) and tests no month outside the window', () => {
        const raw = steady()
        raw[15] = 10
        raw[3] = 300
        const masked = raw.map((v, i) => (i === 15 || i === 3 ? null : v))
        expect(stockoutMonthRises(input(masked), raw)).toEqual([])
    })
})

describe('unitsPerCase', () => {
    it('is the low end of the expected consumption per case, at least 1', () => {
        expect(unitsPerCase({ ratioBand: [5, 12] })).toBe(5)
        expect(unitsPerCase({ ratioBand: [0.6, 1.3] })).toBe(1)
        expect(unitsPerCase({ ratioBand: null })).toBe(1)
    })
    it('judges a pair’s consumption by its courses in a scan', () => {
        const consumption = [...steady(40).slice(0, 17), 80]
        const withBand = { ...oxytocin, thresholds: { ratioBand: [5, 12] as [number, number] } }
        const flagged = (pair: typeof oxytocin) =>
            detectScanAlerts(
                scanOf([series(oxytocin.id, OU.a, { consumption, cases: steady(40) })], {}, true),
                [pair]
            ).filter((a) => a.alert.type === 'spike' && a.alert.series === 'lmis')
        expect(flagged({ ...oxytocin, thresholds: { ratioBand: [0.8, 1.5] } })).toHaveLength(1)
        expect(flagged(withBand)).toEqual([])
    })
})

describe('partnerEvidence (did the other system see the change?)', () => {
    const usual = [40, 36, 44, 38, 42, 35, 41, 45, 37, 40, 43, 39]
    it('favours a recording error when the other system stayed, a real change when it followed', () => {
        expect(partnerEvidence([...usual, 41], 12, 12, 3)).toBeGreaterThan(Math.log(20))
        expect(partnerEvidence([...usual, 115], 12, 12, 3)).toBeLessThan(-Math.log(20))
    })
    it('weighs the other series’ noise: a few cases a month say less', () => {
        const few = [6, 7, 5, 8, 6, 4, 7, 6, 9, 5, 6, 7]
        const stayed = partnerEvidence([...few, 7], 12, 12, 3) ?? 0
        expect(stayed).toBeGreaterThan(Math.log(3))
        expect(stayed).toBeLessThan(partnerEvidence([...usual, 41], 12, 12, 3) ?? 0)
        // a finding of ×1.5 is not told from chance by 7 cases
        expect(Math.abs(partnerEvidence([...few, 7], 12, 12, 1.5) ?? 0)).toBeLessThan(Math.log(3))
        const rare = [1, 0, 2, 1, 0, 1, 2, 1, 0, 1, 1, 0]
        expect(Math.abs(partnerEvidence([...rare, 1], 12, 12, 3) ?? 0)).toBeLessThan(Math.log(3))
    })
    it('is unknown without a value, a baseline or a ratio', () => {
        expect(partnerEvidence([...usual, null], 12, 12, 3)).toBeNull()
        expect(partnerEvidence([null, null, 40, 41], 3, 12, 3)).toBeNull()
        expect(partnerEvidence([...usual, 41], 12, 12, 0)).toBeNull()
        expect(partnerEvidence(null, 12, 12, 3)).toBeNull()
    })
    it('is given to a spike of cases from the pair’s consumption, its months without stock left out', () => {
        const cases = [...steady(40).slice(0, 17), 120]
        const spikeOf = (extra: Partial<PairOrgUnitSeries>) =>
            detectScanAlerts(scanOf([series(oxytocin.id, OU.a, { cases, ...extra })], {}, true), [
                oxytocin,
            ]).find((a) => a.alert.type === 'spike' && a.alert.series === 'hmis')
        expect(spikeOf({ consumption: steady(40) })?.partnerEvidence).toBeGreaterThan(Math.log(20))
        expect(
            spikeOf({ consumption: [...steady(40).slice(0, 17), 118] })?.partnerEvidence
        ).toBeLessThan(-Math.log(20))
        // consumption capped by a stockout says nothing of the patients who came
        const stockOnHand = [...steady(40).slice(0, 17), 0]
        expect(
            spikeOf({ consumption: [...steady(40).slice(0, 17), 12], stockOnHand })?.partnerEvidence
        ).toBeNull()
    })
    it('is given to a month’s spike of cases from the quarter’s consumption where it is reported by quarter', () => {
        // December's cases tripled; the facility reports consumption by quarter (2024Q4 holds it)
        const cases = [...steady(40).slice(0, 17), 120]
        const spikeOf = (q4: number) =>
            detectScanAlerts(
                scanOf(
                    [
                        series(oxytocin.id, OU.a, {
                            cases,
                            quarterly: {
                                cases: quarters.map((_, i) => (i === 5 ? 200 : 120)),
                                consumption: quarters.map((_, i) => (i === 5 ? q4 : 360 + i)),
                            },
                        }),
                    ],
                    {},
                    true
                ),
                [oxytocin]
            ).find((a) => a.alert.type === 'spike' && a.alert.series === 'hmis')
        // the quarter stayed: an error of the register; it rose by the month's extra patients
        // (80 more cases over a quarter of 120: ×1.67): a real change
        expect(spikeOf(362)?.partnerEvidence).toBeGreaterThan(Math.log(20))
        expect(spikeOf(600)?.partnerEvidence).toBeLessThan(-Math.log(20))
        // a quarter's move is not the month's shift
        expect(spikeOf(600)?.partnerShift).toBeNull()
    })
})

describe('monthInQuarterRatio', () => {
    it('moves the quarter by the month’s extra over three usual months', () => {
        expect(monthInQuarterRatio(120, 40)).toBeCloseTo(1 + 80 / 120)
        expect(monthInQuarterRatio(40, 40)).toBe(1)
        expect(monthInQuarterRatio(10, 40)).toBeCloseTo(0.75)
    })
})
