import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    NoticeBox,
    SegmentedControl,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import React, { useEffect, useMemo, useRef, useState } from 'react'
import { CONFIG_NAMESPACE, type Config } from '../../domain/config'
import {
    RELATIVE_PERIODS,
    isRelativePeriod,
    periodName,
    relativePeriodLabel,
    todayInCalendar,
    type CalendarId,
} from '../../domain/periods'
import { viewPeriods } from '../triangulation/view-periods'
import { canEditConfig, dataViewRoots, useMe } from '../../data/use-me'
import { describeError, ErrorNotice } from '../../shared/api-errors'
import { serializeViewState, type ViewState } from '../../shared/navigation'
import { ConfigGate } from '../triangulation/ConfigGate'
import { TriangulationView } from '../triangulation/TriangulationPage'
import { itemSettingsOf, loadItemSettings, saveItemSettings } from './item-settings-store'
import type { StoredEntry } from '../../data/datastore-entry'
import type { ProtectOutcome } from '../../data/entry-protection'
import { ItemCache } from './ItemCache'
import {
    filterItemLabel,
    ignoredFilterText,
    orgUnitResolutionQuery,
    resolveFilters,
} from './dashboard-filters'
import { AlertsItem } from './AlertsItem'
import { useFilterNames } from './use-filter-names'
import { useAnalytics } from '../../data/use-analytics'
import { useInstanceCalendar } from '../../data/use-calendar'
import {
    alignDashboardPeriods,
    alignedPeriodText,
    periodResolutionQuery,
    resolvedPeriodsOf,
} from './period-filter'
import {
    appLink,
    itemAppState,
    itemKey,
    showsAlerts,
    itemViewState,
    type DashboardItemFilters,
    type ItemSettings,
} from './item-settings'

/** The months or quarters a view shows, in words */
const shownPeriodLabel = (view: ViewState, calendar: CalendarId, locale: string): string => {
    const periods = viewPeriods(view.pe, view.grain, todayInCalendar(calendar), {
        calendar,
        locale,
    })
    const first = periods.display[0]
    const last = periods.display[periods.display.length - 1]
    if (!first || !last) return ''
    const name = (id: string) => periodName(id, { calendar, locale })
    return first === last
        ? name(first)
        : i18n.t('{{first}} to {{last}}', {
              first: name(first),
              last: name(last),
              interpolation: { escapeValue: false },
          })
}

/** The props the DHIS2 dashboard (dashboard-app v101+ `AppItem`) passes to an app plugin */
export interface DashboardItemProps {
    dashboardItemId?: string
    dashboardItemFilters?: DashboardItemFilters
    dashboardMode?: string
    /**
     * Tells the dashboard the item's title and "Open in app" link: `appUrl` is appended to the
     * app's launch URL (`appUrl: \`${launchUrl}${newState.appUrl}\``), so it is the view's hash
     */
    setDashboardItemDetails?: (details: { appUrl?: string; itemTitle?: string }) => void
    /** `<dashboard id>-<item id>`: the id of this item's section in the offline cache */
    cacheId?: string
    /** The dashboard is made available offline: the item records its requests too */
    isParentCached?: boolean
}

const useItemSettings = (key: string) => {
    const engine = useDataEngine()
    return useQuery({
        queryKey: ['dataStore', CONFIG_NAMESPACE, key],
        // The key list is read first: an item not set up yet is normal, not a 404 error
        queryFn: ({ signal }) => loadItemSettings(engine, key, signal),
    })
}

const Picker = ({
    config,
    initial,
    onSave,
    onCancel,
    saving,
}: {
    config: Config
    initial: ItemSettings | null
    onSave: (settings: ItemSettings) => void
    onCancel?: () => void
    saving: boolean
}) => {
    const firstArea = config.programAreas[0]
    const [draft, setDraft] = useState<ItemSettings>(
        initial ?? {
            area: firstArea?.id ?? '',
            pair: firstArea?.pairs[0]?.id ?? '',
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
        }
    )
    const area = config.programAreas.find((a) => a.id === draft.area)
    const alerts = draft.show === 'alerts'
    return (
        <div
            data-test="item-picker"
            style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: 8 }}
        >
            <strong>{i18n.t('Choose what this dashboard item shows')}</strong>
            <SegmentedControl
                options={[
                    { label: i18n.t('One pair'), value: 'pair' },
                    { label: i18n.t('Top alerts'), value: 'alerts' },
                ]}
                selected={alerts ? 'alerts' : 'pair'}
                onChange={({ value }: { value: string }) =>
                    setDraft({ ...draft, show: value === 'alerts' ? 'alerts' : 'pair' })
                }
            />
            <SingleSelectField
                dense
                label={i18n.t('Program area')}
                selected={draft.area}
                onChange={({ selected }: { selected: string }) =>
                    setDraft({
                        ...draft,
                        area: selected,
                        pair:
                            config.programAreas.find((a) => a.id === selected)?.pairs[0]?.id ?? '',
                    })
                }
            >
                {config.programAreas.map((a) => (
                    <SingleSelectOption key={a.id} value={a.id} label={a.name} />
                ))}
            </SingleSelectField>
            {!alerts && (
                <SingleSelectField
                    dense
                    label={i18n.t('Pair')}
                    selected={area?.pairs.some((p) => p.id === draft.pair) ? draft.pair : undefined}
                    onChange={({ selected }: { selected: string }) =>
                        setDraft({ ...draft, pair: selected })
                    }
                    dataTest="item-picker-pair"
                >
                    {(area?.pairs ?? []).map((p) => (
                        <SingleSelectOption key={p.id} value={p.id} label={p.name} />
                    ))}
                </SingleSelectField>
            )}
            {!alerts && (
                <SingleSelectField
                    dense
                    label={i18n.t('Period')}
                    selected={draft.pe}
                    onChange={({ selected }: { selected: string }) =>
                        setDraft({ ...draft, pe: selected })
                    }
                >
                    {RELATIVE_PERIODS.map((p) => (
                        <SingleSelectOption key={p} value={p} label={relativePeriodLabel(p)} />
                    ))}
                </SingleSelectField>
            )}
            {!alerts && (
                <SegmentedControl
                    options={[
                        { label: i18n.t('Monthly'), value: 'monthly' },
                        { label: i18n.t('Quarterly'), value: 'quarterly' },
                    ]}
                    selected={draft.grain}
                    onChange={({ value }: { value: string }) =>
                        setDraft({
                            ...draft,
                            grain: value === 'quarterly' ? 'quarterly' : 'monthly',
                        })
                    }
                />
            )}
            <p style={{ fontSize: 12, margin: 0 }}>
                {i18n.t('Org unit – each viewer sees their own org unit, or the dashboard filter.')}
            </p>
            <div style={{ display: 'flex', gap: 8 }}>
                <Button
                    primary
                    small
                    loading={saving}
                    disabled={!draft.pair}
                    onClick={() => onSave(draft)}
                    dataTest="item-picker-save"
                >
                    {i18n.t('Save')}
                </Button>
                {onCancel && (
                    <Button small secondary onClick={onCancel}>
                        {i18n.t('Cancel')}
                    </Button>
                )}
            </div>
        </div>
    )
}

/**
 * One dashboard item: a pair's side-by-side charts, configured per item and stored in the app's
 * dataStore namespace. Same data layer and components as the app.
 */
export const DashboardItem = ({
    dashboardItemId,
    dashboardItemFilters,
    setDashboardItemDetails,
    cacheId,
    isParentCached,
}: DashboardItemProps) => {
    const key = itemKey(dashboardItemId ?? 'default')
    const engine = useDataEngine()
    const client = useQueryClient()
    const me = useMe()
    const stored = useItemSettings(key)
    const settings = { ...stored, data: stored.data?.settings ?? null }
    const [editing, setEditing] = useState(false)
    const [view, setView] = useState<ViewState | null>(null)
    /** Someone else changed this item while it was being changed here */
    const [conflict, setConflict] = useState<StoredEntry | null>(null)
    /** The last save could not restrict who may change the item (entry sharing) */
    const [unprotected, setUnprotected] = useState<ProtectOutcome | null>(null)
    /** The org units summed, in words (from the view, once DHIS2 named them) */
    const [viewCombinedLine, setCombinedLine] = useState<{ text: string; title: string } | null>(
        null
    )
    const userOrgUnits = useMemo(
        () => (me.data?.organisationUnits ?? []).map((ou) => ou.id),
        [me.data?.organisationUnits]
    )
    // By content: a dashboard re-rendering with equal filters must not reset the view (its drill)
    const filtersKey = JSON.stringify(dashboardItemFilters ?? {})
    // The filters as given, one object while their content stays the same
    const given = useMemo(() => JSON.parse(filtersKey) as DashboardItemFilters, [filtersKey])
    const givenOu = useMemo(() => given.ou ?? [], [given])
    const resolved = useMemo(() => resolveFilters(given, userOrgUnits), [given, userOrgUnits])
    const filterNames = useFilterNames(givenOu)
    const calendar = useInstanceCalendar()
    // Periods the view has no choice for: resolved by DHIS2 analytics, shown as the months covering them
    const periodTable = useAnalytics(
        resolved.peItems ? periodResolutionQuery(resolved.peItems) : null
    )
    const periodData = periodTable.isPlaceholderData ? undefined : periodTable.data
    const dashboardPeriods = useMemo(
        () => (periodData ? resolvedPeriodsOf(periodData) : null),
        [periodData]
    )
    const alignment = useMemo(
        () => (dashboardPeriods ? alignDashboardPeriods(dashboardPeriods, { calendar }) : null),
        [dashboardPeriods, calendar]
    )
    /** The dashboard's periods cannot be shown: DHIS2 refused them, or they resolved to nothing */
    const periodFailed =
        resolved.peItems !== undefined &&
        (periodTable.isError || (dashboardPeriods !== null && alignment === null))
    const periodPending = resolved.peItems !== undefined && !periodFailed && !alignment
    // Several org units, levels, groups: checked by DHIS2 first (a level or group it does not
    // know, or none left: 409 E7143/E7124), so that the item then keeps its own org unit and says
    // so instead of showing an error in place of the charts
    const ouTable = useAnalytics(resolved.ouItems ? orgUnitResolutionQuery(resolved.ouItems) : null)
    const ouFailed = resolved.ouItems !== undefined && ouTable.isError
    const ouPending =
        resolved.ouItems !== undefined &&
        !ouFailed &&
        (ouTable.isPending || ouTable.isPlaceholderData)
    useEffect(() => {
        if (!settings.data || periodPending || ouPending) {
            setView(null)
            return
        }
        setView(
            itemViewState(settings.data, {
                ...resolved,
                ...(ouFailed ? { ouItems: undefined } : {}),
                pe: alignment?.selection ?? resolved.pe,
            })
        )
    }, [settings.data, resolved, alignment, periodPending, ouPending, ouFailed])
    const locale = me.data?.settings?.keyUiLocale ?? 'en'
    // The dashboard's periods in words: the names the dashboard passes, else DHIS2's
    const periodFilterLabel = useMemo(() => {
        const givenPe = given.pe ?? []
        return (resolved.peItems ?? [])
            .map(
                (id) =>
                    givenPe.find((item) => item.id === id)?.name ?? periodData?.itemName(id) ?? id
            )
            .join(', ')
    }, [given, resolved.peItems, periodData])
    // The dashboard's period, for the alerts item: its last month (of the months the view shows
    // for it) and its names as the dashboard gives them
    const dashboardPeriod = useMemo(() => {
        const appliedPe = resolved.pe !== undefined || (resolved.peItems && alignment)
        if (!view || !appliedPe || periodFailed) return undefined
        const { months } = viewPeriods(view.pe, view.grain, todayInCalendar(calendar), {
            calendar,
        })
        const lastMonth = months[months.length - 1]
        const label = resolved.peItems
            ? periodFilterLabel
            : (given.pe ?? [])
                  .map(
                      (item) =>
                          item.name ??
                          (isRelativePeriod(item.id) ? relativePeriodLabel(item.id) : item.id)
                  )
                  .join(', ')
        return lastMonth ? { lastMonth, label } : undefined
    }, [view, resolved, alignment, periodFailed, calendar, given, periodFilterLabel])
    const combined = useMemo(
        () =>
            resolved.ouItems && !ouFailed
                ? {
                      items: resolved.ouItems,
                      label: givenOu
                          .filter((item) =>
                              resolved.ouItems?.includes(
                                  item.path?.split('/').filter(Boolean).pop() ?? item.id
                              )
                          )
                          .map((item) => filterItemLabel(item, filterNames.data))
                          .join(', '),
                  }
                : undefined,
        [resolved.ouItems, ouFailed, givenOu, filterNames.data]
    )
    const combinedLine = combined ? viewCombinedLine : null
    // An alerts item: the Alerts page on its scan, once the item knows it (`AlertsItem`)
    const [alertsPage, setAlertsPage] = useState<ViewState | null>(null)
    const hash =
        view && settings.data
            ? serializeViewState(
                  (showsAlerts(settings.data) ? alertsPage : null) ??
                      itemAppState(settings.data, view)
              )
            : null
    // The dashboard's "Open in app" (item menu) opens the same view (dashboard-app v101+); told
    // once per view, whatever the identity of the callback the dashboard passes
    const toldHash = useRef<string | null>(null)
    useEffect(() => {
        if (!hash || !setDashboardItemDetails || toldHash.current === hash) return
        toldHash.current = hash
        setDashboardItemDetails({ appUrl: hash })
    }, [hash, setDashboardItemDetails])
    const save = useMutation({
        mutationFn: async ({ next, takeOver }: { next: ItemSettings; takeOver?: StoredEntry }) => {
            const base = takeOver ?? stored.data?.entry
            if (!base) throw new Error('The item settings are not loaded')
            return saveItemSettings(engine, key, base, next, takeOver !== undefined)
        },
        onSuccess: (result) => {
            if (result.status === 'conflict') {
                // The choice made here stays in the picker; theirs is shown
                setConflict(result.remote)
                setEditing(true)
                client.setQueryData(
                    ['dataStore', CONFIG_NAMESPACE, key],
                    itemSettingsOf(result.remote)
                )
                return
            }
            setConflict(null)
            setUnprotected(result.protection?.status === 'failed' ? result.protection : null)
            client.setQueryData(['dataStore', CONFIG_NAMESPACE, key], itemSettingsOf(result.entry))
            setEditing(false)
        },
    })
    if (me.isLoading || settings.isLoading) return <CircularLoader small />
    if (settings.error)
        return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
    const canEdit = me.data ? canEditConfig(me.data) : false

    return (
        <ConfigGate>
            {(config) => {
                if (!settings.data || editing) {
                    if (!canEdit) {
                        return (
                            <NoticeBox
                                title={i18n.t('This item is not set up yet')}
                                dataTest="item-not-set-up"
                            >
                                {i18n.t(
                                    'Ask the dashboard owner or an administrator to choose a pair for it.'
                                )}
                            </NoticeBox>
                        )
                    }
                    return (
                        <>
                            {save.error && <ErrorNotice error={save.error} />}
                            {conflict && (
                                <NoticeBox
                                    warning
                                    title={i18n.t('Someone else changed this item meanwhile')}
                                    dataTest="item-conflict"
                                >
                                    {i18n.t(
                                        'Your choice was not saved. Save again to replace theirs, or cancel to keep theirs.'
                                    )}
                                </NoticeBox>
                            )}
                            <Picker
                                config={config}
                                initial={settings.data ?? null}
                                saving={save.isPending}
                                onSave={(next) =>
                                    save.mutate({
                                        next,
                                        ...(conflict ? { takeOver: conflict } : {}),
                                    })
                                }
                                onCancel={
                                    settings.data
                                        ? () => {
                                              setConflict(null)
                                              setEditing(false)
                                          }
                                        : undefined
                                }
                            />
                        </>
                    )
                }
                if (!view) return <CircularLoader small />
                const periodText =
                    alignment && dashboardPeriods
                        ? alignedPeriodText({
                              periods: dashboardPeriods,
                              alignment,
                              grain: view.grain,
                              filterLabel: periodFilterLabel,
                              shownLabel: shownPeriodLabel(view, calendar, locale),
                          })
                        : ''
                const pairExists = config.programAreas.some(
                    (a) => a.id === view.area && a.pairs.some((p) => p.id === view.pair)
                )
                return (
                    <ItemCache cacheId={cacheId} isParentCached={isParentCached}>
                        <div data-test="dashboard-item">
                            <div
                                style={{
                                    display: 'flex',
                                    gap: 8,
                                    alignItems: 'flex-start',
                                    padding: '0 0 4px',
                                    fontSize: 13,
                                }}
                            >
                                {/* The dashboard's period in words: two lines at most in a small
                                    item (the months shown first), the whole text on hover */}
                                <div style={{ flex: '1 1 auto', minWidth: 0 }}>
                                    {periodText && (
                                        <p
                                            style={{
                                                margin: 0,
                                                fontSize: 12,
                                                lineHeight: '16px',
                                                display: '-webkit-box',
                                                // One line when the org units' line follows
                                                WebkitLineClamp: combinedLine ? 1 : 2,
                                                WebkitBoxOrient: 'vertical',
                                                overflow: 'hidden',
                                            }}
                                            title={periodText}
                                            data-test="item-period-aligned"
                                        >
                                            {periodText}
                                        </p>
                                    )}
                                    {combinedLine && (
                                        // The filter and the org units DHIS2 summed
                                        <p
                                            style={{
                                                margin: 0,
                                                fontSize: 12,
                                                lineHeight: '16px',
                                                color: 'var(--colors-grey700, #4a5768)',
                                                overflow: 'hidden',
                                                textOverflow: 'ellipsis',
                                                whiteSpace: 'nowrap',
                                            }}
                                            title={combinedLine.title}
                                            data-test="item-combined-ou"
                                        >
                                            {combinedLine.text}
                                        </p>
                                    )}
                                </div>
                                <div
                                    style={{
                                        display: 'flex',
                                        gap: 8,
                                        alignItems: 'center',
                                        flex: '0 0 auto',
                                    }}
                                >
                                    <a
                                        href={appLink(
                                            settings.data ? itemAppState(settings.data, view) : view
                                        )}
                                        target="_top"
                                        data-test="open-in-app"
                                        title={
                                            combined
                                                ? i18n.t(
                                                      'Opens the app on the same pair, months and org units, summed'
                                                  )
                                                : i18n.t(
                                                      'Opens the app on the same pair, period and org unit'
                                                  )
                                        }
                                    >
                                        {i18n.t('Open in app')}
                                    </a>
                                    {canEdit && (
                                        <Button
                                            small
                                            secondary
                                            onClick={() => setEditing(true)}
                                            dataTest="item-change"
                                        >
                                            {i18n.t('Change')}
                                        </Button>
                                    )}
                                </div>
                            </div>
                            {periodFailed && (
                                <NoticeBox
                                    title={i18n.t('Dashboard filter not applied')}
                                    dataTest="item-period-failed"
                                >
                                    {i18n.t(
                                        'DHIS2 could not resolve the dashboard period “{{what}}” ({{reason}}) – this item shows its own period.',
                                        {
                                            what: (resolved.peItems ?? []).join(', '),
                                            reason: periodTable.error
                                                ? (describeError(periodTable.error).serverMessage ??
                                                  describeError(periodTable.error).title)
                                                : i18n.t('no period'),
                                            interpolation: { escapeValue: false },
                                        }
                                    )}
                                </NoticeBox>
                            )}
                            {ouFailed && (
                                <NoticeBox
                                    title={i18n.t('Dashboard filter not applied')}
                                    dataTest="item-filter-ignored-ou"
                                >
                                    {ignoredFilterText(
                                        {
                                            dimension: 'ou',
                                            items: givenOu,
                                        },
                                        filterNames.data
                                    )}
                                </NoticeBox>
                            )}
                            {resolved.ignored.map((filter) => (
                                <NoticeBox
                                    key={filter.dimension}
                                    title={i18n.t('Dashboard filter not applied')}
                                    dataTest={`item-filter-ignored-${filter.dimension}`}
                                >
                                    {ignoredFilterText(filter, filterNames.data)}
                                </NoticeBox>
                            ))}
                            {unprotected && (
                                <NoticeBox
                                    warning
                                    title={i18n.t('Saved, but not protected')}
                                    dataTest="item-not-protected"
                                >
                                    {i18n.t(
                                        'DHIS2 refused to restrict who may change this item, so every user of the app may change it. Ask a superuser to protect the entries on the Mapping page.'
                                    )}
                                </NoticeBox>
                            )}
                            {settings.data && showsAlerts(settings.data) ? (
                                <AlertsItem
                                    config={config}
                                    areaId={settings.data.area}
                                    orgUnitId={
                                        view.ou ??
                                        (me.data ? dataViewRoots(me.data)[0]?.id : undefined) ??
                                        ''
                                    }
                                    locale={me.data?.settings?.keyUiLocale ?? 'en'}
                                    dashboardPeriod={dashboardPeriod}
                                    onAlertsPage={setAlertsPage}
                                />
                            ) : pairExists ? (
                                <TriangulationView
                                    config={config}
                                    state={view}
                                    push={setView}
                                    replace={setView}
                                    compact
                                    combined={combined}
                                    onCombinedLine={setCombinedLine}
                                />
                            ) : (
                                <NoticeBox
                                    warning
                                    title={i18n.t('This pair was removed from the mapping')}
                                    dataTest="item-pair-missing"
                                >
                                    {canEdit
                                        ? i18n.t('Choose another pair with “Change”.')
                                        : i18n.t('Ask the dashboard owner to choose another pair.')}
                                </NoticeBox>
                            )}
                        </div>
                    </ItemCache>
                )
            }}
        </ConfigGate>
    )
}
