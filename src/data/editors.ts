/**
 * The app's named editors (`triangulate/editors`) and who they let change the app's entries:
 * what the first view needs to know of them (`canEditConfig`), apart from reading and protecting
 * the entries (`entry-protection.ts`, loaded when they are).
 */
import { z } from 'zod'

const namedRef = z.object({ id: z.string().min(1), name: z.string() })
export const editorsSchema = z
    .object({
        userGroups: z.array(namedRef).default([]),
        users: z.array(namedRef).default([]),
    })
    .passthrough()
export type NamedRef = z.infer<typeof namedRef>
export type Editors = z.infer<typeof editorsSchema>

export interface EditorCandidate {
    id?: string
    authorities?: readonly string[]
    userGroups?: readonly { id: string }[]
}

/** Whether DHIS2 lets this user change an entry shared with `editors` (owners aside). */
export const isNamedEditor = (me: EditorCandidate, editors: Editors | null): boolean => {
    if ((me.authorities ?? []).includes('ALL')) return true
    if (!editors) return false
    const groups = new Set((me.userGroups ?? []).map((g) => g.id))
    return (
        editors.users.some((u) => u.id === me.id) ||
        editors.userGroups.some((g) => groups.has(g.id))
    )
}
