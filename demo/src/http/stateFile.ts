/**
 * JSON state files under the demo's state directory (`datastore.json`, `userSettings.json`, ...).
 *
 * Writes are atomic: the JSON goes to a temporary file in the same directory, is flushed to disk and
 * then renamed over the old file, so a crash leaves either the old or the new content. A file that
 * cannot be parsed at start is never overwritten: it is moved aside to `<name>.corrupt-<timestamp>`
 * and reported in the log. Temporary files left by a process killed while writing
 * (`<name>.tmp-<pid>-<n>`) are removed when the file is loaded at the next start.
 */
import {
    closeSync,
    existsSync,
    fsyncSync,
    mkdirSync,
    openSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

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

/** Whether a process with this id is running (a signal-0 probe; EPERM means it exists) */
const processAlive = (pid: number): boolean => {
    try {
        process.kill(pid, 0)
        return true
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'EPERM'
    }
}

/**
 * Removes `<file>.tmp-<pid>-<n>` files whose writing process is gone (killed during a write, e.g.
 * `kill -9`); returns their names. Files of a running process (another demo on the same state
 * directory) are left alone.
 */
export const removeStaleTempFiles = (file: string, log?: (line: string) => void): string[] => {
    const dir = dirname(file)
    if (!existsSync(dir)) return []
    const prefix = `${basename(file)}.tmp-`
    const removed: string[] = []
    for (const name of readdirSync(dir)) {
        if (!name.startsWith(prefix)) continue
        const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1])
        if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue
        rmSync(join(dir, name), { force: true })
        removed.push(name)
    }
    if (removed.length > 0)
        log?.(`[demo] removed ${removed.length} unfinished write(s) of ${basename(file)}`)
    return removed
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
    removeStaleTempFiles(file, log)
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
