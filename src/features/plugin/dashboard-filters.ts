/**
 * The dashboard's filters, as this item can honour them.
 *
 * What the dashboard passes (dashboard-app `itemFilters`, as plugin prop `dashboardItemFilters` or,
 * for iframe items, `userOrgUnit`/`period` in the URL): `ou` items `{ id, path, name }` for org units,
 * the keywords `USER_ORGUNIT`, `USER_ORGUNIT_CHILDREN`, `USER_ORGUNIT_GRANDCHILDREN`, `LEVEL-<uid>`,
 * `OU_GROUP-<uid>`, several at once; `pe` items: any fixed period of any period type or any relative
 * period.
 *
 * The item's view shows one org unit's trend (with drill-down) over a relative period or a year, by
 * month or quarter. So:
 * - one org unit → shown; `USER_ORGUNIT` → the viewer's data capture org unit, as DHIS2 analytics
 *   resolves it (`DefaultDataQueryService.getUserOrgUnits`, type DATA_CAPTURE), when they have one;
 * - one period the view knows (its relative periods, a year) → shown; `MONTHS_THIS_YEAR`,
 *   `QUARTERS_THIS_YEAR`, `MONTHS_LAST_YEAR`, `QUARTERS_LAST_YEAR` → the same months/quarters;
 * - anything else (several org units, sub-units, levels, groups, weekly/daily/financial periods, a
 *   single month, several periods) cannot be shown by this view: it is listed in `ignored`, the item
 *   keeps its own org unit/period and says so in words (never an empty item).
 */
import i18n from '@dhis2/d2-i18n'
import { isRelativePeriod, isYearSelection, relativePeriodLabel } from '../../domain/periods'
import type { Grain } from '../../shared/navigation'

export interface FilterItem {
    id: string
    path?: string
    name?: string
}

export interface IgnoredFilter {
    dimension: 'ou' | 'pe'
    items: FilterItem[]
}

export interface ResolvedFilters {
    /** The org unit to show, when the filter gives one */
    ou?: string
    /** The period selection to show, when the filter gives one the view knows */
    pe?: string
    /** The grain a period filter implies (MONTHS_THIS_YEAR → monthly, QUARTERS_… → quarterly) */
    grain?: Grain
    /** Filters the item cannot apply (said in words) */
    ignored: IgnoredFilter[]
}

const SAME_AS: Record<string, { pe: string; grain: Grain }> = {
    MONTHS_THIS_YEAR: { pe: 'THIS_YEAR', grain: 'monthly' },
    QUARTERS_THIS_YEAR: { pe: 'THIS_YEAR', grain: 'quarterly' },
    MONTHS_LAST_YEAR: { pe: 'LAST_YEAR', grain: 'monthly' },
    QUARTERS_LAST_YEAR: { pe: 'LAST_YEAR', grain: 'quarterly' },
}

const KEYWORDS = ['USER_ORGUNIT', 'USER_ORGUNIT_CHILDREN', 'USER_ORGUNIT_GRANDCHILDREN']
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/

const orgUnitIdOf = (item: FilterItem): string | null => {
    const last = item.path?.split('/').filter(Boolean).pop()
    const id = last ?? item.id
    return UID.test(id) ? id : null
}

export const resolveFilters = (
    filters: { ou?: FilterItem[]; pe?: FilterItem[] } | undefined,
    /** The viewer's data capture org units (`me.organisationUnits`) */
    userOrgUnits: readonly string[]
): ResolvedFilters => {
    const out: ResolvedFilters = { ignored: [] }
    const ou = filters?.ou ?? []
    if (ou.length === 1) {
        const [item] = ou as [FilterItem]
        const id = orgUnitIdOf(item)
        if (id) out.ou = id
        else if (item.id === 'USER_ORGUNIT' && userOrgUnits.length === 1) out.ou = userOrgUnits[0]
        else out.ignored.push({ dimension: 'ou', items: ou })
    } else if (ou.length > 1) {
        out.ignored.push({ dimension: 'ou', items: ou })
    }
    const pe = filters?.pe ?? []
    if (pe.length === 1) {
        const [{ id }] = pe as [FilterItem]
        const same = SAME_AS[id]
        if (same) Object.assign(out, same)
        else if (isRelativePeriod(id) || isYearSelection(id)) out.pe = id
        else out.ignored.push({ dimension: 'pe', items: pe })
    } else if (pe.length > 1) {
        out.ignored.push({ dimension: 'pe', items: pe })
    }
    return out
}

/** Org unit levels and groups by uid, to name `LEVEL-<uid>` and `OU_GROUP-<uid>` items */
export interface FilterNames {
    levels: Record<string, string>
    groups: Record<string, string>
}

/** The uids of levels and groups a filter names (to look their names up). */
export const namedObjectIds = (
    ignored: IgnoredFilter[]
): { levels: string[]; groups: string[] } => {
    const levels: string[] = []
    const groups: string[] = []
    for (const f of ignored) {
        if (f.dimension !== 'ou') continue
        for (const item of f.items) {
            if (item.name) continue
            if (item.id.startsWith('LEVEL-')) levels.push(item.id.slice(6))
            if (item.id.startsWith('OU_GROUP-')) groups.push(item.id.slice(9))
        }
    }
    return { levels, groups }
}

/** A filter item in words, as DHIS2 names it. */
export const filterItemLabel = (item: FilterItem, names?: FilterNames): string => {
    if (item.name) return item.name
    const { id } = item
    if (id === KEYWORDS[0]) return i18n.t('User org unit')
    if (id === KEYWORDS[1]) return i18n.t('User sub-units')
    if (id === KEYWORDS[2]) return i18n.t('User sub-x2-units')
    if (id.startsWith('LEVEL-')) {
        const name = names?.levels[id.slice(6)]
        return name ? i18n.t('Level “{{name}}”', { name }) : i18n.t('A level of org units')
    }
    if (id.startsWith('OU_GROUP-')) {
        const name = names?.groups[id.slice(9)]
        return name ? i18n.t('Org unit group “{{name}}”', { name }) : i18n.t('A group of org units')
    }
    if (isRelativePeriod(id)) return relativePeriodLabel(id)
    return id
}

/** Why an ignored filter is not applied, in words. */
export const ignoredFilterText = (filter: IgnoredFilter, names?: FilterNames): string => {
    const what = filter.items.map((item) => filterItemLabel(item, names)).join(', ')
    return filter.dimension === 'ou'
        ? i18n.t(
              'The dashboard filter “{{what}}” is not applied – this item shows one org unit at a time, and shows its own org unit.',
              { what }
          )
        : i18n.t(
              'The dashboard filter “{{what}}” is not applied – this item shows a relative period or a whole year, by month or quarter, and shows its own period.',
              { what }
          )
}
