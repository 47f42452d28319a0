import i18n from '@dhis2/d2-i18n'
import { CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useEffect, useMemo, useState } from 'react'
import type { Config } from '../../domain/config'
import { ErrorNotice } from '../../shared/api-errors'
import type { ViewState } from '../../shared/navigation'
import { OrgUnitFallbackNotice } from '../../shared/navigation/OrgUnitFallbackNotice'
import { AlertList } from './AlertList'
import { areaOfPairs } from './alert-view'
import { filterByFollowUp, type FollowUpFilter } from './follow-up/alert-entries'
import {
    AlertsExportActions,
    downloadAlertsCsv,
    FollowUpFilterSelect,
    type ExportContext,
} from './follow-up/AlertsExport'
import { AlertsPrintView } from './follow-up/AlertsPrintView'
import { useAlertFollowUps } from './follow-up/use-alert-follow-ups'
import { listedEntries, NO_ENTRY_FILTERS, type EntryFilters } from './scan-entries'
import { ScanPanel } from './ScanPanel'
import { ThresholdPanel } from './ThresholdPanel'
import { useScanAlerts } from './use-scan-alerts'
import { useUrlScanSetup } from './use-url-scan-setup'
import classes from './AlertsPage.module.css'

export interface AlertsPageProps {
    config: Config
    state: ViewState
    push: (state: ViewState) => void
    /** Changes the URL without a history entry (the page's own corrections) */
    replace?: (state: ViewState) => void
}

/**
 * Alerts: scan the user's data-view roots (or one org unit's tree) at the chosen levels, up to the
 * chosen month (batched analytics requests, cached); the settings live in the URL once given
 * (`scan-url.ts`: a dashboard item's "All N in the app" opens its own scan, run at once),
 * run the detectors per pair and org unit in a web worker, and list what they found: one entry
 * per org unit and pair with its reasons, tiered, highest impact first, each with its follow-up
 * (acknowledge, assign, comment, resolve), then the stockouts by duration. The entries shown can be
 * filtered by follow-up, downloaded as CSV and printed, in the order shown; each program area
 * lists its ENTRIES_PER_AREA highest-impact entries, the rest on demand ("N more below the cut"). One click on a reason
 * opens the triangulation view drilled to its point.
 */
export const AlertsPage = ({ config, state, push, replace = push }: AlertsPageProps) => {
    // The scan's settings of the URL, checked (the list's program area follows the link's)
    const { setup, onRun, fromUrl } = useUrlScanSetup(config, state, push, replace)
    const { scan, session, update } = setup
    const [filters, setFilters] = useState<EntryFilters>(() => ({
        ...NO_ENTRY_FILTERS,
        areaId: config.programAreas.some((area) => area.id === state.area)
            ? (state.area ?? null)
            : null,
    }))
    // The list's program area follows the scan's when the link changes it
    const urlAreaId = fromUrl ? fromUrl.settings.areaId : undefined
    useEffect(() => {
        if (urlAreaId === undefined) return
        setFilters((current) =>
            current.areaId === urlAreaId ? current : { ...current, areaId: urlAreaId }
        )
    }, [urlAreaId])
    const { entries, stockouts, computing, progress } = useScanAlerts(
        scan.data,
        setup.pairs,
        session.overrides,
        setup.maxLevel ?? null
    )
    // Follow-ups of the entries (acknowledge, assign, comment, resolve), their filter, CSV, print
    const followUps = useAlertFollowUps(entries, scan.data, setup.locale)
    const [followUpFilter, setFollowUpFilter] = useState<FollowUpFilter>('all')
    const [printing, setPrinting] = useState(false)
    const listed = useMemo(
        () => (entries ? filterByFollowUp(entries, followUps.followUps, followUpFilter) : null),
        [entries, followUps.followUps, followUpFilter]
    )
    const areas = useMemo(() => areaOfPairs(config), [config])
    // Exactly the entries the list shows, in its order (its filters keep the order): at most
    // ENTRIES_PER_AREA per program area unless the user asked for those below the cut
    const [showBelowCut, setShowBelowCut] = useState(false)
    const listing = useMemo(
        () => listedEntries(listed ?? [], filters, areas, showBelowCut),
        [listed, filters, areas, showBelowCut]
    )
    const shown = listing.shown
    const levelName = (level: number) =>
        setup.levels.find((l) => l.level === level)?.name ??
        i18n.t('Level {{level}}', { level, interpolation: { escapeValue: false } })

    if (setup.loading) return <CircularLoader small />
    if (setup.error) return <ErrorNotice error={setup.error} onRetry={setup.retry} />
    const exportCtx: ExportContext | null = scan.data
        ? {
              config,
              scan: scan.data,
              followUps: followUps.followUps,
              periodName: setup.periodName,
              levelName,
              locale: setup.locale,
          }
        : null
    return (
        <div className={classes.page} data-test="alerts-page">
            {setup.rootFallback && (
                <OrgUnitFallbackNotice
                    fallback={setup.rootFallback}
                    shownName={setup.rootUnits.map((root) => root.displayName).join(', ')}
                />
            )}
            <ScanPanel config={config} setup={setup} onRun={onRun} />
            {!scan.data && !scan.running && !scan.error && (
                <NoticeBox title={i18n.t('No scan yet')} dataTest="alerts-no-scan">
                    {i18n.t(
                        'Run the scan to compare every month with its baseline, for every pair and every org unit of the chosen levels. Large scans take a while; you can cancel them.'
                    )}
                </NoticeBox>
            )}
            {scan.data && (
                <>
                    <ThresholdPanel
                        overrides={session.overrides}
                        onChange={(next) => update({ overrides: next })}
                    />
                    {computing && (
                        <div
                            className={classes.computing}
                            role="status"
                            data-test="alerts-computing"
                        >
                            <CircularLoader extrasmall />{' '}
                            {progress
                                ? i18n.t(
                                      'Applying the thresholds to {{done}} of {{total}} org units',
                                      {
                                          done: progress.done,
                                          total: progress.total,
                                      }
                                  )
                                : i18n.t(
                                      'Looking for alerts in the background; the page stays usable.'
                                  )}
                        </div>
                    )}
                    {followUps.error && <ErrorNotice error={followUps.error} />}
                    {printing && exportCtx && (
                        <AlertsPrintView
                            entries={shown}
                            ctx={exportCtx}
                            onClose={() => setPrinting(false)}
                        />
                    )}
                    {entries && listed && stockouts && (
                        <AlertList
                            config={config}
                            scan={scan.data}
                            entries={listed}
                            unfilteredCount={entries.length}
                            listing={listing}
                            showBelowCut={showBelowCut}
                            onShowBelowCut={setShowBelowCut}
                            stockouts={stockouts}
                            renderFollowUp={followUps.render}
                            extraFilter={
                                <FollowUpFilterSelect
                                    filter={followUpFilter}
                                    onFilter={setFollowUpFilter}
                                />
                            }
                            extraFilterValue={followUpFilter}
                            actions={
                                exportCtx && (
                                    <AlertsExportActions
                                        count={shown.length}
                                        onCsv={() => downloadAlertsCsv(shown, exportCtx)}
                                        onPrint={() => setPrinting(true)}
                                    />
                                )
                            }
                            filters={filters}
                            onFilters={setFilters}
                            levelName={levelName}
                            periodName={setup.periodName}
                            roots={setup.roots}
                            lastMonth={setup.lastMonth}
                            locale={setup.locale}
                            push={push}
                        />
                    )}
                </>
            )}
        </div>
    )
}
