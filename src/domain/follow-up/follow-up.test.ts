import { describe, expect, it } from 'vitest'
import {
    allowedActions,
    applyAction,
    dataChangedSince,
    effectiveFollowUp,
    emptyFollowUp,
    followUpKey,
    followUpsByEntry,
    isFollowUpKey,
    mergeFollowUps,
    parseFollowUp,
    reasonPrint,
    reasonPrints,
    stateOf,
    type FollowUp,
    type FollowUpAction,
} from './follow-up'

const amina = { id: 'uAmina00001', name: 'Amina Diallo' }
const fatima = { id: 'uFatima0001', name: 'Fatima Kamara' }
let n = 0
const newId = () => `e${++n}`

const act = (
    followUp: FollowUp,
    action: FollowUpAction,
    by = amina,
    prints: string[] | null = null
): FollowUp => {
    const result = applyAction(followUp, action, by, '2026-05-02T10:00:00.000Z', newId, prints)
    if (!result.ok) throw new Error(result.reason)
    return result.followUp
}

const spike = { id: 'spike:oxy:OU1:202604:consumption', details: { value: 900, median: 90 } }
const stockout = { id: 'stockoutWithCases:oxy:OU1:202604', details: { cases: 40, stockOnHand: 0 } }

describe('follow-up state machine', () => {
    it('starts open and goes acknowledged → assigned → commented → resolved, each with who and when', () => {
        let f = emptyFollowUp('OU1', 'oxy')
        expect(stateOf(f).status).toBe('open')
        f = act(f, { action: 'acknowledge' })
        expect(stateOf(f).status).toBe('acknowledged')
        f = act(f, {
            action: 'assign',
            assignee: { kind: 'user', id: fatima.id, name: fatima.name },
        })
        f = act(f, { action: 'comment', text: '  Called the district pharmacist  ' }, fatima)
        f = act(f, { action: 'resolve', fingerprints: reasonPrints([spike]) }, fatima)
        const state = stateOf(f)
        expect(state.status).toBe('resolved')
        expect(state.assignee).toEqual({ kind: 'user', id: fatima.id, name: fatima.name })
        expect(f.history.map((e) => [e.action, e.by.name])).toEqual([
            ['acknowledge', 'Amina Diallo'],
            ['assign', 'Amina Diallo'],
            ['comment', 'Fatima Kamara'],
            ['resolve', 'Fatima Kamara'],
        ])
        expect(f.history[2]).toMatchObject({ text: 'Called the district pharmacist' })
        expect(f.history.every((e) => e.at === '2026-05-02T10:00:00.000Z')).toBe(true)
        expect(new Set(f.history.map((e) => e.id)).size).toBe(4)
    })

    it('assigning an open alert acknowledges it; an org unit can be the assignee', () => {
        const f = act(emptyFollowUp('OU1', 'oxy'), {
            action: 'assign',
            assignee: { kind: 'orgUnit', id: 'DIST1', name: 'Kédougou' },
        })
        expect(stateOf(f)).toMatchObject({
            status: 'acknowledged',
            assignee: { kind: 'orgUnit', name: 'Kédougou' },
        })
        // Unassigning keeps it acknowledged
        expect(stateOf(act(f, { action: 'assign', assignee: null })).assignee).toBeNull()
    })

    it('refuses what the state does not allow, empty comments and assignments without change', () => {
        const f = act(emptyFollowUp('OU1', 'oxy'), { action: 'resolve', fingerprints: [] })
        const twice = applyAction(f, { action: 'resolve', fingerprints: [] }, amina, 'x', newId)
        expect(twice.ok).toBe(false)
        expect(applyAction(f, { action: 'acknowledge' }, amina, 'x', newId).ok).toBe(false)
        const blank = applyAction(f, { action: 'comment', text: '   ' }, amina, 'x', newId)
        expect(blank.ok).toBe(false)
        const open = emptyFollowUp('OU1', 'oxy')
        expect(applyAction(open, { action: 'assign', assignee: null }, amina, 'x', newId).ok).toBe(
            false
        )
        expect(
            applyAction(open, { action: 'reopen', dataChanged: false }, amina, 'x', newId).ok
        ).toBe(false)
        expect(allowedActions('resolved')).toEqual(['comment', 'reopen'])
    })

    it('reopens by hand', () => {
        let f = act(emptyFollowUp('OU1', 'oxy'), { action: 'resolve', fingerprints: [] })
        f = act(f, { action: 'reopen', dataChanged: false })
        expect(stateOf(f)).toMatchObject({ status: 'open', resolvedPrints: null })
    })

    it('records "data changed since resolved" before the next action on changed data', () => {
        const resolved = act(emptyFollowUp('OU1', 'oxy'), {
            action: 'resolve',
            fingerprints: reasonPrints([spike]),
        })
        const changed = reasonPrints([{ ...spike, details: { value: 950, median: 90 } }])
        const f = act(resolved, { action: 'comment', text: 'Looking again' }, fatima, changed)
        expect(f.history.map((e) => e.action)).toEqual(['resolve', 'reopen', 'comment'])
        expect(f.history[1]).toMatchObject({ dataChanged: true, by: fatima })
        expect(stateOf(f).status).toBe('open')
        // Same data: the comment is added to the resolved follow-up
        const same = act(resolved, { action: 'comment', text: 'ok' }, fatima, reasonPrints([spike]))
        expect(same.history.map((e) => e.action)).toEqual(['resolve', 'comment'])
        expect(stateOf(same).status).toBe('resolved')
    })
})

describe('fingerprints', () => {
    it('depend on the reason and its values, not on thresholds or key order', () => {
        const a = reasonPrint({ id: 'd:1', details: { consumption: 10, cases: 5, threshold: 80 } })
        const b = reasonPrint({ id: 'd:1', details: { cases: 5, consumption: 10, threshold: 60 } })
        expect(a).toBe(b)
        expect(reasonPrint({ id: 'd:1', details: { consumption: 11, cases: 5 } })).not.toBe(a)
        expect(reasonPrint({ id: 'd:2', details: { consumption: 10, cases: 5 } })).not.toBe(a)
        // Float noise below 6 significant digits does not count
        expect(reasonPrint({ id: 'x', details: { ratio: 0.1 + 0.2 } })).toBe(
            reasonPrint({ id: 'x', details: { ratio: 0.3 } })
        )
    })

    it('a new or changed reason is a change; a reason gone is not', () => {
        const resolved = reasonPrints([spike])
        expect(dataChangedSince(resolved, reasonPrints([spike]))).toBe(false)
        expect(dataChangedSince(resolved, [])).toBe(false)
        expect(dataChangedSince(resolved, reasonPrints([spike, stockout]))).toBe(true)
        expect(dataChangedSince(null, reasonPrints([stockout]))).toBe(false)
    })
})

describe('merging a scan with the stored follow-ups', () => {
    const resolvedOn = (prints: string[], ou = 'OU1') =>
        act(emptyFollowUp(ou, 'oxy'), { action: 'resolve', fingerprints: prints })

    it('keeps a resolved alert resolved on a rescan of the same data, reopens it on changed data', () => {
        const stored = followUpsByEntry([resolvedOn(reasonPrints([spike]))])
        const same = mergeFollowUps([{ orgUnitId: 'OU1', pairId: 'oxy', reasons: [spike] }], stored)
        expect(same.get('OU1:oxy')).toMatchObject({ status: 'resolved', dataChanged: false })
        const changed = mergeFollowUps(
            [{ orgUnitId: 'OU1', pairId: 'oxy', reasons: [spike, stockout] }],
            stored
        )
        expect(changed.get('OU1:oxy')).toMatchObject({ status: 'open', dataChanged: true })
    })

    it('gives entries without a stored follow-up an open, empty one', () => {
        const merged = mergeFollowUps(
            [{ orgUnitId: 'OU2', pairId: 'oxy', reasons: [stockout] }],
            new Map()
        )
        expect(merged.get('OU2:oxy')).toEqual({
            status: 'open',
            assignee: null,
            dataChanged: false,
            last: null,
            history: [],
        })
        expect(effectiveFollowUp(null, []).status).toBe('open')
    })
})

describe('storage', () => {
    it('keys follow-ups per org unit × pair, never matching claims of the safe write', () => {
        expect(followUpKey('OU1', 'oxytocin-pph')).toBe('followup--OU1--oxytocin-pph')
        expect(followUpKey('OU1', 'a b/c')).toBe('followup--OU1--a_b_c')
        expect(isFollowUpKey('followup--OU1--oxy')).toBe(true)
        expect(isFollowUpKey('followup--OU1--oxy--save--abc')).toBe(false)
        expect(isFollowUpKey('config')).toBe(false)
    })

    it('parses stored values, keeping unknown fields; refuses anything else', () => {
        const f = act(emptyFollowUp('OU1', 'oxy'), { action: 'acknowledge' })
        expect(parseFollowUp({ ...f, futureField: 1 })).toMatchObject({ futureField: 1 })
        expect(parseFollowUp({ orgUnitId: 'OU1' })).toBeNull()
        expect(
            parseFollowUp({ ...f, history: [{ action: 'explode', id: 'x', at: 'y', by: amina }] })
        ).toBeNull()
        expect(followUpsByEntry([f, emptyFollowUp('OU1', 'oxy')]).get('OU1:oxy')).toBe(f)
    })
})
