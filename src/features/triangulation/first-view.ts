/**
 * The first view's requests, asked as soon as their inputs arrive rather than once the view's code
 * is evaluated and rendered: the items' metadata and the org unit levels with the mapping, the
 * trend, its org unit and the staggered groups with the user. Each goes into the
 * query the view reads (same query function, same key, from `view-requests.ts` and the data
 * hooks), so the view finds it asked or answered and nothing is asked twice. The URL is read by
 * the view's own `parseViewState`, the area, pairs, org unit and periods chosen by the view's own
 * functions. Imported by `App.tsx`: no chart, no UI code.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { Config, Pair } from '../../domain/config'
import { calendarSupportLoaded, todayInCalendar, type CalendarId } from '../../domain/periods'
import { analyticsQuery } from '../../data/use-analytics'
import type { StoredConfig } from '../../data/use-config'
import { dataViewRoots, type User } from '../../data/use-me'
import { itemMetadataQuery } from '../../data/use-metadata'
import { orgUnitQuery, type OrgUnitDetails } from '../../data/use-org-unit'
import { orgUnitLevelsQuery } from '../../data/use-org-unit-levels'
import type { DataEngine } from '../../data/engine'
import { resolveViewOrgUnit, type ViewState } from '../../shared/navigation'
import { viewPeriods, type ViewPeriods } from './view-periods'
import {
    pairsMetadataIds,
    staggeredTableRequest,
    trendRequest,
    viewArea,
    viewPairs,
} from './view-requests'

/**
 * The pairs of the first view when it is the commodities-and-services view of one org unit, as
 * `TriangulationView` will choose them; `null` when the app opens on anything else (another
 * page, a dashboard item, a combined selection of org units, no usable mapping): nothing is asked
 * ahead then.
 */
export const firstViewPairs = (
    stored: StoredConfig | undefined,
    state: ViewState,
    { embedded }: { embedded: boolean }
): Pair[] | null => {
    if (embedded || state.page !== 'view' || state.ous) return null
    const config: Config | null | undefined = stored?.state === 'present' ? stored.config : null
    if (!config?.programAreas.length) return null
    const pairs = viewPairs(viewArea(config, state.area), state.pair)
    return pairs.length > 0 ? pairs : null
}

/**
 * The periods of the first view (`viewPeriods` of the URL's selection, today in the instance's
 * calendar), or `null` while a non-Gregorian calendar's code is not loaded (the view waits for it,
 * `ConfigGate`)
 */
export const firstViewPeriods = (state: ViewState, calendar: CalendarId): ViewPeriods | null =>
    calendarSupportLoaded(calendar)
        ? viewPeriods(state.pe, state.grain, todayInCalendar(calendar), { calendar })
        : null

/**
 * Asks the first view's requests into the app's query client (see the module's comment). Resolves
 * once the trend and the staggered groups are asked (or nothing more will be asked before the
 * metadata). Never rejects: a request that fails is in its query's
 * error state, and the view shows it (or asks again) as it would have.
 */
export const startFirstView = async ({
    engine,
    client,
    state,
    embedded,
    calendar,
    config,
    user,
}: {
    engine: DataEngine
    client: QueryClient
    state: ViewState
    embedded: boolean
    calendar: CalendarId
    /** The mapping's and the user's queries, already asked */
    config: Promise<StoredConfig>
    user: Promise<User>
}): Promise<void> => {
    const pairs = firstViewPairs(await config.catch(() => undefined), state, { embedded })
    if (!pairs) return
    const ids = pairsMetadataIds(pairs)
    const { enabled, ...metadataOptions } = itemMetadataQuery(engine, ids.data, ids.dataSets)
    if (enabled) void client.prefetchQuery(metadataOptions)
    void client.prefetchQuery(orgUnitLevelsQuery(engine))
    const periods = firstViewPeriods(state, calendar)
    const me = await user.catch(() => undefined)
    if (!me || !periods) return
    // The org unit as `useViewOrgUnit` resolves it: the URL's when it is one of the user's roots
    // (or none: the user's own), else once its details say whether the user may see it
    const roots = dataViewRoots(me)
    let resolved = resolveViewOrgUnit({ requested: state.ou, details: undefined, roots })
    if (resolved.status === 'loading' && state.ou) {
        const details = await client
            .fetchQuery(orgUnitQuery(engine, state.ou))
            .then((data) => data as OrgUnitDetails)
            .catch(() => null)
        resolved = resolveViewOrgUnit({ requested: state.ou, details, roots })
    }
    const ou = resolved.status === 'loading' ? undefined : resolved.id
    if (!ou) return
    void client.prefetchQuery(orgUnitQuery(engine, ou))
    const trend = trendRequest(pairs, undefined, ou, periods.request)
    if (trend) void client.prefetchQuery(analyticsQuery(engine, trend))
    const staggered = staggeredTableRequest(pairs, undefined, ou, periods)
    if (staggered) void client.prefetchQuery(analyticsQuery(engine, staggered.query))
}

/**
 * The cards' content to render (`TriangulationView`): its deferred copy (`useDeferredValue`, cards
 * rendered in slices between other tasks), except when that copy has no trend yet and the live
 * one has its first: the view's first data is rendered at once, not after other tasks (nothing is
 * shown in its place yet: nothing to keep responsive)
 */
export const firstCardsView = <V extends { trend: { trends: ReadonlyMap<string, unknown> } }>(
    deferred: V,
    live: V
): V => (deferred.trend.trends.size === 0 && live.trend.trends.size > 0 ? live : deferred)
