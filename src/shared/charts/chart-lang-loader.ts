import type { LangOptions } from 'highcharts'
import { TRANSLATION_LOADERS, translationLanguage } from '../i18n/translations'

/**
 * Highcharts' screen reader sentences in the user's language (`charts/chart-lang.ts`), loaded
 * only for a language the app has translations in (Highcharts' own sentences are English, as are
 * the app's strings without a translation): in English their code is not downloaded. `LazyChart`
 * loads them with the chart's code; `Chart` sets them before a chart is made.
 */
let source: (() => LangOptions) | null = null
let loading: Promise<void> | null = null

/** The app has translations in `language` (as its own strings are loaded: `translations.ts`) */
export const hasChartLang = (language: string | undefined): boolean =>
    translationLanguage(TRANSLATION_LOADERS, language) !== null

/** Loads the translated sentences once (a failed download is tried again at the next call) */
export const loadChartLang = (): Promise<void> => {
    loading ??= import('../../charts/chart-lang').then(
        (module) => {
            source = module.chartLang
        },
        () => {
            loading = null
        }
    )
    return loading
}

/** The sentences in the current language, once loaded */
export const chartLangSource = (): (() => LangOptions) | null => source
