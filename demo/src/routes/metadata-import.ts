/**
 * The demo DHIS2's metadata import, `POST /api/metadata`, for what the app writes: org units'
 * attribute values (the LMIS facility code). Follows dhis2-core's `MetadataImportExportController`
 * and its import report (`ImportReport`: `status`, `stats`, `typeReports[].objectReports[]
 * .errorReports[]`, wrapped in a WebMessage by `WebMessageUtils.importReport`: 200 when the status
 * is OK, else 409 "One or more errors occurred, please see full details in import report.").
 *
 * - `importMode=VALIDATE` checks and reports without changing anything; `COMMIT` (default) writes.
 * - `importStrategy` UPDATE or CREATE_AND_UPDATE (org units must exist: E5001 otherwise; the demo
 *   creates none), `atomicMode=ALL` (default): one error and nothing is written.
 * - Checks: unknown attribute (E5002), attribute not for org units (E4010), a unique attribute's
 *   value used twice or already held by another org unit (E4009, dhis2-core `ErrorCode`).
 * - Only `attributeValues` of the org units are applied: the demo's names, codes and hierarchy stay
 *   as generated. Other object types in the payload are refused (E6002 "Class name {0} is not
 *   supported." is DHIS2's message for unknown classes; here for classes the demo does not import).
 */
import { DEMO_ATTRIBUTES, attributeValueStore, type AttributeValue } from '../data/attribute-values'
import type { DemoDb } from '../data/model'
import type { DemoRequest, DemoResponse, DemoRoute } from '../http/types'
import { badRequest, conflict, forbidden } from '../http/webMessages'

const OU_CLASS = 'org.hisp.dhis.organisationunit.OrganisationUnit'

interface ErrorReport {
    message: string
    mainKlass: string
    errorKlass?: string
    errorCode: string
    errorProperty?: string
    errorProperties: string[]
    value?: string
}

interface Stats {
    created: number
    updated: number
    deleted: number
    ignored: number
    total: number
}

const stats = (updated: number, ignored: number): Stats => ({
    created: 0,
    updated,
    deleted: 0,
    ignored,
    total: updated + ignored,
})

export const metadataImportRoutes = (db: DemoDb): DemoRoute[] => {
    const store = attributeValueStore(db)
    const handler = (req: DemoRequest): DemoResponse => {
        const user = req.user
        if (!user) return forbidden('Access denied')
        const mode = (req.query.get('importMode') ?? 'COMMIT').toUpperCase()
        const strategy = (req.query.get('importStrategy') ?? 'CREATE_AND_UPDATE').toUpperCase()
        const atomic = (req.query.get('atomicMode') ?? 'ALL').toUpperCase()
        if (!['COMMIT', 'VALIDATE'].includes(mode)) return badRequest(`Invalid importMode: ${mode}`)
        if (!['UPDATE', 'CREATE_AND_UPDATE'].includes(strategy)) {
            return conflict(`The demo only imports with importStrategy UPDATE or CREATE_AND_UPDATE`)
        }
        let payload: unknown
        try {
            payload = JSON.parse(req.body.toString('utf8') || '{}')
        } catch {
            return badRequest('Request body is not valid JSON')
        }
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
            return badRequest('Request body must be a JSON object')
        }
        const others = Object.keys(payload).filter((k) => k !== 'organisationUnits')
        if (others.length > 0) return conflict(`Class name ${others.join(', ')} is not supported.`)
        const units = (payload as { organisationUnits?: unknown }).organisationUnits ?? []
        if (!Array.isArray(units)) return badRequest('organisationUnits must be a list')
        if (
            !user.authorities.includes('ALL') &&
            !user.authorities.includes('F_ORGANISATIONUNIT_ADD')
        ) {
            return forbidden(
                `User \`${user.username}\` is not allowed to update objects of type OrganisationUnit.`
            )
        }

        const objectReports: Array<{
            klass: string
            index: number
            uid: string
            errorReports: ErrorReport[]
        }> = []
        const planned = new Map<string, AttributeValue[]>()
        units.forEach((raw: unknown, index: number) => {
            const unit = raw as { id?: unknown; attributeValues?: unknown }
            const uid = typeof unit.id === 'string' ? unit.id : ''
            const errors: ErrorReport[] = []
            if (!db.orgUnitById.has(uid)) {
                errors.push({
                    message: `No matching object for reference. Identifier was ${uid}, and object was OrganisationUnit.`,
                    mainKlass: OU_CLASS,
                    errorCode: 'E5001',
                    errorProperties: [uid, 'OrganisationUnit'],
                })
            }
            const values: AttributeValue[] = []
            for (const av of Array.isArray(unit.attributeValues) ? unit.attributeValues : []) {
                const id = (av as { attribute?: { id?: unknown } })?.attribute?.id
                const value = (av as { value?: unknown })?.value
                const attribute = DEMO_ATTRIBUTES.find((a) => a.id === id)
                if (!attribute) {
                    errors.push({
                        message: `Invalid reference ${String(id)} on object ${uid} for association \`attributeValues\`.`,
                        mainKlass: OU_CLASS,
                        errorKlass: 'org.hisp.dhis.attribute.Attribute',
                        errorCode: 'E5002',
                        errorProperties: [String(id), uid, 'attributeValues'],
                    })
                    continue
                }
                if (!attribute.organisationUnitAttribute) {
                    errors.push({
                        message: `Attribute \`${attribute.id}\` is not supported for type \`OrganisationUnit\`.`,
                        mainKlass: OU_CLASS,
                        errorCode: 'E4010',
                        errorProperty: 'attributeValues',
                        errorProperties: [attribute.id, 'OrganisationUnit'],
                    })
                    continue
                }
                values.push({ attribute: { id: attribute.id }, value: String(value ?? '') })
            }
            if (errors.length === 0) planned.set(uid, values)
            if (errors.length > 0)
                objectReports.push({ klass: OU_CLASS, index, uid, errorReports: errors })
        })

        // Unique attributes: one org unit per value, in the payload and with what is stored
        for (const attribute of DEMO_ATTRIBUTES.filter((a) => a.unique)) {
            const holder = new Map<string, string>()
            for (const [ouId, values] of store) {
                if (planned.has(ouId)) continue
                for (const v of values)
                    if (v.attribute.id === attribute.id) holder.set(v.value, ouId)
            }
            units.forEach((raw: unknown, index: number) => {
                const uid = (raw as { id?: string }).id ?? ''
                const value = planned.get(uid)?.find((v) => v.attribute.id === attribute.id)?.value
                if (value === undefined || value === '') return
                const other = holder.get(value)
                if (other !== undefined && other !== uid) {
                    objectReports.push({
                        klass: OU_CLASS,
                        index,
                        uid,
                        errorReports: [
                            {
                                message: `Attribute \`${attribute.id}\` is unique, and value \`${value}\` already exist.`,
                                mainKlass: OU_CLASS,
                                errorCode: 'E4009',
                                errorProperty: 'attributeValues',
                                errorProperties: [attribute.id, value],
                                value,
                            },
                        ],
                    })
                } else holder.set(value, uid)
            })
        }

        const failed = new Set(objectReports.map((r) => r.index))
        const ok = failed.size === 0
        const writes = ok || atomic === 'NONE'
        const written = writes ? units.length - failed.size : 0
        if (mode === 'COMMIT' && writes) {
            for (const [uid, values] of planned) {
                const index = units.findIndex((u: unknown) => (u as { id?: string }).id === uid)
                if (failed.has(index)) continue
                if (values.length === 0) store.delete(uid)
                else store.set(uid, values)
            }
        }
        const status = ok ? 'OK' : 'ERROR'
        const typeStats = stats(written, units.length - written)
        const report = {
            responseType: 'ImportReport',
            status,
            stats: typeStats,
            typeReports: [
                {
                    klass: OU_CLASS,
                    stats: typeStats,
                    objectReports: objectReports.sort((a, b) => a.index - b.index),
                },
            ],
        }
        return {
            status: ok ? 200 : 409,
            json: ok
                ? { httpStatus: 'OK', httpStatusCode: 200, status, response: report }
                : {
                      httpStatus: 'Conflict',
                      httpStatusCode: 409,
                      status,
                      message:
                          'One or more errors occurred, please see full details in import report.',
                      response: report,
                  },
        }
    }
    return [
        { method: 'POST', pattern: '/api/metadata', handler },
        { method: 'POST', pattern: '/api/metadata.json', handler },
    ]
}
