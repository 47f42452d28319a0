import i18n from '@dhis2/d2-i18n'
import path from 'node:path'
import { readPo } from '../../scripts/po.mjs'
import { chartLang } from './chart-lang'

/** Every string of a nested object */
const strings = (value: unknown): string[] =>
    typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : []

/** Highcharts' value placeholders of a template (`{numPoints}`, `{names[0]}`), not its helpers */
const placeholders = (template: string): string[] =>
    (template.match(/\{(?![#/]|else\})[^{}]+\}/g) ?? []).sort()

describe('Highcharts’ screen reader sentences', () => {
    const english = strings(chartLang().accessibility).filter((s) => /[a-z]/i.test(s))

    it('are all the app’s strings, Highcharts’ templates in English', () => {
        expect(english).toContain('Bar chart with {numPoints} {#eq numPoints 1}bar{else}bars{/eq}.')
        expect(english.length).toBeGreaterThanOrEqual(30)
    })

    it.each(['fr', 'sw'])('keep every placeholder in %s', (lang) => {
        const po = readPo(path.resolve(__dirname, `../../i18n/${lang}.po`)) as Map<string, string>
        for (const msgid of english) {
            const translated = po.get(msgid)
            expect(translated, msgid).toBeTruthy()
            expect(placeholders(translated as string), msgid).toEqual(placeholders(msgid))
        }
    })

    it('read numbers with the language’s group separator', async () => {
        await i18n.changeLanguage('fr')
        try {
            expect(chartLang().accessibility?.thousandsSep).toMatch(/^\s$/u)
        } finally {
            await i18n.changeLanguage('en')
        }
    })
})
