// Checks that every string extracted from the code (i18n/en.pot) is translated in each shipped
// language, and that no translation is left in English. Run by `npm test`.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { readPo } from './po.mjs'

const REQUIRED = ['fr', 'sw']
// Strings that are the same in every language (acronyms, units, brand names).
const SAME_IN_ALL = new Set([
    'HMIS',
    'LMIS',
    'PNG',
    'SVG',
    'CSV',
    'JSON',
    'DHIS2',
    'OK',
    'Total',
    'Information',
])

execFileSync(process.execPath, ['scripts/i18n-extract.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
})
const pot = readPo('i18n/en.pot')
const files = readdirSync('i18n').filter((f) => f.endsWith('.po'))
const problems = []
for (const lang of REQUIRED) {
    if (!files.includes(`${lang}.po`)) problems.push(`i18n/${lang}.po is missing`)
}
for (const file of files) {
    const po = readPo(path.join('i18n', file))
    for (const msgid of pot.keys()) {
        const msgstr = po.get(msgid)
        if (!msgstr) problems.push(`${file}: no translation for ${JSON.stringify(msgid)}`)
        else if (
            msgstr === msgid &&
            !SAME_IN_ALL.has(msgid) &&
            /[a-z]{3}/.test(msgid.replace(/{{\s*\w+\s*}}/g, ''))
        )
            problems.push(`${file}: left in English: ${JSON.stringify(msgid)}`)
        else {
            const vars = (s) =>
                [...s.matchAll(/{{\s*(\w+)\s*}}/g)]
                    .map((m) => m[1])
                    .sort()
                    .join(',')
            if (vars(msgid) !== vars(msgstr))
                problems.push(`${file}: placeholders differ for ${JSON.stringify(msgid)}`)
        }
    }
    for (const msgid of po.keys()) {
        if (!pot.has(msgid)) problems.push(`${file}: obsolete string ${JSON.stringify(msgid)}`)
    }
}
// Every literal given to i18n.t must have reached the template: the extractor silently drops a
// string it reads as "namespace:key" (a colon in it) or one it cannot read (a template literal).
const sourceFiles = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
            ? entry.name === 'locales'
                ? []
                : sourceFiles(path.join(dir, entry.name))
            : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
              ? [path.join(dir, entry.name)]
              : []
    )
for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/i18n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/gs)) {
        const [, quote, raw] = match
        const literal =
            quote === '`' ? raw : JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`)
        if (quote === '`')
            problems.push(`${file}: a template literal given to i18n.t is not extracted`)
        else if (!pot.has(literal))
            problems.push(
                `${file}: ${JSON.stringify(literal)} is not in i18n/en.pot (a colon in it?)`
            )
    }
}
if (problems.length) {
    console.error(`i18n: ${problems.length} problem(s)\n  ` + problems.join('\n  '))
    process.exit(1)
}
console.log(
    `i18n: ${pot.size} strings, translated in ${files.map((f) => f.replace('.po', '')).join(', ')}`
)
