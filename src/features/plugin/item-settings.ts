import { z } from 'zod'
import type { ViewState } from '../../shared/navigation'
import type { FilterItem, ResolvedFilters } from './dashboard-filters'

/** What a dashboard item shows, stored per dashboard item in the app's dataStore namespace. */
export const itemSettingsSchema = z
    .object({
        area: z.string().min(1),
        pair: z.string().min(1),
        pe: z.string().min(1),
        grain: z.enum(['monthly', 'quarterly']),
        /** A fixed org unit; absent = the viewer's own org unit (data view root) */
        ou: z.string().min(1).optional(),
        /**
         * `alerts`: the top alerts of the program area for the org unit (`AlertsItem`);
         * absent or `pair`: the pair's charts. `pair` stays set, so that an older version of the
         * app still shows something.
         */
        show: z.enum(['pair', 'alerts']).optional(),
    })
    // Fields of a newer version or another tool are kept when the item is changed
    .passthrough()
export type ItemSettings = z.infer<typeof itemSettingsSchema>

export const ITEM_KEY_PREFIX = 'dashboard-item-'
export const itemKey = (dashboardItemId: string): string =>
    `${ITEM_KEY_PREFIX}${dashboardItemId.replace(/[^A-Za-z0-9_-]/g, '_')}`

/** The dashboard's filters as it passes them (`dashboardItemFilters`; other dimensions aside) */
export interface DashboardItemFilters {
    ou?: FilterItem[]
    pe?: FilterItem[]
    [dimension: string]: FilterItem[] | undefined
}

/**
 * The item's view: its stored settings, overridden by the dashboard's filters (period, org unit)
 * as far as the view can show them (`resolveFilters`; the rest is said in words by the item).
 */
export const itemViewState = (
    settings: ItemSettings,
    filters: Omit<ResolvedFilters, 'ignored'> | undefined
): ViewState => ({
    page: 'view',
    area: settings.area,
    pair: settings.pair,
    pe: filters?.pe ?? settings.pe,
    grain: filters?.grain ?? settings.grain,
    ou: filters?.ou ?? settings.ou,
})

/** Whether the item shows the top alerts of its program area */
export const showsAlerts = (settings: ItemSettings): boolean => settings.show === 'alerts'

/** The app's view an item opens: the alerts page of its area, or its pair's view */
export const itemAppState = (settings: ItemSettings, view: ViewState): ViewState =>
    showsAlerts(settings) ? { ...view, page: 'alerts', pair: undefined } : view

/** The full app's URL for the same view (the "Open in app" link). */
export const appLink = (hash: string): string => `index.html${hash}`
