import i18n from '@dhis2/d2-i18n'
import { CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useEffect, useMemo, useRef } from 'react'
import { EntryBadges } from '../alerts/EntryBadges'
import { alertTypeLabel, describeAlert } from '../../domain/alerts'
import type { Config } from '../../domain/config'
import { periodName as calendarPeriodName, todayInCalendar } from '../../domain/periods'
import { useInstanceCalendar } from '../../data/use-calendar'
import { useOrgUnit } from '../../data/use-org-unit'
import { ErrorNotice } from '../../shared/api-errors'
import type { ViewState } from '../../shared/navigation'
import {
    alertNames,
    alertViewState,
    areaOfPairs,
    entryPairName,
    orgUnitsById,
    pairsById,
} from '../alerts/alert-view'
import { followUpKeyOf, scanFollowUps } from '../alerts/follow-up/alert-entries'
import { effectiveStatusLabel } from '../alerts/follow-up/follow-up-text'
import { useFollowUps } from '../alerts/follow-up/use-follow-ups'
import {
    DEFAULT_BASELINE_MONTHS,
    DEFAULT_TEST_MONTHS,
    lastCompleteMonth,
    lastDueMonth,
    scanPairs,
    scanWindow,
} from '../alerts/scan-plan'
import { useAlertScan, useLevelCounts, useNamedLevels, type ScanInput } from '../alerts/use-scan'
import { useScanAlerts } from '../alerts/use-scan-alerts'
import { usePairsMetadata } from '../triangulation/use-view-data'
import { appLink } from './item-settings'
import { alertItemLevels, itemAlertsPageState, itemScanEnd } from './top-alerts'
import classes from './AlertsItem.module.css'

/** How many org unit × pair lines the item lists (it scrolls when the item is small) */
export const ITEM_ALERTS = 8
const NO_OVERRIDES = {}

/**
 * The dashboard item's "top alerts": the alert scan of a program area for one org unit (itself
 * and two levels below, `alertItemLevels`; the app's default thresholds and window), its first
 * ranked entries (org unit × pair, tiered and ranked by impact as on the Alerts page, computed
 * the same way: `useScanAlerts`, in a web worker) with their follow-up status, each a link to the
 * drilled chart in the app.
 */
export const AlertsItem = ({
    config,
    areaId,
    orgUnitId,
    locale,
    dashboardPeriod,
    onAlertsPage,
}: {
    config: Config
    /**
     * The Alerts page on this item's scan (area, org unit, levels, months, run on opening): what
     * the dashboard's "Open in app" opens, as the item's "All N in the app" link does
     */
    onAlertsPage?: (state: ViewState) => void
    areaId: string
    orgUnitId: string
    locale: string
    /**
     * The dashboard's period filter: its last month (the scan ends there when that is before the
     * last month due, `itemScanEnd`) and its name
     */
    dashboardPeriod?: { lastMonth: string; label: string }
}) => {
    const calendar = useInstanceCalendar()
    const orgUnit = useOrgUnit(orgUnitId)
    const levels = useNamedLevels()
    const area = config.programAreas.find((a) => a.id === areaId)
    const pairs = useMemo(
        () => scanPairs(config.programAreas, area ? area.id : null),
        [config.programAreas, area]
    )
    const metadata = usePairsMetadata(pairs)
    const maxLevel = levels.data?.length ? Math.max(...levels.data.map((l) => l.level)) : undefined
    const scanLevels = useMemo(
        () =>
            orgUnit.data && maxLevel !== undefined
                ? alertItemLevels(orgUnit.data.level, maxLevel)
                : [],
        [orgUnit.data, maxLevel]
    )
    const roots = useMemo(() => [orgUnitId], [orgUnitId])
    const counts = useLevelCounts(roots, scanLevels)
    const today = useMemo(() => todayInCalendar(calendar), [calendar])
    const lastMonth = useMemo(() => lastCompleteMonth(today, { calendar }), [today, calendar])
    const window = useMemo(
        () =>
            scanWindow(
                itemScanEnd(lastDueMonth(today, { calendar }), dashboardPeriod?.lastMonth),
                DEFAULT_BASELINE_MONTHS,
                DEFAULT_TEST_MONTHS
            ),
        [today, calendar, dashboardPeriod?.lastMonth]
    )
    const input: ScanInput | null = useMemo(() => {
        if (!metadata.data || !counts.data || maxLevel === undefined || !scanLevels.length) {
            return null
        }
        const countData = counts.data
        return {
            pairs,
            metadata: metadata.data,
            roots,
            levels: scanLevels.map((level) => ({ level, orgUnits: countData[level] ?? 0 })),
            maxLevel,
            window,
        }
    }, [metadata.data, counts.data, maxLevel, scanLevels, pairs, roots, window])
    const alertsPageState = useMemo(
        () =>
            scanLevels.length
                ? itemAlertsPageState({
                      areaId,
                      orgUnitId,
                      levels: scanLevels,
                      end: window.months[window.months.length - 1] ?? '',
                      baselineMonths: window.baselineMonths,
                      testMonths: window.testMonths,
                  })
                : null,
        [areaId, orgUnitId, scanLevels, window]
    )
    const toldAlertsPage = useRef(onAlertsPage)
    toldAlertsPage.current = onAlertsPage
    useEffect(() => {
        if (alertsPageState) toldAlertsPage.current?.(alertsPageState)
    }, [alertsPageState])
    const scan = useAlertScan(input, { overrides: NO_OVERRIDES, facilityLevel: maxLevel ?? null })
    const { run } = scan
    const scanned = Boolean(scan.data)
    useEffect(() => {
        if (input && !scanned) run()
    }, [input, scanned, run])
    const { entries } = useScanAlerts(scan.data, pairs, NO_OVERRIDES, maxLevel ?? null)
    const stored = useFollowUps(entries !== null)
    const followUps = useMemo(
        () => (entries && stored.data ? scanFollowUps(entries, stored.data) : new Map()),
        [entries, stored.data]
    )
    const periodName = (id: string) => {
        try {
            return calendarPeriodName(id, { calendar, locale })
        } catch {
            return id
        }
    }

    const error =
        orgUnit.error ?? levels.error ?? metadata.error ?? counts.error ?? scan.error ?? null
    if (error) return <ErrorNotice error={error} onRetry={run} />
    if (!area) {
        return (
            <NoticeBox warning title={i18n.t('This program area was removed from the mapping')}>
                {i18n.t('Choose another program area with “Change”.')}
            </NoticeBox>
        )
    }
    const title = i18n.t('Top alerts, {{area}}, {{orgUnit}}', {
        area: area.name,
        orgUnit: orgUnit.data?.displayName ?? '',
        interpolation: { escapeValue: false },
    })
    if (!scan.data || !entries) {
        return (
            <div className={classes.item} data-test="alerts-item-loading">
                <div className={classes.title}>{title}</div>
                <div className={classes.loading}>
                    <CircularLoader small />
                    <span>
                        {scan.progress?.phase === 'requests'
                            ? i18n.t('Scanning {{done}} of {{total}} requests', {
                                  done: scan.progress.done,
                                  total: scan.progress.total,
                              })
                            : i18n.t('Scanning for alerts')}
                    </span>
                </div>
            </div>
        )
    }
    const pairMap = pairsById(config)
    const units = orgUnitsById(scan.data)
    const areas = areaOfPairs(config)
    const top = entries.slice(0, ITEM_ALERTS)
    // The Alerts page on this scan: same area, org unit, levels and months, run on opening
    const alertsPage = appLink(alertsPageState)
    return (
        <div className={classes.item} data-test="alerts-item">
            <div className={classes.header}>
                <div className={classes.title}>{title}</div>
                <a href={alertsPage} target="_top" data-test="alerts-item-all">
                    {i18n.t('All {{number}} in the app', { number: String(entries.length) })}
                </a>
            </div>
            <div className={classes.hint} data-test="alerts-item-months">
                {dashboardPeriod
                    ? i18n.t(
                          '{{first}} to {{last}}, the last months of the dashboard period “{{period}}” reported, highest impact first',
                          {
                              first: periodName(
                                  window.months[window.months.length - window.testMonths] ?? ''
                              ),
                              last: periodName(window.months[window.months.length - 1] ?? ''),
                              period: dashboardPeriod.label,
                              interpolation: { escapeValue: false },
                          }
                      )
                    : i18n.t('{{first}} to {{last}}, highest impact first', {
                          first: periodName(
                              window.months[window.months.length - window.testMonths] ?? ''
                          ),
                          last: periodName(window.months[window.months.length - 1] ?? ''),
                          interpolation: { escapeValue: false },
                      })}
            </div>
            {top.length === 0 ? (
                <NoticeBox title={i18n.t('No alerts')} dataTest="alerts-item-empty">
                    {i18n.t('The detectors found nothing unusual with these thresholds.')}
                </NoticeBox>
            ) : (
                <ol className={classes.list}>
                    {top.map((entry, index) => {
                        const reason = entry.reasons[0]
                        const pair = pairMap.get(entry.pairId)
                        const unit = units.get(entry.orgUnitId)
                        const followUp = followUps.get(followUpKeyOf(entry))
                        const others = entry.reasons.length - 1
                        return (
                            <li
                                key={entry.id}
                                className={classes.entry}
                                data-test="alerts-item-entry"
                                data-tier={entry.tier}
                            >
                                <div className={classes.entryHead}>
                                    <EntryBadges
                                        rank={index + 1}
                                        tier={entry.tier}
                                        rankClassName={classes.rank}
                                        tierDataTest="alerts-item-tier"
                                    />
                                    <strong className={classes.name}>
                                        {unit?.name ?? entry.orgUnitId}
                                    </strong>
                                    <span className={classes.muted}>
                                        {entryPairName(entry, pair)}
                                    </span>
                                    {followUp && followUp.history.length > 0 && (
                                        <span
                                            className={classes.status}
                                            data-test="alerts-item-follow-up"
                                        >
                                            {effectiveStatusLabel(followUp)}
                                        </span>
                                    )}
                                </div>
                                {reason && (
                                    <a
                                        className={classes.link}
                                        href={appLink(
                                            alertViewState({
                                                scanAlert: reason,
                                                areaId: areas.get(reason.alert.pairId),
                                                orgUnit: units.get(reason.alert.orgUnitId),
                                                roots,
                                                lastMonth,
                                            })
                                        )}
                                        target="_top"
                                        data-test="alerts-item-link"
                                    >
                                        {alertTypeLabel(reason.alert.type)}
                                        {' · '}
                                        {describeAlert(
                                            reason.alert,
                                            alertNames(
                                                reason,
                                                pairMap.get(reason.alert.pairId),
                                                units.get(reason.alert.orgUnitId),
                                                scan.data?.itemNames ?? {},
                                                periodName
                                            )
                                        )}
                                    </a>
                                )}
                                {others > 0 && (
                                    <span className={classes.muted}>
                                        {i18n.t('and {{number}} more reasons', {
                                            number: String(others),
                                        })}
                                    </span>
                                )}
                            </li>
                        )
                    })}
                </ol>
            )}
        </div>
    )
}
