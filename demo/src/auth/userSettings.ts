/**
 * User settings (`/api/userSettings`, `settings` of `/api/me`), DHIS2's `UserSettingKey`s.
 *
 * Values a user has set are kept in `DemoUser.settings` (as strings, what DHIS2 receives) and
 * persisted to `<stateDir>/userSettings.json`. Reading with fallback (DHIS2's default,
 * `useFallback=true`) fills unset keys from the system setting of the same name, then from the
 * key's own default.
 */
import { join } from 'node:path'
import { ownValue } from '../http/ownKeys'
import { loadJsonState, writeJsonAtomic } from '../http/stateFile'
import type { DemoUser } from '../http/types'
import type { UserDirectory } from './users'

type SettingType = 'string' | 'boolean' | 'locale'

interface UserSettingKey {
    type: SettingType
    /** DHIS2's default value of the key */
    defaultValue?: string | boolean
    /** System setting used as fallback when the user has not set the key */
    systemFallback?: string
}

/** DHIS2 2.41 `UserSettingKey` */
export const USER_SETTING_KEYS: Record<string, UserSettingKey> = {
    keyStyle: { type: 'string', systemFallback: 'keyStyle' },
    keyMessageEmailNotification: { type: 'boolean', defaultValue: true },
    keyMessageSmsNotification: { type: 'boolean', defaultValue: true },
    keyUiLocale: { type: 'locale', systemFallback: 'keyUiLocale' },
    keyDbLocale: { type: 'locale', systemFallback: 'keyDbLocale' },
    keyAnalysisDisplayProperty: { type: 'string', systemFallback: 'keyAnalysisDisplayProperty' },
    keyTrackerDashboardLayout: { type: 'string' },
    keyAutoSaveCaseEntryForm: { type: 'boolean' },
    keyAutoSavetTrackedEntityForm: { type: 'boolean' },
    keyAutoSaveDataEntryForm: { type: 'boolean' },
}

export const isUserSettingKey = (key: string): boolean =>
    Object.prototype.hasOwnProperty.call(USER_SETTING_KEYS, key)

const typed = (type: SettingType, value: string): string | boolean =>
    type === 'boolean' ? value.toLowerCase() === 'true' : value

export type SystemSettingLookup = (key: string) => unknown

export class UserSettingsStore {
    private readonly file: string

    constructor(
        stateDir: string,
        private readonly users: UserDirectory,
        log: (line: string) => void
    ) {
        this.file = join(stateDir, 'userSettings.json')
        const loaded = loadJsonState(
            this.file,
            (json) => {
                if (typeof json !== 'object' || json === null || Array.isArray(json)) {
                    throw new Error('expected an object of user id to settings')
                }
                return json as Record<string, Record<string, string>>
            },
            log
        )
        if (loaded.kind === 'ok') {
            for (const [userId, settings] of Object.entries(loaded.value)) {
                const user = users.byId(userId)
                if (!user || typeof settings !== 'object' || settings === null) continue
                for (const [key, value] of Object.entries(settings)) {
                    if (isUserSettingKey(key) && typeof value === 'string') {
                        user.settings[key] = value
                    }
                }
            }
        }
    }

    /** One setting, typed, with fallback to system settings and defaults (`undefined` if none). */
    get(
        user: DemoUser,
        key: string,
        system: SystemSettingLookup,
        useFallback = true
    ): string | boolean | undefined {
        if (!isUserSettingKey(key)) return undefined
        const def = USER_SETTING_KEYS[key] as UserSettingKey
        const own = ownValue(user.settings, key) as string | undefined
        if (own !== undefined) return typed(def.type, own)
        if (!useFallback) return undefined
        if (def.systemFallback) {
            const fallback = system(def.systemFallback)
            if (typeof fallback === 'string' || typeof fallback === 'boolean') return fallback
        }
        return def.defaultValue
    }

    /** All settings of a user as DHIS2 lists them (unset keys without fallback are left out). */
    getAll(
        user: DemoUser,
        system: SystemSettingLookup,
        useFallback = true,
        keys: readonly string[] = Object.keys(USER_SETTING_KEYS)
    ): Record<string, string | boolean> {
        const out: Record<string, string | boolean> = {}
        for (const key of keys) {
            const value = this.get(user, key, system, useFallback)
            if (value !== undefined) out[key] = value
        }
        return out
    }

    set(user: DemoUser, key: string, value: string): void {
        if (!isUserSettingKey(key)) throw new Error(`No user setting found with key: ${key}`)
        user.settings[key] = value
        this.persist()
    }

    remove(user: DemoUser, key: string): void {
        delete user.settings[key]
        this.persist()
    }

    private persist(): void {
        const out: Record<string, Record<string, string>> = {}
        for (const user of this.users.all()) out[user.id] = { ...user.settings }
        writeJsonAtomic(this.file, out)
    }
}
