import i18n from '@dhis2/d2-i18n'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { TRANSLATION_LOADERS, loadTranslations, translationLanguage } from './translations'

describe('the app translations loaded per language', () => {
    it('has a loader for every language of i18n/*.po', () => {
        const languages = readdirSync(join(__dirname, '../../../i18n'))
            .filter((name) => name.endsWith('.po'))
            .map((name) => name.replace(/\.po$/, ''))
            .sort()
        expect(Object.keys(TRANSLATION_LOADERS).sort()).toEqual(languages)
    })

    it('picks the translations of a language or of its base language, none for English', () => {
        expect(translationLanguage(['fr'])).toBe('fr')
        expect(translationLanguage(['fr-CA'])).toBe('fr')
        expect(translationLanguage(['sw-TZ', 'sw', 'en'])).toBe('sw')
        expect(translationLanguage(['en'])).toBeNull()
        expect(translationLanguage(['en-US'])).toBeNull()
        expect(translationLanguage(['pt-BR', 'pt'])).toBeNull()
    })

    it('loads a language once, after which the app reads its strings', async () => {
        expect(loadTranslations('en')).toBeNull()
        const pending = loadTranslations('fr-FR')
        expect(pending).not.toBeNull()
        expect(loadTranslations('fr')).toBe(pending)
        await pending
        expect(loadTranslations('fr')).toBeNull()
        expect(
            i18n.t('Click to go one level down', { lng: 'fr', ns: 'default' })
        ).toBe("Cliquez pour descendre d'un niveau")
    })
})
