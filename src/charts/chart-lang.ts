/**
 * What the Highcharts accessibility module tells screen readers about a chart, in the user's
 * language: its built-in sentences (`lang.accessibility`, English in Highcharts) for the charts the
 * app draws (lines and columns, their axes, series and legend). The sentences are Highcharts
 * templates: `{numPoints}`, `{#eq numPoints 1}…{else}…{/eq}`, `{#each names}…{/each}` are
 * Highcharts' own placeholders and helpers, kept as they are in every translation (i18next only
 * reads `{{…}}`). Highcharts' `lang` is global: `Chart.tsx` sets it before a chart is made
 * whenever the language changed.
 */
import i18n from '@dhis2/d2-i18n'
import type { LangOptions } from 'highcharts'

/** The number group separator of `locale` (a space in French), as Highcharts reads numbers out */
const groupSeparator = (locale: string): string => {
    try {
        return (
            new Intl.NumberFormat(locale).formatToParts(10000).find((p) => p.type === 'group')
                ?.value ?? ','
        )
    } catch {
        return ','
    }
}

/** The accessibility module's sentences in the current language (`i18n.language`). */
export const chartLang = (): LangOptions => ({
    accessibility: {
        defaultChartTitle: i18n.t('Chart'),
        chartContainerLabel: i18n.t('{title}. Interactive chart.'),
        svgContainerLabel: i18n.t('Interactive chart'),
        thousandsSep: groupSeparator(i18n.language || 'en'),
        screenReaderSection: {
            endOfChartMarker: i18n.t('End of interactive chart.'),
        },
        legend: {
            legendLabelNoTitle: i18n.t('Toggle series visibility, {chartTitle}'),
            legendLabel: i18n.t('Chart legend – {legendTitle}'),
            legendItem: i18n.t('Show {itemName}'),
        },
        chartTypes: {
            emptyChart: i18n.t('Empty chart'),
            combinationChart: i18n.t('Combination chart with {numSeries} data series.'),
            defaultSingle: i18n.t(
                'Chart with {numPoints} data {#eq numPoints 1}point{else}points{/eq}.'
            ),
            defaultMultiple: i18n.t('Chart with {numSeries} data series.'),
            lineSingle: i18n.t(
                'Line chart with {numPoints} data {#eq numPoints 1}point{else}points{/eq}.'
            ),
            lineMultiple: i18n.t('Line chart with {numSeries} lines.'),
            columnSingle: i18n.t('Bar chart with {numPoints} {#eq numPoints 1}bar{else}bars{/eq}.'),
            columnMultiple: i18n.t('Bar chart with {numSeries} data series.'),
        },
        axis: {
            xAxisDescriptionSingular: i18n.t(
                'The chart has 1 X axis displaying {names[0]}. {ranges[0]}'
            ),
            xAxisDescriptionPlural: i18n.t(
                'The chart has {numAxes} X axes displaying {#each names}{#unless @first},{/unless}{#if @last} and{/if} {this}{/each}.'
            ),
            yAxisDescriptionSingular: i18n.t(
                'The chart has 1 Y axis displaying {names[0]}. {ranges[0]}'
            ),
            yAxisDescriptionPlural: i18n.t(
                'The chart has {numAxes} Y axes displaying {#each names}{#unless @first},{/unless}{#if @last} and{/if} {this}{/each}.'
            ),
            rangeFromTo: i18n.t('Data ranges from {rangeFrom} to {rangeTo}.'),
            rangeCategories: i18n.t('Data range – {numCategories} categories.'),
            defaultAxisNames: {
                categories: i18n.t('categories'),
                time: i18n.t('Time'),
                values: i18n.t('values'),
            },
        },
        series: {
            summary: {
                default: i18n.t(
                    '{series.name}, series {seriesNumber} of {chart.series.length} with {series.points.length} data {#eq series.points.length 1}point{else}points{/eq}.'
                ),
                defaultCombination: i18n.t(
                    '{series.name}, series {seriesNumber} of {chart.series.length} with {series.points.length} data {#eq series.points.length 1}point{else}points{/eq}.'
                ),
                line: i18n.t(
                    '{series.name}, line {seriesNumber} of {chart.series.length} with {series.points.length} data {#eq series.points.length 1}point{else}points{/eq}.'
                ),
                lineCombination: i18n.t(
                    '{series.name}, series {seriesNumber} of {chart.series.length}. Line with {series.points.length} data {#eq series.points.length 1}point{else}points{/eq}.'
                ),
                column: i18n.t(
                    '{series.name}, bar series {seriesNumber} of {chart.series.length} with {series.points.length} {#eq series.points.length 1}bar{else}bars{/eq}.'
                ),
                columnCombination: i18n.t(
                    '{series.name}, series {seriesNumber} of {chart.series.length}. Bar series with {series.points.length} {#eq series.points.length 1}bar{else}bars{/eq}.'
                ),
            },
            xAxisDescription: i18n.t('X axis, {name}'),
            yAxisDescription: i18n.t('Y axis, {name}'),
            nullPointValue: i18n.t('No value'),
        },
    },
})
