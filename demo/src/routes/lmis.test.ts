import { describe, expect, it } from 'vitest'
import { generateCountry } from '../data/generate'
import { facilityPoint } from '../data/facility-geometry'
import { Router } from '../http/router'
import type { DemoRoute } from '../http/types'
import { lmisRoutes } from './lmis'
import { metadataRoutes } from './metadata'

const BASE = 'http://localhost:8080'
const db = generateCountry({ facilities: 120, seed: 5 })
const router = new Router([...metadataRoutes(db), ...lmisRoutes(db)] as DemoRoute[])

const get = async (url: string) => {
    const u = new URL(BASE + url)
    const match = router.match('GET', u.pathname)
    if (match.kind !== 'route') throw new Error(`no route for ${u.pathname}`)
    return match.route.handler({
        method: 'GET',
        path: u.pathname,
        params: match.params,
        query: u.searchParams,
        headers: {},
        body: Buffer.alloc(0),
        user: null,
        baseUrl: BASE,
    })
}

describe('the demo LMIS list and facility coordinates', () => {
    it('serves the LMIS facility list as CSV and its ground truth', async () => {
        const csv = await get('/lmis/facilities.csv')
        expect(csv.status).toBe(200)
        expect(csv.headers?.['Content-Type']).toBe('text/csv;charset=UTF-8')
        expect(String(csv.body).split('\r\n')[0]).toBe(
            'Facility Code,Facility Name,Region,District,Facility Type,Latitude,Longitude,Active'
        )
        const truth = await get('/lmis/facilities-truth.json')
        expect((truth.json as { truth: unknown[] }).truth.length).toBe(
            String(csv.body).trimEnd().split('\r\n').length - 1
        )
    })

    it('gives facilities a GeoJSON point, and areas none', async () => {
        const facility = db.facilities[0]
        const res = await get(
            `/api/organisationUnits?fields=id,geometry,featureType&filter=id:in:[${facility?.id},${db.orgUnits[1]?.id}]`
        )
        const units = (res.json as { organisationUnits: Array<Record<string, unknown>> })
            .organisationUnits
        const byId = new Map(units.map((u) => [u.id, u]))
        expect(byId.get(facility?.id)).toEqual({
            id: facility?.id,
            featureType: 'POINT',
            geometry: { type: 'Point', coordinates: facilityPoint(facility?.path ?? '') },
        })
        expect(byId.get(db.orgUnits[1]?.id)).toEqual({
            id: db.orgUnits[1]?.id,
            featureType: 'NONE',
        })
    })
})
