import { ABSENT_ENTRY, loadConfigEntry, parseEntryMetadata } from './config-store'
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
