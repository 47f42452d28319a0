/**
 * App installation and serving like DHIS2's App Management (dhis2-core `AppController`,
 * `DefaultAppManager`, `JCloudsAppStorageService`, `App`, `WebModule`):
 *
 * - `POST /api/apps` (multipart field `file`, the app zip) installs; 204, or 409 with the reason.
 *   The zip may hold the app at its root or in one top-level folder; `manifest.webapp` is required.
 *   The app key is the "URL friendly" short name (`short_name`, else `name`: characters other than
 *   letters, digits, spaces and `-` removed, whitespace runs turned into `-`). A reinstall of the
 *   same key replaces the app. A namespace already reserved by another app is refused.
 * - Files are extracted to `<stateDir>/apps/<key>/` and found again at start, so installed apps
 *   survive restarts.
 * - `GET /api/apps/<key>/...` serves the files: `index.html` for a folder, `__DHIS2_BASE_URL__` and
 *   `__DHIS2_APP_ROOT_URL__` substituted in `index.html`/`plugin.html`, and `manifest.webapp`
 *   answered with the app's JSON whose `activities.dhis.href` is the server's base URL.
 * - `GET /api/apps` lists the apps the user may open; `DELETE /api/apps/<key>` removes one.
 * - `GET /api/apps/menu` and `/dhis-web-commons/menu/getModules.action` (the header bar's apps
 *   menu) list installed apps as web modules.
 * - `GET /` goes to the start module (`startModule` system setting, `app:<key>` for an app).
 */
import { randomUUID } from 'node:crypto'
import {
    closeSync,
    existsSync,
    mkdirSync,
    openSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    statSync,
    writeSync,
} from 'node:fs'
import { dirname, isAbsolute, join, normalize, sep } from 'node:path'
import yauzl from 'yauzl'
import { APP_MANAGEMENT_AUTHORITY, hasAnyAuthority } from '../auth/users'
import type { PlatformContext } from '../http/context'
import { contentTypeFor } from '../http/mime'
import { FileTooLarge, parseMultipart } from '../http/multipart'
import { parseJsonDict } from '../http/ownKeys'
import { queryFlag } from '../http/request'
import type { DemoRequest, DemoResponse, DemoRoute, DemoUser } from '../http/types'
import { ACCESS_IS_DENIED, forbidden, messageResponse, noContent, plain } from '../http/webMessages'
import { namespaceProtection, type DataStore, type NamespaceProtection } from './datastore'

type Json = Record<string, unknown>

export interface InstalledApp {
    key: string
    /** `manifest.webapp` as installed */
    manifest: Json
    dir: string
    installedAt: Date
}

/** Longest app key (folder name) accepted; file systems allow 255 bytes per name */
export const MAX_APP_KEY_LENGTH = 200

/**
 * Limits on an uploaded app zip. DHIS2 (`ZipFileUtils.validateZip`, dhis2-core 2.42+) refuses more
 * than 10,000 entries, more than 1 GB in all and entries compressed more than 100:1, from the
 * sizes the zip declares, and answers 409 "Zip file could not be read" (`INVALID_ZIP_FORMAT`,
 * `BlobStoreAppStorageService.installApp`). The demo does the same with smaller totals, and counts
 * the bytes it really inflates while writing them, so sizes that lie change nothing.
 */
export interface AppZipLimits {
    /** Largest zip upload (compressed) */
    maxZipBytes: number
    maxEntries: number
    /** Largest entry, inflated */
    maxEntryBytes: number
    /** All entries together, inflated */
    maxTotalBytes: number
    /** Largest inflated/compressed ratio of an entry, checked once it is over `ratioFloorBytes` */
    maxRatio: number
    ratioFloorBytes: number
    /** Largest `manifest.webapp` */
    maxManifestBytes: number
}

export const APP_ZIP_LIMITS: AppZipLimits = {
    maxZipBytes: 100 * 1024 * 1024,
    maxEntries: 10_000,
    maxEntryBytes: 64 * 1024 * 1024,
    maxTotalBytes: 256 * 1024 * 1024,
    maxRatio: 100,
    ratioFloorBytes: 1024 * 1024,
    maxManifestBytes: 1024 * 1024,
}

/** DHIS2 `AppStatus` values the demo can produce, with their (English) messages */
export const APP_STATUS_MESSAGES = {
    INVALID_ZIP_FORMAT: 'Zip file could not be read',
    MISSING_MANIFEST: 'Missing manifest.webapp in the app zip file',
    INVALID_MANIFEST_JSON: 'Invalid JSON in app manifest file',
    NAMESPACE_TAKEN: 'Namespace defined in manifest is in use',
    NAMESPACE_INVALID: 'Namespace defined in manifest is invalid',
    INSTALLATION_FAILED: 'App could not be installed on file system',
    /** Demo only: DHIS2 has no such status; its file system would fail on the app's folder name */
    SHORT_NAME_TOO_LONG: `App short name is too long: at most ${MAX_APP_KEY_LENGTH} characters`,
} as const

export type AppStatus = keyof typeof APP_STATUS_MESSAGES

export type InstallResult =
    | { ok: true; app: InstalledApp; replaced: boolean }
    | { ok: false; status: AppStatus; detail?: string }

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const obj = (value: unknown): Json | undefined =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Json)
        : undefined

/** `App.getShortName()`: `short_name`, else `name` */
export const appShortName = (manifest: Json): string | undefined =>
    str(manifest.short_name) ?? str(manifest.name)

/** `App.getUrlFriendlyName()` (the app key) */
export const appKey = (manifest: Json): string | undefined => {
    const shortName = appShortName(manifest)
    if (shortName == null) return undefined
    return shortName
        .trim()
        .replace(/[^A-Za-z0-9\s-]/g, '')
        .replace(/\s+/g, '-')
}

/** `App.getSeeAppAuthority()`: the authority that lets a user open the app */
export const seeAppAuthority = (manifest: Json): string =>
    `M_${(appShortName(manifest) ?? '')
        .trim()
        .replace(/[^a-zA-Z0-9\s]/g, '')
        .replace(/\s+/g, '_')}`

const dhisActivity = (manifest: Json): Json => obj(obj(manifest.activities)?.dhis) ?? {}

interface AdditionalNamespace {
    namespace?: string
    authorities?: string[]
    readOnlyAuthorities?: string[]
    /** d2.config.js spelling (`@dhis2/cli-app-scripts`) */
    readAuthorities?: string[]
    writeAuthorities?: string[]
}

const stringList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const additionalNamespaces = (manifest: Json): AdditionalNamespace[] => {
    const list = dhisActivity(manifest).additionalNamespaces
    if (!Array.isArray(list)) return []
    return list.map((item) => {
        const o = obj(item) ?? {}
        return {
            namespace: str(o.namespace),
            authorities: stringList(o.authorities),
            readOnlyAuthorities: stringList(o.readOnlyAuthorities),
            readAuthorities: stringList(o.readAuthorities),
            writeAuthorities: stringList(o.writeAuthorities),
        }
    })
}

/** Namespaces an app reserves (`App.getNamespaces()`) */
export const appNamespaces = (manifest: Json): string[] => {
    const out = new Set<string>()
    const main = str(dhisActivity(manifest).namespace)
    if (main) out.add(main)
    for (const ns of additionalNamespaces(manifest)) if (ns.namespace) out.add(ns.namespace)
    return [...out]
}

/** Protections DHIS2 registers for an installed app's namespaces */
export const appProtections = (manifest: Json): NamespaceProtection[] => {
    const out: NamespaceProtection[] = []
    const main = str(dhisActivity(manifest).namespace)
    if (main) {
        const auths = [APP_MANAGEMENT_AUTHORITY, seeAppAuthority(manifest)]
        out.push(namespaceProtection(main, 'RESTRICTED', auths, 'RESTRICTED', auths))
    }
    for (const ns of additionalNamespaces(manifest)) {
        if (!ns.namespace) continue
        const readWrite = [...(ns.authorities ?? []), ...(ns.writeAuthorities ?? [])]
        const readOnly = [...(ns.readOnlyAuthorities ?? []), ...(ns.readAuthorities ?? [])]
        out.push(
            namespaceProtection(
                ns.namespace,
                'RESTRICTED',
                [...new Set([...readWrite, ...readOnly])],
                'RESTRICTED',
                [...new Set(readWrite)]
            )
        )
    }
    return out
}

// ---------------------------------------------------------------------------------------------
// Zip reading
// ---------------------------------------------------------------------------------------------

/** A zip that breaks a limit of `AppZipLimits` (a zip bomb, or simply too big) */
export class ZipLimitExceeded extends Error {}

/** A file system error (it names its system call), as opposed to a damaged zip (yauzl, zlib) */
const isFileSystemError = (err: unknown): boolean => err instanceof Error && 'syscall' in err

/** Running count of the bytes inflated from one zip */
interface InflateBudget {
    total: number
}

/**
 * Inflates one entry chunk by chunk, counting the bytes as they come: over a limit the stream is
 * destroyed and `ZipLimitExceeded` thrown, whatever the zip declared.
 */
const inflateEntry = async (
    zip: yauzl.ZipFile,
    entry: yauzl.Entry,
    limits: AppZipLimits,
    budget: InflateBudget,
    onChunk: (chunk: Buffer) => void
): Promise<void> => {
    const stream = await zip.openReadStreamPromise(entry)
    let bytes = 0
    try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
            bytes += chunk.length
            budget.total += chunk.length
            if (bytes > limits.maxEntryBytes)
                throw new ZipLimitExceeded(`${entry.fileName}: over ${limits.maxEntryBytes} bytes`)
            if (budget.total > limits.maxTotalBytes)
                throw new ZipLimitExceeded(`over ${limits.maxTotalBytes} bytes in all`)
            if (
                bytes > limits.ratioFloorBytes &&
                bytes > limits.maxRatio * Math.max(1, entry.compressedSize)
            )
                throw new ZipLimitExceeded(
                    `${entry.fileName}: compressed more than ${limits.maxRatio}:1`
                )
            onChunk(chunk)
        }
    } finally {
        stream.destroy()
    }
}

/** The file entries of a zip from its central directory (no data read), within the limits */
const listEntries = async (zip: yauzl.ZipFile, limits: AppZipLimits): Promise<yauzl.Entry[]> => {
    if (zip.entryCount > limits.maxEntries)
        throw new ZipLimitExceeded(`more than ${limits.maxEntries} entries`)
    const entries: yauzl.Entry[] = []
    let declared = 0
    for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue
        if (entry.uncompressedSize > limits.maxEntryBytes)
            throw new ZipLimitExceeded(
                `${entry.fileName}: declares ${entry.uncompressedSize} bytes`
            )
        declared += entry.uncompressedSize
        if (declared > limits.maxTotalBytes)
            throw new ZipLimitExceeded(`declares over ${limits.maxTotalBytes} bytes in all`)
        entries.push(entry)
    }
    return entries
}

/** `ZipFileUtils.getTopLevelDirectory`: the one folder every entry is in, or '' */
const topLevelDirectory = (names: string[]): string => {
    const first = names[0]
    if (!first || !first.includes('/')) return ''
    const prefix = `${first.slice(0, first.indexOf('/'))}/`
    return names.every((n) => n.startsWith(prefix)) ? prefix : ''
}

// ---------------------------------------------------------------------------------------------
// App manager
// ---------------------------------------------------------------------------------------------

export class AppManager {
    private readonly apps = new Map<string, InstalledApp>()

    private readonly limits: AppZipLimits

    constructor(
        private readonly appsDir: string,
        private readonly dataStore: DataStore,
        private readonly log: (line: string) => void,
        limits: Partial<AppZipLimits> = {}
    ) {
        this.limits = { ...APP_ZIP_LIMITS, ...limits }
        mkdirSync(appsDir, { recursive: true })
        for (const name of readdirSync(appsDir)) {
            if (name.startsWith('.')) {
                // leftovers of an interrupted install
                rmSync(join(appsDir, name), { recursive: true, force: true })
                continue
            }
            const dir = join(appsDir, name)
            const manifestFile = join(dir, 'manifest.webapp')
            if (!existsSync(manifestFile)) continue
            try {
                const manifest = obj(parseJsonDict(readFileSync(manifestFile, 'utf8')))
                const key = manifest ? appKey(manifest) : undefined
                if (!manifest || !key) throw new Error('no name or short_name')
                this.register({ key, manifest, dir, installedAt: statSync(manifestFile).mtime })
                log(
                    `[demo] found installed app '${key}' (${str(manifest.version) ?? 'no version'})`
                )
            } catch (err) {
                log(
                    `[demo] skipping app folder ${name}: unreadable manifest.webapp (${String(err)})`
                )
            }
        }
    }

    list(): InstalledApp[] {
        return [...this.apps.values()].sort((a, b) => a.key.localeCompare(b.key))
    }

    get(key: string): InstalledApp | null {
        const direct = this.apps.get(key)
        if (direct) return direct
        // DefaultAppManager.getApp: also by original short name
        return this.list().find((a) => appShortName(a.manifest) === key) ?? null
    }

    /** `DefaultAppManager.isAccessible` */
    isAccessible(user: DemoUser, app: InstalledApp): boolean {
        return hasAnyAuthority(user, [APP_MANAGEMENT_AUTHORITY, seeAppAuthority(app.manifest)])
    }

    private register(app: InstalledApp): void {
        this.apps.set(app.key, app)
        for (const protection of appProtections(app.manifest)) {
            if (!this.dataStore.registerAppProtection(protection)) {
                this.log(
                    `[demo] app '${app.key}' reserves dataStore namespace '${protection.namespace}'; the server's own protection of it stays in force`
                )
            }
        }
    }

    private installQueue: Promise<unknown> = Promise.resolve()

    /** Installs (or replaces) an app from its zip; installs run one at a time */
    install(zipData: Buffer): Promise<InstallResult> {
        const run = this.installQueue.then(() => this.installNow(zipData))
        this.installQueue = run.catch(() => undefined)
        return run
    }

    private async installNow(zipData: Buffer): Promise<InstallResult> {
        const limits = this.limits
        if (zipData.length > limits.maxZipBytes) {
            return {
                ok: false,
                status: 'INVALID_ZIP_FORMAT',
                detail: `zip of ${zipData.length} bytes, over ${limits.maxZipBytes}`,
            }
        }
        let zip: yauzl.ZipFile
        try {
            zip = await yauzl.fromBufferPromise(zipData, { lazyEntries: true, autoClose: false })
        } catch (err) {
            return { ok: false, status: 'INVALID_ZIP_FORMAT', detail: String(err) }
        }
        const staging = join(this.appsDir, `.install-${randomUUID()}`)
        try {
            return await this.installFrom(zip, staging)
        } catch (err) {
            const status: AppStatus = isFileSystemError(err)
                ? 'INSTALLATION_FAILED'
                : 'INVALID_ZIP_FORMAT'
            return { ok: false, status, detail: String(err) }
        } finally {
            zip.close()
            rmSync(staging, { recursive: true, force: true })
        }
    }

    private async installFrom(zip: yauzl.ZipFile, staging: string): Promise<InstallResult> {
        const limits = this.limits
        const entries = await listEntries(zip, limits)
        const prefix = topLevelDirectory(entries.map((e) => e.fileName))
        const manifestEntry = entries.find((e) => e.fileName === `${prefix}manifest.webapp`)
        if (!manifestEntry) return { ok: false, status: 'MISSING_MANIFEST' }
        const budget: InflateBudget = { total: 0 }
        const manifestChunks: Buffer[] = []
        await inflateEntry(
            zip,
            manifestEntry,
            { ...limits, maxEntryBytes: limits.maxManifestBytes },
            budget,
            (chunk) => manifestChunks.push(chunk)
        )
        let manifest: Json | undefined
        try {
            manifest = obj(parseJsonDict(Buffer.concat(manifestChunks).toString('utf8')))
        } catch (err) {
            return { ok: false, status: 'INVALID_MANIFEST_JSON', detail: String(err) }
        }
        const key = manifest ? appKey(manifest) : undefined
        if (!manifest || !key) {
            return { ok: false, status: 'INVALID_MANIFEST_JSON', detail: 'no name or short_name' }
        }
        if (key.length > MAX_APP_KEY_LENGTH) {
            return { ok: false, status: 'SHORT_NAME_TOO_LONG', detail: `${key.length} characters` }
        }
        for (const ns of appNamespaces(manifest)) {
            const other = this.list().find(
                (a) => a.key !== key && appNamespaces(a.manifest).includes(ns)
            )
            if (other)
                return { ok: false, status: 'NAMESPACE_TAKEN', detail: `${ns} (app ${other.key})` }
        }
        const invalidNamespace = additionalNamespaces(manifest).find(
            (ns) =>
                !ns.namespace ||
                [
                    ns.authorities,
                    ns.readOnlyAuthorities,
                    ns.readAuthorities,
                    ns.writeAuthorities,
                ].every((list) => (list ?? []).length === 0)
        )
        if (invalidNamespace) return { ok: false, status: 'NAMESPACE_INVALID' }

        // every file streamed to the staging folder with a running byte count
        mkdirSync(staging, { recursive: true })
        for (const entry of entries) {
            if (!entry.fileName.startsWith(prefix)) continue
            const relative = normalize(entry.fileName.slice(prefix.length))
            if (relative.startsWith('..') || isAbsolute(relative) || relative === '.') continue
            const target = join(staging, relative)
            if (!target.startsWith(staging + sep)) continue
            mkdirSync(dirname(target), { recursive: true })
            const fd = openSync(target, 'w')
            try {
                await inflateEntry(zip, entry, limits, budget, (chunk) => writeSync(fd, chunk))
            } finally {
                closeSync(fd)
            }
        }

        const dir = join(this.appsDir, key)
        const retired = join(this.appsDir, `.old-${randomUUID()}`)
        const replaced = existsSync(dir)
        if (replaced) renameSync(dir, retired)
        renameSync(staging, dir)
        if (replaced) rmSync(retired, { recursive: true, force: true })

        const previous = this.apps.get(key)
        if (previous) {
            for (const ns of appNamespaces(previous.manifest))
                this.dataStore.unregisterAppProtection(ns)
        }
        const app: InstalledApp = { key, manifest, dir, installedAt: new Date() }
        this.register(app)
        const namespace = str(dhisActivity(manifest).namespace)
        this.log(
            `[demo] installed app '${key}' ${str(manifest.version) ?? ''}${replaced ? ' (replaced)' : ''}, namespace reserved: ${namespace ?? 'no namespace reserved'}`
        )
        return { ok: true, app, replaced }
    }

    /** Removes an app (and with `deleteAppData` its dataStore namespace) */
    delete(app: InstalledApp, deleteAppData: boolean): void {
        this.apps.delete(app.key)
        rmSync(app.dir, { recursive: true, force: true })
        for (const ns of appNamespaces(app.manifest)) {
            this.dataStore.unregisterAppProtection(ns)
            if (deleteAppData) this.dataStore.deleteNamespaceAsSystem(ns)
        }
        this.log(`[demo] removed app '${app.key}'${deleteAppData ? ' and its data' : ''}`)
    }

    /** The app as DHIS2 serialises `App` after `init(contextPath)` (null properties left out) */
    toJson(app: InstalledApp, baseUrl: string, href?: string): Json {
        const m = app.manifest
        const basePath = `/api/apps/${app.key}`
        const appBaseUrl = `${baseUrl}${basePath}`
        const launchPath = str(m.launch_path)
        const pluginLaunchPath = str(m.plugin_launch_path)
        const name = str(m.name)
        const dhis = { ...dhisActivity(m) }
        if (href !== undefined && (dhis.href === undefined || dhis.href === '*')) dhis.href = href
        const json: Json = {
            key: app.key,
            basePath,
            bundled: false,
            core_app: m.core_app === true,
            version: str(m.version),
            app_hub_id: str(m.app_hub_id),
            short_name: appShortName(m),
            name,
            appType: str(m.appType) ?? 'APP',
            launch_path: launchPath,
            plugin_launch_path: pluginLaunchPath,
            plugin_type: str(m.plugin_type),
            installs_allowed_from: Array.isArray(m.installs_allowed_from)
                ? m.installs_allowed_from
                : undefined,
            default_locale: str(m.default_locale),
            description: str(m.description),
            developer: obj(m.developer),
            icons: obj(m.icons),
            activities: { dhis },
            folderName: `apps/${app.key}`,
            launchUrl:
                name && launchPath ? `${appBaseUrl}/${launchPath.replace(/^\/+/, '')}` : undefined,
            pluginLaunchUrl:
                name && pluginLaunchPath
                    ? `${appBaseUrl}/${pluginLaunchPath.replace(/^\/+/, '')}`
                    : undefined,
            baseUrl: appBaseUrl,
            appStorageSource: 'JCLOUDS',
            shortcuts: Array.isArray(m.shortcuts) ? m.shortcuts : [],
            authorities: stringList(m.authorities),
            appState: 'OK',
            settings: obj(m.settings),
        }
        for (const k of Object.keys(json)) if (json[k] === undefined) delete json[k]
        return json
    }

    /** `WebModule.getModule(app)` for the apps menu */
    toWebModule(app: InstalledApp, baseUrl: string): Json {
        const json = this.toJson(app, baseUrl)
        const icon48 = str(obj(app.manifest.icons)?.['48'])
        const description = str(app.manifest.description)
        const module: Json = {
            name: app.key,
            namespace: json.basePath,
            defaultAction: json.launchUrl,
            displayName: str(app.manifest.name),
            // An app without icons gets a generic one: the header bar needs a path for every module
            icon: icon48
                ? `${String(json.basePath).replace('/api/', '/')}/${icon48}`
                : '/staticContent/logo_front',
            description: description?.slice(0, 80),
            version: str(app.manifest.version),
            shortcuts: json.shortcuts,
        }
        for (const k of Object.keys(module)) if (module[k] === undefined) delete module[k]
        return module
    }

    /** Modules of the apps menu: installed apps of type APP with a launch path, that the user may open */
    menu(user: DemoUser, baseUrl: string): Json[] {
        return this.list()
            .filter(
                (a) =>
                    (str(a.manifest.appType) ?? 'APP') === 'APP' &&
                    str(a.manifest.launch_path) !== undefined &&
                    this.isAccessible(user, a)
            )
            .map((a) => this.toWebModule(a, baseUrl))
    }

    /** The file for a resource path inside the app, a redirect for a folder, or null */
    resolve(
        app: InstalledApp,
        resource: string
    ): { kind: 'file'; file: string } | { kind: 'folder' } | null {
        const withIndex =
            resource === '' || resource.endsWith('/') ? `${resource}index.html` : resource
        const relative = normalize(withIndex)
        if (relative.startsWith('..') || relative.startsWith(sep)) return null
        const file = join(app.dir, relative)
        if (!file.startsWith(app.dir + sep)) return null
        if (!existsSync(file)) return null
        return statSync(file).isDirectory() ? { kind: 'folder' } : { kind: 'file', file }
    }
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

/** `GET /api/apps?filter=<field>:<op>:<value>` (DefaultAppManager.filterApps) */
const matchesAppFilter = (app: InstalledApp, field: string, op: string, value: string): boolean => {
    const m = app.manifest
    const text = (v: string | undefined): boolean => {
        if (v === undefined) return false
        if (op === 'eq') return v === value
        if (op === 'like') return v.includes(value)
        return v.toLowerCase().includes(value.toLowerCase())
    }
    switch (field.toLowerCase()) {
        case 'name':
            return text(str(m.name))
        case 'shortname':
            return text(appShortName(m))
        case 'apptype':
            return (str(m.appType) ?? 'APP').toUpperCase() === value.toUpperCase()
        case 'plugintype':
            return (str(m.plugin_type) ?? '').toUpperCase() === value.toUpperCase()
        case 'bundled':
            return value.toLowerCase() === 'false'
        default:
            return true
    }
}

const landingPage = (ctx: PlatformContext, user: DemoUser, baseUrl: string): string => {
    const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    const title = esc(ctx.systemSettings.getString('applicationTitle'))
    const items = ctx.apps
        .menu(user, baseUrl)
        .map(
            (m) =>
                `<li><a href="${esc(String(m.defaultAction))}">${esc(String(m.displayName ?? m.name))}</a></li>`
        )
        .join('')
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:Roboto,Arial,sans-serif;margin:40px;color:#212934}a{color:#147cd7}</style></head>
<body><h1>${title}</h1><p>Logged in as ${esc(user.displayName)} (${esc(user.username)}).
<a href="${baseUrl}/dhis-web-commons-security/logout.action">Log out</a></p>
${items ? `<h2>Apps</h2><ul>${items}</ul>` : '<p>No apps are installed yet. Install one with <code>POST /api/apps</code> (multipart field <code>file</code>).</p>'}
</body></html>`
}

export const appRoutes = (ctx: PlatformContext): DemoRoute[] => {
    const apps = ctx.apps
    const userOf = (req: DemoRequest): DemoUser => {
        if (!req.user) throw new Error('route called without a user')
        return req.user
    }
    const menu = (req: DemoRequest): DemoResponse => ({
        status: 200,
        json: { modules: apps.menu(userOf(req), req.baseUrl) },
    })

    const serve = (req: DemoRequest): DemoResponse => {
        const user = userOf(req)
        const key = req.params.key ?? ''
        const app = apps.get(key)
        if (!app) return plain(404, `App '${key}' not found.`)
        if (!apps.isAccessible(user, app))
            return forbidden(`You don't have access to application ${key}.`)
        const resource = req.params['*'] ?? ''
        if (resource === '' && !req.path.endsWith('/')) {
            return { status: 302, headers: { Location: `${req.baseUrl}/api/apps/${app.key}/` } }
        }
        if (resource === 'manifest.webapp') {
            return { status: 200, json: apps.toJson(app, req.baseUrl, req.baseUrl) }
        }
        const found = apps.resolve(app, resource)
        if (!found) return plain(404, `App resource not found: '${resource}'`)
        if (found.kind === 'folder') {
            return {
                status: 302,
                headers: { Location: `${req.baseUrl}/api/apps/${app.key}/${resource}/` },
            }
        }
        const stat = statSync(found.file)
        const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000)
        const since = req.headers['if-modified-since']
        if (
            since &&
            !Number.isNaN(Date.parse(since)) &&
            Date.parse(since) >= lastModified.getTime()
        ) {
            return { status: 304, headers: { 'Last-Modified': lastModified.toUTCString() } }
        }
        const headers = {
            'Content-Type': contentTypeFor(found.file),
            'Last-Modified': lastModified.toUTCString(),
        }
        if (/(^|\/)(index|plugin)\.html$/.test(found.file)) {
            const html = readFileSync(found.file, 'utf8')
                .split('__DHIS2_BASE_URL__')
                .join(req.baseUrl)
                .split('__DHIS2_APP_ROOT_URL__')
                .join(`${req.baseUrl}/api/apps/${app.key}`)
            return { status: 200, body: html, headers }
        }
        return { status: 200, body: readFileSync(found.file), headers }
    }

    return [
        {
            method: 'GET',
            pattern: '/api/apps',
            handler: (req) => {
                const user = userOf(req)
                const key = req.query.get('key')
                let visible = apps.list().filter((a) => apps.isAccessible(user, a))
                for (const filter of req.query.getAll('filter')) {
                    const [field = '', op = '', ...rest] = filter.split(':')
                    const value = rest.join(':')
                    if (rest.length === 0 || !['eq', 'ilike', 'like'].includes(op)) {
                        return plain(409, `Invalid filter: ${filter}`)
                    }
                    visible = visible.filter((a) => matchesAppFilter(a, field, op, value))
                }
                if (key != null) {
                    const app = visible.find((a) => a.key === key)
                    if (!app) return { status: 404 }
                    return { status: 200, json: [apps.toJson(app, req.baseUrl)] }
                }
                return { status: 200, json: visible.map((a) => apps.toJson(a, req.baseUrl)) }
            },
        },
        {
            method: 'POST',
            pattern: '/api/apps',
            handler: async (req) => {
                if (!hasAnyAuthority(userOf(req), [APP_MANAGEMENT_AUTHORITY])) {
                    return forbidden(ACCESS_IS_DENIED)
                }
                let file
                try {
                    file = (await parseMultipart(req, APP_ZIP_LIMITS.maxZipBytes)).files.find(
                        (f) => f.field === 'file'
                    )
                } catch (err) {
                    if (err instanceof FileTooLarge) {
                        ctx.log(`[demo] app install failed: INVALID_ZIP_FORMAT (${err.message})`)
                        return plain(409, APP_STATUS_MESSAGES.INVALID_ZIP_FORMAT)
                    }
                    file = undefined
                }
                if (!file)
                    return messageResponse(400, "Required request part 'file' is not present")
                const result = await apps.install(file.data)
                if (!result.ok) {
                    ctx.log(
                        `[demo] app install failed: ${result.status}${result.detail ? ` (${result.detail})` : ''}`
                    )
                    return plain(409, APP_STATUS_MESSAGES[result.status])
                }
                return noContent()
            },
        },
        {
            method: 'DELETE',
            pattern: '/api/apps/:key',
            handler: (req) => {
                if (!hasAnyAuthority(userOf(req), [APP_MANAGEMENT_AUTHORITY])) {
                    return forbidden(ACCESS_IS_DENIED)
                }
                const key = req.params.key ?? ''
                const app = apps.get(key)
                if (!app) return plain(404, `App does not exist: ${key}`)
                apps.delete(app, queryFlag(req, 'deleteAppData'))
                return noContent()
            },
        },
        { method: 'GET', pattern: '/api/apps/menu', handler: menu },
        { method: 'GET', pattern: '/dhis-web-commons/menu/getModules.action', handler: menu },
        { method: 'GET', pattern: '/api/apps/:key/*', handler: serve },
        {
            method: 'GET',
            pattern: '/',
            handler: (req): DemoResponse => {
                const user = userOf(req)
                const start = ctx.systemSettings.getString('startModule')
                if (start.startsWith('app:')) {
                    const app = apps.get(start.slice(4))
                    if (app && apps.isAccessible(user, app) && str(app.manifest.launch_path)) {
                        return {
                            status: 302,
                            headers: { Location: String(apps.toJson(app, req.baseUrl).launchUrl) },
                        }
                    }
                }
                return {
                    status: 200,
                    body: landingPage(ctx, user, req.baseUrl),
                    headers: { 'Content-Type': 'text/html;charset=UTF-8' },
                }
            },
        },
    ]
}

/**
 * Where a successful login goes when no page was waiting: the start module. The demo serves no
 * DHIS2 core apps, so a start module it cannot show (e.g. `dhis-web-dashboard`, or an app that is
 * not installed) leads to `/` instead.
 */
export const startModuleUrl = (ctx: PlatformContext): string => {
    const start = ctx.systemSettings.getString('startModule')
    if (start.startsWith('app:')) {
        const app = ctx.apps.get(start.slice(4))
        if (app && str(app.manifest.launch_path)) return `/api/apps/${app.key}/`
    }
    return '/'
}
