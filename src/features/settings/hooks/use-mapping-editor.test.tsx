// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import React, { type ReactNode } from 'react'
import { dhis2Error, MemoryDataStore } from '../../../data/memory-datastore'
import { readRevision } from '../../../data/save-revision'
import type { DataEngine } from '../../../data/engine'
import { loadConfigEntry, type StoredConfigEntry } from '../api/config-store'
import { draftToJson } from '../model/draft'
import { updateArea, updatePair } from '../model/edits'
import { hasUnsavedChanges } from '../unsaved-changes'
import { useMappingEditor } from './use-mapping-editor'

let currentEngine: DataEngine
vi.mock('@dhis2/app-runtime', async (original) => ({
    ...(await original<typeof import('@dhis2/app-runtime')>()),
    useDataEngine: () => currentEngine,
}))

const config = (name: string) => ({
    version: 1,
    programAreas: [{ id: 'mnh', name, pairs: [] }],
})

const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
)

const STORAGE_KEY = 'triangulate:settings-draft:http://dhis2.test:u1'
const NS = 'triangulate'

/** A demo dataStore holding `config('Maternal health')`, and the editor's engine on it. */
const server = () => {
    const store = new MemoryDataStore()
    store.set(NS, 'config', config('Maternal health'))
    currentEngine = store.engine('admin')
    return store
}

const stored = (store: MemoryDataStore) => {
    const value = store.get(NS, 'config') as Record<string, unknown>
    const { revision: _revision, ...rest } = value
    return rest
}

const open = async (store: MemoryDataStore) => {
    const entry = await loadConfigEntry(store.engine('reader'))
    return renderHook(() => useMappingEditor({ entry, storageKey: STORAGE_KEY }), { wrapper })
}

const renameArea = (
    result: { current: ReturnType<typeof useMappingEditor> },
    name: string
): void => {
    const areaKey = result.current.draft.areas[0]?.key ?? ''
    act(() => result.current.setDraft((d) => updateArea(d, areaKey, { name })))
}

describe('the mapping editor state', () => {
    beforeEach(() => localStorage.clear())

    it('keeps the draft, detects a concurrent save, and overwrites only when told', async () => {
        const store = server()
        const { result, unmount } = await open(store)
        expect(result.current.unsaved).toBe(false)
        renameArea(result, 'Mine')
        expect(result.current.unsaved).toBe(true)
        expect(hasUnsavedChanges()).toBe(true)
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').value).toEqual(config('Mine'))

        // Someone else saves in between (same millisecond: no clock to rely on)
        store.set(NS, 'config', config('Theirs'), 'Someone Else')
        await act(() => result.current.save())
        expect(result.current.saveState).toMatchObject({
            status: 'conflict',
            reason: 'changed',
            remote: { value: config('Theirs'), lastUpdatedBy: 'Someone Else' },
        })
        expect(stored(store)).toEqual(config('Theirs'))
        expect(draftToJson(result.current.draft)).toEqual(config('Mine'))
        expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull()

        const state = result.current.saveState
        if (state.status !== 'conflict') throw new Error('no conflict')
        await act(() => result.current.save(state.remote))
        expect(stored(store)).toEqual(config('Mine'))
        expect(result.current.saveState.status).toBe('saved')
        expect(result.current.unsaved).toBe(false)
        expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
        unmount()
        expect(hasUnsavedChanges()).toBe(false)
    })

    it('shows a conflict, never "Saved", to the second of two admins saving at the same moment', async () => {
        const store = server()
        const first = await open(store)
        const second = await open(store)
        renameArea(first.result, 'First')
        renameArea(second.result, 'Second')
        currentEngine = store.engine('admin')
        await act(async () => {
            await Promise.all([first.result.current.save(), second.result.current.save()])
        })
        const states = [first.result.current.saveState, second.result.current.saveState]
        expect(states.map((s) => s.status).sort()).toEqual(['conflict', 'saved'])
        const loser = states[0]?.status === 'conflict' ? first : second
        const loserName = loser === first ? 'First' : 'Second'
        // The loser's edit is still in its draft; the winner's is on the server
        expect(draftToJson(loser.result.current.draft)).toEqual(config(loserName))
        expect(stored(store)).toEqual(config(loserName === 'First' ? 'Second' : 'First'))
    })

    it('keeps fields it does not know through an unrelated save', async () => {
        const store = new MemoryDataStore()
        const pair = {
            id: 'oxytocin',
            name: 'Oxytocin',
            notes: 'checked by the TWG',
            commodity: { name: 'Oxytocin', code: 'OXY' },
            hmis: { items: [{ id: 'abcdefghijk', extraField: 42 }] },
            lmis: { consumption: 'bcdefghijkl' },
        }
        store.set(NS, 'config', {
            version: 1,
            extra: { owner: 'MoH' },
            programAreas: [{ id: 'mnh', name: 'Maternal', colour: 'red', pairs: [pair] }],
        })
        currentEngine = store.engine('admin')
        const { result } = await open(store)
        const pairKey = result.current.draft.areas[0]?.pairs[0]?.key ?? ''
        act(() =>
            result.current.setDraft((d) =>
                updatePair(d, pairKey, (p) => ({ ...p, name: 'Renamed' }))
            )
        )
        await act(() => result.current.save())
        expect(result.current.saveState.status).toBe('saved')
        expect(stored(store)).toEqual({
            version: 1,
            extra: { owner: 'MoH' },
            programAreas: [
                {
                    id: 'mnh',
                    name: 'Maternal',
                    colour: 'red',
                    pairs: [{ ...pair, name: 'Renamed' }],
                },
            ],
        })
        expect(result.current.unsaved).toBe(false)
    })

    it('keeps the edit when the server refuses (403), then offers it back on the next visit', async () => {
        const store = server()
        const first = await open(store)
        renameArea(first.result, 'Mine')
        const refusing = store.engine('admin')
        Object.assign(refusing, {
            mutate: () => Promise.reject(dhis2Error(403, 'Namespace is protected, access denied')),
        })
        currentEngine = refusing
        first.rerender()
        await act(() => first.result.current.save())
        expect(first.result.current.saveState).toMatchObject({
            status: 'error',
            error: { details: { httpStatusCode: 403 } },
        })
        expect(first.result.current.unsaved).toBe(true)
        expect(draftToJson(first.result.current.draft)).toEqual(config('Mine'))
        first.unmount()

        // Next visit: the stored draft is offered, and not overwritten while the offer waits
        currentEngine = store.engine('admin')
        const second = await open(store)
        expect(second.result.current.offer?.serverChangedSince).toBe(false)
        expect(draftToJson(second.result.current.draft)).toEqual(config('Maternal health'))
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').value).toEqual(config('Mine'))
        act(() => second.result.current.restoreDraft())
        expect(draftToJson(second.result.current.draft)).toEqual(config('Mine'))
        expect(second.result.current.unsaved).toBe(true)

        await act(() => second.result.current.save())
        await waitFor(() => expect(second.result.current.saveState.status).toBe('saved'))
        expect(stored(store)).toEqual(config('Mine'))
    })

    it('creates the configuration with POST when the instance has none', async () => {
        const store = new MemoryDataStore()
        currentEngine = store.engine('admin')
        const absent: StoredConfigEntry = await loadConfigEntry(currentEngine)
        expect(absent.exists).toBe(false)
        const { result } = renderHook(
            () => useMappingEditor({ entry: absent, storageKey: STORAGE_KEY }),
            { wrapper }
        )
        expect(result.current.draft.areas).toEqual([])
        expect(result.current.unsaved).toBe(false)
        act(() =>
            result.current.setDraft({
                areas: [{ key: 'k', autoId: false, id: 'mnh', name: 'Mine', pairs: [] }],
            })
        )
        await act(() => result.current.save())
        expect(store.log.filter((line) => line.includes('create'))).toEqual([
            'admin create triangulate/config',
        ])
        expect(stored(store)).toEqual(config('Mine'))
        expect(readRevision(store.get(NS, 'config'))?.n).toBe(1)
        expect(result.current.server).toMatchObject({ exists: true })
    })
})
