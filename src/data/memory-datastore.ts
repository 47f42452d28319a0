/**
 * An in-memory DHIS2 dataStore behind the data-engine interface, for tests: the answers of
 * dhis2-core's `DatastoreController` for what the app uses (namespace and key lists, `/metaData`
 * with the value as text, POST refused with 409 when the key exists, PUT replacing whatever is
 * there, DELETE). `lastUpdated` has millisecond resolution and a clock the test controls, so that
 * two writes in the same millisecond can be made. `delay` lets a test interleave clients.
 */
import type { DataEngine } from './engine'
import type { SharingObject } from './entry-protection'

/** A new entry's sharing in DHIS2: public `rw------` */
const DEFAULT_SHARING: SharingObject = {
    publicAccess: 'rw------',
    externalAccess: false,
    userAccesses: [],
    userGroupAccesses: [],
}

interface MemoryEntry {
    id: string
    value: string
    lastUpdated: string
    lastUpdatedBy: string
    /** Entry sharing as `POST /api/sharing?type=dataStore` sets it (not enforced here) */
    sharing: SharingObject
}

export const dhis2Error = (status: number, message: string) =>
    Object.assign(new Error(message), {
        type: status === 403 || status === 401 ? 'access' : 'unknown',
        details: { httpStatusCode: status, message },
    })

export class MemoryDataStore {
    readonly entries = new Map<string, Map<string, MemoryEntry>>()
    /** The server clock, ms since epoch (fixed unless the test moves it) */
    now = Date.UTC(2026, 10, 26, 9, 0, 0)
    log: string[] = []
    private nextId = 1

    /** The sharing of an entry (`undefined` when it does not exist) */
    sharingOf(namespace: string, key: string): SharingObject | undefined {
        return this.entries.get(namespace)?.get(key)?.sharing
    }

    private stamp(): string {
        return new Date(this.now).toISOString().replace(/Z$/, '')
    }

    get(namespace: string, key: string): unknown {
        const entry = this.entries.get(namespace)?.get(key)
        return entry ? JSON.parse(entry.value) : undefined
    }

    set(namespace: string, key: string, value: unknown, user = 'someone'): void {
        const ns = this.entries.get(namespace) ?? new Map<string, MemoryEntry>()
        this.entries.set(namespace, ns)
        const old = ns.get(key)
        ns.set(key, {
            id: old?.id ?? `e${(this.nextId++).toString().padStart(10, '0')}`,
            sharing: old?.sharing ?? DEFAULT_SHARING,
            value: JSON.stringify(value),
            lastUpdated: this.stamp(),
            lastUpdatedBy: user,
        })
    }

    /** A data engine acting as `user`; `delay` runs before every request (to interleave). */
    engine(user: string, delay: () => Promise<void> = async () => undefined): DataEngine {
        const answer = async (
            kind: 'query' | 'mutate',
            resource: string,
            id?: string,
            type?: string,
            data?: unknown,
            params?: Record<string, unknown>
        ): Promise<unknown> => {
            await delay()
            if (resource === 'sharing' && kind === 'mutate') {
                this.log.push(`${user} sharing ${String(params?.id)}`)
                for (const ns of this.entries.values()) {
                    for (const entry of ns.values()) {
                        if (entry.id === params?.id) {
                            entry.sharing = (data as { object: SharingObject }).object
                            return { httpStatusCode: 200 }
                        }
                    }
                }
                throw dhis2Error(404, `Object of type dataStore with ID ${String(params?.id)}`)
            }
            const parts = resource.split('/').slice(1)
            if (id) parts.push(id)
            const [namespace, key, meta] = parts
            this.log.push(`${user} ${kind === 'query' ? 'GET' : type} ${parts.join('/')}`)
            if (kind === 'query') {
                if (!namespace) return [...this.entries.keys()]
                const ns = this.entries.get(namespace)
                if (!ns) throw dhis2Error(404, `Namespace not found: '${namespace}'`)
                if (!key) return [...ns.keys()]
                const entry = ns.get(key)
                if (!entry) throw dhis2Error(404, `Key '${key}' not found in namespace`)
                if (meta === 'metaData') {
                    return {
                        id: entry.id,
                        sharing: {
                            public: entry.sharing.publicAccess,
                            external: entry.sharing.externalAccess,
                            users: Object.fromEntries(
                                entry.sharing.userAccesses.map((a) => [a.id, a])
                            ),
                            userGroups: Object.fromEntries(
                                entry.sharing.userGroupAccesses.map((a) => [a.id, a])
                            ),
                        },
                        key,
                        namespace,
                        value: entry.value,
                        lastUpdated: entry.lastUpdated,
                        lastUpdatedBy: { displayName: entry.lastUpdatedBy },
                    }
                }
                return JSON.parse(entry.value)
            }
            if (!namespace || !key) throw dhis2Error(400, 'No key')
            const exists = this.entries.get(namespace)?.has(key) ?? false
            if (type === 'create') {
                if (exists) {
                    throw dhis2Error(409, `Key '${key}' already exists in namespace '${namespace}'`)
                }
                this.set(namespace, key, data, user)
                return { httpStatusCode: 201 }
            }
            if (type === 'replace') {
                this.set(namespace, key, data, user)
                return { httpStatusCode: 200 }
            }
            if (type === 'delete') {
                if (!exists) throw dhis2Error(404, `Key '${key}' not found`)
                this.entries.get(namespace)?.delete(key)
                return { httpStatusCode: 200 }
            }
            throw dhis2Error(405, `Unsupported ${type}`)
        }
        const engine = {
            query: async (
                query: Record<string, { resource: string }>
            ): Promise<Record<string, unknown>> => {
                const out: Record<string, unknown> = {}
                for (const [name, q] of Object.entries(query)) {
                    out[name] = await answer('query', q.resource)
                }
                return out
            },
            mutate: (mutation: {
                resource: string
                id?: string
                type: string
                data?: unknown
                params?: Record<string, unknown>
            }) =>
                answer(
                    'mutate',
                    mutation.resource,
                    mutation.id,
                    mutation.type,
                    mutation.data,
                    mutation.params
                ),
        }
        return engine as unknown as DataEngine
    }
}
