import i18n from '@dhis2/d2-i18n'
import {
    Button,
    DataTable,
    DataTableBody,
    DataTableCell,
    DataTableColumnHeader,
    DataTableHead,
    DataTableRow,
    Tag,
} from '@dhis2/ui'
import React, { useEffect, useRef } from 'react'
import type { DhisFacility } from '../../domain/facilities/match'
import type { Decision, ResolvedRow } from '../../domain/facilities/review'
import { flagText, howText, reasonText } from './messages'
import classes from './FacilitiesPage.module.css'

/**
 * @dhis2/ui's DataTableRow forwards its ref and any other prop to the `<tr>` (see its
 * `data-table-row.js`: `forwardRef`, `...rest`), which its type does not say.
 */
const Row = DataTableRow as unknown as React.ForwardRefExoticComponent<
    React.ComponentProps<typeof DataTableRow> &
        Omit<React.HTMLAttributes<HTMLTableRowElement>, 'children' | 'className' | 'role'> &
        React.RefAttributes<HTMLTableRowElement>
>

export interface ReviewTableProps {
    rows: ResolvedRow[]
    dhis: readonly DhisFacility[]
    dhisById: ReadonlyMap<string, DhisFacility>
    focus: number
    setFocus: (position: number) => void
    decide: (index: number, decision: Decision | undefined) => void
    /** The row each DHIS2 facility is matched to now, of the whole list */
    heldBy: ReadonlyMap<string, ResolvedRow>
    canEdit: boolean
}

const statusTag = (row: ResolvedRow) => {
    if (row.decision?.kind === 'reject') return <Tag neutral>{i18n.t('Rejected')}</Tag>
    if (row.dhisId) {
        return (
            <Tag positive>
                {i18n.t('Matched')} · {row.how ? howText(row.how) : ''}
            </Tag>
        )
    }
    if (row.open) return <Tag>{i18n.t('To review')}</Tag>
    return <Tag negative>{i18n.t('No DHIS2 facility')}</Tag>
}

/**
 * The proposals, one row per LMIS facility, with their candidates. Keyboard: ↑/↓ move between
 * rows, A accepts the best candidate, 1–5 choose a candidate, R rejects, U undoes the decision.
 */
export const ReviewTable = ({
    rows,
    dhis,
    dhisById,
    focus,
    setFocus,
    decide,
    heldBy,
    canEdit,
}: ReviewTableProps) => {
    const refs = useRef<Array<HTMLTableRowElement | null>>([])
    /** The name of the other row a DHIS2 facility is matched to, if any */
    const heldByOther = (dhisId: string, row: number) => {
        const holder = heldBy.get(dhisId)
        return holder && holder.index !== row ? holder.lmis.name : null
    }
    useEffect(() => {
        const element = refs.current[focus]
        if (
            element &&
            element !== document.activeElement &&
            element.contains(document.activeElement) === false
        ) {
            if (document.activeElement?.closest('[data-test="facility-review-table"]'))
                element.focus()
        }
    }, [focus])

    const onKeyDown = (event: React.KeyboardEvent, position: number, row: ResolvedRow) => {
        if (event.target !== event.currentTarget) return
        const move = (to: number) => {
            event.preventDefault()
            const next = Math.max(0, Math.min(rows.length - 1, to))
            setFocus(next)
            refs.current[next]?.focus()
        }
        if (event.key === 'ArrowDown' || event.key === 'j') return move(position + 1)
        if (event.key === 'ArrowUp' || event.key === 'k') return move(position - 1)
        if (!canEdit) return
        const candidate = (n: number) => row.proposal.candidates[n]
        const key = event.key.toLowerCase()
        if (key === 'a' && candidate(0)) {
            decide(row.index, { kind: 'accept', dhisId: dhis[candidate(0)?.dhis ?? -1]?.id ?? '' })
        } else if (key === 'r') decide(row.index, { kind: 'reject' })
        else if (key === 'u') decide(row.index, undefined)
        else if (/^[1-5]$/.test(key) && candidate(Number(key) - 1)) {
            const chosen = dhis[candidate(Number(key) - 1)?.dhis ?? -1]
            if (chosen) decide(row.index, { kind: 'accept', dhisId: chosen.id })
        }
    }

    return (
        <DataTable dataTest="facility-review-table" layout="auto">
            <DataTableHead>
                <DataTableRow>
                    <DataTableColumnHeader>{i18n.t('LMIS facility')}</DataTableColumnHeader>
                    <DataTableColumnHeader>{i18n.t('Status')}</DataTableColumnHeader>
                    <DataTableColumnHeader>{i18n.t('DHIS2 facility')}</DataTableColumnHeader>
                    <DataTableColumnHeader>{i18n.t('Candidates')}</DataTableColumnHeader>
                </DataTableRow>
            </DataTableHead>
            <DataTableBody>
                {rows.map((row, position) => {
                    const mapped = row.dhisId ? dhisById.get(row.dhisId) : undefined
                    return (
                        <Row
                            key={row.index}
                            ref={(element: HTMLTableRowElement | null) => {
                                refs.current[position] = element
                            }}
                            tabIndex={0}
                            className={position === focus ? classes.focused : undefined}
                            onFocus={() => setFocus(position)}
                            onKeyDown={(event: React.KeyboardEvent) =>
                                onKeyDown(event, position, row)
                            }
                            dataTest="facility-review-row"
                        >
                            <DataTableCell>
                                {row.lmis.name}
                                <span className={classes.sub}>
                                    {[row.lmis.code, row.lmis.district, row.lmis.region]
                                        .filter(Boolean)
                                        .join(' · ')}
                                </span>
                                <span className={classes.tags}>
                                    {row.proposal.flags.map((f) => (
                                        <Tag
                                            key={f}
                                            neutral={f !== 'districtDiffers' && f !== 'closed'}
                                        >
                                            {flagText(f)}
                                        </Tag>
                                    ))}
                                </span>
                            </DataTableCell>
                            <DataTableCell>{statusTag(row)}</DataTableCell>
                            <DataTableCell>
                                {mapped ? (
                                    <>
                                        {mapped.name}
                                        <span className={classes.sub}>
                                            {[mapped.code, mapped.id].filter(Boolean).join(' · ')}
                                        </span>
                                    </>
                                ) : (
                                    '—'
                                )}
                            </DataTableCell>
                            <DataTableCell>
                                <div className={classes.candidates}>
                                    {row.proposal.candidates.map((c, n) => {
                                        const f = dhis[c.dhis]
                                        if (!f) return null
                                        const chosen = row.dhisId === f.id
                                        const holder = chosen ? null : heldByOther(f.id, row.index)
                                        return (
                                            <div key={f.id} className={classes.candidate}>
                                                <span>
                                                    {n + 1}. {f.name} ({Math.round(c.score * 100)})
                                                    <span className={classes.sub}>
                                                        {c.reasons.map(reasonText).join(', ')}
                                                    </span>
                                                    {holder && (
                                                        <span
                                                            className={classes.sub}
                                                            data-test="facility-held-by"
                                                        >
                                                            {i18n.t(
                                                                'Matched to “{{name}}” now – choosing it here takes it from that row',
                                                                {
                                                                    name: holder,
                                                                    interpolation: {
                                                                        escapeValue: false,
                                                                    },
                                                                }
                                                            )}
                                                        </span>
                                                    )}
                                                </span>
                                                {canEdit && !chosen && (
                                                    <Button
                                                        small
                                                        onClick={() =>
                                                            decide(row.index, {
                                                                kind: 'accept',
                                                                dhisId: f.id,
                                                            })
                                                        }
                                                        dataTest="facility-choose"
                                                    >
                                                        {i18n.t('Choose')}
                                                    </Button>
                                                )}
                                            </div>
                                        )
                                    })}
                                    {canEdit && (
                                        <div className={classes.row}>
                                            {row.decision?.kind !== 'reject' && (
                                                <Button
                                                    small
                                                    secondary
                                                    onClick={() =>
                                                        decide(row.index, { kind: 'reject' })
                                                    }
                                                    dataTest="facility-reject"
                                                >
                                                    {i18n.t('No DHIS2 facility')}
                                                </Button>
                                            )}
                                            {row.decision && (
                                                <Button
                                                    small
                                                    secondary
                                                    onClick={() => decide(row.index, undefined)}
                                                    dataTest="facility-undo"
                                                >
                                                    {i18n.t('Undo')}
                                                </Button>
                                            )}
                                        </div>
                                    )}
                                </div>
                            </DataTableCell>
                        </Row>
                    )
                })}
            </DataTableBody>
        </DataTable>
    )
}
