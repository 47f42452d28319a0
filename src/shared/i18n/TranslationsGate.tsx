import i18n from '@dhis2/d2-i18n'
import { CircularLoader } from '@dhis2/ui'
import React, { useEffect, useReducer } from 'react'
import { loadTranslations } from './translations'

/**
 * Renders its children once the app's translations for the user's language are in (at once in
 * English; another language's chunk is loaded first, `loadTranslations`), so that no text is
 * shown in English and then changes.
 */
export const TranslationsGate = ({ children }: { children: React.ReactNode }) => {
    const [, loaded] = useReducer((n: number) => n + 1, 0)
    const pending = loadTranslations(i18n.language)
    useEffect(() => {
        if (!pending) return
        let live = true
        void pending.then(() => {
            if (live) loaded()
        })
        return () => {
            live = false
        }
    }, [pending])
    return pending ? <CircularLoader small dataTest="translations-loading" /> : <>{children}</>
}
