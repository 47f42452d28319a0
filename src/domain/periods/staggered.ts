/**
 * Staggered quarterly reporting (e.g. Tanzania's R&R groups A, B, C): each group's report stored
 * in a DHIS2 calendar quarter really covers three months shifted from that quarter by the group's
 * `monthOffset` (A 0: Jan–Mar in Q1; B +1: Feb–Apr; C −1: Dec–Feb). Spreading every report over
 * the calendar quarter puts B's and C's consumption a month off the cases they served.
 *
 * Aligned here: each group's report ÷ 3 is placed on the three months it covers, then the groups
 * are summed. A month (or a quarter: its three months) needs a value of every group that reports
 * at all; when one group's report covering it is not there, the period has no value (`partial`)
 * rather than a lower one. Values are estimates (a quarter ÷ 3 per month, or a quarter rebuilt
 * from two shifted reports), reason `GROUP_WINDOWS`.
 */
import type { AlignedPoint, Grain } from './align-series'
import { addMonths, monthsOfQuarter, quarterOfMonth } from './calendar-periods'

export interface GroupValues {
    /** Months from the calendar quarter to the window the group's report covers */
    monthOffset: number
    /** The group's values by calendar quarter (`2026Q3`) */
    values: Readonly<Record<string, number | null | undefined>>
}

/** The months a group's report stored in `quarter` covers. */
export const groupWindow = (quarter: string, monthOffset: number): string[] =>
    monthsOfQuarter(quarter).map((month) => addMonths(month, monthOffset))

/** The quarter whose report of a group with `monthOffset` covers `month`. */
export const reportQuarterOf = (month: string, monthOffset: number): string =>
    quarterOfMonth(addMonths(month, -monthOffset))

/**
 * The quarters to ask for so that every display period can be rebuilt: the view's quarters and
 * one on each side (a shifted window reaches into the neighbouring quarter).
 */
export const staggeredRequestQuarters = (quarters: readonly string[]): string[] => {
    if (quarters.length === 0) return []
    const first = quarters[0] as string
    const last = quarters[quarters.length - 1] as string
    const before = quarterOfMonth(addMonths(monthsOfQuarter(first)[0], -1))
    const after = quarterOfMonth(addMonths(monthsOfQuarter(last)[2], 1))
    return [...new Set([before, ...quarters, after])]
}

const isNumber = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value)

/** The groups' quarterly flows aligned to the view's months or quarters (see the file comment). */
export const alignStaggered = ({
    grain,
    periods,
    groups,
}: {
    grain: Grain
    periods: readonly string[]
    groups: readonly GroupValues[]
}): AlignedPoint[] => {
    // A group without any value does not report here (no facility of it under the org unit)
    const reporting = groups.filter((group) => Object.values(group.values).some(isNumber))
    return periods.map((period): AlignedPoint => {
        const months = grain === 'monthly' ? [period] : [...monthsOfQuarter(period)]
        let total = 0
        const sources = new Set<string>()
        const missing = new Set<string>()
        for (const group of reporting) {
            for (const month of months) {
                const quarter = reportQuarterOf(month, group.monthOffset)
                const value = group.values[quarter]
                if (isNumber(value)) {
                    total += value / 3
                    sources.add(quarter)
                } else {
                    missing.add(quarter)
                }
            }
        }
        const complete = reporting.length > 0 && missing.size === 0
        return {
            period,
            value: complete ? total : null,
            estimated: complete,
            partial: !complete && sources.size > 0,
            sourcePeriods: [...sources].sort(),
            missingPeriods: [...missing].sort(),
            reason: complete || sources.size > 0 ? 'GROUP_WINDOWS' : null,
        }
    })
}
