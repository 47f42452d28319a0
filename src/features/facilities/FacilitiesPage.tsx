import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import {
    Button,
    Chip,
    CircularLoader,
    FileInputField,
    InputField,
    LinearLoader,
    NoticeBox,
    Pagination,
    SingleSelectField,
    SingleSelectOption,
} from '@dhis2/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'
import type { StoredEntry } from '../../data/datastore-entry'
import { useMe } from '../../data/use-me'
import {
    COLUMN_FIELDS,
    guessColumns,
    parseCsv,
    readFacilities,
    type ColumnMapping,
    type CsvProblem,
    type CsvTable,
} from '../../domain/facilities/csv'
import type { LmisFacility, MatchResult } from '../../domain/facilities/match'
import {
    REVIEW_FILTERS,
    buildMapping,
    mappingCsvRows,
    matchesFilter,
    matchesSearch,
    progressOf,
    resolveRows,
    rowsByDhisId,
    unmatchedDhis,
    type Decision,
    type Decisions,
    type ReviewFilter,
} from '../../domain/facilities/review'
import { ErrorNotice } from '../../shared/api-errors'
import { downloadText, toCsv } from '../../shared/download'
import { canEditConfig } from '../settings/permissions'
import { fetchDhisSide, type DhisSide } from './dhis-facilities'
import { clearDraft, readDraft, writeDraft } from './draft'
import { loadMappingEntry, saveMapping } from './mapping-store'
import { fieldLabel, filterText, problemText } from './messages'
import { AttributeWrite } from './AttributeWrite'
import { ReviewTable } from './ReviewTable'
import { runMatch } from './run-match'
import classes from './FacilitiesPage.module.css'

const NONE = '__none__'
const PAGE_SIZE = 50
const MAX_FILE_BYTES = 20 * 1024 * 1024

type Phase =
    | { step: 'idle' }
    | { step: 'loading'; loaded: number; total: number }
    | { step: 'matching' }
    | { step: 'done'; side: DhisSide; result: MatchResult; milliseconds: number }
    | { step: 'failed'; error: unknown }

type SaveState =
    | { step: 'idle' }
    | { step: 'saving' }
    | { step: 'saved'; at: string }
    | { step: 'conflict'; remote: StoredEntry }
    | { step: 'failed'; error: unknown }

/** Import an LMIS facility list, match it to DHIS2's facilities, review, save and export. */
export const FacilitiesPage = () => {
    const engine = useDataEngine()
    const me = useMe()
    const canEdit = canEditConfig(me.data)

    const [fileName, setFileName] = useState('')
    const [table, setTable] = useState<CsvTable | null>(null)
    const [columns, setColumns] = useState<ColumnMapping>({})
    const [problems, setProblems] = useState<CsvProblem[]>([])
    const [lmis, setLmis] = useState<LmisFacility[] | null>(null)
    const [decisions, setDecisions] = useState<Decisions>({})
    const [phase, setPhase] = useState<Phase>({ step: 'idle' })
    const [filter, setFilter] = useState<ReviewFilter | 'unmatchedDhis'>('uncertain')
    const [search, setSearch] = useState('')
    const [page, setPage] = useState(1)
    const [focus, setFocus] = useState(0)
    const [draftOffer, setDraftOffer] = useState(() => readDraft())
    const [base, setBase] = useState<StoredEntry | null>(null)
    const [save, setSave] = useState<SaveState>({ step: 'idle' })

    // The stored mapping's version: a save is made on top of it (conflicts detected)
    useEffect(() => {
        const controller = new AbortController()
        loadMappingEntry(engine, controller.signal).then(setBase, () => undefined)
        return () => controller.abort()
    }, [engine])

    // Decisions are kept in the browser until saved
    useEffect(() => {
        if (lmis && Object.keys(decisions).length > 0) writeDraft({ fileName, lmis, decisions })
    }, [lmis, decisions, fileName])

    const onFile = async ({ files }: { files: FileList | null }) => {
        const file = files?.[0]
        setProblems([])
        setTable(null)
        setLmis(null)
        setPhase({ step: 'idle' })
        if (!file) return
        setFileName(file.name)
        if (file.size > MAX_FILE_BYTES) {
            setProblems([{ code: 'empty' }])
            return
        }
        const parsed = parseCsv(await file.text())
        if ('problem' in parsed) {
            setProblems([parsed.problem])
            return
        }
        setTable(parsed.table)
        setColumns(guessColumns(parsed.table.header))
    }

    const useList = () => {
        if (!table) return
        const read = readFacilities(table, columns)
        if ('problems' in read) {
            setProblems(read.problems)
            setLmis(null)
            return
        }
        setProblems([])
        setDecisions({})
        setLmis(read.facilities)
    }

    const match = useCallback(
        async (facilities: LmisFacility[]) => {
            setPhase({ step: 'loading', loaded: 0, total: 0 })
            try {
                const side = await fetchDhisSide(engine, (loaded, total) =>
                    setPhase({ step: 'loading', loaded, total })
                )
                setPhase({ step: 'matching' })
                const { result, milliseconds } = await runMatch({
                    lmis: facilities,
                    dhis: side.facilities,
                    areas: side.areas,
                })
                setPhase({ step: 'done', side, result, milliseconds })
                setPage(1)
                setFocus(0)
            } catch (error) {
                setPhase({ step: 'failed', error })
            }
        },
        [engine]
    )

    const resumeDraft = () => {
        if (!draftOffer) return
        setFileName(draftOffer.fileName)
        setLmis(draftOffer.lmis)
        setDecisions(draftOffer.decisions)
        setDraftOffer(null)
        void match(draftOffer.lmis)
    }

    const done = phase.step === 'done' ? phase : null
    const dhis = done?.side.facilities
    const dhisById = useMemo(() => new Map((dhis ?? []).map((f) => [f.id, f])), [dhis])
    const rows = useMemo(
        () => (done && lmis ? resolveRows(lmis, done.side.facilities, done.result, decisions) : []),
        [done, lmis, decisions]
    )
    const progress = useMemo(() => progressOf(rows), [rows])
    const dhisOnly = useMemo(() => (dhis ? unmatchedDhis(rows, dhis) : []), [rows, dhis])
    const shown = useMemo(
        () =>
            filter === 'unmatchedDhis'
                ? []
                : rows.filter((r) => matchesFilter(r, filter) && matchesSearch(r, search)),
        [rows, filter, search]
    )
    const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE))
    const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    // Which row each DHIS2 facility is matched to: choosing it for another row takes it from there
    const heldBy = useMemo(() => rowsByDhisId(rows), [rows])

    const decide = useCallback((index: number, decision: Decision | undefined) => {
        setDecisions((previous) => {
            const next = { ...previous }
            if (decision) next[index] = decision
            else delete next[index]
            return next
        })
        setSave({ step: 'idle' })
    }, [])

    const mapping = () => (dhis ? buildMapping(rows, dhis, { fileName }, new Date()) : null)

    const onSave = async (takeOver = false) => {
        const value = mapping()
        if (!value || !base) return
        setSave({ step: 'saving' })
        try {
            const result = await saveMapping(engine, base, value, takeOver)
            if (result.status === 'conflict') {
                setBase(result.remote)
                setSave({ step: 'conflict', remote: result.remote })
                return
            }
            setBase(result.entry)
            clearDraft()
            setSave({ step: 'saved', at: value.reviewedAt })
        } catch (error) {
            setSave({ step: 'failed', error })
        }
    }

    const onExport = () => {
        const value = mapping()
        if (value) downloadText('lmis-dhis2-facility-mapping.csv', toCsv(mappingCsvRows(value)))
    }

    return (
        <div className={classes.page} data-test="facilities-page">
            <section className={classes.section}>
                <h2 className={classes.heading}>{i18n.t('LMIS facility list')}</h2>
                <p className={classes.hint}>
                    {i18n.t(
                        'Import the facility list exported from the LMIS (OpenLMIS, eLMIS, CommCare Supply) as CSV, then choose its columns.'
                    )}
                </p>
                {draftOffer && !lmis && (
                    <NoticeBox title={i18n.t('Unsaved review')} dataTest="facility-draft">
                        {i18n.t('A review of {{file}} was not saved.', {
                            file: draftOffer.fileName,
                        })}{' '}
                        <Button small onClick={resumeDraft} dataTest="facility-draft-resume">
                            {i18n.t('Resume')}
                        </Button>{' '}
                        <Button
                            small
                            secondary
                            onClick={() => {
                                clearDraft()
                                setDraftOffer(null)
                            }}
                        >
                            {i18n.t('Discard')}
                        </Button>
                    </NoticeBox>
                )}
                <FileInputField
                    accept=".csv,text/csv"
                    buttonLabel={i18n.t('Choose a CSV file')}
                    placeholder={fileName || i18n.t('No file chosen')}
                    name="lmis-facilities"
                    onChange={(payload: { files: FileList | null }) => void onFile(payload)}
                    dataTest="facility-file"
                />
                {table && (
                    <>
                        <p className={classes.hint}>
                            {i18n.t('{{count}} rows in {{file}}', {
                                count: table.rows.length,
                                file: fileName,
                            })}
                        </p>
                        <div className={classes.columns}>
                            {COLUMN_FIELDS.map((field) => (
                                <SingleSelectField
                                    key={field}
                                    label={fieldLabel(field)}
                                    selected={
                                        columns[field] === undefined ? NONE : String(columns[field])
                                    }
                                    onChange={({ selected }: { selected: string }) =>
                                        setColumns((c) => {
                                            const next = { ...c }
                                            if (selected === NONE) delete next[field]
                                            else next[field] = Number(selected)
                                            return next
                                        })
                                    }
                                    dataTest={`facility-column-${field}`}
                                >
                                    <SingleSelectOption value={NONE} label={i18n.t('(none)')} />
                                    {table.header.map((h, i) => (
                                        <SingleSelectOption
                                            key={i}
                                            value={String(i)}
                                            label={h || `#${i + 1}`}
                                        />
                                    ))}
                                </SingleSelectField>
                            ))}
                        </div>
                        <div className={classes.row}>
                            <Button primary onClick={useList} dataTest="facility-read">
                                {i18n.t('Read the list')}
                            </Button>
                            {lmis && (
                                <Button
                                    onClick={() => void match(lmis)}
                                    disabled={phase.step === 'loading' || phase.step === 'matching'}
                                    dataTest="facility-match"
                                >
                                    {i18n.t('Match with DHIS2 facilities')}
                                </Button>
                            )}
                        </div>
                    </>
                )}
                {problems.length > 0 && (
                    <NoticeBox
                        error
                        title={i18n.t('The list was not imported')}
                        dataTest="facility-problems"
                    >
                        <ul className={classes.problems}>
                            {problems.map((p, i) => (
                                <li key={i}>{problemText(p)}</li>
                            ))}
                        </ul>
                    </NoticeBox>
                )}
                {lmis && phase.step === 'idle' && (
                    <p className={classes.hint} data-test="facility-read-count">
                        {i18n.t('{{count}} LMIS facilities read.', { count: lmis.length })}
                    </p>
                )}
            </section>

            {phase.step === 'loading' && (
                <div data-test="facility-loading">
                    <p className={classes.hint}>
                        {i18n.t('Loading DHIS2 facilities ({{loaded}} of {{total}})', {
                            loaded: phase.loaded,
                            total: phase.total || '…',
                        })}
                    </p>
                    <LinearLoader
                        amount={phase.total ? (100 * phase.loaded) / phase.total : 0}
                        aria-label={i18n.t('Loading DHIS2 facilities')}
                    />
                </div>
            )}
            {phase.step === 'matching' && (
                <div className={classes.row}>
                    <CircularLoader small /> {i18n.t('Matching…')}
                </div>
            )}
            {phase.step === 'failed' && <ErrorNotice error={phase.error} />}

            {done && lmis && (
                <section className={classes.section} data-test="facility-review">
                    <h2 className={classes.heading}>{i18n.t('Review')}</h2>
                    <p className={classes.hint} data-test="facility-summary">
                        {i18n.t(
                            '{{matched}} of {{total}} LMIS facilities matched, {{open}} to review; {{dhisOnly}} DHIS2 facilities without an LMIS facility. Matched in {{seconds}} s.',
                            {
                                matched: progress.matched,
                                total: progress.total,
                                open: progress.open,
                                dhisOnly: dhisOnly.length,
                                seconds: (done.milliseconds / 1000).toFixed(1),
                            }
                        )}
                    </p>
                    <LinearLoader
                        amount={
                            progress.total
                                ? (100 * (progress.total - progress.open)) / progress.total
                                : 100
                        }
                        aria-label={i18n.t('Review progress')}
                    />
                    <div className={classes.filters}>
                        {[...REVIEW_FILTERS, 'unmatchedDhis' as const].map((f) => (
                            <Chip
                                key={f}
                                selected={filter === f}
                                onClick={() => {
                                    setFilter(f)
                                    setPage(1)
                                    setFocus(0)
                                }}
                                dataTest={`facility-filter-${f}`}
                            >
                                {filterText(f)}
                            </Chip>
                        ))}
                    </div>
                    <InputField
                        label={i18n.t('Search code, name or district')}
                        value={search}
                        onChange={({ value }: { value?: string }) => {
                            setSearch(value ?? '')
                            setPage(1)
                        }}
                        dataTest="facility-search"
                    />
                    <p className={classes.hint}>
                        {i18n.t(
                            'Keyboard shortcuts — ↑/↓ move, A accepts the first candidate, 1–5 choose a candidate, R means no DHIS2 facility, U undoes.'
                        )}
                    </p>
                    {filter === 'unmatchedDhis' ? (
                        <ul data-test="facility-dhis-only">
                            {dhisOnly
                                .filter(
                                    (f) =>
                                        !search ||
                                        f.name.toLowerCase().includes(search.toLowerCase())
                                )
                                .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
                                .map((f) => (
                                    <li key={f.id}>
                                        {f.name} {f.code ? `(${f.code})` : ''}
                                    </li>
                                ))}
                        </ul>
                    ) : (
                        <ReviewTable
                            rows={pageRows}
                            dhis={done.side.facilities}
                            dhisById={dhisById}
                            heldBy={heldBy}
                            focus={focus}
                            setFocus={setFocus}
                            decide={decide}
                            canEdit={canEdit}
                        />
                    )}
                    {filter !== 'unmatchedDhis' && shown.length === 0 && (
                        <p className={classes.hint}>{i18n.t('No facility in this list.')}</p>
                    )}
                    {pageCount > 1 && (
                        <Pagination
                            page={page}
                            pageCount={pageCount}
                            pageSize={PAGE_SIZE}
                            total={shown.length}
                            hidePageSizeSelect
                            onPageChange={(p: number) => {
                                setPage(p)
                                setFocus(0)
                            }}
                        />
                    )}
                    <div className={classes.row}>
                        {canEdit && (
                            <Button
                                primary
                                onClick={() => void onSave()}
                                loading={save.step === 'saving'}
                                disabled={!base || save.step === 'saving'}
                                dataTest="facility-save"
                            >
                                {i18n.t('Save mapping')}
                            </Button>
                        )}
                        <Button onClick={onExport} dataTest="facility-export">
                            {i18n.t('Download CSV')}
                        </Button>
                        {save.step === 'saved' && (
                            <span data-test="facility-saved">{i18n.t('Saved')}</span>
                        )}
                    </div>
                    {save.step === 'conflict' && (
                        <NoticeBox
                            warning
                            title={i18n.t('Someone else saved the facility mapping')}
                            dataTest="facility-conflict"
                        >
                            {i18n.t(
                                'The mapping was saved by someone else since you opened it. Your review is kept here.'
                            )}{' '}
                            <Button
                                small
                                onClick={() => void onSave(true)}
                                dataTest="facility-overwrite"
                            >
                                {i18n.t('Overwrite with mine')}
                            </Button>
                        </NoticeBox>
                    )}
                    {save.step === 'failed' && <ErrorNotice error={save.error} />}
                    {canEdit && (
                        <AttributeWrite mapping={mapping} facilityLevel={done.side.facilityLevel} />
                    )}
                </section>
            )}
        </div>
    )
}
