/**
 * The demo country's data dictionary: HMIS data elements, the 13 UN life-saving commodities with
 * their LMIS data elements, the HMIS service each commodity is compared with, and the category
 * model. Everything here is independent of the generated country: ids are derived from codes
 * (`uid.ts`), so the app configuration, tests and benchmarks can refer to them without a database.
 *
 * Commodity ↔ service pairs and the "no ratio" decisions follow /work/shared/notes/domain.md
 * (Senegal and Tanzania pilots): a consumption-per-case ratio is only offered where a pair has a
 * consistent dose per case.
 */
import type { AggregationType, DataElement, PeriodType } from './model'
import { uidFor } from './uid'

// ---------------------------------------------------------------------------------------------
// DHIS2's built-in default category model (CategoryService.generateDefaultDimension in dhis2-core:
// the four objects are named and coded `default`).
// ---------------------------------------------------------------------------------------------

export const DEFAULT_CATEGORY_ID = 'GLevLNI9wkl'
export const DEFAULT_CATEGORY_OPTION_ID = 'xYerKDKCefk'
export const DEFAULT_CATEGORY_COMBO_ID = 'bjDvmb4bfuf'
export const DEFAULT_CATEGORY_OPTION_COMBO_ID = 'HllvX50cXC0'

export const metadataUid = (kind: string, code: string): string => uidFor(`${kind}:${code}`)

// ---------------------------------------------------------------------------------------------
// Disaggregations
// ---------------------------------------------------------------------------------------------

export interface CategoryDef {
    code: string
    name: string
    options: { code: string; name: string }[]
}

export interface CategoryComboDef {
    code: string
    name: string
    /** Categories, by code; option combos are their cartesian product (DHIS2 order) */
    categories: string[]
}

export const CATEGORIES: CategoryDef[] = [
    {
        code: 'PLACE_OF_DELIVERY',
        name: 'Place of delivery',
        options: [
            { code: 'PLACE_FACILITY', name: 'Facility' },
            { code: 'PLACE_COMMUNITY', name: 'Community' },
        ],
    },
    {
        code: 'SEX',
        name: 'Sex',
        options: [
            { code: 'SEX_MALE', name: 'Male' },
            { code: 'SEX_FEMALE', name: 'Female' },
        ],
    },
]

export const CATEGORY_COMBOS: CategoryComboDef[] = [
    { code: 'CC_PLACE_OF_DELIVERY', name: 'Place of delivery', categories: ['PLACE_OF_DELIVERY'] },
    { code: 'CC_SEX', name: 'Sex', categories: ['SEX'] },
]

/** Code of the option combo made of the given option codes (single-category combos: the option) */
export const optionComboCode = (optionCodes: string[]): string => `COC_${optionCodes.join('_')}`

export const categoryOptionComboId = (optionCodes: string[]): string =>
    metadataUid('coc', optionComboCode(optionCodes))

// ---------------------------------------------------------------------------------------------
// HMIS
// ---------------------------------------------------------------------------------------------

export type HmisKey =
    | 'deliveries'
    | 'pph'
    | 'preEclampsia'
    | 'pretermBirths'
    | 'liveBirths'
    | 'neonatalSepsis'
    | 'neonatalAsphyxia'
    | 'pneumoniaU5'
    | 'diarrhoeaU5'
    | 'fpImplants'
    | 'fpFemaleCondoms'
    | 'fpEmergencyContraception'

export interface HmisElementDef {
    key: HmisKey
    code: string
    name: string
    shortName: string
    formName: string
    description: string
    /** Category combo code, or undefined for the default combo */
    categoryCombo?: string
}

export const HMIS_ELEMENTS: HmisElementDef[] = [
    {
        key: 'deliveries',
        code: 'HMIS_DELIVERIES',
        name: 'HMIS - Deliveries',
        shortName: 'Deliveries',
        formName: 'Deliveries',
        description:
            'Births attended by the facility: in the facility, or in the community (home births reported by the facility’s community health workers).',
        categoryCombo: 'CC_PLACE_OF_DELIVERY',
    },
    {
        key: 'pph',
        code: 'HMIS_PPH',
        name: 'HMIS - Postpartum haemorrhage cases',
        shortName: 'Postpartum haemorrhage',
        formName: 'Postpartum haemorrhage (PPH) cases',
        description: 'Women with blood loss of 500 ml or more within 24 hours after birth.',
    },
    {
        key: 'preEclampsia',
        code: 'HMIS_PE_E',
        name: 'HMIS - Severe pre-eclampsia / eclampsia cases',
        shortName: 'Severe pre-eclampsia/eclampsia',
        formName: 'Severe pre-eclampsia / eclampsia cases',
        description: 'Women treated for severe pre-eclampsia or eclampsia.',
    },
    {
        key: 'pretermBirths',
        code: 'HMIS_PRETERM',
        name: 'HMIS - Preterm births',
        shortName: 'Preterm births',
        formName: 'Preterm births (< 37 weeks)',
        description: 'Births before 37 completed weeks of gestation.',
    },
    {
        key: 'liveBirths',
        code: 'HMIS_LIVE_BIRTHS',
        name: 'HMIS - Live births',
        shortName: 'Live births',
        formName: 'Live births',
        description: 'Live births in the facility.',
        categoryCombo: 'CC_SEX',
    },
    {
        key: 'neonatalSepsis',
        code: 'HMIS_NEO_SEPSIS',
        name: 'HMIS - Neonatal sepsis / PSBI cases',
        shortName: 'Neonatal sepsis/PSBI',
        formName: 'Neonatal sepsis / possible serious bacterial infection',
        description:
            'Newborns (0–59 days) treated for sepsis or possible serious bacterial infection.',
    },
    {
        key: 'neonatalAsphyxia',
        code: 'HMIS_NEO_ASPHYXIA',
        name: 'HMIS - Neonates with asphyxia',
        shortName: 'Neonatal asphyxia',
        formName: 'Newborns not breathing at birth (asphyxia)',
        description: 'Newborns not breathing at birth, needing resuscitation.',
    },
    {
        key: 'pneumoniaU5',
        code: 'HMIS_PNEUMONIA_U5',
        name: 'HMIS - Pneumonia cases under 5',
        shortName: 'Pneumonia <5',
        formName: 'Pneumonia, children under 5',
        description: 'Children under five years treated for pneumonia.',
    },
    {
        key: 'diarrhoeaU5',
        code: 'HMIS_DIARRHOEA_U5',
        name: 'HMIS - Diarrhoea cases under 5',
        shortName: 'Diarrhoea <5',
        formName: 'Diarrhoea, children under 5',
        description: 'Children under five years treated for diarrhoea.',
    },
    {
        key: 'fpImplants',
        code: 'HMIS_FP_IMPLANTS',
        name: 'HMIS - FP clients: implants',
        shortName: 'FP clients - implants',
        formName: 'Family planning clients: implants inserted',
        description: 'Family planning clients who received an implant.',
    },
    {
        key: 'fpFemaleCondoms',
        code: 'HMIS_FP_FEMALE_CONDOMS',
        name: 'HMIS - FP clients: female condoms',
        shortName: 'FP clients - female condoms',
        formName: 'Family planning clients: female condoms',
        description: 'Family planning clients who received female condoms.',
    },
    {
        key: 'fpEmergencyContraception',
        code: 'HMIS_FP_EC',
        name: 'HMIS - FP clients: emergency contraception',
        shortName: 'FP clients - emergency contr.',
        formName: 'Family planning clients: emergency contraception',
        description: 'Clients who received emergency contraception.',
    },
]

export const hmisElementId = (key: HmisKey): string => {
    const def = HMIS_ELEMENTS.find((d) => d.key === key)
    if (!def) throw new RangeError(`Unknown HMIS element ${key}`)
    return metadataUid('de', def.code)
}

/** Option combo ids of the HMIS disaggregations used by the commodity pairs */
export const COC = {
    facility: categoryOptionComboId(['PLACE_FACILITY']),
    community: categoryOptionComboId(['PLACE_COMMUNITY']),
    male: categoryOptionComboId(['SEX_MALE']),
    female: categoryOptionComboId(['SEX_FEMALE']),
} as const

// ---------------------------------------------------------------------------------------------
// LMIS
// ---------------------------------------------------------------------------------------------

export type LmisMeasure =
    | 'consumption'
    | 'stockOnHand'
    | 'stockoutDays'
    | 'lossesAdjustments'
    | 'quantityReceived'
    | 'stockedOut'

export interface LmisMeasureDef {
    measure: LmisMeasure
    codeSuffix: string
    label: string
    shortLabel: string
    aggregationType: AggregationType
    valueType: DataElement['valueType']
    description: string
}

export const LMIS_MEASURES: LmisMeasureDef[] = [
    {
        measure: 'consumption',
        codeSuffix: 'CONS',
        label: 'Consumption',
        shortLabel: 'cons.',
        aggregationType: 'SUM',
        valueType: 'INTEGER_ZERO_OR_POSITIVE',
        description: 'Quantity dispensed to patients during the period.',
    },
    {
        measure: 'stockOnHand',
        codeSuffix: 'SOH',
        label: 'Stock on hand',
        shortLabel: 'SOH',
        // DHIS2 LAST = "Last value (sum in org unit hierarchy)": last period over time, summed over org units
        aggregationType: 'LAST',
        valueType: 'INTEGER_ZERO_OR_POSITIVE',
        description: 'Physical count at the end of the period.',
    },
    {
        measure: 'stockoutDays',
        codeSuffix: 'SOD',
        label: 'Stockout days',
        shortLabel: 'stockout days',
        aggregationType: 'SUM',
        valueType: 'INTEGER_ZERO_OR_POSITIVE',
        description: 'Days in the period with no usable stock.',
    },
    {
        measure: 'lossesAdjustments',
        codeSuffix: 'LOSS',
        label: 'Losses and adjustments',
        shortLabel: 'losses/adj.',
        aggregationType: 'SUM',
        valueType: 'INTEGER',
        description:
            'Expired, damaged or lost quantities (positive) minus positive adjustments such as transfers in (negative).',
    },
    {
        measure: 'quantityReceived',
        codeSuffix: 'RECV',
        label: 'Quantity received',
        shortLabel: 'received',
        aggregationType: 'SUM',
        valueType: 'INTEGER_ZERO_OR_POSITIVE',
        description: 'Quantity received from the supplying store during the period.',
    },
    {
        // The facility's own stocked-out flag, as the LMIS reports it. SUM over facilities = the
        // number of facilities stocked out (per month; over several months, facility-months —
        // MAX_SUM_ORG_UNIT gives facilities stocked out at some time in the period). Zeros are
        // stored (zero is significant), so COUNT = facilities that reported the commodity.
        measure: 'stockedOut',
        codeSuffix: 'SO',
        label: 'Stocked out (0/1)',
        shortLabel: 'stocked out',
        aggregationType: 'SUM',
        valueType: 'INTEGER_ZERO_OR_POSITIVE',
        description:
            '1 when the facility was stocked out during the period (stockout days > 0) or ended it with no stock (closing balance 0), else 0.',
    },
]

export type CommodityKey =
    | 'oxytocin'
    | 'misoprostol'
    | 'magnesiumSulfate'
    | 'injectableAntibiotics'
    | 'antenatalCorticosteroids'
    | 'chlorhexidine'
    | 'resuscitationDevices'
    | 'amoxicillin'
    | 'ors'
    | 'zinc'
    | 'femaleCondoms'
    | 'implants'
    | 'emergencyContraception'

/** An HMIS operand a commodity is compared with */
export interface HmisPairRef {
    hmis: HmisKey
    /** Option combo codes selecting one disaggregation, e.g. facility deliveries */
    optionCodes?: string[]
    label: string
}

export type RatioDef =
    | {
          meaningful: true
          /** The HMIS operand (index into `pairs`) the consumption is divided by */
          denominator: number
          /** Units consumed per case under the standard treatment protocol */
          dosePerCase: number
          /** Range of consumption/cases considered plausible at district or national level */
          expectedBand: [number, number]
      }
    | { meaningful: false; reason: string }

export interface CommodityDef {
    key: CommodityKey
    /** Short code used in LMIS data element codes (`LMIS_<code>_<measure>`) */
    code: string
    name: string
    shortName: string
    unit: string
    pairs: HmisPairRef[]
    ratio: RatioDef
    note: string
}

export const COMMODITIES: CommodityDef[] = [
    {
        key: 'oxytocin',
        code: 'OXY',
        name: 'Oxytocin 10 IU',
        shortName: 'Oxytocin',
        unit: 'ampoule',
        pairs: [
            { hmis: 'deliveries', optionCodes: ['PLACE_FACILITY'], label: 'Facility deliveries' },
            { hmis: 'pph', label: 'PPH cases' },
        ],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 1, expectedBand: [0.8, 1.5] },
        note: 'Given at every facility birth (active management of the third stage of labour), more for PPH.',
    },
    {
        key: 'misoprostol',
        code: 'MISO',
        name: 'Misoprostol 200 mcg',
        shortName: 'Misoprostol',
        unit: 'tablet',
        pairs: [
            { hmis: 'pph', label: 'PPH cases' },
            {
                hmis: 'deliveries',
                optionCodes: ['PLACE_COMMUNITY'],
                label: 'Community births',
            },
        ],
        ratio: {
            meaningful: false,
            reason: 'No fixed dose per case: used both to prevent PPH at home births and to treat it.',
        },
        note: 'Show side by side with PPH cases and community births.',
    },
    {
        key: 'magnesiumSulfate',
        code: 'MGSO4',
        name: 'Magnesium sulfate 50% 5 g/10 ml',
        shortName: 'Magnesium sulfate',
        unit: 'ampoule',
        pairs: [{ hmis: 'preEclampsia', label: 'Severe pre-eclampsia / eclampsia cases' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 8, expectedBand: [5, 12] },
        note: 'Pritchard or Zuspan regimen: about 6–9 ampoules of 5 g per case.',
    },
    {
        key: 'injectableAntibiotics',
        code: 'GENT',
        name: 'Gentamicin 80 mg/2 ml',
        shortName: 'Gentamicin',
        unit: 'vial',
        pairs: [{ hmis: 'neonatalSepsis', label: 'Neonatal sepsis / PSBI cases' }],
        ratio: {
            meaningful: false,
            reason: 'Substitutable with other antibiotics and used for adults too (no ratio in Senegal).',
        },
        note: 'Injectable antibiotics for newborn sepsis.',
    },
    {
        key: 'antenatalCorticosteroids',
        code: 'DEXA',
        name: 'Dexamethasone 6 mg',
        shortName: 'Dexamethasone',
        unit: 'ampoule',
        pairs: [{ hmis: 'pretermBirths', label: 'Preterm births' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 4, expectedBand: [1, 5] },
        note: 'Four doses per course; not every preterm birth gets a course, some threatened preterm labours deliver at term.',
    },
    {
        key: 'chlorhexidine',
        code: 'CHX',
        name: 'Chlorhexidine digluconate 7.1% gel',
        shortName: 'Chlorhexidine',
        unit: 'tube',
        pairs: [{ hmis: 'liveBirths', label: 'Live births' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 1, expectedBand: [0.7, 1.3] },
        note: 'One tube per newborn for cord care.',
    },
    {
        key: 'resuscitationDevices',
        code: 'RESUS',
        name: 'Newborn resuscitation bag and mask',
        shortName: 'Bag and mask',
        unit: 'device',
        pairs: [{ hmis: 'neonatalAsphyxia', label: 'Neonates with asphyxia' }],
        ratio: {
            meaningful: false,
            reason: 'Equipment: what matters is availability, not consumption.',
        },
        note: 'Compare availability (stock on hand > 0) with asphyxia cases.',
    },
    {
        key: 'amoxicillin',
        code: 'AMOX',
        name: 'Amoxicillin DT 250 mg, pack of 10',
        shortName: 'Amoxicillin DT',
        unit: 'pack',
        pairs: [{ hmis: 'pneumoniaU5', label: 'Pneumonia cases under 5' }],
        ratio: {
            meaningful: false,
            reason: 'Treats many conditions besides pneumonia (no ratio in Senegal).',
        },
        note: 'About one pack per pneumonia case, plus other uses.',
    },
    {
        key: 'ors',
        code: 'ORS',
        name: 'Oral rehydration salts, sachet',
        shortName: 'ORS',
        unit: 'sachet',
        pairs: [{ hmis: 'diarrhoeaU5', label: 'Diarrhoea cases under 5' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 2, expectedBand: [1.5, 3] },
        note: 'Should move together with zinc.',
    },
    {
        key: 'zinc',
        code: 'ZINC',
        name: 'Zinc 20 mg DT, pack of 10',
        shortName: 'Zinc',
        unit: 'pack',
        pairs: [{ hmis: 'diarrhoeaU5', label: 'Diarrhoea cases under 5' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 1, expectedBand: [0.6, 1.3] },
        note: 'One 10-day course per case; should move together with ORS.',
    },
    {
        key: 'femaleCondoms',
        code: 'FCOND',
        name: 'Female condom',
        shortName: 'Female condoms',
        unit: 'piece',
        pairs: [{ hmis: 'fpFemaleCondoms', label: 'FP clients: female condoms' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 10, expectedBand: [5, 15] },
        note: 'About ten pieces per client visit; watch the share of facilities stocked out.',
    },
    {
        key: 'implants',
        code: 'IMPL',
        name: 'Contraceptive implant (levonorgestrel, 2 rods)',
        shortName: 'Implants',
        unit: 'set',
        pairs: [{ hmis: 'fpImplants', label: 'FP clients: implants' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 1, expectedBand: [0.8, 1.2] },
        note: 'One set per client; watch the share of facilities stocked out.',
    },
    {
        key: 'emergencyContraception',
        code: 'EC',
        name: 'Levonorgestrel 1.5 mg (emergency contraception)',
        shortName: 'Emergency contraception',
        unit: 'tablet',
        pairs: [{ hmis: 'fpEmergencyContraception', label: 'FP clients: emergency contraception' }],
        ratio: { meaningful: true, denominator: 0, dosePerCase: 1, expectedBand: [0.8, 1.3] },
        note: 'One tablet per client; watch the share of facilities stocked out.',
    },
]

/** LMIS data element code, e.g. `LMIS_OXY_CONS` (monthly) or `LMIS_OXY_CONS_Q` (quarterly R&R) */
export const lmisElementCode = (
    commodityCode: string,
    measure: LmisMeasure,
    periodType: 'Monthly' | 'Quarterly'
): string => {
    const def = LMIS_MEASURES.find((m) => m.measure === measure)
    if (!def) throw new RangeError(`Unknown LMIS measure ${measure}`)
    return `LMIS_${commodityCode}_${def.codeSuffix}${periodType === 'Quarterly' ? '_Q' : ''}`
}

// ---------------------------------------------------------------------------------------------
// Data sets, indicator types, indicators, org unit group sets
// ---------------------------------------------------------------------------------------------

export interface DataSetDef {
    code: string
    name: string
    shortName: string
    periodType: PeriodType
    timelyDays: number
}

export const DATA_SETS = {
    hmis: {
        code: 'DS_HMIS_MONTHLY',
        name: 'HMIS Monthly Summary',
        shortName: 'HMIS Monthly',
        periodType: 'Monthly',
        timelyDays: 15,
    },
    lmisMonthly: {
        code: 'DS_LMIS_MONTHLY',
        name: 'LMIS Monthly Report',
        shortName: 'LMIS Monthly',
        periodType: 'Monthly',
        timelyDays: 10,
    },
    lmisQuarterly: {
        code: 'DS_LMIS_QUARTERLY',
        name: 'LMIS Quarterly Report (R&R)',
        shortName: 'LMIS Quarterly R&R',
        periodType: 'Quarterly',
        // See the stagger notes in generate.ts: group B's R&R window ends a month after the
        // calendar quarter, so on-time is judged 45 days after the quarter's end.
        timelyDays: 45,
    },
} as const satisfies Record<string, DataSetDef>

export const dataSetId = (key: keyof typeof DATA_SETS): string =>
    metadataUid('ds', DATA_SETS[key].code)

export const INDICATOR_TYPES = [
    { code: 'IT_NUMBER', name: 'Number', factor: 1 },
    { code: 'IT_PER_THOUSAND', name: 'Per thousand', factor: 1000 },
    { code: 'IT_PERCENT', name: 'Percent', factor: 100 },
] as const

export type LmisGroup = 'A' | 'B' | 'C'

/**
 * Months by which the R&R window a group stores against a calendar quarter is shifted from that
 * quarter's three months (see "How the stagger is represented" in generate.ts):
 * - A: 0 — Jan–Mar, sent in April, stored in Q1;
 * - B: +1 — Feb–Apr, sent in May, stored in Q1 (the quarter holding two of its three months);
 * - C: −1 — Dec (of the year before)–Feb, sent in March, stored in Q1.
 * In the cycle of calendar quarters, B's windows are shifted by one month and C's by two
 * (C's Mar–May window is stored in Q2, shifted −1 from Apr–Jun).
 */
export const LMIS_GROUP_OFFSET: Record<LmisGroup, number> = { A: 0, B: 1, C: -1 }

/** The months (running indices, `periods.ts`) of the R&R window group `group` stores in quarter `q`. */
export const rrWindowMonths = (q: number, group: LmisGroup): [number, number, number] => {
    const first = q * 3 + LMIS_GROUP_OFFSET[group]
    return [first, first + 1, first + 2]
}

export const FACILITY_TYPES = ['Hospital', 'Health Centre', 'Dispensary', 'Health Post'] as const
export type FacilityType = (typeof FACILITY_TYPES)[number]

// ---------------------------------------------------------------------------------------------
// The catalogue handed to the app configuration
// ---------------------------------------------------------------------------------------------

export interface ElementRef {
    code: string
    id: string
}

export interface CommodityCatalogueEntry {
    key: CommodityKey
    code: string
    name: string
    shortName: string
    unit: string
    /** LMIS data elements per measure, for the monthly report and for the quarterly R&R */
    lmis: Record<'monthly' | 'quarterly', Record<LmisMeasure, ElementRef>>
    /** HMIS operands the commodity is compared with, first = primary */
    hmis: {
        hmisKey: HmisKey
        label: string
        dataElement: ElementRef
        categoryOptionCombo?: ElementRef
        /** Analytics dimension item: `deId` or `deId.cocId` */
        dimensionItem: string
    }[]
    ratio: RatioDef
    note: string
}

const lmisRefs = (
    commodityCode: string,
    periodType: 'Monthly' | 'Quarterly'
): Record<LmisMeasure, ElementRef> => {
    const out = {} as Record<LmisMeasure, ElementRef>
    for (const m of LMIS_MEASURES) {
        const code = lmisElementCode(commodityCode, m.measure, periodType)
        out[m.measure] = { code, id: metadataUid('de', code) }
    }
    return out
}

/**
 * For each of the 13 commodities: its LMIS element codes and ids (monthly and quarterly), the HMIS
 * operands it pairs with, and whether a consumption-per-case ratio is meaningful (with the dose
 * per case and the plausible band). Ids are stable across seeds and country sizes.
 */
export const commodityCatalogue = (): CommodityCatalogueEntry[] =>
    COMMODITIES.map((c) => ({
        key: c.key,
        code: c.code,
        name: c.name,
        shortName: c.shortName,
        unit: c.unit,
        lmis: { monthly: lmisRefs(c.code, 'Monthly'), quarterly: lmisRefs(c.code, 'Quarterly') },
        hmis: c.pairs.map((p) => {
            const def = HMIS_ELEMENTS.find((d) => d.key === p.hmis)
            if (!def) throw new RangeError(`Unknown HMIS element ${p.hmis}`)
            const dataElement = { code: def.code, id: metadataUid('de', def.code) }
            const coc = p.optionCodes
                ? {
                      code: optionComboCode(p.optionCodes),
                      id: categoryOptionComboId(p.optionCodes),
                  }
                : undefined
            return {
                hmisKey: p.hmis,
                label: p.label,
                dataElement,
                ...(coc ? { categoryOptionCombo: coc } : {}),
                dimensionItem: coc ? `${dataElement.id}.${coc.id}` : dataElement.id,
            }
        }),
        ratio: c.ratio,
        note: c.note,
    }))
