import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    NoticeBox,
    SegmentedControl,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import React, {
    memo,
    Suspense,
    useCallback,
    useDeferredValue,
    useEffect,
    useMemo,
    useRef,
    useState,
} from 'react'
import type { AnalyticsTable } from '../../api/analytics'
import { drillKey, type ChartPeriod } from '../../charts'
import type { Config, Pair, ProgramArea } from '../../domain/config'
import {
    RELATIVE_PERIODS,
    periodName,
    relativePeriodLabel,
    periodIdContaining,
    monthRangeBounds,
    todayInCalendar,
    type Grain,
    type RelativePeriod,
} from '../../domain/periods'
import { useInstanceCalendar } from '../../data/use-calendar'
import { dataViewRoots, useUser, type Me } from '../../data/use-me'
import { useOrgUnit, useViewOrgUnit } from '../../data/use-org-unit'
import { useMaxOrgUnitLevel } from '../../data/use-org-unit-levels'
import { ErrorNotice } from '../../shared/api-errors'
import { lazyWithRetry } from '../../shared/api-errors/LoadBoundary'
import { useLastSettled } from '../../shared/hooks/use-last-settled'
import { LazyMount, useProgressiveCount } from '../../shared/lazy/LazyMount'
import { drillParent, type ViewState } from '../../shared/navigation'
import { buildPairDrill, hasLevelBelow, possibleDrill } from './drill-model'
import { combinedOrgUnitsName, combinedOrgUnitsText } from './combined-text'
import { orgUnitItemsLabel } from '../plugin/filter-labels'
import { useFilterNames } from '../plugin/use-filter-names'
import { trendLabels } from './labels'
import { OrgUnitPicker } from './OrgUnitPicker'
import { buildPairTrend, type DataSetInfo, type ItemInfo, type PairTrend } from './pair-model'
import { PairCard, type PairCardProps } from './PairCard'
import {
    expectedFacilities,
    pairStockFigures,
    stockStatusPeriod,
    stockStatusScope,
    type StockScope,
    type PairStockFigures,
} from './stock-model'
import {
    useDrillTable,
    usePairsMetadata,
    useStaggeredTable,
    useStockStatusTable,
    useTrendTable,
} from './use-view-data'
import { viewPeriods } from './view-periods'
import { viewArea, viewPairs } from './view-requests'
import { firstCardsView } from './first-view'
import classes from './TriangulationPage.module.css'
import { markOnce } from '../../shared/perf/mark'
import { loadChart } from '../../shared/charts/LazyChart'

markOnce('view-module')

/** Highcharts and the chart component (`LazyChart`), for the app to load after the view's code */
export { loadChart }

// Shown only when a link names an org unit the user may not see: its code is not in the first
// view (a failed download goes to the page's "Try again", as the view's other parts)
const OrgUnitFallbackNotice = lazyWithRetry(
    () => import('../../shared/navigation/OrgUnitFallbackNotice'),
    (m) => m.OrgUnitFallbackNotice
)

const PERIOD_CHOICES: RelativePeriod[] = RELATIVE_PERIODS.filter(
    (p) => !['THIS_MONTH', 'LAST_MONTH', 'THIS_QUARTER', 'LAST_QUARTER'].includes(p)
)

const periodSelectionLabel = (selection: string, nameOf: (id: string) => string): string => {
    if ((RELATIVE_PERIODS as readonly string[]).includes(selection))
        return relativePeriodLabel(selection as RelativePeriod)
    const range = monthRangeBounds(selection)
    if (!range) return selection
    return range[0] === range[1]
        ? nameOf(range[0])
        : i18n.t('{{first}} to {{last}}', {
              first: nameOf(range[0]),
              last: nameOf(range[1]),
              interpolation: { escapeValue: false },
          })
}

/** The key of a combined selection's series (its table has no `ou` column: DHIS2 summed them) */
const COMBINED = 'COMBINED'

export interface TriangulationViewProps {
    config: Config
    state: ViewState
    push: (state: ViewState) => void
    replace: (state: ViewState) => void
    /** Compact: a dashboard item (no selectors, one pair) */
    compact?: boolean
    /**
     * Several org units from a dashboard filter, as `ou` items of one analytics request
     * (`USER_ORGUNIT_CHILDREN`, `LEVEL-<uid>`, `OU_GROUP-<uid>`, ids), with the filter in words.
     *
     * They are shown as their SUM, not one series per org unit: each pair's chart already has
     * several series (service volume against consumption, stock, reporting rates) and is read
     * side by side with its partner; a series per org unit would multiply them (twelve districts
     * × four series) and lose that reading. The sum is what DHIS2 gives for an org unit filter
     * (the org units go in `filter=ou:…`): values aggregated over all of them, reporting rates and
     * indicators computed from the summed counts, numerators and denominators — not an average of
     * rates made here. (As in DHIS2, filter org units of different levels are queried per level,
     * dhis2-core `DefaultQueryPlanner.groupByOrgUnitLevel`.) The org units are named from the
     * response's `metaData`. No drill-down or facility stock status for a sum: those are of one
     * org unit (the item says which org units it sums).
     */
    combined?: { items: readonly string[]; label: string }
    /**
     * Shows the combined selection's line itself (a dashboard item puts it in its header, beside
     * its buttons, to leave the height to the charts): told the line and its tooltip, or `null`
     */
    onCombinedLine?: (line: { text: string; title: string } | null) => void
}

/** The selectors + the cards of a program area (or one pair), trend or drilled. */
export const TriangulationView = ({
    config,
    state: requested,
    push,
    replace,
    compact,
    combined: givenCombined,
    onCombinedLine,
}: TriangulationViewProps) => {
    markOnce('view-render')
    // The user alone (one request, with the mapping's): the trend does not wait for the editors
    const me = useUser()
    const locale = me.data?.settings?.keyUiLocale ?? 'en'
    const area: ProgramArea | undefined = viewArea(config, requested.area)
    const pairs = useMemo(() => viewPairs(area, requested.pair), [area, requested.pair])
    // A combined dashboard item opened in the app (`ous` in the URL): the same org units, summed,
    // named from the metadata (the dashboard's names are not in the URL)
    const urlItems = givenCombined ? undefined : requested.ous
    const urlItemNames = useFilterNames(
        useMemo(() => (urlItems ?? []).map((id) => ({ id })), [urlItems])
    )
    const combined = useMemo(
        () =>
            givenCombined ??
            (urlItems
                ? { items: urlItems, label: orgUnitItemsLabel(urlItems, urlItemNames.data) }
                : undefined),
        [givenCombined, urlItems, urlItemNames.data]
    )
    const roots = me.data ? dataViewRoots(me.data) : []
    // A link's org unit outside the user's data view: their own instead, with a notice
    const viewOu = useViewOrgUnit(me.data && !combined ? requested.ou : undefined, roots, () =>
        replace({ ...requested, ou: undefined, drill: undefined, highlight: undefined })
    )
    const ouId = combined ? undefined : viewOu.id
    /** The org unit of the trend's series: one org unit, or the combined selection's sum */
    const seriesOu = combined ? COMBINED : ouId
    const levels = useMaxOrgUnitLevel()
    const trendOu = useOrgUnit(ouId)
    // No drill-down below a facility (a link or the history may name one): DHIS2 would refuse it
    const levelBelow = hasLevelBelow(trendOu.data, levels.data)
    const possible = possibleDrill(requested.drill, trendOu.data, levels.data)
    const state: ViewState =
        possible === requested.drill
            ? requested
            : { ...requested, drill: possible, highlight: undefined }
    const calendar = useInstanceCalendar()
    const today = todayInCalendar(calendar)
    const periods = useMemo(
        () => viewPeriods(state.pe, state.grain, today, { calendar }),
        [state.pe, state.grain, calendar, today]
    )
    // Periods not over in this month, or whose reports are still arriving, are incomplete
    const currentMonth = useMemo(
        () => periodIdContaining(today, 'MONTHLY', { calendar }),
        [today, calendar]
    )
    const nameOf = useCallback(
        (id: string) => periodName(id, { calendar, locale }),
        [calendar, locale]
    )
    const chartPeriods: ChartPeriod[] = useMemo(
        () => periods.display.map((id) => ({ id, name: nameOf(id) })),
        [periods.display, nameOf]
    )
    const metadata = usePairsMetadata(pairs)
    const parentId = ouId ? drillParent(state, ouId) : undefined
    const parent = useOrgUnit(state.drill ? parentId : undefined)
    // Each drill step goes one level down from the trend's org unit: the drill request does not
    // wait for the parent's details (its name, for titles and breadcrumbs, comes in parallel)
    // (a hand-edited link whose path skips a level is corrected once the parent's details are in)
    const parentLevel = !state.drill
        ? undefined
        : parent.data?.id === parentId
          ? parent.data?.level
          : trendOu.data
            ? trendOu.data.level + state.drill.path.length
            : undefined
    const trendTable = useTrendTable(pairs, metadata.data, ouId, periods, combined?.items)
    const staggered = useStaggeredTable(pairs, metadata.data, ouId, periods, combined?.items)
    // The groups' table of this view (not the previous one's while it loads)
    const groupTable = staggered.table.isPlaceholderData ? undefined : staggered.table.data
    const waitingForGroups = staggered.groupSet !== null && !groupTable && !staggered.table.error
    const drillTable = useDrillTable(
        pairs,
        metadata.data,
        state.drill &&
            parentId &&
            parentLevel !== undefined &&
            (levels.data === undefined || parentLevel < levels.data)
            ? { id: parentId, level: parentLevel }
            : undefined,
        state.drill?.period
    )
    // The previous drill-down's table while this one loads is not this drill-down's data
    const drillData = drillTable.isPlaceholderData ? undefined : drillTable.data
    const parentData = parent.data?.id === parentId ? parent.data : undefined
    const maxLevel = levels.data ?? 4
    // The drill-down as the cards show it: a deferred copy of all it is made from (one snapshot,
    // never a new drill with the previous one's data), so that building it for every pair and
    // rendering the cards happen after the click's task, in slices
    const drillInput = useDeferredValue(
        useMemo(
            () => ({
                drill: state.drill,
                highlight: state.highlight,
                data: drillData,
                failed: Boolean(drillTable.error),
                parentData,
                parentLevel,
            }),
            [state.drill, state.highlight, drillData, drillTable.error, parentData, parentLevel]
        )
    )
    const drillChildren = useMemo(() => {
        const { drill, data } = drillInput
        return drill && data
            ? data.itemIds('ou').map((id) => ({ id, name: data.itemName(id) ?? id }))
            : []
    }, [drillInput])
    // Derived once per data change, so charts are not redrawn by unrelated renders
    const trends = useMemo(() => {
        const labels = trendLabels()
        const result = new Map<string, PairTrend>()
        if (!trendTable.data || !metadata.data || !seriesOu || waitingForGroups) return result
        for (const pair of pairs) {
            result.set(
                pair.id,
                buildPairTrend({
                    pair,
                    table: trendTable.data,
                    items: metadata.data.items,
                    dataSets: metadata.data.dataSets,
                    periods,
                    ou: seriesOu,
                    labels,
                    currentMonth,
                    withStockOnHand: false,
                    groupTable:
                        pair.lmis.reportingGroups?.groupSet === staggered.groupSet
                            ? (groupTable ?? null)
                            : null,
                })
            )
        }
        if (result.size > 0) markOnce('trends-ready')
        return result
    }, [
        pairs,
        trendTable.data,
        metadata.data,
        seriesOu,
        periods,
        currentMonth,
        waitingForGroups,
        groupTable,
        staggered.groupSet,
    ])
    // Stock status: of the drilled org unit and period, else of the latest complete period
    const statusPeriod = useMemo(
        () =>
            state.drill?.period ??
            (trendTable.isPlaceholderData
                ? null
                : stockStatusPeriod([...trends.values()], periods.display)),
        [state.drill?.period, trends, periods.display, trendTable.isPlaceholderData]
    )
    const statusOu = useMemo(
        () =>
            state.drill
                ? parentId && parentLevel !== undefined
                    ? { id: parentId, level: parentLevel }
                    : undefined
                : trendOu.data
                  ? { id: trendOu.data.id, level: trendOu.data.level }
                  : undefined,
        [state.drill, parentId, parentLevel, trendOu.data]
    )
    // A drilled org unit below the trend's: the trend's stocked-out counts are not of it, so its
    // facilities' flags are read one by one
    const statusFlags = Boolean(statusOu && seriesOu && statusOu.id !== seriesOu)
    // Facility by facility while the rows stay within budget, else the org unit's totals
    const stockScope = useMemo(
        () =>
            statusPeriod && metadata.data
                ? stockStatusScope({
                      pairs,
                      known: new Set(metadata.data.items.keys()),
                      items: metadata.data.items,
                      grain: state.grain,
                      period: statusPeriod,
                      facilities: expectedFacilities([...trends.values()], statusPeriod),
                      flags: statusFlags,
                  })
                : 'facilities',
        [pairs, metadata.data, state.grain, statusPeriod, trends, statusFlags]
    )
    const stockTable = useStockStatusTable(
        pairs,
        metadata.data,
        statusOu,
        levels.data,
        state.grain,
        statusPeriod,
        stockScope,
        statusFlags
    )
    const stockData = stockTable.isPlaceholderData ? undefined : stockTable.data
    // What the stock status of each card is made from (each card makes its figures when it is
    // rendered: the cards near the view first, see `PairSlot`)
    const stockInput = useMemo(
        (): StockInput | null =>
            statusPeriod && metadata.data
                ? {
                      trends,
                      table: stockData ?? null,
                      items: metadata.data.items,
                      grain: state.grain,
                      period: statusPeriod,
                      scope: stockScope,
                      ou: statusOu?.id,
                      trendOu: seriesOu,
                  }
                : null,
        [
            trends,
            stockData,
            metadata.data,
            state.grain,
            statusPeriod,
            stockScope,
            statusOu?.id,
            seriesOu,
        ]
    )
    // The drill-down each card makes its own from (`PairSlot`)
    const drillView = useMemo((): DrillView | null => {
        const { drill, data, parentData: parentShown, parentLevel: levelShown } = drillInput
        if (!drill || !metadata.data) return null
        return {
            key: drillKey(drill),
            period: drill.period,
            data: data ?? null,
            children: drillChildren,
            items: metadata.data.items,
            dataSets: metadata.data.dataSets,
            periodName: nameOf(drill.period),
            parentName: parentShown?.displayName ?? '',
            canDrillFurther: (levelShown ?? maxLevel) + 1 < maxLevel,
            highlight: drillInput.highlight,
        }
    }, [drillInput, metadata.data, drillChildren, maxLevel, nameOf])

    // The org units a combined selection sums, as DHIS2 resolved them (`metaData.dimensions.ou`)
    const combinedNames = useMemo(() => {
        const table = trendTable.isPlaceholderData ? undefined : trendTable.data
        return combined && table ? table.itemIds('ou').map((id) => table.itemName(id) ?? id) : null
    }, [combined, trendTable.data, trendTable.isPlaceholderData])
    // What the cards show: the last complete view while the next one loads (another period, org
    // unit or drill step), so that no chart shows new labels over old data or is drawn twice
    const shownTrend = useLastSettled(
        useMemo(
            () => ({
                trends,
                periods: chartPeriods,
                orgUnitName: combinedNames
                    ? combinedOrgUnitsName(combinedNames)
                    : (trendOu.data?.displayName ?? ''),
                periodLabel: periodSelectionLabel(state.pe, nameOf),
                grain: state.grain,
                combinedNames,
            }),
            [trends, chartPeriods, trendOu.data, state.pe, state.grain, nameOf, combinedNames]
        ),
        !trendTable.isPlaceholderData &&
            (combined ? combinedNames !== null : Boolean(trendOu.data)) &&
            !waitingForGroups
    )
    const shownDrill = useLastSettled(
        drillView,
        !drillInput.drill || Boolean(drillInput.data && drillInput.parentData) || drillInput.failed
    )
    // The combined selection in words: the filter and the org units DHIS2 summed
    const summedNames = combined ? shownTrend.combinedNames : null
    const combinedLine = useMemo(
        () =>
            combined && summedNames
                ? {
                      text: combinedOrgUnitsText(combined.label, summedNames),
                      title: combinedOrgUnitsText(combined.label, summedNames, 40),
                  }
                : null,
        [combined, summedNames]
    )
    useEffect(() => onCombinedLine?.(combinedLine), [onCombinedLine, combinedLine])
    // Highcharts once the view has asked for its data (the effects above), in a later task: it is
    // evaluated while the data is on its way (`loadChart`)
    useEffect(() => {
        const timer = setTimeout(() => void loadChart().catch(() => undefined), 0)
        return () => clearTimeout(timer)
    }, [])

    const orgUnitName = trendOu.data?.displayName ?? ''
    // The pair last clicked to drill: its charts drill first, the other cards' after a paint
    const [drillOrigin, setDrillOrigin] = useState<string>()

    // The cards are drawn from a deferred copy of what they show: React renders them (40 pairs =
    // 40 cards, their charts' options) in slices between other tasks, not in one long task when
    // the data arrives; a render of the view for anything else does not render them again. The
    // view's first trends are the exception (`firstCardsView`): nothing is shown yet, the cards in
    // the window are rendered at once (the others are mounted later, `CardList`)
    const liveCardsView = useMemo(
        (): CardsView => ({
            pairs,
            trend: shownTrend,
            drill: shownDrill,
            // A combined selection (several org units summed) has no facility stock status
            stock:
                stockInput && !combined
                    ? {
                          input: stockInput,
                          periodName: nameOf(stockInput.period),
                          loading: stockTable.isFetching,
                          orgUnitName: state.drill ? (parentData?.displayName ?? '') : orgUnitName,
                      }
                    : null,
            canDrillPeriod: combined ? false : levelBelow,
            drillOrigin,
        }),
        [
            pairs,
            shownTrend,
            shownDrill,
            stockInput,
            nameOf,
            stockTable.isFetching,
            state.drill,
            parentData,
            orgUnitName,
            levelBelow,
            combined,
            drillOrigin,
        ]
    )
    const cardsView = firstCardsView(useDeferredValue(liveCardsView), liveCardsView)
    // Stable callbacks (the card list is not rendered again for a new closure), reading the
    // view's latest state
    const latest = useRef({ state, push })
    latest.current = { state, push }
    const onDrillPeriod = useCallback((pairId: string, period: string) => {
        const { state: now, push: go } = latest.current
        setDrillOrigin(pairId)
        go({ ...now, drill: { period, path: [] }, highlight: undefined })
    }, [])
    const onDrillChild = useCallback((pairId: string, id: string) => {
        const { state: now, push: go } = latest.current
        if (!now.drill) return
        setDrillOrigin(pairId)
        go({
            ...now,
            drill: { period: now.drill.period, path: [...now.drill.path, id] },
            highlight: undefined,
        })
    }, [])

    // What stops the cards: shown in the content area, under a toolbar that stays usable (another
    // program area, period or org unit, or trying again, once the server answers)
    const loading =
        me.isLoading ||
        viewOu.loading ||
        metadata.isLoading ||
        (trendOu.isLoading && !shownTrend.orgUnitName)
    const error = me.error ?? metadata.error ?? trendOu.error
    // Every request of the view that failed (the trend's data is requested in parallel with the
    // metadata, so it failed too when the server was down)
    const retry = () => {
        if (me.error) void me.refetch()
        if (metadata.error) void metadata.refetch()
        if (trendOu.error) void trendOu.refetch()
        if (trendTable.error) void trendTable.refetch()
        if (staggered.table.error) void staggered.table.refetch()
        if (state.drill && drillTable.error) void drillTable.refetch()
    }
    const blocker = loading ? (
        <CircularLoader small dataTest="view-loading" />
    ) : error ? (
        <ErrorNotice error={error} onRetry={retry} />
    ) : !area || pairs.length === 0 ? (
        <NoticeBox title={i18n.t('No pair to show')} dataTest="no-pairs">
            {state.pair
                ? i18n.t('This pair is not in the mapping any more. Choose another one.')
                : i18n.t('This program area has no pairs yet.')}
        </NoticeBox>
    ) : null

    const breadcrumbs = state.drill ? (
        <nav
            className={classes.breadcrumbs}
            aria-label={i18n.t('Drill-down path')}
            data-test="drill-breadcrumbs"
        >
            <Button
                small
                secondary
                onClick={() => push({ ...state, drill: undefined, highlight: undefined })}
            >
                {i18n.t('Trend – {{name}}', {
                    name: orgUnitName,
                    interpolation: { escapeValue: false },
                })}
            </Button>
            <span>›</span>
            <Button
                small
                secondary
                onClick={() =>
                    push({
                        ...state,
                        drill: { period: state.drill!.period, path: [] },
                        highlight: undefined,
                    })
                }
            >
                {orgUnitName} · {nameOf(state.drill.period)}
            </Button>
            {(parent.data?.ancestors ?? [])
                .filter((a) => state.drill!.path.includes(a.id))
                .concat(
                    parent.data && state.drill.path.includes(parent.data.id) ? [parent.data] : []
                )
                .map((unit) => (
                    <React.Fragment key={unit.id}>
                        <span>›</span>
                        <Button
                            small
                            secondary
                            onClick={() =>
                                push({
                                    ...state,
                                    drill: {
                                        period: state.drill!.period,
                                        path: state.drill!.path.slice(
                                            0,
                                            state.drill!.path.indexOf(unit.id) + 1
                                        ),
                                    },
                                    highlight: undefined,
                                })
                            }
                        >
                            {unit.displayName}
                        </Button>
                    </React.Fragment>
                ))}
            {parent.data && (
                <Button
                    small
                    onClick={() =>
                        push({
                            ...state,
                            ou: parent.data!.id,
                            drill: undefined,
                            highlight: undefined,
                        })
                    }
                    dataTest="show-trend-here"
                >
                    {i18n.t('Show trend for {{name}}', {
                        name: parent.data.displayName,
                        interpolation: { escapeValue: false },
                    })}
                </Button>
            )}
        </nav>
    ) : null

    const yearChoices = [0, 1, 2, 3].map((back) => String(new Date().getFullYear() - back))

    return (
        <div>
            {/* Drawn once the org unit shown instead is named: never "Showing  instead" */}
            {viewOu.fallback && orgUnitName && (
                <Suspense fallback={null}>
                    <OrgUnitFallbackNotice fallback={viewOu.fallback} shownName={orgUnitName} />
                </Suspense>
            )}
            {!compact && (
                <div className={classes.toolbar} data-test="view-toolbar">
                    {area && config.programAreas.length > 1 && (
                        <SingleSelectField
                            label={i18n.t('Program area')}
                            selected={area.id}
                            onChange={({ selected }: { selected: string }) =>
                                replace({
                                    ...state,
                                    area: selected,
                                    pair: undefined,
                                    drill: undefined,
                                })
                            }
                            dataTest="program-area-select"
                            dense
                        >
                            {config.programAreas.map((a) => (
                                <SingleSelectOption key={a.id} value={a.id} label={a.name} />
                            ))}
                        </SingleSelectField>
                    )}
                    <SingleSelectField
                        label={i18n.t('Period')}
                        selected={state.pe}
                        onChange={({ selected }: { selected: string }) =>
                            replace({ ...state, pe: selected, drill: undefined })
                        }
                        dataTest="period-select"
                        dense
                    >
                        {PERIOD_CHOICES.map((p) => (
                            <SingleSelectOption key={p} value={p} label={relativePeriodLabel(p)} />
                        ))}
                        {yearChoices.map((year) => (
                            <SingleSelectOption key={year} value={year} label={year} />
                        ))}
                        {!(PERIOD_CHOICES as string[]).includes(state.pe) &&
                            !yearChoices.includes(state.pe) && (
                                // A selection of a link (the months of a dashboard item's period)
                                <SingleSelectOption
                                    value={state.pe}
                                    label={periodSelectionLabel(state.pe, nameOf)}
                                />
                            )}
                    </SingleSelectField>
                    <div className={classes.grain}>
                        <SegmentedControl
                            options={[
                                { label: i18n.t('Monthly'), value: 'monthly' },
                                { label: i18n.t('Quarterly'), value: 'quarterly' },
                            ]}
                            selected={state.grain}
                            onChange={({ value }: { value: string }) =>
                                replace({
                                    ...state,
                                    grain: value === 'quarterly' ? 'quarterly' : 'monthly',
                                    drill: undefined,
                                })
                            }
                        />
                    </div>
                    {me.data && (
                        <OrgUnitPicker
                            roots={roots.map((r) => r.id)}
                            rootPaths={roots.map((r) => r.path)}
                            selectedName={
                                combined
                                    ? shownTrend.combinedNames
                                        ? shownTrend.orgUnitName
                                        : combined.label
                                    : orgUnitName || '…'
                            }
                            selectedPath={trendOu.data?.path}
                            onSelect={(id) =>
                                replace({ ...state, ou: id, ous: undefined, drill: undefined })
                            }
                        />
                    )}
                    {state.pair && (
                        <Button
                            small
                            secondary
                            onClick={() => replace({ ...state, pair: undefined })}
                        >
                            {i18n.t('Show all pairs of the program area')}
                        </Button>
                    )}
                </div>
            )}
            {blocker ?? (
                <>
                    {breadcrumbs}
                    {combinedLine && !onCombinedLine && (
                        <p
                            className={classes.combined}
                            data-test="item-combined-ou"
                            title={combinedLine.title}
                        >
                            {combinedLine.text}
                        </p>
                    )}
                    {trendTable.error && (
                        <ErrorNotice
                            error={trendTable.error}
                            onRetry={() => void trendTable.refetch()}
                        />
                    )}
                    {staggered.table.error && (
                        <ErrorNotice
                            error={staggered.table.error}
                            onRetry={() => void staggered.table.refetch()}
                        />
                    )}
                    {state.drill && drillTable.error && (
                        <ErrorNotice
                            error={drillTable.error}
                            onRetry={() => void drillTable.refetch()}
                        />
                    )}
                    {(trendTable.isFetching || (state.drill && drillTable.isFetching)) && (
                        <CircularLoader small dataTest="view-loading" />
                    )}
                    <CardList
                        // another program area: its first cards first again
                        key={area?.id}
                        view={cardsView}
                        locale={locale}
                        compact={compact}
                        onDrillPeriod={onDrillPeriod}
                        onDrillChild={onDrillChild}
                    />
                </>
            )}
        </div>
    )
}

/** Cards mounted at once, then per step (a card is at least ~550 px high in the app) */
const FIRST_CARDS = 3

/** What every card's stock status is made from */
interface StockInput {
    trends: ReadonlyMap<string, PairTrend>
    table: AnalyticsTable | null
    items: ReadonlyMap<string, ItemInfo>
    grain: Grain
    period: string
    scope: StockScope
    /** The org unit of the stock status, and of the trends (`pairStockFigures`) */
    ou: string | undefined
    trendOu: string | undefined
}

/** What every card's drill-down is made from (`data`: null while it loads) */
interface DrillView {
    /** The drill-down's level key (`drillKey`) */
    key: string
    period: string
    data: AnalyticsTable | null
    children: readonly { id: string; name: string }[]
    items: ReadonlyMap<string, ItemInfo>
    dataSets: ReadonlyMap<string, DataSetInfo>
    periodName: string
    parentName: string
    canDrillFurther: boolean
    highlight?: string
}

/** What the cards of the view show (see `cardsView`) */
interface CardsView {
    pairs: readonly Pair[]
    trend: {
        trends: ReadonlyMap<string, PairTrend>
        periods: ChartPeriod[]
        orgUnitName: string
        periodLabel: string
        grain: Grain
    }
    drill: DrillView | null
    stock: {
        input: StockInput
        periodName: string
        loading: boolean
        orgUnitName: string
    } | null
    canDrillPeriod: boolean | undefined
    /** The pair last clicked to drill: its charts drill first, the other cards' after a paint */
    drillOrigin: string | undefined
}

/**
 * The cards of the view. In the app each card's charts are drawn when it comes near the view
 * (`LazyMount`: 40 pairs = 80 charts), the card itself (downloads, table) is there at once; a
 * dashboard item shows one card, in view: drawn at once.
 */
const CardList = memo(function CardList({
    view,
    locale,
    compact,
    onDrillPeriod,
    onDrillChild,
}: {
    view: CardsView
    locale: string
    compact?: boolean
    onDrillPeriod: (pairId: string, period: string) => void
    onDrillChild: (pairId: string, orgUnitId: string) => void
}) {
    // The first cards at once (they fill the window), the others a few at a time after the charts
    // in view are drawn: no long task to make 40 cards
    const mounted = useProgressiveCount(
        view.pairs.length,
        compact ? view.pairs.length : FIRST_CARDS,
        FIRST_CARDS
    )
    return (
        <>
            {view.pairs.slice(0, mounted).map((pair, index) => {
                const card = (
                    <PairSlot
                        key={pair.id}
                        pair={pair}
                        view={view}
                        locale={locale}
                        compact={compact}
                        onDrillPeriod={onDrillPeriod}
                        onDrillChild={onDrillChild}
                    />
                )
                return compact ? (
                    card
                ) : (
                    <LazyMount key={pair.id} order={index}>
                        {card}
                    </LazyMount>
                )
            })}
        </>
    )
})

/**
 * One pair's card, with its drill-down and stock status made here (not for all pairs at once in
 * the view): rendered near the view first, far ones later (`LazyMount`), each in its own slice.
 */
const PairSlot = memo(function PairSlot({
    pair,
    view,
    locale,
    compact,
    onDrillPeriod,
    onDrillChild,
}: {
    pair: Pair
    view: CardsView
    locale: string
    compact?: boolean
    onDrillPeriod: (pairId: string, period: string) => void
    onDrillChild: (pairId: string, orgUnitId: string) => void
}) {
    const { trend: shown, drill: drillView, stock } = view
    if (shown.trends.size > 0) markOnce('card-render')
    const drillPeriod = useCallback(
        (period: string) => onDrillPeriod(pair.id, period),
        [onDrillPeriod, pair.id]
    )
    const drillChild = useCallback(
        (id: string) => onDrillChild(pair.id, id),
        [onDrillChild, pair.id]
    )
    const drill = useMemo((): PairCardProps['drill'] => {
        if (!drillView) return null
        return {
            key: drillView.key,
            data: drillView.data
                ? buildPairDrill({
                      pair,
                      table: drillView.data,
                      items: drillView.items,
                      dataSets: drillView.dataSets,
                      period: drillView.period,
                      children: drillView.children,
                      labels: trendLabels(),
                  })
                : null,
            periodName: drillView.periodName,
            parentName: drillView.parentName,
            canDrillFurther: drillView.canDrillFurther,
            highlight: drillView.highlight,
        }
    }, [pair, drillView])
    const stockInput = stock?.input
    const figures = useMemo((): PairStockFigures | null => {
        const trend = stockInput?.trends.get(pair.id)
        if (!stockInput || !trend) return null
        return pairStockFigures({
            pair,
            trend,
            table: stockInput.table,
            items: stockInput.items,
            grain: stockInput.grain,
            period: stockInput.period,
            scope: stockInput.scope,
            ou: stockInput.ou,
            trendOu: stockInput.trendOu,
        })
    }, [pair, stockInput])
    return (
        <PairCard
            pair={pair}
            locale={locale}
            grain={shown.grain}
            periods={shown.periods}
            periodLabel={shown.periodLabel}
            orgUnitName={shown.orgUnitName}
            trend={shown.trends.get(pair.id) ?? null}
            drill={drill}
            stock={
                stock
                    ? {
                          figures,
                          periodName: stock.periodName,
                          loading: stock.loading,
                          orgUnitName: stock.orgUnitName,
                      }
                    : null
            }
            fillHeight={compact}
            canDrillPeriod={view.canDrillPeriod}
            drillAfterPaint={view.drillOrigin !== undefined && view.drillOrigin !== pair.id}
            onDrillPeriod={drillPeriod}
            onDrillChild={drillChild}
        />
    )
})

export type { Me }
