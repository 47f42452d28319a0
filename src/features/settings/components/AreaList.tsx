import i18n from '@dhis2/d2-i18n'
import {
    Button,
    IconArrowDown16,
    IconArrowUp16,
    IconDelete16,
    IconDuplicate16,
    InputField,
    Tag,
} from '@dhis2/ui'
import React from 'react'
import type { Draft, DraftArea, DraftPair } from '../model/draft'
import { pairIssueCount, type AreaField, type IssueIndex } from '../model/issues'
import classes from '../SettingsPage.module.css'
import { fieldProps } from './FieldMessages'

export interface AreaListActions {
    selectPair: (pairKey: string) => void
    addArea: () => void
    updateArea: (areaKey: string, patch: Partial<Pick<DraftArea, 'id' | 'name'>>) => void
    moveArea: (areaKey: string, offset: -1 | 1) => void
    duplicateArea: (areaKey: string) => void
    deleteArea: (area: DraftArea) => void
    addPair: (areaKey: string) => void
    movePair: (pairKey: string, offset: -1 | 1) => void
    duplicatePair: (pairKey: string) => void
    deletePair: (pair: DraftPair) => void
}

const areaMessages = (issues: IssueIndex, areaIndex: number, field: AreaField): string[] =>
    issues.areas.get(areaIndex)?.get(field) ?? []

/** Program areas and their pairs: select a pair to edit it; add, reorder, copy or delete. */
export const AreaList = ({
    draft,
    selectedPairKey,
    issues,
    warningCounts,
    actions,
}: {
    draft: Draft
    selectedPairKey: string | null
    issues: IssueIndex
    /** Number of warnings per pair key */
    warningCounts: ReadonlyMap<string, number>
    actions: AreaListActions
}) => (
    <div className={classes.sidebar} data-test="settings-areas">
        {draft.areas.map((area, areaIndex) => (
            <div key={area.key} className={classes.area} data-test="settings-area">
                <div className={classes.areaHeader}>
                    <div className={classes.areaFields}>
                        <InputField
                            dense
                            label={i18n.t('Program area')}
                            value={area.name}
                            onChange={({ value }) =>
                                actions.updateArea(area.key, { name: value ?? '' })
                            }
                            dataTest="settings-area-name"
                            {...fieldProps([
                                ...areaMessages(issues, areaIndex, 'name'),
                                ...areaMessages(issues, areaIndex, 'area'),
                            ])}
                        />
                        <InputField
                            dense
                            label={i18n.t('Id')}
                            value={area.id}
                            onChange={({ value }) =>
                                actions.updateArea(area.key, { id: value ?? '' })
                            }
                            dataTest="settings-area-id"
                            {...fieldProps([
                                ...areaMessages(issues, areaIndex, 'id'),
                                ...areaMessages(issues, areaIndex, 'pairs'),
                            ])}
                        />
                    </div>
                </div>
                <div className={classes.rowButtons}>
                    <Button
                        small
                        secondary
                        disabled={areaIndex === 0}
                        onClick={() => actions.moveArea(area.key, -1)}
                        aria-label={i18n.t('Move program area up')}
                        title={i18n.t('Move program area up')}
                        dataTest="settings-area-up"
                        icon={<IconArrowUp16 />}
                    />
                    <Button
                        small
                        secondary
                        disabled={areaIndex === draft.areas.length - 1}
                        onClick={() => actions.moveArea(area.key, 1)}
                        aria-label={i18n.t('Move program area down')}
                        title={i18n.t('Move program area down')}
                        dataTest="settings-area-down"
                        icon={<IconArrowDown16 />}
                    />
                    <Button
                        small
                        secondary
                        onClick={() => actions.duplicateArea(area.key)}
                        dataTest="settings-area-duplicate"
                    >
                        {i18n.t('Duplicate')}
                    </Button>
                    <Button
                        small
                        secondary
                        onClick={() => actions.deleteArea(area)}
                        dataTest="settings-area-delete"
                    >
                        {i18n.t('Delete')}
                    </Button>
                </div>
                <ul className={classes.pairList}>
                    {area.pairs.map((pair, pairIndex) => {
                        const errors = pairIssueCount(issues, areaIndex, pairIndex)
                        const warnings = warningCounts.get(pair.key) ?? 0
                        const selected = pair.key === selectedPairKey
                        return (
                            <li
                                key={pair.key}
                                className={`${classes.pairRow} ${selected ? classes.pairRowSelected : ''}`}
                                data-test="settings-pair-row"
                            >
                                <button
                                    type="button"
                                    className={classes.pairSelect}
                                    onClick={() => actions.selectPair(pair.key)}
                                    aria-current={selected ? 'true' : undefined}
                                    data-test="settings-pair-select"
                                >
                                    {pair.name.trim() || pair.id || i18n.t('(no name)')}
                                </button>
                                {errors > 0 && (
                                    <Tag negative dataTest="settings-pair-errors">
                                        {i18n.t('{{number}} to fix', {
                                            number: String(errors),
                                            interpolation: { escapeValue: false },
                                        })}
                                    </Tag>
                                )}
                                {errors === 0 && warnings > 0 && (
                                    <Tag neutral dataTest="settings-pair-warnings">
                                        {i18n.t('{{number}} to check', {
                                            number: String(warnings),
                                            interpolation: { escapeValue: false },
                                        })}
                                    </Tag>
                                )}
                                <Button
                                    small
                                    secondary
                                    disabled={pairIndex === 0}
                                    onClick={() => actions.movePair(pair.key, -1)}
                                    aria-label={i18n.t('Move pair up')}
                                    title={i18n.t('Move pair up')}
                                    dataTest="settings-pair-up"
                                    icon={<IconArrowUp16 />}
                                />
                                <Button
                                    small
                                    secondary
                                    disabled={pairIndex === area.pairs.length - 1}
                                    onClick={() => actions.movePair(pair.key, 1)}
                                    aria-label={i18n.t('Move pair down')}
                                    title={i18n.t('Move pair down')}
                                    dataTest="settings-pair-down"
                                    icon={<IconArrowDown16 />}
                                />
                                <Button
                                    small
                                    secondary
                                    onClick={() => actions.duplicatePair(pair.key)}
                                    aria-label={i18n.t('Duplicate pair')}
                                    title={i18n.t('Duplicate pair')}
                                    dataTest="settings-pair-duplicate"
                                    icon={<IconDuplicate16 />}
                                />
                                <Button
                                    small
                                    secondary
                                    onClick={() => actions.deletePair(pair)}
                                    aria-label={i18n.t('Delete pair')}
                                    title={i18n.t('Delete pair')}
                                    dataTest="settings-pair-delete"
                                    icon={<IconDelete16 />}
                                />
                            </li>
                        )
                    })}
                </ul>
                <Button
                    small
                    onClick={() => actions.addPair(area.key)}
                    dataTest="settings-add-pair"
                >
                    {i18n.t('Add pair')}
                </Button>
            </div>
        ))}
        <div>
            <Button onClick={actions.addArea} dataTest="settings-add-area">
                {i18n.t('Add program area')}
            </Button>
        </div>
    </div>
)
