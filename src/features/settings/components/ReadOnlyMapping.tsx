import i18n from '@dhis2/d2-i18n'
import {
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    NoticeBox,
} from '@dhis2/ui'
import React, { useMemo } from 'react'
import { LMIS_MEASURES, idsOf, parseConfig, type Pair } from '../../../domain/config'
import { DEFAULT_STOCK_BANDS } from '../../../domain/indicators'
import type { StoredConfigEntry } from '../api/config-store'
import type { MetadataLookup } from '../api/metadata'
import { useMetadataLookup } from '../hooks/use-metadata-lookup'
import { useWindowLabel } from '../hooks/use-window-label'
import { measureLabel, periodTypeLabel } from '../labels'
import classes from '../SettingsPage.module.css'
import { CONFIG_AUTHORITY } from '../permissions'

/** Tips listed per pair in the reference (a pair may have tips in many languages) */
const READ_ONLY_TIPS = 5

const nameOf = (id: string, lookup: MetadataLookup, stored?: string): string => {
    const item = lookup.items.get(id)
    if (item) {
        return item.periodTypes.length
            ? `${item.name} (${item.periodTypes.map(periodTypeLabel).join(', ')})`
            : item.name
    }
    if (lookup.checked.has(id)) {
        return i18n.t('{{name}} (not found on the server)', {
            name: stored ?? id,
            interpolation: { escapeValue: false },
        })
    }
    return stored ?? id
}

/**
 * How the pair's stock status is read: the stocked-out flag, the staggered reporting groups with
 * each group's window, and the min–max months of stock (its own or the default).
 */
const StockFields = ({ pair, lookup }: { pair: Pair; lookup: MetadataLookup }) => {
    const label = useWindowLabel()
    const flags = idsOf(pair.lmis.stockedOut)
    const reporting = pair.lmis.reportingGroups
    const groupSet = reporting ? lookup.items.get(reporting.groupSet) : undefined
    const groupName = (id: string) => groupSet?.groups?.find((group) => group.id === id)?.name ?? id
    const bands = pair.thresholds?.monthsOfStock
    return (
        <>
            {flags.length > 0 && (
                <li data-test="settings-readonly-stockedout">
                    <strong>{i18n.t('Stocked-out flag')}</strong>:{' '}
                    {flags.map((id) => nameOf(id, lookup)).join('; ')}
                </li>
            )}
            {reporting && (
                <li data-test="settings-readonly-groups">
                    <strong>{i18n.t('Staggered quarterly reporting')}</strong>:{' '}
                    {nameOf(reporting.groupSet, lookup)}
                    {' – '}
                    {i18n.t('Reports stored in the first quarter cover – {{windows}}', {
                        windows: reporting.groups
                            .map((group) =>
                                i18n.t('{{group}} – {{months}}', {
                                    group: groupName(group.id),
                                    months: label(group.monthOffset),
                                    interpolation: { escapeValue: false },
                                })
                            )
                            .join('; '),
                        interpolation: { escapeValue: false },
                    })}
                </li>
            )}
            <li data-test="settings-readonly-mos">
                <strong>{i18n.t('Months of stock (min–max)')}</strong>:{' '}
                {bands
                    ? `${bands[0]}–${bands[1]}`
                    : i18n.t('{{min}}–{{max}} (default)', {
                          min: String(DEFAULT_STOCK_BANDS.min),
                          max: String(DEFAULT_STOCK_BANDS.max),
                      })}
            </li>
        </>
    )
}

const PairRow = ({ pair, lookup }: { pair: Pair; lookup: MetadataLookup }) => (
    <DataTableRow dataTest="settings-readonly-pair">
        <DataTableCell>{pair.name}</DataTableCell>
        <DataTableCell>{pair.commodity.name}</DataTableCell>
        <DataTableCell>
            <ul className={classes.cellList}>
                {pair.hmis.items.map((item) => (
                    <li key={item.id}>{nameOf(item.id, lookup, item.name)}</li>
                ))}
            </ul>
        </DataTableCell>
        <DataTableCell>
            <ul className={classes.cellList}>
                {LMIS_MEASURES.filter((measure) => idsOf(pair.lmis[measure]).length > 0).map(
                    (measure) => (
                        <li key={measure}>
                            <strong>{measureLabel(measure)}</strong>:{' '}
                            {idsOf(pair.lmis[measure])
                                .map((id) => nameOf(id, lookup))
                                .join('; ')}
                        </li>
                    )
                )}
                <StockFields pair={pair} lookup={lookup} />
            </ul>
        </DataTableCell>
        <DataTableCell>
            <ul className={classes.cellList}>
                {idsOf(pair.hmis.dataSet).map((id) => (
                    <li key={`h-${id}`}>
                        {i18n.t('HMIS')}: {nameOf(id, lookup)}
                    </li>
                ))}
                {idsOf(pair.lmis.dataSet).map((id) => (
                    <li key={`l-${id}`}>
                        {i18n.t('LMIS')}: {nameOf(id, lookup)}
                    </li>
                ))}
            </ul>
        </DataTableCell>
        <DataTableCell>
            {pair.ratio
                ? `${pair.ratio.label ?? i18n.t('Consumption per case')}${
                      pair.ratio.expectedLow !== undefined || pair.ratio.expectedHigh !== undefined
                          ? ` (${pair.ratio.expectedLow ?? '…'}–${pair.ratio.expectedHigh ?? '…'})`
                          : ''
                  }`
                : i18n.t('No ratio')}
        </DataTableCell>
        <DataTableCell>
            {Object.entries(pair.tips ?? {})
                .slice(0, READ_ONLY_TIPS)
                .map(([locale, tip]) => (
                    <p key={locale} className={classes.tip}>
                        <strong>{locale}</strong>: {tip}
                    </p>
                ))}
            {Object.keys(pair.tips ?? {}).length > READ_ONLY_TIPS && (
                <p className={classes.help}>
                    {i18n.t('and tips in {{number}} more languages', {
                        number: String(Object.keys(pair.tips ?? {}).length - READ_ONLY_TIPS),
                        interpolation: { escapeValue: false },
                    })}
                </p>
            )}
        </DataTableCell>
    </DataTableRow>
)

/**
 * The mapping as a reference for users who cannot change it: which data feed which chart. Only the
 * pairs the charts use (valid ones) are listed; the others are named with the reason.
 */
export const ReadOnlyMapping = ({ entry }: { entry: StoredConfigEntry }) => {
    const parsed = useMemo(() => (entry.exists ? parseConfig(entry.value) : null), [entry])
    const config = parsed?.config ?? null
    const dxIds = useMemo(
        () =>
            (config?.programAreas ?? []).flatMap((area) =>
                area.pairs.flatMap((pair) => [
                    ...pair.hmis.items.map((item) => item.id),
                    ...LMIS_MEASURES.flatMap((measure) => idsOf(pair.lmis[measure])),
                    ...idsOf(pair.lmis.stockedOut),
                ])
            ),
        [config]
    )
    const groupSetIds = useMemo(
        () =>
            (config?.programAreas ?? []).flatMap((area) =>
                area.pairs.flatMap((pair) =>
                    pair.lmis.reportingGroups ? [pair.lmis.reportingGroups.groupSet] : []
                )
            ),
        [config]
    )
    const dataSetIds = useMemo(
        () =>
            (config?.programAreas ?? []).flatMap((area) =>
                area.pairs.flatMap((pair) => [
                    ...idsOf(pair.hmis.dataSet),
                    ...idsOf(pair.lmis.dataSet),
                ])
            ),
        [config]
    )
    const { lookup } = useMetadataLookup(dxIds, dataSetIds, groupSetIds)
    const leftOut = parsed?.pairResults.filter((result) => !result.ok) ?? []

    return (
        <div className={classes.reference}>
            <NoticeBox
                title={i18n.t('You can view the mapping but not change it')}
                dataTest="settings-readonly"
            >
                {i18n.t(
                    'Changing which data feed the charts needs the DHIS2 authority {{authority}} (or a superuser). Ask your DHIS2 administrator to change the mapping or to give you that authority.',
                    { authority: CONFIG_AUTHORITY }
                )}
            </NoticeBox>
            {!entry.exists || !config || config.programAreas.length === 0 ? (
                <NoticeBox
                    warning
                    title={i18n.t('No mapping yet')}
                    dataTest="settings-readonly-empty"
                >
                    {i18n.t(
                        'No commodity is mapped to HMIS and LMIS data on this instance yet. Ask your DHIS2 administrator to set it up.'
                    )}
                </NoticeBox>
            ) : (
                config.programAreas.map((area) => (
                    <section key={area.id} className={classes.section}>
                        <h3 className={classes.sectionTitle}>{area.name}</h3>
                        <DataTable dataTest="settings-readonly-table">
                            <DataTableHead>
                                <DataTableRow>
                                    <DataTableColumnHeader>{i18n.t('Pair')}</DataTableColumnHeader>
                                    <DataTableColumnHeader>
                                        {i18n.t('Commodity')}
                                    </DataTableColumnHeader>
                                    <DataTableColumnHeader>
                                        {i18n.t('HMIS items')}
                                    </DataTableColumnHeader>
                                    <DataTableColumnHeader>
                                        {i18n.t('LMIS items')}
                                    </DataTableColumnHeader>
                                    <DataTableColumnHeader>
                                        {i18n.t('Data sets')}
                                    </DataTableColumnHeader>
                                    <DataTableColumnHeader>
                                        {i18n.t('Consumption per case')}
                                    </DataTableColumnHeader>
                                    <DataTableColumnHeader>{i18n.t('Tips')}</DataTableColumnHeader>
                                </DataTableRow>
                            </DataTableHead>
                            <DataTableBody>
                                {area.pairs.map((pair) => (
                                    <PairRow key={pair.id} pair={pair} lookup={lookup} />
                                ))}
                            </DataTableBody>
                        </DataTable>
                    </section>
                ))
            )}
            {leftOut.length > 0 && (
                <NoticeBox warning title={i18n.t('Pairs not shown in the charts')}>
                    <ul className={classes.diffList}>
                        {leftOut.map((result) => (
                            <li key={result.path}>
                                {result.name ?? result.pairId ?? result.path}:{' '}
                                {result.issues.map((issue) => issue.message).join('; ')}
                            </li>
                        ))}
                    </ul>
                </NoticeBox>
            )}
        </div>
    )
}
