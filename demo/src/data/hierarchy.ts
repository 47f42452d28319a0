/**
 * The org unit hierarchy of the demo country: national → regions → districts → facilities, with
 * names, codes, types, catchment populations and org unit levels.
 */
import type { FacilityType } from './catalogue'
import type { OrgUnit, OrgUnitLevel } from './model'
import {
    AWKWARD_FACILITY_NAMES,
    REGION_NAMES,
    REQUIRED_PLACE_NAMES,
    adminShortName,
    districtNamePool,
    facilityName,
    frOf,
    placeName,
    type Language,
} from './names'
import type { Rng } from './random'
import { UidRegistry, uidFor } from './uid'

export const LEVEL_NAMES = ['National', 'Region', 'District', 'Facility'] as const
export const FACILITY_LEVEL = 4

export const COUNTRY_NAME = 'Republic of Kisiwa-Sahel'

export interface FacilityInfo {
    type: FacilityType
    /** Catchment population */
    population: number
    lang: Language
    regionIndex: number
    districtIndex: number
}

export interface Hierarchy {
    orgUnits: OrgUnit[]
    levels: OrgUnitLevel[]
    root: OrgUnit
    regions: OrgUnit[]
    districts: OrgUnit[]
    facilities: OrgUnit[]
    /** Per facility slot */
    facilityInfo: FacilityInfo[]
    regionLang: Language[]
    /** District index → region index */
    districtRegion: number[]
    /** District index → facility slots */
    districtFacilities: number[][]
}

/** Number of districts and regions for a facility count (≥ 3 regions, ≥ 2 districts each). */
export const hierarchySize = (facilities: number): { regions: number; districts: number } => {
    const districts = Math.max(6, Math.min(180, Math.round(facilities / 33)))
    const regions = Math.max(3, Math.min(26, Math.round(districts / 7)))
    return { regions, districts: Math.max(districts, regions * 2) }
}

/** Split `total` into `parts` integers, each ≥ `min`, proportional to random weights */
const splitCounts = (rng: Rng, total: number, parts: number, min: number, sigma: number) => {
    const counts = new Array<number>(parts).fill(min)
    const weights = Array.from({ length: parts }, () => rng.logNormal(0, sigma))
    let remaining = total - parts * min
    const weightSum = weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < parts && remaining > 0; i++) {
        const extra = Math.min(
            remaining,
            Math.floor(((total - parts * min) * (weights[i] as number)) / weightSum)
        )
        counts[i] = (counts[i] as number) + extra
        remaining -= extra
    }
    while (remaining > 0) {
        const i = rng.int(parts)
        counts[i] = (counts[i] as number) + 1
        remaining--
    }
    return counts
}

const POPULATION_MEDIAN: Record<FacilityType, number> = {
    Hospital: 90_000,
    'Health Centre': 24_000,
    Dispensary: 7_000,
    'Health Post': 3_000,
}

const OTHER_TYPES: FacilityType[] = ['Health Centre', 'Dispensary', 'Health Post']

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

const openingDate = (rng: Rng, fromYear: number, toYear: number): string =>
    `${rng.intBetween(fromYear, toYear)}-${pad(rng.intBetween(1, 12), 2)}-01T00:00:00.000`

export const buildHierarchy = (rng: Rng, facilityCount: number, seed: number): Hierarchy => {
    const { regions: regionCount, districts: districtCount } = hierarchySize(facilityCount)
    const uids = new UidRegistry()
    const ouUid = (code: string): string => uids.allocate(`ou:${seed}:${code}`)

    const levels: OrgUnitLevel[] = LEVEL_NAMES.map((name, i) => ({
        id: uidFor(`oul:${i + 1}`),
        name,
        level: i + 1,
    }))

    const orgUnits: OrgUnit[] = []
    const add = (ou: Omit<OrgUnit, 'index' | 'childIds'>): OrgUnit => {
        const full: OrgUnit = { ...ou, childIds: [], index: orgUnits.length }
        orgUnits.push(full)
        return full
    }

    const root = add({
        id: ouUid('NAT'),
        code: 'KS',
        name: COUNTRY_NAME,
        shortName: 'Kisiwa-Sahel',
        level: 1,
        parentId: null,
        path: '',
        openingDate: '1961-12-09T00:00:00.000',
    })
    root.path = `/${root.id}`

    // Regions
    const regionDefs = REGION_NAMES.slice(0, regionCount)
    const regionLang = regionDefs.map((r) => r.lang)
    const regions = regionDefs.map((def, i) => {
        const id = ouUid(`RG${pad(i + 1, 2)}`)
        const ou = add({
            id,
            code: `KS-RG${pad(i + 1, 2)}`,
            name: def.lang === 'fr' ? `Région ${frOf(def.name)}` : `${def.name} Region`,
            shortName: adminShortName(def.name),
            level: 2,
            parentId: root.id,
            path: `${root.path}/${id}`,
            openingDate: '1961-12-09T00:00:00.000',
        })
        root.childIds.push(id)
        return ou
    })

    // Districts: ≥ 2 per region
    const districtsPerRegion = splitCounts(rng, districtCount, regionCount, 2, 0.3)
    const usedNames = new Set(regionDefs.map((r) => r.name))
    const missingRequired = REQUIRED_PLACE_NAMES.filter((n) => !usedNames.has(n))
    const pools: Record<Language, string[]> = {
        fr: districtNamePool(rng, 'fr', missingRequired),
        sw: districtNamePool(rng, 'sw', []),
    }
    const poolPos: Record<Language, number> = { fr: 0, sw: 0 }
    const qualifiers: Record<Language, string[]> = {
        fr: ['Nord', 'Sud', 'Est', 'Ouest', 'Centre'],
        sw: ['Kaskazini', 'Kusini', 'Mashariki', 'Magharibi', 'Kati'],
    }
    const nextDistrictName = (lang: Language): string => {
        const pool = pools[lang]
        for (;;) {
            const pos = poolPos[lang]++
            const base = pool[pos % pool.length] as string
            const round = Math.floor(pos / pool.length)
            const name =
                round === 0
                    ? base
                    : `${base} ${qualifiers[lang][(round - 1) % qualifiers[lang].length]}`
            if (!usedNames.has(name)) {
                usedNames.add(name)
                return name
            }
        }
    }
    const districts: OrgUnit[] = []
    const districtRegion: number[] = []
    const districtNames: string[] = []
    districtsPerRegion.forEach((n, r) => {
        const region = regions[r] as OrgUnit
        for (let k = 0; k < n; k++) {
            const d = districts.length
            const name = nextDistrictName(regionLang[r] as Language)
            const id = ouUid(`DS${pad(d + 1, 3)}`)
            const lang = regionLang[r] as Language
            const ou = add({
                id,
                code: `KS-DS${pad(d + 1, 3)}`,
                name: lang === 'fr' ? `District Sanitaire de ${name}` : `${name} District`,
                shortName: adminShortName(lang === 'fr' ? `DS ${name}` : `${name} DC`),
                level: 3,
                parentId: region.id,
                path: `${region.path}/${id}`,
                openingDate: '1975-01-01T00:00:00.000',
            })
            region.childIds.push(id)
            districts.push(ou)
            districtRegion.push(r)
            districtNames.push(name)
        }
    })

    // Facilities: ≥ 3 per district
    const facilitiesPerDistrict = splitCounts(rng, facilityCount, districtCount, 3, 0.35)
    const facilityInfo: FacilityInfo[] = []
    const districtFacilities: number[][] = districts.map(() => [])
    const facilityNames = new Set<string>()
    interface Draft {
        district: number
        type: FacilityType
        place: string
        qualifier?: 'district' | 'regional'
    }
    const drafts: Draft[] = []
    const firstDistrictOfRegion = new Set<number>()
    districtRegion.forEach((r, d) => {
        if (!districtRegion.slice(0, d).includes(r)) firstDistrictOfRegion.add(d)
    })
    facilitiesPerDistrict.forEach((n, d) => {
        const r = districtRegion[d] as number
        const types: { type: FacilityType; place?: string; qualifier?: 'district' | 'regional' }[] =
            []
        if (firstDistrictOfRegion.has(d) && n >= 5) {
            const regionName = (regionDefs[r] as { name: string }).name
            types.push({ type: 'Hospital', place: regionName, qualifier: 'regional' })
        }
        if (n >= 8) {
            types.push({ type: 'Hospital', place: districtNames[d], qualifier: 'district' })
        }
        while (types.length < n) {
            const i = rng.weightedIndex([0.18, 0.52, 0.3])
            types.push({ type: OTHER_TYPES[i] as FacilityType })
        }
        for (const t of types) {
            drafts.push({ district: d, type: t.type, place: t.place ?? '', qualifier: t.qualifier })
        }
    })

    // The awkward names replace three ordinary facilities of the right language and type
    const frIdx = drafts.findIndex(
        (x) => regionLang[districtRegion[x.district] as number] === 'fr' && !x.qualifier
    )
    const swCandidates = drafts
        .map((x, i) => ({ x, i }))
        .filter(
            ({ x }) => regionLang[districtRegion[x.district] as number] === 'sw' && !x.qualifier
        )
    const awkward = new Map<number, { name: string; shortName: string; type: FacilityType }>()
    if (frIdx >= 0) {
        awkward.set(frIdx, {
            name: AWKWARD_FACILITY_NAMES.island,
            shortName: "CS de l'Île",
            type: 'Health Centre',
        })
    }
    const sw1 = swCandidates[0]
    const sw2 = swCandidates[swCandidates.length - 1]
    if (sw1) {
        awkward.set(sw1.i, {
            name: AWKWARD_FACILITY_NAMES.ndjamenaRoad,
            shortName: "N'Djamena Road Disp.",
            type: 'Dispensary',
        })
    }
    if (sw2 && sw2 !== sw1) {
        awkward.set(sw2.i, {
            name: AWKWARD_FACILITY_NAMES.injection,
            shortName: 'Kasulu <img src=x onerror=alert(1)> HP',
            type: 'Health Post',
        })
    }
    for (const a of awkward.values()) facilityNames.add(a.name)

    const facilities: OrgUnit[] = []
    drafts.forEach((draft, slot) => {
        const d = draft.district
        const r = districtRegion[d] as number
        const lang = regionLang[r] as Language
        const district = districts[d] as OrgUnit
        const special = awkward.get(slot)
        const type = special?.type ?? draft.type
        let naming: { name: string; shortName: string }
        if (special) {
            naming = special
        } else if (draft.qualifier) {
            naming = facilityName(type, draft.place, lang, draft.qualifier)
        } else {
            naming = facilityName(type, placeName(rng, lang), lang)
            for (let tries = 0; facilityNames.has(naming.name) && tries < 30; tries++) {
                naming = facilityName(type, placeName(rng, lang), lang)
            }
            if (facilityNames.has(naming.name)) {
                naming = {
                    name: `${naming.name} II`,
                    shortName: adminShortName(`${naming.shortName} II`),
                }
            }
        }
        facilityNames.add(naming.name)
        const id = ouUid(`HF${pad(slot + 1, 5)}`)
        const ou = add({
            id,
            code: `HF${pad(100_000 + slot * 7 + 3, 6)}`,
            name: naming.name,
            shortName: naming.shortName,
            level: FACILITY_LEVEL,
            parentId: district.id,
            path: `${district.path}/${id}`,
            openingDate: openingDate(rng, 1965, 2021),
        })
        district.childIds.push(id)
        facilities.push(ou)
        const districtSlots = districtFacilities[d] as number[]
        districtSlots.push(slot)
        const population = Math.round(
            POPULATION_MEDIAN[type] * rng.logNormal(0, type === 'Hospital' ? 0.25 : 0.45)
        )
        facilityInfo.push({ type, population, lang, regionIndex: r, districtIndex: d })
    })

    return {
        orgUnits,
        levels,
        root,
        regions,
        districts,
        facilities,
        facilityInfo,
        regionLang,
        districtRegion,
        districtFacilities,
    }
}
