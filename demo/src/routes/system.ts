/**
 * System endpoints the app shell, header bar and login modal call: `system/info`, `loginConfig`,
 * `me` (+ `authorization`, `dashboard`, `settings`), `userSettings`, `systemSettings`,
 * `staticContent`, `locales`, `messageConversations`, `ping`, `system/id`.
 *
 * Shapes follow dhis2-core 2.41 (`SystemController`, `MeController`/`MeDto`,
 * `UserSettingController`, `SystemSettingController`, `StaticContentController`,
 * `LoginConfigController`).
 */
import { DEFAULT_DHIS2_VERSION } from './dhis2-version'
import { randomInt } from 'node:crypto'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { SYSTEM_SETTING_AUTHORITY, hasAuthority, isSuperuser } from '../auth/users'
import { isUserSettingKey } from '../auth/userSettings'
import type { DemoDb } from '../data/model'
import { uidFor } from '../data/uid'
import type { PlatformContext } from '../http/context'
import { dhis2Date } from '../http/dates'
import { selectFields } from '../http/fields'
import { emptyDict, hasOwn } from '../http/ownKeys'
import { encodePng } from '../http/png'
import { accepts, fieldsParam, jsonBody, queryFlag } from '../http/request'
import { loadJsonState, writeJsonAtomic } from '../http/stateFile'
import type { DemoRequest, DemoResponse, DemoRoute, DemoUser } from '../http/types'
import { ACCESS_IS_DENIED, forbidden, noContent, notFound, ok, plain } from '../http/webMessages'

/** The DHIS2 version the demo answers as by default (`--dhis2-version`, routes/dhis2-version.ts) */
export const DEMO_DHIS2_VERSION = DEFAULT_DHIS2_VERSION

// ---------------------------------------------------------------------------------------------
// System settings
// ---------------------------------------------------------------------------------------------

type SettingValue = string | number | boolean

/**
 * DHIS2 `SettingKey` defaults (a subset: the keys apps and the platform read). Keys not listed here
 * are "not supported" as in DHIS2.
 */
export const SYSTEM_SETTING_DEFAULTS: Record<string, SettingValue | null> = {
    applicationTitle: 'DHIS 2',
    keyApplicationIntro: '',
    keyApplicationNotification: '',
    keyApplicationFooter: '',
    keyApplicationRightFooter: '',
    loginPopup: '',
    keyFlag: 'dhis2',
    startModule: 'dhis-web-dashboard',
    helpPageLink:
        'https://dhis2.github.io/dhis2-docs/master/en/user/html/dhis2_user_manual_en.html',
    keyUseCustomLogoFront: false,
    keyUseCustomLogoBanner: false,
    keyCustomLoginPageLogo: false,
    keyCustomTopMenuLogo: false,
    keyStyle: 'light_blue/light_blue.css',
    keyUiLocale: 'en',
    keyDbLocale: null,
    keyAnalysisDisplayProperty: 'name',
    keyAnalysisDigitGroupSeparator: 'SPACE',
    keyAnalysisRelativePeriod: 'LAST_12_MONTHS',
    keyCalendar: 'iso8601',
    keyDateFormat: 'yyyy-MM-dd',
    keyCacheStrategy: 'CACHE_6AM_TOMORROW',
    keyCacheability: 'PUBLIC',
    keyAnalyticsMaxLimit: 100000,
    keyHideUnapprovedDataInAnalytics: false,
    keyIgnoreAnalyticsApprovalYearThreshold: -1,
    keyAnalyticsMaintenanceMode: false,
    keyAccountRecovery: false,
    keySelfRegistrationNoRecaptcha: false,
    keyCustomTranslationsEnabled: false,
    keyMessageEmailNotification: false,
    keyMessageSmsNotification: false,
    keyRequireAddToView: false,
    keyAllowObjectAssignment: false,
    keyEmailHostName: null,
    keyEmailPort: 587,
    keyEmailSender: 'no-reply@dhis2.org',
    keyEmailPassword: '',
    keyRemoteInstancePassword: '',
    recaptchaSecret: '',
    minPasswordLength: 8,
    maxPasswordLength: 72,
    keyLoginPageLayout: 'DEFAULT',
}

/** Never returned by the API (DHIS2 `SettingKey.confidential`) */
const CONFIDENTIAL = new Set(['keyEmailPassword', 'keyRemoteInstancePassword', 'recaptchaSecret'])

/** The demo's own values, on top of DHIS2's defaults */
export const DEMO_SYSTEM_SETTINGS: Record<string, SettingValue> = {
    applicationTitle: 'Triangulate Demo',
    keyApplicationIntro: 'A generated country for trying the Triangulate app (HMIS and LMIS).',
    startModule: 'app:triangulate',
    // The demo brands its header bar with its own banner logo (served below), as many countries do.
    keyUseCustomLogoBanner: true,
}

const coerce = (key: string, value: string): SettingValue => {
    const def = SYSTEM_SETTING_DEFAULTS[key]
    if (typeof def === 'boolean') return value.toLowerCase() === 'true'
    if (typeof def === 'number') {
        const n = Number(value)
        return Number.isFinite(n) ? n : value
    }
    return value
}

/** System settings with DHIS2 defaults, demo values, and changes persisted to `systemSettings.json`. */
export class SystemSettingsStore {
    private readonly file: string
    private readonly saved: Record<string, SettingValue>

    constructor(
        stateDir: string,
        private readonly overrides: Record<string, SettingValue>,
        log: (line: string) => void
    ) {
        this.file = join(stateDir, 'systemSettings.json')
        const loaded = loadJsonState(
            this.file,
            (json) => {
                if (typeof json !== 'object' || json === null || Array.isArray(json)) {
                    throw new Error('expected an object of setting key to value')
                }
                return json as Record<string, SettingValue>
            },
            log
        )
        this.saved = emptyDict<SettingValue>()
        if (loaded.kind === 'ok') {
            for (const [key, value] of Object.entries(loaded.value))
                if (this.isSupported(key)) this.saved[key] = value
        }
    }

    isSupported(key: string): boolean {
        return Object.prototype.hasOwnProperty.call(SYSTEM_SETTING_DEFAULTS, key)
    }

    isConfidential(key: string): boolean {
        return CONFIDENTIAL.has(key)
    }

    get(key: string): SettingValue | null {
        // own keys only: `constructor` or `__proto__` is no setting
        if (hasOwn(this.saved, key)) return this.saved[key] ?? null
        if (hasOwn(this.overrides, key)) return this.overrides[key] ?? null
        return hasOwn(SYSTEM_SETTING_DEFAULTS, key) ? (SYSTEM_SETTING_DEFAULTS[key] ?? null) : null
    }

    getString(key: string): string {
        const value = this.get(key)
        return value == null ? '' : String(value)
    }

    getBoolean(key: string): boolean {
        return this.get(key) === true
    }

    /** Non-confidential settings, all or the given keys (unknown keys are skipped, as DHIS2). */
    getAll(keys?: readonly string[]): Record<string, SettingValue> {
        const names = keys ?? Object.keys(SYSTEM_SETTING_DEFAULTS)
        const out: Record<string, SettingValue> = {}
        for (const key of names) {
            if (!this.isSupported(key) || this.isConfidential(key)) continue
            const value = this.get(key)
            if (value != null) out[key] = value
        }
        return out
    }

    /** Saves a value given as text, typed by the key's default; returns the stored value */
    set(key: string, value: string): SettingValue {
        const typed = coerce(key, value)
        this.saved[key] = typed
        writeJsonAtomic(this.file, this.saved)
        return typed
    }

    remove(key: string): void {
        delete this.saved[key]
        writeJsonAtomic(this.file, this.saved)
    }
}

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

const orgUnitObjects = (db: DemoDb, ids: string[]): Record<string, unknown>[] =>
    ids.flatMap((id) => {
        const ou = db.orgUnitById.get(id)
        return ou
            ? [
                  {
                      id: ou.id,
                      code: ou.code,
                      name: ou.name,
                      displayName: ou.name,
                      shortName: ou.shortName,
                      displayShortName: ou.shortName,
                      level: ou.level,
                      path: ou.path,
                      openingDate: ou.openingDate,
                      ...(ou.parentId ? { parent: { id: ou.parentId } } : {}),
                  },
              ]
            : []
    })

const FULL_ACCESS = {
    manage: true,
    externalize: true,
    write: true,
    read: true,
    update: true,
    delete: true,
}

/** `/api/me` before field filtering (DHIS2 `MeDto`) */
export const meObject = (ctx: PlatformContext, user: DemoUser): Record<string, unknown> => {
    const created = dhis2Date(ctx.startedAt)
    return {
        id: user.id,
        username: user.username,
        surname: user.surname,
        firstName: user.firstName,
        created,
        lastUpdated: created,
        dataViewOrganisationUnits: orgUnitObjects(ctx.db, user.dataViewOrganisationUnits),
        favorites: [],
        sharing: { external: false, users: {}, userGroups: {} },
        userGroupAccesses: [],
        userAccesses: [],
        userGroups: user.userGroups.map((g) => ({ id: g.id, name: g.name, displayName: g.name })),
        translations: [],
        teiSearchOrganisationUnits: [],
        organisationUnits: orgUnitObjects(ctx.db, user.organisationUnits),
        externalAccess: false,
        displayName: user.displayName,
        access: FULL_ACCESS,
        name: user.displayName,
        ...(user.email ? { email: user.email } : {}),
        userRoles: user.userRoles.map((r) => ({
            id: r.id,
            name: r.name,
            displayName: r.name,
            authorities: user.authorities,
        })),
        settings: ctx.userSettings.getAll(user, (key) => ctx.systemSettings.get(key)),
        programs: [],
        authorities: [...user.authorities],
        dataSets: ctx.db.dataSets.map((ds) => ds.id),
        patTokens: [],
    }
}

/** `GET /api/system/info` (DHIS2 `SystemInfo`; sensitive server details are left out) */
/** The text of a `filter=<field>:ilike:<text>` parameter, lower case */
const ilikeFilter = (req: DemoRequest, field: string): string | undefined => {
    for (const f of req.query.getAll('filter')) {
        const [name, op, ...rest] = f.split(':')
        if (name === field && op === 'ilike') return rest.join(':').toLowerCase()
    }
    return undefined
}

/** A DHIS2 list response with paging (`page`, `pageSize`) */
/** `UserLookup.fromUser` (dhis2-core): the non-sensitive fields of a user */
const userLookup = (u: DemoUser) => ({
    id: u.id,
    username: u.username,
    firstName: u.firstName,
    surname: u.surname,
    displayName: `${u.firstName} ${u.surname}`,
})

const listOf = (
    req: DemoRequest,
    name: string,
    all: Record<string, unknown>[]
): { status: number; json: Record<string, unknown> } => {
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
    const pageSize = Math.max(1, Number(req.query.get('pageSize') ?? 50) || 50)
    const slice = all.slice((page - 1) * pageSize, page * pageSize)
    return {
        status: 200,
        json: {
            pager: {
                page,
                pageCount: Math.max(1, Math.ceil(all.length / pageSize)),
                total: all.length,
                pageSize,
            },
            [name]: slice,
        },
    }
}

const systemInfo = (ctx: PlatformContext, req: DemoRequest): Record<string, unknown> => {
    const now = new Date()
    const sinceAnalytics = Math.max(0, Math.round((now.getTime() - ctx.startedAt.getTime()) / 1000))
    const h = Math.floor(sinceAnalytics / 3600)
    const m = Math.floor((sinceAnalytics % 3600) / 60)
    const s = sinceAnalytics % 60
    const info: Record<string, unknown> = {
        contextPath: req.baseUrl,
        userAgent: req.headers['user-agent'] ?? '',
        calendar: ctx.systemSettings.getString('keyCalendar'),
        dateFormat: ctx.systemSettings.getString('keyDateFormat').toLowerCase(),
        serverDate: dhis2Date(now),
        serverTimeZoneId: 'Etc/UTC',
        serverTimeZoneDisplayName: 'Coordinated Universal Time',
        lastAnalyticsTableSuccess: dhis2Date(ctx.startedAt),
        intervalSinceLastAnalyticsTableSuccess: `${h} h, ${m} m, ${s} s`,
        lastAnalyticsTableRuntime: '0 s',
        version: ctx.dhis2Version,
        revision: 'triangulate-demo',
        buildTime: dhis2Date(ctx.startedAt),
        jasperReportsVersion: '6.20.1',
        environmentVariable: 'DHIS2_HOME',
        readOnlyMode: 'off',
        emailConfigured: false,
        redisEnabled: false,
        systemId: uidFor('system:triangulate-demo'),
        systemName: ctx.systemSettings.getString('applicationTitle'),
        instanceBaseUrl: req.baseUrl,
        isMetadataVersionEnabled: false,
        isMetadataSyncEnabled: false,
    }
    if (req.user && isSuperuser(req.user)) {
        Object.assign(info, {
            cpuCores: cpus().length,
            encryption: false,
            fileStoreProvider: 'filesystem',
            nodeId: 'demo',
            javaVersion: `node ${process.version}`,
            osName: process.platform,
            osArchitecture: process.arch,
        })
    }
    return info
}

/** `GET /api/loginConfig` (DHIS2 `LoginConfigResponse`) */
const loginConfig = (ctx: PlatformContext): Record<string, unknown> => {
    const s = ctx.systemSettings
    return {
        applicationTitle: s.getString('applicationTitle'),
        applicationDescription: s.getString('keyApplicationIntro'),
        applicationNotification: s.getString('keyApplicationNotification'),
        applicationLeftSideFooter: s.getString('keyApplicationFooter'),
        applicationRightSideFooter: s.getString('keyApplicationRightFooter'),
        loginPopup: s.getString('loginPopup'),
        countryFlag: s.getString('keyFlag'),
        uiLocale: s.getString('keyUiLocale') || 'en',
        selfRegistrationNoRecaptcha: s.getBoolean('keySelfRegistrationNoRecaptcha'),
        allowAccountRecovery: s.getBoolean('keyAccountRecovery'),
        useCustomLogoFront: s.getBoolean('keyUseCustomLogoFront'),
        emailConfigured: false,
        selfRegistrationEnabled: false,
        apiVersion: ctx.dhis2Version,
        loginPageLayout: s.getString('keyLoginPageLayout'),
        minPasswordLength: s.getString('minPasswordLength'),
        maxPasswordLength: s.getString('maxPasswordLength'),
        oidcProviders: [],
    }
}

const UI_LOCALES = ['ar', 'en', 'es', 'fr', 'pt']

const webLocales = (codes: string[], userLocale: string): Record<string, string>[] => {
    const inUserLocale = new Intl.DisplayNames([userLocale, 'en'], { type: 'language' })
    return codes.map((locale) => {
        const native = new Intl.DisplayNames([locale], { type: 'language' })
        return {
            locale,
            name: native.of(locale) ?? locale,
            displayName: inUserLocale.of(locale) ?? locale,
        }
    })
}

/** A plain blue banner logo (DHIS2 serves its default from `dhis-web-commons/css/<style>/`) */
export const DEMO_LOGO_PNG = encodePng(48, 24, (x, y) =>
    (x - 24) ** 2 / 4 + (y - 12) ** 2 < 64 ? [255, 255, 255, 255] : [44, 102, 147, 255]
)

const UID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const randomUid = (): string => {
    let uid = UID_CHARS[randomInt(52)] as string
    for (let i = 1; i < 11; i++) uid += UID_CHARS[randomInt(UID_CHARS.length)]
    return uid
}

const text = (
    status: number,
    body: string,
    headers: Record<string, string> = {}
): DemoResponse => ({
    status,
    body,
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
})

const NO_CACHE = { 'Cache-Control': 'no-cache, private' }

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export const systemRoutes = (ctx: PlatformContext): DemoRoute[] => {
    const systemLookup = (key: string): unknown => ctx.systemSettings.get(key)
    const currentUser = (req: DemoRequest): DemoUser => {
        if (!req.user) throw new Error('route called without a user')
        return req.user
    }

    const staticContentJson = (req: DemoRequest, key: string): DemoResponse => {
        if (key !== 'logo_banner' && key !== 'logo_front') return notFound('Key does not exist.')
        const setting = key === 'logo_banner' ? 'keyUseCustomLogoBanner' : 'keyUseCustomLogoFront'
        if (!ctx.systemSettings.getBoolean(setting)) return plain(404, 'No custom file found.')
        // DHIS2 answers the descriptor with status 302 FOUND (and no Location header)
        return {
            status: 302,
            json: { images: { png: `${req.baseUrl}/api/staticContent/${key}` } },
        }
    }

    const png = (): DemoResponse => ({
        status: 200,
        body: DEMO_LOGO_PNG,
        headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' },
    })

    const userSettingValue = (req: DemoRequest): string | null => {
        const fromQuery = req.query.get('value')
        if (fromQuery != null && fromQuery !== '') return fromQuery
        const body = req.body.toString('utf8')
        if (!body) return null
        // the payload is the raw value; a JSON string literal is unwrapped
        const parsed = jsonBody(req)
        return typeof parsed === 'string' ? parsed : body
    }

    return [
        // --- ping --------------------------------------------------------------------------
        { method: 'GET', pattern: '/api/ping', public: true, handler: () => text(200, 'pong') },
        {
            method: 'GET',
            pattern: '/api/system/ping',
            public: true,
            handler: () => text(200, 'pong'),
        },

        // --- system info, login config -----------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/system/info',
            handler: (req) => ({
                status: 200,
                json: selectFields(systemInfo(ctx, req), fieldsParam(req)),
            }),
        },
        {
            method: 'GET',
            pattern: '/api/system/id',
            handler: (req) => {
                const limit = Math.min(10000, Math.max(1, Number(req.query.get('limit') ?? 1) || 1))
                return { status: 200, json: { codes: Array.from({ length: limit }, randomUid) } }
            },
        },
        {
            method: 'GET',
            pattern: '/api/loginConfig',
            public: true,
            handler: () => ({ status: 200, json: loginConfig(ctx) }),
        },

        // --- users and user groups (the app's editors search) -------------------------------
        // dhis2-core `UserGroupController`/`UserController` lists: `{ pager, userGroups|users }`,
        // `filter=displayName:ilike:<text>` (groups) and `query=<text>` (users: name, username)
        {
            method: 'GET',
            pattern: '/api/userGroups',
            handler: (req) => {
                const groups = new Map<string, { id: string; name: string }>()
                for (const u of ctx.users.all()) for (const g of u.userGroups) groups.set(g.id, g)
                const text = ilikeFilter(req, 'displayName') ?? ilikeFilter(req, 'name')
                const list = [...groups.values()]
                    .filter((g) => !text || g.name.toLowerCase().includes(text))
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((g) => ({ id: g.id, name: g.name, displayName: g.name }))
                return listOf(req, 'userGroups', list)
            },
        },
        {
            method: 'GET',
            pattern: '/api/users',
            handler: (req) => {
                const text = (req.query.get('query') ?? '').trim().toLowerCase()
                const list = ctx.users
                    .all()
                    .filter(
                        (u) =>
                            !text ||
                            u.displayName.toLowerCase().includes(text) ||
                            u.username.toLowerCase().includes(text)
                    )
                    .sort((a, b) => a.displayName.localeCompare(b.displayName))
                    .map((u) => ({
                        id: u.id,
                        name: u.displayName,
                        displayName: u.displayName,
                        username: u.username,
                    }))
                return listOf(req, 'users', list)
            },
        },
        // --- user lookup (any logged-in user) ----------------------------------------------
        // dhis2-core `UserLookupController`: no authority; `query` required (Spring's 400 when
        // missing), at most 25 users (`UserQueryParams.setMax(25)`) matching the text in the name
        // (first name + surname), username or email (`HibernateUserStore` `query`), each as
        // `UserLookup.fromUser`: id, username, firstName, surname, displayName; `/{id}` by uid or
        // username (`getUserByIdentifier`), an empty body when unknown.
        {
            method: 'GET',
            pattern: '/api/userLookup',
            handler: (req) => {
                const query = req.query.get('query')
                if (query === null) {
                    return plain(
                        400,
                        "Required request parameter 'query' for method parameter type String is not present"
                    )
                }
                const text = query.trim().toLowerCase()
                const users = ctx.users
                    .all()
                    .filter(
                        (u) =>
                            `${u.firstName} ${u.surname}`.toLowerCase().includes(text) ||
                            u.username.toLowerCase().includes(text) ||
                            (u.email ?? '').toLowerCase().includes(text)
                    )
                    .sort((a, b) => a.username.localeCompare(b.username))
                    .slice(0, 25)
                    .map(userLookup)
                return { status: 200, json: { users } }
            },
        },
        {
            method: 'GET',
            pattern: '/api/userLookup/:id',
            handler: (req) => {
                const id = req.params.id ?? ''
                const user = ctx.users.all().find((u) => u.id === id || u.username === id)
                return user ? { status: 200, json: userLookup(user) } : { status: 200, body: '' }
            },
        },
        // --- me ------------------------------------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/me',
            handler: (req) => ({
                status: 200,
                json: selectFields(meObject(ctx, currentUser(req)), fieldsParam(req)),
                headers: NO_CACHE,
            }),
        },
        ...['/api/me/authorization', '/api/me/authorities'].map((pattern): DemoRoute => ({
            method: 'GET',
            pattern,
            handler: (req) => ({
                status: 200,
                json: [...currentUser(req).authorities],
                headers: { 'Cache-Control': 'no-store' },
            }),
        })),
        ...['/api/me/authorization/:authority', '/api/me/authorities/:authority'].map(
            (pattern): DemoRoute => ({
                method: 'GET',
                pattern,
                handler: (req) => ({
                    status: 200,
                    json: hasAuthority(currentUser(req), req.params.authority ?? ''),
                    headers: { 'Cache-Control': 'no-store' },
                }),
            })
        ),
        {
            method: 'GET',
            pattern: '/api/me/dashboard',
            handler: () => ({
                status: 200,
                json: { unreadMessageConversations: 0, unreadInterpretations: 0 },
                headers: { 'Cache-Control': 'no-store' },
            }),
        },
        {
            method: 'GET',
            pattern: '/api/me/settings',
            handler: (req) => {
                const keys = req.query.getAll('key')
                return {
                    status: 200,
                    json: ctx.userSettings.getAll(
                        currentUser(req),
                        systemLookup,
                        true,
                        keys.length > 0 ? keys : undefined
                    ),
                    headers: NO_CACHE,
                }
            },
        },
        {
            method: 'GET',
            pattern: '/api/me/settings/:key',
            handler: (req) => ({
                status: 200,
                json:
                    ctx.userSettings.get(currentUser(req), req.params.key ?? '', systemLookup) ??
                    null,
            }),
        },

        // --- user settings ---------------------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/userSettings',
            handler: (req) => {
                const user = currentUser(req)
                const keys = req.query.getAll('key')
                const unknown = keys.find((k) => !isUserSettingKey(k))
                if (unknown) return plain(404, `No user setting found with key: ${unknown}`)
                return {
                    status: 200,
                    json: ctx.userSettings.getAll(
                        user,
                        systemLookup,
                        queryFlag(req, 'useFallback', true),
                        keys.length > 0 ? keys : undefined
                    ),
                    headers: NO_CACHE,
                }
            },
        },
        {
            method: 'GET',
            pattern: '/api/userSettings/:key',
            handler: (req) => {
                const key = req.params.key ?? ''
                if (!isUserSettingKey(key))
                    return plain(404, `No user setting found with key: ${key}`)
                const value = ctx.userSettings.get(
                    currentUser(req),
                    key,
                    systemLookup,
                    queryFlag(req, 'useFallback', true)
                )
                // DHIS2 prints the value as text/plain ("null" when unset)
                return text(200, value === undefined ? 'null' : String(value), NO_CACHE)
            },
        },
        {
            method: 'POST',
            pattern: '/api/userSettings/:key',
            handler: (req) => {
                const key = req.params.key ?? ''
                if (!isUserSettingKey(key))
                    return plain(404, `No user setting found with key: ${key}`)
                const value = userSettingValue(req)
                if (!value) return plain(409, 'You need to specify a new value')
                ctx.userSettings.set(currentUser(req), key, value)
                return ok('User setting saved')
            },
        },
        {
            method: 'DELETE',
            pattern: '/api/userSettings/:key',
            handler: (req) => {
                const key = req.params.key ?? ''
                if (!isUserSettingKey(key))
                    return plain(404, `No user setting found with key: ${key}`)
                ctx.userSettings.remove(currentUser(req), key)
                return { status: 200 }
            },
        },

        // --- system settings -------------------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/systemSettings',
            handler: (req) => {
                const keys = req.query.getAll('key')
                return {
                    status: 200,
                    json: ctx.systemSettings.getAll(keys.length > 0 ? keys : undefined),
                    headers: NO_CACHE,
                }
            },
        },
        {
            method: 'GET',
            pattern: '/api/systemSettings/:key',
            handler: (req) => {
                const key = req.params.key ?? ''
                const known =
                    ctx.systemSettings.isSupported(key) && !ctx.systemSettings.isConfidential(key)
                const value = known ? (ctx.systemSettings.get(key) ?? '') : ''
                if (!accepts(req, 'application/json') && accepts(req, 'text/plain')) {
                    return text(200, String(value), NO_CACHE)
                }
                if (!known) return notFound('Setting does not exist or is marked as confidential')
                return { status: 200, json: { [key]: value }, headers: NO_CACHE }
            },
        },
        {
            method: 'POST',
            pattern: '/api/systemSettings/:key',
            handler: (req) => {
                const user = currentUser(req)
                if (!hasAuthority(user, SYSTEM_SETTING_AUTHORITY))
                    return forbidden(ACCESS_IS_DENIED)
                const key = req.params.key ?? ''
                const value =
                    req.query.get('value') ??
                    (req.body.length > 0 ? req.body.toString('utf8') : null)
                if (value == null) {
                    return plain(409, 'Value must be specified as query param or as payload')
                }
                if (!ctx.systemSettings.isSupported(key))
                    return plain(409, `Key is not supported: ${key}`)
                const stored = ctx.systemSettings.set(key, value)
                return ok(`System setting '${key}' set to value '${String(stored)}'.`)
            },
        },
        {
            method: 'POST',
            pattern: '/api/systemSettings',
            handler: (req) => {
                const user = currentUser(req)
                if (!hasAuthority(user, SYSTEM_SETTING_AUTHORITY))
                    return forbidden(ACCESS_IS_DENIED)
                const body = jsonBody(req)
                if (typeof body !== 'object' || body === null || Array.isArray(body)) {
                    return plain(400, 'Request body must be a JSON object')
                }
                const entries = Object.entries(body as Record<string, unknown>)
                const invalid = entries.filter(([k]) => !ctx.systemSettings.isSupported(k))
                if (invalid.length > 0) {
                    return plain(
                        409,
                        `Key(s) is not supported: ${invalid.map(([k]) => k).join(', ')}`
                    )
                }
                for (const [k, v] of entries) ctx.systemSettings.set(k, String(v))
                return ok('System settings imported')
            },
        },
        {
            method: 'DELETE',
            pattern: '/api/systemSettings/:key',
            handler: (req) => {
                const user = currentUser(req)
                if (!hasAuthority(user, SYSTEM_SETTING_AUTHORITY))
                    return forbidden(ACCESS_IS_DENIED)
                const key = req.params.key ?? ''
                if (!ctx.systemSettings.isSupported(key))
                    return plain(409, `Key is not supported: ${key}`)
                ctx.systemSettings.remove(key)
                return noContent()
            },
        },

        // --- static content (logos) --------------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/staticContent/:key',
            public: true,
            handler: (req) => {
                const key = req.params.key ?? ''
                if (accepts(req, 'application/json')) return staticContentJson(req, key)
                if (key !== 'logo_banner' && key !== 'logo_front') {
                    return notFound('Key does not exist.')
                }
                const setting =
                    key === 'logo_banner' ? 'keyUseCustomLogoBanner' : 'keyUseCustomLogoFront'
                if (ctx.systemSettings.getBoolean(setting)) return png()
                const style = ctx.systemSettings.getString('keyStyle').split('/')[0] || 'light_blue'
                const location =
                    key === 'logo_banner'
                        ? `${req.baseUrl}/dhis-web-commons/css/${style}/logo_banner.png`
                        : `${req.baseUrl}/dhis-web-commons/security/logo_front.png`
                return { status: 302, headers: { Location: location } }
            },
        },
        {
            // Browsers ask for it on every page, logged in or not (DHIS2 serves it publicly)
            method: 'GET',
            pattern: '/favicon.ico',
            public: true,
            handler: png,
        },
        {
            method: 'GET',
            pattern: '/dhis-web-commons/css/:style/logo_banner.png',
            public: true,
            handler: png,
        },
        {
            method: 'GET',
            pattern: '/dhis-web-commons/security/logo_front.png',
            public: true,
            handler: png,
        },

        // --- locales -----------------------------------------------------------------------
        {
            method: 'GET',
            pattern: '/api/locales/ui',
            public: true,
            handler: (req) => ({
                status: 200,
                json: webLocales(
                    UI_LOCALES,
                    req.user
                        ? String(
                              ctx.userSettings.get(req.user, 'keyUiLocale', systemLookup) ?? 'en'
                          )
                        : 'en'
                ),
            }),
        },
        {
            method: 'GET',
            pattern: '/api/locales/db',
            handler: (req) => ({
                status: 200,
                json: webLocales(
                    ['en', 'fr'],
                    String(
                        ctx.userSettings.get(currentUser(req), 'keyUiLocale', systemLookup) ?? 'en'
                    )
                ),
            }),
        },

        // --- messages (the header bar's counters) -----------------------------------------
        {
            method: 'GET',
            pattern: '/api/messageConversations',
            handler: (req) => {
                const pageSize = Number(req.query.get('pageSize') ?? 50) || 50
                return {
                    status: 200,
                    json: {
                        pager: { page: 1, total: 0, pageSize, pageCount: 1 },
                        messageConversations: [],
                    },
                }
            },
        },
    ]
}
