import { describe, expect, it } from 'vitest'
import { applyAction, emptyFollowUp, type FollowUp } from '../domain/follow-up/follow-up'
import type { DataEngine } from './engine'
import { followUpsOfPage, loadFollowUp, loadFollowUps, saveFollowUp } from './follow-ups'
import { dhis2Error, MemoryDataStore } from './memory-datastore'

const by = { id: 'u1', name: 'Amina Diallo' }
const acknowledged = (ou: string): FollowUp => {
    const result = applyAction(emptyFollowUp(ou, 'oxy'), { action: 'acknowledge' }, by, 't', () =>
        Math.random().toString(36)
    )
    if (!result.ok) throw new Error(result.reason)
    return result.followUp
}

describe('followUpsOfPage', () => {
    it('reads follow-ups of a query page, skipping claims and other values', () => {
        const page = {
            pager: { page: 1, pageSize: 50 },
            entries: [
                {
                    key: 'followup--OU1--oxy',
                    value: { ...acknowledged('OU1'), revision: { id: 'r' } },
                },
                { key: 'followup--OU1--oxy--save--abc', value: { claimedBy: 'r' } },
                { key: 'followup--OU2--oxy', value: { broken: true } },
            ],
        }
        const { followUps, size } = followUpsOfPage(page)
        expect(size).toBe(3)
        expect(followUps).toHaveLength(1)
        expect(followUps[0]).toMatchObject({ orgUnitId: 'OU1', pairId: 'oxy' })
        expect(followUps[0]).not.toHaveProperty('revision')
        expect(followUpsOfPage(null)).toEqual({ followUps: [], size: 0 })
    })
})

describe('loadFollowUps', () => {
    it('reads page after page until a short one, with the key filter of the query API', async () => {
        const requests: Record<string, unknown>[] = []
        const all = ['A', 'B', 'C', 'D', 'E'].map((ou) => ({
            key: `followup--${ou}--oxy`,
            value: acknowledged(ou),
        }))
        const engine = {
            query: async (q: { result: { params: Record<string, unknown> } }) => {
                const { page, pageSize } = q.result.params as { page: number; pageSize: number }
                requests.push(q.result.params)
                return {
                    result: {
                        pager: { page, pageSize },
                        entries: all.slice((page - 1) * pageSize, page * pageSize),
                    },
                }
            },
        } as unknown as DataEngine
        const followUps = await loadFollowUps(engine, undefined, 2)
        expect(followUps.map((f) => f.orgUnitId)).toEqual(['A', 'B', 'C', 'D', 'E'])
        expect(requests).toHaveLength(3)
        expect(requests[0]).toMatchObject({ fields: '.', filter: '_:$like:followup--' })
    })

    it('is empty when the namespace does not exist (404)', async () => {
        const engine = {
            query: async () => {
                throw dhis2Error(404, 'Namespace not found')
            },
        } as unknown as DataEngine
        expect(await loadFollowUps(engine)).toEqual([])
    })
})

describe('saveFollowUp', () => {
    it('creates, updates, and reports a conflict to the second of two users editing at once', async () => {
        const store = new MemoryDataStore()
        store.set('triangulate', 'config', {})
        const a = store.engine('a')
        const b = store.engine('b')
        const first = await saveFollowUp(
            a,
            (await loadFollowUp(a, 'OU1', 'oxy')).entry,
            acknowledged('OU1')
        )
        expect(first.status).toBe('saved')
        store.now += 1
        // Both open the same version
        const baseA = await loadFollowUp(a, 'OU1', 'oxy')
        const baseB = await loadFollowUp(b, 'OU1', 'oxy')
        expect(baseA.followUp?.history).toHaveLength(1)
        const withComment = (text: string, base: FollowUp) => {
            const r = applyAction(base, { action: 'comment', text }, by, 't', () => text)
            if (!r.ok) throw new Error(r.reason)
            return r.followUp
        }
        const saveA = await saveFollowUp(
            a,
            baseA.entry,
            withComment('mine', baseA.followUp as FollowUp)
        )
        store.now += 1
        const saveB = await saveFollowUp(
            b,
            baseB.entry,
            withComment('theirs', baseB.followUp as FollowUp)
        )
        expect(saveA.status).toBe('saved')
        expect(saveB.status).toBe('conflict')
        const stored = store.get('triangulate', 'followup--OU1--oxy') as FollowUp
        expect(stored.history.map((e) => e.action)).toEqual(['acknowledge', 'comment'])
        // Nothing lost: B re-applies its comment on the version now stored
        if (saveB.status !== 'conflict') return
        const remote = await loadFollowUp(b, 'OU1', 'oxy')
        const again = await saveFollowUp(
            b,
            remote.entry,
            withComment('theirs', remote.followUp as FollowUp)
        )
        expect(again.status).toBe('saved')
        const after = store.get('triangulate', 'followup--OU1--oxy') as FollowUp
        expect(after.history.map((e) => (e.action === 'comment' ? e.text : e.action))).toEqual([
            'acknowledge',
            'mine',
            'theirs',
        ])
    })
})
