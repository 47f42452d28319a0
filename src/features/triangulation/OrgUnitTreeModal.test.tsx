/** @vitest-environment jsdom */
import { CustomDataProvider } from '@dhis2/app-runtime'
import type { JsonValue } from '@dhis2/data-engine'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import React from 'react'
import { OrgUnitTreeModal } from './OrgUnitTreeModal'

const ROOT = { id: 'RootAAAAAAA', displayName: 'Kisiwa', path: '/RootAAAAAAA' }
const REGION = { id: 'RegionAAAAA', displayName: 'Coast', path: '/RootAAAAAAA/RegionAAAAA' }
const FACILITY = {
    id: 'FacilityAAA',
    displayName: 'Kibaha HC',
    path: '/RootAAAAAAA/RegionAAAAA/FacilityAAA',
    level: 3,
    ancestors: [
        { id: 'RootAAAAAAA', displayName: 'Kisiwa' },
        { id: 'RegionAAAAA', displayName: 'Coast' },
    ],
}
const UNITS = [ROOT, REGION, FACILITY]
const CHILDREN: Record<string, typeof UNITS> = {
    RootAAAAAAA: [REGION],
    RegionAAAAA: [FACILITY],
    FacilityAAA: [],
}

/** The metadata API as DHIS2 answers the tree's and the search's requests */
const organisationUnits = async (
    _type: string,
    query: { id?: string; params?: Record<string, unknown> }
): Promise<JsonValue> => {
    if (query.id) {
        const unit = UNITS.find((u) => u.id === query.id)!
        const children = CHILDREN[unit.id] ?? []
        // `fields=children::size` answers the number as `children`
        const sizeOnly = String(query.params?.fields).includes('children::size')
        return { ...unit, children: sizeOnly ? children.length : children }
    }
    const filter = (query.params?.filter as string[] | undefined) ?? []
    const words = (filter[0] ?? '').replace('identifiable:token:', '').toLowerCase().split(' ')
    const found = UNITS.filter((u) => words.every((w) => u.displayName.toLowerCase().includes(w)))
    return { pager: { page: 1, total: found.length }, organisationUnits: found }
}

const renderModal = (selectedPath: string | undefined, onSelect = vi.fn()) =>
    render(
        <CustomDataProvider data={{ organisationUnits }}>
            <QueryClientProvider client={new QueryClient()}>
                <OrgUnitTreeModal
                    roots={[ROOT.id]}
                    rootPaths={[ROOT.path]}
                    selectedPath={selectedPath}
                    onSelect={onSelect}
                    onClose={() => undefined}
                />
            </QueryClientProvider>
        </CustomDataProvider>
    )

describe('OrgUnitTreeModal', () => {
    let logged: string[]
    beforeEach(() => {
        logged = []
        const keep = (...args: unknown[]) => logged.push(args.map(String).join(' '))
        vi.spyOn(console, 'error').mockImplementation(keep)
        vi.spyOn(console, 'warn').mockImplementation(keep)
    })
    afterEach(() => {
        cleanup()
        vi.restoreAllMocks()
    })

    // React (development build) checks the tree's prop types: an empty path was passed in
    // `initiallyExpanded` when the selected unit was a root ("Invalid org unit path ``")
    it.each([
        ['the root', ROOT.path],
        ['a facility', FACILITY.path],
        ['nothing yet (details loading)', undefined],
        ['an empty path', ''],
    ])('opens with %s selected without prop-type errors', async (_, path) => {
        renderModal(path)
        expect(await screen.findByText('Coast')).toBeTruthy()
        expect(logged.filter((l) => /Invalid org unit|Failed prop type/.test(l))).toEqual([])
    })

    it('finds a unit by name, names its ancestors and chooses it', async () => {
        const onSelect = vi.fn()
        renderModal(ROOT.path, onSelect)
        fireEvent.change(screen.getByLabelText('Search org units'), {
            target: { value: 'kib' },
        })
        const result = await screen.findByText('Kibaha HC', { selector: 'span' })
        expect(result.closest('button')?.textContent).toContain('Kisiwa › Coast')
        fireEvent.click(result)
        expect(onSelect).toHaveBeenCalledWith('FacilityAAA')
    })

    it('says when nothing matches', async () => {
        renderModal(ROOT.path)
        fireEvent.change(screen.getByLabelText('Search org units'), {
            target: { value: 'zzqx' },
        })
        await waitFor(() => expect(screen.getByText('No org unit matches “zzqx”.')).toBeTruthy())
    })
})
