/**
 * The demo's user accounts.
 *
 * | username   | password     | roles / authorities                          | data view + capture org units |
 * |------------|--------------|----------------------------------------------|-------------------------------|
 * | `admin`    | `district`   | Superuser: `ALL`                             | the root (national)           |
 * | `district` | `District1#` | Superuser: `ALL`                             | the root (national)           |
 * | `editor`   | `Editor1#`   | `M_triangulate`, `M_dhis-web-dashboard`; user group "Triangulate editors" | the root |
 * | `analyst`  | `Analyst1#`  | `M_triangulate`, `M_dhis-web-dashboard`      | the first level-2 org unit    |
 *
 * Authorities, decided once for the whole demo:
 * - `M_triangulate` is the app-access authority DHIS2 derives from the app's `short_name`
 *   (`App.getSeeAppAuthority()`: `M_` + short name): whoever has it may open Triangulate and read
 *   its configuration (the `triangulate` dataStore namespace).
 *   DHIS2 protects an installed app's namespace with it (and App Management) for reads and writes
 *   alike: every user who may open the app may also write its namespace.
 * - Who may change the configuration is decided by the entries' sharing, as the app sets it: public
 *   `r-------`, the editors the app names (the demo: the user group "Triangulate editors", whose
 *   member is `editor`) `rw------`; superusers always.
 * - The analyst therefore may open the app and read its configuration, and may not change it; the
 *   server refuses the write with 403 (entry sharing), it is not only hidden in the UI.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { DemoDb } from '../data/model'
import { uidFor } from '../data/uid'
import type { DemoUser } from '../http/types'

export const ALL_AUTHORITY = 'ALL'
/** The DHIS2 App Management authority (`M_dhis-web-app-management`): install/remove apps */
export const APP_MANAGEMENT_AUTHORITY = 'M_dhis-web-app-management'
/** Opening the Triangulate app (DHIS2's "see app" authority for short_name `triangulate`) */
export const TRIANGULATE_APP_AUTHORITY = 'M_triangulate'
/** The app's former custom authority: DHIS2 does not enforce it on the dataStore (nobody has it) */
export const TRIANGULATE_CONFIG_AUTHORITY = 'F_TRIANGULATE_CONFIG'
/** The user group the demo names as Triangulate's editors (`triangulate/editors`) */
export const DEMO_EDITORS_GROUP = {
    id: uidFor('userGroup:triangulate-editors'),
    name: 'Triangulate editors',
}
/** Changing system settings */
export const SYSTEM_SETTING_AUTHORITY = 'F_SYSTEM_SETTING'

export interface DemoAccount {
    user: DemoUser
    password: string
}

export const isSuperuser = (user: DemoUser): boolean => user.authorities.includes(ALL_AUTHORITY)

/** DHIS2's `User.isAuthorized`: superusers have every authority. */
export const hasAuthority = (user: DemoUser, authority: string): boolean =>
    isSuperuser(user) || user.authorities.includes(authority)

/**
 * DHIS2's `currentUserHasAuthority(set)` as the dataStore uses it: superusers always, otherwise one
 * of the given authorities (an empty set grants nothing).
 */
export const hasAnyAuthority = (user: DemoUser, authorities: readonly string[]): boolean =>
    isSuperuser(user) || authorities.some((a) => user.authorities.includes(a))

const person = (
    key: string,
    username: string,
    firstName: string,
    surname: string,
    extra: Omit<
        DemoUser,
        'id' | 'username' | 'firstName' | 'surname' | 'displayName' | 'userGroups'
    >
): DemoUser => ({
    id: uidFor(`user:${key}`),
    username,
    firstName,
    surname,
    displayName: `${firstName} ${surname}`,
    userGroups: [],
    ...extra,
})

/** The demo accounts for a generated country. */
export const createDemoAccounts = (db: DemoDb): DemoAccount[] => {
    const root = db.orgUnits[0]
    if (!root) throw new Error('The demo database has no org units')
    const region = db.orgUnits.find((ou) => ou.level === 2) ?? root
    const superuserRole = { id: uidFor('userRole:superuser'), name: 'Superuser' }
    const analystRole = { id: uidFor('userRole:triangulate-analyst'), name: 'Triangulate analyst' }

    return [
        {
            password: 'district',
            user: person('admin', 'admin', 'John', 'Traore', {
                email: 'admin@triangulate.demo',
                authorities: [ALL_AUTHORITY],
                userRoles: [superuserRole],
                organisationUnits: [root.id],
                dataViewOrganisationUnits: [root.id],
                settings: { keyUiLocale: 'en' },
            }),
        },
        {
            password: 'District1#',
            user: person('district', 'district', 'Fatima', 'Kamara', {
                email: 'district@triangulate.demo',
                authorities: [ALL_AUTHORITY],
                userRoles: [superuserRole],
                organisationUnits: [root.id],
                dataViewOrganisationUnits: [root.id],
                settings: {},
            }),
        },
        {
            password: 'Editor1#',
            user: {
                ...person('editor', 'editor', 'Amina', 'Diallo', {
                    email: 'editor@triangulate.demo',
                    authorities: [TRIANGULATE_APP_AUTHORITY, 'M_dhis-web-dashboard', 'M_dashboard'],
                    userRoles: [analystRole],
                    organisationUnits: [root.id],
                    dataViewOrganisationUnits: [root.id],
                    settings: {},
                }),
                userGroups: [DEMO_EDITORS_GROUP],
            },
        },
        {
            password: 'Analyst1#',
            user: person('analyst', 'analyst', 'Grace', 'Mensah', {
                email: 'analyst@triangulate.demo',
                // M_dashboard: a dashboard app installed in the demo (`short_name: dashboard`),
                // e.g. the test host that embeds the plugin as the DHIS2 dashboard does
                authorities: [TRIANGULATE_APP_AUTHORITY, 'M_dhis-web-dashboard', 'M_dashboard'],
                userRoles: [analystRole],
                organisationUnits: [region.id],
                dataViewOrganisationUnits: [region.id],
                settings: {},
            }),
        },
    ]
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** Users by id and username, with password checks. */
export class UserDirectory {
    private readonly byName = new Map<string, DemoAccount>()
    private readonly byUid = new Map<string, DemoAccount>()

    constructor(accounts: DemoAccount[]) {
        for (const account of accounts) {
            this.byName.set(account.user.username, account)
            this.byUid.set(account.user.id, account)
        }
    }

    all(): DemoUser[] {
        return [...this.byName.values()].map((a) => a.user)
    }

    byUsername(username: string): DemoUser | null {
        return this.byName.get(username)?.user ?? null
    }

    byId(id: string): DemoUser | null {
        return this.byUid.get(id)?.user ?? null
    }

    /** The user for valid credentials, `null` otherwise (compared in constant time). */
    verify(username: string, password: string): DemoUser | null {
        const account = this.byName.get(username)
        const ok = timingSafeEqual(
            digest(password),
            digest(account?.password ?? `\u0000${password}`)
        )
        return account && ok ? account.user : null
    }
}
