import { isNamedEditor, type Editors } from '../../data/editors'

/**
 * The app's former custom authority. DHIS2 cannot enforce it on the app's dataStore entries (an
 * app's namespace is protected by `M_<app>` only), so it no longer decides anything: the editors
 * named in the app do (entry sharing, `data/entry-protection.ts`).
 */
export const CONFIG_AUTHORITY = 'F_TRIANGULATE_CONFIG'

export interface MeWithAuthorities {
    id?: string
    username?: string
    displayName?: string
    authorities?: readonly string[]
    userGroups?: readonly { id: string }[]
    configEditors?: Editors | null
}

/**
 * Who may change the mapping and the dashboard items: superusers (`ALL`) and the users and user
 * groups named as editors in the app, exactly those whom the entries' sharing lets write.
 */
export const canEditConfig = (me: MeWithAuthorities | null | undefined): boolean =>
    me ? isNamedEditor(me, me.configEditors ?? null) : false
