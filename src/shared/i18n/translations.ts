/**
 * The app's translations (i18n/*.po, generated into src/locales by d2-app-scripts build/start and
 * `npm run i18n:generate`), loaded for the user's language only: English with the app (its plural
 * forms are in it), each other language as its own chunk when the app starts in it. The generated
 * `src/locales/index.js` would put every language in the first view's JavaScript.
 *
 * The app adapter sets the user's language (`i18n.changeLanguage`, from the user settings)
 * before it renders the app (`@dhis2/app-adapter` `useLocale`), and adds the instance's custom
 * translations first: the app's are added without overwriting them, as the generated file does.
 */
import i18n from '@dhis2/d2-i18n'
import enTranslations from '../../locales/en/translations.json'

const NAMESPACE = 'default'

type Translations = Record<string, string>

/** The languages besides English (one per `i18n/<language>.po`; a unit test keeps them in step) */
export const TRANSLATION_LOADERS: Readonly<Record<string, () => Promise<Translations>>> = {
    fr: () => import('../../locales/fr/translations.json').then((m) => m.default),
    sw: () => import('../../locales/sw/translations.json').then((m) => m.default),
}

const add = (language: string, translations: Translations) => {
    // deep, no overwrite: the instance's custom translations (added before) stay
    i18n.addResourceBundle(language, NAMESPACE, translations, true, false)
}

add('en', enTranslations)

/** Languages whose translations were added (or failed to load: then the app stays in English) */
const done = new Set<string>()
const loading = new Map<string, Promise<void>>()

/**
 * The language of the app's translations for i18next's languages (`fr-CA` → `fr`), or `null`
 * when there is none beyond English.
 */
export const translationLanguage = (languages: readonly string[]): string | null => {
    for (const language of languages) {
        if (language === 'en' || language.startsWith('en-')) return null
        if (TRANSLATION_LOADERS[language]) return language
        const base = language.split('-')[0] ?? ''
        if (TRANSLATION_LOADERS[base]) return base
    }
    return null
}

/**
 * Loads the app's translations for `language` (i18next's language code) if it has some and they
 * are not added yet: `null` when there is nothing to wait for, else the promise of their loading.
 */
export const loadTranslations = (language: string | undefined): Promise<void> | null => {
    const target = translationLanguage(language ? [language] : [])
    const loader = target ? TRANSLATION_LOADERS[target] : undefined
    if (!target || !loader || done.has(target)) return null
    let pending = loading.get(target)
    if (!pending) {
        pending = loader()
            .then((translations) => add(target, translations))
            // A failed download: the app in English rather than no app
            .catch(() => undefined)
            .finally(() => {
                done.add(target)
                loading.delete(target)
            })
        loading.set(target, pending)
    }
    return pending
}
