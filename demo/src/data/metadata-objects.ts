/**
 * Builds the demo DHIS2's static metadata objects (category model, data elements, data sets,
 * indicator types, indicators) from the catalogue. Independent of the seed: the same ids and
 * names in every generated country. Data set org unit assignments are filled in by the generator.
 */
import {
    CATEGORIES,
    CATEGORY_COMBOS,
    COMMODITIES,
    DATA_SETS,
    DEFAULT_CATEGORY_COMBO_ID,
    DEFAULT_CATEGORY_ID,
    DEFAULT_CATEGORY_OPTION_COMBO_ID,
    DEFAULT_CATEGORY_OPTION_ID,
    HMIS_ELEMENTS,
    INDICATOR_TYPES,
    LMIS_MEASURES,
    categoryOptionComboId,
    hmisElementId,
    lmisElementCode,
    metadataUid,
    optionComboCode,
    type CommodityKey,
    type HmisKey,
    type LmisMeasure,
} from './catalogue'
import type {
    Category,
    CategoryCombo,
    CategoryOption,
    CategoryOptionCombo,
    DataElement,
    DataSet,
    Indicator,
    IndicatorType,
} from './model'

export interface StaticMetadata {
    categoryOptions: CategoryOption[]
    categories: Category[]
    categoryCombos: CategoryCombo[]
    categoryOptionCombos: CategoryOptionCombo[]
    dataElements: DataElement[]
    indicatorTypes: IndicatorType[]
    indicators: Indicator[]
    /** HMIS, LMIS monthly, LMIS quarterly; `orgUnitIds` empty */
    dataSets: { hmis: DataSet; lmisMonthly: DataSet; lmisQuarterly: DataSet }
    /** Option combo ids of each data element's category combo */
    cocIdsByDataElement: Map<string, string[]>
    /** LMIS element id per commodity, measure and period type */
    lmisIds: Record<CommodityKey, Record<'Monthly' | 'Quarterly', Record<LmisMeasure, string>>>
}

const cartesian = (lists: string[][]): string[][] =>
    lists.reduce<string[][]>(
        (acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])),
        [[]]
    )

const buildCategoryModel = (): Pick<
    StaticMetadata,
    'categoryOptions' | 'categories' | 'categoryCombos' | 'categoryOptionCombos'
> => {
    const categoryOptions: CategoryOption[] = [
        { id: DEFAULT_CATEGORY_OPTION_ID, code: 'default', name: 'default' },
    ]
    const categories: Category[] = [
        {
            id: DEFAULT_CATEGORY_ID,
            code: 'default',
            name: 'default',
            categoryOptionIds: [DEFAULT_CATEGORY_OPTION_ID],
        },
    ]
    const categoryCombos: CategoryCombo[] = [
        {
            id: DEFAULT_CATEGORY_COMBO_ID,
            code: 'default',
            name: 'default',
            isDefault: true,
            categoryIds: [DEFAULT_CATEGORY_ID],
            categoryOptionComboIds: [DEFAULT_CATEGORY_OPTION_COMBO_ID],
        },
    ]
    const categoryOptionCombos: CategoryOptionCombo[] = [
        {
            id: DEFAULT_CATEGORY_OPTION_COMBO_ID,
            code: 'default',
            name: 'default',
            categoryComboId: DEFAULT_CATEGORY_COMBO_ID,
            categoryOptionIds: [DEFAULT_CATEGORY_OPTION_ID],
        },
    ]
    const optionIdByCode = new Map<string, string>()
    const optionNameByCode = new Map<string, string>()
    for (const c of CATEGORIES) {
        for (const o of c.options) {
            const id = metadataUid('co', o.code)
            optionIdByCode.set(o.code, id)
            optionNameByCode.set(o.code, o.name)
            categoryOptions.push({ id, code: o.code, name: o.name })
        }
        categories.push({
            id: metadataUid('ca', c.code),
            code: c.code,
            name: c.name,
            categoryOptionIds: c.options.map((o) => optionIdByCode.get(o.code) as string),
        })
    }
    for (const cc of CATEGORY_COMBOS) {
        const ccId = metadataUid('cc', cc.code)
        const optionLists = cc.categories.map((code) => {
            const cat = CATEGORIES.find((c) => c.code === code)
            if (!cat) throw new RangeError(`Unknown category ${code}`)
            return cat.options.map((o) => o.code)
        })
        const cocIds: string[] = []
        for (const combo of cartesian(optionLists)) {
            const id = categoryOptionComboId(combo)
            cocIds.push(id)
            categoryOptionCombos.push({
                id,
                code: optionComboCode(combo),
                // DHIS2 names an option combo by its options joined with ", "
                name: combo.map((code) => optionNameByCode.get(code) as string).join(', '),
                categoryComboId: ccId,
                categoryOptionIds: combo.map((code) => optionIdByCode.get(code) as string),
            })
        }
        categoryCombos.push({
            id: ccId,
            code: cc.code,
            name: cc.name,
            isDefault: false,
            categoryIds: cc.categories.map((code) => metadataUid('ca', code)),
            categoryOptionComboIds: cocIds,
        })
    }
    return { categoryOptions, categories, categoryCombos, categoryOptionCombos }
}

const dataSet = (key: keyof typeof DATA_SETS, dataElementIds: string[]): DataSet => {
    const def = DATA_SETS[key]
    return {
        id: metadataUid('ds', def.code),
        code: def.code,
        name: def.name,
        shortName: def.shortName,
        periodType: def.periodType,
        dataElementIds,
        orgUnitIds: [],
        timelyDays: def.timelyDays,
    }
}

/** `#{id}` or `#{id.cocId}` */
const operand = (key: HmisKey, optionCodes?: string[]): string =>
    optionCodes
        ? `#{${hmisElementId(key)}.${categoryOptionComboId(optionCodes)}}`
        : `#{${hmisElementId(key)}}`

export const buildStaticMetadata = (): StaticMetadata => {
    const categoryModel = buildCategoryModel()
    const cocIdsByCombo = new Map(
        categoryModel.categoryCombos.map((cc) => [cc.id, cc.categoryOptionComboIds])
    )
    const dataElements: DataElement[] = []
    const hmisIds: string[] = []
    for (const def of HMIS_ELEMENTS) {
        const id = metadataUid('de', def.code)
        hmisIds.push(id)
        dataElements.push({
            id,
            code: def.code,
            name: def.name,
            shortName: def.shortName,
            formName: def.formName,
            valueType: 'INTEGER_ZERO_OR_POSITIVE',
            aggregationType: 'SUM',
            domainType: 'AGGREGATE',
            categoryComboId: def.categoryCombo
                ? metadataUid('cc', def.categoryCombo)
                : DEFAULT_CATEGORY_COMBO_ID,
            zeroIsSignificant: true,
            description: def.description,
        })
    }
    const lmisIds = {} as StaticMetadata['lmisIds']
    const lmisMonthlyIds: string[] = []
    const lmisQuarterlyIds: string[] = []
    for (const periodType of ['Monthly', 'Quarterly'] as const) {
        for (const c of COMMODITIES) {
            const byMeasure = {} as Record<LmisMeasure, string>
            for (const m of LMIS_MEASURES) {
                const code = lmisElementCode(c.code, m.measure, periodType)
                const id = metadataUid('de', code)
                byMeasure[m.measure] = id
                const dataSetElementIds =
                    periodType === 'Monthly' ? lmisMonthlyIds : lmisQuarterlyIds
                dataSetElementIds.push(id)
                const quarterly = periodType === 'Quarterly'
                dataElements.push({
                    id,
                    code,
                    name: `${quarterly ? 'LMIS R&R' : 'LMIS'} - ${c.name} - ${m.label}`,
                    shortName: `${c.shortName} ${m.shortLabel}${quarterly ? ' (R&R)' : ''}`,
                    formName: m.label,
                    valueType: m.valueType,
                    aggregationType: m.aggregationType,
                    domainType: 'AGGREGATE',
                    categoryComboId: DEFAULT_CATEGORY_COMBO_ID,
                    zeroIsSignificant: true,
                    description: `${m.description} Unit: ${c.unit}. ${
                        quarterly
                            ? 'Quarterly requisition and report (R&R): the three months of the facility’s reporting group, stored against the calendar quarter.'
                            : 'Monthly LMIS report.'
                    }`,
                })
            }
            const existing = lmisIds[c.key] ?? ({} as (typeof lmisIds)[CommodityKey])
            existing[periodType] = byMeasure
            lmisIds[c.key] = existing
        }
    }
    const cocIdsByDataElement = new Map(
        dataElements.map((de) => [de.id, cocIdsByCombo.get(de.categoryComboId) ?? []])
    )

    const indicatorTypes: IndicatorType[] = INDICATOR_TYPES.map((t) => ({
        id: metadataUid('it', t.code),
        name: t.name,
        factor: t.factor,
    }))
    const typeId = (code: (typeof INDICATOR_TYPES)[number]['code']): string =>
        metadataUid('it', code)
    const lmisCons = (key: CommodityKey): string =>
        `#{${lmisIds[key].Monthly.consumption}} + #{${lmisIds[key].Quarterly.consumption}}`
    const quarterNote =
        ' LMIS consumption comes from monthly reports and quarterly R&Rs: view by quarter or year.'
    const indicator = (
        code: string,
        name: string,
        shortName: string,
        numerator: string,
        numeratorDescription: string,
        denominator: string,
        denominatorDescription: string,
        type: (typeof INDICATOR_TYPES)[number]['code']
    ): Indicator => ({
        id: metadataUid('in', code),
        code,
        name,
        shortName,
        numerator,
        numeratorDescription,
        denominator,
        denominatorDescription,
        indicatorTypeId: typeId(type),
    })
    const indicators: Indicator[] = [
        indicator(
            'IN_OXY_PER_DELIVERY',
            'Oxytocin consumed per facility delivery',
            'Oxytocin per delivery',
            lmisCons('oxytocin'),
            'Oxytocin 10 IU ampoules consumed.' + quarterNote,
            operand('deliveries', ['PLACE_FACILITY']),
            'Facility deliveries',
            'IT_NUMBER'
        ),
        indicator(
            'IN_PPH_RATE',
            'PPH rate per 1000 facility deliveries',
            'PPH per 1000 deliveries',
            operand('pph'),
            'Postpartum haemorrhage cases',
            operand('deliveries', ['PLACE_FACILITY']),
            'Facility deliveries',
            'IT_PER_THOUSAND'
        ),
        indicator(
            'IN_FACILITY_DELIVERY_SHARE',
            'Facility share of reported deliveries',
            'Facility delivery share',
            operand('deliveries', ['PLACE_FACILITY']),
            'Facility deliveries',
            operand('deliveries'),
            'All reported deliveries (facility and community)',
            'IT_PERCENT'
        ),
        indicator(
            'IN_MGSO4_PER_PE',
            'Magnesium sulfate consumed per severe pre-eclampsia / eclampsia case',
            'MgSO4 per PE/E case',
            lmisCons('magnesiumSulfate'),
            'Magnesium sulfate ampoules consumed.' + quarterNote,
            operand('preEclampsia'),
            'Severe pre-eclampsia / eclampsia cases',
            'IT_NUMBER'
        ),
        indicator(
            'IN_CHX_PER_LIVE_BIRTH',
            'Chlorhexidine consumed per live birth',
            'Chlorhexidine per live birth',
            lmisCons('chlorhexidine'),
            'Chlorhexidine tubes consumed.' + quarterNote,
            operand('liveBirths'),
            'Live births',
            'IT_NUMBER'
        ),
        indicator(
            'IN_ORS_PER_DIARRHOEA',
            'ORS sachets consumed per diarrhoea case under 5',
            'ORS per diarrhoea case',
            lmisCons('ors'),
            'ORS sachets consumed.' + quarterNote,
            operand('diarrhoeaU5'),
            'Diarrhoea cases under 5',
            'IT_NUMBER'
        ),
        indicator(
            'IN_ZINC_PER_DIARRHOEA',
            'Zinc packs consumed per diarrhoea case under 5',
            'Zinc per diarrhoea case',
            lmisCons('zinc'),
            'Zinc packs consumed.' + quarterNote,
            operand('diarrhoeaU5'),
            'Diarrhoea cases under 5',
            'IT_NUMBER'
        ),
        indicator(
            'IN_IMPLANTS_PER_CLIENT',
            'Implants consumed per implant client',
            'Implants per client',
            lmisCons('implants'),
            'Implant sets consumed.' + quarterNote,
            operand('fpImplants'),
            'FP clients: implants',
            'IT_NUMBER'
        ),
    ]

    return {
        ...categoryModel,
        dataElements,
        indicatorTypes,
        indicators,
        dataSets: {
            hmis: dataSet('hmis', hmisIds),
            lmisMonthly: dataSet('lmisMonthly', lmisMonthlyIds),
            lmisQuarterly: dataSet('lmisQuarterly', lmisQuarterlyIds),
        },
        cocIdsByDataElement,
        lmisIds,
    }
}
