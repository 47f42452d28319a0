import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React, { useMemo, useRef, useState } from 'react'
import { parseConfig } from '../../../domain/config'
import { describeError, ErrorNotice } from '../../../shared/api-errors'
import type { StoredConfigEntry } from '../api/config-store'
import { downloadText } from '../download'
import { formatServerTime } from '../format'
import { useMappingEditor } from '../hooks/use-mapping-editor'
import { useMetadataLookup } from '../hooks/use-metadata-lookup'
import { addSuggestions } from '../model/apply-suggestions'
import {
    jsonToDraft,
    pairDataSetIds,
    pairDxIds,
    pairGroupSetIds,
    type DraftArea,
    type DraftPair,
} from '../model/draft'
import {
    addArea,
    addPair,
    deleteArea,
    deletePair,
    duplicateArea,
    duplicatePair,
    findPairLocation,
    moveArea,
    movePair,
    movePairToArea,
    updateArea,
    updatePair,
} from '../model/edits'
import {
    buildImportReport,
    EXPORT_FILE_NAME,
    exportText,
    type ImportReport,
} from '../model/import-report'
import { indexIssues, summarizeIssues } from '../model/issues'
import { pairWarnings } from '../model/warnings'
import classes from '../SettingsPage.module.css'
import { AreaList, type AreaListActions } from './AreaList'
import { ConfirmModal } from './ConfirmModal'
import { ConflictModal } from './ConflictModal'
import { ImportModal } from './ImportModal'
import { PairEditor } from './PairEditor'
import { SuggestModal } from './SuggestModal'

const SUMMARY_LIMIT = 8

type Confirm =
    | { kind: 'deleteArea'; area: DraftArea }
    | { kind: 'deletePair'; pair: DraftPair }
    | { kind: 'discard' }

/** The mapping editor of users who may change the configuration. */
export const MappingEditor = ({
    entry,
    storageKey,
    onUnsavedChangesChange,
}: {
    entry: StoredConfigEntry
    storageKey: string | null
    onUnsavedChangesChange?: (unsaved: boolean) => void
}) => {
    const editor = useMappingEditor({ entry, storageKey, onUnsavedChangesChange })
    const { draft, setDraft, saveState } = editor
    const [selectedKey, setSelectedKey] = useState<string | null>(
        () => draft.areas.flatMap((area) => area.pairs)[0]?.key ?? null
    )
    const [confirm, setConfirm] = useState<Confirm | null>(null)
    const [suggestOpen, setSuggestOpen] = useState(false)
    const [importing, setImporting] = useState<{ fileName: string; report: ImportReport } | null>(
        null
    )
    const fileInput = useRef<HTMLInputElement>(null)

    const storedProblems = useMemo(() => (entry.exists ? parseConfig(entry.value) : null), [entry])
    const dxIds = useMemo(
        () => [...new Set(draft.areas.flatMap((a) => a.pairs.flatMap(pairDxIds)))].sort(),
        [draft]
    )
    const dataSetIds = useMemo(
        () => [...new Set(draft.areas.flatMap((a) => a.pairs.flatMap(pairDataSetIds)))].sort(),
        [draft]
    )
    const groupSetIds = useMemo(
        () => [...new Set(draft.areas.flatMap((a) => a.pairs.flatMap(pairGroupSetIds)))].sort(),
        [draft]
    )
    const {
        lookup,
        remember,
        error: lookupError,
        refetch: refetchLookup,
    } = useMetadataLookup(dxIds, dataSetIds, groupSetIds)
    const issueIndex = useMemo(() => indexIssues(editor.issues), [editor.issues])
    const summary = useMemo(() => summarizeIssues(draft, editor.issues), [draft, editor.issues])
    const warningsByPair = useMemo(
        () =>
            new Map(
                draft.areas.flatMap((area) =>
                    area.pairs.map((pair) => [pair.key, pairWarnings(pair, lookup)] as const)
                )
            ),
        [draft, lookup]
    )
    const warningCounts = useMemo(
        () => new Map([...warningsByPair].map(([key, list]) => [key, list.length])),
        [warningsByPair]
    )
    // The chosen pair, else the first one (after a restore, an import or a deletion)
    const firstKey = draft.areas.flatMap((area) => area.pairs)[0]?.key
    const selected =
        (selectedKey ? findPairLocation(draft, selectedKey) : undefined) ??
        (firstKey ? findPairLocation(draft, firstKey) : undefined)

    const exportDraft = () => downloadText(EXPORT_FILE_NAME, exportText(editor.draftJson))

    const actions: AreaListActions = {
        selectPair: setSelectedKey,
        addArea: () => setDraft((d) => addArea(d)),
        updateArea: (key, patch) => setDraft((d) => updateArea(d, key, patch)),
        moveArea: (key, offset) => setDraft((d) => moveArea(d, key, offset)),
        duplicateArea: (key) => setDraft((d) => duplicateArea(d, key, copyName(d.areas, key))),
        deleteArea: (area) => setConfirm({ kind: 'deleteArea', area }),
        addPair: (areaKey) => {
            const result = addPair(draft, areaKey)
            setDraft(result.draft)
            setSelectedKey(result.pairKey)
        },
        movePair: (key, offset) => setDraft((d) => movePair(d, key, offset)),
        duplicatePair: (key) => {
            const location = findPairLocation(draft, key)
            const result = duplicatePair(
                draft,
                key,
                i18n.t('{{name}} (copy)', {
                    name: location?.pair.name ?? '',
                    interpolation: { escapeValue: false },
                })
            )
            setDraft(result.draft)
            setSelectedKey(result.pairKey)
        },
        deletePair: (pair) => setConfirm({ kind: 'deletePair', pair }),
    }

    const onConfirm = () => {
        if (!confirm) return
        if (confirm.kind === 'deleteArea') setDraft((d) => deleteArea(d, confirm.area.key))
        if (confirm.kind === 'deletePair') setDraft((d) => deletePair(d, confirm.pair.key))
        if (confirm.kind === 'discard') editor.discardChanges()
        setConfirm(null)
    }

    const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0]
        event.target.value = ''
        if (!file) return
        const text = await file.text()
        setImporting({ fileName: file.name, report: buildImportReport(text) })
    }

    const replaceDraft = (value: unknown) => {
        const next = jsonToDraft(value)
        setDraft(next)
        setSelectedKey(next.areas.flatMap((area) => area.pairs)[0]?.key ?? null)
        setImporting(null)
    }

    const saving = saveState.status === 'saving'
    const saveError = saveState.status === 'error' ? describeError(saveState.error) : null

    const status = saving
        ? i18n.t('Saving…')
        : editor.unsaved
          ? i18n.t('Unsaved changes (kept in this browser until saved)')
          : saveState.status === 'saved'
            ? i18n.t('Saved')
            : editor.server.exists
              ? editor.server.lastUpdated
                  ? editor.server.lastUpdatedBy
                      ? i18n.t('Saved on the server by {{name}} ({{time}})', {
                            name: editor.server.lastUpdatedBy,
                            time: formatServerTime(editor.server.lastUpdated),
                            interpolation: { escapeValue: false },
                        })
                      : i18n.t('Saved on the server ({{time}})', {
                            time: formatServerTime(editor.server.lastUpdated),
                            interpolation: { escapeValue: false },
                        })
                  : i18n.t('Saved on the server')
              : i18n.t('Not configured yet')

    return (
        <div data-test="settings-editor">
            <div className={classes.header}>
                <div className={classes.toolbar}>
                    <Button
                        primary
                        onClick={() => void editor.save()}
                        disabled={
                            !editor.unsaved || editor.issues.length > 0 || editor.offer !== null
                        }
                        loading={saving}
                        dataTest="settings-save"
                    >
                        {i18n.t('Save')}
                    </Button>
                    <Button
                        secondary
                        disabled={!editor.unsaved || saving}
                        onClick={() => setConfirm({ kind: 'discard' })}
                        dataTest="settings-discard"
                    >
                        {i18n.t('Discard changes')}
                    </Button>
                    <Button onClick={() => setSuggestOpen(true)} dataTest="settings-suggest">
                        {i18n.t('Suggest pairs')}
                    </Button>
                    <Button secondary onClick={exportDraft} dataTest="settings-export">
                        {i18n.t('Export JSON')}
                    </Button>
                    <Button
                        secondary
                        onClick={() => fileInput.current?.click()}
                        dataTest="settings-import"
                    >
                        {i18n.t('Import JSON')}
                    </Button>
                    <input
                        ref={fileInput}
                        type="file"
                        accept="application/json,.json"
                        hidden
                        onChange={(event) => void onFile(event)}
                        data-test="settings-import-file"
                    />
                </div>
                <span className={classes.status} data-test="settings-status" aria-live="polite">
                    {status}
                </span>
            </div>

            <div className={classes.notices}>
                {editor.offer && (
                    <NoticeBox
                        warning
                        title={i18n.t('You have an unsaved draft of the mapping')}
                        dataTest="settings-restore-draft"
                    >
                        <p>
                            {i18n.t('Kept in this browser on {{time}}.', {
                                time: new Date(editor.offer.draft.savedAt).toLocaleString(),
                                interpolation: { escapeValue: false },
                            })}{' '}
                            {editor.offer.serverChangedSince &&
                                i18n.t(
                                    'The mapping on the server has been saved since – saving the draft will show what changed.'
                                )}
                        </p>
                        <div className={classes.toolbar}>
                            <Button
                                small
                                primary
                                onClick={editor.restoreDraft}
                                dataTest="settings-restore-draft-restore"
                            >
                                {i18n.t('Restore draft')}
                            </Button>
                            <Button
                                small
                                secondary
                                onClick={editor.discardStoredDraft}
                                dataTest="settings-restore-draft-discard"
                            >
                                {i18n.t('Discard draft')}
                            </Button>
                        </div>
                    </NoticeBox>
                )}
                {editor.storageFailed && (
                    <NoticeBox warning title={i18n.t('The draft cannot be kept in this browser')}>
                        {i18n.t(
                            'The browser refused to store it (storage full or disabled). Save or export your changes before leaving.'
                        )}
                    </NoticeBox>
                )}
                {storedProblems?.config === null && (
                    <NoticeBox error title={i18n.t('The stored mapping cannot be read')}>
                        <ul className={classes.diffList}>
                            {storedProblems.errors.map((issue, index) => (
                                <li key={index}>{issue.message}</li>
                            ))}
                        </ul>
                        {i18n.t('Saving replaces it with the mapping below.')}
                    </NoticeBox>
                )}
                {saveError?.kind === 'forbidden' && (
                    <NoticeBox
                        error
                        title={i18n.t('DHIS2 refused to save the mapping')}
                        dataTest="settings-save-forbidden"
                    >
                        <p>
                            {i18n.t(
                                'Your account is not allowed to change the configuration – only superusers and the editors named above may. Your changes are kept in this browser; export them to a file or ask a superuser.'
                            )}
                        </p>
                        {saveError.serverMessage && (
                            <p className={classes.mono}>{saveError.serverMessage}</p>
                        )}
                        <Button small onClick={exportDraft}>
                            {i18n.t('Export JSON')}
                        </Button>
                    </NoticeBox>
                )}
                {saveState.status === 'error' && saveError?.kind !== 'forbidden' && (
                    <div>
                        <ErrorNotice
                            error={saveState.error}
                            onRetry={() => void editor.save()}
                            dataTest="settings-save-error"
                        />
                        <p className={classes.help}>
                            {i18n.t('Your changes are kept in this browser.')}
                        </p>
                    </div>
                )}
                {lookupError && (
                    <ErrorNotice error={lookupError} onRetry={() => void refetchLookup()} />
                )}
                {summary.length > 0 && draft.areas.length > 0 && (
                    <NoticeBox
                        warning
                        title={i18n.t('Fix these before saving ({{number}})', {
                            number: String(summary.length),
                            interpolation: { escapeValue: false },
                        })}
                        dataTest="settings-validation"
                    >
                        <ul className={classes.diffList}>
                            {summary.slice(0, SUMMARY_LIMIT).map((item, index) => (
                                <li key={index}>
                                    {item.pairKey ? (
                                        <button
                                            type="button"
                                            className={classes.pairSelect}
                                            onClick={() => setSelectedKey(item.pairKey)}
                                        >
                                            {item.where ? `${item.where}: ` : ''}
                                            {item.message}
                                        </button>
                                    ) : (
                                        `${item.where ? `${item.where}: ` : ''}${item.message}`
                                    )}
                                </li>
                            ))}
                        </ul>
                        {summary.length > SUMMARY_LIMIT &&
                            i18n.t('and {{number}} more', {
                                number: String(summary.length - SUMMARY_LIMIT),
                                interpolation: { escapeValue: false },
                            })}
                    </NoticeBox>
                )}
            </div>

            {editor.offer ? null : draft.areas.length === 0 ? (
                <NoticeBox title={i18n.t('No mapping yet')} dataTest="settings-empty">
                    <p>
                        {i18n.t(
                            "Start from suggested pairs for the 13 life-saving commodities, matched to this instance's data elements, or add a program area and its pairs yourself."
                        )}
                    </p>
                    <div className={classes.toolbar}>
                        <Button
                            primary
                            onClick={() => setSuggestOpen(true)}
                            dataTest="settings-empty-suggest"
                        >
                            {i18n.t('Suggest pairs')}
                        </Button>
                        <Button onClick={actions.addArea} dataTest="settings-add-area">
                            {i18n.t('Add program area')}
                        </Button>
                    </div>
                </NoticeBox>
            ) : (
                <div className={classes.layout}>
                    <AreaList
                        draft={draft}
                        selectedPairKey={selected?.pair.key ?? null}
                        issues={issueIndex}
                        warningCounts={warningCounts}
                        actions={actions}
                    />
                    {selected ? (
                        <div className={classes.section}>
                            {draft.areas.length > 1 && (
                                <SingleSelectField
                                    dense
                                    inputWidth="320px"
                                    label={i18n.t('Program area of this pair')}
                                    selected={selected.area.key}
                                    onChange={({ selected: areaKey }) =>
                                        setDraft((d) =>
                                            movePairToArea(d, selected.pair.key, areaKey)
                                        )
                                    }
                                    dataTest="settings-pair-area"
                                >
                                    {draft.areas.map((area) => (
                                        <SingleSelectOption
                                            key={area.key}
                                            value={area.key}
                                            label={
                                                area.name.trim() || area.id || i18n.t('(no name)')
                                            }
                                        />
                                    ))}
                                </SingleSelectField>
                            )}
                            <PairEditor
                                key={selected.pair.key}
                                pair={selected.pair}
                                areaIndex={selected.areaIndex}
                                pairIndex={selected.pairIndex}
                                issues={issueIndex}
                                warnings={warningsByPair.get(selected.pair.key) ?? []}
                                lookup={lookup}
                                remember={remember}
                                onChange={(update) =>
                                    setDraft((d) => updatePair(d, selected.pair.key, update))
                                }
                            />
                        </div>
                    ) : (
                        <p className={classes.help}>{i18n.t('Choose a pair to edit it.')}</p>
                    )}
                </div>
            )}

            {confirm && (
                <ConfirmModal
                    dataTest="settings-confirm"
                    title={
                        confirm.kind === 'discard'
                            ? i18n.t('Discard your changes?')
                            : confirm.kind === 'deleteArea'
                              ? i18n.t('Delete this program area?')
                              : i18n.t('Delete this pair?')
                    }
                    message={
                        confirm.kind === 'discard'
                            ? i18n.t('The mapping goes back to what is saved on the server.')
                            : confirm.kind === 'deleteArea'
                              ? i18n.t(
                                    '{{name}} and its {{number}} pairs will be removed when you save.',
                                    {
                                        name: confirm.area.name || confirm.area.id,
                                        number: String(confirm.area.pairs.length),
                                        interpolation: { escapeValue: false },
                                    }
                                )
                              : i18n.t('{{name}} will be removed when you save.', {
                                    name: confirm.pair.name || confirm.pair.id,
                                    interpolation: { escapeValue: false },
                                })
                    }
                    confirmLabel={confirm.kind === 'discard' ? i18n.t('Discard') : i18n.t('Delete')}
                    onConfirm={onConfirm}
                    onCancel={() => setConfirm(null)}
                />
            )}
            {saveState.status === 'conflict' && (
                <ConflictModal
                    remote={saveState.remote}
                    reason={saveState.reason}
                    basedOn={editor.basedOn}
                    mine={editor.draftJson}
                    saving={saving}
                    onReloadTheirs={() => {
                        editor.reloadTheirs(saveState.remote)
                        const next = jsonToDraft(saveState.remote.value)
                        setSelectedKey(next.areas.flatMap((area) => area.pairs)[0]?.key ?? null)
                    }}
                    onOverwrite={() => void editor.save(saveState.remote)}
                    onExportMine={exportDraft}
                    onCancel={editor.dismissSaveState}
                />
            )}
            {importing && (
                <ImportModal
                    fileName={importing.fileName}
                    report={importing.report}
                    onAcceptValid={() => replaceDraft(importing.report.config)}
                    onImportAll={() => replaceDraft(importing.report.value)}
                    onCancel={() => setImporting(null)}
                />
            )}
            {suggestOpen && (
                <SuggestModal
                    draft={draft}
                    onClose={() => setSuggestOpen(false)}
                    onAdd={(suggestions) => {
                        const next = addSuggestions(draft, suggestions)
                        setDraft(next)
                        const firstNew = next.areas
                            .flatMap((area) => area.pairs)
                            .find(
                                (pair) =>
                                    !draft.areas.some((area) =>
                                        area.pairs.some((old) => old.key === pair.key)
                                    )
                            )
                        if (firstNew) setSelectedKey(firstNew.key)
                        setSuggestOpen(false)
                    }}
                />
            )}
        </div>
    )
}

const copyName = (areas: readonly DraftArea[], key: string): string => {
    const area = areas.find((candidate) => candidate.key === key)
    return i18n.t('{{name}} (copy)', {
        name: area?.name ?? '',
        interpolation: { escapeValue: false },
    })
}
