/**
 * A synthetic DemoDb of any size with random values, for benchmarks and stress tests of the
 * analytics engine (independent of the country generator): one country, regions and districts sized
 * as the generator sizes them (about 33 facilities per district, 7 districts per region, at most 180
 * districts and 26 regions), monthly data for 36 months (plus quarterly series), 40 monthly data
 * elements of mixed aggregation types (half disaggregated by sex), 10 indicators and two data sets.
 */
import type {
    AggregationType,
    CategoryCombo,
    CategoryOptionCombo,
    DataElement,
    DataSet,
    DemoDb,
    Indicator,
    OrgUnit,
    PeriodType,
    Registrations,
    StoredPeriod,
    ValueSeries,
} from '../../data/model'

export interface SyntheticOptions {
    facilities: number
    seed?: number
    /** Last month of data, `YYYYMM` (default 202412) */
    endMonth?: string
    months?: number
    dataElements?: number
}

/** Mulberry32: small deterministic PRNG. */
const prng = (seed: number): (() => number) => {
    let a = seed >>> 0
    return () => {
        a = (a + 0x6d2b79f5) | 0
        let t = Math.imul(a ^ (a >>> 15), 1 | a)
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Deterministic 11-character UID from a prefix letter and a number. */
const uid = (prefix: string, n: number): string => {
    let s = ''
    let x = n
    for (let i = 0; i < 10; i++) {
        s = (ALPHANUM[x % ALPHANUM.length] as string) + s
        x = Math.floor(x / ALPHANUM.length)
    }
    return prefix.charAt(0).toUpperCase() + s
}

const pad2 = (n: number): string => String(n).padStart(2, '0')
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

const monthPeriod = (mi: number): StoredPeriod => {
    const y = Math.floor(mi / 12)
    const m = (mi % 12) + 1
    return {
        id: `${y}${pad2(m)}`,
        periodType: 'Monthly',
        startDate: `${y}-${pad2(m)}-01`,
        endDate: `${y}-${pad2(m)}-${pad2(lastDay(y, m))}`,
    }
}

const quarterPeriod = (qi: number): StoredPeriod => {
    const y = Math.floor(qi / 4)
    const q = (qi % 4) + 1
    return {
        id: `${y}Q${q}`,
        periodType: 'Quarterly',
        startDate: `${y}-${pad2(q * 3 - 2)}-01`,
        endDate: `${y}-${pad2(q * 3)}-${pad2(lastDay(y, q * 3))}`,
    }
}

const AGGREGATION_TYPES: AggregationType[] = [
    'SUM',
    'SUM',
    'SUM',
    'AVERAGE_SUM_ORG_UNIT',
    'LAST',
    'AVERAGE',
    'LAST_AVERAGE_ORG_UNIT',
]

export const buildSyntheticDb = (options: SyntheticOptions): DemoDb => {
    const random = prng(options.seed ?? 42)
    const facilityCount = options.facilities
    const monthCount = options.months ?? 36
    const deCount = options.dataElements ?? 40
    const end = options.endMonth ?? '202412'
    const endIndex = Number(end.slice(0, 4)) * 12 + Number(end.slice(4)) - 1
    const firstMonth = endIndex - monthCount + 1

    // Hierarchy
    const orgUnits: OrgUnit[] = []
    let counter = 0
    const add = (name: string, level: number, parent: OrgUnit | null): OrgUnit => {
        const id = uid('O', ++counter)
        const ou: OrgUnit = {
            id,
            code: `OU_${counter}`,
            name,
            shortName: name.slice(0, 20),
            level,
            parentId: parent?.id ?? null,
            path: `${parent?.path ?? ''}/${id}`,
            openingDate: `${1990 + (counter % 30)}-01-01T00:00:00.000`,
            childIds: [],
            index: orgUnits.length,
        }
        parent?.childIds.push(id)
        orgUnits.push(ou)
        return ou
    }
    const root = add('Synthland', 1, null)
    const districtTarget = Math.max(6, Math.min(180, Math.round(facilityCount / 33)))
    const regionCount = Math.max(3, Math.min(26, Math.round(districtTarget / 7)))
    const regions = Array.from({ length: regionCount }, (_, i) => add(`Region ${i + 1}`, 2, root))
    const districtCount = Math.max(districtTarget, regionCount * 2)
    const districts = Array.from({ length: districtCount }, (_, i) =>
        add(`District ${i + 1}`, 3, regions[i % regions.length] as OrgUnit)
    )
    const facilities: OrgUnit[] = []
    for (let i = 0; i < facilityCount; i++) {
        facilities.push(add(`Facility ${i + 1}`, 4, districts[i % districts.length] as OrgUnit))
    }

    // Periods
    const monthly = Array.from({ length: monthCount }, (_, i) => monthPeriod(firstMonth + i))
    const firstQuarter = Math.floor(firstMonth / 3)
    const quarterly = Array.from({ length: Math.floor(endIndex / 3) - firstQuarter + 1 }, (_, i) =>
        quarterPeriod(firstQuarter + i)
    )
    const firstYear = Math.floor(firstMonth / 12)
    const yearly: StoredPeriod[] = Array.from(
        { length: Math.floor(endIndex / 12) - firstYear + 1 },
        (_, i) => {
            const y = firstYear + i
            return {
                id: String(y),
                periodType: 'Yearly',
                startDate: `${y}-01-01`,
                endDate: `${y}-12-31`,
            }
        }
    )
    const periodsByType: Record<PeriodType, StoredPeriod[]> = {
        Monthly: monthly,
        Quarterly: quarterly,
        Yearly: yearly,
    }

    // Categories
    const cocDefault: CategoryOptionCombo = {
        id: 'HllvX50cXC0',
        code: 'default',
        name: 'default',
        categoryComboId: 'bjDvmb4bfuf',
        categoryOptionIds: ['xYerKDKCefk'],
    }
    const cocMale: CategoryOptionCombo = {
        id: uid('C', 1),
        code: 'MALE',
        name: 'Male',
        categoryComboId: uid('B', 1),
        categoryOptionIds: [uid('P', 1)],
    }
    const cocFemale: CategoryOptionCombo = {
        id: uid('C', 2),
        code: 'FEMALE',
        name: 'Female',
        categoryComboId: uid('B', 1),
        categoryOptionIds: [uid('P', 2)],
    }
    const combos: CategoryCombo[] = [
        {
            id: 'bjDvmb4bfuf',
            code: 'default',
            name: 'default',
            isDefault: true,
            categoryIds: ['GLevLNI9wkl'],
            categoryOptionComboIds: [cocDefault.id],
        },
        {
            id: uid('B', 1),
            code: 'SEX',
            name: 'Sex',
            isDefault: false,
            categoryIds: [uid('K', 1)],
            categoryOptionComboIds: [cocMale.id, cocFemale.id],
        },
    ]

    // Data elements and values
    const dataElements: DataElement[] = []
    const series = new Map<string, ValueSeries>()
    const F = facilities.length
    const addSeries = (
        de: DataElement,
        coc: string,
        periodType: PeriodType,
        scale: number
    ): void => {
        const P = periodsByType[periodType].length
        const values = new Float64Array(F * P)
        for (let i = 0; i < values.length; i++) {
            values[i] = random() < 0.1 ? NaN : Math.round(random() * scale)
        }
        series.set(`${de.id}.${coc}`, {
            dataElementId: de.id,
            categoryOptionComboId: coc,
            periodType,
            values,
        })
    }
    for (let i = 0; i < deCount + 4; i++) {
        const quarterlyDe = i >= deCount
        const disaggregated = i % 2 === 0
        const de: DataElement = {
            id: uid('D', i + 1),
            code: `DE_${i + 1}`,
            name: `Data element ${i + 1}`,
            shortName: `DE ${i + 1}`,
            valueType: 'INTEGER_ZERO_OR_POSITIVE',
            aggregationType: AGGREGATION_TYPES[i % AGGREGATION_TYPES.length] as AggregationType,
            domainType: 'AGGREGATE',
            categoryComboId: disaggregated
                ? (combos[1] as CategoryCombo).id
                : (combos[0] as CategoryCombo).id,
            zeroIsSignificant: i % 3 === 0,
        }
        dataElements.push(de)
        const periodType: PeriodType = quarterlyDe ? 'Quarterly' : 'Monthly'
        for (const coc of disaggregated ? [cocMale.id, cocFemale.id] : [cocDefault.id]) {
            addSeries(de, coc, periodType, 200)
        }
    }

    const indicators: Indicator[] = Array.from({ length: 10 }, (_, i) => {
        const a = dataElements[(2 * i) % deCount] as DataElement
        const b = dataElements[(2 * i + 1) % deCount] as DataElement
        return {
            id: uid('I', i + 1),
            code: `IN_${i + 1}`,
            name: `Indicator ${i + 1}`,
            shortName: `IN ${i + 1}`,
            numerator: `#{${a.id}}`,
            numeratorDescription: a.name,
            denominator: `#{${b.id}} + 1`,
            denominatorDescription: b.name,
            indicatorTypeId: uid('T', 1),
        }
    })

    const dataSets: DataSet[] = [
        {
            id: uid('S', 1),
            code: 'DS_MONTHLY',
            name: 'Monthly report',
            shortName: 'Monthly',
            periodType: 'Monthly',
            dataElementIds: dataElements.slice(0, deCount).map((d) => d.id),
            orgUnitIds: facilities.filter((_, i) => i % 10 !== 0).map((f) => f.id),
            timelyDays: 15,
        },
        {
            id: uid('S', 2),
            code: 'DS_QUARTERLY',
            name: 'Quarterly report',
            shortName: 'Quarterly',
            periodType: 'Quarterly',
            dataElementIds: dataElements.slice(deCount).map((d) => d.id),
            orgUnitIds: facilities.map((f) => f.id),
            timelyDays: 30,
        },
    ]
    const registrations = new Map<string, Registrations>()
    for (const ds of dataSets) {
        const P = periodsByType[ds.periodType].length
        const regs = new Uint8Array(F * P)
        for (let i = 0; i < regs.length; i++) {
            const r = random()
            regs[i] = r < 0.15 ? 0 : r < 0.3 ? 2 : 1
        }
        registrations.set(ds.id, {
            dataSetId: ds.id,
            periodType: ds.periodType,
            registrations: regs,
        })
    }

    return {
        seed: options.seed ?? 42,
        orgUnits,
        orgUnitById: new Map(orgUnits.map((o) => [o.id, o])),
        orgUnitLevels: [
            { id: uid('L', 1), name: 'National', level: 1 },
            { id: uid('L', 2), name: 'Region', level: 2 },
            { id: uid('L', 3), name: 'District', level: 3 },
            { id: uid('L', 4), name: 'Facility', level: 4 },
        ],
        facilities,
        facilitySlot: new Map(facilities.map((f, i) => [f.id, i])),
        categoryOptions: [
            { id: 'xYerKDKCefk', code: 'default', name: 'default' },
            { id: uid('P', 1), code: 'MALE', name: 'Male' },
            { id: uid('P', 2), code: 'FEMALE', name: 'Female' },
        ],
        categories: [
            {
                id: 'GLevLNI9wkl',
                code: 'default',
                name: 'default',
                categoryOptionIds: ['xYerKDKCefk'],
            },
            {
                id: uid('K', 1),
                code: 'SEX',
                name: 'Sex',
                categoryOptionIds: [uid('P', 1), uid('P', 2)],
            },
        ],
        categoryCombos: combos,
        categoryOptionCombos: [cocDefault, cocMale, cocFemale],
        dataElements,
        indicatorTypes: [{ id: uid('T', 1), name: 'Percent', factor: 100 }],
        indicators,
        dataSets,
        periodsByType,
        series,
        registrations,
    }
}
