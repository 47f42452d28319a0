/**
 * Whether the mapping editor has unsaved changes, readable outside it: the app's navigation asks
 * before leaving the settings page (`confirmLeavingSettings`), and the page warns the browser when
 * the tab is closed or reloaded (`useBeforeUnload`). The draft is also kept in localStorage, so even
 * a confirmed leave loses nothing.
 */
import i18n from '@dhis2/d2-i18n'
import { useEffect, useSyncExternalStore } from 'react'

let unsaved = false
const listeners = new Set<() => void>()

export const setUnsavedChanges = (value: boolean): void => {
    if (unsaved === value) return
    unsaved = value
    for (const listener of listeners) listener()
}

/** True while the settings page holds changes that are not saved to the server. */
export const hasUnsavedChanges = (): boolean => unsaved

const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => {
        listeners.delete(listener)
    }
}

/** `hasUnsavedChanges` as a React hook (re-renders when it changes). */
export const useUnsavedChanges = (): boolean =>
    useSyncExternalStore(subscribe, hasUnsavedChanges, () => false)

export const leaveSettingsMessage = (): string =>
    i18n.t(
        'The mapping has changes that are not saved. Leave anyway? Your draft stays in this browser and will be offered when you come back.'
    )

/**
 * For in-app navigation away from the settings page: true when there is nothing unsaved or the user
 * confirms leaving.
 */
export const confirmLeavingSettings = (
    confirm: (message: string) => boolean = (message) => window.confirm(message)
): boolean => !unsaved || confirm(leaveSettingsMessage())

/** Asks the browser to confirm closing or reloading the tab while `active`. */
export const useBeforeUnload = (active: boolean): void => {
    useEffect(() => {
        if (!active) return undefined
        const onBeforeUnload = (event: BeforeUnloadEvent) => {
            event.preventDefault()
            // Chrome and Edge need returnValue set to show the prompt
            event.returnValue = ''
        }
        window.addEventListener('beforeunload', onBeforeUnload)
        return () => window.removeEventListener('beforeunload', onBeforeUnload)
    }, [active])
}
