/**
 * `/api/analytics` as routes: status codes, error bodies (DHIS2's 409 WebMessages with E71xx codes),
 * data view restrictions, parameters and the shape of the JSON body.
 */
import { describe, expect, it } from 'vitest'
import type { DemoRequest, DemoResponse, DemoUser } from '../http/types'
import {
    ADMIN,
    buildFixtureDb,
    DISTRICT_USER,
    FX,
    UNRESTRICTED,
} from '../analytics/testing/fixture'
import { refValue } from '../analytics/testing/reference'
import { buildSyntheticDb } from '../analytics/testing/synthetic'
import { AnalyticsError, DemoAnalytics, resetAnalyticsIndex } from '../analytics'
import { analyticsRoutes } from './analytics'

const db = buildFixtureDb()
const routes = analyticsRoutes(db, { now: () => new Date(2024, 6, 15) })

const request = (path: string, query: string, user: DemoUser | null = ADMIN): DemoResponse => {
    const [pattern, params] =
        path === '/api/40/analytics.json'
            ? ['/api/:version/analytics.json', { version: '40' }]
            : path === '/api/abc/analytics'
              ? ['/api/:version/analytics', { version: 'abc' }]
              : [path, {}]
    const route = routes.find((r) => r.pattern === pattern)
    if (!route) throw new Error(`No route ${pattern}`)
    const req: DemoRequest = {
        method: 'GET',
        path,
        params,
        query: new URLSearchParams(query),
        headers: {},
        body: Buffer.alloc(0),
        user,
        baseUrl: 'http://localhost:8080',
    }
    return route.handler(req) as DemoResponse
}

interface Grid {
    headers?: {
        name: string
        column: string
        valueType: string
        type: string
        hidden: boolean
        meta: boolean
    }[]
    metaData?: {
        items: Record<string, Record<string, string>>
        dimensions: Record<string, string[]>
        ouHierarchy?: Record<string, string>
        ouNameHierarchy?: Record<string, string>
    }
    width: number
    rows: string[][]
    height: number
    headerWidth: number
}

const grid = (response: DemoResponse): Grid => {
    expect(response.status).toBe(200)
    return JSON.parse(String(response.body)) as Grid
}

const conflictBody = (message: string, errorCode: string): unknown => ({
    httpStatus: 'Conflict',
    httpStatusCode: 409,
    status: 'ERROR',
    message,
    errorCode,
})

const simple = `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=ou:${FX.root}`

describe('routes', () => {
    it('answers on /api/analytics, /api/analytics.json and /api/{version}/analytics(.json)', () => {
        expect(routes.map((r) => r.pattern)).toEqual([
            '/api/analytics',
            '/api/analytics.json',
            '/api/:version/analytics',
            '/api/:version/analytics.json',
        ])
        const a = request('/api/analytics', simple)
        expect(a.headers?.['Content-Type']).toBe('application/json;charset=UTF-8')
        expect(String(request('/api/40/analytics.json', simple).body)).toBe(String(a.body))
        expect(request('/api/abc/analytics', simple).status).toBe(404)
    })

    it('writes the body keys in the order DHIS2 does', () => {
        const body = String(request('/api/analytics', simple).body)
        const keys = [...body.matchAll(/"(headers|metaData|width|rows|height|headerWidth)":/g)].map(
            (m) => m[1]
        )
        expect(keys.filter((k, i) => keys.indexOf(k) === i)).toEqual([
            'headers',
            'metaData',
            'width',
            'rows',
            'height',
            'headerWidth',
        ])
    })
})

describe('409 errors as DHIS2', () => {
    const cases: [string, string, string][] = [
        [
            `filter=pe:202401&filter=dx:${FX.deSum}`,
            'E7101',
            'At least one dimension must be specified',
        ],
        [
            `dimension=pe:202401&dimension=ou:${FX.root}`,
            'E7102',
            'At least one data dimension item or data element group set dimension item must be specified',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&filter=pe:202402`,
            'E7103',
            'Dimensions cannot be specified as dimension and filter simultaneously: `[pe]`',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=ou:${FX.root}`,
            'E7104',
            'At least one period as dimension or filter, or start and dates, must be specified',
        ],
        [
            // 2.41.4 (the demo's default): E7611 since 2.41.1 (see analytics/versions.test.ts)
            `dimension=dx:${FX.deSum}&dimension=pe:2024X1&dimension=ou:${FX.root}`,
            'E7611',
            'Period not valid: `2024X1`',
        ],
        [
            `filter=dx:${FX.indRate};${FX.deSum}&dimension=pe:202401`,
            'E7108',
            'Only a single indicator can be specified as filter',
        ],
        [
            `filter=dx:${FX.dsMonthly}.REPORTING_RATE;${FX.dsMonthly}.ACTUAL_REPORTS&dimension=pe:202401`,
            'E7109',
            'Only a single reporting rate can be specified as filter',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&filter=co:${FX.cocMale}`,
            'E7110',
            'Category option combos cannot be specified as filter',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=pe:202402`,
            'E7111',
            'Dimensions cannot be specified more than once: `[pe]`',
        ],
        [
            `dimension=dx:${FX.dsMonthly}.REPORTING_RATE&dimension=co&dimension=pe:202401`,
            'E7112',
            'Reporting rates can only be specified together with dimensions of type: `[DATA_X, PERIOD, ORGANISATION_UNIT, ORGANISATION_UNIT_GROUP_SET, CATEGORY_OPTION_GROUP_SET, CATEGORY]`',
        ],
        [
            `dimension=dx:${FX.indRate}&dimension=co&dimension=pe:202401`,
            'E7113',
            'Assigned categories cannot be specified when data elements are not specified',
        ],
        [
            `dimension=dx:${FX.deSum};${FX.indRate}&dimension=co&dimension=pe:202401`,
            'E7114',
            'Assigned categories can only be specified together with data elements',
        ],
        [
            `dimension=dx:${FX.deNone};${FX.deSum}&dimension=pe:202401`,
            'E7115',
            `Data elements must be of a value and aggregation type that allow aggregation: \`[${FX.deNone}]\``,
        ],
        [
            `dimension=dx:nonexisting1;alsoMissing&dimension=pe:202401`,
            'E7124',
            'Dimension is present in query without any valid dimension options: `dx`',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=ou:Nonexisting`,
            'E7143',
            'Organisation unit or organisation unit level is not valid',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=ou:LEVEL-9`,
            'E7143',
            'Organisation unit or organisation unit level is not valid',
        ],
        [
            `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=abcdefghijk:x`,
            'E7125',
            'Dimension identifier does not reference any dimension: `abcdefghijk`',
        ],
        [`${simple}&columns=dx;co`, 'E7126', 'Column must be present as dimension in query: `co`'],
        [`${simple}&rows=ou;xyz`, 'E7127', 'Row must be present as dimension in query: `xyz`'],
    ]

    it.each(cases)('%s → %s', (query, code, message) => {
        const response = request('/api/analytics', query)
        expect(response.status).toBe(409)
        expect(response.json).toEqual(conflictBody(message, code))
    })

    it('refuses result sets far beyond keyAnalyticsMaxLimit (E7128) unless ignoreLimit', () => {
        const big = buildSyntheticDb({ facilities: 200, months: 120, endMonth: '202412' })
        const months = big.periodsByType.Monthly.map((p) => p.id).join(';')
        const dx = big.dataElements
            .slice(0, 40)
            .map((d) => d.id)
            .join(';')
        const outcome = new DemoAnalytics(big).run(
            new URLSearchParams(`dimension=dx:${dx}&dimension=pe:${months}&dimension=ou:LEVEL-4`),
            null
        )
        expect(outcome.ok).toBe(false)
        if (!outcome.ok) {
            expect(outcome.error).toBeInstanceOf(AnalyticsError)
            expect((outcome.error as AnalyticsError).errorCode).toBe('E7128')
            expect(outcome.error.message).toBe('Query result set exceeded max limit: `100,000`')
        }
    })

    it('reports a missing period before a missing data dimension, as the validator overrides', () => {
        const response = request('/api/analytics', `dimension=ou:${FX.root}`)
        expect((response.json as { errorCode: string }).errorCode).toBe('E7104')
    })
})

describe('data view restriction (DefaultAnalyticsSecurityManager)', () => {
    it('refuses org units outside the data view with E7120, superusers included', () => {
        const response = request('/api/analytics', simple, DISTRICT_USER)
        expect(response.json).toEqual(
            conflictBody(
                `User: \`district\` is not allowed to view org unit: \`${FX.root}\``,
                'E7120'
            )
        )
        const level = request(
            '/api/analytics',
            `dimension=dx:${FX.deSum}&dimension=pe:202401&dimension=ou:LEVEL-4`,
            DISTRICT_USER
        )
        expect((level.json as { message: string }).message).toBe(
            `User: \`district\` is not allowed to view org unit: \`${FX.f4}\``
        )
    })

    it('allows units within the data view', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.districtA1};LEVEL-4`,
                DISTRICT_USER
            )
        )
        expect(g.rows.map((r) => r[2]).sort()).toEqual([FX.f1, FX.f2].sort())
    })

    it('resolves USER_ORGUNIT to the data capture units unless userOrgUnitType=DATA_OUTPUT', () => {
        const capture = request(
            '/api/analytics',
            `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:USER_ORGUNIT`,
            DISTRICT_USER
        )
        expect((capture.json as { errorCode: string }).errorCode).toBe('E7120')
        const output = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:USER_ORGUNIT;USER_ORGUNIT_CHILDREN&userOrgUnitType=DATA_OUTPUT`,
                DISTRICT_USER
            )
        )
        expect(output.metaData?.dimensions['ou']).toEqual([FX.districtA1, FX.f2, FX.f1])
    })

    it('restricts a query without org units to the data view, as a filter', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&skipRounding=true`,
                DISTRICT_USER
            )
        )
        expect(g.headers?.map((h) => h.name)).toEqual(['dx', 'pe', 'value'])
        expect(Number(g.rows[0]?.[2])).toBeCloseTo(
            refValue(db, FX.deSum, null, [FX.districtA1], ['2024']) as number,
            8
        )
        expect(g.metaData?.dimensions['ou']).toEqual([FX.districtA1])
        expect(g.metaData?.items['ou']).toEqual({})
    })

    it('applies no org unit restriction to users without data view units', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&skipRounding=true`,
                UNRESTRICTED
            )
        )
        expect(Number(g.rows[0]?.[2])).toBeCloseTo(
            refValue(db, FX.deSum, null, [FX.root], ['2024']) as number,
            8
        )
        expect(g.metaData?.dimensions['ou']).toBeUndefined()
    })
})

describe('index cache', () => {
    it('keeps roll-ups until resetAnalyticsIndex after values change', () => {
        const local = buildFixtureDb()
        const analytics = new DemoAnalytics(local)
        const query = new URLSearchParams(
            `dimension=dx:${FX.deSumZero}&dimension=pe:202401&dimension=ou:${FX.root}&skipRounding=true`
        )
        const value = (): string => {
            const outcome = analytics.run(query, ADMIN)
            if (!outcome.ok) throw outcome.error
            return outcome.rows()[0]?.[3] ?? ''
        }
        const before = value()
        const series = local.series.get(`${FX.deSumZero}.${FX.cocDefault}`)
        if (!series) throw new Error('series')
        // Facility slot 0, period 202401 (index 12 of the monthly periods)
        series.values[12] =
            (Number.isNaN(series.values[12]) ? 0 : (series.values[12] as number)) + 1000
        expect(value()).toBe(before)
        resetAnalyticsIndex(local)
        expect(Number(value())).toBeCloseTo(
            refValue(local, FX.deSumZero, null, [FX.root], ['202401']) as number,
            8
        )
        expect(value()).not.toBe(before)
    })
})

describe('parameters and response shape', () => {
    it('puts dx first and co second among the columns, the rest as requested', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=ou:${FX.regionA}&dimension=co&dimension=pe:2024Q1&dimension=dx:${FX.deSum}`
            )
        )
        expect(g.headers?.map((h) => h.name)).toEqual(['dx', 'co', 'ou', 'pe', 'value'])
        expect(g.rows[0]?.slice(0, 4)).toEqual([FX.deSum, expect.any(String), FX.regionA, '2024Q1'])
    })

    it('writes headers as DHIS2 (Java types, meta flags) with numerator columns when asked', () => {
        const g = grid(request('/api/analytics', `${simple}&includeNumDen=true`))
        expect(g.headers?.[0]).toEqual({
            name: 'dx',
            column: 'Data',
            valueType: 'TEXT',
            type: 'java.lang.String',
            hidden: false,
            meta: true,
        })
        expect(
            g.headers?.slice(3).map((h) => [h.name, h.column, h.valueType, h.type, h.meta])
        ).toEqual([
            ['value', 'Value', 'NUMBER', 'java.lang.Double', false],
            ['numerator', 'Numerator', 'NUMBER', 'java.lang.Double', false],
            ['denominator', 'Denominator', 'NUMBER', 'java.lang.Double', false],
            ['factor', 'Factor', 'NUMBER', 'java.lang.Double', false],
            ['multiplier', 'Multiplier', 'NUMBER', 'java.lang.Double', false],
            ['divisor', 'Divisor', 'NUMBER', 'java.lang.Double', false],
        ])
        expect(g.rows[0]?.slice(4)).toEqual(['', '', '', '', ''])
        expect([g.width, g.height, g.headerWidth]).toEqual([9, 1, 9])
    })

    it('answers empty rows with width 0 when there is no data', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2030&dimension=ou:${FX.root}`
            )
        )
        expect([g.rows, g.width, g.height, g.headerWidth]).toEqual([[], 0, 0, 4])
    })

    it('leaves out metaData with skipMeta and headers with skipData', () => {
        const noMeta = grid(request('/api/analytics', `${simple}&skipMeta=true`))
        expect(noMeta.metaData).toBeUndefined()
        expect(noMeta.rows).toHaveLength(1)
        const noData = grid(
            request(
                '/api/analytics',
                `dimension=pe:LAST_12_MONTHS&dimension=ou:${FX.root}&skipData=true`
            )
        )
        expect(Object.keys(noData)).toEqual(['metaData', 'width', 'rows', 'height', 'headerWidth'])
        expect([noData.rows, noData.width, noData.height, noData.headerWidth]).toEqual([
            [],
            0,
            0,
            0,
        ])
        expect(noData.metaData?.dimensions['pe']).toHaveLength(12)
    })

    it('gives names only unless includeMetadataDetails, and short names with displayProperty', () => {
        const names = grid(request('/api/analytics', simple))
        expect(names.metaData?.items[FX.deSum]).toEqual({ name: 'Data element SUM Monthly 0' })
        expect(names.metaData?.items['202401']).toEqual({ name: 'January 2024' })
        const details = grid(
            request(
                '/api/analytics',
                `${simple}&includeMetadataDetails=true&displayProperty=SHORTNAME`
            )
        )
        expect(details.metaData?.items[FX.deSum]).toEqual({
            uid: FX.deSum,
            code: 'DE_0',
            name: 'DE 0',
            description: 'Sum of things',
            dimensionItemType: 'DATA_ELEMENT',
            valueType: 'NUMBER',
            aggregationType: 'SUM',
            totalAggregationType: 'SUM',
        })
        expect(details.metaData?.items['202401']).toEqual({
            uid: '202401',
            code: '202401',
            name: 'January 2024',
            dimensionItemType: 'PERIOD',
            // TEXT from 2.40.4 / 2.41.1 (`MetadataItem.getValueType`); the default is 2.41.4
            valueType: 'TEXT',
            totalAggregationType: 'SUM',
            startDate: '2024-01-01T00:00:00.000',
            endDate: '2024-01-31T00:00:00.000',
        })
        expect(details.metaData?.items[FX.cocMale]).toEqual({
            uid: FX.cocMale,
            code: 'COC_MALE',
            name: 'Male',
            valueType: 'NUMBER',
            totalAggregationType: 'SUM',
        })
        expect(details.metaData?.items['dx']).toEqual({
            uid: 'dx',
            name: 'Data',
            dimensionType: 'DATA_X',
        })
        expect(details.metaData?.dimensions['co']).toEqual(
            expect.arrayContaining([FX.cocMale, FX.cocFemale])
        )
    })

    it('adds keywords for relative periods, levels and boundaries, and sorts level units by name', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:LAST_QUARTER;2024Q1&dimension=ou:${FX.regionA};LEVEL-4&includeMetadataDetails=true`
            )
        )
        expect(g.metaData?.dimensions['pe']).toEqual(['2024Q1', '2024Q2'])
        expect(g.metaData?.items['LAST_QUARTER']).toEqual({ name: 'Last quarter' })
        expect(g.metaData?.items[FX.levelFacility]).toEqual({
            uid: FX.levelFacility,
            name: 'Facility',
        })
        expect(g.metaData?.items[FX.regionA]).toEqual({
            uid: FX.regionA,
            code: `OU_${FX.regionA}`,
            name: 'Alpha Region',
        })
        // Case-insensitive name order: "alpha Health Post", "Mike Hospital", "Zulu Clinic"
        expect(g.metaData?.dimensions['ou']).toEqual([FX.f2, FX.f3, FX.f1])
    })

    it('accepts LEVEL-<level uid>, USER_ORGUNIT_GRANDCHILDREN and relativePeriodDate', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:LAST_MONTH&dimension=ou:USER_ORGUNIT_GRANDCHILDREN&relativePeriodDate=2023-03-10`
            )
        )
        expect(g.metaData?.dimensions['pe']).toEqual(['202302'])
        expect(g.metaData?.dimensions['ou']).toEqual([FX.districtA1, FX.districtA2, FX.districtB1])
        const byUid = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.root};LEVEL-${FX.levelRegion}`
            )
        )
        expect(byUid.metaData?.dimensions['ou']).toEqual([FX.regionA, FX.regionB])
    })

    it('resolves OU_GROUP-uid to the group members within the boundaries', () => {
        const all = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:OU_GROUP-${FX.groupClinics}&includeMetadataDetails=true`
            )
        )
        expect(all.metaData?.dimensions['ou']).toEqual([FX.f4, FX.f6, FX.f1])
        expect(all.metaData?.items[FX.groupClinics]).toEqual({
            uid: FX.groupClinics,
            code: 'CLINICS',
            name: 'Clinics',
        })
        const bounded = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.regionA};OU_GROUP-${FX.groupClinics}`
            )
        )
        expect(bounded.metaData?.dimensions['ou']).toEqual([FX.f1])
    })

    it('takes organisation unit group sets as dimensions (header, metadata, rows)', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=${FX.groupSetType}:${FX.groupOthers}&dimension=pe:2024&dimension=ou:${FX.root}&includeMetadataDetails=true`
            )
        )
        expect(g.headers?.map((h) => [h.name, h.column])).toEqual([
            ['dx', 'Data'],
            [FX.groupSetType, 'Facility type'],
            ['pe', 'Period'],
            ['ou', 'Organisation unit'],
            ['value', 'Value'],
        ])
        expect(g.rows.map((r) => r[1])).toEqual([FX.groupOthers])
        expect(g.metaData?.dimensions[FX.groupSetType]).toEqual([FX.groupOthers])
        expect(g.metaData?.items[FX.groupSetType]).toEqual({
            uid: FX.groupSetType,
            name: 'Facility type',
            dimensionType: 'ORGANISATION_UNIT_GROUP_SET',
        })
        expect(g.metaData?.items[FX.groupOthers]).toEqual({
            uid: FX.groupOthers,
            code: 'OTHERS',
            name: 'Other facilities',
            dimensionItemType: 'ORGANISATION_UNIT_GROUP',
            valueType: 'NUMBER',
            totalAggregationType: 'SUM',
        })
        const all = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=${FX.groupSetType}&dimension=pe:2024`
            )
        )
        expect(all.metaData?.dimensions[FX.groupSetType]).toEqual([FX.groupClinics, FX.groupOthers])
    })

    it('writes ouHierarchy (hierarchyMeta) and ouNameHierarchy (showHierarchy)', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:2024&dimension=ou:${FX.districtB1};LEVEL-4&hierarchyMeta=true&showHierarchy=true`
            )
        )
        expect(g.metaData?.ouHierarchy?.[FX.f4]).toBe(`${FX.root}/${FX.regionB}/${FX.districtB1}`)
        expect(g.metaData?.ouNameHierarchy?.[FX.f4]).toBe(
            '/Testland/beta Region/Bravo One District/Bravo Clinic'
        )
        // Ancestors of the org units become metadata items too with hierarchyMeta
        expect(g.metaData?.items[FX.regionB]).toEqual({ name: 'beta Region' })
        // A Java HashMap: items, ouNameHierarchy, dimensions keep the order of the recorded
        // hierarchy response, ouHierarchy hashes to the first bucket
        expect(Object.keys(g.metaData ?? {})).toEqual([
            'ouHierarchy',
            'items',
            'ouNameHierarchy',
            'dimensions',
        ])
    })

    it('relative periods follow the clock', () => {
        const g = grid(
            request(
                '/api/analytics',
                `dimension=dx:${FX.deSum}&dimension=pe:THIS_QUARTER;LAST_MONTH&dimension=ou:${FX.root}`
            )
        )
        expect(g.metaData?.dimensions['pe']).toEqual(['202406', '2024Q3'])
    })
})
