/**
 * Follow-up of an alert (one org unit × pair): acknowledged, assigned to a person or an org unit,
 * commented, resolved — with who and when for every action (the history). Pure functions, no
 * React, no requests.
 *
 * A follow-up is an append-only list of events; its state (status, assignee) is the replay of
 * that list (`stateOf`). Resolving stores the fingerprints of the alert's reasons (`reasonPrint`:
 * the values that raised each one); a later scan whose reasons carry a fingerprint that was not
 * there when it was resolved shows it open again, "data changed since resolved"
 * (`effectiveFollowUp`), and the next action records that reopening in the history.
 */
import { z } from 'zod'
import { canonicalJson, shortHash } from '../../data/save-revision'

export const FOLLOW_UP_STATUSES = ['open', 'acknowledged', 'resolved'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

const personSchema = z.object({ id: z.string().min(1), name: z.string() })
export type Person = z.infer<typeof personSchema>

const assigneeSchema = z.object({
    kind: z.enum(['user', 'orgUnit']),
    id: z.string().min(1),
    name: z.string(),
})
export type Assignee = z.infer<typeof assigneeSchema>

const eventSchema = z.discriminatedUnion('action', [
    z.object({ action: z.literal('acknowledge') }),
    z.object({ action: z.literal('assign'), assignee: assigneeSchema.nullable() }),
    z.object({ action: z.literal('comment'), text: z.string().min(1) }),
    z.object({ action: z.literal('resolve'), fingerprints: z.array(z.string()) }),
    z.object({ action: z.literal('reopen'), dataChanged: z.boolean() }),
])

const historyEventSchema = z.intersection(
    eventSchema,
    z.object({
        /** Random id, so that merging two histories keeps each event once */
        id: z.string().min(1),
        /** ISO date-time of the action (the user's clock) */
        at: z.string().min(1),
        by: personSchema,
    })
)

export type FollowUpAction = z.infer<typeof eventSchema>
export type FollowUpEvent = z.infer<typeof historyEventSchema>

export const followUpSchema = z
    .object({
        orgUnitId: z.string().min(1),
        pairId: z.string().min(1),
        history: z.array(historyEventSchema),
    })
    // Fields of a newer version are kept when the follow-up is saved again
    .passthrough()
export type FollowUp = z.infer<typeof followUpSchema>

/** The dataStore key prefix of follow-ups (`triangulate/followup--<org unit>--<pair>`) */
export const FOLLOW_UP_KEY_PREFIX = 'followup--'

/** The key of an alert entry (org unit × pair) in maps of the app */
export const followUpMapKey = (orgUnitId: string, pairId: string): string =>
    `${orgUnitId}:${pairId}`

/** The dataStore key of an org unit × pair's follow-up (pair ids are slugs or uids) */
export const followUpKey = (orgUnitId: string, pairId: string): string =>
    `${FOLLOW_UP_KEY_PREFIX}${orgUnitId}--${pairId.replace(/[^A-Za-z0-9_-]/g, '_')}`

/** Whether a dataStore key holds a follow-up (claims of the safe write aside) */
export const isFollowUpKey = (key: string): boolean =>
    key.startsWith(FOLLOW_UP_KEY_PREFIX) && !key.includes('--save--')

/** A stored value as a follow-up; `null` when it is none */
export const parseFollowUp = (value: unknown): FollowUp | null => {
    const parsed = followUpSchema.safeParse(value)
    return parsed.success ? parsed.data : null
}

export const emptyFollowUp = (orgUnitId: string, pairId: string): FollowUp => ({
    orgUnitId,
    pairId,
    history: [],
})

export interface FollowUpState {
    status: FollowUpStatus
    assignee: Assignee | null
    /** Fingerprints of the reasons when it was last resolved */
    resolvedPrints: string[] | null
    /** The last event, if any */
    last: FollowUpEvent | null
}

/** The state a history leads to (events in the order stored). */
export const stateOf = (followUp: FollowUp | null): FollowUpState => {
    let status: FollowUpStatus = 'open'
    let assignee: Assignee | null = null
    let resolvedPrints: string[] | null = null
    let last: FollowUpEvent | null = null
    for (const event of followUp?.history ?? []) {
        last = event
        switch (event.action) {
            case 'acknowledge':
                if (status === 'open') status = 'acknowledged'
                break
            case 'assign':
                assignee = event.assignee
                if (status === 'open') status = 'acknowledged'
                break
            case 'resolve':
                status = 'resolved'
                resolvedPrints = event.fingerprints
                break
            case 'reopen':
                status = 'open'
                resolvedPrints = null
                break
            case 'comment':
                break
        }
    }
    return { status, assignee, resolvedPrints, last }
}

/** Which actions make sense in a state (the buttons offered). */
export const allowedActions = (status: FollowUpStatus): FollowUpAction['action'][] => {
    switch (status) {
        case 'open':
            return ['acknowledge', 'assign', 'comment', 'resolve']
        case 'acknowledged':
            return ['assign', 'comment', 'resolve']
        case 'resolved':
            return ['comment', 'reopen']
    }
}

export type ApplyResult = { ok: true; followUp: FollowUp } | { ok: false; reason: string }

/**
 * The follow-up after `action` by `by` at `at`. `currentPrints`: the fingerprints of the alert's
 * reasons in the scan the user is looking at — when a resolved follow-up's data changed since, its
 * reopening is recorded first (`reopen`, `dataChanged: true`). Refuses an action the state does not
 * allow (e.g. resolving twice), an empty comment, and an assignment without change.
 */
export const applyAction = (
    followUp: FollowUp,
    action: FollowUpAction,
    by: Person,
    at: string,
    newId: () => string,
    currentPrints: readonly string[] | null = null
): ApplyResult => {
    const history = [...followUp.history]
    const push = (event: FollowUpAction) =>
        history.push({ ...event, id: newId(), at, by } as FollowUpEvent)
    let state = stateOf(followUp)
    if (
        state.status === 'resolved' &&
        currentPrints !== null &&
        dataChangedSince(state.resolvedPrints, currentPrints)
    ) {
        push({ action: 'reopen', dataChanged: true })
        state = stateOf({ ...followUp, history })
        if (action.action === 'reopen') return { ok: true, followUp: { ...followUp, history } }
    }
    if (!allowedActions(state.status).includes(action.action)) {
        return { ok: false, reason: `${action.action} is not allowed when ${state.status}` }
    }
    if (action.action === 'comment' && action.text.trim() === '') {
        return { ok: false, reason: 'empty comment' }
    }
    if (
        action.action === 'assign' &&
        (action.assignee?.id ?? null) === (state.assignee?.id ?? null) &&
        (action.assignee?.kind ?? null) === (state.assignee?.kind ?? null)
    ) {
        return { ok: false, reason: 'already assigned' }
    }
    push(action.action === 'comment' ? { action: 'comment', text: action.text.trim() } : action)
    return { ok: true, followUp: { ...followUp, history } }
}

// ---------------------------------------------------------------------------------------------
// Fingerprints
// ---------------------------------------------------------------------------------------------

/** What a fingerprint is made of: the reason's identity and the numbers that raised it */
export interface ReasonValues {
    /** Stable id of the reason (type, pair, org unit, period, measure) */
    id: string
    details: Readonly<Record<string, unknown>>
}

/**
 * Details that come from the thresholds, not from the data: changing a threshold is not a change
 * of the data (see `domain/alerts/types.ts`).
 */
const THRESHOLD_DETAILS = new Set(['threshold', 'stablePercent', 'bandLow', 'bandHigh'])

/** Numbers rounded to 6 significant digits: the same data give the same text on every browser */
const rounded = (value: unknown): unknown =>
    typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(6)) : value

/** The fingerprint of one reason: its id and the data values it was raised on. */
export const reasonPrint = ({ id, details }: ReasonValues): string => {
    const values = Object.fromEntries(
        Object.keys(details)
            .filter((key) => !THRESHOLD_DETAILS.has(key))
            .map((key) => [key, rounded(details[key])])
    )
    const text = `${id}|${canonicalJson(values)}`
    return `${shortHash(text)}${shortHash(text, 0x01234567)}`
}

/** The fingerprints of an alert entry's reasons, sorted, without repeats. */
export const reasonPrints = (reasons: readonly ReasonValues[]): string[] =>
    [...new Set(reasons.map(reasonPrint))].sort()

/**
 * Whether the data changed since the follow-up was resolved: a reason of the scan now carries a
 * fingerprint that was not there (a new reason, or the same one on other values). Reasons that
 * went away (the month left the scan window, the data were corrected) reopen nothing.
 */
export const dataChangedSince = (
    resolvedPrints: readonly string[] | null,
    currentPrints: readonly string[]
): boolean => {
    if (resolvedPrints === null) return false
    const known = new Set(resolvedPrints)
    return currentPrints.some((print) => !known.has(print))
}

export interface EffectiveFollowUp {
    status: FollowUpStatus
    assignee: Assignee | null
    /** Resolved, and the data changed since: shown open with a note */
    dataChanged: boolean
    /** The last event of the history */
    last: FollowUpEvent | null
    /** Comments and actions, oldest first */
    history: FollowUpEvent[]
}

/** A stored follow-up as the scan's alert entry shows it (absent: open, no history). */
export const effectiveFollowUp = (
    followUp: FollowUp | null,
    currentPrints: readonly string[]
): EffectiveFollowUp => {
    const state = stateOf(followUp)
    const dataChanged =
        state.status === 'resolved' && dataChangedSince(state.resolvedPrints, currentPrints)
    return {
        status: dataChanged ? 'open' : state.status,
        assignee: state.assignee,
        dataChanged,
        last: state.last,
        history: followUp?.history ?? [],
    }
}

/** Follow-ups by org unit × pair (`followUpMapKey`); of two for one entry, the longer history. */
export const followUpsByEntry = (list: readonly FollowUp[]): Map<string, FollowUp> => {
    const map = new Map<string, FollowUp>()
    for (const followUp of list) {
        const key = followUpMapKey(followUp.orgUnitId, followUp.pairId)
        const known = map.get(key)
        if (!known || known.history.length < followUp.history.length) map.set(key, followUp)
    }
    return map
}

export interface AlertEntryRef {
    orgUnitId: string
    pairId: string
    reasons: readonly ReasonValues[]
}

/**
 * The scan's alert entries with their follow-ups: each entry's effective follow-up (`followUps`:
 * the stored ones by `followUpMapKey`), keyed like them.
 */
export const mergeFollowUps = (
    entries: readonly AlertEntryRef[],
    followUps: ReadonlyMap<string, FollowUp>
): Map<string, EffectiveFollowUp> =>
    new Map(
        entries.map((entry) => {
            const key = followUpMapKey(entry.orgUnitId, entry.pairId)
            return [key, effectiveFollowUp(followUps.get(key) ?? null, reasonPrints(entry.reasons))]
        })
    )
