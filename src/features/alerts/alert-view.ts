/**
 * What an alert shows and where it leads: its names for `describeAlert`, and the view state that
 * opens the triangulation view drilled to the alert's period across the children of its org
 * unit's parent, with the org unit highlighted. Pure functions, no React.
 */
import i18n from '@dhis2/d2-i18n'
import type { AlertNames } from '../../domain/alerts'
import type { Tier } from '../../domain/alerts/tiers'
import type { Config, Pair } from '../../domain/config'
import {
    addMonths,
    addQuarters,
    periodsEndingWith,
    quarterOfMonth,
    seriesPeriodTypeOf,
} from '../../domain/periods'
import { DEFAULT_PERIOD, type ViewState } from '../../shared/navigation'
import type { ScanAlert } from './scan-alerts'
import type { ScanData, ScanOrgUnit } from './scan-data'

/** The word of a tier */
export const tierLabel = (tier: Tier): string =>
    tier === 'extreme' ? i18n.t('Extreme') : i18n.t('Outlier')

/** Pair id → program area id */
export const areaOfPairs = (config: Config): Map<string, string> =>
    new Map(config.programAreas.flatMap((area) => area.pairs.map((pair) => [pair.id, area.id])))

/** Pair id → pair */
export const pairsById = (config: Config): Map<string, Pair> =>
    new Map(config.programAreas.flatMap((area) => area.pairs.map((pair) => [pair.id, pair])))

/** Org unit id → org unit, over every scanned level */
export const orgUnitsById = (scan: ScanData): Map<string, ScanOrgUnit> =>
    new Map(scan.levels.flatMap((level) => level.orgUnits.map((unit) => [unit.id, unit])))

/** The service (HMIS side) of a pair as named in the mapping, else by the server */
export const serviceName = (pair: Pair, itemNames: Readonly<Record<string, string>>): string => {
    const item = pair.hmis.items[0]
    return item ? (item.name ?? itemNames[item.id] ?? pair.name) : pair.name
}

/**
 * The pair an entry is listed under, as its header names it: its own pair, and how many others its
 * findings concern (a report or an HMIS series they share), since it is listed under its own only
 */
export const entryPairName = (
    entry: { pairId: string; pairIds: readonly string[] },
    pair: Pick<Pair, 'name'> | undefined
): string => {
    const name = pair?.name ?? entry.pairId
    const others = new Set(entry.pairIds.filter((id) => id !== entry.pairId)).size
    return others > 0
        ? i18n.t('{{pair}} and {{number}} other pairs', {
              pair: name,
              number: String(others),
              interpolation: { escapeValue: false },
          })
        : name
}

/**
 * The names `describeAlert` needs; `periodName` formats a period for the user's language. An alert
 * shared by pairs (their reports, their HMIS series) names its first pair and how many others.
 */
export const alertNames = (
    { alert, pairIds }: Pick<ScanAlert, 'alert'> & { pairIds: readonly string[] },
    pair: Pair | undefined,
    orgUnit: ScanOrgUnit | undefined,
    itemNames: Readonly<Record<string, string>>,
    periodName: (id: string) => string
): AlertNames => ({
    pair:
        pairIds.length > 1
            ? i18n.t('{{pair}} and {{number}} other pairs', {
                  pair: pair?.name ?? alert.pairId,
                  number: String(pairIds.length - 1),
                  interpolation: { escapeValue: false },
              })
            : (pair?.name ?? alert.pairId),
    commodity: pair?.commodity.name ?? alert.pairId,
    service: pair ? serviceName(pair, itemNames) : alert.pairId,
    orgUnit: orgUnit?.name ?? alert.orgUnitId,
    period: periodName(alert.period),
})

/**
 * A period selection of the view containing `period` (a month or a quarter): the last 12 months,
 * or the last 4 quarters, when it is one of them (`lastMonth`: the last complete month), else its
 * calendar year.
 */
export const selectionContaining = (period: string, lastMonth: string): string => {
    if (seriesPeriodTypeOf(period) === 'QUARTERLY') {
        const current = quarterOfMonth(addMonths(lastMonth, 1))
        return periodsEndingWith(addQuarters(current, -1), 4).includes(period)
            ? 'LAST_4_QUARTERS'
            : period.slice(0, 4)
    }
    return periodsEndingWith(lastMonth, 12).includes(period) ? DEFAULT_PERIOD : period.slice(0, 4)
}

/**
 * The view state that shows an org unit in a period: the view drilled to the period across the
 * children of the org unit's parent (`drill.path`: the ancestors below the data-view root, parent
 * last), the org unit highlighted; a data-view root itself opens its trend. Months open the
 * monthly view, quarters the quarterly one.
 */
export const orgUnitViewState = ({
    orgUnitId,
    ancestors,
    period,
    areaId,
    pairId,
    roots,
    lastMonth,
}: {
    orgUnitId: string
    /** Ancestor ids from the data-view root down to the parent */
    ancestors: readonly string[]
    period: string
    areaId: string | undefined
    pairId: string | undefined
    /** The user's data-view roots */
    roots: readonly string[]
    /** The last complete month (the end of the view's relative periods) */
    lastMonth: string
}): ViewState => {
    const quarterly = seriesPeriodTypeOf(period) === 'QUARTERLY'
    const base: ViewState = {
        page: 'view',
        area: areaId,
        pair: pairId,
        pe: selectionContaining(period, lastMonth),
        grain: quarterly ? 'quarterly' : 'monthly',
    }
    if (roots.includes(orgUnitId) || ancestors.length === 0) return { ...base, ou: orgUnitId }
    const rootIndex = ancestors.findIndex((id) => roots.includes(id))
    const root = ancestors[Math.max(0, rootIndex)] as string
    return {
        ...base,
        ou: root,
        drill: { period, path: ancestors.slice(Math.max(0, rootIndex) + 1) },
        highlight: orgUnitId,
    }
}

/** The view state an alert opens: its pair, drilled to its period, its org unit highlighted. */
export const alertViewState = ({
    scanAlert,
    areaId,
    orgUnit,
    roots,
    lastMonth,
}: {
    scanAlert: Pick<ScanAlert, 'alert'>
    /** The program area of the alert's pair */
    areaId: string | undefined
    orgUnit: Pick<ScanOrgUnit, 'id' | 'ancestors'> | undefined
    roots: readonly string[]
    lastMonth: string
}): ViewState =>
    orgUnitViewState({
        orgUnitId: scanAlert.alert.orgUnitId,
        ancestors: orgUnit?.ancestors ?? [],
        period: scanAlert.alert.period,
        areaId,
        pairId: scanAlert.alert.pairId,
        roots,
        lastMonth,
    })
