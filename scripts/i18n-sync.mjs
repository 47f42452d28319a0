// Brings i18n/<lang>.po in line with i18n/en.pot: keeps existing translations, adds new strings
// (empty, so `npm run i18n:check` lists them until translated), drops obsolete ones.
// Usage: npm run i18n:sync [-- --from translations.json]  (JSON: { "fr": { msgid: msgstr }, ... })
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { readPo } from './po.mjs'

const LANGS = { fr: 'French', sw: 'Swahili' }
const PLURALS = { fr: 'nplurals=2; plural=(n > 1)', sw: 'nplurals=2; plural=(n != 1)' }

execFileSync(process.execPath, ['scripts/i18n-extract.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
})
const fromIndex = process.argv.indexOf('--from')
const extra = fromIndex > 0 ? JSON.parse(readFileSync(process.argv[fromIndex + 1], 'utf8')) : {}

// Keep msgctxt of the template (manifest strings).
const contexts = new Map()
let ctx = null
for (const line of readFileSync('i18n/en.pot', 'utf8').split('\n')) {
    if (line.startsWith('msgctxt ')) ctx = JSON.parse(line.slice(8))
    else if (line.startsWith('msgid ') && ctx) {
        contexts.set(JSON.parse(line.slice(6)), ctx)
        ctx = null
    }
}
const pot = readPo('i18n/en.pot')
const quote = (s) => JSON.stringify(s)

for (const [lang, name] of Object.entries(LANGS)) {
    const file = `i18n/${lang}.po`
    const existing = existsSync(file) ? readPo(file) : new Map()
    const lines = [
        'msgid ""',
        'msgstr ""',
        `"Project-Id-Version: triangulate\\n"`,
        `"Language: ${lang}\\n"`,
        `"Language-Team: ${name}\\n"`,
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        `"Plural-Forms: ${PLURALS[lang]}\\n"`,
        '',
    ]
    let missing = 0
    for (const msgid of pot.keys()) {
        const msgstr = extra[lang]?.[msgid] ?? existing.get(msgid) ?? ''
        if (!msgstr) missing++
        if (contexts.has(msgid)) lines.push(`msgctxt ${quote(contexts.get(msgid))}`)
        lines.push(`msgid ${quote(msgid)}`, `msgstr ${quote(msgstr)}`, '')
    }
    writeFileSync(file, lines.join('\n'))
    console.log(`${file}: ${pot.size} strings, ${missing} untranslated`)
}
