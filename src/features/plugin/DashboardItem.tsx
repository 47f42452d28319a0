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
import { RELATIVE_PERIODS, relativePeriodLabel } from '../../domain/periods'
import { canEditConfig, dataViewRoots, useMe } from '../../data/use-me'
import { ErrorNotice } from '../../shared/api-errors'
import { serializeViewState, type ViewState } from '../../shared/navigation'
import { ConfigGate } from '../triangulation/ConfigGate'
import { TriangulationView } from '../triangulation/TriangulationPage'
import { itemSettingsOf, loadItemSettings, saveItemSettings } from './item-settings-store'
import type { StoredEntry } from '../../data/datastore-entry'
import type { ProtectOutcome } from '../../data/entry-protection'
import { ItemCache } from './ItemCache'
import {
    ignoredFilterText,
    namedObjectIds,
    resolveFilters,
    type FilterNames,
    type IgnoredFilter,
} from './dashboard-filters'
import { AlertsItem } from './AlertsItem'
import {
    appLink,
    itemAppState,
    itemKey,
    showsAlerts,
    itemViewState,
    type DashboardItemFilters,
    type ItemSettings,
} from './item-settings'

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

/** Names of the org unit levels and groups an ignored filter refers to (from the metadata) */
const useFilterNames = (ignored: IgnoredFilter[]) => {
    const engine = useDataEngine()
    const { levels, groups } = namedObjectIds(ignored)
    return useQuery({
        queryKey: ['filterNames', levels, groups],
        enabled: levels.length + groups.length > 0,
        staleTime: Infinity,
        queryFn: async ({ signal }): Promise<FilterNames> => {
            type Named = { id: string; displayName: string }
            const result = (await engine.query(
                {
                    levels: {
                        resource: 'organisationUnitLevels',
                        params: { fields: 'id,displayName', paging: false },
                    },
                    groups: {
                        resource: 'organisationUnitGroups',
                        params: {
                            fields: 'id,displayName',
                            filter: `id:in:[${groups.join(',')}]`,
                            paging: false,
                        },
                    },
                },
                { signal }
            )) as {
                levels?: { organisationUnitLevels?: Named[] }
                groups?: { organisationUnitGroups?: Named[] }
            }
            const byId = (list: Named[] | undefined) =>
                Object.fromEntries((list ?? []).map((o) => [o.id, o.displayName]))
            return {
                levels: byId(result.levels?.organisationUnitLevels),
                groups: byId(result.groups?.organisationUnitGroups),
            }
        },
    })
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
    const userOrgUnits = useMemo(
        () => (me.data?.organisationUnits ?? []).map((ou) => ou.id),
        [me.data?.organisationUnits]
    )
    // By content: a dashboard re-rendering with equal filters must not reset the view (its drill)
    const filtersKey = JSON.stringify(dashboardItemFilters ?? {})
    const resolved = useMemo(
        () => resolveFilters(JSON.parse(filtersKey) as DashboardItemFilters, userOrgUnits),
        [filtersKey, userOrgUnits]
    )
    const filterNames = useFilterNames(resolved.ignored)
    useEffect(() => {
        setView(settings.data ? itemViewState(settings.data, resolved) : null)
    }, [settings.data, resolved])
    const hash =
        view && settings.data ? serializeViewState(itemAppState(settings.data, view)) : null
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
                if (!view) return null
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
                                    alignItems: 'center',
                                    justifyContent: 'flex-end',
                                    padding: '0 0 4px',
                                    fontSize: 13,
                                }}
                            >
                                <a href={appLink(hash ?? '')} target="_top" data-test="open-in-app">
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
                                />
                            ) : pairExists ? (
                                <TriangulationView
                                    config={config}
                                    state={view}
                                    push={setView}
                                    replace={setView}
                                    compact
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
