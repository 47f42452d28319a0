/**
 * Cross-site request checks for the development auto-login (`--dev-auto-login`, used by
 * `npm start`).
 *
 * With auto-login every request without credentials acts as a user, so without a check a page on
 * any other site could change the demo with "simple" requests that need no CORS preflight
 * (`fetch(..., { mode: 'no-cors' })` or an HTML form: POST with a form, multipart or text body).
 * The app itself is never refused: @dhis2/app-runtime sends `X-Requested-With` (and JSON), so the
 * browser asks first (preflight) and sends the app's origin, which CORS allows.
 *
 * Browsers send `Origin` with every cross-origin POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site`
 * with every request. A state-changing request is refused when either names another site: an
 * `Origin` that is neither an allowed CORS origin nor the demo itself (the opaque `null` origin of
 * sandboxed frames and files included), or `Sec-Fetch-Site: cross-site`/`same-site` without an
 * allowed origin. Requests without either header come from tools such as curl, not from a page.
 *
 * The demo itself is known by loopback names only (`localhost`, `127.0.0.1`, `[::1]`, the host it
 * listens on): a DNS-rebinding name pointing at 127.0.0.1 is another site (see `isLocalHost`).
 */
import type { IncomingHttpHeaders } from 'node:http'

export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set([
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
])

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** The host name of a `Host` header value (`localhost:8080` → `localhost`, `[::1]:80` → `[::1]`) */
const hostName = (host: string): string => {
    const trimmed = host.trim().toLowerCase()
    if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1)
    return trimmed.split(':')[0] ?? ''
}

/** Whether a `Host` header names this machine by a loopback name or the host the demo listens on */
export const isLocalHost = (host: string | undefined, listenHost: string): boolean => {
    if (!host) return true
    const name = hostName(host)
    return LOOPBACK.has(name) || name === listenHost.toLowerCase() || name.endsWith('.localhost')
}

export interface CrossSiteContext {
    /** Origins allowed by CORS (the app's) */
    allowedOrigins: ReadonlySet<string>
    /** The host the demo listens on (`127.0.0.1`, `0.0.0.0`...) */
    listenHost: string
}

/**
 * Why a request must be refused as cross-site, or `null` when it may pass. Only state-changing
 * methods are checked.
 */
export const crossSiteRefusal = (
    method: string,
    headers: IncomingHttpHeaders,
    ctx: CrossSiteContext
): string | null => {
    if (!STATE_CHANGING_METHODS.has(method.toUpperCase())) return null
    const origin = headers.origin
    const fetchSite = String(headers['sec-fetch-site'] ?? '').toLowerCase()
    if (origin !== undefined) {
        if (ctx.allowedOrigins.has(origin)) return null
        let sameOrigin = false
        try {
            const url = new URL(origin)
            sameOrigin =
                origin !== 'null' &&
                url.host === (headers.host ?? '').toLowerCase() &&
                isLocalHost(url.host, ctx.listenHost)
        } catch {
            sameOrigin = false
        }
        if (!sameOrigin) return `origin ${origin} is not allowed`
        if (fetchSite === 'cross-site' || fetchSite === 'same-site')
            return `Sec-Fetch-Site: ${fetchSite}`
        return null
    }
    if (fetchSite === 'cross-site' || fetchSite === 'same-site')
        return `Sec-Fetch-Site: ${fetchSite} without an allowed origin`
    return null
}
