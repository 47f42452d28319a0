import { useDataEngine } from '@dhis2/app-runtime'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { queryKeys } from '../../../data/query-keys'
import { saveConfig, type StoredConfigEntry } from '../api/config-store'
import { draftToJson, jsonEqual, jsonToDraft, type ConfigJson, type Draft } from '../model/draft'
import {
    clearStoredDraft,
    readStoredDraft,
    restoreOffer,
    writeStoredDraft,
    type DraftStorage,
    type RestoreOffer,
} from '../model/draft-storage'
import { validateDraft } from '../model/issues'
import { setUnsavedChanges, useBeforeUnload } from '../unsaved-changes'

/** The server's configuration as the editor last saw it. */
export interface ServerState {
    exists: boolean
    lastUpdated: string | null
    lastUpdatedBy: string | null
    /** Normalised like the draft (`draftToJson(jsonToDraft(value))`), to tell unsaved changes */
    value: ConfigJson
}

/**
 * The server version the edits are based on (value with its revision, `lastUpdated`): a save
 * checks that nobody saved since, and claims it so that nobody saves on top of it at the same time.
 */
export interface BasedOn {
    exists: boolean
    lastUpdated: string | null
    lastUpdatedBy: string | null
    value: unknown
}

export type SaveState =
    | { status: 'idle' }
    | { status: 'saving' }
    | { status: 'saved'; at: Date }
    | {
          status: 'conflict'
          remote: StoredConfigEntry
          /** `concurrent`: saved at the same moment as this admin; `overwritten`: just after */
          reason: 'changed' | 'concurrent' | 'overwritten'
      }
    | { status: 'error'; error: unknown }

const normalise = (value: unknown): ConfigJson => draftToJson(jsonToDraft(value))

const browserStorage = (): DraftStorage | undefined => {
    try {
        return window.localStorage
    } catch {
        return undefined
    }
}

const serverStateOf = (entry: StoredConfigEntry): ServerState => ({
    exists: entry.exists,
    lastUpdated: entry.lastUpdated,
    lastUpdatedBy: entry.lastUpdatedBy,
    value: normalise(entry.value),
})

/**
 * The mapping editor's state: the draft, what is on the server, the draft kept in localStorage,
 * validation, and saving with the concurrent-edit check. `entry` is read once, when the editor
 * opens; later changes on the server are met when saving.
 */
export const useMappingEditor = ({
    entry,
    storageKey,
    onUnsavedChangesChange,
}: {
    entry: StoredConfigEntry
    /** localStorage key of the draft (per instance and user); `null`: not kept */
    storageKey: string | null
    onUnsavedChangesChange?: (unsaved: boolean) => void
}) => {
    const engine = useDataEngine()
    const queryClient = useQueryClient()
    const storage = useMemo(browserStorage, [])
    const [server, setServer] = useState<ServerState>(() => serverStateOf(entry))
    const [basedOn, setBasedOn] = useState<BasedOn>(() => ({
        exists: entry.exists,
        lastUpdated: entry.lastUpdated,
        lastUpdatedBy: entry.lastUpdatedBy,
        value: entry.value,
    }))
    const [draft, setDraft] = useState<Draft>(() => jsonToDraft(entry.value))
    const [offer, setOffer] = useState<RestoreOffer | null>(() =>
        storageKey
            ? restoreOffer(
                  readStoredDraft(storage, storageKey),
                  normalise(entry.value),
                  entry.lastUpdated
              )
            : null
    )
    const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' })
    const [storageFailed, setStorageFailed] = useState(false)

    const draftJson = useMemo(() => draftToJson(draft), [draft])
    const unsaved = !jsonEqual(draftJson, server.value)
    const issues = useMemo(() => validateDraft(draft), [draft])

    // Keep the draft in localStorage as it changes (not while a stored draft waits for an answer)
    useEffect(() => {
        if (offer || !storageKey) return
        if (unsaved) {
            const ok = writeStoredDraft(storage, storageKey, {
                savedAt: new Date().toISOString(),
                baseLastUpdated: basedOn.lastUpdated,
                baseValue: basedOn.exists ? basedOn.value : null,
                value: draftJson,
            })
            setStorageFailed(!ok)
        } else {
            clearStoredDraft(storage, storageKey)
        }
    }, [draftJson, unsaved, offer, storage, storageKey, basedOn])

    const notify = useRef(onUnsavedChangesChange)
    notify.current = onUnsavedChangesChange
    useEffect(() => {
        setUnsavedChanges(unsaved)
        notify.current?.(unsaved)
    }, [unsaved])
    useEffect(
        () => () => {
            setUnsavedChanges(false)
            notify.current?.(false)
        },
        []
    )
    useBeforeUnload(unsaved)

    const restoreDraft = useCallback(() => {
        if (!offer) return
        setDraft(jsonToDraft(offer.draft.value))
        if (offer.serverChangedSince) {
            // Saving will show what changed on the server since this draft started
            setBasedOn({
                exists: offer.draft.baseLastUpdated !== null,
                lastUpdated: offer.draft.baseLastUpdated,
                lastUpdatedBy: null,
                value: offer.draft.baseValue,
            })
        }
        setOffer(null)
    }, [offer])

    const discardStoredDraft = useCallback(() => {
        if (storageKey) clearStoredDraft(storage, storageKey)
        setOffer(null)
    }, [storage, storageKey])

    const adoptServer = useCallback((remote: StoredConfigEntry) => {
        setServer(serverStateOf(remote))
        setBasedOn({
            exists: remote.exists,
            lastUpdated: remote.lastUpdated,
            lastUpdatedBy: remote.lastUpdatedBy,
            value: remote.value,
        })
    }, [])

    /**
     * Saves the draft. `overwrite`: the admin saw the other version in the conflict dialog and
     * chose theirs to be replaced; the save is then made on top of that version (a save that
     * happens meanwhile is again a conflict, never lost).
     */
    const save = useCallback(
        async (overwrite?: StoredConfigEntry) => {
            const value = draftJson
            setSaveState({ status: 'saving' })
            try {
                const result = await saveConfig(engine, {
                    base: overwrite ?? basedOn,
                    value,
                    takeOver: overwrite !== undefined,
                })
                if (result.status === 'conflict') {
                    // The draft stays as it is: nothing of this admin's edit is lost
                    setSaveState({
                        status: 'conflict',
                        remote: result.remote,
                        reason: result.reason,
                    })
                    return
                }
                adoptServer(result.entry)
                if (result.status === 'saved' && !jsonEqual(normalise(result.entry.value), value)) {
                    // Someone saved on top of this save already: theirs includes it
                    setDraft(jsonToDraft(result.entry.value))
                }
                setSaveState({ status: 'saved', at: new Date() })
            } catch (error) {
                setSaveState({ status: 'error', error })
            } finally {
                // Every view reading the configuration refreshes: after a save, and also after a
                // conflict or an error, which may have come after the value was written (the
                // read-back or the entry's sharing) or show that someone else's value is there
                void queryClient.invalidateQueries({ queryKey: queryKeys.config() })
            }
        },
        [draftJson, basedOn, engine, adoptServer, queryClient]
    )

    /** "Reload theirs": the server's version replaces the draft. */
    const reloadTheirs = useCallback(
        (remote: StoredConfigEntry) => {
            adoptServer(remote)
            setDraft(jsonToDraft(remote.value))
            setSaveState({ status: 'idle' })
        },
        [adoptServer]
    )

    /** Back to what is on the server. */
    const discardChanges = useCallback(() => {
        setDraft(jsonToDraft(server.value))
        setSaveState({ status: 'idle' })
    }, [server])

    const dismissSaveState = useCallback(() => setSaveState({ status: 'idle' }), [])

    return {
        draft,
        setDraft,
        draftJson,
        server,
        basedOn,
        unsaved,
        issues,
        offer,
        restoreDraft,
        discardStoredDraft,
        saveState,
        save,
        reloadTheirs,
        discardChanges,
        dismissSaveState,
        storageFailed,
    }
}

export type MappingEditorState = ReturnType<typeof useMappingEditor>
