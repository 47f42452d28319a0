/**
 * The demo DHIS2 server: a local stand-in for the part of the DHIS2 Web API Triangulate uses.
 *
 * Plain `node:http`. Every request goes through, in order:
 * 1. path normalisation: `/api/<version>/...` (e.g. `/api/41/me`) is the same as `/api/...`;
 * 2. CORS for the configured origins (preflight `OPTIONS` answered here);
 * 3. authentication: basic auth, the `JSESSIONID` session, or the development auto-login user;
 * 4. routing (platform routes of this package + the `extraRoutes` given, e.g. metadata/analytics);
 * 5. DHIS2's authentication entry point for protected routes without a user: 401 WebMessage
 *    "Unauthorized" for API clients (`X-Requested-With: XMLHttpRequest` or a basic header), a
 *    redirect to the login page for browser page loads;
 * 6. the handler. A handler error never crashes the server: it is logged and answered with a 500
 *    WebMessage. Unknown paths are logged and answered with a 404 WebMessage.
 */
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { authenticate } from './auth/authenticate'
import { LOGIN_PAGE_PATH, authRoutes } from './auth/routes'
import { SessionStore, sessionCookie } from './auth/sessions'
import { UserSettingsStore } from './auth/userSettings'
import { DEMO_EDITORS_GROUP, UserDirectory, createDemoAccounts } from './auth/users'
import type { DemoDb } from './data/model'
import type { PlatformContext } from './http/context'
import { crossSiteRefusal, isLocalHost } from './http/crossSite'
import { ownValue } from './http/ownKeys'
import { isXhr } from './http/request'
import { Router } from './http/router'
import type { DemoRequest, DemoResponse, DemoRoute } from './http/types'
import { HttpError, messageResponse } from './http/webMessages'
import { AppManager, appRoutes } from './routes/apps'
import { DEFAULT_DHIS2_VERSION, putCreatesMissingKey } from './routes/dhis2-version'
import {
    DataStore,
    dataStoreFile,
    dataStoreRoutes,
    type NamespaceProtection,
} from './routes/datastore'
import { DEMO_SYSTEM_SETTINGS, SystemSettingsStore, systemRoutes } from './routes/system'

export interface DemoServerOptions {
    db: DemoDb
    /** Folder for everything that must survive a restart (dataStore, installed apps, settings) */
    stateDir: string
    /** 0 picks a free port (tests) */
    port?: number
    /** Interface to listen on; default `127.0.0.1` */
    host?: string
    /** More routes, e.g. `metadataRoutes(db)` and `analyticsRoutes(db)` */
    extraRoutes?: DemoRoute[]
    /** Log sink; default `console.log` */
    log?: (line: string) => void
    /** Development only: unauthenticated requests act as this user (e.g. `admin`) */
    devAutoLoginUser?: string
    /** Origins allowed by CORS with credentials; default `http://localhost:3000` */
    allowedOrigins?: string[]
    /** Entries added to the dataStore at start when the key does not exist yet */
    seedDataStore?: Record<string, Record<string, unknown>>
    /**
     * Server-configured dataStore namespace protections; default none: as in DHIS2, an app's
     * namespace is protected when the app is installed (`M_<app>`, App Management)
     */
    namespaceProtections?: NamespaceProtection[]
    /** The DHIS2 release the demo answers as; default 2.41.4 (routes/dhis2-version.ts) */
    dhis2Version?: string
    /** System settings on top of DHIS2's defaults and the demo's own */
    systemSettings?: Record<string, string | number | boolean>
    /** Largest request body accepted, in bytes; default 200 MB (app zips) */
    maxBodyBytes?: number
}

export interface DemoServer {
    /** e.g. `http://127.0.0.1:8080` */
    url: string
    port: number
    close(): Promise<void>
    /** The services behind the platform routes (for tests and tooling) */
    platform: PlatformContext
    /** Every route served, most specific first (for tests and tooling) */
    routes: readonly DemoRoute[]
}

const DEFAULT_ORIGINS = ['http://localhost:3000']
const JSON_TYPE = 'application/json;charset=UTF-8'

/** `/api/41/me` → `/api/me`; repeated slashes collapsed */
export const normalizePath = (pathname: string): string => {
    const collapsed = pathname.replace(/\/{2,}/g, '/')
    return collapsed.replace(/^\/api\/\d+(?=\/|$)/, '/api')
}

/**
 * Longest request URI served: Jetty's default `requestHeaderSize` (8 KiB). Longer URIs get a
 * 414 URI Too Long from the connector, before any filter, so without CORS headers, as a DHIS2 on
 * Jetty would answer (a cross-origin `fetch` sees a network error); clients shorten them with a
 * query alias (`routes/query-alias.ts`). URIs over Node's own 16 KiB header limit get a 414 from
 * the `clientError` handler.
 */
export const MAX_REQUEST_URI_LENGTH = 8 * 1024
const URI_TOO_LONG_BODY = '<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>'
const URI_TOO_LONG_RAW = `HTTP/1.1 414 URI Too Long\r\nContent-Type: text/html;charset=iso-8859-1\r\nContent-Length: ${URI_TOO_LONG_BODY.length}\r\nConnection: close\r\n\r\n${URI_TOO_LONG_BODY}`

/** Answer to a cross-site state-changing request under the development auto-login */
export const CROSS_SITE_REFUSED =
    'Cross-site request refused: with the development auto-login, changes are only accepted from the allowed origins or with credentials'

/** Requests DHIS2 remembers to return to after login (`DhisWebApiWebSecurityConfig`) */
const SAVED_REQUEST_PATTERN = /^\/(api\/apps|apps|dhis-web-[^/]*)\/.+/i

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
        const chunks: Buffer[] = []
        let size = 0
        req.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > limit) {
                // keep draining (and discarding) so the 413 answer can still be sent
                if (chunks.length > 0) chunks.length = 0
                reject(new BodyTooLarge(`Request body larger than ${limit} bytes`))
                return
            }
            chunks.push(chunk)
        })
        req.on('end', () => resolve(Buffer.concat(chunks)))
        req.on('error', reject)
    })

type HeaderMap = Map<string, { name: string; value: string | string[] }>

const setHeader = (headers: HeaderMap, name: string, value: string | string[]): void => {
    const key = name.toLowerCase()
    if (key === 'set-cookie') {
        const previous = headers.get(key)?.value ?? []
        const list = [...(Array.isArray(previous) ? previous : [previous])]
        list.push(...(Array.isArray(value) ? value : [value]))
        headers.set(key, { name: 'Set-Cookie', value: list })
        return
    }
    headers.set(key, { name, value })
}

const writeResponse = (
    res: ServerResponse,
    response: DemoResponse,
    base: HeaderMap,
    headOnly: boolean
): void => {
    const headers: HeaderMap = new Map(base)
    // own properties only: an inherited `json` or `body` must never become a response
    const own = ownValue(response, 'headers') as DemoResponse['headers']
    for (const [name, value] of Object.entries(own ?? {})) setHeader(headers, name, value)
    const json = ownValue(response, 'json')
    const rawBody = ownValue(response, 'body') as DemoResponse['body']
    let payload: Buffer | string | undefined
    if (json !== undefined) {
        payload = JSON.stringify(json)
        if (!headers.has('content-type')) setHeader(headers, 'Content-Type', JSON_TYPE)
    } else if (rawBody !== undefined) {
        payload = rawBody
    }
    if (payload !== undefined)
        setHeader(headers, 'Content-Length', String(Buffer.byteLength(payload)))
    else if (response.status !== 204 && response.status !== 304)
        setHeader(headers, 'Content-Length', '0')
    const out: Record<string, string | string[]> = {}
    for (const { name, value } of headers.values()) out[name] = value
    res.writeHead(response.status, out)
    res.end(headOnly ? undefined : payload)
}

const displayHost = (host: string): string =>
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host

export const createDemoServer = async (opts: DemoServerOptions): Promise<DemoServer> => {
    const log = opts.log ?? ((line: string) => console.log(line))
    const host = opts.host ?? '127.0.0.1'
    const maxBody = opts.maxBodyBytes ?? 200 * 1024 * 1024
    mkdirSync(opts.stateDir, { recursive: true })

    const users = new UserDirectory(createDemoAccounts(opts.db))
    let devAutoLoginUser = null
    if (opts.devAutoLoginUser) {
        devAutoLoginUser = users.byUsername(opts.devAutoLoginUser)
        if (!devAutoLoginUser)
            throw new Error(`Unknown devAutoLoginUser '${opts.devAutoLoginUser}'`)
        log(
            `[demo] DEVELOPMENT AUTO-LOGIN is ON: requests without credentials act as '${devAutoLoginUser.username}'`
        )
    }
    const sessions = new SessionStore()
    const systemSettings = new SystemSettingsStore(
        opts.stateDir,
        { ...DEMO_SYSTEM_SETTINGS, ...opts.systemSettings },
        log
    )
    const userSettings = new UserSettingsStore(opts.stateDir, users, log)
    const dataStore = new DataStore({
        file: dataStoreFile(opts.stateDir),
        log,
        users,
        protections: opts.namespaceProtections ?? [],
        putCreates: putCreatesMissingKey(opts.dhis2Version ?? DEFAULT_DHIS2_VERSION),
    })
    if (opts.seedDataStore) {
        const added = dataStore.seed(opts.seedDataStore, users.byUsername('admin'))
        if (added > 0) log(`[demo] seeded ${added} dataStore entr${added === 1 ? 'y' : 'ies'}`)
        // As if an admin had named the editors in the app, which then shared its entries
        if (opts.seedDataStore.triangulate) {
            const protectedCount = dataStore.seedAppEditors('triangulate', DEMO_EDITORS_GROUP)
            if (protectedCount > 0)
                log(`[demo] shared ${protectedCount} triangulate entries with the editors group`)
        }
    }
    const apps = new AppManager(join(opts.stateDir, 'apps'), dataStore, log)
    const platform: PlatformContext = {
        db: opts.db,
        users,
        sessions,
        systemSettings,
        userSettings,
        dataStore,
        apps,
        log,
        startedAt: new Date(),
        dhis2Version: opts.dhis2Version ?? DEFAULT_DHIS2_VERSION,
    }

    const router = new Router([
        ...authRoutes(platform),
        ...systemRoutes(platform),
        ...dataStoreRoutes(platform),
        ...appRoutes(platform),
        ...(opts.extraRoutes ?? []),
    ])
    const allowedOrigins = new Set(opts.allowedOrigins ?? DEFAULT_ORIGINS)
    let listeningPort = opts.port ?? 8080

    const unauthenticated = (
        req: IncomingMessage,
        url: URL,
        method: string,
        headers: HeaderMap
    ): DemoResponse => {
        const basic = (req.headers.authorization ?? '').includes('Basic')
        const browserPage =
            method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !isXhr(req)
        if (basic || !browserPage) return messageResponse(401, 'Unauthorized')
        const path = normalizePath(url.pathname)
        if (SAVED_REQUEST_PATTERN.test(path)) {
            // kept in a signed cookie: an anonymous request never creates a session
            setHeader(
                headers,
                'Set-Cookie',
                sessions.savedRequestCookie(`${url.pathname}${url.search}`)
            )
        }
        return { status: 302, headers: { Location: LOGIN_PAGE_PATH } }
    }

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        const method = (req.method ?? 'GET').toUpperCase()
        const headers: HeaderMap = new Map()
        const respond = (response: DemoResponse): void =>
            writeResponse(res, response, headers, method === 'HEAD')
        try {
            if ((req.url ?? '').length > MAX_REQUEST_URI_LENGTH) {
                log(`[demo] 414 ${method} ${(req.url ?? '').slice(0, 80)}...: URI too long`)
                setHeader(headers, 'Connection', 'close')
                respond({
                    status: 414,
                    body: URI_TOO_LONG_BODY,
                    headers: { 'Content-Type': 'text/html;charset=iso-8859-1' },
                })
                return
            }
            // an origin-form target is prefixed, not resolved: `//x` is a path here, not a host;
            // the absolute form (`http://host/api/me`, from proxies) is parsed as it is
            const target = req.url ?? '/'
            let url: URL
            try {
                url = /^https?:\/\//i.test(target)
                    ? new URL(target)
                    : new URL(`http://demo.invalid${target.startsWith('/') ? '' : '/'}${target}`)
            } catch {
                respond(messageResponse(400, 'Invalid request URI'))
                return
            }
            const path = normalizePath(url.pathname)

            const origin = req.headers.origin
            const corsAllowed = origin !== undefined && allowedOrigins.has(origin)
            if (corsAllowed) {
                setHeader(headers, 'Access-Control-Allow-Origin', origin)
                setHeader(headers, 'Access-Control-Allow-Credentials', 'true')
                setHeader(
                    headers,
                    'Access-Control-Expose-Headers',
                    'Location, Content-Disposition, ETag'
                )
                setHeader(headers, 'Vary', 'Origin')
            }
            const preflightMethod = req.headers['access-control-request-method']
            if (method === 'OPTIONS' && origin !== undefined && preflightMethod) {
                if (!corsAllowed) {
                    respond({
                        status: 403,
                        body: 'Invalid CORS request',
                        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
                    })
                    return
                }
                setHeader(
                    headers,
                    'Access-Control-Allow-Methods',
                    'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD'
                )
                setHeader(
                    headers,
                    'Access-Control-Allow-Headers',
                    req.headers['access-control-request-headers'] ??
                        'Authorization, Content-Type, X-Requested-With, Accept'
                )
                setHeader(headers, 'Access-Control-Max-Age', '1800')
                respond({ status: 200 })
                return
            }

            const body = await readBody(req, maxBody)
            const baseUrl = `http://${req.headers.host ?? `${displayHost(host)}:${listeningPort}`}`

            // the auto-login serves this machine only: a DNS-rebinding host name gets no user
            const autoLogin = isLocalHost(req.headers.host, host) ? devAutoLoginUser : null
            const auth = authenticate(req.headers, {
                users,
                sessions,
                devAutoLoginUser: autoLogin,
            })
            if (auth.kind === 'badCredentials') {
                log(
                    `[demo] 401 ${method} ${url.pathname}: bad basic credentials for '${auth.username}'`
                )
                respond(messageResponse(401, 'Unauthorized'))
                return
            }
            if (auth.kind === 'user' && auth.via === 'devAutoLogin') {
                const refusal = crossSiteRefusal(method, req.headers, {
                    allowedOrigins,
                    listenHost: host,
                })
                if (refusal) {
                    log(
                        `[demo] 403 ${method} ${url.pathname}: cross-site request refused (${refusal})`
                    )
                    respond(messageResponse(403, CROSS_SITE_REFUSED))
                    return
                }
            }
            const user = auth.kind === 'user' ? auth.user : null
            if (auth.kind === 'user' && auth.via === 'basic' && auth.session?.userId !== user?.id) {
                // DHIS2 keeps the security context of a basic-authenticated request in the session
                const session = sessions.create(auth.user.id)
                setHeader(headers, 'Set-Cookie', sessionCookie(session))
            }

            const match = router.match(method, path)
            // an own `public: true` only: an inherited flag must never open a route
            const isPublic = match.kind === 'route' && ownValue(match.route, 'public') === true
            if (!user && !isPublic) {
                respond(unauthenticated(req, url, method, headers))
                return
            }
            if (match.kind === 'none') {
                log(`[demo] 404 ${method} ${url.pathname}${url.search}: no such endpoint`)
                respond(messageResponse(404, `No handler found for ${method} ${url.pathname}`))
                return
            }
            if (match.kind === 'methodNotAllowed') {
                log(`[demo] 405 ${method} ${url.pathname}`)
                respond({
                    ...messageResponse(405, `Request method '${method}' not supported`),
                    headers: { Allow: match.allowed.join(', ') },
                })
                return
            }

            const demoRequest: DemoRequest = {
                method,
                path,
                params: match.params,
                query: url.searchParams,
                headers: req.headers,
                body,
                user,
                baseUrl,
            }
            let response: DemoResponse
            try {
                response = await match.route.handler(demoRequest)
            } catch (err) {
                if (err instanceof HttpError) {
                    response = err.response
                } else {
                    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
                    log(`[demo] 500 ${method} ${url.pathname}${url.search}: ${detail}`)
                    response = messageResponse(
                        500,
                        err instanceof Error ? err.message : String(err)
                    )
                }
            }
            respond(response)
        } catch (err) {
            if (err instanceof BodyTooLarge) {
                log(`[demo] 413 ${method} ${req.url ?? ''}: ${err.message}`)
                if (!res.headersSent) {
                    setHeader(headers, 'Connection', 'close')
                    respond(messageResponse(413, err.message))
                }
                return
            }
            const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
            log(`[demo] 500 ${method} ${req.url ?? ''}: ${detail}`)
            if (!res.headersSent) {
                try {
                    respond(messageResponse(500, err instanceof Error ? err.message : String(err)))
                } catch {
                    res.destroy()
                }
            } else {
                res.destroy()
            }
        }
    }

    const server = createServer((req, res) => {
        void handle(req, res)
    })
    server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
        if (!socket.writable) {
            socket.destroy()
            return
        }
        // Node's header limit (16 KiB) counts the request line: tell a long URI from long headers
        const raw = err.rawPacket
        const lineEnd = raw ? raw.indexOf('\r\n') : -1
        const requestLine = raw ? (lineEnd >= 0 ? lineEnd : raw.length) : 0
        if (err.code === 'HPE_HEADER_OVERFLOW' && requestLine > MAX_REQUEST_URI_LENGTH) {
            log(`[demo] 414 ${String(raw?.subarray(0, 80))}...: URI too long`)
            socket.end(URI_TOO_LONG_RAW)
        } else socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    })

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(opts.port ?? 8080, host, () => {
            server.off('error', reject)
            resolve()
        })
    })
    listeningPort = (server.address() as AddressInfo).port

    return {
        url: `http://${displayHost(host)}:${listeningPort}`,
        port: listeningPort,
        platform,
        routes: router.list(),
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()))
                server.closeAllConnections()
            }),
    }
}
