import { ABSENT, loadEntry, safeWrite, type SafeWriteResult } from './datastore-entry'
import { dhis2Error, MemoryDataStore } from './memory-datastore'
import { baseToken, claimKey, isClaimKey, readRevision, REVISION_HISTORY } from './save-revision'

const NS = 'triangulate'
const KEY = 'config'
const noSleep = async () => undefined

/** A pseudo-random sequence (tests must be repeatable). */
const rng = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
}

describe('safeWrite', () => {
    it('writes, reads back, and is then the base of the next save', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { version: 1, name: 'start' })
        const engine = store.engine('admin')
        const base = await loadEntry(engine, NS, KEY)
        const first = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base,
            value: { version: 1, name: 'one' },
        })
        expect(first.status).toBe('saved')
        if (first.status !== 'saved') return
        expect(store.get(NS, KEY)).toMatchObject({ name: 'one', revision: { n: 1 } })
        store.now += 1
        const second = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base: first.entry,
            value: { version: 1, name: 'two' },
        })
        expect(second.status).toBe('saved')
        expect(readRevision(store.get(NS, KEY))?.n).toBe(2)
    })

    it('creates an absent entry with POST; a second creator gets a conflict', async () => {
        const store = new MemoryDataStore()
        store.set(NS, 'other', {})
        const a = await safeWrite(store.engine('a'), {
            namespace: NS,
            key: KEY,
            base: ABSENT,
            value: { who: 'a' },
            sleep: noSleep,
        })
        const b = await safeWrite(store.engine('b'), {
            namespace: NS,
            key: KEY,
            base: ABSENT,
            value: { who: 'b' },
            sleep: noSleep,
        })
        expect(a.status).toBe('saved')
        expect(b).toMatchObject({ status: 'conflict', reason: 'changed' })
        expect(store.get(NS, KEY)).toMatchObject({ who: 'a' })
    })

    it('refuses to write over a version it did not start from', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 1 })
        const engine = store.engine('admin')
        const base = await loadEntry(engine, NS, KEY)
        store.set(NS, KEY, { v: 'theirs' }) // same millisecond, another value
        const result = await safeWrite(engine, { namespace: NS, key: KEY, base, value: { v: 2 } })
        expect(result).toMatchObject({
            status: 'conflict',
            reason: 'changed',
            remote: { value: { v: 'theirs' } },
        })
        expect(store.get(NS, KEY)).toEqual({ v: 'theirs' })
    })

    it('never reports "saved" for an edit that a simultaneous save replaced (400 interleavings)', async () => {
        let silentLosses = 0
        let conflicts = 0
        let bothKept = 0
        for (let trial = 0; trial < 400; trial++) {
            const store = new MemoryDataStore()
            store.set(NS, KEY, { version: 1, a: 'old', b: 'old' })
            const random = rng(trial + 1)
            // Each request waits 0–3 turns of the event loop: every order of the two clients' reads,
            // claims and writes occurs; the server clock does not move (same millisecond)
            const delay = async () => {
                const turns = Math.floor(random() * 4)
                for (let i = 0; i < turns * 3; i++) await Promise.resolve()
            }
            const clientA = store.engine('admin', delay)
            const clientB = store.engine('district', delay)
            const [baseA, baseB] = await Promise.all([
                loadEntry(clientA, NS, KEY),
                loadEntry(clientB, NS, KEY),
            ])
            const save = (engine: typeof clientA, base: typeof baseA, field: 'a' | 'b') =>
                safeWrite(engine, {
                    namespace: NS,
                    key: KEY,
                    base,
                    value: { version: 1, a: 'old', b: 'old', [field]: `edited by ${field}` },
                    sleep: noSleep,
                })
            const [a, b] = await Promise.all([save(clientA, baseA, 'a'), save(clientB, baseB, 'b')])
            const stored = store.get(NS, KEY) as Record<string, unknown>
            const kept = (field: 'a' | 'b') => stored[field] === `edited by ${field}`
            const lost = (result: SafeWriteResult, field: 'a' | 'b') =>
                result.status === 'saved' && !kept(field)
            if (lost(a, 'a') || lost(b, 'b')) silentLosses++
            if (a.status === 'conflict' || b.status === 'conflict') conflicts++
            if (kept('a') && kept('b')) bothKept++
            // A loser is always told, and every "saved" edit is on the server
            expect(a.status === 'saved' || a.status === 'conflict').toBe(true)
            expect(b.status === 'saved' || b.status === 'conflict').toBe(true)
        }
        expect(silentLosses).toBe(0)
        expect(conflicts + bothKept).toBe(400)
    })

    it('shows the winner’s version to the loser once it is written', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 1 })
        const engine = store.engine('b')
        const base = await loadEntry(engine, NS, KEY)
        // The winner has claimed the version and writes a moment later
        const token = readRevision(base.value)
        expect(token).toBeNull()
        const winner = await safeWrite(store.engine('a'), {
            namespace: NS,
            key: KEY,
            base,
            value: { v: 'a' },
        })
        expect(winner.status).toBe('saved')
        const loser = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base,
            value: { v: 'b' },
            sleep: noSleep,
        })
        expect(loser).toMatchObject({ status: 'conflict', remote: { value: { v: 'a' } } })
    })

    it('reports a write replaced right after it was made', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 1 })
        let writes = 0
        // Another tool (no claim) writes just after our PUT
        const engine = store.engine('a', async () => {
            const putDone = store.log.some((line) => line.startsWith('a replace'))
            if (putDone && writes === 0) {
                writes++
                store.set(NS, KEY, { v: 'tool' }, 'tool')
            }
        })
        const base = await loadEntry(engine, NS, KEY)
        const result = await safeWrite(engine, { namespace: NS, key: KEY, base, value: { v: 2 } })
        expect(result).toMatchObject({ status: 'conflict', reason: 'overwritten' })
    })

    it('lets "overwrite with mine" pass a claim whose writer never wrote, but not a new write', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 1 })
        const engine = store.engine('a')
        const base = await loadEntry(engine, NS, KEY)
        // A writer claimed this version and vanished before writing (closed tab)
        const token = baseToken(base) as string
        store.set(NS, claimKey(KEY, token), { claimedBy: 'gone' })
        const normal = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base,
            value: { v: 2 },
            sleep: noSleep,
        })
        expect(normal).toMatchObject({ status: 'conflict', reason: 'concurrent' })
        expect(store.get(NS, KEY)).toEqual({ v: 1 })
        const forced = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base,
            value: { v: 2 },
            takeOver: true,
            sleep: noSleep,
        })
        expect(forced.status).toBe('saved')
        expect(store.get(NS, KEY)).toMatchObject({ v: 2 })
        // Taking over never passes a version written meanwhile
        store.now += 1
        store.set(NS, KEY, { v: 'theirs' })
        const late = await safeWrite(engine, {
            namespace: NS,
            key: KEY,
            base,
            value: { v: 3 },
            takeOver: true,
            sleep: noSleep,
        })
        expect(late.status).toBe('conflict')
        expect(store.get(NS, KEY)).toEqual({ v: 'theirs' })
    })

    it('removes claims the value no longer remembers', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 0 })
        const engine = store.engine('a')
        let base = await loadEntry(engine, NS, KEY)
        for (let i = 1; i <= 15; i++) {
            store.now += 1
            const result = await safeWrite(engine, {
                namespace: NS,
                key: KEY,
                base,
                value: { v: i },
            })
            expect(result.status).toBe('saved')
            if (result.status === 'saved') base = result.entry
        }
        await new Promise((r) => setTimeout(r, 0))
        const claims = [...(store.entries.get(NS)?.keys() ?? [])].filter(isClaimKey)
        expect(claims).toHaveLength(REVISION_HISTORY)
    })

    it('passes refusals on (403), writing nothing', async () => {
        const store = new MemoryDataStore()
        store.set(NS, KEY, { v: 1 })
        const base = await loadEntry(store.engine('a'), NS, KEY)
        const refusing = store.engine('analyst')
        Object.assign(refusing, {
            mutate: () =>
                Promise.reject(
                    dhis2Error(403, "Namespace 'triangulate' is protected, access denied")
                ),
        })
        await expect(
            safeWrite(refusing, { namespace: NS, key: KEY, base, value: { v: 2 } })
        ).rejects.toMatchObject({ details: { httpStatusCode: 403 } })
        expect(store.get(NS, KEY)).toEqual({ v: 1 })
    })
})
