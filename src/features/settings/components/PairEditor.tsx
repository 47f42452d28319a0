import i18n from '@dhis2/d2-i18n'
import { CheckboxField, InputField } from '@dhis2/ui'
import React from 'react'
import { LMIS_MEASURES, type LmisMeasure } from '../../../domain/config'
import { DEFAULT_STOCK_BANDS } from '../../../domain/indicators'
import {
    DX_TYPES,
    KIND_OF_TYPE,
    type DxType,
    type MetadataItem,
    type MetadataLookup,
} from '../api/metadata'
import { measureHelp, measureLabel } from '../labels'
import type { DraftPair } from '../model/draft'
import { pairMessages, type IssueIndex, type PairField } from '../model/issues'
import { warningsFor, type PairWarning } from '../model/warnings'
import classes from '../SettingsPage.module.css'
import { FieldMessages, fieldProps } from './FieldMessages'
import { ItemList } from './ItemList'
import { ItemPicker } from './ItemPicker'
import { ReportingGroupsSection } from './ReportingGroupsSection'
import { TipsSection } from './TipsSection'

type Update = (update: (pair: DraftPair) => DraftPair) => void

const moveIn = <T,>(list: readonly T[], index: number, offset: number): T[] => {
    const target = index + offset
    if (target < 0 || target >= list.length) return [...list]
    const copy = [...list]
    const [item] = copy.splice(index, 1)
    copy.splice(target, 0, item as T)
    return copy
}

const withDataSets = (current: readonly string[], item: MetadataItem): string[] =>
    current.length > 0 ? [...current] : item.dataSets.map((dataSet) => dataSet.id)

/** The form of one pair: names, HMIS and LMIS items, data sets, ratio and thresholds, tips. */
export const PairEditor = ({
    pair,
    areaIndex,
    pairIndex,
    issues,
    warnings,
    lookup,
    remember,
    onChange,
}: {
    pair: DraftPair
    areaIndex: number
    pairIndex: number
    issues: IssueIndex
    warnings: readonly PairWarning[]
    lookup: MetadataLookup
    remember: (item: MetadataItem) => void
    onChange: Update
}) => {
    const errorsOf = (field: PairField) => pairMessages(issues, areaIndex, pairIndex, field)
    const warningsOf = (field: PairField) => warningsFor(warnings, field)
    /** A band's number: its own issues, and those of the band as a whole (e.g. low above high) */
    const bandErrors = (band: 'ratioBand' | 'monthsOfStock', bound: 'low' | 'high') => [
        ...errorsOf(`thresholds.${band}`),
        ...errorsOf(`thresholds.${band}.${bound}`),
    ]
    const dxTypes: readonly DxType[] = DX_TYPES

    const pickHmis = (item: MetadataItem) => {
        remember(item)
        onChange((p) => ({
            ...p,
            hmisItems: [
                ...p.hmisItems,
                {
                    id: item.id,
                    name: item.name,
                    kind: KIND_OF_TYPE[item.type as DxType],
                },
            ],
            hmisDataSets: withDataSets(p.hmisDataSets, item),
        }))
    }
    const pickLmis = (measure: LmisMeasure) => (item: MetadataItem) => {
        remember(item)
        onChange((p) => ({
            ...p,
            lmis: { ...p.lmis, [measure]: [...p.lmis[measure], item.id] },
            lmisDataSets: withDataSets(p.lmisDataSets, item),
        }))
    }
    const pickFlag = (item: MetadataItem) => {
        remember(item)
        onChange((p) => ({
            ...p,
            stockedOut: [...p.stockedOut, item.id],
            lmisDataSets: withDataSets(p.lmisDataSets, item),
        }))
    }
    const pickDataSet = (side: 'hmisDataSets' | 'lmisDataSets') => (item: MetadataItem) => {
        remember(item)
        onChange((p) => ({ ...p, [side]: [...p[side], item.id] }))
    }

    return (
        <div className={classes.editor} data-test="settings-pair-editor">
            <FieldMessages errors={errorsOf('pair')} dataTest="settings-pair-messages" />
            <section className={classes.section}>
                <h3 className={classes.sectionTitle}>{i18n.t('Pair')}</h3>
                <div className={classes.fieldRow}>
                    <InputField
                        label={i18n.t('Name')}
                        value={pair.name}
                        onChange={({ value }) => onChange((p) => ({ ...p, name: value ?? '' }))}
                        dataTest="settings-pair-name"
                        {...fieldProps(errorsOf('name'))}
                    />
                    <InputField
                        label={i18n.t('Commodity')}
                        value={pair.commodityName}
                        onChange={({ value }) =>
                            onChange((p) => ({ ...p, commodityName: value ?? '' }))
                        }
                        dataTest="settings-pair-commodity"
                        {...fieldProps(errorsOf('commodity'))}
                    />
                    <InputField
                        label={i18n.t('Id')}
                        value={pair.id}
                        onChange={({ value }) => onChange((p) => ({ ...p, id: value ?? '' }))}
                        helpText={i18n.t('Used in links and dashboard items – change with care')}
                        dataTest="settings-pair-id"
                        {...fieldProps(errorsOf('id'))}
                    />
                </div>
            </section>

            <section className={classes.section}>
                <h3 className={classes.sectionTitle}>{i18n.t('HMIS (service data)')}</h3>
                <p className={classes.help}>
                    {i18n.t(
                        'The service counts the commodity is used for. The first item is the number of cases a consumption-per-case ratio divides by.'
                    )}
                </p>
                <ItemList
                    ids={pair.hmisItems.map((item) => item.id)}
                    storedNames={pair.hmisItems.map((item) => item.name)}
                    lookup={lookup}
                    onRemove={(index) =>
                        onChange((p) => ({
                            ...p,
                            hmisItems: p.hmisItems.filter((_, i) => i !== index),
                        }))
                    }
                    onMove={(index, offset) =>
                        onChange((p) => ({ ...p, hmisItems: moveIn(p.hmisItems, index, offset) }))
                    }
                    dataTest="settings-hmis-items"
                />
                <FieldMessages
                    errors={errorsOf('hmis.items')}
                    warnings={warningsOf('hmis.items')}
                />
                <ItemPicker
                    types={dxTypes}
                    onPick={pickHmis}
                    excluded={pair.hmisItems.map((item) => item.id)}
                    buttonLabel={i18n.t('Add HMIS item')}
                    dataTest="settings-pick-hmis"
                />
                <h4 className={classes.sectionTitle}>{i18n.t('HMIS data sets')}</h4>
                <ItemList
                    ids={pair.hmisDataSets}
                    lookup={lookup}
                    onRemove={(index) =>
                        onChange((p) => ({
                            ...p,
                            hmisDataSets: p.hmisDataSets.filter((_, i) => i !== index),
                        }))
                    }
                    dataTest="settings-hmis-datasets"
                />
                <FieldMessages
                    errors={errorsOf('hmis.dataSet')}
                    warnings={warningsOf('hmis.dataSet')}
                />
                <ItemPicker
                    types={['dataSets']}
                    onPick={pickDataSet('hmisDataSets')}
                    excluded={pair.hmisDataSets}
                    buttonLabel={i18n.t('Add HMIS data set')}
                    dataTest="settings-pick-hmis-dataset"
                />
            </section>

            <section className={classes.section}>
                <h3 className={classes.sectionTitle}>{i18n.t('LMIS (logistics data)')}</h3>
                <p className={classes.help}>
                    {i18n.t(
                        'Choose at least one. Several items in one role are added up – for example the monthly report element and the quarterly R&R element of the same commodity.'
                    )}
                </p>
                <FieldMessages errors={errorsOf('lmis')} warnings={warningsOf('lmis')} />
                {LMIS_MEASURES.map((measure) => (
                    <div key={measure} className={classes.section}>
                        <h4 className={classes.sectionTitle}>{measureLabel(measure)}</h4>
                        <p className={classes.help}>{measureHelp(measure)}</p>
                        <ItemList
                            ids={pair.lmis[measure]}
                            lookup={lookup}
                            onRemove={(index) =>
                                onChange((p) => ({
                                    ...p,
                                    lmis: {
                                        ...p.lmis,
                                        [measure]: p.lmis[measure].filter((_, i) => i !== index),
                                    },
                                }))
                            }
                            dataTest={`settings-lmis-${measure}`}
                        />
                        <FieldMessages
                            errors={errorsOf(`lmis.${measure}`)}
                            warnings={warningsOf(`lmis.${measure}`)}
                        />
                        <ItemPicker
                            types={dxTypes}
                            onPick={pickLmis(measure)}
                            excluded={pair.lmis[measure]}
                            buttonLabel={i18n.t('Add {{role}} item', {
                                role: measureLabel(measure).toLowerCase(),
                                interpolation: { escapeValue: false },
                            })}
                            dataTest={`settings-pick-lmis-${measure}`}
                        />
                    </div>
                ))}
                <div className={classes.section}>
                    <h4 className={classes.sectionTitle}>{i18n.t('Stocked-out flag')}</h4>
                    <p className={classes.help}>
                        {i18n.t(
                            "Optional. The LMIS's own 1 or 0 per facility and period (1 when the facility was stocked out), aggregated with SUM, so that the server counts the facilities stocked out instead of the app reading every facility's stock."
                        )}
                    </p>
                    <ItemList
                        ids={pair.stockedOut}
                        lookup={lookup}
                        onRemove={(index) =>
                            onChange((p) => ({
                                ...p,
                                stockedOut: p.stockedOut.filter((_, i) => i !== index),
                            }))
                        }
                        dataTest="settings-lmis-stockedOut"
                    />
                    <FieldMessages
                        errors={errorsOf('lmis.stockedOut')}
                        warnings={warningsOf('lmis.stockedOut')}
                    />
                    <ItemPicker
                        types={dxTypes}
                        onPick={pickFlag}
                        excluded={pair.stockedOut}
                        buttonLabel={i18n.t('Add stocked-out flag item')}
                        dataTest="settings-pick-lmis-stockedOut"
                    />
                </div>
                <ReportingGroupsSection
                    pair={pair}
                    lookup={lookup}
                    remember={remember}
                    errors={errorsOf('lmis.reportingGroups')}
                    warnings={warningsOf('lmis.reportingGroups')}
                    onChange={onChange}
                />
                <h4 className={classes.sectionTitle}>{i18n.t('LMIS data sets')}</h4>
                <ItemList
                    ids={pair.lmisDataSets}
                    lookup={lookup}
                    onRemove={(index) =>
                        onChange((p) => ({
                            ...p,
                            lmisDataSets: p.lmisDataSets.filter((_, i) => i !== index),
                        }))
                    }
                    dataTest="settings-lmis-datasets"
                />
                <FieldMessages
                    errors={errorsOf('lmis.dataSet')}
                    warnings={warningsOf('lmis.dataSet')}
                />
                <ItemPicker
                    types={['dataSets']}
                    onPick={pickDataSet('lmisDataSets')}
                    excluded={pair.lmisDataSets}
                    buttonLabel={i18n.t('Add LMIS data set')}
                    dataTest="settings-pick-lmis-dataset"
                />
            </section>

            <section className={classes.section}>
                <h3 className={classes.sectionTitle}>{i18n.t('Ratio and alerts')}</h3>
                <CheckboxField
                    label={i18n.t('Show consumption per case')}
                    helpText={i18n.t(
                        'Only where the commodity has a consistent dose per case (not misoprostol, amoxicillin or injectable antibiotics, for example).'
                    )}
                    checked={pair.ratioEnabled}
                    onChange={({ checked }) => onChange((p) => ({ ...p, ratioEnabled: checked }))}
                    dataTest="settings-ratio-enabled"
                />
                <FieldMessages errors={errorsOf('ratio')} />
                {pair.ratioEnabled && (
                    <div className={classes.fieldRow}>
                        <InputField
                            label={i18n.t('Ratio label')}
                            value={pair.ratioLabel}
                            onChange={({ value }) =>
                                onChange((p) => ({ ...p, ratioLabel: value ?? '' }))
                            }
                            dataTest="settings-ratio-label"
                            {...fieldProps(errorsOf('ratio.label'))}
                        />
                        <InputField
                            label={i18n.t('Expected low')}
                            value={pair.ratioLow}
                            onChange={({ value }) =>
                                onChange((p) => ({ ...p, ratioLow: value ?? '' }))
                            }
                            inputWidth="120px"
                            dataTest="settings-ratio-low"
                            {...fieldProps(errorsOf('ratio.expectedLow'))}
                        />
                        <InputField
                            label={i18n.t('Expected high')}
                            value={pair.ratioHigh}
                            onChange={({ value }) =>
                                onChange((p) => ({ ...p, ratioHigh: value ?? '' }))
                            }
                            inputWidth="120px"
                            dataTest="settings-ratio-high"
                            {...fieldProps(errorsOf('ratio.expectedHigh'))}
                        />
                    </div>
                )}
                <div className={classes.fieldRow}>
                    <InputField
                        label={i18n.t('Outlier z-score')}
                        helpText={i18n.t(
                            'Modified z-score above which a value is flagged (WHO – 3.5)'
                        )}
                        value={pair.zScore}
                        onChange={({ value }) => onChange((p) => ({ ...p, zScore: value ?? '' }))}
                        inputWidth="120px"
                        dataTest="settings-threshold-zscore"
                        {...fieldProps(errorsOf('thresholds.zScore'))}
                    />
                    <InputField
                        label={i18n.t('Alert on a drop of (%)')}
                        helpText={i18n.t(
                            'Percentage drop from the previous periods that raises an alert'
                        )}
                        value={pair.minDropPercent}
                        onChange={({ value }) =>
                            onChange((p) => ({ ...p, minDropPercent: value ?? '' }))
                        }
                        inputWidth="120px"
                        dataTest="settings-threshold-drop"
                        {...fieldProps(errorsOf('thresholds.minDropPercent'))}
                    />
                    {pair.ratioEnabled && (
                        <>
                            <InputField
                                label={i18n.t('Alert band – low')}
                                helpText={i18n.t('Overrides the expected low for alerts')}
                                value={pair.ratioBandLow}
                                onChange={({ value }) =>
                                    onChange((p) => ({ ...p, ratioBandLow: value ?? '' }))
                                }
                                inputWidth="120px"
                                dataTest="settings-threshold-band-low"
                                {...fieldProps(bandErrors('ratioBand', 'low'))}
                            />
                            <InputField
                                label={i18n.t('Alert band – high')}
                                helpText={i18n.t('Overrides the expected high for alerts')}
                                value={pair.ratioBandHigh}
                                onChange={({ value }) =>
                                    onChange((p) => ({ ...p, ratioBandHigh: value ?? '' }))
                                }
                                inputWidth="120px"
                                dataTest="settings-threshold-band-high"
                                {...fieldProps(bandErrors('ratioBand', 'high'))}
                            />
                        </>
                    )}
                </div>
                <div className={classes.fieldRow}>
                    <InputField
                        label={i18n.t('Months of stock – minimum')}
                        helpText={i18n.t(
                            'Below it a facility is understocked (default {{min}}, min–max stock status)',
                            { min: String(DEFAULT_STOCK_BANDS.min) }
                        )}
                        placeholder={String(DEFAULT_STOCK_BANDS.min)}
                        value={pair.monthsOfStockMin}
                        onChange={({ value }) =>
                            onChange((p) => ({ ...p, monthsOfStockMin: value ?? '' }))
                        }
                        inputWidth="120px"
                        dataTest="settings-threshold-mos-min"
                        {...fieldProps(bandErrors('monthsOfStock', 'low'))}
                    />
                    <InputField
                        label={i18n.t('Months of stock – maximum')}
                        helpText={i18n.t('Above it a facility is overstocked (default {{max}})', {
                            max: String(DEFAULT_STOCK_BANDS.max),
                        })}
                        placeholder={String(DEFAULT_STOCK_BANDS.max)}
                        value={pair.monthsOfStockMax}
                        onChange={({ value }) =>
                            onChange((p) => ({ ...p, monthsOfStockMax: value ?? '' }))
                        }
                        inputWidth="120px"
                        dataTest="settings-threshold-mos-max"
                        {...fieldProps(bandErrors('monthsOfStock', 'high'))}
                    />
                </div>
                <FieldMessages errors={errorsOf('thresholds')} />
            </section>

            <TipsSection pair={pair} errors={errorsOf('tips')} onChange={onChange} />
        </div>
    )
}
