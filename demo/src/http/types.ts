/** Request/response types shared by every route module of the demo DHIS2. */
import type { IncomingHttpHeaders } from 'node:http'

export interface DemoUser {
    id: string
    username: string
    firstName: string
    surname: string
    displayName: string
    email?: string
    /** DHIS2 authorities, `ALL` for superusers */
    authorities: string[]
    userRoles: { id: string; name: string }[]
    userGroups: { id: string; name: string }[]
    /** Data capture org units (ids) */
    organisationUnits: string[]
    /** Data view org units (ids); analytics is limited to these and their descendants */
    dataViewOrganisationUnits: string[]
    /** User settings such as keyUiLocale, keyDbLocale */
    settings: Record<string, string>
}

export interface DemoRequest {
    method: string
    /** Path without the query string, e.g. `/api/organisationUnits/abc` */
    path: string
    /** Named path parameters from the route pattern (`/api/organisationUnits/:id`) */
    params: Record<string, string>
    query: URLSearchParams
    headers: IncomingHttpHeaders
    /** Raw request body (empty buffer when none) */
    body: Buffer
    /** The authenticated user; routes are only called with a user unless registered `public: true` */
    user: DemoUser | null
    /** The server's own base URL as seen by the client, e.g. `http://localhost:8080` */
    baseUrl: string
}

export interface DemoResponse {
    status: number
    /** Serialised as JSON with `Content-Type: application/json;charset=UTF-8` */
    json?: unknown
    /** Raw body (use with a content-type header) */
    body?: Buffer | string
    headers?: Record<string, string | string[]>
}

export type DemoHandler = (req: DemoRequest) => DemoResponse | Promise<DemoResponse>

export interface DemoRoute {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
    /** Path pattern with `:name` segments and an optional trailing `*` (rest of the path in params['*']) */
    pattern: string
    handler: DemoHandler
    /** When true the route answers without authentication (login, static resources) */
    public?: boolean
}
