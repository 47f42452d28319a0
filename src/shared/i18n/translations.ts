/**
 * The app's translations (i18n/*.po, generated into src/locales by d2-app-scripts build/start and
 * `npm run i18n:generate`), loaded for the user's language only, each language as its own chunk.
 * The generated `src/locales/index.js` would put every language in the first view's JavaScript.
 * English has no bundle: its strings are the msgids themselves (`i18n/en.pot` has no other
 * text, a unit test checks it), which is what i18next shows for a key it has no translation of.
 *
 * The app adapter sets the user's language (`i18n.changeLanguage`, from the user settings)
 * before it renders the app (`@dhis2/app-adapter` `useLocale`), and adds the instance's custom
 * translations first: the app's are added without overwriting them, as the generated file does.
 */
import i18n from '@dhis2/d2-i18n'

const NAMESPACE = 'default'

export type Translations = Record<string, string>
export type TranslationLoaders = Readonly<Record<string, () => Promise<Translations>>>

/** The languages besides English (one per `i18n/<language>.po`; a unit test keeps them in step) */
export const TRANSLATION_LOADERS: TranslationLoaders = {
    fr: () => import('../../locales/fr/translations.json').then((m) => m.default),
    sw: () => import('../../locales/sw/translations.json').then((m) => m.default),
}

/**
 * The language of the app's translations for a language code (`fr-CA` → `fr`), or `null` when
 * there is none to load (English).
 */
export const translationLanguage = (
    loaders: TranslationLoaders,
    language: string | undefined
): string | null => {
    if (!language || language === 'en' || language.startsWith('en-')) return null
    if (loaders[language]) return language
    const base = language.split('-')[0] ?? ''
    return loaders[base] ? base : null
}

/**
 * `load(language)`: loads the translations of a language (i18next's code) through `loaders` and
 * gives them to `add`, once: `null` when there is nothing to wait for (English, a language the
 * app has no translations in, or loaded already), else the promise of their loading. A failed
 * download leaves the app in English rather than without an app.
 */
export const translationLoader = (
    loaders: TranslationLoaders,
    add: (language: string, translations: Translations) => void
) => {
    const done = new Set<string>()
    const loading = new Map<string, Promise<void>>()
    return (language: string | undefined): Promise<void> | null => {
        const target = translationLanguage(loaders, language)
        const loader = target ? loaders[target] : undefined
        if (!target || !loader || done.has(target)) return null
        let pending = loading.get(target)
        if (!pending) {
            pending = loader()
                .then((translations) => add(target, translations))
                .catch(() => undefined)
                .finally(() => {
                    done.add(target)
                    loading.delete(target)
                })
            loading.set(target, pending)
        }
        return pending
    }
}

/** The app's loader: into d2-i18n, deep, without overwriting the instance's custom translations */
export const loadTranslations = translationLoader(TRANSLATION_LOADERS, (language, translations) =>
    i18n.addResourceBundle(language, NAMESPACE, translations, true, false)
)
