import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    NoticeBox,
    SingleSelectField,
    SingleSelectOption,
    Tag,
} from '@dhis2/ui'
import React, { useMemo, useState } from 'react'
import { DEFAULT_THRESHOLDS, alertTypeLabel } from '../../domain/alerts'
import type { Config } from '../../domain/config'
import { ErrorNotice } from '../../shared/api-errors'
import { FacilityMappingGaps } from '../facilities/FacilityMappingGaps'
import { serializeViewState, type ViewState } from '../../shared/navigation'
import { areaOfPairs, orgUnitViewState, pairsById } from '../alerts/alert-view'
import { ScanPanel } from '../alerts/ScanPanel'
import { useUrlScanSetup } from '../alerts/use-url-scan-setup'
import { fileNamePart, downloadText } from '../../shared/download'
import { gapsCsv } from './csv'
import {
    completenessRows,
    isLow,
    masterListGaps,
    sortCompleteness,
    testedMonths,
    type GapType,
    type SortColumn,
    type SortDirection,
    type SystemCompleteness,
} from './quality-model'
import classes from './DataQualityPage.module.css'

const ALL = '__all__'
const PAGE_SIZE = 100

export interface DataQualityPageProps {
    config: Config
    state: ViewState
    push: (state: ViewState) => void
    /** Changes the URL without a history entry (the page's own corrections) */
    replace?: (state: ViewState) => void
}

/** The gap as the alert types name it */
const gapLabel = (type: GapType): string => alertTypeLabel(type)

const isPlainClick = (event: React.MouseEvent) =>
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey

const RateCell = ({
    value,
    threshold,
    dataTest,
}: {
    value: SystemCompleteness
    threshold: number
    dataTest: string
}) => {
    const low = isLow(value.rate, threshold)
    return (
        <DataTableCell align="right" error={low} dataTest={dataTest}>
            <span className={classes.rate}>
                {low && (
                    <Tag negative dataTest="quality-low">
                        {i18n.t('Low')}
                    </Tag>
                )}
                {value.rate === null ? '–' : `${value.rate}%`}
            </span>
            <span className={classes.counts}>
                {i18n.t('{{actual}} of {{expected}} reports', {
                    actual: String(Math.round(value.actual)),
                    expected: String(Math.round(value.expected)),
                })}
            </span>
        </DataTableCell>
    )
}

/**
 * Data quality: completeness of the HMIS and LMIS reports of the pairs by org unit, and the
 * master-list gaps (org units with data in one system and none in the other), with a CSV export.
 * It reads the same cached scan as the Alerts page: no request of its own once a scan is there.
 */
export const DataQualityPage = ({ config, state, push, replace = push }: DataQualityPageProps) => {
    // The scan's settings live in the URL as on the Alerts page: a shared link opens the same scan
    const { setup, onRun } = useUrlScanSetup(config, state, push, replace)
    const { scan } = setup
    // The level and month shown are in the URL: a link, reload and back give the same table
    const levelChoice = state.quality?.level ?? null
    const period = state.quality?.period ?? null
    const setLevelChoice = (level: number) =>
        push({ ...state, quality: { ...state.quality, level } })
    const setPeriod = (month: string | null) =>
        push({ ...state, quality: { ...state.quality, period: month ?? undefined } })
    const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
        column: 'hmis',
        direction: 'asc',
    })
    const [shown, setShown] = useState(PAGE_SIZE)
    const data = scan.data
    const levels = data?.levels.map((l) => l.level) ?? []
    const level = levelChoice !== null && levels.includes(levelChoice) ? levelChoice : levels[0]
    const months = data ? testedMonths(data) : []
    const chosenPeriod = period !== null && months.includes(period) ? period : null
    const threshold =
        setup.session.overrides.completenessThreshold ?? DEFAULT_THRESHOLDS.completenessThreshold
    const areas = useMemo(() => areaOfPairs(config), [config])
    const pairs = useMemo(() => pairsById(config), [config])
    const completeness = useMemo(
        () =>
            data && level !== undefined
                ? sortCompleteness(
                      completenessRows(data, level, setup.pairs, chosenPeriod),
                      sort.column,
                      sort.direction,
                      setup.locale
                  )
                : [],
        [data, level, setup.pairs, chosenPeriod, sort, setup.locale]
    )
    const gaps = useMemo(
        () =>
            data && level !== undefined
                ? masterListGaps(data, level, setup.pairs, chosenPeriod)
                : [],
        [data, level, setup.pairs, chosenPeriod]
    )
    const levelName = (l: number) =>
        setup.levels.find((x) => x.level === l)?.name ??
        i18n.t('Level {{level}}', { level: l, interpolation: { escapeValue: false } })
    const periodLabel =
        chosenPeriod !== null
            ? setup.periodName(chosenPeriod)
            : i18n.t('{{first}} to {{last}}', {
                  first: setup.periodName(months[0] ?? ''),
                  last: setup.periodName(months[months.length - 1] ?? ''),
                  interpolation: { escapeValue: false },
              })
    const lastMonthOf = (p: string | null) => p ?? months[months.length - 1] ?? setup.lastMonth
    const viewOf = (orgUnitId: string, ancestors: readonly string[], pairId?: string) => {
        const areaId =
            (pairId && areas.get(pairId)) ??
            (config.programAreas.some((a) => a.id === state.area) ? state.area : undefined)
        return orgUnitViewState({
            orgUnitId,
            ancestors,
            period: lastMonthOf(chosenPeriod),
            areaId,
            pairId,
            roots: setup.roots,
            lastMonth: setup.lastMonth,
        })
    }
    const link = (target: ViewState, text: string) => (
        <a
            className={classes.link}
            href={serializeViewState(target)}
            onClick={(event) => {
                if (!isPlainClick(event)) return
                event.preventDefault()
                push(target)
            }}
        >
            {text}
        </a>
    )
    const sortHeader = (column: SortColumn, label: string) => (
        <DataTableColumnHeader
            name={column}
            sortDirection={sort.column === column ? sort.direction : 'default'}
            sortIconTitle={i18n.t('Sort by {{column}}', {
                column: label,
                interpolation: { escapeValue: false },
            })}
            onSortIconClick={({ direction }) =>
                setSort({ column, direction: direction === 'desc' ? 'desc' : 'asc' })
            }
            align={column === 'name' ? 'left' : 'right'}
        >
            {label}
        </DataTableColumnHeader>
    )
    const exportGaps = () => {
        const text = gapsCsv(gaps, {
            headers: [
                i18n.t('Org unit ID'),
                i18n.t('Org unit'),
                i18n.t('Parent org units'),
                i18n.t('Gap'),
                i18n.t('Months with HMIS data'),
                i18n.t('Months with LMIS data'),
                i18n.t('Pairs'),
                i18n.t('Period'),
            ],
            gap: gapLabel,
            pairName: (id) => pairs.get(id)?.name ?? id,
            period: periodLabel,
        })
        const levelPart = level === undefined ? '' : `-${fileNamePart(levelName(level))}`
        downloadText(
            `master-list-gaps${levelPart}-${chosenPeriod ?? `${months[0]}-${months[months.length - 1]}`}.csv`,
            text
        )
    }

    if (setup.loading) return <CircularLoader small />
    if (setup.error) return <ErrorNotice error={setup.error} onRetry={setup.retry} />
    return (
        <div className={classes.page} data-test="quality-page">
            <ScanPanel config={config} setup={setup} onRun={onRun} />
            <FacilityMappingGaps />
            {!data && !scan.running && !scan.error && (
                <NoticeBox title={i18n.t('No scan yet')} dataTest="quality-no-scan">
                    {i18n.t(
                        'Run the scan to see the completeness of both systems and the master-list gaps by org unit. The Alerts page uses the same scan.'
                    )}
                </NoticeBox>
            )}
            {data && level !== undefined && (
                <>
                    <div className={classes.controls}>
                        {levels.length > 1 && (
                            <SingleSelectField
                                label={i18n.t('Level')}
                                selected={String(level)}
                                onChange={({ selected }: { selected: string }) => {
                                    setLevelChoice(Number(selected))
                                    setShown(PAGE_SIZE)
                                }}
                                dense
                                dataTest="quality-level"
                            >
                                {levels.map((l) => (
                                    <SingleSelectOption
                                        key={l}
                                        value={String(l)}
                                        label={levelName(l)}
                                    />
                                ))}
                            </SingleSelectField>
                        )}
                        <SingleSelectField
                            label={i18n.t('Period')}
                            selected={chosenPeriod ?? ALL}
                            onChange={({ selected }: { selected: string }) =>
                                setPeriod(selected === ALL ? null : selected)
                            }
                            dense
                            dataTest="quality-period"
                        >
                            <SingleSelectOption
                                value={ALL}
                                label={i18n.t('All {{months}} months ({{period}})', {
                                    months: months.length,
                                    period: i18n.t('{{first}} to {{last}}', {
                                        first: setup.periodName(months[0] ?? ''),
                                        last: setup.periodName(months[months.length - 1] ?? ''),
                                        interpolation: { escapeValue: false },
                                    }),
                                    interpolation: { escapeValue: false },
                                })}
                            />
                            {[...months].reverse().map((month) => (
                                <SingleSelectOption
                                    key={month}
                                    value={month}
                                    label={setup.periodName(month)}
                                />
                            ))}
                        </SingleSelectField>
                    </div>
                    <section className={classes.section} data-test="quality-completeness">
                        <h2 className={classes.heading}>
                            {i18n.t('{{level}} reporting completeness, {{period}}', {
                                level: levelName(level),
                                period: periodLabel,
                                interpolation: { escapeValue: false },
                            })}
                        </h2>
                        <p className={classes.hint}>
                            {i18n.t(
                                'Reports received over reports expected, for the HMIS and LMIS data sets of the pairs. Below {{threshold}}% is flagged. A quarterly report counts for the quarters ending in the period.',
                                { threshold }
                            )}
                        </p>
                        <DataTable>
                            <DataTableHead>
                                <DataTableRow>
                                    {sortHeader('name', i18n.t('Org unit'))}
                                    {sortHeader('hmis', i18n.t('HMIS reports'))}
                                    {sortHeader('lmis', i18n.t('LMIS reports'))}
                                </DataTableRow>
                            </DataTableHead>
                            <DataTableBody>
                                {completeness.slice(0, shown).map((row) => (
                                    <DataTableRow key={row.orgUnit.id} dataTest="quality-row">
                                        <DataTableCell>
                                            {link(
                                                viewOf(row.orgUnit.id, row.orgUnit.ancestors),
                                                row.orgUnit.name
                                            )}
                                            {row.orgUnit.ancestorNames.length > 1 && (
                                                <span className={classes.path}>
                                                    {row.orgUnit.ancestorNames.slice(1).join(' / ')}
                                                </span>
                                            )}
                                        </DataTableCell>
                                        <RateCell
                                            value={row.hmis}
                                            threshold={threshold}
                                            dataTest="quality-hmis"
                                        />
                                        <RateCell
                                            value={row.lmis}
                                            threshold={threshold}
                                            dataTest="quality-lmis"
                                        />
                                    </DataTableRow>
                                ))}
                            </DataTableBody>
                        </DataTable>
                        {completeness.length > shown && (
                            <Button small secondary onClick={() => setShown((n) => n + PAGE_SIZE)}>
                                {i18n.t('Show {{number}} more', {
                                    number: String(
                                        Math.min(PAGE_SIZE, completeness.length - shown)
                                    ),
                                })}
                            </Button>
                        )}
                    </section>
                    <section className={classes.section} data-test="quality-gaps">
                        <h2 className={classes.heading}>
                            {i18n.t('Master-list gaps ({{number}})', {
                                number: String(gaps.length),
                            })}
                            <Button
                                small
                                onClick={exportGaps}
                                disabled={gaps.length === 0}
                                dataTest="quality-export"
                            >
                                {i18n.t('Download CSV')}
                            </Button>
                        </h2>
                        <p className={classes.hint}>
                            {i18n.t(
                                'Org units with HMIS data (values or reports) but no LMIS data in the period, or the reverse. Such a facility is missing from one system’s list, or matched to another org unit.'
                            )}
                        </p>
                        {gaps.length === 0 ? (
                            <NoticeBox title={i18n.t('No gaps')} dataTest="quality-no-gaps">
                                {i18n.t(
                                    'Every org unit with data in one system has data in the other in this period.'
                                )}
                            </NoticeBox>
                        ) : (
                            <DataTable>
                                <DataTableHead>
                                    <DataTableRow>
                                        <DataTableColumnHeader>
                                            {i18n.t('Org unit')}
                                        </DataTableColumnHeader>
                                        <DataTableColumnHeader>
                                            {i18n.t('Gap')}
                                        </DataTableColumnHeader>
                                        <DataTableColumnHeader align="right">
                                            {i18n.t('Months with HMIS data')}
                                        </DataTableColumnHeader>
                                        <DataTableColumnHeader align="right">
                                            {i18n.t('Months with LMIS data')}
                                        </DataTableColumnHeader>
                                        <DataTableColumnHeader>
                                            {i18n.t('Pairs')}
                                        </DataTableColumnHeader>
                                    </DataTableRow>
                                </DataTableHead>
                                <DataTableBody>
                                    {gaps.map((gap) => (
                                        <DataTableRow key={gap.orgUnit.id} dataTest="quality-gap">
                                            <DataTableCell>
                                                {link(
                                                    viewOf(
                                                        gap.orgUnit.id,
                                                        gap.orgUnit.ancestors,
                                                        gap.pairIds[0]
                                                    ),
                                                    gap.orgUnit.name
                                                )}
                                                {gap.orgUnit.ancestorNames.length > 1 && (
                                                    <span className={classes.path}>
                                                        {gap.orgUnit.ancestorNames
                                                            .slice(1)
                                                            .join(' / ')}
                                                    </span>
                                                )}
                                            </DataTableCell>
                                            <DataTableCell>
                                                <Tag neutral>{gapLabel(gap.type)}</Tag>
                                            </DataTableCell>
                                            <DataTableCell align="right">
                                                {gap.hmisMonths}
                                            </DataTableCell>
                                            <DataTableCell align="right">
                                                {gap.lmisMonths}
                                            </DataTableCell>
                                            <DataTableCell>
                                                {gap.pairIds.length > 1 &&
                                                gap.pairIds.length === setup.pairs.length
                                                    ? i18n.t('All {{number}} pairs', {
                                                          number: String(gap.pairIds.length),
                                                      })
                                                    : gap.pairIds
                                                          .map((id) => pairs.get(id)?.name ?? id)
                                                          .join(', ')}
                                            </DataTableCell>
                                        </DataTableRow>
                                    ))}
                                </DataTableBody>
                            </DataTable>
                        )}
                    </section>
                </>
            )}
        </div>
    )
}
