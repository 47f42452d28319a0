import { describe, expect, it } from 'vitest'
import { Router } from './router'
import type { DemoRoute } from './types'

const route = (method: DemoRoute['method'], pattern: string): DemoRoute => ({
    method,
    pattern,
    handler: () => ({ status: 200, json: pattern }),
})

describe('Router', () => {
    const router = new Router([
        route('GET', '/api/apps/:key/*'),
        route('GET', '/api/apps/menu'),
        route('GET', '/api/dataStore/:ns/:key'),
        route('GET', '/api/dataStore/:ns/keys'),
        route('DELETE', '/api/dataStore/:ns/:key'),
        route('GET', '/api/me'),
    ])

    it('prefers literal segments over parameters and rest', () => {
        const menu = router.match('GET', '/api/apps/menu')
        expect(menu.kind === 'route' && menu.route.pattern).toBe('/api/apps/menu')
        const keys = router.match('GET', '/api/dataStore/ns/keys')
        expect(keys.kind === 'route' && keys.route.pattern).toBe('/api/dataStore/:ns/keys')
    })

    it('decodes parameters and collects the rest of the path', () => {
        const m = router.match('GET', '/api/dataStore/my%20ns/a%2Fb')
        expect(m).toMatchObject({ kind: 'route', params: { ns: 'my ns', key: 'a/b' } })
        const file = router.match('GET', '/api/apps/triangulate/static/js/main.js')
        expect(file).toMatchObject({ params: { key: 'triangulate', '*': 'static/js/main.js' } })
        const root = router.match('GET', '/api/apps/triangulate/')
        expect(root).toMatchObject({ params: { key: 'triangulate', '*': '' } })
    })

    it('answers HEAD with GET routes, accepts a trailing slash, reports other methods', () => {
        expect(router.match('HEAD', '/api/me').kind).toBe('route')
        expect(router.match('GET', '/api/me/').kind).toBe('route')
        expect(router.match('POST', '/api/dataStore/a/b')).toEqual({
            kind: 'methodNotAllowed',
            allowed: ['DELETE', 'GET'],
        })
        expect(router.match('GET', '/api/nothing')).toEqual({ kind: 'none' })
    })
})
