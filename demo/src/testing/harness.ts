/** Starting a demo server on a free port with a temporary state directory, for tests. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoServer, type DemoServer, type DemoServerOptions } from '../server'
import { createTinyDb } from './tinyDb'

export interface TestServer extends DemoServer {
    stateDir: string
    logs: string[]
    /** fetch relative to the server, as the given user (basic auth) or anonymous (`null`) */
    get(path: string, as?: string | null, init?: RequestInit): Promise<Response>
    send(
        method: string,
        path: string,
        body: unknown,
        as?: string | null,
        init?: RequestInit
    ): Promise<Response>
    /** Stops the server; `keepState` leaves the state directory for a restart */
    stop(keepState?: boolean): Promise<void>
}

export const PASSWORDS: Record<string, string> = {
    admin: 'district',
    district: 'District1#',
    analyst: 'Analyst1#',
    editor: 'Editor1#',
}

export const basicAuth = (username: string): string =>
    `Basic ${Buffer.from(`${username}:${PASSWORDS[username] ?? ''}`).toString('base64')}`

export const newStateDir = (): string => mkdtempSync(join(tmpdir(), 'demo-dhis2-'))

export const startTestServer = async (
    opts: Partial<DemoServerOptions> & { stateDir?: string } = {}
): Promise<TestServer> => {
    const stateDir = opts.stateDir ?? newStateDir()
    const logs: string[] = []
    let server: DemoServer
    try {
        server = await createDemoServer({
            db: createTinyDb(),
            port: 0,
            log: (line) => logs.push(line),
            ...opts,
            stateDir,
        })
    } catch (err) {
        if (!opts.stateDir) rmSync(stateDir, { recursive: true, force: true })
        throw err
    }
    const headersFor = (as: string | null | undefined, init?: RequestInit): Headers => {
        const headers = new Headers(init?.headers)
        if (!headers.has('X-Requested-With')) headers.set('X-Requested-With', 'XMLHttpRequest')
        if (!headers.has('Accept')) headers.set('Accept', 'application/json')
        if (as) headers.set('Authorization', basicAuth(as))
        return headers
    }
    return {
        ...server,
        stateDir,
        logs,
        get: (path, as = 'admin', init) =>
            fetch(`${server.url}${path}`, {
                redirect: 'manual',
                ...init,
                headers: headersFor(as, init),
            }),
        send: (method, path, body, as = 'admin', init) => {
            const headers = headersFor(as, init)
            if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
            return fetch(`${server.url}${path}`, {
                redirect: 'manual',
                ...init,
                method,
                headers,
                body:
                    body === undefined
                        ? undefined
                        : typeof body === 'string'
                          ? body
                          : JSON.stringify(body),
            })
        },
        stop: async (keepState = false) => {
            await server.close()
            if (!keepState) rmSync(stateDir, { recursive: true, force: true })
        },
    }
}

/** The JSON body of a response, typed by the caller */
export const body = async <T = Record<string, unknown>>(res: Response): Promise<T> =>
    (await res.json()) as T

/** The `message` of a WebMessage response */
export const messageOf = async (res: Response): Promise<string> =>
    (await body<{ message: string }>(res)).message
