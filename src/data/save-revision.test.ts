import {
    baseToken,
    canonicalJson,
    checkWritten,
    claimKey,
    decideSave,
    forgottenClaims,
    isClaimKey,
    newRevisionId,
    nextRevision,
    readRevision,
    REVISION_HISTORY,
    sameContent,
    valueWithRevision,
    withoutRevision,
    type EntryVersion,
} from './save-revision'

const entry = (value: unknown, lastUpdated = '2026-11-26T09:00:00.000'): EntryVersion => ({
    exists: true,
    value,
    lastUpdated,
})
const absent: EntryVersion = { exists: false, value: null, lastUpdated: null }

describe('naming a stored version', () => {
    it('gives every reader of the same version the same token, whatever the key order', () => {
        expect(baseToken(entry({ a: 1, b: [1, 2] }))).toBe(baseToken(entry({ b: [1, 2], a: 1 })))
        expect(baseToken(absent)).toBeNull()
        expect(canonicalJson({ b: 1, a: { d: 2, c: undefined } })).toBe('{"a":{"d":2},"b":1}')
    })

    it('changes with any other write: content, revision, or time', () => {
        const base = baseToken(entry({ a: 1 }))
        expect(baseToken(entry({ a: 2 }))).not.toBe(base)
        expect(baseToken(entry({ a: 1 }, '2026-11-26T09:00:00.001'))).not.toBe(base)
        // Same content and same millisecond, but another write of the app: another revision
        const r1 = valueWithRevision({ a: 1 }, nextRevision(absent, 'one'))
        const r2 = valueWithRevision({ a: 1 }, nextRevision(absent, 'two'))
        expect(baseToken(entry(r1))).not.toBe(baseToken(entry(r2)))
    })

    it('names the claim key of a version, recognisably', () => {
        expect(claimKey('config', 'abc')).toBe('config--save--abc')
        expect(claimKey('config', 'abc', 2)).toBe('config--save--abc-2')
        expect(isClaimKey('config--save--abc')).toBe(true)
        expect(isClaimKey('dashboard-item-x')).toBe(false)
        expect(newRevisionId()).toMatch(/^[a-z0-9]{10,}$/)
        expect(newRevisionId()).not.toBe(newRevisionId())
    })
})

describe('revisions', () => {
    it('count up, remember the base and the ids before, and stay bounded', () => {
        const first = nextRevision(entry({ a: 1 }), 'r1')
        expect(first).toMatchObject({ id: 'r1', n: 1, recent: [] })
        expect(first.base).toBe(baseToken(entry({ a: 1 })))
        let version = entry(valueWithRevision({ a: 1 }, first))
        for (let i = 2; i <= 15; i++) {
            const next = nextRevision(version, `r${i}`)
            version = entry(valueWithRevision({ a: i }, next), `2026-11-26T09:00:${10 + i}.000`)
        }
        const last = readRevision(version.value)
        expect(last?.n).toBe(15)
        expect(last?.recent[0]).toBe('r14')
        expect(last?.recent).toHaveLength(REVISION_HISTORY)
        expect(last?.claims).toHaveLength(REVISION_HISTORY)
        const after = nextRevision(version, 'r16')
        expect(forgottenClaims(version, after)).toEqual([last?.claims[REVISION_HISTORY - 1]])
    })

    it('are not part of what the admin edits', () => {
        const stored = valueWithRevision({ version: 1, x: 2 }, nextRevision(absent, 'r'))
        expect(withoutRevision(stored)).toEqual({ version: 1, x: 2 })
        expect(sameContent(stored, { x: 2, version: 1 })).toBe(true)
        expect(readRevision({ revision: 'not one' })).toBeNull()
        expect(readRevision(null)).toBeNull()
    })
})

describe('deciding a save', () => {
    const base = entry({ a: 1 })
    it('writes when the server still has the version the edit started from', () => {
        expect(decideSave(base, entry({ a: 1 }), { a: 2 })).toEqual({ action: 'write' })
        expect(decideSave(absent, absent, { a: 2 })).toEqual({ action: 'write' })
    })

    it('is a conflict when anyone wrote or deleted since, even in the same millisecond', () => {
        expect(decideSave(base, entry({ a: 3 }), { a: 2 }).action).toBe('conflict')
        expect(decideSave(base, absent, { a: 2 }).action).toBe('conflict')
        expect(decideSave(absent, base, { a: 2 }).action).toBe('conflict')
        const mine = entry(valueWithRevision({ a: 1 }, nextRevision(base, 'x')))
        const theirs = entry(valueWithRevision({ a: 1 }, nextRevision(base, 'y')))
        expect(decideSave(mine, theirs, { a: 5 }).action).toBe('conflict')
    })

    it('has nothing to do when the server already has the value', () => {
        expect(decideSave(base, entry({ a: 2 }), { a: 2 })).toEqual({ action: 'alreadySaved' })
    })

    it('after writing, accepts only its own revision or one made from it', () => {
        const mine = nextRevision(base, 'mine')
        const stored = entry(valueWithRevision({ a: 2 }, mine))
        expect(checkWritten('mine', stored)).toBe('saved')
        const onTop = entry(valueWithRevision({ a: 3 }, nextRevision(stored, 'later')))
        expect(checkWritten('mine', onTop)).toBe('saved')
        const theirs = entry(valueWithRevision({ a: 4 }, nextRevision(base, 'theirs')))
        expect(checkWritten('mine', theirs)).toBe('overwritten')
        expect(checkWritten('mine', entry({ a: 2 }))).toBe('overwritten')
        expect(checkWritten('mine', absent)).toBe('overwritten')
    })
})
