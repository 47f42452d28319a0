/**
 * `/api/query/alias`: creating aliases as DHIS2's QueryController does, following them to the
 * target route, and the 414 a too long URI gets, with the data engine's recovery path
 * (414 → POST alias → GET alias href).
 */
import { createHash } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTinyDb, TINY_ROOT_ID } from '../testing/tinyDb'
import { body, messageOf, startTestServer, type TestServer } from '../testing/harness'
import type { DemoRoute } from '../http/types'
import { MAX_REQUEST_URI_LENGTH } from '../server'
import { analyticsRoutes } from './analytics'
import {
    ALIAS_NOT_FOUND_MESSAGE,
    MAX_ALIAS_TARGET_LENGTH,
    QUERY_ALIAS_ROOT,
    queryAliasRoutes,
    type QueryAlias,
} from './query-alias'

const echo: DemoRoute = {
    method: 'GET',
    pattern: '/api/echo/:name',
    handler: (req) => ({
        status: 200,
        json: {
            path: req.path,
            name: req.params['name'],
            user: req.user?.username ?? null,
            query: [...req.query],
        },
    }),
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

/** A long analytics query on the tiny country: the same data element repeated in `dx` */
const longAnalyticsPath = (minLength: number): string => {
    const items = ['TinyDeAmox1']
    let path = ''
    do {
        items.push('TinyDeAmox1')
        path = `/api/41/analytics?dimension=dx:${items.join(';')}&dimension=pe:202401;202402&filter=ou:${TINY_ROOT_ID}&displayProperty=NAME`
    } while (path.length <= minLength)
    return path
}

/** A raw GET (fetch cannot send some of these) → status and body */
const rawGet = (
    server: TestServer,
    path: string
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> =>
    new Promise((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, {
            headers: { Origin: 'http://localhost:3000' },
        })
        req.on('response', (res) => {
            const chunks: Buffer[] = []
            res.on('data', (chunk: Buffer) => chunks.push(chunk))
            res.on('end', () =>
                resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    text: Buffer.concat(chunks).toString('utf8'),
                })
            )
        })
        req.on('error', reject)
        req.end()
    })

describe('query alias', () => {
    let server: TestServer
    let now = 0

    beforeAll(async () => {
        const db = createTinyDb()
        const targets: DemoRoute[] = [echo, ...analyticsRoutes(db)]
        const aliases = queryAliasRoutes({
            targets: () => routes,
            maxEntries: 3,
            ttlMs: 1000,
            now: () => now,
        })
        const routes = [...targets, ...aliases]
        server = await startTestServer({ db, extraRoutes: routes })
    })
    afterAll(async () => {
        await server.stop()
    })

    const create = (target: unknown, as: string | null = 'admin'): Promise<Response> =>
        server.send('POST', '/api/41/query/alias', { target }, as)

    it('creates a deterministic alias: id = SHA-1 of the target', async () => {
        const target = '/api/41/echo/a?x=1'
        const res = await create(target)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        const alias = await body<QueryAlias>(res)
        expect(alias).toEqual({
            id: sha1(target),
            path: `${QUERY_ALIAS_ROOT}/${sha1(target)}`,
            href: `${server.url}${QUERY_ALIAS_ROOT}/${sha1(target)}`,
            target,
        })
        expect((await body<QueryAlias>(await create(target))).id).toBe(alias.id)
    })

    it('forwards GET on the alias to the target, as the same user, with its parameters', async () => {
        const alias = await body<QueryAlias>(await create('/api/41/echo/b?x=1&y=2'))
        const res = await server.get(`${alias.path}?z=3`, 'district')
        expect(res.status).toBe(200)
        expect(await body(res)).toEqual({
            path: '/api/echo/b',
            name: 'b',
            user: 'district',
            query: [
                ['x', '1'],
                ['y', '2'],
                ['z', '3'],
            ],
        })
        expect((await server.get(alias.path, null)).status).toBe(401)
    })

    it('answers the target route’s own errors and unknown targets', async () => {
        const missing = await body<QueryAlias>(await create('/api/41/nothing/here'))
        const res = await server.get(missing.path)
        expect(res.status).toBe(404)
        expect(await messageOf(res)).toBe('No handler found for GET /api/41/nothing/here')

        const badQuery = await body<QueryAlias>(await create('/api/41/analytics?dimension=dx:'))
        expect((await server.get(badQuery.path)).status).toBe(409)

        // no alias chains
        const chained = await body<QueryAlias>(await create(missing.path))
        expect((await server.get(chained.path)).status).toBe(404)
    })

    it('rejects bodies and targets as DHIS2 does', async () => {
        const cases: [unknown, string][] = [
            [{}, "Alias must contain a 'target' property"],
            [{ target: 42 }, "Alias must contain a 'target' property"],
            [{ target: 'http://localhost:8080/api/41/echo/a' }, 'Target must start with /api/'],
            [{ target: '../api/41/echo/a' }, 'Target must start with /api/'],
            [
                { target: `/api/echo/a?q=${'x'.repeat(MAX_ALIAS_TARGET_LENGTH)}` },
                'Target url exceeds maximum length',
            ],
        ]
        for (const [payload, message] of cases) {
            const res = await server.send('POST', '/api/query/alias', payload)
            expect(res.status).toBe(400)
            expect(await messageOf(res)).toBe(message)
        }
        const notJson = await server.send('POST', '/api/query/alias', 'nope')
        expect(notJson.status).toBe(400)
        expect(await messageOf(notJson)).toBe('Request body must be a valid JSON object')

        const textPlain = await server.send(
            'POST',
            '/api/query/alias',
            '{"target":"/api/x"}',
            'admin',
            {
                headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
            }
        )
        expect(textPlain.status).toBe(415)
    })

    it('redirects with POST /query/alias/redirect', async () => {
        const res = await server.send('POST', '/api/query/alias/redirect', {
            target: '/api/echo/c',
        })
        expect(res.status).toBe(303)
        expect(res.headers.get('location')).toBe(
            `${server.url}${QUERY_ALIAS_ROOT}/${sha1('/api/echo/c')}`
        )
    })

    it('forgets aliases unused for the TTL and beyond the size bound', async () => {
        now = 0
        const alias = await body<QueryAlias>(await create('/api/echo/ttl'))
        now = 900
        expect((await server.get(alias.path)).status).toBe(200)
        now = 1800 // 900 ms since last use: still there
        expect((await server.get(alias.path)).status).toBe(200)
        now = 2900
        const expired = await server.get(alias.path)
        expect(expired.status).toBe(404)
        expect(await messageOf(expired)).toBe(ALIAS_NOT_FOUND_MESSAGE)

        const first = await body<QueryAlias>(await create('/api/echo/1'))
        for (const name of ['2', '3', '4']) await create(`/api/echo/${name}`)
        expect((await server.get(first.path)).status).toBe(404)
        expect((await server.get(`${QUERY_ALIAS_ROOT}/${sha1('/api/echo/4')}`)).status).toBe(200)
    })

    it('answers 414 to URIs over 8 KiB, without CORS headers, like Jetty', async () => {
        const ok = await server.get(longAnalyticsPath(MAX_REQUEST_URI_LENGTH - 200))
        expect(ok.status).toBe(200)

        for (const length of [MAX_REQUEST_URI_LENGTH + 1, 20_000]) {
            const res = await rawGet(server, longAnalyticsPath(length))
            expect(res.status).toBe(414)
            expect(res.headers['access-control-allow-origin']).toBeUndefined()
            expect(res.text).toContain('URI Too Long')
        }
        expect(server.logs.some((line) => line.includes('414'))).toBe(true)
    })

    it('serves a long analytics query through an alias like the short one (data engine flow)', async () => {
        const long = longAnalyticsPath(MAX_REQUEST_URI_LENGTH + 100)
        expect((await server.get(long)).status).toBe(414)
        // the data engine posts the target relative to its base URL
        const alias = await body<QueryAlias>(await create(long))
        const viaAlias = await fetch(alias.href, {
            headers: {
                Authorization: `Basic ${Buffer.from('admin:district').toString('base64')}`,
                Accept: 'application/json',
                'X-Requested-With': 'XMLHttpRequest',
            },
        })
        expect(viaAlias.status).toBe(200)
        const direct = await server.get(
            `/api/41/analytics?dimension=dx:TinyDeAmox1&dimension=pe:202401;202402&filter=ou:${TINY_ROOT_ID}&displayProperty=NAME`
        )
        const rows = (res: { rows: string[][] }): string[][] => res.rows
        const expected = rows(await body(direct))
        expect(expected.length).toBeGreaterThan(0)
        expect(rows(await body(viaAlias))).toEqual(expected)
    })
})
