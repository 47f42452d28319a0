import {
    clearStoredDraft,
    draftStorageKey,
    readStoredDraft,
    restoreOffer,
    writeStoredDraft,
    type DraftStorage,
} from './draft-storage'

const memoryStorage = (): DraftStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>()
    return {
        data,
        getItem: (key) => data.get(key) ?? null,
        setItem: (key, value) => void data.set(key, value),
        removeItem: (key) => void data.delete(key),
    }
}

const value = { version: 1, programAreas: [{ id: 'a', name: 'A', pairs: [] }] }

describe('the draft kept in localStorage', () => {
    it('has one key per instance and user', () => {
        expect(draftStorageKey('https://dhis2.example.org/', 'u1')).toBe(
            'triangulate:settings-draft:https://dhis2.example.org:u1'
        )
        expect(draftStorageKey('https://other.org', 'u1')).not.toBe(
            draftStorageKey('https://dhis2.example.org', 'u1')
        )
    })

    it('writes, reads and clears', () => {
        const storage = memoryStorage()
        const key = draftStorageKey('http://localhost:8080', 'u1')
        expect(
            writeStoredDraft(storage, key, {
                savedAt: '2026-01-01T10:00:00.000Z',
                baseLastUpdated: '2026-01-01T09:00:00.000',
                baseValue: null,
                value,
            })
        ).toBe(true)
        expect(readStoredDraft(storage, key)).toMatchObject({
            value,
            baseLastUpdated: '2026-01-01T09:00:00.000',
        })
        clearStoredDraft(storage, key)
        expect(readStoredDraft(storage, key)).toBeNull()
    })

    it('ignores unreadable drafts and survives a refusing browser', () => {
        const storage = memoryStorage()
        storage.data.set('k', '{not json')
        expect(readStoredDraft(storage, 'k')).toBeNull()
        storage.data.set('k', JSON.stringify({ version: 2, value }))
        expect(readStoredDraft(storage, 'k')).toBeNull()
        const full: DraftStorage = {
            getItem: () => {
                throw new Error('denied')
            },
            setItem: () => {
                throw new Error('QuotaExceededError')
            },
            removeItem: () => undefined,
        }
        expect(readStoredDraft(full, 'k')).toBeNull()
        expect(
            writeStoredDraft(full, 'k', {
                savedAt: '',
                baseLastUpdated: null,
                baseValue: null,
                value,
            })
        ).toBe(false)
        expect(
            writeStoredDraft(undefined, 'k', {
                savedAt: '',
                baseLastUpdated: null,
                baseValue: null,
                value,
            })
        ).toBe(false)
    })

    it('offers a draft that differs from the server, and says when the server changed since', () => {
        const stored = {
            version: 1 as const,
            savedAt: '2026-01-01T10:00:00.000Z',
            baseLastUpdated: 'T1',
            baseValue: null,
            value,
        }
        expect(restoreOffer(null, value, 'T1')).toBeNull()
        expect(restoreOffer(stored, value, 'T1')).toBeNull()
        const server = { version: 1, programAreas: [] }
        expect(restoreOffer(stored, server, 'T1')).toEqual({
            draft: stored,
            serverChangedSince: false,
        })
        expect(restoreOffer(stored, server, 'T2')?.serverChangedSince).toBe(true)
    })
})
