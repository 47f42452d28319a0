import { useCallback, useMemo } from 'react'
import type { Config } from '../../domain/config'
import { periodName as calendarPeriodName, todayInCalendar } from '../../domain/periods'
import { useInstanceCalendar } from '../../data/use-calendar'
import { dataViewRoots, useMe } from '../../data/use-me'
import { useOrgUnit, useViewOrgUnit } from '../../data/use-org-unit'
import { usePairsMetadata } from '../triangulation/use-view-data'
import { lastCompleteMonth, lastDueMonth, scanPairs, scanWindow } from './scan-plan'
import { defaultScanLevel, useSessionScanState, type PageScanSettings } from './scan-settings'
import { scanEnd, scanEndChoices } from './scan-url'
import { useAlertScan, useLevelCounts, useNamedLevels, type ScanInput } from './use-scan'

const NO_FALLBACK = () => undefined

export interface ScanSetupOptions {
    /** The settings to scan (the Alerts page's URL), instead of the session's */
    settings?: PageScanSettings | null
    /**
     * Called instead of changing the session's settings: `next` the settings chosen, `current`
     * those shown — both with the levels, the root and the end as scanned
     */
    onSettings?: (next: PageScanSettings, current: PageScanSettings) => void
    /** The settings' root is outside the user's org units, or unknown: the user's own are scanned */
    onRootFallback?: () => void
}

/**
 * Everything a scan needs, shared by the Alerts and Data quality pages: the session's settings
 * (or those given, e.g. from the Alerts page's URL), the org units scanned (one org unit's tree,
 * when the user may see it, else the user's data-view roots), the levels and their sizes, the
 * pairs' metadata, the window, and the scan itself (cached: both pages see the same scan).
 */
export const useScanSetup = (config: Config, options: ScanSetupOptions = {}) => {
    const [session, update] = useSessionScanState()
    const settings = options.settings ?? session.settings
    const me = useMe()
    const levels = useNamedLevels()
    const calendar = useInstanceCalendar()
    const locale = me.data?.settings?.keyUiLocale ?? 'en'
    const userRoots = useMemo(() => (me.data ? dataViewRoots(me.data) : []), [me.data])
    // The chosen root when the user may see it (else their own roots, and `rootFallback` says why)
    const viewRoot = useViewOrgUnit(
        me.data ? settings.rootId : undefined,
        userRoots,
        options.onRootFallback ?? NO_FALLBACK
    )
    const rootId =
        settings.rootId && !viewRoot.loading && viewRoot.id === settings.rootId
            ? settings.rootId
            : undefined
    const ownRoot = userRoots.find((root) => root.id === rootId)
    const rootDetails = useOrgUnit(rootId && !ownRoot ? rootId : undefined)
    const details = rootId && !ownRoot ? rootDetails.data : undefined
    const roots = useMemo(() => {
        if (ownRoot) return [ownRoot]
        if (!rootId || !details) return userRoots
        const { displayName, path, level } = details
        return [{ id: rootId, displayName, path, level }]
    }, [ownRoot, rootId, details, userRoots])
    const root = rootId ? roots.find((r) => r.id === rootId) : undefined
    const rootIds = useMemo(() => roots.map((r) => r.id), [roots])
    const rootLevel = roots.length ? Math.min(...roots.map((r) => r.level)) : 1
    /** The root's details are not in yet: nothing is planned for the user's roots meanwhile */
    const rootPending = viewRoot.loading || (rootId !== undefined && !root)
    const maxLevel = levels.data?.length
        ? Math.max(...levels.data.map((level) => level.level))
        : undefined
    const scanLevels = useMemo(() => {
        const chosen = settings.levels.filter(
            (level) => maxLevel === undefined || (level >= rootLevel && level <= maxLevel)
        )
        if (chosen.length) return [...chosen].sort((a, b) => a - b)
        return maxLevel === undefined ? [] : [defaultScanLevel(maxLevel, rootLevel)]
    }, [settings.levels, maxLevel, rootLevel])
    const counts = useLevelCounts(rootPending ? [] : rootIds, scanLevels)
    const pairs = useMemo(
        () => scanPairs(config.programAreas, settings.areaId),
        [config.programAreas, settings.areaId]
    )
    const metadata = usePairsMetadata(pairs)
    // Today in the instance calendar (once, not at every render)
    const today = useMemo(() => todayInCalendar(calendar), [calendar])
    // The view's relative periods end with the last complete month; the scan with the last month
    // whose reports are due
    const lastMonth = useMemo(() => lastCompleteMonth(today, { calendar }), [today, calendar])
    const dueMonth = useMemo(() => lastDueMonth(today, { calendar }), [today, calendar])
    const end = scanEnd(dueMonth, settings.end)
    const endChoices = useMemo(() => scanEndChoices(dueMonth, end), [dueMonth, end])
    const window = useMemo(
        () => scanWindow(end, settings.baselineMonths, settings.testMonths),
        [end, settings.baselineMonths, settings.testMonths]
    )
    const input: ScanInput | null = useMemo(() => {
        if (
            rootPending ||
            !metadata.data ||
            !counts.data ||
            maxLevel === undefined ||
            rootIds.length === 0
        ) {
            return null
        }
        const countData = counts.data
        return {
            pairs,
            metadata: metadata.data,
            roots: rootIds,
            levels: scanLevels.map((level) => ({ level, orgUnits: countData[level] ?? 0 })),
            maxLevel,
            window,
        }
    }, [rootPending, metadata.data, counts.data, maxLevel, rootIds, pairs, scanLevels, window])
    // The page's alerts are computed with the session's thresholds (`AlertsPage`): a worker
    // scans each batch as it comes
    const scan = useAlertScan(input, {
        overrides: session.overrides,
        facilityLevel: maxLevel ?? null,
    })
    const periodName = useCallback(
        (id: string) => {
            try {
                return calendarPeriodName(id, { calendar, locale })
            } catch {
                return id
            }
        },
        [calendar, locale]
    )
    /** The settings shown, as scanned: the levels, the root and the end written out */
    const current: PageScanSettings = useMemo(
        () => ({
            areaId: settings.areaId,
            levels: scanLevels,
            baselineMonths: settings.baselineMonths,
            testMonths: settings.testMonths,
            ...(rootId ? { rootId } : {}),
            end,
        }),
        [settings.areaId, scanLevels, settings.baselineMonths, settings.testMonths, rootId, end]
    )
    const { onSettings } = options
    const setSettings = useCallback(
        (change: Partial<PageScanSettings>) => {
            const next = { ...current, ...change }
            if (onSettings) onSettings(next, current)
            else update({ settings: next })
        },
        [current, onSettings, update]
    )
    const loading =
        me.isLoading ||
        levels.isLoading ||
        metadata.isLoading ||
        counts.isLoading ||
        (me.data !== undefined && rootPending && !rootDetails.error)
    const error = me.error ?? levels.error ?? metadata.error ?? counts.error ?? null
    const retry = () => {
        void me.refetch()
        void levels.refetch()
        void metadata.refetch()
        void counts.refetch()
    }
    return {
        session,
        update,
        /** The settings shown (`current`) and a change to them */
        settings: current,
        setSettings,
        roots: rootIds,
        /** The org units scanned, with their names and paths */
        rootUnits: roots,
        /** The user's data-view org units (the org unit tree starts there) */
        userRoots,
        /** The link's root was not scanned: outside the user's org units, or unknown */
        rootFallback: viewRoot.fallback,
        rootLevel,
        /** The months offered as the scan's last month, newest first */
        endChoices,
        levels: levels.data ?? [],
        maxLevel,
        scanLevels,
        counts: counts.data,
        pairs,
        window,
        lastMonth,
        input,
        scan,
        periodName,
        locale,
        loading,
        error,
        retry,
    }
}

export type ScanSetup = ReturnType<typeof useScanSetup>
