/**
 * Path routing for the demo DHIS2.
 *
 * Patterns are `/`-separated: literal segments, `:name` parameters (one segment, URL-decoded) and an
 * optional trailing `*` that takes the rest of the path (`params['*']`, possibly empty). When several
 * routes match, the most specific wins, compared segment by segment (literal > parameter > rest),
 * as Spring MVC prefers `/api/apps/menu` over `/api/apps/{app}/**`; equal patterns keep their
 * registration order.
 */
import type { DemoRoute } from './types'

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string }

interface CompiledRoute {
    route: DemoRoute
    segments: Segment[]
    rest: boolean
    /** Per segment: 3 literal, 2 parameter; then 1 for a trailing rest, 0 otherwise */
    rank: number[]
    order: number
}

export type RouteMatch =
    | { kind: 'route'; route: DemoRoute; params: Record<string, string> }
    /** The path exists for other methods */
    | { kind: 'methodNotAllowed'; allowed: string[] }
    | { kind: 'none' }

const decode = (segment: string): string => {
    try {
        return decodeURIComponent(segment)
    } catch {
        return segment
    }
}

export const compilePattern = (
    pattern: string
): Pick<CompiledRoute, 'segments' | 'rest' | 'rank'> => {
    if (!pattern.startsWith('/')) throw new Error(`Route pattern must start with '/': ${pattern}`)
    const parts = pattern.split('/').slice(1)
    let rest = false
    if (parts[parts.length - 1] === '*') {
        rest = true
        parts.pop()
    }
    const segments: Segment[] = parts.map((part) => {
        if (part.includes('*')) throw new Error(`'*' is only allowed at the end: ${pattern}`)
        return part.startsWith(':')
            ? { kind: 'param', name: part.slice(1) }
            : { kind: 'literal', value: part }
    })
    const rank: number[] = segments.map((s) => (s.kind === 'literal' ? 3 : 2))
    rank.push(rest ? 1 : 0)
    return { segments, rest, rank }
}

/** Negative when `a` is more specific than `b`. */
const compareRank = (a: CompiledRoute, b: CompiledRoute): number => {
    const n = Math.max(a.rank.length, b.rank.length)
    for (let i = 0; i < n; i++) {
        const diff = (b.rank[i] ?? -1) - (a.rank[i] ?? -1)
        if (diff !== 0) return diff
    }
    return a.order - b.order
}

const matchSegments = (compiled: CompiledRoute, parts: string[]): Record<string, string> | null => {
    const { segments, rest } = compiled
    if (rest ? parts.length < segments.length : parts.length !== segments.length) return null
    const params: Record<string, string> = {}
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as Segment
        const part = parts[i] as string
        if (segment.kind === 'literal') {
            if (segment.value !== part) return null
        } else {
            if (part === '') return null
            params[segment.name] = decode(part)
        }
    }
    if (rest) params['*'] = parts.slice(segments.length).map(decode).join('/')
    return params
}

export class Router {
    private readonly routes: CompiledRoute[] = []

    constructor(routes: DemoRoute[] = []) {
        this.add(routes)
    }

    add(routes: DemoRoute[]): void {
        for (const route of routes) {
            this.routes.push({
                route,
                ...compilePattern(route.pattern),
                order: this.routes.length,
            })
        }
        this.routes.sort(compareRank)
    }

    /** All registered routes, most specific first */
    list(): DemoRoute[] {
        return this.routes.map((r) => r.route)
    }

    /**
     * Finds the route for a method and an (already normalised) path. HEAD falls back to GET. A path
     * with a trailing slash also matches the pattern without it, as Spring's trailing-slash match.
     */
    match(method: string, path: string): RouteMatch {
        const wanted = method.toUpperCase()
        const candidates = [path]
        if (path.length > 1 && path.endsWith('/')) candidates.push(path.replace(/\/+$/, ''))
        const allowed = new Set<string>()
        for (const candidate of candidates) {
            const parts = candidate.split('/').slice(1)
            for (const compiled of this.routes) {
                const params = matchSegments(compiled, parts)
                if (!params) continue
                const routeMethod = compiled.route.method
                if (routeMethod === wanted || (wanted === 'HEAD' && routeMethod === 'GET')) {
                    return { kind: 'route', route: compiled.route, params }
                }
                allowed.add(routeMethod)
            }
        }
        return allowed.size > 0
            ? { kind: 'methodNotAllowed', allowed: [...allowed].sort() }
            : { kind: 'none' }
    }
}
