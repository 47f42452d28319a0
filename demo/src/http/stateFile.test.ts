import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newStateDir, startTestServer } from '../testing/harness'
import { removeStaleTempFiles } from './stateFile'

/** The id of a process that has exited */
const deadPid = (): number => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    return Number(child.stdout.toString())
}

const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.tmp-'))

describe('state files', () => {
    it('removes the temporary files of a process killed while writing when the demo starts', async () => {
        const stateDir = newStateDir()
        const dead = deadPid()
        for (const name of ['datastore.json', 'systemSettings.json', 'userSettings.json']) {
            writeFileSync(join(stateDir, `${name}.tmp-${dead}-1`), '{"entries": [')
            writeFileSync(join(stateDir, `${name}.tmp-${dead}-2`), '')
        }
        // a process that is alive (this one's parent) keeps its files
        const alive = join(stateDir, `datastore.json.tmp-${process.ppid}-1`)
        writeFileSync(alive, '{}')
        const server = await startTestServer({ stateDir })
        try {
            expect(temps(stateDir)).toEqual([`datastore.json.tmp-${process.ppid}-1`])
            expect(server.logs.some((l) => l.includes('unfinished write'))).toBe(true)
        } finally {
            await server.stop()
        }
    })

    it('leaves nothing behind after a kill -9 in the middle of writes', async () => {
        const stateDir = newStateDir()
        const file = join(stateDir, 'datastore.json')
        // a writer that rewrites a large state file as fast as it can, killed at once
        const script = `
            const { writeJsonAtomic } = require(${JSON.stringify(join(__dirname, 'stateFile.ts'))})
            const big = { entries: Array.from({ length: 20000 }, (_, i) => ({ key: 'k' + i, value: 'x'.repeat(200) })) }
            process.stdout.write('ready\\n')
            for (;;) writeJsonAtomic(${JSON.stringify(file)}, big)`
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
            stdio: ['ignore', 'pipe', 'inherit'],
        })
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
        await new Promise((resolve) => setTimeout(resolve, 300))
        child.kill('SIGKILL')
        await new Promise((resolve) => child.once('exit', resolve))
        const leftover = temps(stateDir)
        removeStaleTempFiles(file)
        expect(temps(stateDir)).toEqual([])
        expect(existsSync(file)).toBe(true)
        rmSync(stateDir, { recursive: true, force: true })
        // the kill usually lands inside a write; report it when it did not
        if (leftover.length === 0) console.log('kill -9 landed between two writes this time')
    }, 20_000)
})
