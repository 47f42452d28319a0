/**
 * Fuzz tests of the demo DHIS2's request parsing (fast-check): query strings, `fields=`,
 * `filter=`/`order=`, dataStore paths and queries, path segments and JSON bodies. Whatever a client
 * sends, the demo answers (never a 500, a crash or a hang) and no prototype changes. Runs are
 * bounded so that the whole file takes a few seconds.
 */
import fc from 'fast-check'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filterFields, parseFields, selectFields } from './http/fields'
import { evaluateFilter, parseFilter, validateFilter } from './metadata/filter'
import { buildSchemas } from './metadata/schema'
import { likeMatches, setAtPath } from './routes/datastore'
import { basicAuth, type TestServer } from './testing/harness'
import { startFullTestServer } from './testing/fullServer'
import { createTinyDb } from './testing/tinyDb'

/** Pieces that mean something to the parsers, plus arbitrary text */
const PIECES = [
    'id',
    'name',
    'displayName',
    'children',
    'parent',
    'level',
    'path',
    'dataSetElements',
    'pairs',
    'value',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '[',
    ']',
    '(',
    ')',
    ',',
    '!',
    '~',
    '|',
    '::',
    ':',
    '.',
    '*',
    ':all',
    ':owner',
    ':simple',
    ':nameable',
    'rename',
    'size',
    'pluck',
    'keyBy',
    'isEmpty',
    ';',
    '%',
    'eq',
    '!eq',
    'like',
    'ilike',
    '$like',
    'in',
    '!in',
    'null',
    'empty',
    'token',
    'gt',
    '0',
    '1',
    '-1',
    '99999999999',
    'true',
    "'",
    '"',
    '\\',
    ' ',
    'é',
    '😀',
    '\u0000',
]

const text = (maxLength = 25): fc.Arbitrary<string> =>
    fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength })
        .map((parts) => parts.join(''))

/** Keys that reach a prototype on a plain object: drawn often, every parser must treat them as data */
const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype')
const PROPERTY_NAMES = ['id', 'name', 'parent', 'children', 'level', 'dataSetElements', 'a', '0']
const segment = fc.oneof(
    { weight: 3, arbitrary: protoKey },
    { weight: 3, arbitrary: fc.constantFrom(...PROPERTY_NAMES) },
    { weight: 1, arbitrary: text(3) }
)
/** Dotted paths (`parent.__proto__.x`), as in `filter=`, `order=` and dataStore `path=` */
const dottedPath = fc.oneof(
    { weight: 2, arbitrary: segment },
    {
        weight: 1,
        arbitrary: fc
            .array(segment, { minLength: 2, maxLength: 4 })
            .map((parts) => parts.join('.')),
    }
)

const OPERATORS = ['eq', '!eq', 'like', '!ilike', '$like', 'like$', 'in', 'null', '!null', 'gt']
const filterText = fc.oneof(
    { weight: 1, arbitrary: text(12) },
    {
        weight: 3,
        arbitrary: fc
            .tuple(dottedPath, fc.constantFrom(...OPERATORS), text(6))
            .map(([path, op, value]) => `${path}:${op}:${value}`),
    }
)

/** JSON values, objects with prototype keys among them */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        text(6),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.constantFrom(...PIECES.slice(0, 15)), text(3)), tie('value'), {
            maxKeys: 4,
        })
    ),
})).value

/** JSON text in which `__proto__` is a real member (JSON.stringify of a dictionary loses it) */
const jsonText = fc.oneof(
    jsonValue.map((v) => JSON.stringify(v)),
    fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), jsonValue)
        .map(([k, v]) => `{"${k}": ${JSON.stringify(v)}, "object": {"${k}": {"public": true}}}`),
    text(10)
)

const prototypeSnapshot = (): string =>
    [Object.prototype, Array.prototype, Function.prototype]
        .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
        .join('|')

describe('fuzz: parsers', () => {
    const db = createTinyDb()
    const { registry } = buildSchemas(db)
    const schemas = Object.values(registry)
    const before = prototypeSnapshot()

    it('fields= parsing and filtering never throws and never reaches a prototype', () => {
        fc.assert(
            fc.property(
                fc.array(fc.oneof(text(), dottedPath), { maxLength: 3 }),
                jsonValue,
                (fields, value) => {
                    const specs = parseFields(fields)
                    filterFields(value, specs)
                    selectFields({ a: value, __proto__x: value }, fields)
                    expect(({} as Record<string, unknown>).public).toBeUndefined()
                }
            ),
            { numRuns: 400 }
        )
        expect(prototypeSnapshot()).toBe(before)
    })

    it('metadata filters either parse and evaluate, or fail with a 400 query error', () => {
        fc.assert(
            fc.property(filterText, fc.integer({ min: 0, max: 100 }), (raw, pick) => {
                const schema = schemas[pick % schemas.length]
                if (!schema) return
                let filter
                try {
                    filter = parseFilter(raw)
                    validateFilter(registry, schema, filter)
                } catch (err) {
                    expect((err as { status?: number }).status).toBe(400)
                    return
                }
                const objects = schema.all()
                for (const o of objects.slice(0, 5)) evaluateFilter(registry, schema, o, filter)
            }),
            { numRuns: 400 }
        )
        expect(prototypeSnapshot()).toBe(before)
    })

    it('dataStore paths set own keys only, and LIKE is linear whatever the pattern', () => {
        fc.assert(
            fc.property(
                jsonValue,
                fc.oneof(dottedPath, text(8)),
                jsonValue,
                (root, path, value) => {
                    try {
                        const out = setAtPath(root, path, value)
                        // what was stored survives a JSON round trip (no huge sparse arrays)
                        expect(JSON.stringify(out).length).toBeLessThan(1_000_000)
                    } catch (err) {
                        expect(String(err)).toMatch(/Invalid path/)
                    }
                    expect(({} as Record<string, unknown>).public).toBeUndefined()
                }
            ),
            { numRuns: 400 }
        )
        const started = Date.now()
        fc.assert(
            fc.property(fc.string({ maxLength: 200 }), text(30), (subject, pattern) => {
                likeMatches(subject, `%${pattern}%%%%%%%%%%%%%%%%%%%%x`, true, 'none')
                likeMatches(subject, pattern, false, 'start')
                likeMatches(subject, pattern, false, 'end')
            }),
            { numRuns: 300 }
        )
        expect(Date.now() - started).toBeLessThan(2000)
        expect(prototypeSnapshot()).toBe(before)
    })
})

describe('fuzz: HTTP requests', () => {
    let server: TestServer
    const before = prototypeSnapshot()

    beforeAll(async () => {
        server = await startFullTestServer()
        await server.send('PUT', '/api/dataStore/fuzz/k', { a: [1, 2, { b: 'x' }] }, 'analyst')
    })
    afterAll(() => server.stop())

    const failures: string[] = []
    /** Sends a request; a 5xx or no answer within 3 s is a failure */
    const send = async (
        method: string,
        path: string,
        as: string | null,
        payload?: string
    ): Promise<number> => {
        const res = await fetch(`${server.url}${path}`, {
            method,
            redirect: 'manual',
            signal: AbortSignal.timeout(3000),
            headers: {
                'X-Requested-With': 'XMLHttpRequest',
                Accept: 'application/json',
                ...(as ? { Authorization: basicAuth(as) } : {}),
                ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}),
            },
            ...(payload !== undefined ? { body: payload } : {}),
        })
        const body = await res.text()
        if (res.status >= 500) failures.push(`${method} ${path}: ${res.status} ${body}`)
        return res.status
    }

    const GET_TARGETS = [
        '/api/organisationUnits',
        '/api/dataElements',
        '/api/dataSets',
        '/api/indicators',
        '/api/categoryOptionCombos',
        '/api/me',
        '/api/system/info',
        '/api/dataStore/fuzz',
        '/api/dataStore/fuzz/k',
        '/api/analytics',
        '/api/apps',
        '/api/userSettings',
        '/api/systemSettings',
    ]
    const PARAMS = [
        'fields',
        'filter',
        'order',
        'paging',
        'page',
        'pageSize',
        'rootJunction',
        'query',
        'dimension',
        'key',
        'level',
        'includeAll',
        'headless',
        'aggregationType',
        'displayProperty',
    ]

    it('answers any query string on the read endpoints', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...GET_TARGETS),
                fc.array(
                    fc.oneof(
                        filterText.map((v) => ['filter', v] as const),
                        fc
                            .tuple(dottedPath, fc.constantFrom('asc', 'desc', 'iasc', 'x'))
                            .map(([p, d]) => ['order', `${p}:${d}`] as const),
                        fc.oneof(text(), dottedPath).map((v) => ['fields', v] as const),
                        fc.tuple(
                            fc.constantFrom(...PARAMS),
                            fc.oneof(filterText, dottedPath, text(), fc.string())
                        )
                    ),
                    { maxLength: 5 }
                ),
                fc.constantFrom('admin', 'analyst'),
                async (target, params, as) => {
                    const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
                    await send('GET', `${target}?${query}`, as)
                }
            ),
            { numRuns: 200 }
        )
        expect(failures).toEqual([])
        expect(prototypeSnapshot()).toBe(before)
    }, 30_000)

    it('answers any path segments and dataStore writes with any JSON body and path=', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(
                    fc.oneof(
                        fc.constantFrom('__proto__', 'constructor', '..', '.', '%2e%2e', '%zz'),
                        text(8).map(encodeURIComponent),
                        fc.string({ maxLength: 300 }).map(encodeURIComponent)
                    ),
                    { minLength: 1, maxLength: 3 }
                ),
                jsonText,
                fc.oneof({ weight: 3, arbitrary: dottedPath }, { weight: 1, arbitrary: text(10) }),
                fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'),
                async (segments, payload, path, method) => {
                    const rest = segments.join('/')
                    const withBody = method === 'GET' ? undefined : payload
                    await send(method, `/api/dataStore/${rest}`, 'analyst', withBody)
                    await send(
                        'PUT',
                        `/api/dataStore/fuzz/k?path=${encodeURIComponent(path)}`,
                        'analyst',
                        payload
                    )
                    await send('GET', `/api/${rest}`, 'admin')
                }
            ),
            { numRuns: 100 }
        )
        expect(failures).toEqual([])
        expect(prototypeSnapshot()).toBe(before)
    }, 30_000)

    it('answers a request target starting with // as a path (found by this fuzz: was a 500)', async () => {
        const status = await new Promise<number>((resolve, reject) => {
            const req = request(
                { host: '127.0.0.1', port: server.port, path: "//'I)8%5Dilike", method: 'GET' },
                (res) => {
                    res.resume()
                    resolve(res.statusCode ?? 0)
                }
            )
            req.on('error', reject)
            req.end()
        })
        expect(status).toBe(401)
        expect(await send('GET', '/api/..//x', 'admin')).toBe(404)
    })

    it('answers any JSON body on the endpoints that read one', async () => {
        const meta = (await (
            await fetch(`${server.url}/api/dataStore/fuzz/k/metaData`, {
                headers: { Authorization: basicAuth('analyst') },
            })
        ).json()) as { id: string }
        const POSTS = [
            `/api/sharing?type=dataStore&id=${meta.id}`,
            '/api/systemSettings',
            '/api/query/alias',
            '/api/auth/login',
            '/api/userSettings/keyUiLocale',
            '/api/dataStore/fuzz/new',
        ]
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...POSTS),
                jsonText,
                fc.constantFrom('admin', 'analyst'),
                async (target, payload, as) => {
                    await send('POST', target, as, payload)
                }
            ),
            { numRuns: 200 }
        )
        expect(failures).toEqual([])
        expect(prototypeSnapshot()).toBe(before)
        // still refusing anonymous callers
        expect(await send('GET', '/api/me', null)).toBe(401)
    }, 30_000)
})
