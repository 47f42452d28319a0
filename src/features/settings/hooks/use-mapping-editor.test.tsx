// @vitest-environment jsdom
import { CustomDataProvider, useDataEngine } from '@dhis2/app-runtime'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import React, { type ComponentProps, type ReactNode } from 'react'
import { loadConfigEntry, type StoredConfigEntry } from '../api/config-store'
import { draftToJson } from '../model/draft'
import { updateArea } from '../model/edits'
import { hasUnsavedChanges } from '../unsaved-changes'
import { useMappingEditor } from './use-mapping-editor'

const config = (name: string) => ({
    version: 1,
    programAreas: [{ id: 'mnh', name, pairs: [] }],
})

type Query = { id?: string; data?: unknown }

const providerFor =
    (data: Record<string, unknown>) =>
    ({ children }: { children: ReactNode }) => (
        <CustomDataProvider data={data as ComponentProps<typeof CustomDataProvider>['data']}>
            <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
        </CustomDataProvider>
    )

/** A dataStore with one entry, whose `lastUpdated` changes on every write. */
const fakeServer = () => {
    const state = {
        value: config('Maternal health') as unknown,
        lastUpdated: 'T1',
        writes: [] as { type: string; data: unknown }[],
        refuse: 0 as number,
    }
    const write = async (type: string, query?: Query) => {
        if (state.refuse) {
            throw Object.assign(new Error('Forbidden'), {
                type: 'access',
                details: { httpStatusCode: state.refuse, message: 'access denied' },
            })
        }
        state.writes.push({ type, data: query?.data })
        state.value = query?.data
        state.lastUpdated = `T${state.writes.length + 1}`
        return { status: 'OK' }
    }
    const wrapper = providerFor({
        dataStore: ['triangulate'],
        // `replace` targets `dataStore/triangulate` with id `config`; reads list the keys
        'dataStore/triangulate': async (type: string, query?: Query) =>
            query?.id === 'config' ? write(type, query) : ['config'],
        'dataStore/triangulate/config': write,
        'dataStore/triangulate/config/metaData': async () => ({
            lastUpdated: state.lastUpdated,
            lastUpdatedBy: { displayName: 'Someone Else' },
            value: JSON.stringify(state.value),
        }),
    })
    return { state, wrapper }
}

const STORAGE_KEY = 'triangulate:settings-draft:http://dhis2.test:u1'

const entryOf = (state: { value: unknown; lastUpdated: string }): StoredConfigEntry => ({
    exists: true,
    value: state.value,
    lastUpdated: state.lastUpdated,
    lastUpdatedBy: 'Someone Else',
})

describe('the mapping editor state', () => {
    beforeEach(() => localStorage.clear())

    it('keeps the draft, detects a concurrent save, and overwrites only when told', async () => {
        const { state, wrapper } = fakeServer()
        const { result, unmount } = renderHook(
            () => useMappingEditor({ entry: entryOf(state), storageKey: STORAGE_KEY }),
            { wrapper }
        )
        expect(result.current.unsaved).toBe(false)
        const areaKey = result.current.draft.areas[0]?.key ?? ''

        act(() => result.current.setDraft((d) => updateArea(d, areaKey, { name: 'Mine' })))
        expect(result.current.unsaved).toBe(true)
        expect(hasUnsavedChanges()).toBe(true)
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').value).toEqual(config('Mine'))

        // Someone else saves in between
        state.value = config('Theirs')
        state.lastUpdated = 'T9'
        await act(() => result.current.save(false))
        expect(result.current.saveState).toMatchObject({
            status: 'conflict',
            remote: { value: config('Theirs'), lastUpdated: 'T9' },
        })
        expect(state.writes).toEqual([])
        expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull()

        await act(() => result.current.save(true))
        expect(state.writes).toEqual([{ type: 'replace', data: config('Mine') }])
        expect(result.current.saveState.status).toBe('saved')
        expect(result.current.unsaved).toBe(false)
        expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
        unmount()
        expect(hasUnsavedChanges()).toBe(false)
    })

    it('keeps the edit when the server refuses (403), then offers it back on the next visit', async () => {
        const { state, wrapper } = fakeServer()
        const first = renderHook(
            () => useMappingEditor({ entry: entryOf(state), storageKey: STORAGE_KEY }),
            { wrapper }
        )
        const areaKey = first.result.current.draft.areas[0]?.key ?? ''
        act(() => first.result.current.setDraft((d) => updateArea(d, areaKey, { name: 'Mine' })))
        state.refuse = 403
        await act(() => first.result.current.save(false))
        expect(first.result.current.saveState).toMatchObject({
            status: 'error',
            error: { details: { httpStatusCode: 403 } },
        })
        expect(first.result.current.unsaved).toBe(true)
        expect(draftToJson(first.result.current.draft)).toEqual(config('Mine'))
        first.unmount()

        // Next visit: the stored draft is offered, and not overwritten while the offer waits
        const second = renderHook(
            () => useMappingEditor({ entry: entryOf(state), storageKey: STORAGE_KEY }),
            { wrapper }
        )
        expect(second.result.current.offer?.serverChangedSince).toBe(false)
        expect(draftToJson(second.result.current.draft)).toEqual(config('Maternal health'))
        expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').value).toEqual(config('Mine'))
        act(() => second.result.current.restoreDraft())
        expect(draftToJson(second.result.current.draft)).toEqual(config('Mine'))
        expect(second.result.current.unsaved).toBe(true)

        state.refuse = 0
        await act(() => second.result.current.save(false))
        await waitFor(() => expect(second.result.current.saveState.status).toBe('saved'))
        expect(state.value).toEqual(config('Mine'))
    })

    it('creates the configuration with POST when the instance has none', async () => {
        const { state } = fakeServer()
        const absent: StoredConfigEntry = {
            exists: false,
            value: null,
            lastUpdated: null,
            lastUpdatedBy: null,
        }
        let exists = false
        const wrapper = providerFor({
            dataStore: async () => (exists ? ['triangulate'] : []),
            'dataStore/triangulate': ['config'],
            'dataStore/triangulate/config/metaData': async () => ({
                lastUpdated: 'T2',
                value: JSON.stringify(state.value),
            }),
            'dataStore/triangulate/config': async (type: string, query?: Query) => {
                state.writes.push({ type, data: query?.data })
                state.value = query?.data
                exists = true
                return { status: 'OK' }
            },
        })
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
        await act(() => result.current.save(false))
        expect(state.writes).toEqual([{ type: 'create', data: config('Mine') }])
        expect(result.current.server).toMatchObject({ exists: true, lastUpdated: 'T2' })
    })

    it('reads the entry as the page does', async () => {
        const { state, wrapper } = fakeServer()
        const { result } = renderHook(() => useDataEngine(), { wrapper })
        expect(await loadConfigEntry(result.current)).toEqual(entryOf(state))
    })
})
