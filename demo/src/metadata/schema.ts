/**
 * Schemas of the demo DHIS2's metadata objects: which properties each type exposes in the Web API,
 * and how to get them from the DemoDb (lazily, so a list of 6,000 org units only computes the
 * selected fields).
 *
 * A property is a value (string, number, boolean, or a list of them), a reference to another
 * identifiable object, a collection of references, or a collection of embedded (non-identifiable)
 * objects such as `dataSetElements`. The field filter renders references without a nested
 * selection as `{ "id": ... }`, as DHIS2 does.
 */
import { DEMO_ATTRIBUTES, attributeValueStore, type DemoAttribute } from '../data/attribute-values'
import { facilityGeometry } from '../data/facility-geometry'
import type { DemoDb } from '../data/model'

export type Scalar = string | number | boolean

export type PropDef<T> =
    | { kind: 'value'; get: (o: T) => Scalar | Scalar[] | null | undefined }
    | { kind: 'ref'; type: string; get: (o: T) => object | null | undefined }
    | { kind: 'refs'; type: string; get: (o: T) => readonly object[] }
    | { kind: 'embedded'; type: string; get: (o: T) => readonly object[] }

export interface Schema<T extends object = object> {
    /** DHIS2 class name, used in messages: `DataElement with id X could not be found.` */
    klass: string
    /** Collection name in list responses and the API path: `dataElements` */
    plural: string
    /** Whether objects have an `id` (references render as `{ id }`) */
    identifiable: boolean
    props: Record<string, PropDef<T>>
    /** Id lookup, for identifiable types */
    byId?: (id: string) => T | undefined
    /** All objects, in storage order */
    all: () => readonly T[]
}

export type SchemaRegistry = Record<string, Schema>

/** Fixed audit timestamps for the demo's metadata */
export const CREATED = '2022-12-01T08:00:00.000'
export const LAST_UPDATED = '2023-01-05T10:30:00.000'

export const defineSchema = <T extends object>(schema: Schema<T>): Schema =>
    schema as unknown as Schema

interface Named {
    id: string
    code?: string
    name: string
    shortName?: string
    description?: string
}

const value = <T>(get: (o: T) => Scalar | Scalar[] | null | undefined): PropDef<T> => ({
    kind: 'value',
    get,
})
const ref = <T>(type: string, get: (o: T) => object | null | undefined): PropDef<T> => ({
    kind: 'ref',
    type,
    get,
})
const refs = <T>(type: string, get: (o: T) => readonly object[]): PropDef<T> => ({
    kind: 'refs',
    type,
    get,
})
const EMPTY: readonly object[] = []

/** id, code, name, displayName, created, lastUpdated, translations, attributeValues */
const identifiableProps = <T extends Named>(): Record<string, PropDef<T>> => ({
    id: value((o) => o.id),
    code: value((o) => o.code),
    name: value((o) => o.name),
    displayName: value((o) => o.name),
    created: value(() => CREATED),
    lastUpdated: value(() => LAST_UPDATED),
    translations: value(() => []),
    attributeValues: value(() => []),
})

/** identifiable + shortName, description and their display variants */
const nameableProps = <T extends Named>(): Record<string, PropDef<T>> => ({
    ...identifiableProps<T>(),
    shortName: value((o) => o.shortName ?? o.name),
    displayShortName: value((o) => o.shortName ?? o.name),
    description: value((o) => o.description),
    displayDescription: value((o) => o.description),
})

const indexBy = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
    new Map(items.map((i) => [i.id, i]))

const multiMap = <K, V>(): { map: Map<K, V[]>; add: (k: K, v: V) => void } => {
    const map = new Map<K, V[]>()
    return {
        map,
        add: (k, v) => {
            const list = map.get(k)
            if (list) list.push(v)
            else map.set(k, [v])
        },
    }
}

const lookup = <T>(map: Map<string, T>, ids: readonly string[]): T[] =>
    ids.map((id) => map.get(id)).filter((x): x is T => x !== undefined)

/** A data set element: the link between a data set and one of its data elements */
export interface DataSetElementObject {
    dataSet: object
    dataElement: object
}

/** A data element operand, `de.coc` */
export interface OperandObject {
    id: string
    dataElement: { id: string; name: string; shortName: string }
    categoryOptionCombo: { id: string; name: string; isDefault: boolean }
}

export interface MetadataIndex {
    registry: SchemaRegistry
    operands: OperandObject[]
}

/** Builds the schema registry for a database (indexes computed once). */
export const buildSchemas = (db: DemoDb): MetadataIndex => {
    const dataElementById = indexBy(db.dataElements)
    const dataSetById = indexBy(db.dataSets)
    const categoryById = indexBy(db.categories)
    const categoryOptionById = indexBy(db.categoryOptions)
    const categoryComboById = indexBy(db.categoryCombos)
    const cocById = indexBy(db.categoryOptionCombos)
    const indicatorTypeById = indexBy(db.indicatorTypes)
    const groups = db.organisationUnitGroups ?? []
    const groupSets = db.organisationUnitGroupSets ?? []
    const groupById = indexBy(groups)
    const groupSetById = indexBy(groupSets)
    const indicatorById = indexBy(db.indicators)

    const dataSetsByOrgUnit = multiMap<string, (typeof db.dataSets)[number]>()
    const dataSetsByElement = multiMap<string, (typeof db.dataSets)[number]>()
    const dataSetElements = new Map<string, DataSetElementObject[]>()
    const dataSetElementsByElement = multiMap<string, DataSetElementObject>()
    for (const ds of db.dataSets) {
        for (const ou of ds.orgUnitIds) dataSetsByOrgUnit.add(ou, ds)
        const elements: DataSetElementObject[] = []
        for (const deId of ds.dataElementIds) {
            const de = dataElementById.get(deId)
            if (!de) continue
            dataSetsByElement.add(deId, ds)
            const link = { dataSet: ds, dataElement: de }
            elements.push(link)
            dataSetElementsByElement.add(deId, link)
        }
        dataSetElements.set(ds.id, elements)
    }
    const groupsByOrgUnit = multiMap<string, (typeof groups)[number]>()
    for (const g of groups) for (const ou of g.orgUnitIds) groupsByOrgUnit.add(ou, g)
    const setsByGroup = multiMap<string, (typeof groupSets)[number]>()
    for (const s of groupSets) for (const g of s.organisationUnitGroupIds) setsByGroup.add(g, s)
    const combosByCategory = multiMap<string, (typeof db.categoryCombos)[number]>()
    for (const cc of db.categoryCombos) for (const c of cc.categoryIds) combosByCategory.add(c, cc)
    const categoriesByOption = multiMap<string, (typeof db.categories)[number]>()
    for (const c of db.categories) for (const o of c.categoryOptionIds) categoriesByOption.add(o, c)
    const cocsByOption = multiMap<string, (typeof db.categoryOptionCombos)[number]>()
    for (const coc of db.categoryOptionCombos) {
        for (const o of coc.categoryOptionIds) cocsByOption.add(o, coc)
    }
    const defaultComboIds = new Set(db.categoryCombos.filter((c) => c.isDefault).map((c) => c.id))
    const defaultCombo = db.categoryCombos.find((c) => c.isDefault)

    const operands: OperandObject[] = []
    for (const de of db.dataElements) {
        const combo = categoryComboById.get(de.categoryComboId)
        for (const coc of lookup(cocById, combo?.categoryOptionComboIds ?? [])) {
            operands.push({
                id: `${de.id}.${coc.id}`,
                dataElement: de,
                categoryOptionCombo: {
                    id: coc.id,
                    name: coc.name,
                    isDefault: defaultComboIds.has(coc.categoryComboId),
                },
            })
        }
    }
    const operandById = indexBy(operands)

    type OU = (typeof db.orgUnits)[number]
    type DE = (typeof db.dataElements)[number]
    type DS = (typeof db.dataSets)[number]
    type IND = (typeof db.indicators)[number]
    type IT = (typeof db.indicatorTypes)[number]
    type CAT = (typeof db.categories)[number]
    type CO = (typeof db.categoryOptions)[number]
    type CC = (typeof db.categoryCombos)[number]
    type COC = (typeof db.categoryOptionCombos)[number]
    type LVL = (typeof db.orgUnitLevels)[number]
    type GRP = (typeof groups)[number]
    type GS = (typeof groupSets)[number]

    const orgUnitSchema = defineSchema<OU>({
        klass: 'OrganisationUnit',
        plural: 'organisationUnits',
        identifiable: true,
        byId: (id) => db.orgUnitById.get(id),
        all: () => db.orgUnits,
        props: {
            ...nameableProps<OU>(),
            path: value((o) => o.path),
            level: value((o) => o.level),
            hierarchyLevel: value((o) => o.level),
            openingDate: value((o) => o.openingDate),
            leaf: value((o) => o.childIds.length === 0),
            // Values written through the metadata import (`routes/metadata-import.ts`)
            attributeValues: value(
                (o) => (attributeValueStore(db).get(o.id) ?? []) as unknown as Scalar[]
            ),
            featureType: value((o) => (o.childIds.length === 0 && o.level > 1 ? 'POINT' : 'NONE')),
            // GeoJSON object, rendered as is (DHIS2 2.32+: `geometry` instead of `coordinates`)
            geometry: value((o) =>
                o.childIds.length === 0 && o.level > 1
                    ? (facilityGeometry(o.path) as unknown as Scalar)
                    : undefined
            ),
            parent: ref('OrganisationUnit', (o) =>
                o.parentId ? db.orgUnitById.get(o.parentId) : null
            ),
            children: refs('OrganisationUnit', (o) => lookup(db.orgUnitById, o.childIds)),
            ancestors: refs('OrganisationUnit', (o) =>
                lookup(db.orgUnitById, o.path.split('/').filter(Boolean).slice(0, -1))
            ),
            organisationUnitGroups: refs(
                'OrganisationUnitGroup',
                (o) => groupsByOrgUnit.map.get(o.id) ?? EMPTY
            ),
            dataSets: refs('DataSet', (o) => dataSetsByOrgUnit.map.get(o.id) ?? EMPTY),
        },
    })

    const dataElementSchema = defineSchema<DE>({
        klass: 'DataElement',
        plural: 'dataElements',
        identifiable: true,
        byId: (id) => dataElementById.get(id),
        all: () => db.dataElements,
        props: {
            ...nameableProps<DE>(),
            formName: value((o) => o.formName),
            displayFormName: value((o) => o.formName ?? o.name),
            valueType: value((o) => o.valueType),
            aggregationType: value((o) => o.aggregationType),
            domainType: value((o) => o.domainType),
            zeroIsSignificant: value((o) => o.zeroIsSignificant),
            optionSetValue: value(() => false),
            aggregationLevels: value(() => []),
            categoryCombo: ref('CategoryCombo', (o) => categoryComboById.get(o.categoryComboId)),
            dataSetElements: {
                kind: 'embedded',
                type: 'DataSetElement',
                get: (o) => dataSetElementsByElement.map.get(o.id) ?? EMPTY,
            },
            dataSets: refs('DataSet', (o) => dataSetsByElement.map.get(o.id) ?? EMPTY),
            dataElementGroups: refs('DataElementGroup', () => EMPTY),
            legendSets: refs('LegendSet', () => EMPTY),
        },
    })

    const dataSetElementSchema = defineSchema<DataSetElementObject>({
        klass: 'DataSetElement',
        plural: 'dataSetElements',
        identifiable: false,
        all: () => [...dataSetElements.values()].flat(),
        props: {
            dataSet: ref('DataSet', (o) => o.dataSet),
            dataElement: ref('DataElement', (o) => o.dataElement),
        },
    })

    const dataSetSchema = defineSchema<DS>({
        klass: 'DataSet',
        plural: 'dataSets',
        identifiable: true,
        byId: (id) => dataSetById.get(id),
        all: () => db.dataSets,
        props: {
            ...nameableProps<DS>(),
            periodType: value((o) => o.periodType),
            timelyDays: value((o) => o.timelyDays),
            expiryDays: value(() => 0),
            openFuturePeriods: value(() => 0),
            formType: value(() => 'DEFAULT'),
            categoryCombo: ref('CategoryCombo', () => defaultCombo),
            dataSetElements: {
                kind: 'embedded',
                type: 'DataSetElement',
                get: (o) => dataSetElements.get(o.id) ?? EMPTY,
            },
            organisationUnits: refs('OrganisationUnit', (o) =>
                lookup(db.orgUnitById, o.orgUnitIds)
            ),
            indicators: refs('Indicator', () => EMPTY),
        },
    })

    const indicatorSchema = defineSchema<IND>({
        klass: 'Indicator',
        plural: 'indicators',
        identifiable: true,
        byId: (id) => indicatorById.get(id),
        all: () => db.indicators,
        props: {
            ...nameableProps<IND>(),
            numerator: value((o) => o.numerator),
            numeratorDescription: value((o) => o.numeratorDescription),
            displayNumeratorDescription: value((o) => o.numeratorDescription),
            denominator: value((o) => o.denominator),
            denominatorDescription: value((o) => o.denominatorDescription),
            displayDenominatorDescription: value((o) => o.denominatorDescription),
            annualized: value(() => false),
            indicatorType: ref('IndicatorType', (o) => indicatorTypeById.get(o.indicatorTypeId)),
            indicatorGroups: refs('IndicatorGroup', () => EMPTY),
            legendSets: refs('LegendSet', () => EMPTY),
        },
    })

    const indicatorTypeSchema = defineSchema<IT>({
        klass: 'IndicatorType',
        plural: 'indicatorTypes',
        identifiable: true,
        byId: (id) => indicatorTypeById.get(id),
        all: () => db.indicatorTypes,
        props: {
            ...identifiableProps<IT>(),
            factor: value((o) => o.factor),
            number: value((o) => o.factor === 1),
        },
    })

    const categoryOptionSchema = defineSchema<CO>({
        klass: 'CategoryOption',
        plural: 'categoryOptions',
        identifiable: true,
        byId: (id) => categoryOptionById.get(id),
        all: () => db.categoryOptions,
        props: {
            ...nameableProps<CO>(),
            isDefault: value((o) => o.name === 'default' && o.code === 'default'),
            categories: refs('Category', (o) => categoriesByOption.map.get(o.id) ?? EMPTY),
            categoryOptionCombos: refs(
                'CategoryOptionCombo',
                (o) => cocsByOption.map.get(o.id) ?? EMPTY
            ),
        },
    })

    const categorySchema = defineSchema<CAT>({
        klass: 'Category',
        plural: 'categories',
        identifiable: true,
        byId: (id) => categoryById.get(id),
        all: () => db.categories,
        props: {
            ...nameableProps<CAT>(),
            dataDimensionType: value(() => 'DISAGGREGATION'),
            dataDimension: value((o) => !(o.code === 'default' && o.name === 'default')),
            categoryOptions: refs('CategoryOption', (o) =>
                lookup(categoryOptionById, o.categoryOptionIds)
            ),
            categoryCombos: refs('CategoryCombo', (o) => combosByCategory.map.get(o.id) ?? EMPTY),
        },
    })

    const categoryComboSchema = defineSchema<CC>({
        klass: 'CategoryCombo',
        plural: 'categoryCombos',
        identifiable: true,
        byId: (id) => categoryComboById.get(id),
        all: () => db.categoryCombos,
        props: {
            ...identifiableProps<CC>(),
            isDefault: value((o) => o.isDefault),
            dataDimensionType: value(() => 'DISAGGREGATION'),
            skipTotal: value(() => false),
            categories: refs('Category', (o) => lookup(categoryById, o.categoryIds)),
            categoryOptionCombos: refs('CategoryOptionCombo', (o) =>
                lookup(cocById, o.categoryOptionComboIds)
            ),
        },
    })

    const cocSchema = defineSchema<COC>({
        klass: 'CategoryOptionCombo',
        plural: 'categoryOptionCombos',
        identifiable: true,
        byId: (id) => cocById.get(id),
        all: () => db.categoryOptionCombos,
        props: {
            ...identifiableProps<COC>(),
            ignoreApproval: value(() => false),
            categoryCombo: ref('CategoryCombo', (o) => categoryComboById.get(o.categoryComboId)),
            categoryOptions: refs('CategoryOption', (o) =>
                lookup(categoryOptionById, o.categoryOptionIds)
            ),
        },
    })

    const levelSchema = defineSchema<LVL>({
        klass: 'OrganisationUnitLevel',
        plural: 'organisationUnitLevels',
        identifiable: true,
        byId: (id) => db.orgUnitLevels.find((l) => l.id === id),
        all: () => db.orgUnitLevels,
        props: {
            ...identifiableProps<LVL>(),
            level: value((o) => o.level),
            offlineLevels: value(() => null),
        },
    })

    const groupSchema = defineSchema<GRP>({
        klass: 'OrganisationUnitGroup',
        plural: 'organisationUnitGroups',
        identifiable: true,
        byId: (id) => groupById.get(id),
        all: () => groups,
        props: {
            ...nameableProps<GRP>(),
            organisationUnits: refs('OrganisationUnit', (o) =>
                lookup(db.orgUnitById, o.orgUnitIds)
            ),
            groupSets: refs('OrganisationUnitGroupSet', (o) => setsByGroup.map.get(o.id) ?? EMPTY),
        },
    })

    const groupSetSchema = defineSchema<GS>({
        klass: 'OrganisationUnitGroupSet',
        plural: 'organisationUnitGroupSets',
        identifiable: true,
        byId: (id) => groupSetById.get(id),
        all: () => groupSets,
        props: {
            ...nameableProps<GS>(),
            compulsory: value(() => true),
            dataDimension: value(() => true),
            includeSubhierarchyInAnalytics: value(() => false),
            organisationUnitGroups: refs('OrganisationUnitGroup', (o) =>
                lookup(groupById, o.organisationUnitGroupIds)
            ),
        },
    })

    const operandSchema = defineSchema<OperandObject>({
        klass: 'DataElementOperand',
        plural: 'dataElementOperands',
        identifiable: true,
        byId: (id) => operandById.get(id),
        all: () => operands,
        props: {
            id: value((o) => o.id),
            // DHIS2: the data element's name, followed by the option combo's unless it is default
            name: value((o) => operandName(o, 'name')),
            displayName: value((o) => operandName(o, 'name')),
            shortName: value((o) => operandName(o, 'shortName')),
            displayShortName: value((o) => operandName(o, 'shortName')),
            dimensionItemType: value(() => 'DATA_ELEMENT_OPERAND'),
            dataElement: ref('DataElement', (o) => o.dataElement),
            categoryOptionCombo: ref('CategoryOptionCombo', (o) =>
                cocById.get(o.categoryOptionCombo.id)
            ),
        },
    })

    const empty = (klass: string, plural: string): Schema =>
        defineSchema<Named>({
            klass,
            plural,
            identifiable: true,
            byId: () => undefined,
            all: () => [],
            props: nameableProps<Named>(),
        })

    const attributeSchema = defineSchema<DemoAttribute>({
        klass: 'Attribute',
        plural: 'attributes',
        identifiable: true,
        byId: (id) => DEMO_ATTRIBUTES.find((a) => a.id === id),
        all: () => DEMO_ATTRIBUTES,
        props: {
            ...nameableProps<DemoAttribute>(),
            valueType: value((o) => o.valueType),
            unique: value((o) => o.unique),
            mandatory: value(() => false),
            organisationUnitAttribute: value((o) => o.organisationUnitAttribute),
            dataElementAttribute: value(() => false),
        },
    })

    const registry: SchemaRegistry = {}
    for (const s of [
        attributeSchema,
        orgUnitSchema,
        dataElementSchema,
        dataSetElementSchema,
        dataSetSchema,
        indicatorSchema,
        indicatorTypeSchema,
        categoryOptionSchema,
        categorySchema,
        categoryComboSchema,
        cocSchema,
        levelSchema,
        groupSchema,
        groupSetSchema,
        operandSchema,
        empty('ProgramIndicator', 'programIndicators'),
        empty('DataElementGroup', 'dataElementGroups'),
        empty('IndicatorGroup', 'indicatorGroups'),
        empty('LegendSet', 'legendSets'),
    ]) {
        registry[s.klass] = s
    }
    return { registry, operands }
}

const operandName = (o: OperandObject, property: 'name' | 'shortName'): string => {
    const base = o.dataElement[property]
    return o.categoryOptionCombo.isDefault ? base : `${base} ${o.categoryOptionCombo.name}`
}
