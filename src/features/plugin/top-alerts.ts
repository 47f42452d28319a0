import { DEFAULT_PERIOD, type ViewState } from '../../shared/navigation'
import { withScanSettings } from '../alerts/scan-url'

/**
 * The dashboard item's alerts: what it scans for an org unit. The entries it shows are the scan's
 * ranked entries (`alerts/scan-entries.ts`), as on the Alerts page. Pure functions, no React.
 */

/**
 * The levels scanned for an org unit: itself and the two levels below it, as far as there are
 * levels (a country: its regions and districts, as the Alerts page scans by default; a district:
 * its facilities)
 */
export const ITEM_LEVELS_BELOW = 2
export const alertItemLevels = (orgUnitLevel: number, maxLevel: number): number[] =>
    Array.from(
        { length: Math.max(0, Math.min(ITEM_LEVELS_BELOW, maxLevel - orgUnitLevel)) + 1 },
        (_, i) => orgUnitLevel + i
    )

/**
 * The last month the item's scan tests: the last month due (`lastDueMonth`), or the last month of
 * the dashboard's period filter when that ends earlier (a dashboard on 2025 shows the alerts of
 * 2025's last months, not of this month). Monthly period ids of one calendar (`yyyyMM`) sort as
 * text.
 */
export const itemScanEnd = (lastDue: string, filterLastMonth?: string): string =>
    filterLastMonth !== undefined && filterLastMonth < lastDue ? filterLastMonth : lastDue

/**
 * The Alerts page's view of the item's scan ("All N in the app"): the same program area, org
 * unit, levels, window and last month, run on opening, so that the page lists the same entries
 * in the same order.
 */
export const itemAlertsPageState = ({
    areaId,
    orgUnitId,
    levels,
    end,
    baselineMonths,
    testMonths,
}: {
    areaId: string
    orgUnitId: string
    levels: readonly number[]
    /** The last month the item's scan tests (`itemScanEnd`) */
    end: string
    baselineMonths: number
    testMonths: number
}): ViewState =>
    withScanSettings(
        { page: 'alerts', pe: DEFAULT_PERIOD, grain: 'monthly' },
        {
            areaId,
            ...(orgUnitId ? { rootId: orgUnitId } : {}),
            levels: [...levels],
            end,
            baselineMonths,
            testMonths,
        },
        { run: true }
    )
