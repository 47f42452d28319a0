/**
 * A small hand-made DemoDb with known values for the analytics tests: 4 levels (country → 2 regions
 * → 3 districts → 6 facilities), monthly/quarterly/yearly periods of 2023–2024, data elements of
 * every aggregation type, two category combos, indicators and two data sets with registrations.
 * Values follow simple formulas (`valueAt`) so that tests can compute expected results themselves.
 */
import type {
    AggregationType,
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
import type { DemoUser } from '../../http/types'

/** Identifiers of the fixture's objects (all valid DHIS2 UIDs). */
export const FX = {
    root: 'RootUnit001',
    regionA: 'RegionAlpha',
    regionB: 'RegionBravo',
    districtA1: 'DistrictA01',
    districtA2: 'DistrictA02',
    districtB1: 'DistrictB01',
    f1: 'FacilityA11',
    f2: 'FacilityA12',
    f3: 'FacilityA21',
    f4: 'FacilityB11',
    f5: 'FacilityB12',
    f6: 'FacilityB13',
    levelCountry: 'LevelCntry1',
    levelRegion: 'LevelRegio2',
    levelDistrict: 'LevelDistr3',
    levelFacility: 'LevelFacil4',
    cocDefault: 'HllvX50cXC0',
    cocMale: 'CocMale0001',
    cocFemale: 'CocFemale01',
    ccDefault: 'bjDvmb4bfuf',
    ccSex: 'CcSex000001',
    catDefault: 'GLevLNI9wkl',
    catSex: 'CatSex00001',
    optDefault: 'xYerKDKCefk',
    optMale: 'OptMale0001',
    optFemale: 'OptFemale01',
    deSum: 'DeSum000001',
    deSumZero: 'DeSumZero01',
    deAverage: 'DeAverage01',
    deAvgSum: 'DeAvgSum001',
    deLast: 'DeLast00001',
    deLastAvg: 'DeLastAvg01',
    deQuarterSum: 'DeQSum00001',
    deQuarterAvgSum: 'DeQAvgSum01',
    deCount: 'DeCount0001',
    deNone: 'DeNone00001',
    deLastInPeriod: 'DeLastInPe1',
    deQuarterLast: 'DeQLast0001',
    indRate: 'IndRate0001',
    indOperands: 'IndOperand1',
    indMixed: 'IndMixed001',
    indNoData: 'IndNoData01',
    itPercent: 'ItPercent01',
    itPerThousand: 'ItPerThous1',
    itNumber: 'ItNumber001',
    dsMonthly: 'DsMonthly01',
    dsQuarterly: 'DsQuarter01',
    groupClinics: 'GroupClinic',
    groupOthers: 'GroupOther1',
    groupSetType: 'GroupSetTyp',
    groupUrban: 'GroupUrban1',
} as const

const unit = (
    id: string,
    name: string,
    level: number,
    parent: OrgUnit | null,
    openingDate = '1990-01-01T00:00:00.000'
): OrgUnit => ({
    id,
    code: `OU_${id}`,
    name,
    shortName: `${name.split(' ')[0]} SN`,
    level,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? ''}/${id}`,
    openingDate,
    childIds: [],
    index: 0,
})

const pad2 = (n: number): string => String(n).padStart(2, '0')
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

const months = (): StoredPeriod[] => {
    const list: StoredPeriod[] = []
    for (const y of [2023, 2024]) {
        for (let m = 1; m <= 12; m++) {
            list.push({
                id: `${y}${pad2(m)}`,
                periodType: 'Monthly',
                startDate: `${y}-${pad2(m)}-01`,
                endDate: `${y}-${pad2(m)}-${pad2(lastDay(y, m))}`,
            })
        }
    }
    return list
}

const quarters = (): StoredPeriod[] => {
    const list: StoredPeriod[] = []
    for (const y of [2023, 2024]) {
        for (let q = 1; q <= 4; q++) {
            const end = q * 3
            list.push({
                id: `${y}Q${q}`,
                periodType: 'Quarterly',
                startDate: `${y}-${pad2(end - 2)}-01`,
                endDate: `${y}-${pad2(end)}-${pad2(lastDay(y, end))}`,
            })
        }
    }
    return list
}

const years = (): StoredPeriod[] =>
    [2023, 2024].map((y) => ({
        id: String(y),
        periodType: 'Yearly',
        startDate: `${y}-01-01`,
        endDate: `${y}-12-31`,
    }))

/**
 * The stored value of a data element / option combo at a facility slot and period index, NaN when
 * none is stored. Every third series position is missing in a pattern; some values are zero.
 */
export const valueAt = (deIndex: number, cocIndex: number, slot: number, p: number): number => {
    if ((slot + p + deIndex) % 5 === 3) return NaN
    if ((slot * 3 + p + cocIndex) % 7 === 2) return 0
    return (slot + 1) * 10 + p + deIndex * 3 + cocIndex * 100 + ((p * 7 + slot) % 4) * 0.25
}

/** Registration code (0 none, 1 on time, 2 late) of a data set at a facility slot and period index. */
export const registrationAt = (dsIndex: number, slot: number, p: number): number => {
    const r = (slot * 5 + p * 3 + dsIndex) % 6
    return r === 0 ? 0 : r === 1 ? 2 : 1
}

export interface FixtureDataElement {
    id: string
    aggregationType: AggregationType
    periodType: PeriodType
    categoryComboId: string
    zeroIsSignificant: boolean
}

export const FIXTURE_DATA_ELEMENTS: FixtureDataElement[] = [
    {
        id: FX.deSum,
        aggregationType: 'SUM',
        periodType: 'Monthly',
        categoryComboId: FX.ccSex,
        zeroIsSignificant: false,
    },
    {
        id: FX.deSumZero,
        aggregationType: 'SUM',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: true,
    },
    {
        id: FX.deAverage,
        aggregationType: 'AVERAGE',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: false,
    },
    {
        id: FX.deAvgSum,
        aggregationType: 'AVERAGE_SUM_ORG_UNIT',
        periodType: 'Monthly',
        categoryComboId: FX.ccSex,
        zeroIsSignificant: false,
    },
    {
        id: FX.deLast,
        aggregationType: 'LAST',
        periodType: 'Monthly',
        categoryComboId: FX.ccSex,
        zeroIsSignificant: false,
    },
    {
        id: FX.deLastAvg,
        aggregationType: 'LAST_AVERAGE_ORG_UNIT',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: true,
    },
    {
        id: FX.deQuarterSum,
        aggregationType: 'SUM',
        periodType: 'Quarterly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: false,
    },
    {
        id: FX.deQuarterAvgSum,
        aggregationType: 'AVERAGE_SUM_ORG_UNIT',
        periodType: 'Quarterly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: false,
    },
    {
        id: FX.deCount,
        aggregationType: 'COUNT',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: false,
    },
    {
        id: FX.deNone,
        aggregationType: 'NONE',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: false,
    },
    {
        id: FX.deLastInPeriod,
        aggregationType: 'LAST_IN_PERIOD',
        periodType: 'Monthly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: true,
    },
    {
        id: FX.deQuarterLast,
        aggregationType: 'LAST',
        periodType: 'Quarterly',
        categoryComboId: FX.ccDefault,
        zeroIsSignificant: true,
    },
]

export const buildFixtureDb = (): DemoDb => {
    const root = unit(FX.root, 'Testland', 1, null)
    const regionA = unit(FX.regionA, 'Alpha Region', 2, root)
    const regionB = unit(FX.regionB, 'beta Region', 2, root)
    const districtA1 = unit(FX.districtA1, 'Alpha One District', 3, regionA)
    const districtA2 = unit(FX.districtA2, 'Alpha Two District', 3, regionA)
    const districtB1 = unit(FX.districtB1, 'Bravo One District', 3, regionB)
    const facilities = [
        unit(FX.f1, 'Zulu Clinic', 4, districtA1),
        unit(FX.f2, 'alpha Health Post', 4, districtA1),
        unit(FX.f3, 'Mike Hospital', 4, districtA2),
        unit(FX.f4, 'Bravo Clinic', 4, districtB1),
        unit(FX.f5, 'Charlie Post', 4, districtB1, '2024-02-15T00:00:00.000'),
        unit(FX.f6, 'Delta Clinic', 4, districtB1),
    ]
    const orgUnits = [root, regionA, regionB, districtA1, districtA2, districtB1, ...facilities]
    orgUnits.forEach((ou, i) => {
        ou.index = i
        const parent = orgUnits.find((p) => p.id === ou.parentId)
        parent?.childIds.push(ou.id)
    })

    const cocs: CategoryOptionCombo[] = [
        {
            id: FX.cocDefault,
            code: 'default',
            name: 'default',
            categoryComboId: FX.ccDefault,
            categoryOptionIds: [FX.optDefault],
        },
        {
            id: FX.cocMale,
            code: 'COC_MALE',
            name: 'Male',
            categoryComboId: FX.ccSex,
            categoryOptionIds: [FX.optMale],
        },
        {
            id: FX.cocFemale,
            code: 'COC_FEMALE',
            name: 'Female',
            categoryComboId: FX.ccSex,
            categoryOptionIds: [FX.optFemale],
        },
    ]
    const periodsByType: Record<PeriodType, StoredPeriod[]> = {
        Monthly: months(),
        Quarterly: quarters(),
        Yearly: years(),
    }

    const dataElements: DataElement[] = FIXTURE_DATA_ELEMENTS.map((d, i) => ({
        id: d.id,
        code: `DE_${i}`,
        name: `Data element ${d.aggregationType} ${d.periodType} ${i}`,
        shortName: `DE ${i}`,
        valueType: 'NUMBER',
        aggregationType: d.aggregationType,
        domainType: 'AGGREGATE',
        categoryComboId: d.categoryComboId,
        zeroIsSignificant: d.zeroIsSignificant,
        ...(i === 0 ? { description: 'Sum of things' } : {}),
    }))

    const series = new Map<string, ValueSeries>()
    FIXTURE_DATA_ELEMENTS.forEach((d, deIndex) => {
        const comboCocs =
            d.categoryComboId === FX.ccSex ? [FX.cocMale, FX.cocFemale] : [FX.cocDefault]
        const P = periodsByType[d.periodType].length
        comboCocs.forEach((coc, cocIndex) => {
            const values = new Float64Array(facilities.length * P)
            for (let s = 0; s < facilities.length; s++) {
                for (let p = 0; p < P; p++) values[s * P + p] = valueAt(deIndex, cocIndex, s, p)
            }
            series.set(`${d.id}.${coc}`, {
                dataElementId: d.id,
                categoryOptionComboId: coc,
                periodType: d.periodType,
                values,
            })
        })
    })

    const indicators: Indicator[] = [
        {
            id: FX.indRate,
            code: 'IN_RATE',
            name: 'Rate indicator',
            shortName: 'Rate',
            numerator: `#{${FX.deSum}}`,
            numeratorDescription: 'Sum',
            denominator: `#{${FX.deSumZero}}`,
            denominatorDescription: 'Sum with zeros',
            indicatorTypeId: FX.itPercent,
        },
        {
            id: FX.indOperands,
            code: 'IN_OPERANDS',
            name: 'Operand indicator',
            shortName: 'Operands',
            numerator: `#{${FX.deSum}.${FX.cocMale}} + 2 * #{${FX.deSum}.${FX.cocFemale}}`,
            numeratorDescription: 'Male plus twice female',
            denominator: '1',
            denominatorDescription: 'One',
            indicatorTypeId: FX.itNumber,
        },
        {
            id: FX.indMixed,
            code: 'IN_MIXED',
            name: 'Mixed indicator',
            shortName: 'Mixed',
            numerator: `(#{${FX.deAverage}} - #{${FX.deLast}.${FX.cocMale}}) / 2 + [days]`,
            numeratorDescription: 'Mixed',
            denominator: `#{${FX.deLastAvg}} + 0.5`,
            denominatorDescription: 'Last average',
            indicatorTypeId: FX.itPerThousand,
        },
        {
            id: FX.indNoData,
            code: 'IN_NODATA',
            name: 'Indicator without data',
            shortName: 'No data',
            numerator: `#{${FX.deQuarterSum}}`,
            numeratorDescription: 'Quarterly',
            denominator: '1',
            denominatorDescription: 'One',
            indicatorTypeId: FX.itNumber,
        },
    ]

    const dataSets: DataSet[] = [
        {
            id: FX.dsMonthly,
            code: 'DS_MONTHLY',
            name: 'Monthly report',
            shortName: 'Monthly',
            periodType: 'Monthly',
            dataElementIds: [
                FX.deSum,
                FX.deSumZero,
                FX.deAverage,
                FX.deAvgSum,
                FX.deLast,
                FX.deLastAvg,
                FX.deCount,
            ],
            orgUnitIds: [FX.f1, FX.f2, FX.f3, FX.f4, FX.f5],
            timelyDays: 15,
        },
        {
            id: FX.dsQuarterly,
            code: 'DS_QUARTERLY',
            name: 'Quarterly report',
            shortName: 'Quarterly',
            periodType: 'Quarterly',
            dataElementIds: [FX.deQuarterSum, FX.deQuarterAvgSum],
            orgUnitIds: [FX.f1, FX.f2, FX.f4, FX.f5],
            timelyDays: 30,
        },
    ]
    const registrations = new Map<string, Registrations>()
    dataSets.forEach((ds, dsIndex) => {
        const P = periodsByType[ds.periodType].length
        const regs = new Uint8Array(facilities.length * P)
        for (let s = 0; s < facilities.length; s++) {
            for (let p = 0; p < P; p++) regs[s * P + p] = registrationAt(dsIndex, s, p)
        }
        registrations.set(ds.id, {
            dataSetId: ds.id,
            periodType: ds.periodType,
            registrations: regs,
        })
    })

    return {
        seed: 1,
        orgUnits,
        orgUnitById: new Map(orgUnits.map((o) => [o.id, o])),
        orgUnitLevels: [
            { id: FX.levelCountry, name: 'Country', level: 1 },
            { id: FX.levelRegion, name: 'Region', level: 2 },
            { id: FX.levelDistrict, name: 'District', level: 3 },
            { id: FX.levelFacility, name: 'Facility', level: 4 },
        ],
        facilities,
        facilitySlot: new Map(facilities.map((f, i) => [f.id, i])),
        categoryOptions: [
            { id: FX.optDefault, code: 'default', name: 'default' },
            { id: FX.optMale, code: 'MALE', name: 'Male' },
            { id: FX.optFemale, code: 'FEMALE', name: 'Female' },
        ],
        categories: [
            {
                id: FX.catDefault,
                code: 'default',
                name: 'default',
                categoryOptionIds: [FX.optDefault],
            },
            {
                id: FX.catSex,
                code: 'SEX',
                name: 'Sex',
                categoryOptionIds: [FX.optMale, FX.optFemale],
            },
        ],
        categoryCombos: [
            {
                id: FX.ccDefault,
                code: 'default',
                name: 'default',
                isDefault: true,
                categoryIds: [FX.catDefault],
                categoryOptionComboIds: [FX.cocDefault],
            },
            {
                id: FX.ccSex,
                code: 'SEX',
                name: 'Sex',
                isDefault: false,
                categoryIds: [FX.catSex],
                categoryOptionComboIds: [FX.cocMale, FX.cocFemale],
            },
        ],
        categoryOptionCombos: cocs,
        dataElements,
        indicatorTypes: [
            { id: FX.itPercent, name: 'Percent', factor: 100 },
            { id: FX.itPerThousand, name: 'Per thousand', factor: 1000 },
            { id: FX.itNumber, name: 'Number', factor: 1 },
        ],
        indicators,
        dataSets,
        periodsByType,
        series,
        registrations,
        organisationUnitGroups: [
            {
                id: FX.groupClinics,
                code: 'CLINICS',
                name: 'Clinics',
                shortName: 'Clinics SN',
                orgUnitIds: [FX.f1, FX.f4, FX.f6],
            },
            {
                id: FX.groupOthers,
                code: 'OTHERS',
                name: 'Other facilities',
                shortName: 'Others',
                orgUnitIds: [FX.f2, FX.f3, FX.f5],
            },
            {
                // In no group set
                id: FX.groupUrban,
                code: 'URBAN',
                name: 'Urban facilities',
                shortName: 'Urban',
                orgUnitIds: [FX.f1, FX.f3],
            },
        ],
        organisationUnitGroupSets: [
            {
                id: FX.groupSetType,
                code: 'TYPE',
                name: 'Facility type',
                organisationUnitGroupIds: [FX.groupClinics, FX.groupOthers],
            },
        ],
    }
}

const user = (
    id: string,
    username: string,
    orgUnits: string[],
    dataView: string[],
    authorities: string[]
): DemoUser => ({
    id,
    username,
    firstName: username,
    surname: 'Test',
    displayName: `${username} Test`,
    authorities,
    userRoles: [],
    userGroups: [],
    organisationUnits: orgUnits,
    dataViewOrganisationUnits: dataView,
    settings: {},
})

/** A superuser whose data view is the whole country. */
export const ADMIN = user('UserAdmin01', 'admin', [FX.root], [FX.root], ['ALL'])
/** A superuser limited to district A1 (data view) with data capture on region A. */
export const DISTRICT_USER = user('UserDistr01', 'district', [FX.regionA], [FX.districtA1], ['ALL'])
/** A user without any data view org units (DHIS2 then applies no org unit restriction). */
export const UNRESTRICTED = user('UserNoView1', 'noview', [FX.regionB], [], [])
