/**
 * The order and pace in which deferred drawings (charts) are made: one queue for the page, whose
 * jobs run in short main-thread tasks (a job, then more only while the task is under
 * `budgetMs`), so that drawing many charts never makes one long task that blocks clicks and
 * scrolling. Which job goes first is asked of each job when the queue picks (the page may have
 * scrolled): what is in view before what is near it, the card the user just clicked first, then
 * the page's order. Jobs far from the view wait until they come near.
 *
 * Plain logic, no DOM: `LazyMount` gives it the browser's task scheduling and the cards' places.
 */

/** Where a job's card is, as the queue sorts them */
export interface DrawTicket {
    /** `DRAW_IN_VIEW`, `DRAW_NEAR`, or `DRAW_FAR` (waits) */
    rank: number
    /** When the user last pressed inside the card (`performance.now()`), 0 if never */
    interactedAt: number
    /** The card's place in the page */
    order: number
}

export const DRAW_IN_VIEW = 0
export const DRAW_NEAR = 1
export const DRAW_FAR = Number.POSITIVE_INFINITY

/** Negative when `a` is to be drawn before `b`. */
export const compareTickets = (a: DrawTicket, b: DrawTicket): number =>
    a.rank - b.rank || b.interactedAt - a.interactedAt || a.order - b.order

/** Where a card is from its visibility: in view, near (within the margin), or far. */
export const rankOf = (inView: boolean, near: boolean): number =>
    inView ? DRAW_IN_VIEW : near ? DRAW_NEAR : DRAW_FAR

/** The job to run next: the best ticket that is not far; `undefined` when all wait. */
export const pickNext = <T>(jobs: Iterable<T>, ticket: (job: T) => DrawTicket): T | undefined => {
    let best: T | undefined
    let bestTicket: DrawTicket | undefined
    for (const job of jobs) {
        const t = ticket(job)
        if (!Number.isFinite(t.rank)) continue
        if (!bestTicket || compareTickets(t, bestTicket) < 0) {
            best = job
            bestTicket = t
        }
    }
    return best
}

export interface DrawQueueOptions {
    /** Runs `task` in a later main-thread task (e.g. a `MessageChannel` message or `setTimeout`) */
    schedule: (task: () => void) => void
    /** A clock in milliseconds (`performance.now`) */
    now: () => number
    /**
     * Runs `task` in a main-thread task after the page has next been painted (e.g. an animation
     * frame, then a message). Used once the last job in view has run, before the jobs near it:
     * queued tasks may otherwise keep the browser from painting the charts in view until the
     * charts below them are drawn too. Without it, `schedule`.
     */
    scheduleAfterPaint?: (task: () => void) => void
    /** A task runs jobs while under this (at least one job per task) */
    budgetMs?: number
}

export interface DrawQueue {
    /** Adds a job; returns its cancel function (a no-op once it ran) */
    add: (run: () => void, ticket: () => DrawTicket) => () => void
    /** Something moved (a card came near): look again at what may run */
    wake: () => void
    /** Jobs not run yet */
    size: () => number
}

/** A queue of deferred drawings: see the file comment. */
export const createDrawQueue = ({
    schedule,
    scheduleAfterPaint = schedule,
    now,
    budgetMs = 50,
}: DrawQueueOptions): DrawQueue => {
    interface Job {
        run: () => void
        ticket: () => DrawTicket
    }
    const jobs = new Set<Job>()
    let scheduled = false
    /** The rank of the job run last, while the queue has jobs to run (`null`: none yet) */
    let lastRank: number | null = null

    const wake = (afterPaint = false) => {
        if (scheduled || jobs.size === 0) return
        scheduled = true
        ;(afterPaint ? scheduleAfterPaint : schedule)(pump)
    }

    function pump() {
        scheduled = false
        const start = now()
        for (;;) {
            const job = pickNext(jobs, (j) => j.ticket())
            if (!job) {
                lastRank = null
                return
            }
            const rank = job.ticket().rank
            // What is in view is painted before anything below it is drawn
            if (lastRank === DRAW_IN_VIEW && rank !== DRAW_IN_VIEW) {
                lastRank = null
                wake(true)
                return
            }
            lastRank = rank
            jobs.delete(job)
            try {
                job.run()
            } catch (error) {
                // The other jobs still run, in a next task
                wake()
                throw error
            }
            // Whatever a job costs, the next one runs in a new task once the budget is spent
            if (now() - start >= budgetMs) {
                wake()
                return
            }
        }
    }

    return {
        add: (run, ticket) => {
            const job: Job = { run, ticket }
            jobs.add(job)
            wake()
            return () => {
                jobs.delete(job)
            }
        },
        wake: () => wake(),
        size: () => jobs.size,
    }
}

/** The next count of a list mounted `step` parts at a time, never beyond `total`. */
export const nextCount = (count: number, total: number, step: number): number =>
    Math.min(total, count + Math.max(1, Math.floor(step)))
