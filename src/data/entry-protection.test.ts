import { ABSENT, loadEntry, safeWrite } from './datastore-entry'
import {
    EDITORS_KEY,
    editorSharing,
    isNamedEditor,
    parseEditors,
    protectEntry,
    sameSharing,
    sharingOfMetadata,
} from './entry-protection'
import { dhis2Error, MemoryDataStore } from './memory-datastore'

const NS = 'triangulate'
const editors = {
    userGroups: [{ id: 'grpEditors1', name: 'Triangulate editors' }],
    users: [{ id: 'usrPharma01', name: 'Pharmacist' }],
}

describe('the sharing of the app entries', () => {
    it('lets everyone with the app read and only the named editors write', () => {
        expect(editorSharing(editors)).toEqual({
            publicAccess: 'r-------',
            externalAccess: false,
            userAccesses: [{ id: 'usrPharma01', access: 'rw------' }],
            userGroupAccesses: [{ id: 'grpEditors1', access: 'rw------' }],
        })
        expect(editorSharing(null).publicAccess).toBe('r-------')
        expect(editorSharing(null).userGroupAccesses).toEqual([])
    })

    it('reads the uid and sharing of DHIS2 /metaData, both shapes', () => {
        expect(
            sharingOfMetadata({
                id: 'abc',
                sharing: {
                    public: 'rw------',
                    external: false,
                    users: {},
                    userGroups: { g1: { id: 'g1', access: 'rw------' } },
                },
            })
        ).toEqual({
            id: 'abc',
            sharing: {
                publicAccess: 'rw------',
                externalAccess: false,
                userAccesses: [],
                userGroupAccesses: [{ id: 'g1', access: 'rw------' }],
            },
        })
        expect(
            sharingOfMetadata({ id: 'x', publicAccess: 'r-------', userAccesses: [] }).sharing
                ?.publicAccess
        ).toBe('r-------')
        expect(sharingOfMetadata({ id: 'x' }).sharing).toBeNull()
    })

    it('compares sharings regardless of order', () => {
        const a = editorSharing({
            users: [],
            userGroups: [
                { id: 'a', name: 'A' },
                { id: 'b', name: 'B' },
            ],
        })
        const b = { ...a, userGroupAccesses: [...a.userGroupAccesses].reverse() }
        expect(sameSharing(a, b)).toBe(true)
        expect(sameSharing(a, { ...a, publicAccess: 'rw------' })).toBe(false)
    })

    it('names superusers, the named users and members of the named groups as editors', () => {
        expect(isNamedEditor({ id: 'u', authorities: ['ALL'] }, null)).toBe(true)
        expect(isNamedEditor({ id: 'usrPharma01', authorities: [] }, editors)).toBe(true)
        expect(
            isNamedEditor(
                { id: 'u', authorities: [], userGroups: [{ id: 'grpEditors1' }] },
                editors
            )
        ).toBe(true)
        expect(isNamedEditor({ id: 'u', authorities: ['F_TRIANGULATE_CONFIG'] }, editors)).toBe(
            false
        )
        expect(isNamedEditor({ id: 'u', authorities: [] }, null)).toBe(false)
    })

    it('keeps editors it does not understand out', () => {
        expect(parseEditors({ userGroups: [{ id: 'g' }] })).toBeNull()
        expect(parseEditors({})).toEqual({ userGroups: [], users: [] })
    })
})

describe('protecting an entry', () => {
    it('sets the sharing once, then leaves it', async () => {
        const store = new MemoryDataStore()
        store.set(NS, 'config', { a: 1 })
        const engine = store.engine('admin')
        const wanted = editorSharing(editors)
        expect(await protectEntry(engine, NS, 'config', wanted)).toEqual({
            status: 'protected',
            changed: true,
        })
        expect(store.sharingOf(NS, 'config')).toEqual(wanted)
        expect(await protectEntry(engine, NS, 'config', wanted)).toEqual({
            status: 'protected',
            changed: false,
        })
    })

    it('reports a refusal instead of throwing', async () => {
        const store = new MemoryDataStore()
        store.set(NS, 'config', { a: 1 })
        const real = store.engine('analyst')
        const engine = {
            ...real,
            mutate: () =>
                Promise.reject(dhis2Error(403, 'You do not have manage access to this object.')),
        } as unknown as typeof real
        expect(await protectEntry(engine, NS, 'config', editorSharing(editors))).toEqual({
            status: 'failed',
            httpStatus: 403,
            message: 'You do not have manage access to this object.',
        })
    })

    it('is done by a protected save, with the editors named in the app', async () => {
        const store = new MemoryDataStore()
        store.set(NS, EDITORS_KEY, editors)
        const engine = store.engine('admin')
        const result = await safeWrite(engine, {
            namespace: NS,
            key: 'dashboard-item-abc',
            base: ABSENT,
            value: { area: 'mnh' },
            protect: true,
        })
        expect(result).toMatchObject({
            status: 'saved',
            protection: { status: 'protected', changed: true },
        })
        expect(store.sharingOf(NS, 'dashboard-item-abc')).toEqual(editorSharing(editors))
        // The editors entry itself is writable by superusers only
        const base = await loadEntry(engine, NS, EDITORS_KEY)
        await safeWrite(engine, {
            namespace: NS,
            key: EDITORS_KEY,
            base,
            value: { ...editors, users: [] },
            protect: true,
        })
        expect(store.sharingOf(NS, EDITORS_KEY)).toEqual(editorSharing(null))
    })
})

describe('protecting every app entry', () => {
    it('shares all entries but claims, and reports which are open', async () => {
        const store = new MemoryDataStore()
        store.set(NS, 'config', { a: 1 })
        store.set(NS, 'dashboard-item-x', { area: 'mnh' })
        store.set(NS, 'config--save--abc', { claimedBy: 'r' })
        store.set(NS, 'followup--OU1--oxy', { orgUnitId: 'OU1', pairId: 'oxy', history: [] })
        store.set(NS, EDITORS_KEY, editors)
        const engine = store.engine('admin')
        const { protectionStatus, protectAllEntries } = await import('./entry-protection')
        expect((await protectionStatus(engine, NS)).every((s) => s.open)).toBe(true)
        const results = await protectAllEntries(engine, NS)
        expect(results.map((r) => r.key).sort()).toEqual(['config', 'dashboard-item-x', 'editors'])
        expect(results.every((r) => r.outcome.status === 'protected')).toBe(true)
        expect(store.sharingOf(NS, 'config--save--abc')?.publicAccess).toBe('rw------')
        // Follow-ups stay writable by every user of the app (data/follow-ups.ts)
        expect(store.sharingOf(NS, 'followup--OU1--oxy')?.publicAccess).toBe('rw------')
        const after = await protectionStatus(engine, NS)
        expect(after.every((s) => !s.open && s.asWanted)).toBe(true)
    })
})
