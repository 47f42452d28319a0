import i18n from '@dhis2/d2-i18n'
import { Button, InputField } from '@dhis2/ui'
import React, { useState } from 'react'
import { DEFAULT_THRESHOLDS } from '../../domain/alerts'
import type { ScanOverrides } from './scan-alerts'
import { formatThreshold, parseThreshold } from './scan-settings'
import classes from './AlertsPage.module.css'

type Key = keyof ScanOverrides

const FIELDS: { key: Key; min: number; max?: number; step: number }[] = [
    { key: 'zScore', min: 0.5, step: 0.5 },
    { key: 'minDropPercent', min: 1, max: 100, step: 5 },
    { key: 'completenessThreshold', min: 0, max: 100, step: 5 },
]

const label = (key: Key): string => {
    switch (key) {
        case 'zScore':
            return i18n.t('Outlier z-score')
        case 'minDropPercent':
            return i18n.t('Minimum change (%)')
        case 'completenessThreshold':
            return i18n.t('Completeness threshold (%)')
    }
}

/**
 * The analyst's thresholds over every pair's, for exploration: not saved; the detectors re-run on
 * the scan already loaded, nothing is requested. Empty: each pair's own (from the mapping).
 */
export const ThresholdPanel = ({
    overrides,
    onChange,
}: {
    overrides: ScanOverrides
    onChange: (overrides: ScanOverrides) => void
}) => {
    const [texts, setTexts] = useState<Record<Key, string>>(() => ({
        zScore: overrides.zScore?.toString() ?? '',
        minDropPercent: overrides.minDropPercent?.toString() ?? '',
        completenessThreshold: overrides.completenessThreshold?.toString() ?? '',
    }))
    const set = (key: Key, text: string, min: number, max?: number) => {
        setTexts((current) => ({ ...current, [key]: text }))
        const value = parseThreshold(text, min, max)
        if (text.trim() === '' || value !== undefined) {
            const next = { ...overrides }
            if (value === undefined) delete next[key]
            else next[key] = value
            onChange(next)
        }
    }
    return (
        <section className={classes.panel} aria-label={i18n.t('Thresholds')}>
            <div className={classes.row}>
                {FIELDS.map(({ key, min, max, step }) => {
                    const text = texts[key]
                    const invalid =
                        text.trim() !== '' && parseThreshold(text, min, max) === undefined
                    return (
                        <div key={key} className={classes.narrow}>
                            <InputField
                                label={label(key)}
                                type="number"
                                value={text}
                                min={String(min)}
                                max={max === undefined ? undefined : String(max)}
                                step={String(step)}
                                placeholder={i18n.t('Per pair ({{value}})', {
                                    value: formatThreshold(DEFAULT_THRESHOLDS[key], i18n.language),
                                })}
                                onChange={({ value }: { value?: string }) =>
                                    set(key, value ?? '', min, max)
                                }
                                error={invalid}
                                validationText={invalid ? i18n.t('Not a valid value') : undefined}
                                dense
                                dataTest={`alerts-threshold-${key}`}
                            />
                        </div>
                    )
                })}
                <Button
                    small
                    secondary
                    disabled={Object.keys(overrides).length === 0}
                    onClick={() => {
                        setTexts({ zScore: '', minDropPercent: '', completenessThreshold: '' })
                        onChange({})
                    }}
                    dataTest="alerts-thresholds-reset"
                >
                    {i18n.t('Use the mapping’s thresholds')}
                </Button>
            </div>
            <p className={classes.hint}>
                {i18n.t(
                    'For exploration only and not saved. Empty fields use each pair’s thresholds from the mapping; the alerts are recomputed from the scan already loaded, without new requests.'
                )}
            </p>
        </section>
    )
}
