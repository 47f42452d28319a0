/**
 * The Data quality page's tables from a scan (`src/features/alerts/scan-data.ts`): completeness of
 * the HMIS and LMIS reports of the pairs by org unit, and master-list gaps (org units with data in
 * one system and none in the other). Pure functions, no React.
 *
 * A period is one month of the scan's tested months, or all of them (`null`). Completeness is
 * reports received over reports expected, summed over the system's data sets: a monthly data set
 * counts in its months, a quarterly one for the quarters ending in the period (a quarter not over
 * yet is not due).
 */
import { idsOf, type Pair } from '../../domain/config'
import { reportingRate } from '../../domain/indicators'
import { monthsOfQuarter, quarterOfMonth } from '../../domain/periods'
import { dataSetIndex, reportedInMonth } from '../alerts/scan-alerts'
import type { LevelScanData, ScanData, ScanOrgUnit } from '../alerts/scan-data'

export type SystemId = 'hmis' | 'lmis'

export interface SystemCompleteness {
    actual: number
    expected: number
    /** Percent; `null` when no report was expected */
    rate: number | null
}

export interface CompletenessRow {
    orgUnit: ScanOrgUnit
    hmis: SystemCompleteness
    lmis: SystemCompleteness
}

export type GapType = 'lmisWithoutHmis' | 'hmisWithoutLmis'

export interface GapRow {
    orgUnit: ScanOrgUnit
    type: GapType
    /** Months of the period with HMIS values or reports */
    hmisMonths: number
    /** Months of the period with LMIS values or reports */
    lmisMonths: number
    /** The pairs with values in the system that has them */
    pairIds: string[]
}

/** The tested months of a scan, oldest first */
export const testedMonths = (scan: Pick<ScanData, 'window'>): string[] =>
    scan.window.months.slice(-scan.window.testMonths)

/** The months a period covers: one tested month, or all of them */
export const periodMonths = (scan: Pick<ScanData, 'window'>, period: string | null): string[] =>
    period === null ? testedMonths(scan) : testedMonths(scan).filter((month) => month === period)

/** The known data sets of each system over the pairs */
export const systemDataSets = (
    scan: Pick<ScanData, 'dataSets'>,
    pairs: readonly Pair[]
): Record<SystemId, string[]> => {
    const known = new Set(scan.dataSets.map((ds) => ds.id))
    const of = (system: SystemId) =>
        [
            ...new Set(
                pairs.flatMap((pair) =>
                    idsOf(system === 'hmis' ? pair.hmis.dataSet : pair.lmis.dataSet)
                )
            ),
        ].filter((id) => known.has(id))
    return { hmis: of('hmis'), lmis: of('lmis') }
}

/** Reports received and expected at one org unit over the months, for some data sets */
export const reportsOver = (
    scan: Pick<ScanData, 'window' | 'dataSets'>,
    reports: LevelScanData['reports'][string] | undefined,
    dataSetIds: readonly string[],
    months: readonly string[]
): SystemCompleteness => {
    const { window } = scan
    const last = window.months[window.months.length - 1] ?? ''
    const monthIndex = new Map(window.months.map((m, i) => [m, i]))
    const quarterIndex = new Map(window.quarters.map((q, i) => [q, i]))
    const quarters = [...new Set(months.map(quarterOfMonth))].filter(
        (q) => monthsOfQuarter(q)[2] <= last && months.includes(monthsOfQuarter(q)[2])
    )
    let actual = 0
    let expected = 0
    for (const id of dataSetIds) {
        const counts = reports?.[id]
        if (!counts) continue
        const quarterly = scan.dataSets.find((ds) => ds.id === id)?.periodType === 'QUARTERLY'
        const indexes = quarterly
            ? quarters.map((q) => quarterIndex.get(q) ?? -1)
            : months.map((m) => monthIndex.get(m) ?? -1)
        for (const index of indexes) {
            actual += counts.actual[index] ?? 0
            expected += counts.expected[index] ?? 0
        }
    }
    const rate = reportingRate({ actual, expected })
    return { actual, expected, rate: rate === null ? null : Math.round(rate * 10) / 10 }
}

/** Completeness of both systems by org unit of a level, for a period. */
export const completenessRows = (
    scan: ScanData,
    level: number,
    pairs: readonly Pair[],
    period: string | null
): CompletenessRow[] => {
    const data = scan.levels.find((l) => l.level === level)
    if (!data) return []
    const months = periodMonths(scan, period)
    const systems = systemDataSets(scan, pairs)
    return data.orgUnits.map((orgUnit) => ({
        orgUnit,
        hmis: reportsOver(scan, data.reports[orgUnit.id], systems.hmis, months),
        lmis: reportsOver(scan, data.reports[orgUnit.id], systems.lmis, months),
    }))
}

/**
 * Org units with data in one system and none in the other over the period: HMIS (or LMIS) values
 * of any pair, or reports of the system's data sets, in some months of the period and none of the
 * other system's. Org units with neither are not gaps.
 */
export const masterListGaps = (
    scan: ScanData,
    level: number,
    pairs: readonly Pair[],
    period: string | null
): GapRow[] => {
    const data = scan.levels.find((l) => l.level === level)
    if (!data) return []
    const pairIds = new Set(pairs.map((pair) => pair.id))
    const months = periodMonths(scan, period)
    const indexes = months.map((m) => scan.window.months.indexOf(m)).filter((i) => i >= 0)
    const systems = systemDataSets(scan, pairs)
    const known = dataSetIndex(scan)
    const seriesByUnit = new Map<string, LevelScanData['series']>()
    for (const series of data.series) {
        if (!pairIds.has(series.pairId)) continue
        const list = seriesByUnit.get(series.orgUnitId) ?? []
        list.push(series)
        seriesByUnit.set(series.orgUnitId, list)
    }
    const rows: GapRow[] = []
    for (const orgUnit of data.orgUnits) {
        const list = seriesByUnit.get(orgUnit.id) ?? []
        const reports = data.reports[orgUnit.id]
        const monthsWith = (system: SystemId): number =>
            indexes.filter(
                (i) =>
                    list.some((s) => (system === 'hmis' ? s.hmisValues[i] : s.lmisValues[i])) ||
                    reportedInMonth(scan, reports, systems[system], known, i)
            ).length
        const hmisMonths = monthsWith('hmis')
        const lmisMonths = monthsWith('lmis')
        if (hmisMonths > 0 === lmisMonths > 0) continue
        const type: GapType = hmisMonths > 0 ? 'hmisWithoutLmis' : 'lmisWithoutHmis'
        rows.push({
            orgUnit,
            type,
            hmisMonths,
            lmisMonths,
            pairIds: list
                .filter((s) =>
                    indexes.some((i) =>
                        type === 'hmisWithoutLmis' ? s.hmisValues[i] : s.lmisValues[i]
                    )
                )
                .map((s) => s.pairId),
        })
    }
    return rows
}

export type SortColumn = 'name' | 'hmis' | 'lmis'
export type SortDirection = 'asc' | 'desc'

/** Rows sorted by a column; org units without a rate last whatever the direction, then by name. */
export const sortCompleteness = (
    rows: readonly CompletenessRow[],
    column: SortColumn,
    direction: SortDirection,
    locale = 'en'
): CompletenessRow[] => {
    const byName = (a: CompletenessRow, b: CompletenessRow) =>
        a.orgUnit.name.localeCompare(b.orgUnit.name, locale)
    const sign = direction === 'asc' ? 1 : -1
    return [...rows].sort((a, b) => {
        if (column === 'name') return sign * byName(a, b)
        const x = a[column].rate
        const y = b[column].rate
        if (x === null || y === null) {
            return x === y ? byName(a, b) : x === null ? 1 : -1
        }
        return x !== y ? sign * (x - y) : byName(a, b)
    })
}

/** Whether a rate is flagged as low */
export const isLow = (rate: number | null, threshold: number): boolean =>
    rate !== null && rate < threshold
