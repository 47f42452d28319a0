import { beforeAll, describe, expect, it } from 'vitest'
import { COC, DEFAULT_CATEGORY_COMBO_ID, commodityCatalogue, dataSetId } from '../data/catalogue'
import { generateCountry } from '../data/generate'
import type { DemoDb, OrgUnit } from '../data/model'
import { INJECTION_MARKUP } from '../data/names'
import { Router } from '../http/router'
import type { DemoUser } from '../http/types'
import { body, startTestServer } from '../testing/harness'
import { createTinyDb } from '../testing/tinyDb'
import { metadataRoutes } from './metadata'

const BASE = 'http://localhost:8080'

type Json = Record<string, unknown>
interface Pager {
    page: number
    total: number
    pageSize: number
    pageCount: number
    nextPage?: string
    prevPage?: string
}

let db: DemoDb
let router: Router

const user = (orgUnits: string[], dataView: string[] = []): DemoUser => ({
    id: 'user0000001',
    username: 'someone',
    firstName: 'Some',
    surname: 'One',
    displayName: 'Some One',
    authorities: [],
    userRoles: [],
    userGroups: [],
    organisationUnits: orgUnits,
    dataViewOrganisationUnits: dataView,
    settings: {},
})

const call = async (
    url: string,
    as: DemoUser | null = null,
    on: Router = router
): Promise<{ status: number; json: Json }> => {
    const u = new URL(BASE + url)
    const match = on.match('GET', u.pathname)
    if (match.kind !== 'route') throw new Error(`no route for ${u.pathname}`)
    const res = await match.route.handler({
        method: 'GET',
        path: u.pathname,
        params: match.params,
        query: u.searchParams,
        headers: {},
        body: Buffer.alloc(0),
        user: as,
        baseUrl: BASE,
    })
    return { status: res.status, json: res.json as Json }
}

const list = async (url: string, key: string, as: DemoUser | null = null) => {
    const { status, json } = await call(url, as)
    expect(status).toBe(200)
    return { items: json[key] as Json[], pager: json.pager as Pager | undefined, json }
}

const region = (): OrgUnit => db.orgUnits.find((o) => o.level === 2) as OrgUnit
const district = (): OrgUnit => db.orgUnits.find((o) => o.level === 3) as OrgUnit

beforeAll(() => {
    db = generateCountry({ facilities: 300, seed: 99, endPeriod: '202610' })
    router = new Router(metadataRoutes(db))
})

describe('organisation units', () => {
    it('lists with DHIS2’s defaults: id and displayName, pager first, 50 per page', async () => {
        const { json, items, pager } = await list('/api/organisationUnits', 'organisationUnits')
        expect(Object.keys(json)).toEqual(['pager', 'organisationUnits'])
        expect(pager).toEqual({
            page: 1,
            total: db.orgUnits.length,
            pageSize: 50,
            pageCount: Math.ceil(db.orgUnits.length / 50),
            nextPage: `${BASE}/api/organisationUnits?page=2`,
        })
        expect(items).toHaveLength(50)
        expect(Object.keys(items[0] ?? {})).toEqual(['id', 'displayName'])
        // default order: name, case-insensitive
        const names = items.map((i) => String(i.displayName))
        expect(names).toEqual(
            [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'accent' }))
        )
    })

    it('pages like dhis2-core’s Pager and link service', async () => {
        const url = '/api/organisationUnits?fields=id,name&filter=level:eq:4&page=2&pageSize=20'
        const { pager, items } = await list(url, 'organisationUnits')
        expect(items).toHaveLength(20)
        expect(pager).toMatchObject({ page: 2, total: 300, pageSize: 20, pageCount: 15 })
        expect(pager?.nextPage).toBe(
            `${BASE}/api/organisationUnits?page=3&pageSize=20&fields=id%2Cname&filter=level%3Aeq%3A4`
        )
        expect(pager?.prevPage).toBe(
            `${BASE}/api/organisationUnits?pageSize=20&fields=id%2Cname&filter=level%3Aeq%3A4`
        )
        const last = await list(
            '/api/organisationUnits?level=4&page=99&pageSize=100',
            'organisationUnits'
        )
        expect(last.pager).toMatchObject({ page: 3, pageCount: 3 })
        expect(last.pager?.nextPage).toBeUndefined()
        expect(last.items).toHaveLength(100)
        const all = await list('/api/organisationUnits?paging=false&level=4', 'organisationUnits')
        expect(all.pager).toBeUndefined()
        expect(Object.keys(all.json)).toEqual(['organisationUnits'])
        expect(all.items).toHaveLength(300)
    })

    it('filters by level, path, id list, name, parent, with AND or OR', async () => {
        const byLevel = await list(
            '/api/organisationUnits?level=2&paging=false',
            'organisationUnits'
        )
        const byFilter = await list(
            '/api/organisationUnits?filter=level:eq:2&paging=false',
            'organisationUnits'
        )
        expect(byLevel.items).toEqual(byFilter.items)
        expect(byLevel.items.length).toBe(db.orgUnits.filter((o) => o.level === 2).length)
        const r = region()
        const under = await list(
            `/api/organisationUnits?filter=path:like:${r.id}&filter=level:eq:4&paging=false&fields=id,path`,
            'organisationUnits'
        )
        expect(under.items.length).toBeGreaterThan(0)
        expect(under.items.every((i) => String(i.path).includes(r.id))).toBe(true)
        const [a, b] = db.orgUnits.slice(1, 3)
        const ids = await list(
            `/api/organisationUnits?filter=id:in:[${a?.id},${b?.id}]&fields=id`,
            'organisationUnits'
        )
        expect(ids.items.map((i) => i.id).sort()).toEqual([a?.id, b?.id].sort())
        const or = await list(
            `/api/organisationUnits?filter=id:in:[${a?.id}]&filter=level:eq:1&rootJunction=OR&fields=id`,
            'organisationUnits'
        )
        expect(or.items).toHaveLength(2)
        const name = await list(
            '/api/organisationUnits?filter=name:ilike:IMG SRC&fields=name',
            'organisationUnits'
        )
        expect(name.items).toHaveLength(1)
        expect(String(name.items[0]?.name)).toContain(INJECTION_MARKUP)
        const children = await list(
            `/api/organisationUnits?filter=parent.id:eq:${r.id}&fields=id&paging=false`,
            'organisationUnits'
        )
        expect(children.items.map((i) => i.id).sort()).toEqual([...r.childIds].sort())
        const roots = await list(
            '/api/organisationUnits?filter=parent:null&fields=id',
            'organisationUnits'
        )
        expect(roots.items).toEqual([{ id: db.orgUnits[0]?.id }])
        const maxLevel = await list(
            '/api/organisationUnits?maxLevel=2&paging=false',
            'organisationUnits'
        )
        expect(maxLevel.items.length).toBe(1 + db.orgUnits.filter((o) => o.level === 2).length)
    })

    it('renders nested fields, presets, exclusions and transformers', async () => {
        const d = district()
        const { items } = await list(
            `/api/organisationUnits?filter=id:eq:${d.id}&fields=id,displayName,path,level,parent[id,displayName],children[id,displayName],ancestors[id,displayName],children~size~rename(childCount),organisationUnitGroups~pluck`,
            'organisationUnits'
        )
        const item = items[0] as Json
        const parent = db.orgUnitById.get(d.parentId ?? '')
        expect(item).toMatchObject({
            id: d.id,
            displayName: d.name,
            path: d.path,
            level: 3,
            parent: { id: parent?.id, displayName: parent?.name },
            childCount: d.childIds.length,
            organisationUnitGroups: [],
        })
        expect((item.children as Json[]).map((c) => c.id).sort()).toEqual([...d.childIds].sort())
        expect(item.ancestors).toEqual(
            [db.orgUnits[0], parent].map((o) => ({ id: o?.id, displayName: o?.name }))
        )
        const facility = db.facilities[0] as OrgUnit
        const single = await call(`/api/organisationUnits/${facility.id}`)
        expect(single.status).toBe(200)
        expect(single.json).toMatchObject({
            id: facility.id,
            name: facility.name,
            displayName: facility.name,
            shortName: facility.shortName,
            code: facility.code,
            level: 4,
            path: facility.path,
            leaf: true,
            parent: { id: facility.parentId },
            children: [],
            openingDate: facility.openingDate,
        })
        expect((single.json.organisationUnitGroups as Json[]).length).toBe(2)
        const noChildren = await call(
            `/api/organisationUnits/${d.id}?fields=:all,!children,!ancestors`
        )
        expect(noChildren.json.children).toBeUndefined()
        expect(noChildren.json.parent).toEqual({ id: d.parentId })
        const nameable = await call(`/api/organisationUnits/${d.id}?fields=:nameable`)
        // :nameable = id, name, shortName, code, description, created, lastUpdated (no description here)
        expect(Object.keys(nameable.json).sort()).toEqual([
            'code',
            'created',
            'id',
            'lastUpdated',
            'name',
            'shortName',
        ])
    })

    it('orders by request', async () => {
        const { items } = await list(
            '/api/organisationUnits?maxLevel=3&order=level:desc,name:asc&fields=level,name&paging=false',
            'organisationUnits'
        )
        const levels = items.map((i) => Number(i.level))
        expect(levels).toEqual([...levels].sort((a, b) => b - a))
        expect(levels.at(-1)).toBe(1)
    })

    it('answers the children, descendants, ancestors and parents variants', async () => {
        const r = region()
        const withChildren = await list(
            `/api/organisationUnits/${r.id}?includeChildren=true&fields=id&paging=false`,
            'organisationUnits'
        )
        expect(withChildren.items.map((i) => i.id).sort()).toEqual([r.id, ...r.childIds].sort())
        const children = await list(
            `/api/organisationUnits/${r.id}/children?fields=id&paging=false`,
            'organisationUnits'
        )
        expect(children.items).toEqual(withChildren.items)
        const belowOne = await list(
            `/api/organisationUnits/${r.id}?level=1&fields=id&paging=false`,
            'organisationUnits'
        )
        expect(belowOne.items.map((i) => i.id).sort()).toEqual([...r.childIds].sort())
        const descendants = await list(
            `/api/organisationUnits/${r.id}?includeDescendants=true&fields=id&paging=false`,
            'organisationUnits'
        )
        expect(descendants.items.length).toBe(
            db.orgUnits.filter((o) => o.path.includes(r.id)).length
        )
        const facility = db.facilities[5] as OrgUnit
        const ancestors = await list(
            `/api/organisationUnits/${facility.id}?includeAncestors=true&fields=id,level`,
            'organisationUnits'
        )
        expect(ancestors.items.map((i) => i.level)).toEqual([1, 2, 3, 4])
        const parents = await list(
            `/api/organisationUnits/${facility.id}/parents?fields=id,level`,
            'organisationUnits'
        )
        expect(parents.items.map((i) => i.level)).toEqual([1, 2, 3])
    })

    it('limits to the user’s hierarchy when asked (and only then)', async () => {
        const d = district()
        const someone = user([d.id], [region().id])
        const within = await list(
            '/api/organisationUnits?withinUserHierarchy=true&paging=false&fields=id',
            'organisationUnits',
            someone
        )
        expect(within.items.map((i) => i.id).sort()).toEqual([d.id, ...d.childIds].sort())
        const only = await list(
            '/api/organisationUnits?userOnly=true&fields=id',
            'organisationUnits',
            someone
        )
        expect(only.items).toEqual([{ id: d.id }])
        const view = await list(
            '/api/organisationUnits?userDataViewFallback=true&fields=id',
            'organisationUnits',
            someone
        )
        expect(view.items).toEqual([{ id: region().id }])
        const unrestricted = await list('/api/organisationUnits', 'organisationUnits', someone)
        expect(unrestricted.pager?.total).toBe(db.orgUnits.length)
    })

    it('answers 404 in DHIS2’s shape', async () => {
        const res = await call('/api/organisationUnits/AbCdEfGhIj1')
        expect(res).toEqual({
            status: 404,
            json: {
                httpStatus: 'Not Found',
                httpStatusCode: 404,
                status: 'ERROR',
                message: 'OrganisationUnit with id AbCdEfGhIj1 could not be found.',
                errorCode: 'E1005',
            },
        })
        expect((await call('/api/organisationUnits/AbCdEfGhIj1/children')).status).toBe(404)
    })

    it('lists the levels', async () => {
        const { items } = await list(
            '/api/organisationUnitLevels?fields=level,displayName&order=level:asc',
            'organisationUnitLevels'
        )
        expect(items).toEqual([
            { level: 1, displayName: 'National' },
            { level: 2, displayName: 'Region' },
            { level: 3, displayName: 'District' },
            { level: 4, displayName: 'Facility' },
        ])
    })
})

describe('data elements, data sets, indicators, categories', () => {
    const oxy = commodityCatalogue().find((c) => c.key === 'oxytocin')

    it('filters data elements by code, name and identifiable tokens', async () => {
        const byCode = await list(
            '/api/dataElements?filter=code:eq:LMIS_OXY_SOH&fields=id,code,aggregationType,valueType,categoryCombo[id,name],dataSetElements[dataSet[id,periodType]]',
            'dataElements'
        )
        expect(byCode.items).toEqual([
            {
                id: oxy?.lmis.monthly.stockOnHand.id,
                code: 'LMIS_OXY_SOH',
                aggregationType: 'LAST',
                valueType: 'INTEGER_ZERO_OR_POSITIVE',
                categoryCombo: { id: DEFAULT_CATEGORY_COMBO_ID, name: 'default' },
                dataSetElements: [
                    { dataSet: { id: dataSetId('lmisMonthly'), periodType: 'Monthly' } },
                ],
            },
        ])
        const tokens = await list(
            '/api/dataElements?filter=identifiable:token:oxytocin cons&fields=code&paging=false',
            'dataElements'
        )
        expect(tokens.items.map((i) => i.code).sort()).toEqual(['LMIS_OXY_CONS', 'LMIS_OXY_CONS_Q'])
        const ilike = await list(
            '/api/dataElements?filter=name:ilike:stock on hand&paging=false',
            'dataElements'
        )
        expect(ilike.items).toHaveLength(26)
        const inDataSet = await list(
            `/api/dataElements?filter=dataSetElements.dataSet.id:eq:${dataSetId('lmisQuarterly')}&paging=false`,
            'dataElements'
        )
        // 13 commodities × 6 LMIS measures (consumption, SOH, stockout days, losses, received,
        // stocked out)
        expect(inDataSet.items).toHaveLength(78)
        const query = await list('/api/dataElements?query=HMIS_PPH&fields=code', 'dataElements')
        expect(query.items).toEqual([{ code: 'HMIS_PPH' }])
    })

    it('exposes the disaggregation of a data element', async () => {
        const deliveries = db.dataElements.find((d) => d.code === 'HMIS_DELIVERIES')
        const res = await call(
            `/api/dataElements/${deliveries?.id}?fields=id,displayName,displayFormName,categoryCombo[name,categoryOptionCombos[id,name],categories[name,categoryOptions[name]]]`
        )
        expect(res.json).toEqual({
            id: deliveries?.id,
            displayName: 'HMIS - Deliveries',
            displayFormName: 'Deliveries',
            categoryCombo: {
                name: 'Place of delivery',
                categoryOptionCombos: [
                    { id: COC.facility, name: 'Facility' },
                    { id: COC.community, name: 'Community' },
                ],
                categories: [
                    {
                        name: 'Place of delivery',
                        categoryOptions: [{ name: 'Facility' }, { name: 'Community' }],
                    },
                ],
            },
        })
        const missing = await call('/api/dataElements/AbCdEfGhIj1')
        expect(missing.status).toBe(404)
        expect(missing.json.message).toBe('DataElement with id AbCdEfGhIj1 could not be found.')
        const suffixed = await call(`/api/dataElements/${deliveries?.id}.json?fields=id`)
        expect(suffixed.json).toEqual({ id: deliveries?.id })
        expect((await call('/api/dataElements.json?fields=id')).status).toBe(200)
    })

    it('lists data sets with period types, elements and org units', async () => {
        const { items } = await list(
            '/api/dataSets?fields=id,name,periodType,timelyDays,dataSetElements~size,organisationUnits~size&paging=false',
            'dataSets'
        )
        expect(items).toEqual(
            db.dataSets
                .map((ds) => ({
                    id: ds.id,
                    name: ds.name,
                    periodType: ds.periodType,
                    timelyDays: ds.timelyDays,
                    dataSetElements: ds.dataElementIds.length,
                    organisationUnits: ds.orgUnitIds.length,
                }))
                .sort((a, b) => a.name.localeCompare(b.name))
        )
        const hmis = await call(
            `/api/dataSets/${dataSetId('hmis')}?fields=dataSetElements[dataElement[id]]`
        )
        expect((hmis.json.dataSetElements as Json[]).length).toBe(12)
    })

    it('lists indicators with their expressions and types', async () => {
        const { items } = await list(
            '/api/indicators?filter=code:eq:IN_PPH_RATE&fields=id,displayName,numerator,denominator,indicatorType[name,factor]',
            'indicators'
        )
        const pph = db.indicators.find((i) => i.code === 'IN_PPH_RATE')
        expect(items).toEqual([
            {
                id: pph?.id,
                displayName: 'PPH rate per 1000 facility deliveries',
                numerator: pph?.numerator,
                denominator: pph?.denominator,
                indicatorType: { name: 'Per thousand', factor: 1000 },
            },
        ])
        const types = await list('/api/indicatorTypes?fields=name,factor,number', 'indicatorTypes')
        expect(types.items).toContainEqual({ name: 'Number', factor: 1, number: true })
    })

    it('lists the category model and data element operands', async () => {
        const combos = await list(
            '/api/categoryCombos?filter=isDefault:eq:true&fields=id,name,categoryOptionCombos[id]',
            'categoryCombos'
        )
        expect(combos.items).toEqual([
            {
                id: DEFAULT_CATEGORY_COMBO_ID,
                name: 'default',
                categoryOptionCombos: [{ id: 'HllvX50cXC0' }],
            },
        ])
        const cocs = await list('/api/categoryOptionCombos?paging=false', 'categoryOptionCombos')
        expect(cocs.items).toHaveLength(db.categoryOptionCombos.length)
        const operands = await list(
            `/api/dataElementOperands?dataSet=${dataSetId('hmis')}&fields=id,displayName&paging=false`,
            'dataElementOperands'
        )
        expect(operands.items).toHaveLength(14)
        expect(operands.items).toContainEqual({
            id: oxy?.hmis[0]?.dimensionItem,
            displayName: 'HMIS - Deliveries Facility',
        })
        const categories = await list('/api/categories?fields=name&paging=false', 'categories')
        expect(categories.items.map((c) => c.name)).toEqual(['default', 'Place of delivery', 'Sex'])
    })

    it('lists org unit groups and group sets', async () => {
        const { items } = await list(
            '/api/organisationUnitGroupSets?fields=name,organisationUnitGroups[name]',
            'organisationUnitGroupSets'
        )
        expect(items.map((i) => i.name)).toEqual(['Facility type', 'LMIS reporting group'])
        const groups = await list(
            '/api/organisationUnitGroups?filter=code:like:LMIS_GROUP&fields=code,organisationUnits~size',
            'organisationUnitGroups'
        )
        expect(groups.items.map((g) => g.code)).toEqual([
            'LMIS_GROUP_A',
            'LMIS_GROUP_B',
            'LMIS_GROUP_C',
        ])
    })

    it('answers program indicators with an empty list', async () => {
        const res = await call('/api/programIndicators')
        expect(res.json).toEqual({
            pager: { page: 1, total: 0, pageSize: 50, pageCount: 1 },
            programIndicators: [],
        })
    })

    it('rejects unknown filter properties and operators as DHIS2 does', async () => {
        const unknown = await call('/api/dataElements?filter=colour:eq:red')
        expect(unknown.status).toBe(400)
        expect(unknown.json).toMatchObject({
            httpStatusCode: 400,
            status: 'ERROR',
            message: 'Unknown path property: colour',
            errorCode: 'E1003',
        })
        const operator = await call('/api/dataElements?filter=name:like2:x')
        expect(operator.status).toBe(400)
        expect(operator.json.message).toBe('`like2` is not a valid operator.')
    })
})

describe('other databases', () => {
    it('work without groups or indicators (the platform’s tiny test country)', async () => {
        const tiny = new Router(metadataRoutes(createTinyDb()))
        const res = await call('/api/organisationUnits?fields=id,level&order=level:asc', null, tiny)
        expect((res.json.organisationUnits as Json[])[0]).toEqual({ id: 'TinyRoot001', level: 1 })
        const groups = await call('/api/organisationUnitGroups', null, tiny)
        expect(groups.json.organisationUnitGroups).toEqual([])
    })
})

describe('through the demo server', () => {
    it('serves versioned paths with the user’s authentication', async () => {
        const server = await startTestServer({ db, extraRoutes: metadataRoutes(db) })
        try {
            const r = region()
            const res = await server.get(
                `/api/41/organisationUnits/${r.id}?fields=id,displayName,children[id,displayName]`
            )
            expect(res.status).toBe(200)
            expect(res.headers.get('content-type')).toContain('application/json')
            const json = await body<{ id: string; children: unknown[] }>(res)
            expect(json.id).toBe(r.id)
            expect(json.children).toHaveLength(r.childIds.length)
            const injected = await server.get(
                '/api/organisationUnits?filter=name:ilike:onerror&fields=name'
            )
            const names = await body<{ organisationUnits: { name: string }[] }>(injected)
            expect(names.organisationUnits[0]?.name).toContain(INJECTION_MARKUP)
            expect((await server.get('/api/dataElements', null)).status).toBe(401)
        } finally {
            await server.stop()
        }
    })
})
