/**
 * The dashboard's filters, as this item honours them.
 *
 * What the dashboard passes (dashboard-app `itemFilters`, as plugin prop `dashboardItemFilters` or,
 * for iframe items, `userOrgUnit`/`period` in the URL): `ou` items `{ id, path, name }` for org units,
 * the keywords `USER_ORGUNIT`, `USER_ORGUNIT_CHILDREN`, `USER_ORGUNIT_GRANDCHILDREN`, `LEVEL-<uid>`,
 * `OU_GROUP-<uid>`, several at once (dhis2/analytics `OrgUnitDimension`, `ouIdHelper`); `pe` items:
 * any fixed period of any period type or any relative period.
 *
 * - One org unit → the item's full view (trend and drill-down); `USER_ORGUNIT` → the viewer's data
 *   capture org unit, as DHIS2 analytics resolves it (`DefaultDataQueryService.getUserOrgUnits`),
 *   when they have one.
 * - Any other org unit filter (sub-units, levels, groups, several org units, `USER_ORGUNIT` of a
 *   viewer with several) → `ouItems`: passed as they are in ONE analytics request
 *   (`ou:USER_ORGUNIT_CHILDREN;LEVEL-x;OU_GROUP-y;id1`), resolved by DHIS2 as for its own charts
 *   (dhis2-core `DimensionalObjectProducer.getOrgUnitDimension`: keywords and ids are the
 *   boundaries; with levels or groups, the result is the units at those levels plus the groups'
 *   members within the boundaries, the boundaries themselves left out). See `TriangulationView`
 *   (`combinedOrgUnits`) for how the item shows them: their sum.
 * - One period the view knows (its relative periods, a year) → shown; `MONTHS_THIS_YEAR`,
 *   `QUARTERS_THIS_YEAR`, `MONTHS_LAST_YEAR`, `QUARTERS_LAST_YEAR` → the same months/quarters.
 * - Any other period filter (weeks, days, bi-months, six-months, financial years, a month, several
 *   periods, other relative periods) → `peItems`: resolved by DHIS2 analytics and shown as the
 *   months covering them (`period-filter.ts`).
 * - Items no DHIS2 would take (not a uid, keyword or period) are listed in `ignored` and said in
 *   words; the item keeps its own org unit or period for that dimension (never an empty item).
 */
import i18n from '@dhis2/d2-i18n'
import type { AnalyticsQuery } from '../../api/analytics'
import { isRelativePeriod, isYearSelection } from '../../domain/periods'
import type { Grain } from '../../shared/navigation'
import { filterItemLabel, KEYWORDS, UID, type FilterItem, type FilterNames } from './filter-labels'

export {
    filterItemLabel,
    namedObjectIds,
    orgUnitItemsLabel,
    type FilterItem,
    type FilterNames,
} from './filter-labels'

export interface IgnoredFilter {
    dimension: 'ou' | 'pe'
    items: FilterItem[]
}

export interface ResolvedFilters {
    /** The org unit to show, when the filter gives one */
    ou?: string
    /** Several org units, levels, groups or sub-units: `ou` items of one analytics request */
    ouItems?: string[]
    /** The period selection to show, when the filter gives one the view knows */
    pe?: string
    /** The grain a period filter implies (MONTHS_THIS_YEAR → monthly, QUARTERS_… → quarterly) */
    grain?: Grain
    /** Periods for DHIS2 analytics to resolve (`pe` items), shown as the months covering them */
    peItems?: string[]
    /** Filters the item cannot apply (said in words) */
    ignored: IgnoredFilter[]
}

const SAME_AS: Record<string, { pe: string; grain: Grain }> = {
    MONTHS_THIS_YEAR: { pe: 'THIS_YEAR', grain: 'monthly' },
    QUARTERS_THIS_YEAR: { pe: 'THIS_YEAR', grain: 'quarterly' },
    MONTHS_LAST_YEAR: { pe: 'LAST_YEAR', grain: 'monthly' },
    QUARTERS_LAST_YEAR: { pe: 'LAST_YEAR', grain: 'quarterly' },
}

/** `LEVEL-<uid>` or `LEVEL-<number>` (both taken by `getOrganisationUnitLevelByLevelOrUid`) */
const LEVEL = /^LEVEL-(?:[A-Za-z][A-Za-z0-9]{10}|[1-9][0-9]?)$/
const GROUP = /^OU_GROUP-[A-Za-z][A-Za-z0-9]{10}$/
/**
 * An ISO period id of any DHIS2 period type (`PeriodType.getPeriodTypeFromIsoString` patterns:
 * daily `20240105`, weekly `2024W5` / `2024WedW5` / `2024BiW3`, monthly `202401`, bi-monthly
 * `202401B`, quarterly `2024Q1`, six-monthly `2024S1` / `2024AprilS1` / `2024NovS1`, yearly `2024`,
 * financial `2024April` / `2024July` / `2024Oct` / `2024Nov`) or a relative period name; the server
 * says whether it is valid (E7611)
 */
const PERIOD =
    /^(?:\d{8}|\d{4}(?:(?:Wed|Thu|Sat|Sun|Bi)?W\d{1,2}|\d{2}B?|Q[1-4]|(?:April|Nov)?S[12]|April|July|Oct|Nov)?|[A-Z][A-Z0-9_]{2,40})$/

const orgUnitIdOf = (item: FilterItem): string | null => {
    const last = item.path?.split('/').filter(Boolean).pop()
    const id = last ?? item.id
    return UID.test(id) ? id : null
}

/** An `ou` item as analytics takes it, or `null` */
const orgUnitItemOf = (item: FilterItem): string | null =>
    KEYWORDS.includes(item.id) || LEVEL.test(item.id) || GROUP.test(item.id)
        ? item.id
        : orgUnitIdOf(item)

export const resolveFilters = (
    filters: { ou?: FilterItem[]; pe?: FilterItem[] } | undefined,
    /** The viewer's data capture org units (`me.organisationUnits`) */
    userOrgUnits: readonly string[]
): ResolvedFilters => {
    const out: ResolvedFilters = { ignored: [] }
    const ou = filters?.ou ?? []
    const ouValid = ou.filter((item) => orgUnitItemOf(item) !== null)
    const ouInvalid = ou.filter((item) => orgUnitItemOf(item) === null)
    if (ouInvalid.length > 0) out.ignored.push({ dimension: 'ou', items: ouInvalid })
    const ouItems = [...new Set(ouValid.map((item) => orgUnitItemOf(item) as string))]
    if (ouItems.length === 1 && UID.test(ouItems[0] as string)) out.ou = ouItems[0]
    else if (ouItems.length === 1 && ouItems[0] === 'USER_ORGUNIT' && userOrgUnits.length === 1)
        out.ou = userOrgUnits[0]
    else if (ouItems.length > 0) out.ouItems = ouItems

    const pe = filters?.pe ?? []
    const peValid = pe.filter((item) => PERIOD.test(item.id))
    const peInvalid = pe.filter((item) => !PERIOD.test(item.id))
    if (peInvalid.length > 0) out.ignored.push({ dimension: 'pe', items: peInvalid })
    const peItems = [...new Set(peValid.map((item) => item.id))]
    if (peItems.length === 1) {
        const id = peItems[0] as string
        const same = SAME_AS[id]
        if (same) Object.assign(out, same)
        else if (isRelativePeriod(id) || isYearSelection(id)) out.pe = id
        else out.peItems = peItems
    } else if (peItems.length > 1) {
        out.peItems = peItems
    }
    return out
}

/** Why an ignored filter is not applied, in words. */
export const ignoredFilterText = (filter: IgnoredFilter, names?: FilterNames): string => {
    const what = filter.items.map((item) => filterItemLabel(item, names)).join(', ')
    return filter.dimension === 'ou'
        ? i18n.t(
              'The dashboard filter “{{what}}” is not an org unit DHIS2 knows – this item shows its own org unit.',
              { what, interpolation: { escapeValue: false } }
          )
        : i18n.t(
              'The dashboard filter “{{what}}” is not a DHIS2 period – this item shows its own period.',
              { what, interpolation: { escapeValue: false } }
          )
}

/**
 * A metadata-only analytics request resolving a combined org unit filter as DHIS2 will for the
 * item's data: refused (409 E7143, E7124 before 2.40.1) when a level or group is unknown or no org
 * unit is left. A period is needed (E7104 without one, dhis2-core `DefaultQueryValidator`); no data
 * item is (`skipData`).
 */
export const orgUnitResolutionQuery = (items: readonly string[]): AnalyticsQuery => ({
    resource: 'analytics',
    params: {
        dimension: [`ou:${[...new Set(items)].join(';')}`, 'pe:THIS_YEAR'],
        displayProperty: 'NAME',
        skipData: true,
    },
})
