// Writes i18n/en.pot exactly as `d2-app-scripts build` extracts it (the app's strings and the
// manifest's title and description), in a canonical form: entries sorted by msgid and no creation
// dates. The platform's extract lists strings in the order the file system lists the source files,
// which differs from one clone to another, so without this every build rewrote the tracked file.
//
//     node scripts/i18n-extract.mjs            extract, then write the canonical form
//     node scripts/i18n-extract.mjs --only-canonical   rewrite the en.pot a build left behind
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const POT = 'i18n/en.pot'
const require = createRequire(import.meta.url)
// The package exports no API for this; these are the files `d2-app-scripts build` itself runs
// (version pinned in package.json).
const cliRoot = path.resolve(path.dirname(require.resolve('@dhis2/cli-app-scripts')), '..')
const { extract } = require(path.join(cliRoot, 'src/lib/i18n/index.js'))
const makePaths = require(path.join(cliRoot, 'src/lib/paths.js'))

/** Splits a .po/.pot file into its entries (blocks separated by blank lines). */
const entriesOf = (text) =>
    text
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter((block) => block !== '')

const msgidOf = (block) => {
    const lines = block.split('\n')
    const start = lines.findIndex((line) => line.startsWith('msgid '))
    let id = JSON.parse(lines[start].slice(6))
    for (let i = start + 1; i < lines.length && lines[i].startsWith('"'); i++) {
        id += JSON.parse(lines[i])
    }
    const context = lines.find((line) => line.startsWith('msgctxt '))
    return context ? `${id}\u0004${JSON.parse(context.slice(8))}` : id
}

export const canonicalPot = (text) => {
    const [header, ...entries] = entriesOf(text)
    const stableHeader = header
        .split('\n')
        .filter((line) => !/^"(POT-Creation|PO-Revision)-Date:/.test(line))
        .join('\n')
    const sorted = entries
        .map((block) => ({ block, id: msgidOf(block) }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((entry) => entry.block)
    return [stableHeader, ...sorted].join('\n\n') + '\n'
}

const main = async () => {
    if (!process.argv.includes('--only-canonical')) {
        const paths = makePaths(process.cwd())
        // The extractor cannot read some option objects (a spread in the object given to i18n.t):
        // it still finds the string but prints a stack trace, 35 of them in every `npm start`.
        // Such a call fails here, named, instead.
        const unreadable = []
        const printError = console.error
        console.error = (...args) => {
            const text = args.map(String).join(' ')
            if (text.includes('Unable to parse code')) unreadable.push(text)
            else if (!text.includes('i18next-scanner: TypeError')) printError(...args)
        }
        let ok
        try {
            ok = await extract({
                input: paths.src,
                output: paths.i18nStrings,
                paths,
                isApp: true,
            })
        } finally {
            console.error = printError
        }
        if (!ok) {
            console.error('i18n: extracting the strings failed')
            process.exit(1)
        }
        if (unreadable.length > 0) {
            console.error(
                `i18n: ${unreadable.length} i18n.t calls have options the extractor cannot read ` +
                    '(build the options object before the call instead of spreading in it):\n' +
                    unreadable.join('\n')
            )
            process.exitCode = 1
        }
    }
    const before = readFileSync(POT, 'utf8')
    const after = canonicalPot(before)
    if (after !== before) writeFileSync(POT, after)
}

await main()
