/**
 * Who may change the app's dataStore entries, enforced by DHIS2 itself.
 *
 * What a real DHIS2 offers (dhis2-core 2.40–2.42):
 * - Namespace protection (`DatastoreNamespaceProtection`) is set only by the server: an installed
 *   app's namespace is protected RESTRICTED for reads and writes with the app's own authority
 *   (`M_<short name>`) and App Management (`DefaultAppManager.registerDatastoreProtection`), so every
 *   user who may open the app may also write its namespace. An app cannot add an authority to it
 *   (`customAuthorities` of the manifest only create authorities for user roles).
 * - Entry sharing: a dataStore entry is a shareable object (schema `dataStore`,
 *   `KeyJsonValueSchemaDescriptor`/`DatastoreEntrySchemaDescriptor`: shareable, no authorities).
 *   `DefaultDatastoreService.writeProtectedIn` checks `AclService.canWrite` for every entry written:
 *   superusers (`ALL`), the entry's owner (`checkOwner`), or metadata write (`?w`) through its public
 *   access, a user access or a user group access. A new entry's public access is `rw------`.
 *   The sharing is set with `POST /api/sharing?type=dataStore&id=<entry uid>` (`SharingController.
 *   postSharing`, allowed to whoever `AclService.canManage`s the entry, i.e. may write it); the
 *   entry's uid and sharing are in `GET /api/dataStore/<ns>/<key>/metaData`.
 *
 * So the app names its editors (user groups and users) in the entry `triangulate/editors`, and
 * gives every entry it saves the sharing: public `r-------` (everyone with the app reads), the
 * editors `rw------`. Only superusers may change the editors entry itself (public `r-------`, nobody
 * else). Its owner (who created it) keeps write access: DHIS2 has no way to take it away.
 */
import { FOLLOW_UP_KEY_PREFIX } from '../domain/follow-up/follow-up'
import { editorsSchema, type Editors } from './editors'
import { httpStatusOf, type DataEngine } from './engine'

export {
    editorsSchema,
    isNamedEditor,
    type EditorCandidate,
    type Editors,
    type NamedRef,
} from './editors'

export const EDITORS_KEY = 'editors'
export const READ_ONLY_ACCESS = 'r-------'
export const READ_WRITE_ACCESS = 'rw------'
const NO_ACCESS = '--------'

export const NO_EDITORS: Editors = { userGroups: [], users: [] }

/** The editors stored in a value (revision and unknown fields aside); `null` when unreadable. */
export const parseEditors = (value: unknown): Editors | null => {
    const parsed = editorsSchema.safeParse(value)
    return parsed.success ? parsed.data : null
}

export interface AccessRef {
    id: string
    access: string
}

/** The sharing object of `POST /api/sharing` (`Sharing.object`). */
export interface SharingObject {
    publicAccess: string
    externalAccess: boolean
    userAccesses: AccessRef[]
    userGroupAccesses: AccessRef[]
}

/** The sharing of an app entry: everyone with the app reads, the named editors write. */
export const editorSharing = (editors: Editors | null): SharingObject => ({
    publicAccess: READ_ONLY_ACCESS,
    externalAccess: false,
    userAccesses: (editors?.users ?? []).map((u) => ({ id: u.id, access: READ_WRITE_ACCESS })),
    userGroupAccesses: (editors?.userGroups ?? []).map((g) => ({
        id: g.id,
        access: READ_WRITE_ACCESS,
    })),
})

/** The sharing of the editors entry: everyone with the app reads, only superusers write. */
export const editorsEntrySharing = (): SharingObject => editorSharing(null)

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const accessList = (value: unknown): AccessRef[] => {
    const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []
    return items.flatMap((item) =>
        isRecord(item) && typeof item.id === 'string' && typeof item.access === 'string'
            ? [{ id: item.id, access: item.access }]
            : []
    )
}

/**
 * The entry's uid and sharing from its `/metaData`: DHIS2 gives both `sharing` (`public`, `users`
 * and `userGroups` maps by id) and the older `publicAccess`/`userAccesses`/`userGroupAccesses`.
 */
export const sharingOfMetadata = (
    meta: unknown
): { id: string | null; sharing: SharingObject | null } => {
    if (!isRecord(meta)) return { id: null, sharing: null }
    const id = typeof meta.id === 'string' ? meta.id : null
    const sharing = isRecord(meta.sharing) ? meta.sharing : null
    const publicAccess =
        typeof sharing?.public === 'string'
            ? sharing.public
            : typeof meta.publicAccess === 'string'
              ? meta.publicAccess
              : null
    if (publicAccess === null) return { id, sharing: null }
    return {
        id,
        sharing: {
            publicAccess,
            externalAccess: sharing?.external === true || meta.externalAccess === true,
            userAccesses: accessList(sharing ? sharing.users : meta.userAccesses),
            userGroupAccesses: accessList(sharing ? sharing.userGroups : meta.userGroupAccesses),
        },
    }
}

const accessKey = (list: AccessRef[]): string =>
    list
        .filter((a) => a.access !== NO_ACCESS)
        .map((a) => `${a.id}:${a.access}`)
        .sort()
        .join(',')

/** Whether two sharings give the same access (order aside). */
export const sameSharing = (a: SharingObject, b: SharingObject): boolean =>
    a.publicAccess === b.publicAccess &&
    a.externalAccess === b.externalAccess &&
    accessKey(a.userAccesses) === accessKey(b.userAccesses) &&
    accessKey(a.userGroupAccesses) === accessKey(b.userGroupAccesses)

/** Whether a public access string lets everyone change the entry (metadata write). */
export const publicCanWrite = (publicAccess: string): boolean => publicAccess[1] === 'w'

export type ProtectOutcome =
    /** The entry now has the wanted sharing (or already had it) */
    | { status: 'protected'; changed: boolean }
    /** The server refused or failed: the entry keeps its old sharing */
    | { status: 'failed'; httpStatus: number | null; message: string }

const queryOne = async (engine: DataEngine, resource: string): Promise<unknown> =>
    (await engine.query({ result: { resource } })).result

/**
 * Gives `<namespace>/<key>` the sharing `wanted` unless it has it already: reads its uid and
 * sharing from `/metaData`, then `POST /api/sharing?type=dataStore&id=<uid>`.
 */
export const protectEntry = async (
    engine: DataEngine,
    namespace: string,
    key: string,
    wanted: SharingObject
): Promise<ProtectOutcome> => {
    try {
        const { id, sharing } = sharingOfMetadata(
            await queryOne(engine, `dataStore/${namespace}/${key}/metaData`)
        )
        if (sharing && sameSharing(sharing, wanted)) return { status: 'protected', changed: false }
        if (!id) {
            return { status: 'failed', httpStatus: null, message: 'The entry has no id' }
        }
        await engine.mutate({
            resource: 'sharing',
            type: 'create',
            params: { type: 'dataStore', id },
            data: { object: wanted },
        })
        return { status: 'protected', changed: true }
    } catch (error) {
        return {
            status: 'failed',
            httpStatus: httpStatusOf(error) ?? null,
            message: error instanceof Error ? error.message : String(error),
        }
    }
}

/** The editors named in `<namespace>/editors`; `null` when none were named yet. */
export const loadEditors = async (
    engine: DataEngine,
    namespace: string
): Promise<Editors | null> => {
    const namespaces = await queryOne(engine, 'dataStore')
    if (!Array.isArray(namespaces) || !namespaces.includes(namespace)) return null
    const keys = await queryOne(engine, `dataStore/${namespace}`)
    if (!Array.isArray(keys) || !keys.includes(EDITORS_KEY)) return null
    try {
        return parseEditors(await queryOne(engine, `dataStore/${namespace}/${EDITORS_KEY}`))
    } catch (error) {
        if (httpStatusOf(error) === 404) return null
        throw error
    }
}

/** The sharing an app entry should have: the editors entry its own, every other the editors'. */
export const wantedSharing = async (
    engine: DataEngine,
    namespace: string,
    key: string
): Promise<SharingObject> =>
    key === EDITORS_KEY
        ? editorsEntrySharing()
        : editorSharing(await loadEditors(engine, namespace))

/** Protects an app entry after a save: the sharing it should have, set when it differs. */
export const protectAppEntry = async (
    engine: DataEngine,
    namespace: string,
    key: string
): Promise<ProtectOutcome> => {
    try {
        return await protectEntry(
            engine,
            namespace,
            key,
            await wantedSharing(engine, namespace, key)
        )
    } catch (error) {
        return {
            status: 'failed',
            httpStatus: httpStatusOf(error) ?? null,
            message: error instanceof Error ? error.message : String(error),
        }
    }
}

export interface EntryProtectionStatus {
    key: string
    /** Everyone with the app may change it (public metadata write) */
    open: boolean
    /** Its sharing is exactly the one the app gives */
    asWanted: boolean
}

/**
 * The app's own keys of a namespace that take the editors' sharing: claims of the safe save aside,
 * and the alerts' follow-ups (`followup--…`), which every user of the app who sees the org unit
 * must be able to write (`data/follow-ups.ts`).
 */
const appKeys = async (engine: DataEngine, namespace: string): Promise<string[]> => {
    const namespaces = await queryOne(engine, 'dataStore')
    if (!Array.isArray(namespaces) || !namespaces.includes(namespace)) return []
    const keys = await queryOne(engine, `dataStore/${namespace}`)
    return (Array.isArray(keys) ? keys : []).filter(
        (key): key is string =>
            typeof key === 'string' &&
            !key.includes('--save--') &&
            !key.startsWith(FOLLOW_UP_KEY_PREFIX)
    )
}

/** How each app entry is shared now, against what the app gives. */
export const protectionStatus = async (
    engine: DataEngine,
    namespace: string
): Promise<EntryProtectionStatus[]> => {
    const editors = await loadEditors(engine, namespace)
    const out: EntryProtectionStatus[] = []
    for (const key of await appKeys(engine, namespace)) {
        const { sharing } = sharingOfMetadata(
            await queryOne(engine, `dataStore/${namespace}/${key}/metaData`)
        )
        const wanted = key === EDITORS_KEY ? editorsEntrySharing() : editorSharing(editors)
        out.push({
            key,
            open: sharing ? publicCanWrite(sharing.publicAccess) : true,
            asWanted: sharing ? sameSharing(sharing, wanted) : false,
        })
    }
    return out
}

/** Gives every app entry of the namespace the app's sharing; the outcome per key. */
export const protectAllEntries = async (
    engine: DataEngine,
    namespace: string
): Promise<{ key: string; outcome: ProtectOutcome }[]> => {
    const editors = await loadEditors(engine, namespace)
    const out: { key: string; outcome: ProtectOutcome }[] = []
    for (const key of await appKeys(engine, namespace)) {
        const wanted = key === EDITORS_KEY ? editorsEntrySharing() : editorSharing(editors)
        out.push({ key, outcome: await protectEntry(engine, namespace, key, wanted) })
    }
    return out
}
