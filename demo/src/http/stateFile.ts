/**
 * JSON state files under the demo's state directory (`datastore.json`, `userSettings.json`, ...).
 *
 * Writes are atomic: the JSON goes to a temporary file in the same directory, is flushed to disk and
 * then renamed over the old file, so a crash leaves either the old or the new content. A file that
 * cannot be parsed at start is never overwritten: it is moved aside to `<name>.corrupt-<timestamp>`
 * and reported in the log.
 */
import {
    closeSync,
    existsSync,
    fsyncSync,
    mkdirSync,
    openSync,
    readFileSync,
    renameSync,
    writeSync,
} from 'node:fs'
import { basename, dirname } from 'node:path'

let tempCounter = 0

export const writeJsonAtomic = (file: string, value: unknown): void => {
    mkdirSync(dirname(file), { recursive: true })
    const temp = `${file}.tmp-${process.pid}-${++tempCounter}`
    const fd = openSync(temp, 'w')
    try {
        writeSync(fd, `${JSON.stringify(value, null, 1)}\n`)
        fsyncSync(fd)
    } finally {
        closeSync(fd)
    }
    renameSync(temp, file)
}

export type LoadResult<T> =
    | { kind: 'missing' }
    | { kind: 'ok'; value: T }
    | { kind: 'corrupt'; movedTo: string; reason: string }

const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, '-')

/**
 * Reads a JSON state file. `validate` returns the typed value or throws with the reason the content
 * is unusable; a parse or validation failure moves the file aside.
 */
export const loadJsonState = <T>(
    file: string,
    validate: (json: unknown) => T,
    log: (line: string) => void
): LoadResult<T> => {
    if (!existsSync(file)) return { kind: 'missing' }
    let reason: string
    try {
        return { kind: 'ok', value: validate(JSON.parse(readFileSync(file, 'utf8'))) }
    } catch (err) {
        reason = err instanceof Error ? err.message : String(err)
    }
    let movedTo = `${file}.corrupt-${timestamp()}`
    for (let i = 1; existsSync(movedTo); i++) movedTo = `${file}.corrupt-${timestamp()}-${i}`
    renameSync(file, movedTo)
    log(
        `[demo] ${basename(file)} is corrupt (${reason}); kept aside as ${basename(movedTo)}, starting without it`
    )
    return { kind: 'corrupt', movedTo, reason }
}
