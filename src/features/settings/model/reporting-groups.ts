/**
 * The staggered reporting groups of a pair in the editor: the months each group's quarterly
 * report covers, named in the user's language and the instance's calendar ("February–April"),
 * and the groups of a chosen group set in the draft.
 *
 * A group's `monthOffset` shifts the three months of the calendar quarter its report is stored in
 * (`src/domain/periods/staggered.ts`): 0 = the calendar quarter, +1 = one month later (the report
 * stored in Q1 covers the 2nd to 4th months), −1 = one month earlier (the last month of the year
 * before and the first two).
 */
import { MAX_MONTH_OFFSET } from '../../../domain/config'
import { groupWindow, periodName, type CalendarOptions } from '../../../domain/periods'
import type { GroupRef } from '../api/metadata'
import type { DraftReportingGroups } from './draft'

/** The offsets a group may have, in order: −2 … +2 */
export const MONTH_OFFSETS: readonly number[] = Array.from(
    { length: 2 * MAX_MONTH_OFFSET + 1 },
    (_, i) => i - MAX_MONTH_OFFSET
)

/** A month's name without its year (`February 2025` → `February`; `Tir 2015` → `Tir`). */
const withoutYear = (name: string): string => name.replace(/\s*[,.]?\s*\d{3,4}\s*$/u, '').trim()

/**
 * The months a report stored in the first quarter of `year` covers with `monthOffset`, e.g.
 * `February–April` (+1), `December–February` (−1), named in the calendar and locale of `options`.
 */
export const windowLabel = (
    monthOffset: number,
    year: number,
    options?: CalendarOptions
): string => {
    const months = groupWindow(`${year}Q1`, monthOffset)
    const first = withoutYear(periodName(months[0] as string, options))
    const last = withoutYear(periodName(months[months.length - 1] as string, options))
    return `${first}–${last}`
}

/** The offset of a draft group as a number, when it is one of `MONTH_OFFSETS`. */
export const offsetOf = (text: string): number | null => {
    const trimmed = text.trim()
    if (!/^[+-]?\d+$/.test(trimmed)) return null
    const value = Number(trimmed)
    return MONTH_OFFSETS.includes(value) ? value : null
}

/** The draft's groups after one group's window is set (`null`: the group has none, e.g. monthly). */
export const setGroupOffset = (
    reporting: DraftReportingGroups,
    groupId: string,
    monthOffset: number | null
): DraftReportingGroups => {
    const index = reporting.groups.findIndex((group) => group.id === groupId)
    if (monthOffset === null) {
        return { ...reporting, groups: reporting.groups.filter((group) => group.id !== groupId) }
    }
    const groups = [...reporting.groups]
    if (index >= 0) {
        groups[index] = {
            ...(groups[index] as (typeof groups)[number]),
            monthOffset: String(monthOffset),
        }
    } else {
        groups.push({ id: groupId, monthOffset: String(monthOffset) })
    }
    return { ...reporting, groups }
}

/**
 * The rows the editor shows: every group of the set (in the server's order) with its window if
 * it has one, then the draft's groups the set does not have (shown so they can be removed).
 */
export const groupRows = (
    reporting: DraftReportingGroups,
    setGroups: readonly GroupRef[] | undefined
): { id: string; name: string; monthOffset: string | null; inSet: boolean }[] => {
    const offsets = new Map(reporting.groups.map((group) => [group.id, group.monthOffset]))
    const known = setGroups ?? []
    return [
        ...known.map((group) => ({
            id: group.id,
            name: group.name,
            monthOffset: offsets.get(group.id) ?? null,
            inSet: true,
        })),
        ...reporting.groups
            .filter((group) => !known.some((g) => g.id === group.id))
            .map((group) => ({
                id: group.id,
                name: group.id,
                monthOffset: group.monthOffset,
                inSet: setGroups === undefined,
            })),
    ]
}
