import { useDataEngine } from '@dhis2/app-runtime'
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
    InputField,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import React, { useState } from 'react'
import { queryKeys } from '../../../data/query-keys'
import { ErrorNotice } from '../../../shared/api-errors'
import { searchMetadata, type MetadataItem, type MetadataType } from '../api/metadata'
import { useDebouncedValue } from '../hooks/use-debounced-value'
import { periodTypeLabel, typeLabel, typesLabel } from '../labels'
import classes from '../SettingsPage.module.css'

/**
 * Search the instance's metadata by name or code and add a result: shows each result's type,
 * code, period type (from its data sets) and aggregation type, so the admin picks the right one.
 */
export const ItemPicker = ({
    types,
    onPick,
    excluded,
    buttonLabel,
    dataTest,
}: {
    types: readonly MetadataType[]
    onPick: (item: MetadataItem) => void
    /** Ids already chosen (shown as added) */
    excluded: readonly string[]
    buttonLabel: string
    dataTest: string
}) => {
    const [open, setOpen] = useState(false)
    const [type, setType] = useState<MetadataType>(types[0] ?? 'dataElements')
    const [text, setText] = useState('')
    const search = useDebouncedValue(text.trim(), 300)
    const engine = useDataEngine()
    const query = useQuery({
        queryKey: queryKeys.metadataSearch(type, search),
        queryFn: ({ signal }) => searchMetadata(engine, type, search, signal),
        enabled: open,
        placeholderData: keepPreviousData,
        staleTime: 60_000,
    })

    if (!open) {
        return (
            <div>
                <Button small onClick={() => setOpen(true)} dataTest={dataTest}>
                    {buttonLabel}
                </Button>
            </div>
        )
    }
    const results = query.data?.items ?? []
    return (
        <div className={classes.picker} data-test={`${dataTest}-panel`}>
            <div className={classes.pickerControls}>
                {types.length > 1 ? (
                    <SingleSelectField
                        dense
                        label={i18n.t('Item type')}
                        selected={type}
                        onChange={({ selected }) => setType(selected as MetadataType)}
                        dataTest={`${dataTest}-type`}
                    >
                        {types.map((option) => (
                            <SingleSelectOption
                                key={option}
                                value={option}
                                label={typesLabel(option)}
                            />
                        ))}
                    </SingleSelectField>
                ) : (
                    <span>{typesLabel(type)}</span>
                )}
                <InputField
                    dense
                    label={i18n.t('Search by name or code')}
                    value={text}
                    onChange={({ value }) => setText(value ?? '')}
                    dataTest={`${dataTest}-search`}
                    initialFocus
                />
                <Button small secondary onClick={() => setOpen(false)}>
                    {i18n.t('Close')}
                </Button>
            </div>
            {query.error ? (
                <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
            ) : query.isLoading ? (
                <CircularLoader small />
            ) : results.length === 0 ? (
                <p className={classes.help}>{i18n.t('Nothing found')}</p>
            ) : (
                <>
                    <DataTable dataTest={`${dataTest}-results`}>
                        <DataTableHead>
                            <DataTableRow>
                                <DataTableColumnHeader>{i18n.t('Name')}</DataTableColumnHeader>
                                <DataTableColumnHeader>
                                    {i18n.t('Period type')}
                                </DataTableColumnHeader>
                                <DataTableColumnHeader>
                                    {i18n.t('Aggregation')}
                                </DataTableColumnHeader>
                                <DataTableColumnHeader />
                            </DataTableRow>
                        </DataTableHead>
                        <DataTableBody>
                            {results.map((item) => {
                                const added = excluded.includes(item.id)
                                return (
                                    <DataTableRow key={item.id} dataTest="settings-pick-result">
                                        <DataTableCell>
                                            {item.name}
                                            <div className={classes.itemMeta}>
                                                <span>{typeLabel(item.type)}</span>
                                                {item.code && (
                                                    <span className={classes.mono}>
                                                        {item.code}
                                                    </span>
                                                )}
                                                <span className={classes.mono}>{item.id}</span>
                                            </div>
                                        </DataTableCell>
                                        <DataTableCell>
                                            {item.periodTypes.length
                                                ? item.periodTypes.map(periodTypeLabel).join(', ')
                                                : item.type === 'dataElements' ||
                                                    item.type === 'dataElementOperands'
                                                  ? i18n.t('In no data set')
                                                  : '—'}
                                        </DataTableCell>
                                        <DataTableCell>{item.aggregationType ?? '—'}</DataTableCell>
                                        <DataTableCell>
                                            <Button
                                                small
                                                disabled={added}
                                                onClick={() => onPick(item)}
                                                dataTest="settings-pick-add"
                                            >
                                                {added ? i18n.t('Added') : i18n.t('Add')}
                                            </Button>
                                        </DataTableCell>
                                    </DataTableRow>
                                )
                            })}
                        </DataTableBody>
                    </DataTable>
                    {query.data && query.data.total > results.length && (
                        <p className={classes.help}>
                            {i18n.t('{{shown}} of {{total}} shown – refine the search', {
                                shown: String(results.length),
                                total: String(query.data.total),
                                interpolation: { escapeValue: false },
                            })}
                        </p>
                    )}
                </>
            )}
        </div>
    )
}
