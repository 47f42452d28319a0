/** The review kept in the browser (localStorage) until it is saved: the list read and the decisions. */
import type { LmisFacility } from '../../domain/facilities/match'
import type { Decisions } from '../../domain/facilities/review'

const DRAFT_KEY = 'triangulate:facility-review-draft'

export interface ReviewDraft {
    fileName: string
    lmis: LmisFacility[]
    decisions: Decisions
}

const isDraft = (value: unknown): value is ReviewDraft => {
    const v = value as Partial<ReviewDraft> | null
    return (
        typeof v === 'object' &&
        v !== null &&
        typeof v.fileName === 'string' &&
        Array.isArray(v.lmis) &&
        v.lmis.every((f) => typeof f?.code === 'string' && typeof f?.name === 'string') &&
        typeof v.decisions === 'object' &&
        v.decisions !== null
    )
}

export const readDraft = (): ReviewDraft | null => {
    try {
        const raw = window.localStorage.getItem(DRAFT_KEY)
        const value: unknown = raw ? JSON.parse(raw) : null
        return isDraft(value) ? value : null
    } catch {
        return null
    }
}

/** false when the browser refused (storage full or disabled) */
export const writeDraft = (draft: ReviewDraft): boolean => {
    try {
        window.localStorage.setItem(DRAFT_KEY, JSON.stringify(draft))
        return true
    } catch {
        return false
    }
}

export const clearDraft = (): void => {
    try {
        window.localStorage.removeItem(DRAFT_KEY)
    } catch {
        // nothing kept, nothing to clear
    }
}
