import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    Button,
    ButtonStrip,
    Checkbox,
    CircularLoader,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    Tag,
} from '@dhis2/ui'
import { useQuery } from '@tanstack/react-query'
import React, { useMemo, useState } from 'react'
import { LMIS_MEASURES } from '../../../domain/config'
import { queryKeys } from '../../../data/query-keys'
import { ErrorNotice } from '../../../shared/api-errors'
import { measureLabel, periodTypeLabel } from '../labels'
import { existingPairFor } from '../model/apply-suggestions'
import type { Draft } from '../model/draft'
import { fetchCandidates, suggestPairs, type SuggestedItem, type SuggestedPair } from '../suggest'
import { suggestedPairName } from '../suggest/lexicon'
import classes from '../SettingsPage.module.css'

const percent = (score: number): string => `${Math.round(score * 100)}%`

const ScoreTag = ({ score }: { score: number }) =>
    score >= 0.8 ? (
        <Tag positive>{percent(score)}</Tag>
    ) : score >= 0.6 ? (
        <Tag neutral>{percent(score)}</Tag>
    ) : (
        <Tag negative>{percent(score)}</Tag>
    )

const itemText = (item: SuggestedItem): string =>
    item.periodTypes.length
        ? `${item.name} (${item.periodTypes.map(periodTypeLabel).join(', ')}) · ${percent(item.score)}`
        : `${item.name} · ${percent(item.score)}`

/**
 * Proposes the 13 life-saving commodities' pairs, matched to this instance's data elements, each
 * with how sure the match is; the admin picks which to add and fixes them in the editor.
 */
export const SuggestModal = ({
    draft,
    onAdd,
    onClose,
}: {
    draft: Draft
    onAdd: (suggestions: SuggestedPair[]) => void
    onClose: () => void
}) => {
    const engine = useDataEngine()
    const query = useQuery({
        queryKey: queryKeys.suggestCandidates(),
        queryFn: ({ signal }) => fetchCandidates(engine, signal),
        staleTime: 5 * 60_000,
    })
    const result = useMemo(() => (query.data ? suggestPairs(query.data) : null), [query.data])
    const existing = useMemo(
        () =>
            new Map(
                (result?.suggestions ?? []).map((s) => [s.commodity, existingPairFor(draft, s)])
            ),
        [result, draft]
    )
    const [selection, setSelection] = useState<Set<string> | null>(null)
    const selected =
        selection ??
        new Set(
            (result?.suggestions ?? [])
                .filter((s) => s.complete && s.score >= 0.7 && !existing.get(s.commodity))
                .map((s) => s.commodity)
        )
    const toggle = (key: string, checked: boolean) => {
        const next = new Set(selected)
        if (checked) next.add(key)
        else next.delete(key)
        setSelection(next)
    }
    const chosen = (result?.suggestions ?? []).filter((s) => selected.has(s.commodity))

    return (
        <Modal fluid onClose={onClose} dataTest="settings-suggest-modal">
            <ModalTitle>{i18n.t('Suggested pairs')}</ModalTitle>
            <ModalContent>
                <p className={classes.help}>
                    {i18n.t(
                        "The 13 UN life-saving commodities, matched to this instance's data elements by name and code. Check each match – the score says how sure it is. Added pairs can be fixed in the editor."
                    )}
                </p>
                {query.error ? (
                    <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
                ) : !result ? (
                    <CircularLoader small />
                ) : (
                    <>
                        <DataTable dataTest="settings-suggestions">
                            <DataTableHead>
                                <DataTableRow>
                                    <DataTableColumnHeader>{i18n.t('Pair')}</DataTableColumnHeader>
                                    <DataTableColumnHeader>{i18n.t('Match')}</DataTableColumnHeader>
                                    <DataTableColumnHeader>{i18n.t('HMIS')}</DataTableColumnHeader>
                                    <DataTableColumnHeader>{i18n.t('LMIS')}</DataTableColumnHeader>
                                </DataTableRow>
                            </DataTableHead>
                            <DataTableBody>
                                {result.suggestions.map((suggestion) => {
                                    const already = existing.get(suggestion.commodity)
                                    return (
                                        <DataTableRow
                                            key={suggestion.commodity}
                                            dataTest="settings-suggestion"
                                        >
                                            <DataTableCell>
                                                <Checkbox
                                                    label={suggestion.pair.name}
                                                    checked={selected.has(suggestion.commodity)}
                                                    onChange={({ checked }) =>
                                                        toggle(suggestion.commodity, checked)
                                                    }
                                                    dataTest="settings-suggestion-select"
                                                />
                                                {!suggestion.pair.ratio && (
                                                    <div className={classes.itemMeta}>
                                                        {i18n.t('No ratio by default')}
                                                    </div>
                                                )}
                                                {already && (
                                                    <Tag neutral>
                                                        {i18n.t('Already mapped in {{pair}}', {
                                                            pair: already,
                                                            interpolation: { escapeValue: false },
                                                        })}
                                                    </Tag>
                                                )}
                                            </DataTableCell>
                                            <DataTableCell>
                                                <ScoreTag score={suggestion.score} />
                                            </DataTableCell>
                                            <DataTableCell>
                                                <ul className={classes.cellList}>
                                                    {suggestion.hmis.map((entry) => (
                                                        <li key={entry.label}>
                                                            {entry.label}:{' '}
                                                            {entry.item ? (
                                                                itemText(entry.item)
                                                            ) : (
                                                                <span className={classes.error}>
                                                                    {i18n.t('not found')}
                                                                </span>
                                                            )}
                                                        </li>
                                                    ))}
                                                </ul>
                                            </DataTableCell>
                                            <DataTableCell>
                                                <ul className={classes.cellList}>
                                                    {LMIS_MEASURES.filter(
                                                        (measure) =>
                                                            suggestion.lmis[measure].length > 0 ||
                                                            suggestion.missingLmis.includes(measure)
                                                    ).map((measure) => (
                                                        <li key={measure}>
                                                            {measureLabel(measure)}:{' '}
                                                            {suggestion.lmis[measure].length ? (
                                                                suggestion.lmis[measure]
                                                                    .map(itemText)
                                                                    .join('; ')
                                                            ) : (
                                                                <span className={classes.error}>
                                                                    {i18n.t('not found')}
                                                                </span>
                                                            )}
                                                        </li>
                                                    ))}
                                                </ul>
                                            </DataTableCell>
                                        </DataTableRow>
                                    )
                                })}
                            </DataTableBody>
                        </DataTable>
                        {result.notFound.length > 0 && (
                            <p className={classes.help} data-test="settings-suggest-not-found">
                                {i18n.t('Nothing found for – {{names}}', {
                                    names: result.notFound.map(suggestedPairName).join(', '),
                                    interpolation: { escapeValue: false },
                                })}
                            </p>
                        )}
                    </>
                )}
            </ModalContent>
            <ModalActions>
                <ButtonStrip end>
                    <Button secondary onClick={onClose}>
                        {i18n.t('Cancel')}
                    </Button>
                    <Button
                        primary
                        disabled={chosen.length === 0}
                        onClick={() => onAdd(chosen)}
                        dataTest="settings-suggest-add"
                    >
                        {i18n.t('Add the selected pairs')}
                    </Button>
                </ButtonStrip>
            </ModalActions>
        </Modal>
    )
}
