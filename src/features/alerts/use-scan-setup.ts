import { useCallback, useMemo } from 'react'
import type { Config } from '../../domain/config'
import { periodName as calendarPeriodName, todayInCalendar } from '../../domain/periods'
import { useInstanceCalendar } from '../../data/use-calendar'
import { dataViewRoots, useMe } from '../../data/use-me'
import { usePairsMetadata } from '../triangulation/use-view-data'
import { lastCompleteMonth, lastDueMonth, scanPairs, scanWindow } from './scan-plan'
import { defaultScanLevel, useSessionScanState } from './scan-settings'
import { useAlertScan, useLevelCounts, useNamedLevels, type ScanInput } from './use-scan'

/**
 * Everything a scan needs, shared by the Alerts and Data quality pages: the session's settings,
 * the user's data-view roots, the levels and their sizes, the pairs' metadata, the window, and the
 * scan itself (cached: both pages see the same scan).
 */
export const useScanSetup = (config: Config) => {
    const [session, update] = useSessionScanState()
    const { settings } = session
    const me = useMe()
    const levels = useNamedLevels()
    const calendar = useInstanceCalendar()
    const locale = me.data?.settings?.keyUiLocale ?? 'en'
    const roots = useMemo(() => (me.data ? dataViewRoots(me.data) : []), [me.data])
    const rootIds = useMemo(() => roots.map((root) => root.id), [roots])
    const rootLevel = roots.length ? Math.min(...roots.map((root) => root.level)) : 1
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
    const counts = useLevelCounts(rootIds, scanLevels)
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
    const window = useMemo(
        () => scanWindow(dueMonth, settings.baselineMonths, settings.testMonths),
        [dueMonth, settings.baselineMonths, settings.testMonths]
    )
    const input: ScanInput | null = useMemo(() => {
        if (!metadata.data || !counts.data || maxLevel === undefined || rootIds.length === 0) {
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
    }, [metadata.data, counts.data, maxLevel, rootIds, pairs, scanLevels, window])
    const scan = useAlertScan(input)
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
    const loading = me.isLoading || levels.isLoading || metadata.isLoading || counts.isLoading
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
        roots: rootIds,
        rootLevel,
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
