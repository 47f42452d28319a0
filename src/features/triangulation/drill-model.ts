import type { AnalyticsTable } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import {
    monthsOfQuarter,
    quarterOfMonth,
    seriesPeriodTypeOf,
    type Grain,
} from '../../domain/periods'
import { buildPairTrend, type DataSetInfo, type ItemInfo, type TrendLabels } from './pair-model'
import type { ViewPeriods } from './view-periods'

/** The periods needed to show one month or one quarter (its quarter, or its months, come along). */
export const singlePeriod = (period: string): ViewPeriods => {
    const grain: Grain = seriesPeriodTypeOf(period) === 'QUARTERLY' ? 'quarterly' : 'monthly'
    if (grain === 'monthly') {
        const quarter = quarterOfMonth(period)
        return {
            grain,
            display: [period],
            request: [period, quarter],
            months: [period],
            quarters: [quarter],
        }
    }
    const months = [...monthsOfQuarter(period)]
    return { grain, display: [period], request: [...months, period], months, quarters: [period] }
}

export interface ChildValue {
    id: string
    name: string
    value: number | null
    estimated: boolean
}

export interface PairDrill {
    /** The first HMIS item across the children */
    hmis: ChildValue[]
    hmisName: string
    consumption: ChildValue[]
    stockoutDays: ChildValue[]
    hmisCompleteness: ChildValue[]
    lmisCompleteness: ChildValue[]
}

/** One period across the children of an org unit, for each measure of a pair. */
export const buildPairDrill = ({
    pair,
    table,
    items,
    dataSets,
    period,
    children,
    labels,
}: {
    pair: Pair
    table: AnalyticsTable
    items: ReadonlyMap<string, ItemInfo>
    dataSets: ReadonlyMap<string, DataSetInfo>
    period: string
    children: readonly { id: string; name: string }[]
    labels: TrendLabels
}): PairDrill => {
    const periods = singlePeriod(period)
    const perChild = children.map((child) => ({
        child,
        trend: buildPairTrend({ pair, table, items, dataSets, periods, ou: child.id, labels }),
    }))
    const pick = (
        select: (
            trend: (typeof perChild)[number]['trend']
        ) => { points: { value: number | null; estimated: boolean }[] } | null | undefined
    ): ChildValue[] =>
        perChild.map(({ child, trend }) => {
            const point = select(trend)?.points[0]
            return {
                id: child.id,
                name: child.name,
                value: point?.value ?? null,
                estimated: point?.estimated ?? false,
            }
        })
    return {
        hmis: pick((trend) => trend.hmis[0]),
        hmisName: perChild[0]?.trend.hmis[0]?.name ?? '',
        consumption: pick((trend) => trend.consumption),
        stockoutDays: pick((trend) => trend.stockoutDays),
        hmisCompleteness: pick((trend) => trend.hmisCompleteness),
        lmisCompleteness: pick((trend) => trend.lmisCompleteness),
    }
}

/**
 * Whether an org unit has a level below to drill into: not at the deepest level of the hierarchy
 * (facilities) and not without children. `undefined` while the org unit or the levels are not
 * known yet. DHIS2 answers a request for the level below a facility with E7124 (no org units at
 * that level), so the app never asks for it.
 */
export const hasLevelBelow = (
    unit: { level: number; children?: readonly unknown[] } | undefined,
    maxLevel: number | undefined
): boolean | undefined => {
    if (!unit || maxLevel === undefined) return undefined
    if (unit.level >= maxLevel) return false
    return unit.children === undefined || unit.children.length > 0
}

/** What clicking a period of the trend does: drill to the org units below, or show that period. */
export type PeriodClick = { type: 'drill'; period: string } | { type: 'select'; index: number }

export const periodClick = (
    periods: readonly { id: string }[],
    index: number,
    canDrill: boolean | undefined
): PeriodClick | null => {
    const period = periods[index]
    if (!period) return null
    // While not known, a drill is asked for: the view ignores it if there is no level below
    return canDrill === false ? { type: 'select', index } : { type: 'drill', period: period.id }
}

/**
 * The drill-down a view can show: none at an org unit without a level below (a shared link or the
 * browser's history may still name one), and none below the deepest level.
 */
export const possibleDrill = <D>(
    drill: D | undefined,
    trendUnit: { level: number; children?: readonly unknown[] } | undefined,
    maxLevel: number | undefined
): D | undefined => (drill && hasLevelBelow(trendUnit, maxLevel) === false ? undefined : drill)
