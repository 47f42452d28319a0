import { describe, expect, it } from 'vitest'
import {
    DRAW_FAR,
    DRAW_IN_VIEW,
    DRAW_NEAR,
    compareTickets,
    createDrawQueue,
    nextCount,
    pickNext,
    rankOf,
    type DrawTicket,
} from './draw-queue'

/** A queue on a fake clock: each job "costs" `cost` ms; tasks run when `runTasks` is called. */
const setup = (budgetMs = 50) => {
    let clock = 0
    const tasks: (() => void)[] = []
    const queue = createDrawQueue({
        schedule: (task) => tasks.push(task),
        now: () => clock,
        budgetMs,
    })
    const log: { task: number; job: string }[] = []
    let taskNumber = 0
    const runTask = () => {
        const task = tasks.shift()
        if (!task) return false
        taskNumber++
        task()
        return true
    }
    const runTasks = () => {
        while (runTask()) {
            // until none is left
        }
    }
    const job = (name: string, cost: number) => () => {
        clock += cost
        log.push({ task: taskNumber, job: name })
    }
    return { queue, tasks, log, runTask, runTasks, job, names: () => log.map((l) => l.job) }
}

const ticket = (rank: number, order: number, interactedAt = 0): (() => DrawTicket) => {
    return () => ({ rank, order, interactedAt })
}

describe('rankOf', () => {
    it('in view before near, far waits', () => {
        expect(rankOf(true, true)).toBe(DRAW_IN_VIEW)
        expect(rankOf(false, true)).toBe(DRAW_NEAR)
        expect(rankOf(false, false)).toBe(DRAW_FAR)
    })
})

describe('compareTickets / pickNext', () => {
    it('orders in view, then the card clicked last, then page order', () => {
        const tickets: DrawTicket[] = [
            { rank: DRAW_NEAR, order: 0, interactedAt: 0 },
            { rank: DRAW_IN_VIEW, order: 3, interactedAt: 0 },
            { rank: DRAW_IN_VIEW, order: 2, interactedAt: 0 },
            { rank: DRAW_IN_VIEW, order: 4, interactedAt: 900 },
            { rank: DRAW_IN_VIEW, order: 5, interactedAt: 100 },
        ]
        const sorted = [...tickets].sort(compareTickets).map((t) => t.order)
        expect(sorted).toEqual([4, 5, 2, 3, 0])
    })

    it('never picks a far job', () => {
        const jobs = [{ rank: DRAW_FAR, order: 0, interactedAt: 5 }]
        expect(pickNext(jobs, (j) => j)).toBeUndefined()
        expect(pickNext([], (j: DrawTicket) => j)).toBeUndefined()
    })
})

describe('createDrawQueue', () => {
    it('runs nothing in the task that adds: jobs wait for a next task', () => {
        const s = setup()
        s.queue.add(s.job('a', 10), ticket(DRAW_IN_VIEW, 0))
        expect(s.log).toEqual([])
        expect(s.tasks).toHaveLength(1)
        s.runTasks()
        expect(s.names()).toEqual(['a'])
    })

    it('runs one costly job per task (never two charts in one long task)', () => {
        const s = setup(50)
        for (let i = 0; i < 4; i++) s.queue.add(s.job(`chart${i}`, 80), ticket(DRAW_IN_VIEW, i))
        // one task scheduled, whatever the jobs
        expect(s.tasks).toHaveLength(1)
        s.runTasks()
        expect(s.log).toEqual([
            { task: 1, job: 'chart0' },
            { task: 2, job: 'chart1' },
            { task: 3, job: 'chart2' },
            { task: 4, job: 'chart3' },
        ])
    })

    it('runs cheap jobs together while under the budget', () => {
        const s = setup(50)
        for (let i = 0; i < 6; i++) s.queue.add(s.job(`j${i}`, 20), ticket(DRAW_IN_VIEW, i))
        s.runTasks()
        // 20 + 20 = 40 < 50, the third reaches 60: three per task
        expect(s.log.map((l) => l.task)).toEqual([1, 1, 1, 2, 2, 2])
    })

    it('draws what is in view first, then near; far jobs wait until woken', () => {
        const s = setup(0)
        let far = DRAW_FAR
        s.queue.add(s.job('far', 1), () => ({ rank: far, order: 0, interactedAt: 0 }))
        s.queue.add(s.job('near', 1), ticket(DRAW_NEAR, 1))
        s.queue.add(s.job('view', 1), ticket(DRAW_IN_VIEW, 2))
        s.runTasks()
        expect(s.names()).toEqual(['view', 'near'])
        expect(s.queue.size()).toBe(1)
        expect(s.tasks).toHaveLength(0)
        // the card scrolled into view
        far = DRAW_IN_VIEW
        s.queue.wake()
        s.runTasks()
        expect(s.names()).toEqual(['view', 'near', 'far'])
        expect(s.queue.size()).toBe(0)
    })

    it('asks the tickets when it picks (the page scrolled in between)', () => {
        const s = setup(0)
        let firstRank = DRAW_IN_VIEW
        s.queue.add(s.job('a', 1), () => ({ rank: firstRank, order: 0, interactedAt: 0 }))
        s.queue.add(s.job('b', 1), ticket(DRAW_IN_VIEW, 1))
        s.queue.add(s.job('c', 1), ticket(DRAW_NEAR, 2))
        s.runTask()
        expect(s.names()).toEqual(['a'])
        // c came into view before b: page order then
        firstRank = DRAW_FAR
        s.queue.add(s.job('d', 1), ticket(DRAW_IN_VIEW, 0, 50))
        s.runTasks()
        expect(s.names()).toEqual(['a', 'd', 'b', 'c'])
    })

    it('the card clicked last is drawn first', () => {
        const s = setup(0)
        s.queue.add(s.job('first card', 1), ticket(DRAW_IN_VIEW, 0))
        s.queue.add(s.job('clicked card', 1), ticket(DRAW_IN_VIEW, 1, 1234))
        s.runTasks()
        expect(s.names()).toEqual(['clicked card', 'first card'])
    })

    it('a cancelled job never runs', () => {
        const s = setup()
        const cancel = s.queue.add(s.job('gone', 1), ticket(DRAW_IN_VIEW, 0))
        s.queue.add(s.job('kept', 1), ticket(DRAW_IN_VIEW, 1))
        cancel()
        s.runTasks()
        expect(s.names()).toEqual(['kept'])
    })

    it('a job that throws does not stop the others', () => {
        const s = setup(1000)
        s.queue.add(
            () => {
                throw new Error('broken chart')
            },
            ticket(DRAW_IN_VIEW, 0)
        )
        s.queue.add(s.job('next', 1), ticket(DRAW_IN_VIEW, 1))
        expect(() => s.runTask()).toThrow('broken chart')
        s.runTasks()
        expect(s.names()).toEqual(['next'])
    })

    it('lets the page paint what is in view before drawing what is near it', () => {
        const tasks: (() => void)[] = []
        const afterPaint: (() => void)[] = []
        const log: string[] = []
        const queue = createDrawQueue({
            schedule: (task) => tasks.push(task),
            scheduleAfterPaint: (task) => afterPaint.push(task),
            now: () => 0,
            budgetMs: 1000,
        })
        const job = (name: string) => () => log.push(name)
        queue.add(job('near'), ticket(DRAW_NEAR, 2))
        queue.add(job('view 1'), ticket(DRAW_IN_VIEW, 0))
        queue.add(job('view 2'), ticket(DRAW_IN_VIEW, 1))
        tasks.shift()?.()
        // both in-view jobs in one task (under the budget), then a wait for the paint
        expect(log).toEqual(['view 1', 'view 2'])
        expect(tasks).toHaveLength(0)
        expect(afterPaint).toHaveLength(1)
        // one task at a time, even while waiting for the paint
        queue.wake()
        expect(tasks).toHaveLength(0)
        afterPaint.shift()?.()
        expect(log).toEqual(['view 1', 'view 2', 'near'])
        // near jobs follow one another without waiting for a paint
        queue.add(job('near 2'), ticket(DRAW_NEAR, 3))
        queue.add(job('near 3'), ticket(DRAW_NEAR, 4))
        tasks.shift()?.()
        expect(log.slice(3)).toEqual(['near 2', 'near 3'])
        expect(afterPaint).toHaveLength(0)
    })

    it('schedules one task at a time', () => {
        const s = setup()
        s.queue.add(s.job('a', 1), ticket(DRAW_IN_VIEW, 0))
        s.queue.add(s.job('b', 1), ticket(DRAW_IN_VIEW, 1))
        s.queue.wake()
        expect(s.tasks).toHaveLength(1)
    })
})

describe('nextCount', () => {
    it('adds a step, never beyond the total, at least one', () => {
        expect(nextCount(3, 40, 3)).toBe(6)
        expect(nextCount(39, 40, 3)).toBe(40)
        expect(nextCount(40, 40, 3)).toBe(40)
        expect(nextCount(0, 5, 0)).toBe(1)
    })
})
