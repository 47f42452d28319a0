// Minimal gettext .po/.pot reader: enough for the files `d2-app-scripts i18n extract` writes.
import { readFileSync } from 'node:fs'

const unquote = (line) => JSON.parse(line.trim())

/** @returns {Map<string, string>} msgid → msgstr (header entry with empty msgid skipped) */
export const readPo = (file) => {
    const entries = new Map()
    let current = null
    let field = null
    const flush = () => {
        if (current && current.msgid !== '') entries.set(current.msgid, current.msgstr ?? '')
    }
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
        const line = raw.trim()
        if (line.startsWith('msgid ')) {
            flush()
            current = { msgid: unquote(line.slice(6)), msgstr: '' }
            field = 'msgid'
        } else if (line.startsWith('msgstr ')) {
            current.msgstr = unquote(line.slice(7))
            field = 'msgstr'
        } else if (line.startsWith('"') && current && field) {
            current[field] += unquote(line)
        } else if (line.startsWith('msgctxt ')) {
            field = null
        } else if (line === '' || line.startsWith('#')) {
            field = line === '' ? null : field
        }
    }
    flush()
    return entries
}
