import i18n from '@dhis2/d2-i18n'
import { Button, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React from 'react'
import type { MetadataItem, MetadataLookup } from '../api/metadata'
import type { DraftPair } from '../model/draft'
import { MONTH_OFFSETS, groupRows, offsetOf, setGroupOffset } from '../model/reporting-groups'
import { useWindowLabel } from '../hooks/use-window-label'
import classes from '../SettingsPage.module.css'
import { FieldMessages } from './FieldMessages'
import { ItemPicker } from './ItemPicker'

type Update = (update: (pair: DraftPair) => DraftPair) => void

/** The select's value for a group without a window (it reports monthly, or not quarterly) */
const NONE = 'none'

/**
 * `lmis.reportingGroups`: the org unit group set whose groups send quarterly reports covering
 * shifted months (e.g. R&R groups A, B, C), and each group's window, named by the months the
 * report stored in the first quarter covers, in the user's language and the instance's calendar.
 */
export const ReportingGroupsSection = ({
    pair,
    lookup,
    remember,
    errors,
    warnings,
    onChange,
}: {
    pair: DraftPair
    lookup: MetadataLookup
    remember: (item: MetadataItem) => void
    errors: readonly string[]
    warnings: readonly string[]
    onChange: Update
}) => {
    const label = useWindowLabel()
    const reporting = pair.reportingGroups
    const groupSet = reporting?.groupSet.trim() ? lookup.items.get(reporting.groupSet.trim()) : null

    const pickGroupSet = (item: MetadataItem) => {
        remember(item)
        onChange((p) => ({
            ...p,
            reportingGroups: {
                ...(p.reportingGroups?.extra ? { extra: p.reportingGroups.extra } : {}),
                groupSet: item.id,
                // the groups of another set do not apply
                groups: p.reportingGroups?.groupSet === item.id ? p.reportingGroups.groups : [],
            },
        }))
    }
    const rows = reporting ? groupRows(reporting, groupSet?.groups) : []
    const summary = rows
        .map((row) => ({
            row,
            offset: row.monthOffset === null ? null : offsetOf(row.monthOffset),
        }))
        .filter(({ offset }) => offset !== null)
        .map(({ row, offset }) => {
            const months = offset === null ? '' : label(offset)
            return i18n.t('{{group}} – {{months}}', {
                group: row.name,
                months,
                interpolation: { escapeValue: false },
            })
        })

    return (
        <div className={classes.section} data-test="settings-reporting-groups">
            <h4 className={classes.sectionTitle}>{i18n.t('Staggered quarterly reporting')}</h4>
            <p className={classes.help}>
                {i18n.t(
                    'Where facilities report quarterly in groups whose three months are not the calendar quarter (for example requisition groups A, B and C), choose the organisation unit group set and the months each group reports. The view and the alerts then place each report on the months it covers; without it, on the calendar quarter it is stored in.'
                )}
            </p>
            {reporting && reporting.groupSet.trim() !== '' ? (
                <>
                    <div className={classes.item} data-test="settings-group-set">
                        <div className={classes.itemText}>
                            <div>{groupSet?.name ?? reporting.groupSet}</div>
                            <div className={classes.itemMeta}>
                                <span>{i18n.t('Organisation unit group set')}</span>
                                <span className={classes.mono}>{reporting.groupSet}</span>
                            </div>
                        </div>
                        <Button
                            small
                            secondary
                            onClick={() => onChange((p) => ({ ...p, reportingGroups: null }))}
                            dataTest="settings-group-set-remove"
                        >
                            {i18n.t('Remove')}
                        </Button>
                    </div>
                    {rows.length === 0 ? (
                        <p className={classes.help}>{i18n.t('This group set has no groups')}</p>
                    ) : (
                        <div className={classes.fieldRow}>
                            {rows.map((row) => {
                                const offset =
                                    row.monthOffset === null ? null : offsetOf(row.monthOffset)
                                // a stored value the select cannot show stays as it is until changed
                                const invalid = row.monthOffset !== null && offset === null
                                return (
                                    <SingleSelectField
                                        key={row.id}
                                        dense
                                        inputWidth="220px"
                                        label={i18n.t(
                                            '{{group}} – its report stored in a quarter covers',
                                            {
                                                group: row.name,
                                                interpolation: { escapeValue: false },
                                            }
                                        )}
                                        selected={
                                            invalid
                                                ? undefined
                                                : offset === null
                                                  ? NONE
                                                  : String(offset)
                                        }
                                        onChange={({ selected }) =>
                                            onChange((p) =>
                                                p.reportingGroups
                                                    ? {
                                                          ...p,
                                                          reportingGroups: setGroupOffset(
                                                              p.reportingGroups,
                                                              row.id,
                                                              selected === NONE
                                                                  ? null
                                                                  : Number(selected)
                                                          ),
                                                      }
                                                    : p
                                            )
                                        }
                                        dataTest={`settings-group-window-${row.id}`}
                                        {...(invalid
                                            ? {
                                                  error: true,
                                                  validationText: i18n.t(
                                                      'Stored value {{value}} is not a window this editor offers',
                                                      {
                                                          value: row.monthOffset,
                                                          interpolation: { escapeValue: false },
                                                      }
                                                  ),
                                              }
                                            : {})}
                                    >
                                        <SingleSelectOption
                                            value={NONE}
                                            label={i18n.t('Not staggered (monthly or no report)')}
                                        />
                                        {MONTH_OFFSETS.map((value) => (
                                            <SingleSelectOption
                                                key={value}
                                                value={String(value)}
                                                label={
                                                    value === 0
                                                        ? i18n.t(
                                                              '{{months}} (the calendar quarter)',
                                                              {
                                                                  months: label(value),
                                                                  interpolation: {
                                                                      escapeValue: false,
                                                                  },
                                                              }
                                                          )
                                                        : label(value)
                                                }
                                            />
                                        ))}
                                    </SingleSelectField>
                                )
                            })}
                        </div>
                    )}
                    {summary.length > 0 && (
                        <p className={classes.help} data-test="settings-group-summary">
                            {i18n.t('Reports stored in the first quarter cover – {{windows}}', {
                                windows: summary.join('; '),
                                interpolation: { escapeValue: false },
                            })}
                        </p>
                    )}
                </>
            ) : (
                <ItemPicker
                    types={['organisationUnitGroupSets']}
                    onPick={pickGroupSet}
                    excluded={[]}
                    buttonLabel={i18n.t('Choose organisation unit group set')}
                    dataTest="settings-pick-group-set"
                />
            )}
            <FieldMessages errors={errors} warnings={warnings} />
        </div>
    )
}
