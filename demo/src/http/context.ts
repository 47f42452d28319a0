/** Services shared by the platform route modules (auth, system, dataStore, apps). */
import type { SessionStore } from '../auth/sessions'
import type { UserSettingsStore } from '../auth/userSettings'
import type { UserDirectory } from '../auth/users'
import type { DemoDb } from '../data/model'
import type { AppManager } from '../routes/apps'
import type { DataStore } from '../routes/datastore'
import type { SystemSettingsStore } from '../routes/system'

export interface PlatformContext {
    db: DemoDb
    users: UserDirectory
    sessions: SessionStore
    systemSettings: SystemSettingsStore
    userSettings: UserSettingsStore
    dataStore: DataStore
    apps: AppManager
    log: (line: string) => void
    startedAt: Date
    /** The DHIS2 release the demo answers as, e.g. `2.41.3` (routes/dhis2-version.ts) */
    dhis2Version: string
}
