/**
 * Writing the reviewed mapping to DHIS2 as an org unit attribute value (the LMIS code), through
 * the metadata import: the org units as DHIS2 returned them (`fields=:owner`, so that the import,
 * which replaces objects, changes nothing else) with the attribute's value set, sent first with
 * `importMode=VALIDATE` (a dry run), then `COMMIT`; and DHIS2's import report read for the admin.
 */
import type { FacilityMappingEntry } from './review'

export interface OwnerOrgUnit {
    id: string
    attributeValues?: Array<{ attribute: { id: string }; value: string }>
    [property: string]: unknown
}

/**
 * The org units whose attribute value must change: the mapped ones (value = LMIS code) and those
 * that hold a value no longer mapped to them (value removed). Unchanged ones are left out. An LMIS
 * code the list gives to more than one mapped facility is not written (an attribute for LMIS codes
 * is unique: DHIS2 would refuse the whole import with E4009); `duplicateCodes` names them.
 */
export const attributePayload = (
    entries: readonly FacilityMappingEntry[],
    orgUnits: readonly OwnerOrgUnit[],
    attributeId: string
): { payload: { organisationUnits: OwnerOrgUnit[] }; duplicateCodes: string[] } => {
    const uses = new Map<string, number>()
    for (const e of entries) if (e.lmisCode) uses.set(e.lmisCode, (uses.get(e.lmisCode) ?? 0) + 1)
    const duplicateCodes = [...uses].filter(([, n]) => n > 1).map(([code]) => code)
    const wanted = new Map(
        entries
            .filter((e) => e.lmisCode && (uses.get(e.lmisCode) ?? 0) === 1)
            .map((e) => [e.dhisId, e.lmisCode])
    )
    const changed: OwnerOrgUnit[] = []
    for (const ou of orgUnits) {
        const others = (ou.attributeValues ?? []).filter((v) => v.attribute.id !== attributeId)
        const current = (ou.attributeValues ?? []).find(
            (v) => v.attribute.id === attributeId
        )?.value
        const next = wanted.get(ou.id)
        if ((current ?? '') === (next ?? '')) continue
        changed.push({
            ...ou,
            attributeValues: next
                ? [...others, { attribute: { id: attributeId }, value: next }]
                : others,
        })
    }
    return { payload: { organisationUnits: changed }, duplicateCodes }
}

export interface ImportReportSummary {
    status: 'OK' | 'WARNING' | 'ERROR'
    stats: { created: number; updated: number; deleted: number; ignored: number; total: number }
    errors: Array<{ uid: string; errorCode: string; message: string }>
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0)

/**
 * DHIS2's import report from a metadata import answer: the WebMessage (`{ response: {
 * responseType: 'ImportReport', ... } }`, 2.38+) or the bare report (older versions); null when the
 * body is neither.
 */
export const readImportReport = (body: unknown): ImportReportSummary | null => {
    const b = body as { response?: unknown; typeReports?: unknown } | null
    const report = (
        b && typeof b === 'object' && b.response && typeof b.response === 'object' ? b.response : b
    ) as {
        status?: unknown
        stats?: Record<string, unknown>
        typeReports?: Array<{
            objectReports?: Array<{
                uid?: unknown
                errorReports?: Array<{ errorCode?: unknown; message?: unknown }>
            }>
        }>
    } | null
    if (!report || typeof report !== 'object' || typeof report.status !== 'string') return null
    const status = ['OK', 'WARNING', 'ERROR'].includes(report.status)
        ? (report.status as ImportReportSummary['status'])
        : 'ERROR'
    const s = report.stats ?? {}
    return {
        status,
        stats: {
            created: num(s.created),
            updated: num(s.updated),
            deleted: num(s.deleted),
            ignored: num(s.ignored),
            total: num(s.total),
        },
        errors: (Array.isArray(report.typeReports) ? report.typeReports : []).flatMap((t) =>
            (t.objectReports ?? []).flatMap((o) =>
                (o.errorReports ?? []).map((e) => ({
                    uid: typeof o.uid === 'string' ? o.uid : '',
                    errorCode: typeof e.errorCode === 'string' ? e.errorCode : '',
                    message: typeof e.message === 'string' ? e.message : '',
                }))
            )
        ),
    }
}
