/**
 * DHIS2's query alias endpoint (`QueryController` in dhis2-core, `/api/query`): a URI shortener for
 * GET requests too long for the server (414 URI Too Long, see `MAX_REQUEST_URI_LENGTH` in
 * server.ts).
 *
 * - `POST /api/{version}/query/alias` with `{ "target": "/api/41/analytics?..." }`
 *   (`Content-Type: application/json`) → 200 `{ id, path, href, target }`; `id` is the SHA-1 hex of
 *   the target, so the same target always gets the same alias; `path` is
 *   `/api/query/alias/{id}`, `href` the absolute URL of that path.
 * - `POST /api/{version}/query/alias/redirect` with the same body → 303 to the alias `href`.
 * - `GET /api/{version}/query/alias/{id}` → the target's response, as if the target had been
 *   requested (DHIS2 forwards inside the server: same user, the target's query parameters followed
 *   by the alias request's own). An unknown or expired id → 404 "No query alias found with this hash
 *   id, it may have expired." (the data engine re-creates the alias on that message).
 *
 * As in DHIS2 the target must be a root-relative path starting with `/api/` (an absolute URL is a
 * 400: @dhis2/data-engine 3.17 sends the absolute URL, fixed later by stripping its base URL), and
 * at most 16 KiB long. Aliases live in memory (a bounded cache, expiring after an hour unused) and
 * are lost on restart.
 *
 * The demo forwards to the routes given by `targets` (in main.ts: the other route modules, such as
 * analytics and metadata), not to the platform routes (dataStore, me, system...): analytics
 * requests are the ones that grow long.
 */
import { createHash } from 'node:crypto'
import { ownValue, parseJsonDict } from '../http/ownKeys'
import { Router } from '../http/router'
import { mediaType } from '../http/request'
import type { DemoRequest, DemoResponse, DemoRoute } from '../http/types'
import { HttpError, badRequest, messageResponse, notFound } from '../http/webMessages'
import { normalizePath } from '../server'

/** Where aliases live (`QueryController.ALIAS_ROOT`) */
export const QUERY_ALIAS_ROOT = '/api/query/alias'
/** Longest target accepted (`QueryController.MAX_TARGET_LENGTH`) */
export const MAX_ALIAS_TARGET_LENGTH = 16 * 1024
/** The 404 message the data engine recognises to re-create an expired alias */
export const ALIAS_NOT_FOUND_MESSAGE =
    'No query alias found with this hash id, it may have expired.'

export interface QueryAliasOptions {
    /**
     * The routes an alias can forward to. Called when an alias is followed, so it may list routes
     * registered after this module (main.ts passes every other route module's routes).
     */
    targets: () => readonly DemoRoute[]
    /** Most aliases kept; the least recently used go first (default 1000) */
    maxEntries?: number
    /** An alias not used for this long expires (default one hour) */
    ttlMs?: number
    /** Clock, for tests (default `Date.now`) */
    now?: () => number
}

export interface QueryAlias {
    id: string
    path: string
    href: string
    target: string
}

/** Aliases by id, least recently used first (a `Map` keeps insertion order). */
class AliasCache {
    private readonly entries = new Map<string, { target: string; lastUsed: number }>()

    constructor(
        private readonly maxEntries: number,
        private readonly ttlMs: number,
        private readonly now: () => number
    ) {}

    put(id: string, target: string): void {
        this.entries.delete(id)
        this.entries.set(id, { target, lastUsed: this.now() })
        while (this.entries.size > this.maxEntries) {
            const oldest = this.entries.keys().next().value
            if (oldest === undefined) break
            this.entries.delete(oldest)
        }
    }

    get(id: string): string | undefined {
        const entry = this.entries.get(id)
        if (!entry) return undefined
        const now = this.now()
        this.entries.delete(id)
        if (now - entry.lastUsed > this.ttlMs) return undefined
        this.entries.set(id, { target: entry.target, lastUsed: now })
        return entry.target
    }
}

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8'

/** `@PostMapping(consumes = APPLICATION_JSON_VALUE)`: Spring answers 415 to other bodies */
const requireJson = (req: DemoRequest): void => {
    const type = mediaType(req)
    if (type !== 'application/json' && !type.endsWith('+json')) {
        const given = req.headers['content-type'] ?? 'application/octet-stream'
        throw new HttpError(messageResponse(415, `Content type '${given}' not supported`))
    }
}

/** `QueryController.parseTargetFromRequestBody` */
const parseTarget = (req: DemoRequest): string => {
    requireJson(req)
    let body: unknown
    try {
        body = parseJsonDict(req.body.toString('utf8'))
    } catch {
        throw new HttpError(badRequest('Request body must be a valid JSON object'))
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new HttpError(badRequest('Request body must be a valid JSON object'))
    }
    const target = ownValue(body, 'target')
    if (typeof target !== 'string') {
        throw new HttpError(badRequest("Alias must contain a 'target' property"))
    }
    if (!target.startsWith('/api/')) {
        throw new HttpError(badRequest('Target must start with /api/'))
    }
    if (target.length > MAX_ALIAS_TARGET_LENGTH) {
        throw new HttpError(badRequest('Target url exceeds maximum length'))
    }
    return target
}

export const queryAliasRoutes = (options: QueryAliasOptions): DemoRoute[] => {
    const cache = new AliasCache(
        options.maxEntries ?? 1000,
        options.ttlMs ?? 60 * 60 * 1000,
        options.now ?? Date.now
    )

    const create = (req: DemoRequest): QueryAlias => {
        const target = parseTarget(req)
        const id = createHash('sha1').update(target, 'utf8').digest('hex')
        cache.put(id, target)
        const path = `${QUERY_ALIAS_ROOT}/${id}`
        return { id, path, href: `${req.baseUrl}${path}`, target }
    }

    let router: Router | null = null
    let routedFrom: readonly DemoRoute[] | null = null
    const forwardRouter = (): Router => {
        const targets = options.targets()
        if (router === null || routedFrom !== targets) {
            // never forward to an alias: no alias chains
            router = new Router(targets.filter((route) => !own.includes(route)))
            routedFrom = targets
        }
        return router
    }

    const follow = async (req: DemoRequest): Promise<DemoResponse> => {
        const id = req.params['id'] ?? ''
        const target = cache.get(id)
        if (target === undefined) return notFound(ALIAS_NOT_FOUND_MESSAGE)
        const url = new URL(target, 'http://demo.invalid')
        const path = normalizePath(url.pathname)
        const match = forwardRouter().match('GET', path)
        if (match.kind !== 'route') {
            return messageResponse(404, `No handler found for GET ${url.pathname}`)
        }
        const query = new URLSearchParams(url.searchParams)
        for (const [name, value] of req.query) query.append(name, value)
        try {
            return await match.route.handler({
                method: 'GET',
                path,
                params: match.params,
                query,
                headers: req.headers,
                body: Buffer.alloc(0),
                user: req.user,
                baseUrl: req.baseUrl,
            })
        } catch (err) {
            if (err instanceof HttpError) return err.response
            throw err
        }
    }

    const own: DemoRoute[] = [
        {
            method: 'POST',
            pattern: QUERY_ALIAS_ROOT,
            handler: (req) => ({
                status: 200,
                json: create(req),
                headers: { 'Content-Type': JSON_CONTENT_TYPE },
            }),
        },
        {
            method: 'POST',
            pattern: `${QUERY_ALIAS_ROOT}/redirect`,
            handler: (req) => ({ status: 303, headers: { Location: create(req).href } }),
        },
        { method: 'GET', pattern: `${QUERY_ALIAS_ROOT}/:id`, handler: follow },
    ]
    return own
}
