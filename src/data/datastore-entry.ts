/**
 * Reading one dataStore entry with its metadata, and the one way the app writes an entry:
 * `safeWrite`, which never reports "saved" for a value that another write replaced (see
 * `save-revision.ts` for why and how, given that DHIS2 has no conditional write).
 *
 * Whether the key exists is read from the namespace lists (`/api/dataStore`, then
 * `/api/dataStore/<ns>`), which answer 200, rather than by asking for the key and getting a 404
 * (which browsers log as an error on every visit of an unconfigured instance).
 */
import { httpStatusOf, type DataEngine } from './engine'
import { protectAppEntry, type ProtectOutcome } from './entry-protection'
import {
    checkWritten,
    claimKey,
    decideSave,
    forgottenClaims,
    isSameVersion,
    newRevisionId,
    nextRevision,
    sameContent,
    valueWithRevision,
    type EntryVersion,
} from './save-revision'

export interface StoredEntry extends EntryVersion {
    /** Display name of whoever saved it last, when the server says */
    lastUpdatedBy: string | null
}

export const ABSENT: StoredEntry = {
    exists: false,
    value: null,
    lastUpdated: null,
    lastUpdatedBy: null,
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const stringList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The `/metaData` response as an entry; `value` is read from it when it carries one. */
export const parseEntryMetadata = (
    response: unknown
): { lastUpdated: string | null; lastUpdatedBy: string | null; value?: unknown } => {
    const meta = isRecord(response) ? response : {}
    const by = isRecord(meta.lastUpdatedBy) ? meta.lastUpdatedBy : undefined
    const byName = [by?.displayName, by?.name, by?.username].find(
        (name): name is string => typeof name === 'string' && name !== ''
    )
    const parsed: { lastUpdated: string | null; lastUpdatedBy: string | null; value?: unknown } = {
        lastUpdated: typeof meta.lastUpdated === 'string' ? meta.lastUpdated : null,
        lastUpdatedBy: byName ?? null,
    }
    if (typeof meta.value === 'string') {
        try {
            parsed.value = JSON.parse(meta.value)
        } catch {
            // Not JSON: read the value itself below
        }
    } else if (meta.value !== undefined && meta.value !== null) {
        parsed.value = meta.value
    }
    return parsed
}

const query = async (engine: DataEngine, resource: string, signal?: AbortSignal) => {
    const result = await engine.query({ result: { resource } }, signal ? { signal } : {})
    return result.result
}

/**
 * The stored entry: its value and `lastUpdated` in one `/metaData` read when the server includes
 * the value there (DHIS2 does), else with a second read of the value.
 */
export const loadEntry = async (
    engine: DataEngine,
    namespace: string,
    key: string,
    signal?: AbortSignal
): Promise<StoredEntry> => {
    const resource = `dataStore/${namespace}/${key}`
    try {
        const namespaces = stringList(await query(engine, 'dataStore', signal))
        if (!namespaces.includes(namespace)) return ABSENT
        const keys = stringList(await query(engine, `dataStore/${namespace}`, signal))
        if (!keys.includes(key)) return ABSENT
        const meta = parseEntryMetadata(await query(engine, `${resource}/metaData`, signal))
        const value = meta.value !== undefined ? meta.value : await query(engine, resource, signal)
        return {
            exists: true,
            value,
            lastUpdated: meta.lastUpdated,
            lastUpdatedBy: meta.lastUpdatedBy,
        }
    } catch (error) {
        // Deleted between the reads
        if (httpStatusOf(error) === 404) return ABSENT
        throw error
    }
}

export type SafeWriteResult =
    /**
     * Stored, and still there when read back (`entry`: the entry as read back). `protection`: with
     * `protect`, whether the entry now has the app's sharing (see `entry-protection.ts`).
     */
    | { status: 'saved'; entry: StoredEntry; protection?: ProtectOutcome }
    /** The server already had this value */
    | { status: 'alreadySaved'; entry: StoredEntry; protection?: ProtectOutcome }
    /**
     * Someone else wrote the entry since `base` (`reason: 'changed'`), is writing it right now
     * (`'concurrent'`), or replaced this write just after it was made (`'overwritten'`). Nothing
     * was lost: the caller still has its value. `remote` is the entry on the server now.
     */
    | { status: 'conflict'; reason: 'changed' | 'concurrent' | 'overwritten'; remote: StoredEntry }

export interface SafeWriteOptions {
    namespace: string
    key: string
    /** The version the edit started from (`ABSENT` when it creates the entry) */
    base: StoredEntry
    /** The edited value (any `revision` in it is replaced) */
    value: Record<string, unknown>
    /**
     * The admin chose to replace what is on the server (after seeing it: `base` is that version).
     * A claim left by a writer that never finished no longer blocks the save; a write that
     * happens meanwhile is still reported.
     */
    takeOver?: boolean
    /**
     * Give the entry the app's sharing after saving it (public read, the named editors write), so
     * that DHIS2 itself refuses everyone else's writes (`entry-protection.ts`).
     */
    protect?: boolean
    /** Waits between re-reads (tests pass a fake) */
    sleep?: (ms: number) => Promise<void>
    /** A new revision id (tests pass a fixed one) */
    newId?: () => string
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** How long a losing writer waits for the winner's value to show it in the conflict dialog */
const WAIT_FOR_WINNER = [150, 300, 500, 800]
const MAX_GENERATIONS = 5

/**
 * Writes `value` to `<namespace>/<key>` only if nobody else wrote it since `base`:
 * 1. read the entry: if it changed since `base`, a conflict;
 * 2. claim `base` by creating `<key>--save--<token>` (create is DHIS2's only conditional write:
 *    the second writer of the same version gets 409 and a conflict, before writing anything);
 *    an absent entry is created with POST, which is itself refused when someone created it first;
 * 3. write the value with a new revision;
 * 4. read it back: our revision (or one made from it) must be there, else a conflict.
 */
export const safeWrite = async (
    engine: DataEngine,
    {
        namespace,
        key,
        base,
        value,
        takeOver = false,
        protect = false,
        sleep = defaultSleep,
        newId = newRevisionId,
    }: SafeWriteOptions
): Promise<SafeWriteResult> => {
    const read = () => loadEntry(engine, namespace, key)
    const protection = async () =>
        protect ? { protection: await protectAppEntry(engine, namespace, key) } : {}
    const remote = await read()
    const decision = decideSave(base, remote, value)
    if (decision.action === 'alreadySaved')
        return { status: 'alreadySaved', entry: remote, ...(await protection()) }
    if (decision.action === 'conflict') return { status: 'conflict', reason: 'changed', remote }

    const revision = nextRevision(base, newId())
    const stored = valueWithRevision(value, revision)

    /** Someone else claimed or created first: show their version once it is there. */
    const lostRace = async (): Promise<SafeWriteResult> => {
        let now = await read()
        for (const ms of WAIT_FOR_WINNER) {
            if (!isSameVersion(base, now)) break
            await sleep(ms)
            now = await read()
        }
        return { status: 'conflict', reason: 'concurrent', remote: now }
    }

    if (!base.exists) {
        try {
            await engine.mutate({
                resource: `dataStore/${namespace}/${key}`,
                type: 'create',
                data: stored,
            })
        } catch (error) {
            if (httpStatusOf(error) === 409) return lostRace()
            throw error
        }
    } else {
        const token = revision.base as string
        let claimed = false
        for (let generation = 1; !claimed && generation <= MAX_GENERATIONS; generation++) {
            const claim = claimKey(key, token, generation)
            try {
                await engine.mutate({
                    resource: `dataStore/${namespace}/${claim}`,
                    type: 'create',
                    data: { claimedBy: revision.id, at: new Date().toISOString() },
                })
                claimed = true
            } catch (error) {
                const status = httpStatusOf(error)
                // 409: the key exists. A unique-constraint refusal of a simultaneous insert may
                // come back as another error: the claim key is then there, and not ours.
                const taken =
                    status === 409 ||
                    ((status === undefined || status >= 500) &&
                        (await claimExists(engine, namespace, claim)))
                if (!taken) throw error
                if (!takeOver) return lostRace()
                // Taking over: only a claim whose writer never wrote may be passed over
                if (!isSameVersion(base, await read())) return lostRace()
            }
        }
        if (!claimed) return lostRace()
        await engine.mutate({
            resource: `dataStore/${namespace}`,
            id: key,
            type: 'replace',
            data: stored,
        })
    }

    const after = await read()
    if (checkWritten(revision.id, after) === 'overwritten') {
        return { status: 'conflict', reason: 'overwritten', remote: after }
    }
    // Claims the value no longer remembers are of no use: remove them (best effort)
    for (const token of forgottenClaims(base, revision)) {
        void engine
            .mutate({
                resource: `dataStore/${namespace}`,
                id: claimKey(key, token),
                type: 'delete',
            })
            .catch(() => undefined)
    }
    return { status: 'saved', entry: after, ...(await protection()) }
}

const claimExists = async (
    engine: DataEngine,
    namespace: string,
    claim: string
): Promise<boolean> => {
    try {
        return stringList(await query(engine, `dataStore/${namespace}`)).includes(claim)
    } catch {
        return false
    }
}

/** Whether `entry` holds exactly `value` (revisions aside). */
export const holds = (entry: StoredEntry, value: unknown): boolean =>
    entry.exists && sameContent(entry.value, value)
