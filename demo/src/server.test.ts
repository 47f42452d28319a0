import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { body, startTestServer, type TestServer } from './testing/harness'

describe('demo server core', () => {
    let server: TestServer

    beforeAll(async () => {
        server = await startTestServer({
            extraRoutes: [
                {
                    method: 'GET',
                    pattern: '/api/boom',
                    handler: () => {
                        throw new Error('kaboom')
                    },
                },
                {
                    method: 'GET',
                    pattern: '/api/echo/:id',
                    handler: (req) => ({
                        status: 200,
                        json: {
                            id: req.params.id,
                            path: req.path,
                            user: req.user?.username,
                            baseUrl: req.baseUrl,
                        },
                    }),
                },
            ],
            allowedOrigins: ['http://localhost:3000'],
        })
    })
    afterAll(() => server.stop())

    it('answers unknown paths with a logged DHIS2 404 WebMessage', async () => {
        const res = await server.get('/api/doesNotExist?x=1')
        expect(res.status).toBe(404)
        expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
        expect(await res.json()).toEqual({
            httpStatus: 'Not Found',
            httpStatusCode: 404,
            status: 'ERROR',
            message: 'No handler found for GET /api/doesNotExist',
        })
        expect(server.logs.some((l) => l.includes('404 GET /api/doesNotExist?x=1'))).toBe(true)
    })

    it('turns a throwing handler into a logged 500 WebMessage and keeps serving', async () => {
        const res = await server.get('/api/boom')
        expect(res.status).toBe(500)
        expect(await res.json()).toEqual({
            httpStatus: 'Internal Server Error',
            httpStatusCode: 500,
            status: 'ERROR',
            message: 'kaboom',
        })
        expect(
            server.logs.some((l) => l.includes('500 GET /api/boom') && l.includes('kaboom'))
        ).toBe(true)
        expect((await server.get('/api/me')).status).toBe(200)
    })

    it('maps /api/<version>/ to the same routes and passes extra routes the request', async () => {
        const res = await server.get('/api/41/echo/abc')
        expect(await res.json()).toEqual({
            id: 'abc',
            path: '/api/echo/abc',
            user: 'admin',
            baseUrl: server.url,
        })
        expect((await server.get('/api/40/system/info')).status).toBe(200)
    })

    it('answers 405 for a known path with another method', async () => {
        const res = await server.send('PATCH', '/api/me', {})
        expect(res.status).toBe(405)
        expect((await body(res)).httpStatus).toBe('Method Not Allowed')
    })

    it('handles CORS preflight and adds CORS headers for allowed origins only', async () => {
        const pre = await fetch(`${server.url}/api/dataStore/triangulate/config`, {
            method: 'OPTIONS',
            headers: {
                Origin: 'http://localhost:3000',
                'Access-Control-Request-Method': 'PUT',
                'Access-Control-Request-Headers': 'content-type,x-requested-with',
            },
        })
        expect(pre.status).toBe(200)
        expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
        expect(pre.headers.get('access-control-allow-methods')).toContain('PUT')
        expect(pre.headers.get('access-control-allow-headers')).toBe(
            'content-type,x-requested-with'
        )

        const get = await server.get('/api/me', 'admin', {
            headers: { Origin: 'http://localhost:3000' },
        })
        expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
        expect(get.headers.get('access-control-allow-credentials')).toBe('true')

        const evil = await server.get('/api/me', 'admin', {
            headers: { Origin: 'http://evil.example' },
        })
        expect(evil.headers.get('access-control-allow-origin')).toBeNull()
        const evilPre = await fetch(`${server.url}/api/me`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
        })
        expect(evilPre.status).toBe(403)
    })

    it('survives malformed requests', async () => {
        const res = await server.send('POST', '/api/auth/login', '{not json', null)
        expect(res.status).toBe(400)
        expect((await server.get('/api/me')).status).toBe(200)
    })
})
