import i18n from '@dhis2/d2-i18n'
import React, { Suspense, useState, type ComponentProps } from 'react'
import { lazyWithRetry } from '../api-errors/LoadBoundary'
import { ChartBox, ChartPlaceholder } from './ChartBox'
import { hasChartLang, loadChartLang } from './chart-lang-loader'

type ChartModule = typeof import('./Chart')

let loading: Promise<ChartModule> | null = null
/** The module once loaded: charts rendered after that are drawn without suspending */
let loaded: ChartModule | null = null

/**
 * Highcharts (with its accessibility and drilldown modules) and the chart component, loaded once.
 * The view asks for it once it has asked for its data (`TriangulationView`): Highcharts is then
 * evaluated while the data is on its way, not before the view could ask for it. A failed download
 * can be tried again.
 */
export const loadChart = (): Promise<ChartModule> => {
    loading ??= Promise.all([
        import('./Chart'),
        // Highcharts' screen reader sentences in the user's language, with it
        hasChartLang(i18n.language) ? loadChartLang() : null,
    ]).then(
        ([module]) => {
            loaded = module
            return module
        },
        (error: unknown) => {
            loading = null
            throw error
        }
    )
    return loading
}

export type ChartProps = ComponentProps<ChartModule['Chart']>

const LoadedChart = lazyWithRetry(
    (attempt) => (attempt === 0 ? loadChart() : import('./Chart')),
    (m: ChartModule) => m.Chart
)

/**
 * `Chart` (see `./Chart`). Highcharts already loaded (as the view loads it, with its data): the
 * chart itself, without suspending (React would show the fallback for a moment and reveal the
 * chart in a later pass). Not yet: its placeholder of the same size until it is, then the chart;
 * a failed download goes to the page's `LoadBoundary` ("Try again").
 */
export const Chart = (props: ChartProps) => {
    // Decided once: a chart does not change from one component to the other (drawn twice)
    const [ready] = useState(() => loaded)
    if (ready) return <ready.Chart {...props} />
    return (
        <Suspense
            fallback={
                <ChartBox height={props.height ?? 380} dataTest={props.dataTest}>
                    <ChartPlaceholder height={props.height ?? 380} />
                </ChartBox>
            }
        >
            <LoadedChart {...props} />
        </Suspense>
    )
}
