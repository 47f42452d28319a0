/**
 * How the DHIS2 dashboard shows this app's dashboard item, per DHIS2 version, and reading the item
 * from the app's own URL when a dashboard shows it as an `<iframe>`.
 *
 * Sources (tags of dhis2/dhis2-core and dhis2/dashboard-app):
 * - dhis2-core `dhis-2/dhis-web/dhis-web-apps/apps-to-bundle.json` (2.39–2.41) and
 *   `dhis-2/dhis-web-server/apps-to-bundle.json` (2.42) name the bundled dashboard-app:
 *   2.39.x → dashboard-app 2.39.x, 2.40.0/2.40.1 → 2.40.x, 2.40.2–2.40.7 → v100.0.3–v100.4.2,
 *   2.40.8+ → v101.3.0+, 2.41.0–2.41.3 → v100.2.0–v100.4.1, 2.41.4+ → v101.3.0+,
 *   2.42.0 → v101.1.6, later 2.42 → v101.3+.
 * - dashboard-app before v101 (`src/components/Item/AppItem/Item.js`, `getIframeSrc.js`) shows an
 *   app item as `<iframe src="<launchUrl>?dashboardItemId=<item id>&userOrgUnit=<ids>">`, the org
 *   unit ids being the last segment of each filter's path, else its id (a keyword such as
 *   `USER_ORGUNIT`, `LEVEL-<uid>`, `OU_GROUP-<uid>`); no period, no mode.
 * - dashboard-app v101+ (same files) renders an app with `appType: 'APP'` through the app-runtime
 *   `Plugin` at its `pluginLaunchUrl`, with the props `dashboardItemId`, `dashboardItemFilters`,
 *   `dashboardMode`, `setDashboardItemDetails`, `cacheId`, `isParentCached`; other app types
 *   (legacy dashboard widgets) still get an iframe, since v101.3 with
 *   `?redirect=false&dashboardItemId=…&userOrgUnit=…&period=<ids>`.
 * - dhis2-core 2.39 lists only `DASHBOARD_WIDGET` apps in the dashboard's item search
 *   (`DefaultDashboardService.search`), 2.40+ also apps with a plugin (`AppManager.getDashboardPlugins`).
 */
import type { DashboardItemFilters } from './item-settings'

export type DashboardEmbedding =
    /** The dashboard cannot add the app as an item (2.39: only DASHBOARD_WIDGET apps) */
    | 'none'
    /** `<iframe>` of the app's launch URL with `?dashboardItemId=…&userOrgUnit=…` */
    | 'iframe'
    /** The app-runtime `Plugin` at the app's `plugin.html`, with props */
    | 'plugin'

const parseVersion = (version: string): number[] | null => {
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim())
    if (!match) return null
    return match.slice(1).map((part) => Number(part ?? 0))
}

const atLeast = (version: number[], minimum: number[]): boolean => {
    for (let i = 0; i < minimum.length; i++) {
        const a = version[i] ?? 0
        const b = minimum[i] ?? 0
        if (a !== b) return a > b
    }
    return true
}

/** How the dashboard bundled with DHIS2 `version` (`/api/system/info` `version`) shows the item. */
export const dashboardEmbeddingFor = (version: string): DashboardEmbedding => {
    const v = parseVersion(version)
    if (!v) return 'plugin'
    if (!atLeast(v, [2, 40])) return 'none'
    if (v[1] === 40) return atLeast(v, [2, 40, 8]) ? 'plugin' : 'iframe'
    if (v[1] === 41) return atLeast(v, [2, 41, 4]) ? 'plugin' : 'iframe'
    return 'plugin'
}

export interface DashboardItemFromUrl {
    dashboardItemId: string
    dashboardItemFilters: DashboardItemFilters
}

const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/
const FILTER_ID = /^[A-Za-z0-9_-]{1,80}$/

const idList = (text: string | null): { id: string }[] =>
    (text ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => FILTER_ID.test(id))
        .map((id) => ({ id }))

/**
 * The dashboard item the app was opened as (an `<iframe>` item of an older dashboard), from the
 * page's query string: `dashboardItemId`, the org unit filter `userOrgUnit` and, as v101.3+ passes
 * it to iframe items, `period`. `null` when the app was opened as itself.
 */
export const dashboardItemFromUrl = (search: string): DashboardItemFromUrl | null => {
    const query = new URLSearchParams(search)
    const id = query.get('dashboardItemId')
    if (!id || !ITEM_ID.test(id)) return null
    const ou = idList(query.get('userOrgUnit'))
    const pe = idList(query.get('period'))
    return {
        dashboardItemId: id,
        dashboardItemFilters: {
            ...(ou.length ? { ou } : {}),
            ...(pe.length ? { pe } : {}),
        },
    }
}
