/**
 * The stock status figures of a pair card for one org unit and one period: from ONE facility-level
 * analytics request for all pairs (`stockStatusRequest`), the facilities' own reports read at
 * their own period type, summarized by `summarizeStockStatus` (counts, never averages of
 * percentages); plus the period's losses, receipts, timeliness and consumption per case from the
 * trend. Pure functions, no React.
 *
 * Counting stocked-out facilities needs facility-level values: DHIS2 aggregates values, it does not
 * count the facilities whose value is 0. The method chosen: facility-level analytics (`ou:
 * OU;LEVEL-n`) for the one period the figures are about (and the months before it, for the AMC),
 * with `aggregationType=LAST_IN_PERIOD` so that a stock count is only one reported in the period
 * (DHIS2's `LAST` would carry an older count forward). The request is one whatever the number of
 * pairs. Its rows grow with facilities × pairs, so above `STOCK_ROW_BUDGET` it asks the org unit's
 * own totals instead (`stockStatusScope`): months of stock and AMC from summed stock and
 * consumption, facilities stocked out from the flag, no min–max counts; see `bench/README.md`.
 */
import { buildAnalyticsQuery, type AnalyticsQuery, type AnalyticsTable } from '../../api/analytics'
import { idsOf, type Pair } from '../../domain/config'
import {
    DEFAULT_STOCK_BANDS,
    consumptionPerCase,
    ratioStatus,
    stockoutRate,
    summarizeStockStatus,
    type FacilityStock,
    type RatioStatus,
    type StockStatusSummary,
} from '../../domain/indicators'
import { addMonths, monthsOfQuarter, quarterOfMonth, type Grain } from '../../domain/periods'
import type { ItemInfo, PairTrend, SeriesData } from './pair-model'

/** Months of consumption the facilities' AMC is taken over */
export const AMC_MONTHS = 3

/** The periods a stock status of `period` reads: the AMC months and the quarter covering them. */
export const stockStatusPeriods = (
    grain: Grain,
    period: string
): { months: string[]; quarter: string; last: string } => {
    if (grain === 'quarterly') {
        const months = [...monthsOfQuarter(period)]
        return { months, quarter: period, last: period }
    }
    const months = Array.from({ length: AMC_MONTHS }, (_, i) =>
        addMonths(period, i - AMC_MONTHS + 1)
    )
    return { months, quarter: quarterOfMonth(period), last: period }
}

/**
 * The stock items of the pairs that the server has: stock on hand and consumption (months of
 * stock, min–max), and stockout days only where no stocked-out flag is mapped (the flag counts
 * stocked-out facilities on the server: a third fewer rows). With `flags` (the stock status of
 * another org unit than the trend's, whose counts are not of it) the flag is read facility by
 * facility in place of the stockout days.
 */
export const stockItems = (
    pairs: readonly Pair[],
    known: ReadonlySet<string>,
    flags = false
): string[] => [
    ...new Set(
        pairs.flatMap((pair) =>
            [
                ...idsOf(pair.lmis.stockOnHand),
                ...(hasFlag(pair, known)
                    ? flags
                        ? idsOf(pair.lmis.stockedOut)
                        : []
                    : idsOf(pair.lmis.stockoutDays)),
                ...idsOf(pair.lmis.consumption),
            ].filter((dx) => known.has(dx))
        )
    ),
]

/** Whether the pair's stocked-out flag is mapped and known to the server. */
export const hasFlag = (pair: Pair, known: { has: (id: string) => boolean }): boolean =>
    idsOf(pair.lmis.stockedOut).some((dx) => known.has(dx))

/**
 * Most rows the stock status request may return at facility level: half of DHIS2's default
 * analytics limit (`keyAnalyticsMaxLimit`, 100,000 rows: dhis2-core `SettingKey.ANALYTICS_MAX_LIMIT`),
 * so that an instance with a lower limit or a larger response still answers.
 */
export const STOCK_ROW_BUDGET = 50_000

/**
 * Rows one facility can give the stock status request, at most: a monthly item has a value at
 * each month and at the quarter (LAST_IN_PERIOD or summed), a quarterly item at the quarter only,
 * and a facility reports one kind or the other (an item of unknown period type counts as monthly).
 */
export const stockRowsPerFacility = (
    dx: readonly string[],
    items: ReadonlyMap<string, Pick<ItemInfo, 'periodType'>>,
    grain: Grain,
    period: string
): number => {
    const { months } = stockStatusPeriods(grain, period)
    const quarterly = dx.filter((id) => items.get(id)?.periodType === 'QUARTERLY').length
    const monthly = dx.length - quarterly
    return Math.max(monthly * (months.length + 1), quarterly)
}

/**
 * Where the stock status is computed: from each facility's rows (`facilities`: the counts
 * under/within/over min–max, stocked out without a flag), or — when the facilities under the org
 * unit would give more rows than `STOCK_ROW_BUDGET` (a country of 6,000 facilities and 40 pairs:
 * about 600,000) — from the org unit's own totals (`orgUnit`: stock on hand and AMC summed on the
 * server, so months of stock and AMC; stocked out from the flag), a handful of rows. `facilities`
 * is the number of facilities expected to report (the trend's LMIS report tally), `null` when
 * unknown (then facility level, as before the tally is known).
 */
export type StockScope = 'facilities' | 'orgUnit'

export const stockStatusScope = ({
    pairs,
    known,
    items,
    grain,
    period,
    facilities,
    flags = false,
}: {
    pairs: readonly Pair[]
    known: ReadonlySet<string>
    items: ReadonlyMap<string, Pick<ItemInfo, 'periodType'>>
    grain: Grain
    period: string
    facilities: number | null
    /** The stocked-out flags are read facility by facility (`stockItems`) */
    flags?: boolean
}): StockScope =>
    facilities !== null &&
    facilities * stockRowsPerFacility(stockItems(pairs, known, flags), items, grain, period) >
        STOCK_ROW_BUDGET
        ? 'orgUnit'
        : 'facilities'

/**
 * The one request of the stock status of every pair of the view: at facility level
 * (`ou:OU;LEVEL-n`), or the org unit's own totals when `scope` is `orgUnit`.
 */
export const stockStatusRequest = ({
    pairs,
    known,
    ou,
    facilityLevel,
    grain,
    period,
    scope = 'facilities',
    flags = false,
}: {
    pairs: readonly Pair[]
    known: ReadonlySet<string>
    ou: { id: string; level: number }
    facilityLevel: number
    grain: Grain
    period: string
    scope?: StockScope
    /**
     * Read the stocked-out flags facility by facility: the stock status is of another org unit
     * than the trend's (a drilled one), whose counts of the flag summed are not of it
     */
    flags?: boolean
}): AnalyticsQuery | null => {
    const dx = stockItems(pairs, known, flags)
    if (dx.length === 0) return null
    const { months, quarter } = stockStatusPeriods(grain, period)
    return buildAnalyticsQuery({
        dx,
        pe: [...months, quarter],
        ou:
            ou.level >= facilityLevel || scope === 'orgUnit'
                ? { id: ou.id }
                : { id: ou.id, level: facilityLevel },
        aggregationType: 'LAST_IN_PERIOD',
    })
}

/**
 * The facilities expected to send an LMIS report for the period, from the trends' report
 * tallies (the most of any pair); `null` when no tally is known.
 */
export const expectedFacilities = (
    trends: readonly Pick<PairTrend, 'lmisStatus'>[],
    period: string
): number | null => {
    const counts = trends
        .map((trend) => trend.lmisStatus.find((s) => s.period === period)?.reports?.expected)
        .filter((n): n is number => typeof n === 'number' && Number.isFinite(n))
    return counts.length ? Math.max(...counts) : null
}

const sumOf = (values: readonly (number | null)[]): number | null =>
    values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null

/** One facility's stock data for the period, its items read at their own period type. */
export const facilityStock = (
    pair: Pair,
    table: AnalyticsTable,
    items: ReadonlyMap<string, ItemInfo>,
    grain: Grain,
    period: string,
    facility: string
): FacilityStock => {
    const { months, quarter } = stockStatusPeriods(grain, period)
    const quarterly = (dx: string) => items.get(dx)?.periodType === 'QUARTERLY'
    const read = (dx: string, pe: string) => table.value(dx, pe, facility)
    // Stock at the end of the period: a monthly item's last month (the quarter's, LAST_IN_PERIOD,
    // in the quarterly view), a quarterly item's quarter
    const flagged = hasFlag(pair, items)
    const soh = sumOf(
        idsOf(pair.lmis.stockOnHand).map((dx) =>
            read(dx, quarterly(dx) ? quarter : grain === 'quarterly' ? quarter : period)
        )
    )
    // Stockout days of the period: a monthly item's month(s) of the period, a quarterly item's quarter
    const periodMonths = grain === 'quarterly' ? months : [period]
    const days = sumOf(
        (flagged ? [] : idsOf(pair.lmis.stockoutDays)).flatMap((dx) =>
            quarterly(dx) ? [read(dx, quarter)] : periodMonths.map((m) => read(dx, m))
        )
    )
    // The stocked-out flag of the period, where it was asked facility by facility (`stockItems`)
    const flag = flagged
        ? sumOf(
              idsOf(pair.lmis.stockedOut).map((dx) =>
                  read(dx, quarterly(dx) || grain === 'quarterly' ? quarter : period)
              )
          )
        : null
    // Consumption per month of the AMC window: monthly values, or a quarterly report ÷ 3
    const monthly: (number | null)[] = months.map(() => null)
    let any = false
    for (const dx of idsOf(pair.lmis.consumption)) {
        if (quarterly(dx)) {
            const value = read(dx, quarter)
            if (value === null) continue
            any = true
            monthly.forEach((v, i) => (monthly[i] = (v ?? 0) + value / 3))
        } else {
            months.forEach((m, i) => {
                const value = read(dx, m)
                if (value === null) return
                any = true
                monthly[i] = (monthly[i] ?? 0) + value
            })
        }
    }
    return {
        stockOnHand: soh,
        stockoutDays: days,
        ...(flag === null ? {} : { stockedOutFlag: flag }),
        monthlyConsumption: any ? monthly : [],
    }
}

/** The min–max months of stock of a pair: its own, or the default (`DEFAULT_STOCK_BANDS`). */
export const pairBands = (pair: Pair) => {
    const [min, max] = pair.thresholds?.monthsOfStock ?? [
        DEFAULT_STOCK_BANDS.min,
        DEFAULT_STOCK_BANDS.max,
    ]
    return { min, max }
}

/** The facilities of a stock status table (a single facility when the view is one). */
export const stockFacilities = (table: AnalyticsTable): readonly string[] => table.itemIds('ou')

export interface PairStockFigures {
    period: string
    summary: StockStatusSummary | null
    losses: number | null
    received: number | null
    /** Losses or receipts shown per month from quarterly reports (quarter ÷ 3) */
    lossesEstimated: boolean
    receivedEstimated: boolean
    hmisOnTime: number | null
    lmisOnTime: number | null
    ratio: { value: number | null; status: RatioStatus; low?: number; high?: number } | null
    /**
     * `facilities`: counted facility by facility; `orgUnit`: from the org unit's totals, so the
     * min–max counts are not known (and facilities stocked out only from the flag)
     */
    scope: StockScope
    /**
     * The stocked-out counts are of monthly reports over a quarter (the flag summed), each facility
     * counted once per month it reported, not of facilities
     */
    stockedOutOfReports: boolean
    /**
     * The stock status is of a drilled org unit below the trend's: losses, receipts, reports on
     * time and consumption per case come from the trend, which is of another org unit, so they are
     * not given (`null`), nor the facilities stocked out from the trend's counts
     */
    drilled: boolean
}

const pointAt = (series: SeriesData | null | undefined, period: string) =>
    series?.points.find((p) => p.period === period) ?? null

/** The stock status and the period's figures of one pair. */
export const pairStockFigures = ({
    pair,
    trend,
    table,
    items,
    grain,
    period,
    scope = 'facilities',
    ou,
    trendOu,
}: {
    pair: Pair
    trend: PairTrend
    table: AnalyticsTable | null
    items: ReadonlyMap<string, ItemInfo>
    grain: Grain
    period: string
    /** How `table` was asked (`stockStatusScope`) */
    scope?: StockScope
    /** The org unit of the stock status (`table`); the same as the trend's when omitted */
    ou?: string
    /** The org unit of `trend`, whose stocked-out counts are of it only */
    trendOu?: string
}): PairStockFigures => {
    const hasStock =
        idsOf(pair.lmis.stockOnHand).length > 0 || idsOf(pair.lmis.stockoutDays).length > 0
    const computed =
        table && hasStock
            ? summarizeStockStatus(
                  stockFacilities(table).map((f) =>
                      facilityStock(pair, table, items, grain, period, f)
                  ),
                  pairBands(pair)
              )
            : null
    // With a stocked-out flag the server counts the facilities stocked out (flag summed) among
    // those that reported (LMIS reports received): no stockout days per facility are asked. Those
    // counts are of the trend's org unit: a drilled org unit below it counts its own facilities
    // (their flags read one by one), or, from its totals, does not count them
    const sameOrgUnit = ou === undefined || trendOu === undefined || ou === trendOu
    const counts = hasFlag(pair, items) && sameOrgUnit ? trend.stockoutCounts[period] : undefined
    // From the org unit's totals: one "facility" holding every facility's stock and AMC, so
    // months of stock and AMC are right, but no facility was counted
    const totals =
        computed && scope === 'orgUnit'
            ? {
                  ...computed,
                  under: 0,
                  within: 0,
                  over: 0,
                  unknown: 0,
                  stockedOut: 0,
                  reporting: 0,
                  stockedOutPercent: null,
              }
            : computed
    const summary =
        totals && counts
            ? {
                  ...totals,
                  stockedOut: counts.stockedOut,
                  reporting: counts.reporting,
                  stockedOutPercent: stockoutRate(counts),
              }
            : totals
    // The trend's figures of the period, when the trend is of the stock status' org unit
    const of = (series: SeriesData | null | undefined) =>
        sameOrgUnit ? pointAt(series, period) : null
    const consumption = of(trend.consumption)?.value ?? null
    const cases = of(trend.hmis[0])?.value ?? null
    const value = consumptionPerCase(pair, consumption, cases)
    const [low, high] = pair.thresholds?.ratioBand ?? [
        pair.ratio?.expectedLow,
        pair.ratio?.expectedHigh,
    ]
    return {
        period,
        summary,
        losses: of(trend.losses)?.value ?? null,
        received: of(trend.received)?.value ?? null,
        lossesEstimated: of(trend.losses)?.estimated ?? false,
        receivedEstimated: of(trend.received)?.estimated ?? false,
        hmisOnTime: of(trend.hmisOnTime)?.value ?? null,
        lmisOnTime: of(trend.lmisOnTime)?.value ?? null,
        ratio:
            pair.ratio && sameOrgUnit
                ? { value, status: ratioStatus(pair, value), low, high }
                : null,
        scope,
        stockedOutOfReports: Boolean(summary && counts?.monthlyReports),
        drilled: !sameOrgUnit,
    }
}

/**
 * The period the figures are about: the latest one of the view whose LMIS reports are all in
 * for every pair (`lmisStatus`) and that has consumption or stock data; `null` if none.
 */
export const stockStatusPeriod = (
    trends: readonly PairTrend[],
    display: readonly string[]
): string | null => {
    for (let i = display.length - 1; i >= 0; i -= 1) {
        const period = display[i] as string
        const complete = trends.every(
            (t) => !t.lmisStatus.find((s) => s.period === period)?.incomplete
        )
        const hasData = trends.some((t) =>
            [t.consumption, t.stockoutDays, t.stockOnHand].some(
                (s) => (pointAt(s, period)?.value ?? null) !== null
            )
        )
        if (complete && hasData) return period
    }
    return null
}
