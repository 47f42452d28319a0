import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
    TRANSLATION_LOADERS,
    translationLanguage,
    translationLoader,
    type Translations,
} from './translations'

const I18N = join(__dirname, '../../../i18n')

describe('the app translations loaded per language', () => {
    it('has a loader for every language of i18n/*.po but English', () => {
        const languages = readdirSync(I18N)
            .filter((name) => name.endsWith('.po'))
            .map((name) => name.replace(/\.po$/, ''))
            .sort()
        expect(Object.keys(TRANSLATION_LOADERS).sort()).toEqual(languages)
    })

    it('needs no English bundle: every English string is its msgid, plural forms included', () => {
        const pot = readFileSync(join(I18N, 'en.pot'), 'utf8')
        // Each entry's fields, their continuation lines joined (`msgid ""` then `"…"` lines)
        const fields = (entry: string) => {
            const result = new Map<string, string>()
            let current: string | null = null
            for (const line of entry.split('\n')) {
                const start = /^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$/.exec(line)
                if (start?.[1] !== undefined) {
                    current = start[1]
                    result.set(current, start[2] ?? '')
                } else if (current && /^".*"$/.test(line)) {
                    result.set(current, (result.get(current) ?? '') + line.slice(1, -1))
                }
            }
            return result
        }
        const entries = pot
            .split(/\n\n+/)
            .map(fields)
            // The app's manifest texts (`__MANIFEST_APP_…`) go to the installed app's manifest
            // at build time (d2-app-scripts i18n generate), the app does not show them
            .filter((entry) => entry.get('msgid') && !entry.get('msgid')?.startsWith('__MANIFEST_'))
        expect(entries.length).toBeGreaterThan(700)
        for (const entry of entries) {
            const msgid = entry.get('msgid')
            for (const [field, value] of entry) {
                if (field !== 'msgctxt' && value) expect(value, `${field} of ${msgid}`).toBe(msgid)
            }
        }
    })

    it('picks the translations of a language or of its base language, none for English', () => {
        expect(translationLanguage(TRANSLATION_LOADERS, 'fr')).toBe('fr')
        expect(translationLanguage(TRANSLATION_LOADERS, 'fr-CA')).toBe('fr')
        expect(translationLanguage(TRANSLATION_LOADERS, 'sw-TZ')).toBe('sw')
        expect(translationLanguage(TRANSLATION_LOADERS, 'en')).toBeNull()
        expect(translationLanguage(TRANSLATION_LOADERS, 'en-US')).toBeNull()
        expect(translationLanguage(TRANSLATION_LOADERS, 'pt-BR')).toBeNull()
        expect(translationLanguage(TRANSLATION_LOADERS, undefined)).toBeNull()
    })

    it('loads a language once, and stays in English when its download fails', async () => {
        const added: [string, Translations][] = []
        let calls = 0
        const load = translationLoader(
            {
                fr: async () => {
                    calls++
                    return { Alerts: 'Alertes' }
                },
                sw: () => Promise.reject(new Error('offline')),
            },
            (language, translations) => added.push([language, translations])
        )
        expect(load('en')).toBeNull()
        const pending = load('fr-FR')
        expect(pending).not.toBeNull()
        expect(load('fr')).toBe(pending)
        await pending
        expect(load('fr')).toBeNull()
        expect(calls).toBe(1)
        expect(added).toEqual([['fr', { Alerts: 'Alertes' }]])
        await load('sw')
        expect(load('sw')).toBeNull()
        expect(added).toHaveLength(1)
    })
})
