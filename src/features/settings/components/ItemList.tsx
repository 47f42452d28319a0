import i18n from '@dhis2/d2-i18n'
import { Button, IconArrowDown16, IconArrowUp16, Tag } from '@dhis2/ui'
import React from 'react'
import type { MetadataLookup } from '../api/metadata'
import { periodTypeLabel, typeLabel } from '../labels'
import classes from '../SettingsPage.module.css'

/**
 * The data items (or data sets) chosen for one field, with what the server says about each:
 * type, period type, aggregation type, or that it no longer exists.
 */
export const ItemList = ({
    ids,
    storedNames,
    lookup,
    onRemove,
    onMove,
    dataTest,
}: {
    ids: readonly string[]
    /** Names kept in the configuration (HMIS items), shown when the server does not know the id */
    storedNames?: readonly (string | undefined)[]
    lookup: MetadataLookup
    onRemove?: (index: number) => void
    onMove?: (index: number, offset: -1 | 1) => void
    dataTest: string
}) => {
    if (ids.length === 0) {
        return (
            <p className={classes.help} data-test={`${dataTest}-empty`}>
                {i18n.t('None chosen')}
            </p>
        )
    }
    return (
        <ul className={classes.itemList} data-test={dataTest}>
            {ids.map((id, index) => {
                const item = lookup.items.get(id)
                const missing = !item && lookup.checked.has(id)
                const name = item?.name ?? storedNames?.[index] ?? id
                return (
                    <li
                        key={`${id}-${index}`}
                        className={`${classes.item} ${missing ? classes.itemMissing : ''}`}
                        data-test="settings-item"
                    >
                        <div className={classes.itemText}>
                            <div>{name}</div>
                            <div className={classes.itemMeta}>
                                {item && <span>{typeLabel(item.type)}</span>}
                                {item?.code && <span className={classes.mono}>{item.code}</span>}
                                <span className={classes.mono}>{id}</span>
                                {item && item.periodTypes.length > 0 && (
                                    <span>{item.periodTypes.map(periodTypeLabel).join(', ')}</span>
                                )}
                                {item?.aggregationType && <span>{item.aggregationType}</span>}
                            </div>
                        </div>
                        {missing && (
                            <Tag negative dataTest="settings-item-missing">
                                {i18n.t('Not found on the server')}
                            </Tag>
                        )}
                        {onMove && ids.length > 1 && (
                            <>
                                <Button
                                    small
                                    secondary
                                    disabled={index === 0}
                                    onClick={() => onMove(index, -1)}
                                    aria-label={i18n.t('Move up')}
                                    title={i18n.t('Move up')}
                                    icon={<IconArrowUp16 />}
                                />
                                <Button
                                    small
                                    secondary
                                    disabled={index === ids.length - 1}
                                    onClick={() => onMove(index, 1)}
                                    aria-label={i18n.t('Move down')}
                                    title={i18n.t('Move down')}
                                    icon={<IconArrowDown16 />}
                                />
                            </>
                        )}
                        {onRemove && (
                            <Button
                                small
                                secondary
                                onClick={() => onRemove(index)}
                                dataTest="settings-item-remove"
                            >
                                {i18n.t('Remove')}
                            </Button>
                        )}
                    </li>
                )
            })}
        </ul>
    )
}
