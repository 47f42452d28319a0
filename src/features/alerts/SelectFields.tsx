import i18n from '@dhis2/d2-i18n'
import { SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React from 'react'
import type { Config } from '../../domain/config'

/** The value of the "all" choice of a filter */
export const ALL = '__all__'

/** A program area, or all of them (`null`): the scan's and the alert list's area choice. */
export const AreaSelect = ({
    config,
    selected,
    onChange,
    dataTest,
}: {
    config: Config
    selected: string | null
    onChange: (areaId: string | null) => void
    dataTest: string
}) => (
    <SingleSelectField
        label={i18n.t('Program area')}
        selected={selected ?? ALL}
        onChange={({ selected: value }: { selected: string }) =>
            onChange(value === ALL ? null : value)
        }
        dense
        dataTest={dataTest}
    >
        <SingleSelectOption value={ALL} label={i18n.t('All program areas')} />
        {config.programAreas.map((area) => (
            <SingleSelectOption key={area.id} value={area.id} label={area.name} />
        ))}
    </SingleSelectField>
)

/** A number of months out of fixed choices (the scan's baseline and tested window). */
export const MonthsSelect = ({
    label,
    choices,
    selected,
    onChange,
    dataTest,
}: {
    label: string
    choices: readonly number[]
    selected: number
    onChange: (months: number) => void
    dataTest: string
}) => (
    <SingleSelectField
        label={label}
        selected={String(selected)}
        onChange={({ selected: value }: { selected: string }) => onChange(Number(value))}
        dense
        dataTest={dataTest}
    >
        {choices.map((months) => (
            <SingleSelectOption
                key={months}
                value={String(months)}
                label={i18n.t('{{months}} months', { months })}
            />
        ))}
    </SingleSelectField>
)
