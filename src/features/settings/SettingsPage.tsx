import { useConfig, useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { CircularLoader } from '@dhis2/ui'
import { useQuery } from '@tanstack/react-query'
import React, { useEffect, useRef, useState } from 'react'
import { queryKeys } from '../../data/query-keys'
import { useMe } from '../../data/use-me'
import { ErrorNotice } from '../../shared/api-errors'
import { EditorsPanel } from '../access/EditorsPanel'
import { loadConfigEntry, type StoredConfigEntry } from './api/config-store'
import { MappingEditor } from './components/MappingEditor'
import { ReadOnlyMapping } from './components/ReadOnlyMapping'
import { draftStorageKey } from './model/draft-storage'
import { canEditConfig, type MeWithAuthorities } from './permissions'
import classes from './SettingsPage.module.css'

/** The instance's absolute URL (the platform may give a relative one, e.g. `../../..`). */
const instanceUrl = (baseUrl: string): string => {
    try {
        return new URL(baseUrl, window.location.href).href
    } catch {
        return baseUrl
    }
}

/**
 * The settings page (`#/settings`): the mapping of commodities to HMIS and LMIS data. Editors
 * (superusers and the editors named in the app, see `permissions.ts`) get the editor; everyone
 * else the mapping as a reference. The panel of editors says who may change it.
 * `onUnsavedChangesChange` (or `useUnsavedChanges()` / `confirmLeavingSettings()`) lets the app's
 * navigation ask before leaving with unsaved changes.
 */
export const SettingsPage = ({
    onUnsavedChangesChange,
}: {
    onUnsavedChangesChange?: (unsaved: boolean) => void
} = {}) => {
    const engine = useDataEngine()
    const { baseUrl } = useConfig()
    // The user with their groups and the app's named editors (who may edit: see permissions.ts)
    const me = useMe()
    const entry = useQuery({
        queryKey: queryKeys.configEntry(),
        queryFn: ({ signal }) => loadConfigEntry(engine, signal),
        staleTime: 0,
        refetchOnMount: 'always',
    })
    // The editor starts from the server's latest version, read after the page opened (not from a
    // cached copy), and keeps it: later refetches (after a save) do not reset it.
    const mountedAt = useRef(Date.now())
    const [initialEntry, setInitialEntry] = useState<StoredConfigEntry | null>(null)
    useEffect(() => {
        if (
            !initialEntry &&
            entry.data &&
            !entry.isFetching &&
            entry.dataUpdatedAt >= mountedAt.current
        ) {
            setInitialEntry(entry.data)
        }
    }, [initialEntry, entry.data, entry.isFetching, entry.dataUpdatedAt])
    const user: MeWithAuthorities | undefined = me.data
    const editable = canEditConfig(user)

    return (
        <div className={classes.page} data-test="settings-page">
            <div className={classes.header}>
                <div>
                    <h2 className={classes.title}>{i18n.t('Mapping of commodities to data')}</h2>
                    <p className={classes.intro}>
                        {i18n.t(
                            'Which HMIS service data and which LMIS logistics data are shown side by side for each commodity.'
                        )}
                    </p>
                </div>
            </div>
            <EditorsPanel />
            {me.error || entry.error ? (
                <ErrorNotice
                    error={me.error ?? entry.error}
                    onRetry={() => {
                        if (me.error) void me.refetch()
                        if (entry.error) void entry.refetch()
                    }}
                    dataTest="settings-load-error"
                />
            ) : !user || !initialEntry ? (
                <CircularLoader small />
            ) : editable ? (
                <MappingEditor
                    entry={initialEntry}
                    storageKey={user.id ? draftStorageKey(instanceUrl(baseUrl), user.id) : null}
                    onUnsavedChangesChange={onUnsavedChangesChange}
                />
            ) : (
                <ReadOnlyMapping entry={entry.data ?? initialEntry} />
            )}
        </div>
    )
}
