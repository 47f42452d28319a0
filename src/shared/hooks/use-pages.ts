import { useState } from 'react'

/**
 * How many rows of a long list are shown: `pageSize` at first, `step` more at each `more()`, and
 * the first page again after `reset()` or whenever `list` changes (another filter is another list).
 */
export const usePages = (
    pageSize: number,
    list: unknown,
    step: number = pageSize
): { shown: number; more: () => void; reset: () => void } => {
    const [shown, setShown] = useState(pageSize)
    const [shownOf, setShownOf] = useState(list)
    if (shownOf !== list) {
        // adjusting state to a changed prop while rendering, as React documents it
        setShownOf(list)
        setShown(pageSize)
    }
    return {
        shown,
        more: () => setShown((n) => n + step),
        reset: () => setShown(pageSize),
    }
}
