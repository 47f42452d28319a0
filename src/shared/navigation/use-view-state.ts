import { useCallback, useEffect, useState } from 'react'
import { parseViewState, serializeViewState } from './view-state'
import type { ViewState } from './view-state'

/**
 * View state kept in `window.location.hash`. `push` adds a history entry (drill down: back goes up
 * again), `replace` does not (changing a selector).
 */
export const useViewState = () => {
    const [state, setState] = useState<ViewState>(() => parseViewState(window.location.hash))
    useEffect(() => {
        const onChange = () => setState(parseViewState(window.location.hash))
        window.addEventListener('hashchange', onChange)
        window.addEventListener('popstate', onChange)
        return () => {
            window.removeEventListener('hashchange', onChange)
            window.removeEventListener('popstate', onChange)
        }
    }, [])
    const navigate = useCallback((next: ViewState, mode: 'push' | 'replace') => {
        const hash = serializeViewState(next)
        const url = `${window.location.pathname}${window.location.search}${hash}`
        if (mode === 'push') window.history.pushState(null, '', url)
        else window.history.replaceState(null, '', url)
        setState(next)
    }, [])
    const push = useCallback((next: ViewState) => navigate(next, 'push'), [navigate])
    const replace = useCallback((next: ViewState) => navigate(next, 'replace'), [navigate])
    return { state, push, replace }
}
