import type { LangOptions } from 'highcharts'

/**
 * Highcharts' screen reader sentences in the user's language (`charts/chart-lang.ts`), loaded
 * only for a language other than English (Highcharts' own are English): in English their code is
 * not downloaded. `LazyChart` loads them with the chart's code; `Chart` sets them before a chart
 * is made.
 */
let source: (() => LangOptions) | null = null
let loading: Promise<void> | null = null

/** English (or no language yet): Highcharts' own sentences */
export const isEnglish = (language: string | undefined): boolean =>
    !language || language.split(/[-_]/)[0] === 'en'

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
