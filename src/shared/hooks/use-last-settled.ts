import { useRef } from 'react'

/**
 * `value` when `settled`, else the last value that was settled (or `value` when none was yet).
 * A view keeps showing its last complete state while the next one loads, instead of a mix of new
 * labels and old data (and charts drawn twice).
 */
export const useLastSettled = <T>(value: T, settled: boolean): T => {
    const last = useRef<{ value: T } | null>(null)
    if (settled) last.current = { value }
    return settled ? value : (last.current?.value ?? value)
}
