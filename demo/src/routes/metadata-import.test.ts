import { describe, expect, it } from 'vitest'
import { LMIS_CODE_ATTRIBUTE } from '../data/attribute-values'
import { generateCountry } from '../data/generate'
import { Router } from '../http/router'
import type { DemoResponse, DemoUser } from '../http/types'
import { metadataRoutes } from './metadata'
import { metadataImportRoutes } from './metadata-import'

const BASE = 'http://localhost:8080'
const db = generateCountry({ facilities: 60, seed: 3 })
const router = new Router([...metadataRoutes(db), ...metadataImportRoutes(db)])
const admin: DemoUser = {
    id: 'admin000001',
    username: 'admin',
    firstName: 'A',
    surname: 'D',
    displayName: 'A D',
    authorities: ['ALL'],
    userRoles: [],
    userGroups: [],
    organisationUnits: [],
    dataViewOrganisationUnits: [],
    settings: {},
}

const call = async (method: 'GET' | 'POST', url: string, body?: unknown, user = admin) => {
    const u = new URL(BASE + url)
    const match = router.match(method, u.pathname)
    if (match.kind !== 'route') throw new Error(`no route for ${u.pathname}`)
    const res: DemoResponse = await match.route.handler({
        method,
        path: u.pathname,
        params: match.params,
        query: u.searchParams,
        headers: {},
        body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
        user,
        baseUrl: BASE,
    })
    return res as DemoResponse & { json: Record<string, never> }
}

const [f1, f2] = db.facilities
const payload = (values: Array<[string | undefined, string]>) => ({
    organisationUnits: values.map(([id, value]) => ({
        id,
        name: 'ignored',
        attributeValues: [{ attribute: { id: LMIS_CODE_ATTRIBUTE.id }, value }],
    })),
})
const valuesOf = async (id: string | undefined) =>
    (await call('GET', `/api/organisationUnits/${id}?fields=attributeValues`)).json

describe('POST /api/metadata (org unit attribute values)', () => {
    it('lists the LMIS code attribute', async () => {
        const res = await call(
            'GET',
            '/api/attributes?fields=id,name,unique,organisationUnitAttribute&paging=false'
        )
        expect(res.json).toEqual({
            attributes: [
                {
                    id: LMIS_CODE_ATTRIBUTE.id,
                    name: 'LMIS facility code',
                    unique: true,
                    organisationUnitAttribute: true,
                },
            ],
        })
    })

    it('validates without writing, then commits', async () => {
        const body = payload([
            [f1?.id, 'L-1'],
            [f2?.id, 'L-2'],
        ])
        const dry = await call(
            'POST',
            '/api/metadata?importMode=VALIDATE&importStrategy=UPDATE',
            body
        )
        expect(dry.status).toBe(200)
        expect(dry.json).toMatchObject({
            httpStatus: 'OK',
            status: 'OK',
            response: {
                responseType: 'ImportReport',
                status: 'OK',
                stats: { created: 0, updated: 2, deleted: 0, ignored: 0, total: 2 },
            },
        })
        expect(await valuesOf(f1?.id)).toEqual({ attributeValues: [] })
        const commit = await call(
            'POST',
            '/api/metadata?importMode=COMMIT&importStrategy=UPDATE',
            body
        )
        expect(commit.status).toBe(200)
        expect(await valuesOf(f1?.id)).toEqual({
            attributeValues: [{ attribute: { id: LMIS_CODE_ATTRIBUTE.id }, value: 'L-1' }],
        })
    })

    it('refuses a unique value held by another org unit and an unknown org unit, writing nothing', async () => {
        const res = await call(
            'POST',
            '/api/metadata?importMode=COMMIT&importStrategy=UPDATE',
            payload([
                [f2?.id, 'L-1'],
                ['NoSuchUnit1', 'L-9'],
            ])
        )
        expect(res.status).toBe(409)
        expect(res.json).toMatchObject({
            httpStatus: 'Conflict',
            status: 'ERROR',
            message: 'One or more errors occurred, please see full details in import report.',
            response: { status: 'ERROR', stats: { updated: 0, ignored: 2, total: 2 } },
        })
        const reports = (
            res.json as unknown as {
                response: {
                    typeReports: Array<{
                        objectReports: Array<{
                            uid: string
                            errorReports: Array<{ errorCode: string }>
                        }>
                    }>
                }
            }
        ).response.typeReports[0]?.objectReports
        expect(reports?.map((r) => [r.uid, r.errorReports[0]?.errorCode])).toEqual([
            [f2?.id, 'E4009'],
            ['NoSuchUnit1', 'E5001'],
        ])
        expect(await valuesOf(f2?.id)).toEqual({
            attributeValues: [{ attribute: { id: LMIS_CODE_ATTRIBUTE.id }, value: 'L-2' }],
        })
    })

    it('refuses users without the authority', async () => {
        const res = await call('POST', '/api/metadata', payload([[f1?.id, 'X']]), {
            ...admin,
            authorities: ['M_triangulate'],
        })
        expect(res.status).toBe(403)
    })
})
