import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, NoticeBox, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import { useQuery } from '@tanstack/react-query'
import React, { useState } from 'react'
import {
    attributePayload,
    readImportReport,
    type ImportReportSummary,
    type OwnerOrgUnit,
} from '../../domain/facilities/attribute-write'
import type { FacilityMapping } from '../../domain/facilities/review'
import { ErrorNotice } from '../../shared/api-errors'
import { PAGE_SIZE } from './dhis-facilities'
import classes from './FacilitiesPage.module.css'

interface Attribute {
    id: string
    displayName: string
}

type Step =
    | { step: 'idle' }
    | { step: 'working' }
    | { step: 'nothing'; duplicateCodes: string[] }
    | {
          step: 'checked'
          payload: { organisationUnits: OwnerOrgUnit[] }
          report: ImportReportSummary
          duplicateCodes: string[]
      }
    | { step: 'written'; report: ImportReportSummary }
    | { step: 'failed'; error: unknown }

/** The import report of an answer, also when the engine threw it (409 with the report as body) */
const reportOf = (answerOrError: unknown): ImportReportSummary | null =>
    readImportReport(answerOrError) ??
    readImportReport((answerOrError as { details?: unknown } | null)?.details)

const ReportView = ({ report, dryRun }: { report: ImportReportSummary; dryRun: boolean }) => (
    <NoticeBox
        error={report.status === 'ERROR'}
        warning={report.status === 'WARNING'}
        title={
            report.status === 'OK'
                ? dryRun
                    ? i18n.t('Dry run passed, nothing written yet')
                    : i18n.t('Written to DHIS2')
                : i18n.t('DHIS2 refused the import')
        }
        dataTest="facility-import-report"
    >
        <p className={classes.hint}>
            {i18n.t('{{updated}} org units updated, {{ignored}} ignored, of {{total}}.', {
                updated: report.stats.updated,
                ignored: report.stats.ignored,
                total: report.stats.total,
            })}
        </p>
        {report.errors.length > 0 && (
            <ul className={classes.problems}>
                {report.errors.slice(0, 20).map((e, i) => (
                    <li key={i}>
                        {e.uid} — {e.errorCode} {e.message}
                    </li>
                ))}
            </ul>
        )}
    </NoticeBox>
)

/**
 * Writes the LMIS code of each mapped facility to an org unit attribute: a dry run first
 * (`importMode=VALIDATE`) showing DHIS2's import report, then the write (`COMMIT`).
 */
export const AttributeWrite = ({
    mapping,
    facilityLevel,
}: {
    mapping: () => FacilityMapping | null
    facilityLevel: number
}) => {
    const engine = useDataEngine()
    const [attributeId, setAttributeId] = useState('')
    const [state, setState] = useState<Step>({ step: 'idle' })
    const attributes = useQuery({
        queryKey: ['attributes', 'organisationUnit'],
        queryFn: async () => {
            const result = (await engine.query({
                result: {
                    resource: 'attributes',
                    params: {
                        fields: 'id,displayName',
                        filter: 'organisationUnitAttribute:eq:true',
                        paging: false,
                    },
                },
            })) as { result: { attributes?: Attribute[] } }
            return result.result.attributes ?? []
        },
    })

    const importMetadata = async (
        payload: { organisationUnits: OwnerOrgUnit[] },
        importMode: 'VALIDATE' | 'COMMIT'
    ): Promise<ImportReportSummary> => {
        let answer: unknown
        try {
            answer = await engine.mutate({
                resource: 'metadata',
                type: 'create',
                params: { importMode, importStrategy: 'UPDATE', atomicMode: 'ALL' },
                data: payload,
            })
        } catch (error) {
            const report = reportOf(error)
            if (report) return report
            throw error
        }
        const report = reportOf(answer)
        if (!report) throw new Error(i18n.t('DHIS2 did not answer with an import report'))
        return report
    }

    const check = async () => {
        const value = mapping()
        if (!value || !attributeId) return
        setState({ step: 'working' })
        try {
            const orgUnits: OwnerOrgUnit[] = []
            for (let page = 1; ; page++) {
                const data = (await engine.query({
                    result: {
                        resource: 'organisationUnits',
                        params: {
                            fields: ':owner',
                            filter: `level:eq:${facilityLevel}`,
                            order: 'id:asc',
                            page,
                            pageSize: PAGE_SIZE,
                        },
                    },
                })) as {
                    result: { organisationUnits?: OwnerOrgUnit[]; pager?: { pageCount?: number } }
                }
                const units = data.result.organisationUnits ?? []
                orgUnits.push(...units)
                if (page >= (data.result.pager?.pageCount ?? 1) || units.length === 0) break
            }
            const { payload, duplicateCodes } = attributePayload(
                value.entries,
                orgUnits,
                attributeId
            )
            if (payload.organisationUnits.length === 0) {
                setState({ step: 'nothing', duplicateCodes })
                return
            }
            setState({
                step: 'checked',
                payload,
                duplicateCodes,
                report: await importMetadata(payload, 'VALIDATE'),
            })
        } catch (error) {
            setState({ step: 'failed', error })
        }
    }

    const write = async () => {
        if (state.step !== 'checked') return
        const payload = state.payload
        setState({ step: 'working' })
        try {
            setState({ step: 'written', report: await importMetadata(payload, 'COMMIT') })
        } catch (error) {
            setState({ step: 'failed', error })
        }
    }

    return (
        <section className={classes.section} data-test="facility-attribute-write">
            <h3 className={classes.heading}>{i18n.t('Write the LMIS codes to DHIS2')}</h3>
            {attributes.error && <ErrorNotice error={attributes.error} />}
            {attributes.data?.length === 0 && (
                <p className={classes.hint}>
                    {i18n.t(
                        'This DHIS2 has no organisation unit attribute. Create one for the LMIS code in the Maintenance app first.'
                    )}
                </p>
            )}
            {attributes.data && attributes.data.length > 0 && (
                <div className={classes.row}>
                    <SingleSelectField
                        label={i18n.t('Organisation unit attribute')}
                        selected={attributeId}
                        onChange={({ selected }: { selected: string }) => {
                            setAttributeId(selected)
                            setState({ step: 'idle' })
                        }}
                        dataTest="facility-attribute"
                    >
                        {attributes.data.map((a) => (
                            <SingleSelectOption key={a.id} value={a.id} label={a.displayName} />
                        ))}
                    </SingleSelectField>
                    <Button
                        onClick={() => void check()}
                        disabled={!attributeId || state.step === 'working'}
                        loading={state.step === 'working'}
                        dataTest="facility-attribute-check"
                    >
                        {i18n.t('Dry run')}
                    </Button>
                    <Button
                        destructive
                        onClick={() => void write()}
                        disabled={state.step !== 'checked' || state.report.status !== 'OK'}
                        dataTest="facility-attribute-commit"
                    >
                        {i18n.t('Write to DHIS2')}
                    </Button>
                </div>
            )}
            {state.step === 'nothing' && (
                <p className={classes.hint}>
                    {i18n.t('Every org unit already has its LMIS code.')}
                </p>
            )}
            {(state.step === 'checked' || state.step === 'nothing') &&
                state.duplicateCodes.length > 0 && (
                    <NoticeBox warning dataTest="facility-duplicate-codes">
                        {i18n.t(
                            'Not written, because each of these LMIS codes belongs to more than one mapped facility ({{codes}}).',
                            { codes: state.duplicateCodes.join(', ') }
                        )}
                    </NoticeBox>
                )}
            {state.step === 'checked' && <ReportView report={state.report} dryRun />}
            {state.step === 'written' && <ReportView report={state.report} dryRun={false} />}
            {state.step === 'failed' && <ErrorNotice error={state.error} />}
        </section>
    )
}
