/** @vitest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import React, { Suspense } from 'react'
import { LoadBoundary, failedModuleUrl, lazyWithRetry, retryModuleUrl } from './LoadBoundary'

const chunkError = () =>
    new TypeError(
        'Failed to fetch dynamically imported module: http://localhost:8080/api/apps/triangulate/assets/AlertsPage-Bx1.js'
    )

const Page = ({ name }: { name: string }) => <p>page {name}</p>

describe('a failed chunk download', () => {
    it('names the script the browser could not fetch', () => {
        expect(failedModuleUrl(chunkError())).toBe(
            'http://localhost:8080/api/apps/triangulate/assets/AlertsPage-Bx1.js'
        )
        expect(
            failedModuleUrl(
                new TypeError(
                    'error loading dynamically imported module: https://x.org/a/b.mjs?v=1'
                )
            )
        ).toBe('https://x.org/a/b.mjs')
        expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeUndefined()
        expect(failedModuleUrl(undefined)).toBeUndefined()
    })

    it('imports again under a fresh URL', () => {
        expect(retryModuleUrl('http://h/a.js', 1)).toBe('http://h/a.js?retry=1')
        expect(retryModuleUrl('http://h/a.js?v=2', 3)).toBe('http://h/a.js?v=2&retry=3')
    })
})

describe('LoadBoundary', () => {
    // React logs the caught errors; they are the test's own
    beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined))
    afterEach(() => vi.restoreAllMocks())

    const setup = (load: (attempt: number) => Promise<{ Page: typeof Page }>) => {
        const Lazy = lazyWithRetry(load, (m) => m.Page)
        const ui = (page: string) => (
            <LoadBoundary resetKey={page}>
                <Suspense fallback={<p>loading</p>}>
                    {page === 'a' ? <Lazy name="a" /> : <p>other page</p>}
                </Suspense>
            </LoadBoundary>
        )
        return { ui }
    }

    it('shows the message, then loads again on "Try again"', async () => {
        const load = vi
            .fn<(attempt: number) => Promise<{ Page: typeof Page }>>()
            .mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
            .mockResolvedValue({ Page })
        const { ui } = setup(load)
        render(ui('a'))
        expect(await screen.findByText('Part of the app could not be loaded')).toBeTruthy()
        await act(async () => {
            fireEvent.click(screen.getByText('Try again'))
        })
        expect(await screen.findByText('page a')).toBeTruthy()
        expect(load.mock.calls.map(([attempt]) => attempt)).toEqual([0, 1])
    })

    it('lets another page show, and loads the failed one again when coming back', async () => {
        const load = vi
            .fn<(attempt: number) => Promise<{ Page: typeof Page }>>()
            .mockRejectedValueOnce(chunkError())
            .mockResolvedValue({ Page })
        const { ui } = setup(load)
        const view = render(ui('a'))
        expect(await screen.findByText('Part of the app could not be loaded')).toBeTruthy()
        view.rerender(ui('b'))
        expect(await screen.findByText('other page')).toBeTruthy()
        expect(screen.queryByText('Part of the app could not be loaded')).toBeNull()
        view.rerender(ui('a'))
        expect(await screen.findByText('page a')).toBeTruthy()
    })

    it('keeps the message while the code still cannot be loaded', async () => {
        const load = vi
            .fn<(attempt: number) => Promise<{ Page: typeof Page }>>()
            .mockRejectedValue(new TypeError('Importing a module script failed.'))
        const { ui } = setup(load)
        render(ui('a'))
        expect(await screen.findByText('Part of the app could not be loaded')).toBeTruthy()
        await act(async () => {
            fireEvent.click(screen.getByText('Try again'))
        })
        expect(await screen.findByText('Part of the app could not be loaded')).toBeTruthy()
        expect(load).toHaveBeenCalledTimes(2)
        expect(screen.getByText('Reload the page')).toBeTruthy()
    })
})
