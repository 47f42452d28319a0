import { z } from 'zod'
import type { ViewState } from '../../shared/navigation'

/** What a dashboard item shows, stored per dashboard item in the app's dataStore namespace. */
export const itemSettingsSchema = z
    .object({
        area: z.string().min(1),
        pair: z.string().min(1),
        pe: z.string().min(1),
        grain: z.enum(['monthly', 'quarterly']),
        /** A fixed org unit; absent = the viewer's own org unit (data view root) */
        ou: z.string().min(1).optional(),
    })
    // Fields of a newer version or another tool are kept when the item is changed
    .passthrough()
export type ItemSettings = z.infer<typeof itemSettingsSchema>

export const ITEM_KEY_PREFIX = 'dashboard-item-'
export const itemKey = (dashboardItemId: string): string =>
    `${ITEM_KEY_PREFIX}${dashboardItemId.replace(/[^A-Za-z0-9_-]/g, '_')}`

export interface DashboardItemFilters {
    ou?: { id: string; path?: string }[]
    pe?: { id: string }[]
}

/**
 * The item's view: its stored settings, overridden by the dashboard's filters (period, org unit)
 * when the dashboard passes them.
 */
export const itemViewState = (
    settings: ItemSettings,
    filters: DashboardItemFilters | undefined
): ViewState => {
    const filterOu = filters?.ou?.[0]
    const filterOuId = filterOu ? (filterOu.path?.split('/').pop() ?? filterOu.id) : undefined
    const filterPe = filters?.pe?.[0]?.id
    return {
        page: 'view',
        area: settings.area,
        pair: settings.pair,
        pe: filterPe ?? settings.pe,
        grain: settings.grain,
        ou: filterOuId ?? settings.ou,
    }
}

/** The full app's URL for the same view (the "Open in app" link). */
export const appLink = (hash: string): string => `index.html${hash}`
