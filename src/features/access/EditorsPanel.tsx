import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, Chip, InputField, NoticeBox } from '@dhis2/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import React, { useState } from 'react'
import { loadEntry, safeWrite } from '../../data/datastore-entry'
import type { DataEngine } from '../../data/engine'
import {
    EDITORS_KEY,
    NO_EDITORS,
    protectAllEntries,
    protectionStatus,
    type Editors,
    type NamedRef,
    type ProtectOutcome,
} from '../../data/entry-protection'
import { queryKeys } from '../../data/query-keys'
import { useMe, type Me } from '../../data/use-me'
import { CONFIG_NAMESPACE } from '../../domain/config'
import { ErrorNotice } from '../../shared/api-errors'
import { canEditConfig } from '../settings/permissions'

const STATUS_KEY = ['dataStore', CONFIG_NAMESPACE, 'protection'] as const

interface Candidate extends NamedRef {
    kind: 'userGroup' | 'user'
}

const search = async (engine: DataEngine, text: string): Promise<Candidate[]> => {
    const result = (await engine.query({
        groups: {
            resource: 'userGroups',
            params: {
                fields: 'id,displayName',
                filter: `displayName:ilike:${text}`,
                pageSize: 10,
            },
        },
        users: {
            resource: 'users',
            params: { fields: 'id,displayName,username', query: text, pageSize: 10 },
        },
    })) as {
        groups?: { userGroups?: { id: string; displayName: string }[] }
        users?: { users?: { id: string; displayName: string; username?: string }[] }
    }
    return [
        ...(result.groups?.userGroups ?? []).map((g): Candidate => ({
            kind: 'userGroup',
            id: g.id,
            name: g.displayName,
        })),
        ...(result.users?.users ?? []).map((u): Candidate => ({
            kind: 'user',
            id: u.id,
            name: u.username ? `${u.displayName} (${u.username})` : u.displayName,
        })),
    ]
}

type Failure = { key: string; outcome: Extract<ProtectOutcome, { status: 'failed' }> }

const failuresOf = (results: { key: string; outcome: ProtectOutcome }[]): Failure[] =>
    results.filter((r): r is Failure => r.outcome.status === 'failed')

/**
 * Who may change the mapping and the dashboard items: superusers name user groups and users here;
 * the app then shares its dataStore entries read-only with everyone and read-write with them, so
 * that DHIS2 itself refuses everyone else's writes (`data/entry-protection.ts`). Editors and
 * superusers are told when an entry is still open to every user of the app.
 */
export const EditorsPanel = () => {
    const engine = useDataEngine()
    const client = useQueryClient()
    const me = useMe()
    const [draft, setDraft] = useState<Editors | null>(null)
    const [text, setText] = useState('')
    const [failures, setFailures] = useState<Failure[]>([])
    /** How many entries the last save or protection shared as the app shares them */
    const [sharedCount, setSharedCount] = useState<number | null>(null)
    const isSuperuser = me.data?.authorities.includes('ALL') ?? false
    const mayEdit = me.data ? canEditConfig(me.data) : false
    const status = useQuery({
        queryKey: STATUS_KEY,
        queryFn: () => protectionStatus(engine, CONFIG_NAMESPACE),
        enabled: mayEdit,
    })
    const trimmed = text.trim()
    const candidates = useQuery({
        queryKey: ['editorCandidates', trimmed],
        queryFn: () => search(engine, trimmed),
        enabled: isSuperuser && trimmed.length >= 2,
    })
    const afterProtecting = (results: { key: string; outcome: ProtectOutcome }[]) => {
        setFailures(failuresOf(results))
        setSharedCount(results.length - failuresOf(results).length)
        void client.invalidateQueries({ queryKey: STATUS_KEY })
    }
    const save = useMutation({
        mutationFn: async (next: Editors) => {
            const base = await loadEntry(engine, CONFIG_NAMESPACE, EDITORS_KEY)
            const written = await safeWrite(engine, {
                namespace: CONFIG_NAMESPACE,
                key: EDITORS_KEY,
                base,
                value: { ...next },
                takeOver: true,
                protect: true,
            })
            if (written.status === 'conflict')
                throw new Error(
                    i18n.t('Someone else changed the editors meanwhile. Check them and save again.')
                )
            return { editors: next, results: await protectAllEntries(engine, CONFIG_NAMESPACE) }
        },
        onSuccess: ({ editors: saved, results }) => {
            // The saved editors at once (no flash of the old list), then as the server has them
            client.setQueryData<Me>(queryKeys.me(), (old) =>
                old ? { ...old, configEditors: saved } : old
            )
            setDraft(null)
            afterProtecting(results)
            void client.invalidateQueries({ queryKey: queryKeys.me() })
        },
    })
    const protect = useMutation({
        mutationFn: () => protectAllEntries(engine, CONFIG_NAMESPACE),
        onSuccess: afterProtecting,
    })
    if (!me.data) return null
    const editors = draft ?? me.data.configEditors ?? NO_EDITORS
    const named = [
        ...editors.userGroups.map((g) => ({ ...g, kind: 'userGroup' as const })),
        ...editors.users.map((u) => ({ ...u, kind: 'user' as const })),
    ]
    const without = (c: { id: string; kind: Candidate['kind'] }): Editors =>
        c.kind === 'userGroup'
            ? { ...editors, userGroups: editors.userGroups.filter((g) => g.id !== c.id) }
            : { ...editors, users: editors.users.filter((u) => u.id !== c.id) }
    const add = (c: Candidate): Editors =>
        c.kind === 'userGroup'
            ? { ...editors, userGroups: [...without(c).userGroups, { id: c.id, name: c.name }] }
            : { ...editors, users: [...without(c).users, { id: c.id, name: c.name }] }
    const open = (status.data ?? []).filter((s) => s.open).map((s) => s.key)

    return (
        <section
            data-test="editors-panel"
            style={{ border: '1px solid #d5dde5', borderRadius: 4, padding: 12, margin: '8px 0' }}
        >
            <strong>{i18n.t('Who may change the mapping and the dashboard items')}</strong>
            <p style={{ fontSize: 13, margin: '4px 0 8px' }}>
                {i18n.t(
                    'Superusers, and the user groups and users named here. DHIS2 itself refuses changes by anyone else; the app shares its entries read-only with every user of the app and read-write with these editors.'
                )}
            </p>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} data-test="editors-list">
                {named.length === 0 && (
                    <span style={{ fontSize: 13 }}>
                        {i18n.t('Nobody named – superusers only.')}
                    </span>
                )}
                {named.map((n) => (
                    <Chip
                        key={`${n.kind}:${n.id}`}
                        dense
                        {...(isSuperuser ? { onRemove: () => setDraft(without(n)) } : {})}
                    >
                        {n.kind === 'userGroup'
                            ? i18n.t('User group “{{name}}”', { name: n.name })
                            : n.name}
                    </Chip>
                ))}
            </div>
            {isSuperuser && (
                <div style={{ marginTop: 8, maxWidth: 480 }}>
                    <InputField
                        dense
                        label={i18n.t('Add a user group or user')}
                        value={text}
                        onChange={({ value }: { value?: string }) => setText(value ?? '')}
                        dataTest="editors-search"
                    />
                    {candidates.error && <ErrorNotice error={candidates.error} />}
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
                        {(candidates.data ?? []).map((c) => (
                            <Button
                                key={`${c.kind}:${c.id}`}
                                small
                                secondary
                                onClick={() => {
                                    setDraft(add(c))
                                    setText('')
                                }}
                                dataTest="editors-candidate"
                            >
                                {c.kind === 'userGroup'
                                    ? i18n.t('User group “{{name}}”', { name: c.name })
                                    : c.name}
                            </Button>
                        ))}
                    </div>
                    <div style={{ marginTop: 8 }}>
                        <Button
                            small
                            primary
                            disabled={!draft}
                            loading={save.isPending}
                            onClick={() => {
                                setSharedCount(null)
                                if (draft) save.mutate(draft)
                            }}
                            dataTest="editors-save"
                        >
                            {i18n.t('Save editors and share the entries')}
                        </Button>
                    </div>
                </div>
            )}
            {sharedCount !== null && !save.isPending && !protect.isPending && (
                <p style={{ fontSize: 13, margin: '8px 0 0' }} data-test="editors-saved">
                    {i18n.t('Saved – {{count}} entries are shared with these editors.', {
                        count: sharedCount,
                    })}
                </p>
            )}
            {save.error && <ErrorNotice error={save.error} />}
            {protect.error && <ErrorNotice error={protect.error} />}
            {status.error && <ErrorNotice error={status.error} />}
            {failures.length > 0 && (
                <NoticeBox
                    error
                    title={i18n.t('Some entries could not be protected')}
                    dataTest="editors-protect-failed"
                >
                    {i18n.t(
                        'DHIS2 refused to change the sharing of {{keys}}. Only their owner or a superuser may change it; until then every user of the app may change them.',
                        { keys: failures.map((f) => f.key).join(', ') }
                    )}
                </NoticeBox>
            )}
            {mayEdit && open.length > 0 && (
                <NoticeBox
                    warning
                    title={i18n.t('Not protected on the server')}
                    dataTest="editors-open-entries"
                >
                    {i18n.t(
                        'Every user who may open the app may change these entries ({{keys}}).',
                        {
                            keys: open.join(', '),
                        }
                    )}{' '}
                    <Button
                        small
                        loading={protect.isPending}
                        onClick={() => protect.mutate()}
                        dataTest="editors-protect"
                    >
                        {i18n.t('Protect them now')}
                    </Button>
                </NoticeBox>
            )}
        </section>
    )
}
