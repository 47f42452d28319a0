import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React, { useMemo } from 'react'
import { EntryBadges } from './EntryBadges'
import { ALERT_TYPES, alertTypeLabel, describeAlert, type AlertType } from '../../domain/alerts'
import { TIERS, type Tier } from '../../domain/alerts/tiers'
import type { Config } from '../../domain/config'
import { serializeViewState, type ViewState } from '../../shared/navigation'
import {
    alertNames,
    alertViewState,
    areaOfPairs,
    entryPairName,
    orgUnitsById,
    pairsById,
    tierLabel,
} from './alert-view'
import {
    countEntriesByType,
    ENTRIES_PER_AREA,
    filterEntries,
    sharedElsewhere,
    type EntryFilters,
    type ListedEntries,
    type ScanEntry,
    type StockoutEntry,
} from './scan-entries'
import { usePages } from '../../shared/hooks/use-pages'
import type { ScanData } from './scan-data'
import { ALL, AreaSelect } from './SelectFields'
import { emptyListMessage } from './empty-list'
import classes from './AlertsPage.module.css'

const PAGE_SIZE = 50
const STOCKOUT_PAGE_SIZE = 10

const isPlainClick = (event: React.MouseEvent) =>
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey

export interface AlertListProps {
    config: Config
    scan: ScanData
    /** The entries listed (those of the follow-up filter), ranked */
    entries: readonly ScanEntry[]
    /** How many entries the scan has before the follow-up filter; default: `entries.length` */
    unfilteredCount?: number
    /**
     * What the list shows (`listedEntries`: the entries the filters keep, cut per program area
     * unless `showBelowCut`), the same the CSV and the print show
     */
    listing: ListedEntries<ScanEntry>
    showBelowCut: boolean
    onShowBelowCut: (show: boolean) => void
    stockouts: readonly StockoutEntry[]
    filters: EntryFilters
    onFilters: (filters: EntryFilters) => void
    levelName: (level: number) => string
    periodName: (id: string) => string
    roots: readonly string[]
    lastMonth: string
    locale: string
    push: (state: ViewState) => void
    /** The follow-up of an entry (its org unit × pair), under its reasons (`follow-up/`) */
    renderFollowUp?: (entry: ScanEntry) => React.ReactNode
    /** A last field of the filter row (the follow-up filter) */
    extraFilter?: React.ReactNode
    /** The value of `extraFilter`: when it changes the list starts again at its first page */
    extraFilterValue?: string
    /** Beside the count of entries (download, print) */
    actions?: React.ReactNode
}

/**
 * The ranked entries (one per org unit × pair, its findings in words, each one click from the
 * drilled chart) with their filters, then the stockouts by duration.
 */
export const AlertList = ({
    config,
    scan,
    entries,
    unfilteredCount,
    listing,
    showBelowCut,
    onShowBelowCut,
    stockouts,
    filters,
    onFilters,
    levelName,
    periodName,
    roots,
    lastMonth,
    locale,
    push,
    renderFollowUp,
    extraFilter,
    extraFilterValue,
    actions,
}: AlertListProps) => {
    // Another follow-up filter is another list: from its first page, as the other filters do
    const pages = usePages(PAGE_SIZE, extraFilterValue)
    const stockoutPages = usePages(STOCKOUT_PAGE_SIZE, extraFilterValue, STOCKOUT_PAGE_SIZE * 5)
    const shown = pages.shown
    const stockoutsShown = stockoutPages.shown
    const areas = useMemo(() => areaOfPairs(config), [config])
    const pairs = useMemo(() => pairsById(config), [config])
    const units = useMemo(() => orgUnitsById(scan), [scan])
    const filtered = listing.shown
    const filteredStockouts = useMemo(
        () => filterEntries(stockouts, { ...filters, type: null, tier: null }, areas),
        [stockouts, filters, areas]
    )
    const counts = useMemo(
        () => countEntriesByType(filterEntries(entries, { ...filters, type: null }, areas)),
        [entries, filters, areas]
    )
    const percent = useMemo(() => {
        try {
            return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
        } catch {
            return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 })
        }
    }, [locale])
    // Entries are listed under their own pair only (`filterEntries`): those the pair or area
    // chosen leaves out although their findings concern it are counted, not listed twice
    const shared = useMemo(
        () => sharedElsewhere(entries, filters, areas),
        [entries, filters, areas]
    )
    const scannedPairs = new Set(entries.map((e) => e.pairId))
    const pairOptions = config.programAreas
        .filter((area) => filters.areaId === null || area.id === filters.areaId)
        .flatMap((area) => area.pairs)
        .filter((pair) => scannedPairs.has(pair.id))
    const setFilter = (change: Partial<EntryFilters>) => {
        pages.reset()
        stockoutPages.reset()
        onFilters({ ...filters, ...change })
    }
    // The entry's own org unit first, then its level and where it lies (smaller, as context)
    const place = (orgUnitId: string, level: number) => {
        const unit = units.get(orgUnitId)
        const path = unit ? unit.ancestorNames.slice(1).join(' / ') : ''
        return (
            <>
                <span className={classes.orgUnitName} data-test="alert-org-unit">
                    {unit?.name ?? orgUnitId}
                </span>
                <span className={classes.path} data-test="alert-org-unit-path">
                    {path ? `${levelName(level)} · ${path}` : levelName(level)}
                </span>
            </>
        )
    }
    const link = (target: ViewState, text: string, dataTest: string) => (
        <a
            className={classes.link}
            href={serializeViewState(target)}
            onClick={(event) => {
                if (!isPlainClick(event)) return
                event.preventDefault()
                push(target)
            }}
            data-test={dataTest}
        >
            {text}
        </a>
    )
    return (
        <section aria-label={i18n.t('Alerts')}>
            <div className={classes.row} data-test="alerts-filters">
                {config.programAreas.length > 1 && (
                    <div className={classes.field}>
                        <AreaSelect
                            config={config}
                            selected={filters.areaId}
                            onChange={(areaId) => setFilter({ areaId, pairId: null })}
                            dataTest="alerts-filter-area"
                        />
                    </div>
                )}
                <div className={classes.field}>
                    <SingleSelectField
                        label={i18n.t('Pair')}
                        selected={
                            filters.pairId && pairOptions.some((p) => p.id === filters.pairId)
                                ? filters.pairId
                                : ALL
                        }
                        onChange={({ selected }: { selected: string }) =>
                            setFilter({ pairId: selected === ALL ? null : selected })
                        }
                        dense
                        filterable={pairOptions.length > 8}
                        dataTest="alerts-filter-pair"
                    >
                        <SingleSelectOption value={ALL} label={i18n.t('All pairs')} />
                        {pairOptions.map((pair) => (
                            <SingleSelectOption key={pair.id} value={pair.id} label={pair.name} />
                        ))}
                    </SingleSelectField>
                </div>
                <div className={classes.field}>
                    <SingleSelectField
                        label={i18n.t('Tier')}
                        selected={filters.tier ?? ALL}
                        onChange={({ selected }: { selected: string }) =>
                            setFilter({ tier: selected === ALL ? null : (selected as Tier) })
                        }
                        dense
                        dataTest="alerts-filter-tier"
                    >
                        <SingleSelectOption value={ALL} label={i18n.t('All tiers')} />
                        {TIERS.map((tier) => (
                            <SingleSelectOption key={tier} value={tier} label={tierLabel(tier)} />
                        ))}
                    </SingleSelectField>
                </div>
                <div className={classes.field}>
                    <SingleSelectField
                        label={i18n.t('Type')}
                        selected={filters.type ?? ALL}
                        onChange={({ selected }: { selected: string }) =>
                            setFilter({ type: selected === ALL ? null : (selected as AlertType) })
                        }
                        dense
                        dataTest="alerts-filter-type"
                    >
                        <SingleSelectOption value={ALL} label={i18n.t('All types')} />
                        {ALERT_TYPES.filter((type) => type !== 'stockoutWithCases').map((type) => (
                            <SingleSelectOption
                                key={type}
                                value={type}
                                label={i18n.t('{{type}} ({{number}})', {
                                    type: alertTypeLabel(type),
                                    number: String(counts[type] ?? 0),
                                    interpolation: { escapeValue: false },
                                })}
                            />
                        ))}
                    </SingleSelectField>
                </div>
                {scan.levels.length > 1 && (
                    <div className={classes.field}>
                        <SingleSelectField
                            label={i18n.t('Level')}
                            selected={filters.level === null ? ALL : String(filters.level)}
                            onChange={({ selected }: { selected: string }) =>
                                setFilter({ level: selected === ALL ? null : Number(selected) })
                            }
                            dense
                            dataTest="alerts-filter-level"
                        >
                            <SingleSelectOption value={ALL} label={i18n.t('All levels')} />
                            {scan.levels.map(({ level }) => (
                                <SingleSelectOption
                                    key={level}
                                    value={String(level)}
                                    label={levelName(level)}
                                />
                            ))}
                        </SingleSelectField>
                    </div>
                )}
                {extraFilter && <div className={classes.field}>{extraFilter}</div>}
            </div>
            <div className={classes.countRow}>
                <p className={classes.hint} data-test="alerts-count">
                    {i18n.t(
                        '{{shown}} of {{total}} entries (one per org unit and pair), highest impact first',
                        {
                            shown: String(Math.min(shown, filtered.length)),
                            total: String(filtered.length),
                        }
                    )}
                </p>
                {actions}
            </div>
            {shared > 0 && (
                <p className={classes.hint} data-test="alerts-shared-elsewhere">
                    {i18n.t(
                        '{{number}} entries listed under other pairs also concern this selection (a report or a service shared by several pairs); each entry is listed once, under its own pair.',
                        { number: String(shared) }
                    )}
                </p>
            )}
            {listing.belowCount > 0 && (
                <div className={classes.countRow} data-test="alerts-below-cut">
                    <p className={classes.hint}>
                        {showBelowCut
                            ? i18n.t(
                                  'Including {{number}} entries below the cut (each program area lists its {{perArea}} highest-impact entries)',
                                  {
                                      number: String(listing.belowCount),
                                      perArea: String(ENTRIES_PER_AREA),
                                  }
                              )
                            : i18n.t(
                                  '{{number}} more entries below the cut (each program area lists its {{perArea}} highest-impact entries)',
                                  {
                                      number: String(listing.belowCount),
                                      perArea: String(ENTRIES_PER_AREA),
                                  }
                              )}
                    </p>
                    <Button
                        small
                        secondary
                        onClick={() => onShowBelowCut(!showBelowCut)}
                        dataTest="alerts-below-cut-toggle"
                    >
                        {showBelowCut ? i18n.t('Hide them') : i18n.t('Show them')}
                    </Button>
                </div>
            )}
            {filtered.length === 0 ? (
                <NoticeBox title={i18n.t('No alerts')} dataTest="alerts-empty">
                    {emptyListMessage(scan, unfilteredCount ?? entries.length)}
                </NoticeBox>
            ) : (
                <ol className={classes.list} data-test="alerts-list">
                    {filtered.slice(0, shown).map((entry, index) => {
                        const pair = pairs.get(entry.pairId)
                        const top = entry.reasons[0]
                        return (
                            <li
                                key={entry.id}
                                className={classes.item}
                                data-test="alert-item"
                                data-alert-type={top?.alert.type}
                                data-tier={entry.tier}
                            >
                                <div className={classes.itemHead}>
                                    <EntryBadges
                                        rank={index + 1}
                                        tier={entry.tier}
                                        rankClassName={classes.rank}
                                        rankDataTest="alert-rank"
                                        tierDataTest="alert-tier"
                                    />
                                    {place(entry.orgUnitId, entry.level)}
                                    <span>·</span>
                                    <span className={classes.pairName} data-test="alert-pair">
                                        {entryPairName(entry, pair)}
                                    </span>
                                    {entry.parentShare !== null && (
                                        <span className={classes.severity}>
                                            {i18n.t('{{percent}} of the parent total', {
                                                percent: percent.format(entry.parentShare),
                                            })}
                                        </span>
                                    )}
                                </div>
                                <ul className={classes.reasons}>
                                    {entry.reasons.map((reason) => {
                                        const unit = units.get(reason.alert.orgUnitId)
                                        const target = alertViewState({
                                            scanAlert: reason,
                                            areaId: areas.get(reason.alert.pairId),
                                            orgUnit: unit,
                                            roots,
                                            lastMonth,
                                        })
                                        const sentence = describeAlert(
                                            reason.alert,
                                            alertNames(
                                                reason,
                                                pairs.get(reason.alert.pairId),
                                                unit,
                                                scan.itemNames,
                                                periodName
                                            )
                                        )
                                        return (
                                            <li
                                                key={reason.alert.id}
                                                data-test="alert-reason"
                                                data-alert-type={reason.alert.type}
                                            >
                                                <span className={classes.reasonType}>
                                                    {alertTypeLabel(reason.alert.type)}
                                                </span>{' '}
                                                {link(target, sentence, 'alert-link')}
                                            </li>
                                        )
                                    })}
                                </ul>
                                {renderFollowUp?.(entry)}
                            </li>
                        )
                    })}
                </ol>
            )}
            {filtered.length > shown && (
                <Button small secondary onClick={pages.more} dataTest="alerts-more">
                    {i18n.t('Show {{number}} more', {
                        number: String(Math.min(PAGE_SIZE, filtered.length - shown)),
                    })}
                </Button>
            )}
            <h3 className={classes.heading}>{i18n.t('Stockouts by duration')}</h3>
            <p className={classes.hint}>
                {i18n.t(
                    'Stock status, not data errors; months without stock while patients kept coming, longest first.'
                )}
            </p>
            {filteredStockouts.length === 0 ? (
                <p className={classes.hint} data-test="stockouts-empty">
                    {i18n.t('No stockout while patients kept coming.')}
                </p>
            ) : (
                <ul className={classes.list} data-test="stockouts-list">
                    {filteredStockouts.slice(0, stockoutsShown).map((entry) => {
                        const pair = pairs.get(entry.pairId)
                        const target = alertViewState({
                            scanAlert: { alert: entry.alert },
                            areaId: areas.get(entry.pairId),
                            orgUnit: units.get(entry.orgUnitId),
                            roots,
                            lastMonth,
                        })
                        return (
                            <li key={entry.id} className={classes.item} data-test="stockout-item">
                                <div className={classes.itemHead}>
                                    {place(entry.orgUnitId, entry.level)}
                                    <span>·</span>
                                    <span className={classes.pairName}>
                                        {pair?.name ?? entry.pairId}
                                    </span>
                                </div>
                                {link(
                                    target,
                                    i18n.t(
                                        '{{commodity}} out of stock at {{orgUnit}} for {{months}} months running while patients kept coming ({{number}} months in all, last {{period}})',
                                        {
                                            orgUnit:
                                                units.get(entry.orgUnitId)?.name ?? entry.orgUnitId,
                                            commodity: pair?.commodity.name ?? entry.pairId,
                                            months: String(entry.longestRun),
                                            number: String(entry.periods.length),
                                            period: periodName(entry.lastPeriod),
                                            interpolation: { escapeValue: false },
                                        }
                                    ),
                                    'stockout-link'
                                )}
                            </li>
                        )
                    })}
                </ul>
            )}
            {filteredStockouts.length > 0 && (
                <p className={classes.hint} data-test="stockouts-count">
                    {i18n.t('{{shown}} of {{total}} shown', {
                        shown: String(Math.min(stockoutsShown, filteredStockouts.length)),
                        total: String(filteredStockouts.length),
                    })}
                </p>
            )}
            {filteredStockouts.length > stockoutsShown && (
                <Button small secondary onClick={stockoutPages.more} dataTest="stockouts-more">
                    {i18n.t('Show {{number}} more', {
                        number: String(
                            Math.min(
                                STOCKOUT_PAGE_SIZE * 5,
                                filteredStockouts.length - stockoutsShown
                            )
                        ),
                    })}
                </Button>
            )}
        </section>
    )
}
