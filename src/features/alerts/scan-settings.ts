import { useCallback, useSyncExternalStore } from 'react'
import type { ScanOverrides } from './scan-alerts'
import { DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS, type ScanSettings } from './scan-plan'

/**
 * What the Alerts and Data quality pages scan: the program area, levels and window, and where
 * (`rootId`: one org unit's tree; absent: the user's data-view org units) and up to which month
 * (`end`; absent: the last month due)
 */
export interface PageScanSettings extends ScanSettings {
    rootId?: string
    end?: string
}

/** The scan settings and the analyst's exploratory thresholds, shared by the Alerts and Data
 *  quality pages for the session (not saved): coming back to a page finds the same scan. */
export interface SessionScanState {
    /** `levels` empty: the default level, once the levels are known */
    settings: PageScanSettings
    overrides: ScanOverrides
}

const INITIAL: SessionScanState = {
    settings: {
        areaId: null,
        levels: [],
        baselineMonths: DEFAULT_BASELINE_MONTHS,
        testMonths: DEFAULT_TEST_MONTHS,
    },
    overrides: {},
}

let current: SessionScanState = INITIAL
const listeners = new Set<() => void>()

const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => {
        listeners.delete(listener)
    }
}

/** The session's scan settings and a setter merging changes. */
export const useSessionScanState = () => {
    const state = useSyncExternalStore(
        subscribe,
        () => current,
        () => current
    )
    const update = useCallback((change: Partial<SessionScanState>) => {
        current = { ...current, ...change }
        listeners.forEach((listener) => listener())
    }, [])
    return [state, update] as const
}

/** The default level to scan: the one above facilities (districts of 4 levels), at least the
 *  roots' children when there are only two. */
export const defaultScanLevel = (maxLevel: number, rootLevel: number): number =>
    Math.min(maxLevel, Math.max(rootLevel + 1, maxLevel - 1))

/** A threshold typed by the analyst: a number within bounds, else `undefined` (empty or invalid) */
export const parseThreshold = (text: string, min: number, max?: number): number | undefined => {
    if (text.trim() === '') return undefined
    const value = Number(text)
    if (!Number.isFinite(value) || value < min || (max !== undefined && value > max)) {
        return undefined
    }
    return value
}

/** A threshold as the user's language writes numbers (`3,5` in French), `locale` unknown: English */
export const formatThreshold = (value: number, locale: string): string => {
    try {
        return new Intl.NumberFormat(locale || 'en', { maximumFractionDigits: 2 }).format(value)
    } catch {
        return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)
    }
}
