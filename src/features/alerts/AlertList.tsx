import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox, SingleSelectField, SingleSelectOption, Tag } from '@dhis2/ui'
import React, { useMemo, useState } from 'react'
import { ALERT_TYPES, alertTypeLabel, describeAlert, type AlertType } from '../../domain/alerts'
import type { Config } from '../../domain/config'
import { serializeViewState, type ViewState } from '../../shared/navigation'
import { alertNames, alertViewState, areaOfPairs, orgUnitsById, pairsById } from './alert-view'
import { countByType, filterAlerts, type AlertFilters, type ScanAlert } from './scan-alerts'
import type { ScanData } from './scan-data'
import { ALL, AreaSelect } from './SelectFields'
import classes from './AlertsPage.module.css'

const PAGE_SIZE = 50

const tagKind = (type: AlertType): { negative?: boolean; neutral?: boolean } =>
    type === 'stockoutWithCases' || type === 'divergence'
        ? { negative: true }
        : type === 'spike' || type === 'collapse'
          ? {}
          : { neutral: true }

const isPlainClick = (event: React.MouseEvent) =>
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey

export interface AlertListProps {
    config: Config
    scan: ScanData
    alerts: readonly ScanAlert[]
    filters: AlertFilters
    onFilters: (filters: AlertFilters) => void
    levelName: (level: number) => string
    periodName: (id: string) => string
    roots: readonly string[]
    lastMonth: string
    locale: string
    push: (state: ViewState) => void
    /** The follow-up of an alert's org unit × pair, under it (`follow-up/`) */
    renderFollowUp?: (scanAlert: ScanAlert) => React.ReactNode
}

/** The ranked alerts with their filters; one click on an alert opens the view at its point. */
export const AlertList = ({
    config,
    scan,
    alerts,
    filters,
    onFilters,
    levelName,
    periodName,
    roots,
    lastMonth,
    locale,
    push,
    renderFollowUp,
}: AlertListProps) => {
    const [shown, setShown] = useState(PAGE_SIZE)
    const areas = useMemo(() => areaOfPairs(config), [config])
    const pairs = useMemo(() => pairsById(config), [config])
    const units = useMemo(() => orgUnitsById(scan), [scan])
    const filtered = useMemo(() => filterAlerts(alerts, filters, areas), [alerts, filters, areas])
    const counts = useMemo(
        () => countByType(filterAlerts(alerts, { ...filters, type: null }, areas)),
        [alerts, filters, areas]
    )
    const severity = useMemo(() => {
        try {
            return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
        } catch {
            return new Intl.NumberFormat('en', { maximumFractionDigits: 1 })
        }
    }, [locale])
    const scannedPairs = new Set(alerts.flatMap((a) => a.pairIds))
    const pairOptions = config.programAreas
        .filter((area) => filters.areaId === null || area.id === filters.areaId)
        .flatMap((area) => area.pairs)
        .filter((pair) => scannedPairs.has(pair.id))
    const setFilter = (change: Partial<AlertFilters>) => {
        setShown(PAGE_SIZE)
        onFilters({ ...filters, ...change })
    }
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
                        label={i18n.t('Type')}
                        selected={filters.type ?? ALL}
                        onChange={({ selected }: { selected: string }) =>
                            setFilter({ type: selected === ALL ? null : (selected as AlertType) })
                        }
                        dense
                        dataTest="alerts-filter-type"
                    >
                        <SingleSelectOption value={ALL} label={i18n.t('All types')} />
                        {ALERT_TYPES.map((type) => (
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
            </div>
            <p className={classes.hint} data-test="alerts-count">
                {i18n.t('{{shown}} of {{total}} alerts, most severe first', {
                    shown: String(Math.min(shown, filtered.length)),
                    total: String(filtered.length),
                })}
            </p>
            {filtered.length === 0 ? (
                <NoticeBox title={i18n.t('No alerts')} dataTest="alerts-empty">
                    {alerts.length === 0
                        ? i18n.t('The detectors found nothing unusual with these thresholds.')
                        : i18n.t('No alert matches these filters.')}
                </NoticeBox>
            ) : (
                <ul className={classes.list} data-test="alerts-list">
                    {filtered.slice(0, shown).map((scanAlert) => {
                        const { alert } = scanAlert
                        const pair = pairs.get(alert.pairId)
                        const unit = units.get(alert.orgUnitId)
                        const target = alertViewState({
                            scanAlert,
                            areaId: areas.get(alert.pairId),
                            orgUnit: unit,
                            roots,
                            lastMonth,
                        })
                        const sentence = describeAlert(
                            alert,
                            alertNames(scanAlert, pair, unit, scan.itemNames, periodName)
                        )
                        return (
                            <li
                                key={alert.id}
                                className={classes.item}
                                data-test="alert-item"
                                data-alert-type={alert.type}
                            >
                                <div className={classes.itemHead}>
                                    <Tag {...tagKind(alert.type)} dataTest="alert-type">
                                        {alertTypeLabel(alert.type)}
                                    </Tag>
                                    <span>{levelName(scanAlert.level)}</span>
                                    {unit && unit.ancestorNames.length > 1 && (
                                        <span className={classes.path}>
                                            {unit.ancestorNames.slice(1).join(' / ')}
                                        </span>
                                    )}
                                    <span>·</span>
                                    <span>{pair?.name ?? alert.pairId}</span>
                                    <span className={classes.severity}>
                                        {i18n.t('Severity {{value}}', {
                                            value: severity.format(alert.severity),
                                        })}
                                    </span>
                                </div>
                                <a
                                    className={classes.link}
                                    href={serializeViewState(target)}
                                    onClick={(event) => {
                                        if (!isPlainClick(event)) return
                                        event.preventDefault()
                                        push(target)
                                    }}
                                    data-test="alert-link"
                                >
                                    {sentence}
                                </a>
                                {renderFollowUp?.(scanAlert)}
                            </li>
                        )
                    })}
                </ul>
            )}
            {filtered.length > shown && (
                <Button
                    small
                    secondary
                    onClick={() => setShown((n) => n + PAGE_SIZE)}
                    dataTest="alerts-more"
                >
                    {i18n.t('Show {{number}} more', {
                        number: String(Math.min(PAGE_SIZE, filtered.length - shown)),
                    })}
                </Button>
            )}
        </section>
    )
}
