import i18n from '@dhis2/d2-i18n'
import Highcharts from 'highcharts'
import 'highcharts/modules/accessibility'
// Highcharts 12's modules are UMD: imported after `highcharts`, each extends that one copy (the
// CommonJS build registers itself for them), as the accessibility module above
import 'highcharts/modules/drilldown'
import HighchartsReact from 'highcharts-react-official'
import React, {
    useEffect,
    useImperativeHandle,
    useLayoutEffect,
    useMemo,
    useRef,
    useState,
} from 'react'
import { useDrawTurn } from '../lazy/LazyMount'
import { withMinPlotHeight, withRenderHandler } from './min-plot'
import { withPointClick, type PointClick } from './point-click'
import { ChartBox, ChartPlaceholder } from './ChartBox'
import { markOnce } from '../perf/mark'
import { keepFocusUnlessInChart } from './focus-guard'
import { installFontSizeShortcut } from './font-size'
import { shareTextBoxCache } from './text-box-cache'
import { chartLangSource, hasChartLang, loadChartLang } from './chart-lang-loader'

installFontSizeShortcut(Highcharts)
shareTextBoxCache(Highcharts)

markOnce('chart-module')

/** The language Highcharts' screen reader sentences were last set in (`chart-lang-loader.ts`) */
let langSet: string | null = null

const setChartLang = () => {
    const language = i18n.language || 'en'
    // A DHIS2 app's language is the user's setting, read at its start: it does not change after
    if (langSet === language || !hasChartLang(language)) return
    const source = chartLangSource()
    if (!source) {
        // Normally loaded with this module (`LazyChart`); a language known only now: the
        // charts made from now on get it
        void loadChartLang()
        return
    }
    Highcharts.setOptions({ lang: source() })
    langSet = language
}

export type { PointClick } from './point-click'

/** Calls `onDrawn` with the chart's height after each render (it may grow: `withMinPlotHeight`). */
const withDrawnHeight = (
    options: Highcharts.Options,
    onDrawn: (height: number) => void
): Highcharts.Options =>
    withRenderHandler(options, (chart) => onDrawn(Math.round(chart.chartHeight)))

/** What `chartRef` points to: the chart drawn (`undefined` until it is drawn, in its turn) */
export interface ChartHandle {
    readonly chart: Highcharts.Chart | undefined
}

/** A drill-down point clicked (the drilldown module's `drilldown` event): its chart asks for the level below */
export type DrilldownHandler = (point: Highcharts.Point) => void

/**
 * The chart's `drilldown` event, once per click: a click on a drillable axis label raises it for
 * every shown series' point of that category (`Axis#drilldownCategory`); the first one counts.
 */
const withDrilldownEvent = (
    options: Highcharts.Options,
    onDrilldown: DrilldownHandler
): Highcharts.Options => ({
    ...options,
    chart: {
        ...options.chart,
        events: {
            ...options.chart?.events,
            drilldown(event: Highcharts.DrilldownEventObject) {
                if (Array.isArray(event.points)) {
                    const first = event.points.find(
                        (point): point is Highcharts.Point => typeof point === 'object'
                    )
                    if (first && first !== event.point) return
                }
                onDrilldown(event.point)
            },
        },
    },
})

/**
 * A Highcharts chart (accessibility on), as wide as its container and `height` high (the card
 * derives it from its size, `chartGridLayout`); the plot keeps at least `MIN_PLOT_HEIGHT` pixels.
 * A new height resizes the chart drawn rather than drawing it again. Exporting is not loaded with
 * it: `downloadChartImage` loads it on demand.
 */
export const Chart = ({
    options,
    onPointClick,
    onDrilldown,
    height = 380,
    dataTest,
    chartRef,
    levelKey = '',
    onCreated,
}: {
    options: Highcharts.Options
    onPointClick?: PointClick
    /** A drill-down point (or its column, or its axis label) clicked */
    onDrilldown?: DrilldownHandler
    height?: number
    dataTest?: string
    chartRef?: React.Ref<ChartHandle | null>
    /** The drill level `options` draw (`drillKey`; `''`: the trend), given back to `onCreated` */
    levelKey?: string
    /**
     * A chart object created (in its turn, `useDrawTurn`: maybe long after `options` were given),
     * with the level key of the options it was made from
     */
    onCreated?: (chart: Highcharts.Chart, levelKey: string) => void
}) => {
    setChartLang()
    // The handler is read through a ref: a new callback identity must not re-create the chart
    const clickRef = useRef(onPointClick)
    clickRef.current = onPointClick
    const drilldownRef = useRef(onDrilldown)
    drilldownRef.current = onDrilldown
    const heightRef = useRef(height)
    heightRef.current = height
    const inner = useRef<HighchartsReact.RefObject>(null)
    // Read through getters: the chart object exists only once drawn (in its turn), and is made
    // anew with new options
    useImperativeHandle(
        chartRef,
        (): ChartHandle => ({
            get chart() {
                return inner.current?.chart ?? undefined
            },
        }),
        []
    )
    const clickable = Boolean(onPointClick)
    // The height the chart was drawn at (more than `height` when its plot needed room)
    const [drawnHeight, setDrawnHeight] = useState<number | null>(null)
    const drawnRef = useRef(setDrawnHeight)
    const merged = useMemo(
        () =>
            withDrawnHeight(
                withMinPlotHeight(
                    withDrilldownEvent(
                        withPointClick(
                            {
                                ...options,
                                chart: {
                                    ...options.chart,
                                    height: heightRef.current,
                                    style: { fontFamily: 'inherit' },
                                },
                            },
                            clickable ? (point) => clickRef.current?.(point) : undefined
                        ),
                        (point) => drilldownRef.current?.(point)
                    )
                ),
                (drawn) => drawnRef.current(drawn)
            ),
        [options, clickable]
    )
    const drawing = useMemo(() => ({ options: merged, levelKey }), [merged, levelKey])
    const shown = useDrawTurn(drawing)
    const createdRef = useRef(onCreated)
    createdRef.current = onCreated
    const created = useRef<Highcharts.Chart | null>(null)
    // After the chart's own layout effect (highcharts-react creates the chart in one)
    useLayoutEffect(() => {
        const chart = inner.current?.chart
        if (!shown || !chart || chart === created.current) return
        created.current = chart
        keepFocusUnlessInChart(chart)
        createdRef.current?.(chart, shown.levelKey)
    }, [shown])
    useEffect(() => {
        const chart = inner.current?.chart
        if (chart?.renderer && Math.round(chart.chartHeight) !== height) {
            chart.setSize(null, height, false)
        }
        // also for a chart drawn in its turn with options made at another height
    }, [height, shown])
    const boxHeight = shown ? Math.max(height, drawnHeight ?? height) : height
    return (
        <ChartBox height={boxHeight} dataTest={dataTest}>
            {shown ? (
                <HighchartsReact
                    highcharts={Highcharts}
                    options={shown.options}
                    immutable
                    ref={inner}
                />
            ) : (
                <ChartPlaceholder height={height} />
            )}
        </ChartBox>
    )
}
