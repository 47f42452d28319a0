/**
 * The Alerts page's scan settings in its URL (`#/alerts?area=..&root=..&end=..&base=..&test=..
 * &lv=..&run=1`): read from a link (a dashboard item's "All N in the app", a shared link, the
 * browser's history) and checked, and written back when the user changes them. Pure functions.
 */
import { addMonths, parsePeriodId } from '../../domain/periods'
import type { ScanParams, ViewState } from '../../shared/navigation'
import {
    BASELINE_CHOICES,
    DEFAULT_BASELINE_MONTHS,
    DEFAULT_TEST_MONTHS,
    TEST_WINDOW_CHOICES,
} from './scan-plan'
import type { PageScanSettings } from './scan-settings'

export interface UrlScan {
    settings: PageScanSettings
    /** Run the scan on opening */
    run: boolean
}

const isMonth = (id: string): boolean => parsePeriodId(id)?.periodType === 'MONTHLY'

/**
 * The scan a link asks for, each setting checked (a program area of the mapping, a baseline and
 * a tested window among the page's choices, a month id; anything else: the default), or `null`
 * when the link names no scan setting (the page then keeps the session's settings). The root and
 * the levels are checked against the user's org units and the instance's levels by the page
 * (`useScanSetup`), the end against the last month due (`scanEnd`).
 */
export const scanFromUrl = (
    state: Pick<ViewState, 'area' | 'scan'>,
    areaIds: readonly string[]
): UrlScan | null => {
    const scan = state.scan
    if (!scan) return null
    const baseline = (BASELINE_CHOICES as readonly number[]).includes(scan.baseline ?? NaN)
        ? (scan.baseline as number)
        : DEFAULT_BASELINE_MONTHS
    const test = (TEST_WINDOW_CHOICES as readonly number[]).includes(scan.test ?? NaN)
        ? (scan.test as number)
        : DEFAULT_TEST_MONTHS
    const settings: PageScanSettings = {
        areaId: state.area && areaIds.includes(state.area) ? state.area : null,
        levels: scan.levels ? [...scan.levels] : [],
        baselineMonths: baseline,
        testMonths: test,
    }
    if (scan.root) settings.rootId = scan.root
    if (scan.end && isMonth(scan.end)) settings.end = scan.end
    return { settings, run: scan.run === true }
}

/**
 * The last month a scan tests: the chosen one when it is a month not after the last month due,
 * else the last month due (a link from the future, or made before the month closed, scans what
 * can be scanned). Monthly ids of one calendar (`yyyyMM`) sort as text.
 */
export const scanEnd = (dueMonth: string, chosen: string | undefined): string =>
    chosen !== undefined && isMonth(chosen) && chosen < dueMonth ? chosen : dueMonth

/** How many months back the page offers as the scan's last month */
export const END_CHOICES = 36

/**
 * The months offered as the scan's last month, newest first: the last `END_CHOICES` up to the
 * last month due, and the chosen one when it is older (a link to an old dashboard period).
 */
export const scanEndChoices = (dueMonth: string, chosen?: string): string[] => {
    const months = Array.from({ length: END_CHOICES }, (_, i) => addMonths(dueMonth, -i))
    return chosen !== undefined && isMonth(chosen) && !months.includes(chosen) && chosen < dueMonth
        ? [...months, chosen]
        : months
}

/**
 * The URL's form of settings the page shows: every setting written out (the levels and the end
 * as scanned, not "the default"), so that the link gives the same scan whoever opens it and
 * whenever, as long as the data do not change.
 */
export const scanParamsOf = (
    settings: PageScanSettings,
    { run = false }: { run?: boolean } = {}
): ScanParams => {
    const params: ScanParams = {
        baseline: settings.baselineMonths,
        test: settings.testMonths,
    }
    if (settings.rootId) params.root = settings.rootId
    if (settings.end) params.end = settings.end
    if (settings.levels.length > 0) params.levels = [...settings.levels].sort((a, b) => a - b)
    if (run) params.run = true
    return params
}

/** The page's view state showing `settings` (the program area is the view's `area`) */
export const withScanSettings = (
    state: ViewState,
    settings: PageScanSettings,
    options: { run?: boolean } = {}
): ViewState => ({
    ...state,
    area: settings.areaId ?? undefined,
    scan: scanParamsOf(settings, options),
})
