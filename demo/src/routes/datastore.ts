/**
 * `/api/dataStore` with DHIS2 semantics (dhis2-core `DatastoreController`,
 * `DefaultDatastoreService`, `DatastoreNamespaceProtection`).
 *
 * Access has two levels, as in DHIS2:
 * 1. Namespace protection. Reads and writes each have a type (`NONE`, `HIDDEN`, `RESTRICTED`) and a
 *    set of authorities; users with one of them (and superusers) pass, others see the namespace
 *    hidden (reads come back empty/404, writes are silently ignored) or are refused with 403
 *    "Namespace '<ns>' is protected, access denied". An installed app's `activities.dhis.namespace`
 *    is protected `RESTRICTED` for `M_dhis-web-app-management` and the app's `M_<short_name>`
 *    (`DefaultAppManager.registerDatastoreProtection`), its `additionalNamespaces` likewise.
 * 2. Entry sharing: every entry has an owner and a `publicAccess` string (`rw------` by default);
 *    reading needs `r` at position 1, writing `w` at position 2, unless the user owns the entry or
 *    is a superuser.
 *
 * As in DHIS2, no namespace is protected unless an installed app reserves it (`apps.ts`): there is no
 * rule beyond the app's own authority. Who may change Triangulate's entries is decided by their
 * sharing, which the app sets (`src/data/entry-protection.ts`).
 *
 * `PUT` of a missing key creates it from 2.41; up to 2.40 it is 404 (see `dhis2-version.ts`).
 *
 * Entries persist to `<stateDir>/datastore.json`, written atomically after every change.
 */
import { join } from 'node:path'
import {
    APP_MANAGEMENT_AUTHORITY,
    hasAnyAuthority,
    isSuperuser,
    type UserDirectory,
} from '../auth/users'
import { uidFor } from '../data/uid'
import type { PlatformContext } from '../http/context'
import { dhis2Date } from '../http/dates'
import { filterFields, parseFields } from '../http/fields'
import { ownValue, setOwn } from '../http/ownKeys'
import { jsonBody, mediaType, queryFlag } from '../http/request'
import { loadJsonState, writeJsonAtomic } from '../http/stateFile'
import type { DemoRequest, DemoResponse, DemoRoute, DemoUser } from '../http/types'
import {
    HttpError,
    badRequest,
    conflict,
    created,
    forbidden,
    messageResponse,
    notFound,
    ok,
    plain,
} from '../http/webMessages'

// ---------------------------------------------------------------------------------------------
// Protection
// ---------------------------------------------------------------------------------------------

export type ProtectionType = 'NONE' | 'HIDDEN' | 'RESTRICTED'

export interface NamespaceProtection {
    namespace: string
    reads: ProtectionType
    readAuthorities: string[]
    writes: ProtectionType
    writeAuthorities: string[]
}

/** As DHIS2's constructor: a side without authorities is not protected. */
export const namespaceProtection = (
    namespace: string,
    reads: ProtectionType,
    readAuthorities: string[],
    writes: ProtectionType,
    writeAuthorities: string[]
): NamespaceProtection => ({
    namespace,
    reads: readAuthorities.length === 0 ? 'NONE' : reads,
    readAuthorities,
    writes: writeAuthorities.length === 0 ? 'NONE' : writes,
    writeAuthorities,
})

// ---------------------------------------------------------------------------------------------
// Entries and sharing
// ---------------------------------------------------------------------------------------------

export interface AccessEntry {
    id: string
    access: string
}

export interface EntrySharing {
    owner: string | null
    external: boolean
    public: string
    users: Record<string, AccessEntry>
    userGroups: Record<string, AccessEntry>
}

export interface DatastoreEntry {
    id: string
    namespace: string
    key: string
    /** The JSON value as text, as DHIS2 stores it */
    value: string
    created: string
    lastUpdated: string
    createdBy: string | null
    lastUpdatedBy: string | null
    sharing: EntrySharing
}

export const DEFAULT_PUBLIC_ACCESS = 'rw------'

const accessAt = (access: string | undefined, index: number, ch: string): boolean =>
    access?.[index] === ch

const sharingAllows = (
    user: DemoUser,
    sharing: EntrySharing,
    index: number,
    ch: 'r' | 'w'
): boolean =>
    isSuperuser(user) ||
    sharing.owner === user.id ||
    accessAt(sharing.public, index, ch) ||
    accessAt(sharing.users[user.id]?.access, index, ch) ||
    user.userGroups.some((g) => accessAt(sharing.userGroups[g.id]?.access, index, ch))

export const canRead = (user: DemoUser, entry: DatastoreEntry): boolean =>
    sharingAllows(user, entry.sharing, 0, 'r')

export const canWrite = (user: DemoUser, entry: DatastoreEntry): boolean =>
    sharingAllows(user, entry.sharing, 1, 'w')

/**
 * `access` of an entry. `manage` is dhis2-core's `DefaultAclService.canManage` = `canUpdate`: for
 * the `dataStore` schema (shareable, no authorities) superusers, the owner (or anyone when the
 * entry has no owner, `checkOwner`) and whoever the sharing gives metadata write (`rw------` is
 * DHIS2's default public access of a new entry, so by default every user may manage it).
 */
export const accessOf = (user: DemoUser, entry: DatastoreEntry): Record<string, boolean> => {
    const read = canRead(user, entry)
    const write = canWrite(user, entry)
    const manage = isSuperuser(user) || entry.sharing.owner === null || write
    return { manage, externalize: false, write, read, update: write, delete: write }
}

const namespaceDenied = (namespace: string): HttpError =>
    new HttpError(forbidden(`Namespace '${namespace}' is protected, access denied`))

const keyDenied = (namespace: string, key: string): HttpError =>
    new HttpError(forbidden(`Access denied for key '${key}' in namespace '${namespace}'`))

const isValidJson = (text: string | null): boolean => {
    if (text == null) return false
    try {
        JSON.parse(text)
        return true
    } catch {
        return false
    }
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null

const parseStoredEntry = (raw: unknown, index: number): DatastoreEntry => {
    const obj = asRecord(raw)
    if (!obj) throw new Error(`entry ${index} is not an object`)
    const { namespace, key, value } = obj
    if (typeof namespace !== 'string' || typeof key !== 'string' || typeof value !== 'string') {
        throw new Error(`entry ${index} lacks namespace, key or value`)
    }
    if (!isValidJson(value)) throw new Error(`entry ${index} (${namespace}/${key}) is not JSON`)
    const sharing = asRecord(obj.sharing)
    const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)
    const now = dhis2Date(new Date())
    return {
        id: str(obj.id, uidFor(`datastore:${namespace}:${key}`)),
        namespace,
        key,
        value,
        created: str(obj.created, now),
        lastUpdated: str(obj.lastUpdated, now),
        createdBy: typeof obj.createdBy === 'string' ? obj.createdBy : null,
        lastUpdatedBy: typeof obj.lastUpdatedBy === 'string' ? obj.lastUpdatedBy : null,
        sharing: {
            owner: typeof sharing?.owner === 'string' ? sharing.owner : null,
            external: sharing?.external === true,
            public: str(sharing?.public, DEFAULT_PUBLIC_ACCESS),
            users: (asRecord(sharing?.users) as Record<string, AccessEntry> | null) ?? {},
            userGroups: (asRecord(sharing?.userGroups) as Record<string, AccessEntry> | null) ?? {},
        },
    }
}

/**
 * Sets `value` at a dotted path (`a.b.0.c`) inside `root`, creating objects on the way. Path
 * segments are keys of the JSON value, as in DHIS2's JSONB update: `__proto__` or `constructor`
 * are ordinary own keys here, never a way into a prototype (only own properties are read, and
 * written with `defineProperty`). An array index past the end appends, as PostgreSQL's
 * `jsonb_set` does, so a path cannot grow a sparse array of millions of nulls.
 */
export const setAtPath = (root: unknown, path: string, value: unknown, roll?: number): unknown => {
    const parts = path.split('.').filter((p) => p.length > 0)
    const place = (target: unknown): unknown => {
        if (roll === undefined) return value
        const list = Array.isArray(target) ? [...(target as unknown[]), value] : [value]
        return roll > 0 ? list.slice(-roll) : list
    }
    if (parts.length === 0) return place(root)
    const copy: unknown = structuredClone(root ?? {})
    let node = copy
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string
        const last = i === parts.length - 1
        if (Array.isArray(node)) {
            if (!/^\d+$/.test(part)) throw new Error(`Invalid path: ${path}`)
            const index = Math.min(Number(part), node.length)
            if (last) node[index] = place(node[index])
            else {
                if (typeof node[index] !== 'object' || node[index] === null) node[index] = {}
                node = node[index]
            }
        } else if (typeof node === 'object' && node !== null) {
            const current = ownValue(node, part)
            if (last) setOwn(node, part, place(current))
            else if (typeof current === 'object' && current !== null) node = current
            else {
                const child = {}
                setOwn(node, part, child)
                node = child
            }
        } else {
            throw new Error(`Invalid path: ${path}`)
        }
    }
    return copy
}

export interface DataStoreOptions {
    file: string
    log: (line: string) => void
    users: UserDirectory
    /** Server-configured protections; they take precedence over app-manifest protections */
    protections?: NamespaceProtection[]
    /** `PUT` of a missing key creates it (DHIS2 2.41+); otherwise 404 (2.39, 2.40) */
    putCreates?: boolean
}

export class DataStore {
    private readonly entries = new Map<string, Map<string, DatastoreEntry>>()
    private readonly configured = new Map<string, NamespaceProtection>()
    private readonly fromApps = new Map<string, NamespaceProtection>()
    private readonly file: string
    private readonly users: UserDirectory
    private readonly putCreates: boolean

    constructor(opts: DataStoreOptions) {
        this.file = opts.file
        this.users = opts.users
        this.putCreates = opts.putCreates ?? true
        for (const p of opts.protections ?? []) this.configured.set(p.namespace, p)
        const loaded = loadJsonState(
            this.file,
            (json) => {
                const obj = asRecord(json)
                if (!obj || !Array.isArray(obj.entries))
                    throw new Error('expected { "entries": [...] }')
                return obj.entries.map(parseStoredEntry)
            },
            opts.log
        )
        if (loaded.kind === 'ok') {
            for (const entry of loaded.value) this.put(entry)
        }
    }

    // --- protections -------------------------------------------------------------------------

    protection(namespace: string): NamespaceProtection | null {
        return this.configured.get(namespace) ?? this.fromApps.get(namespace) ?? null
    }

    protections(): NamespaceProtection[] {
        const all = new Map([...this.fromApps, ...this.configured])
        return [...all.values()]
    }

    /** Registers an installed app's namespace protection; `false` when the server configures it. */
    registerAppProtection(protection: NamespaceProtection): boolean {
        this.fromApps.set(protection.namespace, protection)
        return !this.configured.has(protection.namespace)
    }

    unregisterAppProtection(namespace: string): void {
        this.fromApps.delete(namespace)
    }

    private hasReadAccess(user: DemoUser, p: NamespaceProtection | null): boolean {
        return !p || p.reads === 'NONE' || hasAnyAuthority(user, p.readAuthorities)
    }

    /** DHIS2 `readProtectedIn`: the read result, `whenHidden`, or 403 for restricted namespaces */
    private readProtected<T>(user: DemoUser, namespace: string, whenHidden: T, read: () => T): T {
        const p = this.protection(namespace)
        if (this.hasReadAccess(user, p)) return read()
        if (p?.reads === 'RESTRICTED') throw namespaceDenied(namespace)
        return whenHidden
    }

    /**
     * DHIS2 `writeProtectedIn`, with entry sharing checked for every entry written (in protected
     * and unprotected namespaces alike). Returns `false` when a hidden namespace ignored the write.
     */
    private writeProtected(
        user: DemoUser,
        namespace: string,
        affected: DatastoreEntry[],
        write: () => void
    ): boolean {
        const p = this.protection(namespace)
        if (!p || p.writes === 'NONE' || hasAnyAuthority(user, p.writeAuthorities)) {
            for (const entry of affected) {
                if (!canWrite(user, entry)) throw keyDenied(namespace, entry.key)
            }
            write()
            this.persist()
            return true
        }
        if (p.writes === 'RESTRICTED') throw namespaceDenied(namespace)
        return false
    }

    // --- reads -------------------------------------------------------------------------------

    private put(entry: DatastoreEntry): void {
        let ns = this.entries.get(entry.namespace)
        if (!ns) {
            ns = new Map()
            this.entries.set(entry.namespace, ns)
        }
        ns.set(entry.key, entry)
    }

    private isVisible(user: DemoUser, namespace: string): boolean {
        const p = this.protection(namespace)
        return !p || p.reads !== 'HIDDEN' || hasAnyAuthority(user, p.readAuthorities)
    }

    getNamespaces(user: DemoUser): string[] {
        return [...this.entries.keys()]
            .filter((ns) => (this.entries.get(ns)?.size ?? 0) > 0 && this.isVisible(user, ns))
            .sort()
    }

    isUsedNamespace(user: DemoUser, namespace: string): boolean {
        return this.readProtected(
            user,
            namespace,
            false,
            () => (this.entries.get(namespace)?.size ?? 0) > 0
        )
    }

    /** Keys of a namespace; 404 when the namespace does not exist (or is hidden) */
    getKeys(user: DemoUser, namespace: string, lastUpdated?: string): string[] {
        const keys = this.readProtected(user, namespace, [] as string[], () =>
            [...(this.entries.get(namespace)?.values() ?? [])]
                .filter((e) => !lastUpdated || e.lastUpdated >= lastUpdated)
                .map((e) => e.key)
                .sort()
        )
        if (keys.length === 0 && !this.isUsedNamespace(user, namespace)) {
            throw new HttpError(notFound(`Namespace not found: '${namespace}'`))
        }
        return keys
    }

    /** Readable entries of a namespace (for the query API) */
    getEntries(user: DemoUser, namespace: string): DatastoreEntry[] {
        return this.readProtected(user, namespace, [] as DatastoreEntry[], () =>
            [...(this.entries.get(namespace)?.values() ?? [])].filter((e) => canRead(user, e))
        )
    }

    /** The entry, `null` when missing or hidden; 403 when the user may not read it */
    findEntry(user: DemoUser, namespace: string, key: string): DatastoreEntry | null {
        const entry = this.readProtected<DatastoreEntry | null>(
            user,
            namespace,
            null,
            () => this.entries.get(namespace)?.get(key) ?? null
        )
        if (entry && !canRead(user, entry)) throw keyDenied(namespace, key)
        return entry
    }

    getEntry(user: DemoUser, namespace: string, key: string): DatastoreEntry {
        const entry = this.findEntry(user, namespace, key)
        if (!entry) {
            throw new HttpError(notFound(`Key '${key}' not found in namespace '${namespace}'`))
        }
        return entry
    }

    findById(id: string): DatastoreEntry | null {
        for (const ns of this.entries.values()) {
            for (const entry of ns.values()) if (entry.id === id) return entry
        }
        return null
    }

    // --- writes ------------------------------------------------------------------------------

    private newEntry(
        user: DemoUser | null,
        namespace: string,
        key: string,
        value: string
    ): DatastoreEntry {
        const now = dhis2Date(new Date())
        return {
            id: uidFor(`datastore:${namespace}:${key}:${now}:${Math.random()}`),
            namespace,
            key,
            value,
            created: now,
            lastUpdated: now,
            createdBy: user?.id ?? null,
            lastUpdatedBy: user?.id ?? null,
            sharing: {
                owner: user?.id ?? null,
                external: false,
                public: DEFAULT_PUBLIC_ACCESS,
                users: {},
                userGroups: {},
            },
        }
    }

    addEntry(user: DemoUser, namespace: string, key: string, value: string | null): DatastoreEntry {
        if (this.findEntry(user, namespace, key)) {
            throw new HttpError(conflict(`Key '${key}' already exists in namespace '${namespace}'`))
        }
        if (!isValidJson(value)) {
            throw new HttpError(badRequest(`Invalid JSON value for key '${key}'`))
        }
        const entry = this.newEntry(user, namespace, key, value as string)
        this.writeProtected(user, namespace, [entry], () => this.put(entry))
        return entry
    }

    /** PUT: creates the entry when missing, otherwise replaces its value (or a part at `path`). */
    putEntry(
        user: DemoUser,
        namespace: string,
        key: string,
        value: string | null,
        path?: string | null,
        roll?: number
    ): 'created' | 'updated' {
        const existing = this.findEntry(user, namespace, key)
        if (!existing) {
            if (!this.putCreates) {
                throw new HttpError(notFound(`Key '${key}' not found in namespace '${namespace}'`))
            }
            this.addEntry(user, namespace, key, value)
            return 'created'
        }
        if (!isValidJson(value)) {
            throw new HttpError(badRequest(`Invalid JSON value for key '${key}'`))
        }
        let next = value as string
        if (path || roll !== undefined) {
            try {
                const updated = setAtPath(
                    JSON.parse(existing.value),
                    path ?? '',
                    JSON.parse(next),
                    roll
                )
                next = JSON.stringify(updated)
            } catch (err) {
                throw new HttpError(badRequest(err instanceof Error ? err.message : String(err)))
            }
        }
        this.writeProtected(user, namespace, [existing], () => {
            existing.value = next
            existing.lastUpdated = dhis2Date(new Date())
            existing.lastUpdatedBy = user.id
        })
        return 'updated'
    }

    deleteEntry(user: DemoUser, namespace: string, key: string): void {
        const entry = this.getEntry(user, namespace, key)
        this.writeProtected(user, namespace, [entry], () => {
            this.entries.get(namespace)?.delete(key)
        })
    }

    deleteNamespace(user: DemoUser, namespace: string): void {
        if (!this.isUsedNamespace(user, namespace)) {
            throw new HttpError(notFound(`Namespace not found: '${namespace}'`))
        }
        const all = [...(this.entries.get(namespace)?.values() ?? [])]
        this.writeProtected(user, namespace, all, () => {
            this.entries.delete(namespace)
        })
    }

    /** Removes a namespace without access checks (app uninstall with `deleteAppData`) */
    deleteNamespaceAsSystem(namespace: string): void {
        if (this.entries.delete(namespace)) this.persist()
    }

    /** 403 unless the user may manage the entry's sharing (`AclService.canManage`) */
    checkManage(user: DemoUser, entry: DatastoreEntry): void {
        if (!accessOf(user, entry).manage) throw new HttpError(forbidden(NO_MANAGE_ACCESS))
    }

    /** Replaces the sharing of an entry; only those who may manage it may */
    setSharing(user: DemoUser, entry: DatastoreEntry, sharing: Partial<EntrySharing>): void {
        this.checkManage(user, entry)
        entry.sharing = { ...entry.sharing, ...sharing }
        entry.lastUpdated = dhis2Date(new Date())
        this.persist()
    }

    /**
     * Adds entries that do not exist yet, owned by `owner`, without access checks. Returns the
     * number of entries added.
     */
    seed(seed: Record<string, Record<string, unknown>>, owner: DemoUser | null): number {
        let added = 0
        for (const [namespace, keys] of Object.entries(seed)) {
            for (const [key, value] of Object.entries(keys)) {
                if (this.entries.get(namespace)?.has(key)) continue
                this.put(this.newEntry(owner, namespace, key, JSON.stringify(value)))
                added++
            }
        }
        if (added > 0) this.persist()
        return added
    }

    /**
     * What an admin naming `group` as editors in the app leaves behind: the `editors` entry, and
     * every entry of the namespace (claims aside) shared as the app shares them: public `r-------`,
     * the group `rw------` (the `editors` entry: public `r-------` only). Done once: nothing when
     * the `editors` entry exists. Returns the number of entries shared.
     */
    seedAppEditors(namespace: string, group: { id: string; name: string }): number {
        const ns = this.entries.get(namespace)
        if (!ns || ns.has('editors')) return 0
        const admin = this.users.byUsername('admin')
        this.put(
            this.newEntry(
                admin,
                namespace,
                'editors',
                JSON.stringify({ userGroups: [group], users: [] })
            )
        )
        let shared = 0
        for (const entry of ns.values()) {
            if (entry.key.includes('--save--')) continue
            entry.sharing = {
                ...entry.sharing,
                public: 'r-------',
                users: {},
                userGroups:
                    entry.key === 'editors'
                        ? {}
                        : { [group.id]: { id: group.id, access: 'rw------' } },
            }
            shared++
        }
        this.persist()
        return shared
    }

    /** The JSON representation of `/metaData` (DHIS2 `DatastoreEntry`, a BaseIdentifiableObject) */
    metaData(user: DemoUser, entry: DatastoreEntry): Record<string, unknown> {
        const userRef = (id: string | null): Record<string, unknown> | undefined => {
            if (!id) return undefined
            const u = this.users.byId(id)
            return u
                ? {
                      id: u.id,
                      name: u.displayName,
                      displayName: u.displayName,
                      username: u.username,
                  }
                : { id }
        }
        const list = (m: Record<string, AccessEntry>): AccessEntry[] => Object.values(m)
        const out: Record<string, unknown> = {
            created: entry.created,
            lastUpdated: entry.lastUpdated,
            createdBy: userRef(entry.createdBy),
            lastUpdatedBy: userRef(entry.lastUpdatedBy),
            sharing: entry.sharing,
            value: entry.value,
            namespace: entry.namespace,
            key: entry.key,
            favorite: false,
            favorites: [],
            translations: [],
            attributeValues: [],
            user: userRef(entry.sharing.owner),
            publicAccess: entry.sharing.public,
            externalAccess: entry.sharing.external,
            userAccesses: list(entry.sharing.users),
            userGroupAccesses: list(entry.sharing.userGroups),
            access: accessOf(user, entry),
            id: entry.id,
        }
        for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k]
        return out
    }

    private persist(): void {
        const all: DatastoreEntry[] = []
        for (const ns of [...this.entries.keys()].sort()) {
            const entries = this.entries.get(ns)
            if (!entries) continue
            for (const key of [...entries.keys()].sort()) {
                const entry = entries.get(key)
                if (entry) all.push(entry)
            }
        }
        writeJsonAtomic(this.file, { entries: all })
    }
}

export const dataStoreFile = (stateDir: string): string => join(stateDir, 'datastore.json')

// ---------------------------------------------------------------------------------------------
// Query API (`GET /api/dataStore/<ns>?fields=...`)
// ---------------------------------------------------------------------------------------------

/** The value at a dotted path (`a.b[0].c`); own properties only */
const valueAtPath = (root: unknown, path: string): unknown => {
    if (path === '.') return root
    let node = root
    for (const part of path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter(Boolean)) {
        if (Array.isArray(node)) node = /^\d+$/.test(part) ? node[Number(part)] : undefined
        else if (typeof node === 'object' && node !== null) node = ownValue(node, part)
        else return undefined
    }
    return node
}

const parseFilterValue = (text: string): unknown => {
    if (text === 'true' || text === 'false') return text === 'true'
    if (/^'.*'$/.test(text)) return text.slice(1, -1)
    if (text !== '' && Number.isFinite(Number(text))) return Number(text)
    return text
}

/**
 * SQL `LIKE` with `%` wildcards, matched segment by segment (no regular expression, so that a
 * pattern of many `%` cannot backtrack for minutes): `start` anchors the first segment at the
 * beginning, `end` the last one at the end, `none` finds the pattern anywhere.
 */
export const likeMatches = (
    text: string,
    pattern: string,
    ignoreCase: boolean,
    anchor: 'start' | 'end' | 'none'
): boolean => {
    const t = ignoreCase ? text.toLowerCase() : text
    const parts = (ignoreCase ? pattern.toLowerCase() : pattern).split('%')
    let pos = 0
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string
        if (i === 0 && anchor === 'start') {
            if (!t.startsWith(part)) return false
            pos = part.length
        } else if (i === parts.length - 1 && anchor === 'end') {
            return t.length - part.length >= pos && t.endsWith(part)
        } else {
            const at = t.indexOf(part, pos)
            if (at < 0) return false
            pos = at + part.length
        }
    }
    return true
}

const matchesFilter = (key: string, value: unknown, filter: string): boolean => {
    const [path = '', op = '', ...rest] = filter.split(':')
    const raw = rest.join(':')
    const actual = path === '_' ? key : valueAtPath(value, path)
    const isEmpty = (v: unknown): boolean =>
        v === '' ||
        (Array.isArray(v) && v.length === 0) ||
        (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
    const expected = parseFilterValue(raw)
    const cmp = (): number => {
        if (typeof actual === 'number' && typeof expected === 'number') return actual - expected
        return String(actual ?? '').localeCompare(String(expected))
    }
    const text = String(actual ?? '')
    switch (op.toLowerCase()) {
        case 'null':
            return actual === null
        case '!null':
            return actual !== null && actual !== undefined
        case 'empty':
            return isEmpty(actual)
        case '!empty':
            return actual !== undefined && actual !== null && !isEmpty(actual)
        case 'eq':
            return actual !== undefined && actual === expected
        case '!eq':
        case 'ne':
        case 'neq':
            return actual !== expected
        case 'lt':
            return actual !== undefined && cmp() < 0
        case 'le':
            return actual !== undefined && cmp() <= 0
        case 'gt':
            return actual !== undefined && cmp() > 0
        case 'ge':
            return actual !== undefined && cmp() >= 0
        case 'like':
            return likeMatches(text, raw, false, 'none')
        case 'ilike':
            return likeMatches(text, raw, true, 'none')
        case '!like':
            return !likeMatches(text, raw, false, 'none')
        case '!ilike':
            return !likeMatches(text, raw, true, 'none')
        case '$like':
            return likeMatches(text, raw, false, 'start')
        case '$ilike':
        case 'startswith':
            return likeMatches(text, raw, true, 'start')
        case '!$like':
            return !likeMatches(text, raw, false, 'start')
        case '!$ilike':
        case '!startswith':
            return !likeMatches(text, raw, true, 'start')
        case 'like$':
            return likeMatches(text, raw, false, 'end')
        case 'ilike$':
        case 'endswith':
            return likeMatches(text, raw, true, 'end')
        case '!like$':
            return !likeMatches(text, raw, false, 'end')
        case '!ilike$':
        case '!endswith':
            return !likeMatches(text, raw, true, 'end')
        case 'in':
        case '!in': {
            const set = raw
                .replace(/^\[|\]$/g, '')
                .split(',')
                .map((s) => s.trim())
            const found = set.includes(text)
            return op === 'in' ? found : !found
        }
        default:
            throw new HttpError(badRequest(`Unknown filter operator: ${op}`))
    }
}

const queryEntries = (
    ctx: PlatformContext,
    user: DemoUser,
    namespace: string,
    req: DemoRequest
): DemoResponse => {
    const fieldsText = req.query.get('fields') ?? ''
    const includeAll = queryFlag(req, 'includeAll')
    const entries = ctx.dataStore.getEntries(user, namespace).map((e) => ({
        key: e.key,
        value: JSON.parse(e.value) as unknown,
    }))

    const filters = req.query.getAll('filter')
    const junction = (req.query.get('rootJunction') ?? 'AND').toUpperCase()
    const matching =
        filters.length === 0
            ? entries
            : entries.filter((e) =>
                  junction === 'OR'
                      ? filters.some((f) => matchesFilter(e.key, e.value, f))
                      : filters.every((f) => matchesFilter(e.key, e.value, f))
              )

    const [orderPath = '_', direction = 'asc'] = (req.query.get('order') ?? '_').split(':')
    const sortValue = (e: { key: string; value: unknown }): unknown =>
        orderPath === '_' ? e.key : valueAtPath(e.value, orderPath)
    const numeric = direction === 'nasc' || direction === 'ndesc'
    const descending = direction === 'desc' || direction === 'ndesc'
    matching.sort((a, b) => {
        const va = sortValue(a)
        const vb = sortValue(b)
        const diff = numeric
            ? Number(va) - Number(vb)
            : String(va ?? '').localeCompare(String(vb ?? ''))
        return descending ? -diff : diff
    })

    const specs = parseFields(fieldsText === '.' ? '' : fieldsText)
    const rows: Record<string, unknown>[] = []
    for (const e of matching) {
        if (fieldsText === '') {
            rows.push({ key: e.key })
        } else if (fieldsText === '.') {
            rows.push({ key: e.key, value: e.value })
        } else {
            const picked = filterFields(e.value, specs)
            const members =
                typeof picked === 'object' && picked !== null && !Array.isArray(picked)
                    ? (picked as Record<string, unknown>)
                    : {}
            const row: Record<string, unknown> = { key: e.key }
            let any = false
            for (const spec of specs.filter((s) => !s.exclude)) {
                const value = ownValue(members, spec.name)
                if (value !== undefined && value !== null) any = true
                setOwn(row, spec.name, value ?? null)
            }
            if (any || includeAll) rows.push(row)
        }
    }

    const paging = queryFlag(req, 'paging', true)
    const headless = queryFlag(req, 'headless')
    if (!paging) return { status: 200, json: rows }
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
    const pageSize = Math.max(1, Number(req.query.get('pageSize') ?? 50) || 50)
    const slice = rows.slice((page - 1) * pageSize, page * pageSize)
    return {
        status: 200,
        json: headless ? slice : { pager: { page, pageSize }, entries: slice },
        headers: { 'Cache-Control': 'no-store' },
    }
}

// ---------------------------------------------------------------------------------------------
// Sharing changes (`POST /api/sharing?type=dataStore`)
// ---------------------------------------------------------------------------------------------

/** Message of DHIS2's `AccessDeniedException` in `SharingController` */
export const NO_MANAGE_ACCESS = 'You do not have manage access to this object.'

/**
 * `AccessStringHelper.isValid` (dhis2-core): 8 characters, metadata `r`/`w`, data `r`/`w`, then
 * four `-`.
 */
export const isValidAccessString = (access: string): boolean =>
    /^[r-][w-][r-][w-]----$/.test(access)

/** `AccessStringHelper.disableDataSharing`: dataStore entries are not data-shareable */
const withoutDataSharing = (access: string): string => `${access.slice(0, 2)}--${access.slice(4)}`

/**
 * The new sharing of an entry from a `SharingController.postSharing` body, as DHIS2 2.41 applies
 * it: the public access string is validated (409 "Invalid public access string: ..."), data
 * sharing is switched off (the `dataStore` schema is not data-shareable), `externalAccess` is
 * ignored (nobody may make a dataStore entry external: the schema has no EXTERNALIZE authority),
 * and user and user group accesses replace the old ones, unknown users and groups left out.
 * Anyone who may manage the entry may also make it public or private: the `dataStore` schema has
 * no CREATE_PUBLIC/CREATE_PRIVATE authorities (`KeyJsonValueSchemaDescriptor`). Returns the
 * conflict message for an invalid access string.
 */
export const parseSharing = (
    body: Record<string, unknown>,
    known: { users: ReadonlySet<string>; userGroups: ReadonlySet<string> }
): Partial<EntrySharing> | string => {
    const out: Partial<EntrySharing> = {}
    const publicAccess = ownValue(body, 'publicAccess')
    if (typeof publicAccess === 'string') {
        if (!isValidAccessString(publicAccess))
            return `Invalid public access string: ${publicAccess}`
        out.public = withoutDataSharing(publicAccess)
    }
    const accesses = (
        list: unknown,
        ids: ReadonlySet<string>,
        label: string
    ): Record<string, AccessEntry> | string => {
        const map = new Map<string, AccessEntry>()
        for (const item of Array.isArray(list) ? list : []) {
            const id = ownValue(item, 'id')
            const access = ownValue(item, 'access')
            if (typeof access !== 'string' || !isValidAccessString(access))
                return `Invalid ${label} access string: ${String(access)}`
            if (typeof id === 'string' && ids.has(id))
                map.set(id, { id, access: withoutDataSharing(access) })
        }
        return Object.fromEntries(map)
    }
    const userGroups = accesses(ownValue(body, 'userGroupAccesses'), known.userGroups, 'user group')
    if (typeof userGroups === 'string') return userGroups
    const users = accesses(ownValue(body, 'userAccesses'), known.users, 'user')
    if (typeof users === 'string') return users
    return { ...out, users, userGroups }
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

const NO_STORE = { 'Cache-Control': 'no-store' }

/** Spring rejects bodies that are not JSON on `consumes = application/json` mappings */
const requireJson = (req: DemoRequest): void => {
    const type = mediaType(req)
    if (type !== 'application/json' && !type.endsWith('+json')) {
        const given = req.headers['content-type'] ?? 'application/octet-stream'
        throw new HttpError(messageResponse(415, `Content type '${given}' not supported`))
    }
}

const bodyText = (req: DemoRequest): string | null => {
    const text = req.body.toString('utf8')
    return text.trim() === '' ? null : text
}

export const dataStoreRoutes = (ctx: PlatformContext): DemoRoute[] => {
    const store = ctx.dataStore
    const userOf = (req: DemoRequest): DemoUser => {
        if (!req.user) throw new Error('route called without a user')
        return req.user
    }
    const nsAndKey = (req: DemoRequest): [string, string] => [
        req.params.ns ?? '',
        req.params.key ?? '',
    ]

    return [
        {
            method: 'GET',
            pattern: '/api/dataStore',
            handler: (req) => ({
                status: 200,
                json: store.getNamespaces(userOf(req)),
                headers: NO_STORE,
            }),
        },
        {
            method: 'GET',
            pattern: '/api/dataStore/protections',
            handler: (req) => {
                if (!hasAnyAuthority(userOf(req), [APP_MANAGEMENT_AUTHORITY])) {
                    return forbidden('Access is denied')
                }
                const namespace = req.query.get('namespace')
                const list = store.protections()
                if (namespace) {
                    const found = list.find((p) => p.namespace === namespace)
                    return { status: 200, json: found ?? null }
                }
                return { status: 200, json: list }
            },
        },
        {
            method: 'GET',
            pattern: '/api/dataStore/:ns/keys',
            handler: (req) => ({
                status: 200,
                json: store.getKeys(
                    userOf(req),
                    req.params.ns ?? '',
                    req.query.get('lastUpdated') ?? undefined
                ),
                headers: NO_STORE,
            }),
        },
        {
            method: 'GET',
            pattern: '/api/dataStore/:ns',
            handler: (req) => {
                const user = userOf(req)
                const namespace = req.params.ns ?? ''
                if (req.query.has('fields')) return queryEntries(ctx, user, namespace, req)
                return {
                    status: 200,
                    json: store.getKeys(user, namespace, req.query.get('lastUpdated') ?? undefined),
                    headers: NO_STORE,
                }
            },
        },
        {
            method: 'DELETE',
            pattern: '/api/dataStore/:ns',
            handler: (req) => {
                const namespace = req.params.ns ?? ''
                store.deleteNamespace(userOf(req), namespace)
                return ok(`Namespace deleted: '${namespace}'`)
            },
        },
        {
            method: 'GET',
            pattern: '/api/dataStore/:ns/:key',
            handler: (req) => {
                const [namespace, key] = nsAndKey(req)
                const entry = store.getEntry(userOf(req), namespace, key)
                return {
                    status: 200,
                    body: entry.value,
                    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...NO_STORE },
                }
            },
        },
        {
            method: 'GET',
            pattern: '/api/dataStore/:ns/:key/metaData',
            handler: (req) => {
                const [namespace, key] = nsAndKey(req)
                const user = userOf(req)
                const entry = store.getEntry(user, namespace, key)
                return { status: 200, json: store.metaData(user, entry) }
            },
        },
        {
            method: 'POST',
            pattern: '/api/dataStore/:ns/:key',
            handler: (req) => {
                requireJson(req)
                const [namespace, key] = nsAndKey(req)
                store.addEntry(userOf(req), namespace, key, bodyText(req))
                return created(`Key created: '${key}'`)
            },
        },
        {
            method: 'PUT',
            pattern: '/api/dataStore/:ns/:key',
            handler: (req) => {
                requireJson(req)
                const [namespace, key] = nsAndKey(req)
                const rollText = req.query.get('roll')
                const roll = rollText == null ? undefined : Number(rollText)
                if (roll !== undefined && !Number.isInteger(roll)) {
                    return badRequest(
                        `Value ${rollText} is not valid for parameter roll. It should be of type Integer`
                    )
                }
                const outcome = store.putEntry(
                    userOf(req),
                    namespace,
                    key,
                    bodyText(req),
                    req.query.get('path'),
                    roll
                )
                return outcome === 'created'
                    ? created(`Key created: '${key}'`)
                    : ok(`Key updated: '${key}'`)
            },
        },
        {
            method: 'DELETE',
            pattern: '/api/dataStore/:ns/:key',
            handler: (req) => {
                const [namespace, key] = nsAndKey(req)
                store.deleteEntry(userOf(req), namespace, key)
                return ok(`Key '${key}' deleted from namespace '${namespace}'`)
            },
        },

        // --- sharing of dataStore entries (`/api/sharing?type=dataStore&id=<uid>`) -----------
        // dhis2-core 2.41 `webapi/controller/SharingController.java` (getSharing/postSharing)
        {
            method: 'GET',
            pattern: '/api/sharing',
            handler: (req) => {
                const type = req.query.get('type') ?? ''
                if (type !== 'dataStore') return plain(409, `Type ${type} is not supported.`)
                const user = userOf(req)
                const id = req.query.get('id') ?? ''
                const entry = store.findById(id)
                if (!entry) return plain(404, `Object of type ${type} with ID ${id} was not found.`)
                if (!canRead(user, entry)) return forbidden(NO_MANAGE_ACCESS)
                const owner = entry.sharing.owner ? ctx.users.byId(entry.sharing.owner) : null
                return {
                    status: 200,
                    json: {
                        meta: { allowPublicAccess: true, allowExternalAccess: false },
                        object: {
                            id: entry.id,
                            name: entry.key,
                            displayName: entry.key,
                            publicAccess: entry.sharing.public,
                            externalAccess: entry.sharing.external,
                            ...(owner ? { user: { id: owner.id, name: owner.displayName } } : {}),
                            userAccesses: Object.values(entry.sharing.users),
                            userGroupAccesses: Object.values(entry.sharing.userGroups),
                        },
                    },
                }
            },
        },
        {
            method: 'POST',
            pattern: '/api/sharing',
            handler: (req) => {
                const type = req.query.get('type') ?? ''
                if (type !== 'dataStore') return plain(409, `Type ${type} is not supported.`)
                const user = userOf(req)
                const id = req.query.get('id') ?? ''
                const entry = store.findById(id)
                if (!entry) return plain(404, `Object of type ${type} with ID ${id} was not found.`)
                const body = asRecord(ownValue(jsonBody(req), 'object'))
                if (!body)
                    return plain(409, 'Sharing object must be given as { "object": { ... } }')
                const result = parseSharing(body, {
                    users: new Set(ctx.users.all().map((u) => u.id)),
                    userGroups: new Set(
                        ctx.users.all().flatMap((u) => u.userGroups.map((g) => g.id))
                    ),
                })
                // the manage check comes first in DHIS2, then the access strings
                store.checkManage(user, entry)
                if (typeof result === 'string') return plain(409, result)
                store.setSharing(user, entry, result)
                return ok('Access control set')
            },
        },
    ]
}
