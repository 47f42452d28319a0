/**
 * No request can pollute `Object.prototype` (or any shared prototype) in the demo DHIS2: every
 * route that takes path segments, a dataStore `path=`, `fields=`, `filter=`, `order=`, setting
 * keys or JSON bodies is sent `__proto__` / `constructor.prototype` payloads, as every user; then
 * plain objects must have no inherited `public`/`json`/`body`... and anonymous requests must still
 * be refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, body, type TestServer } from './testing/harness'
import { startFullTestServer } from './testing/fullServer'

/** Properties whose inheritance would change what the server does */
const WATCHED = ['public', 'json', 'body', 'status', 'headers', 'polluted', 'x', 'access', 'r']

const SEGMENTS = [
    '__proto__',
    'constructor',
    'prototype',
    '__proto__.public',
    'constructor.prototype.public',
    'hasOwnProperty',
    'toString',
]

const POLLUTING_BODY = String.raw`{
  "__proto__": { "public": true, "json": "polluted", "polluted": true },
  "constructor": { "prototype": { "public": true, "polluted": true } },
  "prototype": { "polluted": true },
  "object": {
    "__proto__": { "polluted": true },
    "publicAccess": "rw------",
    "userAccesses": [{ "id": "__proto__", "access": "rw------" }, { "id": "constructor", "access": "rw------" }],
    "userGroupAccesses": [{ "id": "__proto__", "access": "rw------" }]
  },
  "target": "/api/me?fields=__proto__,constructor[prototype]",
  "username": "__proto__",
  "password": "constructor",
  "keyUiLocale": "fr"
}`

const QUERIES = [
    'path=__proto__.public',
    'path=constructor.prototype.public',
    'path=__proto__.json',
    'path=a.__proto__.polluted',
    'path=__proto__&roll=2',
    'fields=__proto__,constructor[prototype],prototype~keyBy(__proto__),toString~pluck(constructor)',
    'fields=.&filter=__proto__.public:eq:true&filter=constructor.prototype:null&order=__proto__:asc',
    'filter=__proto__:eq:x&filter=constructor.name:eq:Object&order=constructor:desc',
    'filter=__proto__.polluted:!null&rootJunction=OR',
    'key=__proto__&key=constructor&key=toString',
    'value=polluted&type=dataStore',
    'dimension=dx:__proto__&dimension=pe:constructor&filter=ou:__proto__',
]

const snapshotPrototypes = (): string[] =>
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((p) =>
        Object.getOwnPropertyNames(p).sort()
    )

const assertNotPolluted = (before: string[]): void => {
    const plain: Record<string, unknown> = {}
    for (const name of WATCHED) {
        expect(plain[name], `({}).${name}`).toBeUndefined()
        expect(([] as unknown as Record<string, unknown>)[name], `[].${name}`).toBeUndefined()
    }
    expect(snapshotPrototypes()).toEqual(before)
}

describe('prototype pollution', () => {
    let server: TestServer
    let before: string[]

    beforeAll(async () => {
        before = snapshotPrototypes()
        server = await startFullTestServer()
    })
    afterAll(() => server.stop())

    const send = (
        method: string,
        path: string,
        as: string | null,
        rawBody?: string
    ): Promise<Response> =>
        fetch(`${server.url}${path}`, {
            method,
            redirect: 'manual',
            headers: {
                'X-Requested-With': 'XMLHttpRequest',
                Accept: 'application/json',
                ...(as ? { Authorization: basicAuth(as) } : {}),
                ...(rawBody !== undefined ? { 'Content-Type': 'application/json' } : {}),
            },
            ...(rawBody !== undefined ? { body: rawBody } : {}),
        })

    it('ignores __proto__ in a dataStore PUT path and stores it as an own key, as DHIS2 does', async () => {
        const put = await send(
            'PUT',
            '/api/dataStore/triangulate/config?path=__proto__.public',
            'admin',
            'true'
        )
        expect(put.status).toBe(200)
        const json = await send(
            'PUT',
            '/api/dataStore/triangulate/config?path=__proto__.json',
            'admin',
            '"<h1>polluted</h1>"'
        )
        expect(json.status).toBe(200)
        assertNotPolluted(before)
        const value = await body<Record<string, unknown>>(
            await send('GET', '/api/dataStore/triangulate/config', 'admin')
        )
        // JSON.parse makes "__proto__" an own property: the key is data, never the prototype
        expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({
            public: true,
            json: '<h1>polluted</h1>',
        })
        expect(value.pairs).toEqual([])

        const anonymous = await send('GET', '/api/me', null)
        expect(anonymous.status).toBe(401)
        const page = await fetch(`${server.url}/`, {
            redirect: 'manual',
            headers: { Accept: 'text/html' },
        })
        expect(page.status).toBe(302)
        expect(await page.text()).not.toContain('polluted')
    })

    it('lets a non-superuser write __proto__ paths in its own entries without effect on others', async () => {
        expect((await send('PUT', '/api/dataStore/scratch/k', 'analyst', '{}')).status).toBe(201)
        for (const query of QUERIES.filter((q) => q.startsWith('path='))) {
            const res = await send('PUT', `/api/dataStore/scratch/k?${query}`, 'analyst', 'true')
            expect(res.status, query).toBeLessThan(500)
        }
        assertNotPolluted(before)
        expect((await send('GET', '/api/me', null)).status).toBe(401)
    })

    it('walks every route with __proto__/constructor.prototype payloads: no pollution, no 500', async () => {
        const failures: string[] = []
        const meta = await body<{ id: string }>(
            await send('GET', '/api/dataStore/triangulate/config/metaData', 'admin')
        )
        const routes = server.routes
        expect(routes.length).toBeGreaterThan(40)
        const queries = [...QUERIES, `type=dataStore&id=${meta.id}`]
        // every query with the first segment, every segment with one query; the user alternates
        const cases = [
            ...queries.map((query) => [SEGMENTS[0] as string, query] as const),
            ...SEGMENTS.slice(1).map(
                (segment, i) => [segment, queries[i % queries.length] as string] as const
            ),
        ]
        for (const route of routes) {
            for (const [n, [segment, query]] of cases.entries()) {
                const as = n % 2 === 0 ? 'analyst' : 'admin'
                const path = route.pattern
                    .split('/')
                    .map((part) =>
                        part.startsWith(':') || part === '*' ? encodeURIComponent(segment) : part
                    )
                    .join('/')
                const withBody = route.method !== 'GET'
                const res = await send(
                    route.method,
                    `${path}?${query}`,
                    as,
                    withBody ? POLLUTING_BODY : undefined
                )
                if (res.status >= 500)
                    failures.push(
                        `${as} ${route.method} ${path}?${query}: ${res.status} ${await res.text()}`
                    )
                else await res.arrayBuffer()
            }
        }
        assertNotPolluted(before)
        expect(failures).toEqual([])
        expect((await send('GET', '/api/me', null)).status).toBe(401)
        const page = await fetch(`${server.url}/dhis-web-commons/security/login.action`)
        expect(await page.text()).toContain('j_username')
    }, 60_000)
})
