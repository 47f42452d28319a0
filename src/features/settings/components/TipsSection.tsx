import i18n from '@dhis2/d2-i18n'
import { Button, InputField, TextAreaField } from '@dhis2/ui'
import React, { useState } from 'react'
import { CONFIG_LIMITS } from '../../../domain/config'
import type { DraftPair } from '../model/draft'
import {
    addTip,
    removeTip,
    setTipLocale,
    setTipText,
    TIP_PAGE,
    tipPreview,
    tipRows,
    visibleTipRows,
    type TipRow,
} from '../model/tips'
import classes from '../SettingsPage.module.css'
import { FieldMessages } from './FieldMessages'

type Update = (update: (pair: DraftPair) => DraftPair) => void

/**
 * The tips of a pair: English, French and Swahili open, every other language one line (language
 * and the start of its tip) opened on demand, a page at a time — a pair with tips in hundreds of
 * languages opens at once instead of after seconds or minutes.
 */
export const TipsSection = ({
    pair,
    errors,
    onChange,
}: {
    pair: DraftPair
    errors: string[]
    onChange: Update
}) => {
    const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set())
    const [shown, setShown] = useState(TIP_PAGE)
    const all = tipRows(pair.tips)
    const { rows, hidden } = visibleTipRows(all, { open, shown })
    const otherCount = all.filter((row) => !row.fixed).length
    const toggle = (index: number, value: boolean) =>
        setOpen((current) => {
            const next = new Set(current)
            if (value) next.add(index)
            else next.delete(index)
            return next
        })

    const editor = (row: TipRow) => (
        <div key={row.fixed ? row.locale : `tip-${row.index}`} data-test="settings-tip">
            {!row.fixed && (
                <div className={classes.fieldRow}>
                    <InputField
                        dense
                        label={i18n.t('Language code')}
                        value={row.locale}
                        placeholder="pt_BR"
                        onChange={({ value }) =>
                            onChange((p) => ({
                                ...p,
                                tips: setTipLocale(p.tips, row.index, value ?? ''),
                            }))
                        }
                        inputWidth="120px"
                        dataTest="settings-tip-locale"
                    />
                    <div className={classes.toolbar}>
                        <Button
                            small
                            secondary
                            onClick={() => {
                                toggle(row.index, false)
                                onChange((p) => ({ ...p, tips: removeTip(p.tips, row.index) }))
                            }}
                        >
                            {i18n.t('Remove language')}
                        </Button>
                        {row.locale.trim() !== '' && (
                            <Button small secondary onClick={() => toggle(row.index, false)}>
                                {i18n.t('Close')}
                            </Button>
                        )}
                    </div>
                </div>
            )}
            <TextAreaField
                label={
                    row.fixed
                        ? i18n.t('Tip ({{locale}})', {
                              locale: row.locale,
                              interpolation: { escapeValue: false },
                          })
                        : i18n.t('Tip')
                }
                rows={3}
                autoGrow
                value={row.text}
                onChange={({ value }) =>
                    onChange((p) => ({ ...p, tips: setTipText(p.tips, row, value ?? '') }))
                }
                dataTest={`settings-tip-text-${row.fixed ? row.locale : 'other'}`}
            />
        </div>
    )

    return (
        <section className={classes.section}>
            <h3 className={classes.sectionTitle}>{i18n.t('Tips')}</h3>
            <p className={classes.help}>
                {i18n.t(
                    'Plain text shown next to the charts, in the language of each user (English when there is none in theirs).'
                )}{' '}
                {i18n.t(
                    'At most {{languages}} languages per pair and {{characters}} characters per tip.',
                    {
                        languages: String(CONFIG_LIMITS.tipLanguages),
                        characters: String(CONFIG_LIMITS.tipLength),
                        interpolation: { escapeValue: false },
                    }
                )}
            </p>
            <FieldMessages errors={errors} />
            {rows.filter((row) => row.open).map(editor)}
            {otherCount > 0 && (
                <ul className={classes.tipList} data-test="settings-tip-list">
                    {rows
                        .filter((row) => !row.open)
                        .map((row) => (
                            <li key={`tip-${row.index}`} data-test="settings-tip-closed">
                                <Button
                                    small
                                    secondary
                                    onClick={() => toggle(row.index, true)}
                                    dataTest="settings-tip-open"
                                >
                                    {i18n.t('Edit')}
                                </Button>
                                <span className={classes.mono}>{row.locale}</span>
                                <span className={classes.tipPreview}>{tipPreview(row.text)}</span>
                            </li>
                        ))}
                </ul>
            )}
            {hidden > 0 && (
                <div>
                    <Button
                        small
                        secondary
                        onClick={() => setShown((n) => n + TIP_PAGE * 4)}
                        dataTest="settings-tip-more"
                    >
                        {i18n.t('Show more languages ({{number}} not shown)', {
                            number: String(hidden),
                            interpolation: { escapeValue: false },
                        })}
                    </Button>
                </div>
            )}
            <div>
                <Button
                    small
                    onClick={() => {
                        toggle(pair.tips.length, true)
                        onChange((p) => ({ ...p, tips: addTip(p.tips) }))
                    }}
                    dataTest="settings-tip-add"
                >
                    {i18n.t('Add a tip in another language')}
                </Button>
            </div>
        </section>
    )
}
