/** Who may change the mapping: superusers (`ALL`) and holders of the app's config authority. */
export const CONFIG_AUTHORITY = 'F_TRIANGULATE_CONFIG'

export interface MeWithAuthorities {
    id?: string
    username?: string
    displayName?: string
    authorities?: readonly string[]
}

export const canEditConfig = (me: MeWithAuthorities | null | undefined): boolean =>
    (me?.authorities ?? []).some(
        (authority) => authority === 'ALL' || authority === CONFIG_AUTHORITY
    )
