import i18n from '@dhis2/d2-i18n'
import {
    Button,
    CircularLoader,
    InputField,
    NoticeBox,
    SegmentedControl,
    SingleSelectField,
    SingleSelectOption,
    Tag,
    TextAreaField,
} from '@dhis2/ui'
import React, { useState } from 'react'
import {
    allowedActions,
    applyAction,
    emptyFollowUp,
    stateOf,
    type EffectiveFollowUp,
    type FollowUp,
    type FollowUpAction,
    type Person,
} from '../../../domain/follow-up/follow-up'
import type { StoredEntry } from '../../../data/datastore-entry'
import { followUpOfEntry } from '../../../data/follow-ups'
import { newRevisionId } from '../../../data/save-revision'
import { ErrorNotice } from '../../../shared/api-errors'
import {
    assigneeLabel,
    effectiveStatusLabel,
    eventLine,
    formatWhen,
    statusLabel,
} from './follow-up-text'
import { useFollowUpEntry, useSaveFollowUp, useUserLookup } from './use-follow-ups'
import classes from './FollowUp.module.css'

export interface FollowUpTarget {
    orgUnitId: string
    pairId: string
    /** The org unit and its ancestors, the org unit first: who it can be assigned to */
    orgUnits: readonly { id: string; name: string }[]
    /** Fingerprints of the entry's reasons in the scan shown (`reasonPrints`) */
    prints: readonly string[]
}

const statusTag = (followUp: EffectiveFollowUp) =>
    followUp.dataChanged
        ? { negative: true }
        : followUp.status === 'resolved'
          ? { positive: true }
          : followUp.status === 'acknowledged'
            ? { neutral: true }
            : {}

/** The follow-up's status line under an alert, and the panel to act on it. */
export const FollowUpLine = ({
    target,
    followUp,
    me,
    locale,
}: {
    target: FollowUpTarget
    followUp: EffectiveFollowUp
    me: Person
    locale: string
}) => {
    const [open, setOpen] = useState(false)
    const last = followUp.last
    return (
        <div className={classes.line} data-test="follow-up">
            <div className={classes.summary}>
                <Tag {...statusTag(followUp)} dataTest="follow-up-status">
                    {effectiveStatusLabel(followUp)}
                </Tag>
                {followUp.assignee && (
                    <span data-test="follow-up-assignee">
                        {i18n.t('Assigned to {{assignee}}', {
                            assignee: assigneeLabel(followUp.assignee),
                            interpolation: { escapeValue: false },
                        })}
                    </span>
                )}
                {last && (
                    <span className={classes.muted}>
                        {eventLine(last)} · {formatWhen(last.at, locale)}
                    </span>
                )}
                <Button
                    small
                    secondary
                    onClick={() => setOpen((o) => !o)}
                    dataTest="follow-up-toggle"
                    aria-expanded={open}
                >
                    {open ? i18n.t('Close follow-up') : i18n.t('Follow up')}
                </Button>
            </div>
            {open && <FollowUpPanel target={target} me={me} locale={locale} />}
        </div>
    )
}

interface Pending {
    action: FollowUpAction
    /** The version now on the server, made by someone else meanwhile */
    remote: StoredEntry
    remoteFollowUp: FollowUp
    /** Ids of the events of the version the user acted on */
    seen: Set<string>
}

/**
 * Acting on a follow-up: acknowledge, assign (a user found with `/api/userLookup`, or an org unit
 * of the alert's path), comment, resolve, reopen; the history with who and when. Every action is
 * saved at once from the version read when the panel opened; when someone else saved meanwhile,
 * nothing is written, their changes are shown and the user's action is kept to apply on theirs.
 */
export const FollowUpPanel = ({
    target,
    me,
    locale,
}: {
    target: FollowUpTarget
    me: Person
    locale: string
}) => {
    const { orgUnitId, pairId } = target
    const stored = useFollowUpEntry(orgUnitId, pairId)
    const save = useSaveFollowUp(orgUnitId, pairId)
    const [comment, setComment] = useState('')
    const [assignKind, setAssignKind] = useState<'user' | 'orgUnit'>('user')
    const [search, setSearch] = useState('')
    const [orgUnitChoice, setOrgUnitChoice] = useState(target.orgUnits[0]?.id ?? '')
    const users = useUserLookup(assignKind === 'user' ? search : '')
    const [saving, setSaving] = useState(false)
    const [error, setError] = useState<unknown>(null)
    const [refused, setRefused] = useState<string | null>(null)
    const [pending, setPending] = useState<Pending | null>(null)

    if (stored.isLoading) return <CircularLoader extrasmall />
    if (stored.error)
        return <ErrorNotice error={stored.error} onRetry={() => void stored.refetch()} />
    if (!stored.data) return null
    const base = stored.data.entry
    const followUp = stored.data.followUp ?? emptyFollowUp(orgUnitId, pairId)
    const state = stateOf(followUp)
    const allowed = allowedActions(state.status)

    const run = async (action: FollowUpAction, from: StoredEntry, current: FollowUp) => {
        setRefused(null)
        setError(null)
        const applied = applyAction(current, action, me, new Date().toISOString(), newRevisionId, [
            ...target.prints,
        ])
        if (!applied.ok) {
            setRefused(i18n.t('This change no longer applies to the follow-up as it is now.'))
            setPending(null)
            return
        }
        setSaving(true)
        try {
            const result = await save(from, applied.followUp)
            if (result.status === 'conflict') {
                const remote = followUpOfEntry(result.remote)
                setPending({
                    action,
                    remote: result.remote,
                    remoteFollowUp: remote.followUp ?? emptyFollowUp(orgUnitId, pairId),
                    seen: new Set(current.history.map((e) => e.id)),
                })
                return
            }
            setPending(null)
            if (action.action === 'comment') setComment('')
            if (action.action === 'assign') setSearch('')
        } catch (e) {
            setError(e)
        } finally {
            setSaving(false)
        }
    }
    const act = (action: FollowUpAction) => void run(action, base, followUp)

    const theirs = pending
        ? pending.remoteFollowUp.history.filter((e) => !pending.seen.has(e.id))
        : []
    return (
        <div className={classes.panel} data-test="follow-up-panel">
            {pending && (
                <NoticeBox
                    warning
                    title={i18n.t('Someone else changed this follow-up meanwhile')}
                    dataTest="follow-up-conflict"
                >
                    <p className={classes.noticeText}>
                        {i18n.t('Your change was not saved and nothing of theirs was overwritten.')}
                    </p>
                    <strong>{i18n.t('What they did')}</strong>
                    <ul className={classes.history}>
                        {theirs.map((event) => (
                            <li key={event.id}>
                                {eventLine(event)} · {formatWhen(event.at, locale)}
                                {event.action === 'comment' && (
                                    <q className={classes.comment}>{event.text}</q>
                                )}
                            </li>
                        ))}
                    </ul>
                    <div className={classes.actions}>
                        <Button
                            small
                            primary
                            loading={saving}
                            onClick={() =>
                                void run(pending.action, pending.remote, pending.remoteFollowUp)
                            }
                            dataTest="follow-up-apply-mine"
                        >
                            {i18n.t('Add my change to theirs')}
                        </Button>
                        <Button
                            small
                            secondary
                            onClick={() => {
                                setPending(null)
                                void stored.refetch()
                            }}
                            dataTest="follow-up-drop-mine"
                        >
                            {i18n.t('Keep theirs only')}
                        </Button>
                    </div>
                </NoticeBox>
            )}
            {refused && (
                <NoticeBox warning dataTest="follow-up-refused">
                    {refused}
                </NoticeBox>
            )}
            {error !== null && <ErrorNotice error={error} />}
            <div className={classes.actions}>
                <span>
                    {i18n.t('Status')}{' '}
                    <strong data-test="follow-up-panel-status">{statusLabel(state.status)}</strong>
                </span>
                {allowed.includes('acknowledge') && (
                    <Button
                        small
                        disabled={saving || pending !== null}
                        onClick={() => act({ action: 'acknowledge' })}
                        dataTest="follow-up-acknowledge"
                    >
                        {i18n.t('Acknowledge')}
                    </Button>
                )}
                {allowed.includes('resolve') && (
                    <Button
                        small
                        disabled={saving || pending !== null}
                        onClick={() =>
                            act({ action: 'resolve', fingerprints: [...target.prints].sort() })
                        }
                        dataTest="follow-up-resolve"
                    >
                        {i18n.t('Resolve')}
                    </Button>
                )}
                {allowed.includes('reopen') && (
                    <Button
                        small
                        disabled={saving || pending !== null}
                        onClick={() => act({ action: 'reopen', dataChanged: false })}
                        dataTest="follow-up-reopen"
                    >
                        {i18n.t('Reopen')}
                    </Button>
                )}
            </div>
            {allowed.includes('assign') && (
                <div className={classes.assign} data-test="follow-up-assign">
                    <SegmentedControl
                        options={[
                            { label: i18n.t('Assign to a person'), value: 'user' },
                            { label: i18n.t('Assign to an org unit'), value: 'orgUnit' },
                        ]}
                        selected={assignKind}
                        onChange={({ value }: { value: string }) =>
                            setAssignKind(value === 'orgUnit' ? 'orgUnit' : 'user')
                        }
                    />
                    {assignKind === 'user' ? (
                        <div className={classes.search}>
                            <InputField
                                dense
                                label={i18n.t('Search users by name or username')}
                                value={search}
                                onChange={({ value }: { value?: string }) => setSearch(value ?? '')}
                                dataTest="follow-up-user-search"
                            />
                            {users.isFetching && <CircularLoader extrasmall />}
                            {users.error && <ErrorNotice error={users.error} />}
                            {users.data && search.trim().length >= 2 && (
                                <ul className={classes.matches} data-test="follow-up-user-matches">
                                    {users.data.length === 0 && (
                                        <li className={classes.muted}>
                                            {i18n.t('No user matches')}
                                        </li>
                                    )}
                                    {users.data.slice(0, 8).map((user) => (
                                        <li key={user.id}>
                                            <Button
                                                small
                                                secondary
                                                disabled={saving || pending !== null}
                                                onClick={() =>
                                                    act({
                                                        action: 'assign',
                                                        assignee: {
                                                            kind: 'user',
                                                            id: user.id,
                                                            name: user.name,
                                                        },
                                                    })
                                                }
                                                dataTest="follow-up-user-match"
                                            >
                                                {user.username
                                                    ? `${user.name} (${user.username})`
                                                    : user.name}
                                            </Button>
                                        </li>
                                    ))}
                                </ul>
                            )}
                        </div>
                    ) : (
                        <div className={classes.actions}>
                            <SingleSelectField
                                dense
                                label={i18n.t('Org unit')}
                                selected={orgUnitChoice}
                                onChange={({ selected }: { selected: string }) =>
                                    setOrgUnitChoice(selected)
                                }
                                dataTest="follow-up-orgunit"
                            >
                                {target.orgUnits.map((ou) => (
                                    <SingleSelectOption key={ou.id} value={ou.id} label={ou.name} />
                                ))}
                            </SingleSelectField>
                            <Button
                                small
                                disabled={saving || pending !== null || !orgUnitChoice}
                                onClick={() => {
                                    const ou = target.orgUnits.find((o) => o.id === orgUnitChoice)
                                    if (ou) {
                                        act({
                                            action: 'assign',
                                            assignee: { kind: 'orgUnit', id: ou.id, name: ou.name },
                                        })
                                    }
                                }}
                                dataTest="follow-up-assign-orgunit"
                            >
                                {i18n.t('Assign')}
                            </Button>
                        </div>
                    )}
                    {state.assignee && (
                        <Button
                            small
                            secondary
                            disabled={saving || pending !== null}
                            onClick={() => act({ action: 'assign', assignee: null })}
                            dataTest="follow-up-unassign"
                        >
                            {i18n.t('Remove the assignment')}
                        </Button>
                    )}
                </div>
            )}
            <div className={classes.commentBox}>
                <TextAreaField
                    label={i18n.t('Comment')}
                    value={comment}
                    rows={2}
                    onChange={({ value }: { value?: string }) => setComment(value ?? '')}
                    dataTest="follow-up-comment"
                />
                <Button
                    small
                    disabled={saving || pending !== null || comment.trim() === ''}
                    onClick={() => act({ action: 'comment', text: comment })}
                    dataTest="follow-up-comment-add"
                >
                    {i18n.t('Add comment')}
                </Button>
            </div>
            <div>
                <strong>{i18n.t('History')}</strong>
                {followUp.history.length === 0 ? (
                    <p className={classes.muted}>{i18n.t('Nothing done yet.')}</p>
                ) : (
                    <ol className={classes.history} data-test="follow-up-history">
                        {followUp.history.map((event) => (
                            <li key={event.id} data-test="follow-up-event">
                                <span>{eventLine(event)}</span>{' '}
                                <span className={classes.muted}>
                                    {formatWhen(event.at, locale)}
                                </span>
                                {event.action === 'comment' && (
                                    <q className={classes.comment}>{event.text}</q>
                                )}
                            </li>
                        ))}
                    </ol>
                )}
            </div>
        </div>
    )
}
