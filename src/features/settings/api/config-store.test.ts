import {
    ABSENT_ENTRY,
    loadConfigEntry,
    parseEntryMetadata,
    planSave,
    readEntryMetadata,
    writeConfig,
} from './config-store'
import { fakeEngine, httpError } from './fake-engine'

const value = { version: 1, programAreas: [] }
const meta = {
    created: '2026-11-26T09:16:04.799',
    lastUpdated: '2026-11-26T09:20:00.000',
    lastUpdatedBy: { id: 'u1', name: 'John Traore', displayName: 'John Traore', username: 'admin' },
    value: JSON.stringify(value),
    namespace: 'triangulate',
    key: 'config',
}

describe('reading the configuration entry', () => {
    it('reads value and lastUpdated from /metaData, after checking the key exists', async () => {
        const { engine, calls } = fakeEngine(({ resource }) => {
            if (resource === 'dataStore') return ['other', 'triangulate']
            if (resource === 'dataStore/triangulate') return ['config']
            if (resource === 'dataStore/triangulate/config/metaData') return meta
            return httpError(404)
        })
        expect(await loadConfigEntry(engine)).toEqual({
            exists: true,
            value,
            lastUpdated: '2026-11-26T09:20:00.000',
            lastUpdatedBy: 'John Traore',
        })
        expect(calls.map((call) => call.resource)).toEqual([
            'dataStore',
            'dataStore/triangulate',
            'dataStore/triangulate/config/metaData',
        ])
    })

    it('reads the value itself when /metaData does not carry it', async () => {
        const { engine } = fakeEngine(({ resource }) => {
            if (resource === 'dataStore') return ['triangulate']
            if (resource === 'dataStore/triangulate') return ['config']
            if (resource.endsWith('/metaData')) return { ...meta, value: undefined }
            return value
        })
        expect((await loadConfigEntry(engine)).value).toEqual(value)
    })

    it('knows an absent key without asking for it (no 404 in the console)', async () => {
        const noNamespace = fakeEngine(({ resource }) =>
            resource === 'dataStore' ? [] : httpError(404)
        )
        expect(await loadConfigEntry(noNamespace.engine)).toEqual(ABSENT_ENTRY)
        expect(noNamespace.calls).toHaveLength(1)
        const noKey = fakeEngine(({ resource }) =>
            resource === 'dataStore'
                ? ['triangulate']
                : resource === 'dataStore/triangulate'
                  ? ['x']
                  : httpError(404)
        )
        expect(await loadConfigEntry(noKey.engine)).toEqual(ABSENT_ENTRY)
    })

    it('treats a key deleted between reads as absent, other errors as errors', async () => {
        const deleted = fakeEngine(({ resource }) =>
            resource === 'dataStore'
                ? ['triangulate']
                : resource === 'dataStore/triangulate'
                  ? ['config']
                  : httpError(404)
        )
        expect(await loadConfigEntry(deleted.engine)).toEqual(ABSENT_ENTRY)
        const down = fakeEngine(() => httpError(500))
        await expect(loadConfigEntry(down.engine)).rejects.toMatchObject({
            details: { httpStatusCode: 500 },
        })
    })

    it('parses the metadata leniently', () => {
        expect(parseEntryMetadata(null)).toEqual({ lastUpdated: null, lastUpdatedBy: null })
        expect(parseEntryMetadata({ value: 'not json', lastUpdated: 'T' })).toEqual({
            lastUpdated: 'T',
            lastUpdatedBy: null,
        })
        expect(parseEntryMetadata({ value: { a: 1 }, lastUpdatedBy: { username: 'u' } })).toEqual({
            lastUpdated: null,
            lastUpdatedBy: 'u',
            value: { a: 1 },
        })
    })
})

describe('writing the configuration', () => {
    it('creates with POST when absent and replaces with PUT otherwise', async () => {
        const { engine, calls } = fakeEngine(({ resource }) =>
            resource.endsWith('/metaData') ? meta : { status: 'OK' }
        )
        await writeConfig(engine, value, 'create')
        await writeConfig(engine, value, 'update')
        expect(calls.map((c) => [c.type, c.resource, c.id])).toEqual([
            ['create', 'dataStore/triangulate/config', undefined],
            ['replace', 'dataStore/triangulate', 'config'],
        ])
        expect(calls[0]?.data).toEqual(value)
        expect(await readEntryMetadata(engine)).toEqual({
            lastUpdated: '2026-11-26T09:20:00.000',
            lastUpdatedBy: 'John Traore',
        })
    })

    it('passes a refusal (403) on to the caller', async () => {
        const { engine } = fakeEngine(() =>
            httpError(403, "Namespace 'triangulate' is protected, access denied")
        )
        await expect(writeConfig(engine, value, 'update')).rejects.toMatchObject({
            details: { httpStatusCode: 403 },
        })
    })
})

describe('planning a save', () => {
    const remote = { exists: true, value, lastUpdated: 'T1', lastUpdatedBy: 'A' }
    it('writes when nobody saved since the editor loaded', () => {
        expect(
            planSave({
                loaded: { exists: true, lastUpdated: 'T1' },
                remote,
                draftValue: {},
                force: false,
            })
        ).toEqual({
            action: 'write',
            mode: 'update',
        })
        expect(
            planSave({
                loaded: { exists: false, lastUpdated: null },
                remote: ABSENT_ENTRY,
                draftValue: {},
                force: false,
            })
        ).toEqual({ action: 'write', mode: 'create' })
    })

    it('reports a conflict when someone saved or deleted in between', () => {
        expect(
            planSave({
                loaded: { exists: true, lastUpdated: 'T0' },
                remote,
                draftValue: {},
                force: false,
            })
        ).toEqual({
            action: 'conflict',
        })
        expect(
            planSave({
                loaded: { exists: false, lastUpdated: null },
                remote,
                draftValue: {},
                force: false,
            }).action
        ).toBe('conflict')
        expect(
            planSave({
                loaded: { exists: true, lastUpdated: 'T1' },
                remote: ABSENT_ENTRY,
                draftValue: {},
                force: false,
            }).action
        ).toBe('conflict')
    })

    it('overwrites when forced, and does nothing when the server already has the draft', () => {
        expect(
            planSave({
                loaded: { exists: true, lastUpdated: 'T0' },
                remote,
                draftValue: {},
                force: true,
            })
        ).toEqual({
            action: 'write',
            mode: 'update',
        })
        expect(
            planSave({
                loaded: { exists: true, lastUpdated: 'T0' },
                remote,
                draftValue: { programAreas: [], version: 1 },
                force: false,
            })
        ).toEqual({ action: 'alreadySaved' })
    })
})
