import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Config } from '../../domain/config'
import type { ViewState } from '../../shared/navigation'
import type { PageScanSettings } from './scan-settings'
import { scanFromUrl, withScanSettings } from './scan-url'
import { useScanSetup, type ScanSetup } from './use-scan-setup'

/** What identifies a link's scan (its checked settings and whether to run it) */
const urlScanKey = (state: ViewState, config: Config): string =>
    JSON.stringify(
        scanFromUrl(
            state,
            config.programAreas.map((area) => area.id)
        )
    )

/**
 * The scan of a page whose URL carries its settings (the Alerts and Data quality pages,
 * `scan-url.ts`): the link's settings, checked, else the session's, as when the page is opened
 * from its tab; a change of the settings is a new URL (shared as is; back returns to the settings
 * before); `run=1` runs it on opening, once per link (a cancelled scan stays cancelled). `onRun`:
 * runs it by hand, the URL saying so, so that the link shared opens on the results. `fromUrl`: the
 * link's settings, checked.
 */
export const useUrlScanSetup = (
    config: Config,
    state: ViewState,
    push: (state: ViewState) => void,
    replace: (state: ViewState) => void
): {
    setup: ScanSetup
    onRun: () => void
    /** The link's scan settings, checked (`null`: none in the URL) */
    fromUrl: ReturnType<typeof scanFromUrl>
} => {
    const urlKey = urlScanKey(state, config)
    const fromUrl = useMemo(() => JSON.parse(urlKey) as ReturnType<typeof scanFromUrl>, [urlKey])
    const stateRef = useRef(state)
    stateRef.current = state
    const onSettings = useCallback(
        (next: PageScanSettings, current: PageScanSettings) => {
            const now = stateRef.current
            // Opened without settings in the URL: those shown are written first, for back
            if (!now.scan) replace(withScanSettings(now, current))
            push(withScanSettings(now, next))
        },
        [push, replace]
    )
    // The link's org unit is outside the user's org units, or unknown: theirs, with a notice
    const onRootFallback = useCallback(() => {
        const now = stateRef.current
        if (now.scan?.root) replace({ ...now, scan: { ...now.scan, root: undefined } })
    }, [replace])
    const setup = useScanSetup(config, {
        settings: fromUrl?.settings ?? null,
        onSettings,
        onRootFallback,
    })
    const { scan, update } = setup
    // Both pages scan the same (the session's settings follow the URL's)
    useEffect(() => {
        if (fromUrl) update({ settings: fromUrl.settings })
    }, [fromUrl, update])
    const ranFor = useRef<string | null>(null)
    const runScan = scan.run
    const ready = setup.input !== null && !setup.loading
    const hasScan = Boolean(scan.data)
    useEffect(() => {
        if (!fromUrl?.run || !ready || hasScan || scan.running || ranFor.current === urlKey) return
        ranFor.current = urlKey
        runScan()
    }, [fromUrl, ready, hasScan, scan.running, urlKey, runScan])
    const onRun = () => {
        const next = withScanSettings(stateRef.current, setup.settings, { run: true })
        ranFor.current = urlScanKey(next, config)
        replace(next)
    }
    return { setup, onRun, fromUrl }
}
