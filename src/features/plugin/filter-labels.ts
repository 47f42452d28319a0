/**
 * Dashboard filter items in words, and the names to look up for them: what the view needs of the
 * dashboard's filters when the app opens on a combined selection (`ous`), apart from the rest of
 * `dashboard-filters.ts` (which only the dashboard item uses), to keep the first view small.
 */
import i18n from '@dhis2/d2-i18n'
import { isRelativePeriod, relativePeriodLabel } from '../../domain/periods'

export interface FilterItem {
    id: string
    path?: string
    name?: string
}

export const KEYWORDS = ['USER_ORGUNIT', 'USER_ORGUNIT_CHILDREN', 'USER_ORGUNIT_GRANDCHILDREN']
export const UID = /^[A-Za-z][A-Za-z0-9]{10}$/

/**
 * Org unit levels, groups (and org units) by uid, to name `LEVEL-<uid>`, `OU_GROUP-<uid>` (and
 * org unit id) items
 */
export interface FilterNames {
    levels: Record<string, string>
    groups: Record<string, string>
    orgUnits?: Record<string, string>
}

/** The uids of levels, groups and org units a filter names without a name (to look them up). */
export const namedObjectIds = (
    items: readonly FilterItem[]
): { levels: string[]; groups: string[]; orgUnits: string[] } => {
    const levels: string[] = []
    const groups: string[] = []
    const orgUnits: string[] = []
    for (const item of items) {
        if (item.name) continue
        if (item.id.startsWith('LEVEL-')) levels.push(item.id.slice(6))
        else if (item.id.startsWith('OU_GROUP-')) groups.push(item.id.slice(9))
        else if (UID.test(item.id)) orgUnits.push(item.id)
    }
    return { levels, groups, orgUnits }
}

/** A combined selection's `ou` items in words (the app opened from a combined dashboard item). */
export const orgUnitItemsLabel = (items: readonly string[], names?: FilterNames): string =>
    items.map((id) => filterItemLabel({ id }, names)).join(', ')

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
    return names?.orgUnits?.[id] ?? id
}
