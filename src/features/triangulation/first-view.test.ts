/** @vitest-environment jsdom */
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { analyticsHeader } from '../../api/analytics/test-headers'
import type { AnalyticsQuery } from '../../api/analytics'
import { CURRENT_CONFIG_VERSION, parseConfig, type Pair } from '../../domain/config'
import { todayInCalendar } from '../../domain/periods'
import type { DataEngine } from '../../data/engine'
import type { StoredConfig } from '../../data/use-config'
import type { OrgUnitRef, User } from '../../data/use-me'
import { itemMetadataQuery } from '../../data/use-metadata'
import { queryKeys } from '../../data/query-keys'
import { parseViewState } from '../../shared/navigation'
import { DE, DS, OU, ors, oxytocin } from '../alerts/test-fixtures'
import { firstCardsView, firstViewPairs, firstViewPeriods, startFirstView } from './first-view'
import { viewPeriods } from './view-periods'
import { pairsMetadataIds, staggeredTableRequest, trendRequest } from './view-requests'

const GROUP_SET = 'GroupSet001'
const staggered: Pair = {
    ...oxytocin,
    id: 'oxytocin-staggered',
    lmis: {
        ...oxytocin.lmis,
        reportingGroups: { groupSet: GROUP_SET, groups: [{ id: 'GroupA00001', monthOffset: 0 }] },
    },
}
const raw = {
    version: CURRENT_CONFIG_VERSION,
    programAreas: [
        { id: 'mnh', name: 'Maternal health', pairs: [oxytocin] },
        { id: 'child', name: 'Child health', pairs: [ors, staggered] },
    ],
}
const present: StoredConfig = { state: 'present', raw, ...parseConfig(raw) }
const view = (hash: string) => parseViewState(hash)

describe('firstViewPairs', () => {
    it('gives the pairs the view shows: the named area, else the first; one pair when named', () => {
        expect(firstViewPairs(present, view('#/view?area=child'), { embedded: false })).toEqual([
            ors,
            staggered,
        ])
        expect(firstViewPairs(present, view(''), { embedded: false })).toEqual([oxytocin])
        expect(firstViewPairs(present, view('#/view?area=gone'), { embedded: false })).toEqual([
            oxytocin,
        ])
        expect(
            firstViewPairs(present, view(`#/view?area=child&pair=${ors.id}`), { embedded: false })
        ).toEqual([ors])
    })

    it('asks nothing ahead for another page, a dashboard item, a combined selection or no mapping', () => {
        const open = { embedded: false }
        expect(firstViewPairs(present, view('#/alerts'), open)).toBeNull()
        expect(firstViewPairs(present, view('#/settings?area=child'), open)).toBeNull()
        expect(firstViewPairs(present, view('#/view'), { embedded: true })).toBeNull()
        expect(firstViewPairs(present, view(`#/view?ous=${OU.a},${OU.b}`), open)).toBeNull()
        expect(firstViewPairs(present, view('#/view?pair=unknown'), open)).toBeNull()
        expect(firstViewPairs({ state: 'absent' }, view('#/view'), open)).toBeNull()
        expect(firstViewPairs(undefined, view('#/view'), open)).toBeNull()
        const broken: StoredConfig = { state: 'present', raw: {}, ...parseConfig({}) }
        expect(firstViewPairs(broken, view('#/view'), open)).toBeNull()
    })
})

describe('firstViewPeriods', () => {
    it("is the view's periods of the URL's selection, today in the instance's calendar", () => {
        const state = view('#/view?pe=LAST_6_MONTHS&grain=quarterly')
        expect(firstViewPeriods(state, 'gregory')).toEqual(
            viewPeriods('LAST_6_MONTHS', 'quarterly', todayInCalendar('gregory'), {
                calendar: 'gregory',
            })
        )
    })

    it("waits for a calendar whose code is not loaded (the view's gate does too)", () => {
        expect(firstViewPeriods(view('#/view'), 'nepali')).toBeNull()
    })
})

const ref = (id: string, path: string): OrgUnitRef => ({
    id,
    displayName: id,
    path,
    level: path.split('/').length - 1,
})
const user = (roots: OrgUnitRef[]): User => ({
    id: 'user',
    username: 'user',
    displayName: 'User',
    authorities: [],
    organisationUnits: roots,
    dataViewOrganisationUnits: roots,
})

/** A data engine answering as DHIS2 would, recording what it was asked */
const fakeEngine = (orgUnits: Record<string, string>) => {
    const asked: string[] = []
    const analytics: AnalyticsQuery[] = []
    const engine = {
        query: async (query: Record<string, { resource: string }>) => {
            const result: Record<string, unknown> = {}
            for (const [name, request] of Object.entries(query)) {
                asked.push(request.resource)
                if (request.resource === 'analytics') {
                    analytics.push(request as unknown as AnalyticsQuery)
                    result[name] = {
                        headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
                        metaData: { items: {}, dimensions: {} },
                        rows: [],
                    }
                } else if (request.resource === 'organisationUnitLevels') {
                    result[name] = { organisationUnitLevels: [{ level: 1 }, { level: 4 }] }
                } else if (request.resource.startsWith('organisationUnits/')) {
                    const id = request.resource.split('/')[1] as string
                    const path = orgUnits[id]
                    if (!path)
                        throw Object.assign(new Error('404'), { details: { httpStatusCode: 404 } })
                    result[name] = {
                        id,
                        displayName: id,
                        path,
                        level: path.split('/').length - 1,
                        ancestors: [],
                        children: [],
                    }
                } else if (request.resource === 'dataElements') {
                    result[name] = {
                        dataElements: [
                            {
                                id: DE.oxyM,
                                displayName: 'Oxytocin',
                                dataSetElements: [{ dataSet: { periodType: 'Monthly' } }],
                            },
                            {
                                id: DE.oxyQ,
                                displayName: 'Oxytocin (quarterly)',
                                dataSetElements: [{ dataSet: { periodType: 'Quarterly' } }],
                            },
                        ],
                    }
                } else if (request.resource === 'indicators') {
                    result[name] = { indicators: [] }
                } else if (request.resource === 'dataSets') {
                    result[name] = {
                        dataSets: [{ id: DS.hmis, displayName: 'HMIS', periodType: 'Monthly' }],
                    }
                } else {
                    result[name] = {}
                }
            }
            return result
        },
    }
    return { engine: engine as unknown as DataEngine, asked, analytics }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

const start = async (
    hash: string,
    {
        roots = [ref(OU.root, `/${OU.root}`)],
        orgUnits = { [OU.root]: `/${OU.root}` } as Record<string, string>,
        embedded = false,
    } = {}
) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const fake = fakeEngine(orgUnits)
    await startFirstView({
        engine: fake.engine,
        client,
        state: view(hash),
        embedded,
        calendar: 'gregory',
        config: Promise.resolve(present),
        user: Promise.resolve(user(roots)),
    })
    await settle()
    await settle()
    return { client, ...fake }
}

describe('startFirstView', () => {
    it("seeds the view's queries under the keys its hooks read: metadata, levels, org unit, trend", async () => {
        const { client, analytics } = await start('#/view?area=mnh')
        const state = view('#/view?area=mnh')
        const periods = viewPeriods(state.pe, state.grain, todayInCalendar('gregory'))
        const trend = trendRequest([oxytocin], undefined, OU.root, periods.request)
        const ids = pairsMetadataIds([oxytocin])
        const keys = [
            itemMetadataQuery({} as DataEngine, ids.data, ids.dataSets).queryKey,
            queryKeys.orgUnitLevels(),
            queryKeys.orgUnit(OU.root),
            queryKeys.analytics(trend?.params ?? {}),
        ]
        for (const key of keys) {
            expect(client.getQueryState(key)?.status, JSON.stringify(key)).toBe('success')
        }
        // one analytics request: the trend (no pair names staggered groups)
        expect(analytics).toHaveLength(1)
        expect(analytics[0]?.params).toEqual(trend?.params)
    })

    it('asks the staggered groups with the trend, the request the view makes with the metadata', async () => {
        const { client, analytics } = await start('#/view?area=child')
        expect(analytics).toHaveLength(2)
        const state = view('#/view?area=child')
        const periods = viewPeriods(state.pe, state.grain, todayInCalendar('gregory'))
        const ids = pairsMetadataIds([ors, staggered])
        const metadata = client.getQueryData(
            itemMetadataQuery({} as DataEngine, ids.data, ids.dataSets).queryKey
        ) as Parameters<typeof staggeredTableRequest>[1]
        const groups = staggeredTableRequest([ors, staggered], metadata, OU.root, periods)
        expect(groups).not.toBeNull()
        expect(analytics[1]?.params).toEqual(groups?.query.params)
        // Asked without waiting for the metadata: the same request as with it
        expect(
            staggeredTableRequest([ors, staggered], undefined, OU.root, periods)?.query.params
        ).toEqual(groups?.query.params)
        expect(client.getQueryState(queryKeys.analytics(groups?.query.params ?? {}))?.status).toBe(
            'success'
        )
    })

    it("reads the URL's org unit when the user may see it, their own when not", async () => {
        const orgUnits = {
            [OU.root]: `/${OU.root}`,
            [OU.a]: `/${OU.root}/${OU.a}`,
            [OU.b]: `/Elsewhere01/${OU.b}`,
        }
        const within = await start(`#/view?area=mnh&ou=${OU.a}`, { orgUnits })
        expect(within.analytics[0]?.params.dimension).toContain(`ou:${OU.a}`)
        const outside = await start(`#/view?area=mnh&ou=${OU.b}`, { orgUnits })
        expect(outside.analytics[0]?.params.dimension).toContain(`ou:${OU.root}`)
        const unknown = await start(`#/view?area=mnh&ou=${OU.region}`, { orgUnits })
        expect(unknown.analytics[0]?.params.dimension).toContain(`ou:${OU.root}`)
    })

    it('asks nothing for another page or a dashboard item', async () => {
        expect((await start('#/alerts')).asked).toEqual([])
        expect((await start('#/view', { embedded: true })).asked).toEqual([])
    })
})

describe('firstCardsView', () => {
    const cards = (pairs: string[]) => ({
        trend: { trends: new Map(pairs.map((id) => [id, { id }])) },
    })

    it("is the live content when it brings the view's first trends", () => {
        const live = cards(['a', 'b'])
        expect(firstCardsView(cards([]), live)).toBe(live)
    })

    it('is the deferred content once that has trends, and while neither has any', () => {
        const shown = cards(['a'])
        expect(firstCardsView(shown, cards(['a', 'b']))).toBe(shown)
        const empty = cards([])
        expect(firstCardsView(empty, cards([]))).toBe(empty)
    })
})
