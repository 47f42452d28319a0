/**
 * The demo country's LMIS facility list (as eLMIS/OpenLMIS, CommCare Supply export it), with the
 * discrepancies real lists have against DHIS2 (see `docs`: "mapping the LMIS facility list to
 * DHIS2's org units by hand"), and the ground truth of which DHIS2 facility each row is:
 *
 * - codes: most rows carry the DHIS2 code, many the LMIS's own code, some none, a few another
 *   facility's code (a typing error);
 * - names: abbreviations ("CS", "HC", "Disp."), upper case without accents or apostrophes,
 *   spelling variants, the type in Swahili ("Zahanati ya …"), renamed facilities;
 * - places: region/district written the LMIS's way ("THIES", "Kibaoni DC"), some in the wrong
 *   district; coordinates near DHIS2's, some with latitude and longitude swapped, some missing;
 * - life cycle: closed facilities (still in DHIS2), new ones (not in DHIS2 yet), merged ones (the
 *   old facility's row kept next to the new one), and DHIS2 facilities the LMIS does not serve.
 *
 * Deterministic for a country (seed): tests and `npm run eval:matching` use the same list.
 */
import { facilityPoint } from './facility-geometry'
import type { DemoDb, OrgUnit } from './model'
import { Rng, hashString } from './random'

export interface LmisFacilityRow {
    code: string
    name: string
    region: string
    district: string
    type: string
    latitude: string
    longitude: string
    active: boolean
}

export type LmisVariant =
    | 'same'
    | 'abbreviated'
    | 'caseAndPunctuation'
    | 'spelling'
    | 'localType'
    | 'renamed'
    | 'merged'
    | 'new'

export interface LmisTruthRow {
    /** Row number in the list (1 = first data row) */
    row: number
    code: string
    /** The DHIS2 facility the row is, or null (new, merged away) */
    dhisId: string | null
    variant: LmisVariant
    /** The row's district is not the DHIS2 facility's */
    wrongDistrict: boolean
    closed: boolean
    /** What the row's code is */
    codeKind: 'dhis2' | 'lmis' | 'missing' | 'otherFacility'
    swappedCoordinates: boolean
}

export interface LmisFacilityList {
    rows: LmisFacilityRow[]
    truth: LmisTruthRow[]
    /** DHIS2 facilities the list does not contain */
    notInLmis: string[]
}

export const LMIS_CSV_HEADER = [
    'Facility Code',
    'Facility Name',
    'Region',
    'District',
    'Facility Type',
    'Latitude',
    'Longitude',
    'Active',
] as const

const ABBREVIATIONS: Array<[RegExp, string]> = [
    [/Hôpital de District/, 'HD'],
    [/Hôpital Régional/, 'HR'],
    [/Centre de Santé/, 'CS'],
    [/Poste de Santé/, 'PS'],
    [/Case de Santé/, 'Case'],
    [/Regional Referral Hospital/, 'RRH'],
    [/District Hospital/, 'DH'],
    [/Health Centre/, 'HC'],
    [/Dispensary/, 'Disp.'],
    [/Health Post/, 'HP'],
]

const SW_TYPES: Array<[RegExp, string]> = [
    [/ Dispensary$/, 'Zahanati ya '],
    [/ Health Centre$/, 'Kituo cha Afya '],
    [/ District Hospital$/, 'Hospitali ya Wilaya ya '],
]

const FR_TYPE_OF: Array<[RegExp, string]> = [
    [/^Hôpital/, 'Hôpital'],
    [/^Centre de Santé/, 'CSPS'],
    [/^Poste de Santé/, 'Poste de santé'],
    [/^Case de Santé/, 'Case de santé'],
    [/Hospital$/, 'Hospital'],
    [/Health Centre$/, 'Health Center'],
    [/Dispensary$/, 'Dispensary'],
    [/Health Post$/, 'Health Post'],
]

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** The LMIS's way of writing an admin area: the place only, sometimes upper case or with "DC". */
const areaPlace = (name: string): string =>
    name
        .replace(/^District Sanitaire (de |d')/, '')
        .replace(/^Région (de |d')/, '')
        .replace(/ (District|Region)$/, '')

const lmisArea = (rng: Rng, name: string, kind: 'region' | 'district'): string => {
    const place = areaPlace(name)
    const r = rng.next()
    if (r < 0.15) return stripAccents(place).toUpperCase()
    if (r < 0.25 && kind === 'district')
        return /[éèàô]|^[A-Z][a-z]+ [A-Z]/.test(name) ? `DS ${place}` : `${place} DC`
    return place
}

/** One spelling slip in the longest word of a name: swap, double, drop or change a letter. */
const misspell = (rng: Rng, name: string): string => {
    const words = name.split(' ')
    let at = 0
    words.forEach((w, i) => {
        if (w.length > (words[at] as string).length) at = i
    })
    const word = words[at] as string
    if (word.length < 5) return name
    const i = rng.intBetween(1, word.length - 2)
    const r = rng.next()
    let changed: string
    if (r < 0.3) changed = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    else if (r < 0.55) changed = word.slice(0, i) + word[i] + word.slice(i)
    else if (r < 0.8) changed = word.slice(0, i) + word.slice(i + 1)
    else changed = word.slice(0, i) + (word[i] === 'e' ? 'i' : 'e') + word.slice(i + 1)
    words[at] = changed
    return words.join(' ')
}

const SYLLABLES = ['ka', 'mbe', 'lo', 'ngu', 'si', 'ta', 'we', 'ndo', 'ri', 'ko', 'mu', 'ye', 'sa']
const newPlace = (rng: Rng): string => {
    const s = Array.from({ length: rng.intBetween(3, 4) }, () => rng.pick(SYLLABLES)).join('')
    return s.charAt(0).toUpperCase() + s.slice(1)
}

const typeWord = (name: string): string =>
    FR_TYPE_OF.find(([re]) => re.test(name))?.[1] ?? 'Health Facility'

const round5 = (x: number): string => x.toFixed(5)

/** Generates the LMIS facility list of a generated country, with its ground truth. */
export const generateLmisFacilities = (db: DemoDb): LmisFacilityList => {
    const rng = new Rng(hashString(`lmis-facilities:${db.seed}`))
    const facilities = db.facilities
    const districtOf = (f: OrgUnit): OrgUnit => db.orgUnitById.get(f.parentId ?? '') as OrgUnit
    const regionOf = (d: OrgUnit): OrgUnit => db.orgUnitById.get(d.parentId ?? '') as OrgUnit
    const byRegion = new Map<string, OrgUnit[]>()
    const parentIds = new Set(facilities.map((f) => f.parentId))
    const allDistricts = db.orgUnits.filter((o) => parentIds.has(o.id))
    for (const d of allDistricts) {
        const list = byRegion.get(d.parentId ?? '') ?? []
        list.push(d)
        byRegion.set(d.parentId ?? '', list)
    }
    let lmisSerial = 10_000

    type Draft = { row: LmisFacilityRow; truth: Omit<LmisTruthRow, 'row'> }
    const drafts: Draft[] = []
    const notInLmis: string[] = []

    for (const f of facilities) {
        if (rng.chance(0.06)) {
            notInLmis.push(f.id)
            continue
        }
        const district = districtOf(f)
        const region = regionOf(district)

        // Code
        let codeKind: LmisTruthRow['codeKind']
        let code: string
        const c = rng.next()
        if (c < 0.64) {
            codeKind = 'dhis2'
            code = f.code
        } else if (c < 0.93) {
            codeKind = 'lmis'
            code = `LMIS-${lmisSerial++}`
        } else if (c < 0.995) {
            codeKind = 'missing'
            code = ''
        } else {
            codeKind = 'otherFacility'
            code = (rng.pick(facilities) as OrgUnit).code
        }

        // Name
        let variant: LmisVariant = 'same'
        let name = f.name
        const v = rng.next()
        if (v < 0.16) {
            const abbr = ABBREVIATIONS.find(([re]) => re.test(name))
            if (abbr) {
                name = name.replace(abbr[0], abbr[1])
                variant = 'abbreviated'
            }
        } else if (v < 0.28) {
            name = stripAccents(name).toUpperCase().replace(/'/g, ' ').replace(/-/g, ' ')
            variant = 'caseAndPunctuation'
        } else if (v < 0.38) {
            name = misspell(rng, name)
            variant = name === f.name ? 'same' : 'spelling'
        } else if (v < 0.42) {
            const sw = SW_TYPES.find(([re]) => re.test(name))
            if (sw) {
                name = sw[1] + name.replace(sw[0], '')
                variant = 'localType'
            }
        } else if (v < 0.44) {
            const place = newPlace(rng)
            const fr = / (de |d')/.test(name)
            const renamed = fr
                ? name.replace(/ (de |d').*$/, ` de ${place}`)
                : name.replace(/^.*? (?=Health|Dispensary|District|Regional|Hospital)/, `${place} `)
            name = renamed === f.name ? `${place} ${name}` : renamed
            variant = 'renamed'
        }

        // Place
        let listedDistrict = district
        const siblings = (byRegion.get(region.id) ?? []).filter((d) => d.id !== district.id)
        const wrongDistrict = siblings.length > 0 && rng.chance(0.02)
        if (wrongDistrict) listedDistrict = rng.pick(siblings)

        // Coordinates
        let latitude = ''
        let longitude = ''
        let swapped = false
        const g = rng.next()
        if (g < 0.78) {
            const [lon, lat] = facilityPoint(f.path)
            const jitter = () => (rng.next() - 0.5) * 0.004
            const pLon = lon + jitter()
            const pLat = lat + jitter()
            swapped = rng.chance(0.03)
            latitude = round5(swapped ? pLon : pLat)
            longitude = round5(swapped ? pLat : pLon)
        }
        const closed = rng.chance(0.02)

        drafts.push({
            row: {
                code,
                name,
                region: lmisArea(rng, region.name, 'region'),
                district: lmisArea(rng, listedDistrict.name, 'district'),
                type: typeWord(f.name),
                latitude,
                longitude,
                active: !closed,
            },
            truth: {
                code,
                dhisId: f.id,
                variant,
                wrongDistrict,
                closed,
                codeKind,
                swappedCoordinates: swapped,
            },
        })

        // Merged: the facility's former row (another type, the LMIS's code) is still listed
        if (rng.chance(0.01)) {
            const formerType = / Health Centre$/.test(f.name)
                ? f.name.replace(/ Health Centre$/, ' Dispensary')
                : /^Centre de Santé/.test(f.name)
                  ? f.name.replace(/^Centre de Santé/, 'Poste de Santé')
                  : null
            if (formerType) {
                const mergedCode = `LMIS-${lmisSerial++}`
                drafts.push({
                    row: {
                        code: mergedCode,
                        name: formerType,
                        region: lmisArea(rng, region.name, 'region'),
                        district: lmisArea(rng, district.name, 'district'),
                        type: typeWord(formerType),
                        latitude: '',
                        longitude: '',
                        active: true,
                    },
                    truth: {
                        code: mergedCode,
                        dhisId: null,
                        variant: 'merged',
                        wrongDistrict: false,
                        closed: false,
                        codeKind: 'lmis',
                        swappedCoordinates: false,
                    },
                })
            }
        }
    }

    // New facilities, not in DHIS2 yet
    const newCount = Math.max(1, Math.round(facilities.length * 0.02))
    for (let k = 0; k < newCount; k++) {
        const district = rng.pick(allDistricts)
        const region = regionOf(district)
        const fr = /^District Sanitaire/.test(district.name)
        const place = newPlace(rng)
        const name = fr ? `Poste de Santé de ${place}` : `${place} Dispensary`
        const code = `LMIS-${lmisSerial++}`
        drafts.push({
            row: {
                code,
                name,
                region: lmisArea(rng, region.name, 'region'),
                district: lmisArea(rng, district.name, 'district'),
                type: typeWord(name),
                latitude: '',
                longitude: '',
                active: true,
            },
            truth: {
                code,
                dhisId: null,
                variant: 'new',
                wrongDistrict: false,
                closed: false,
                codeKind: 'lmis',
                swappedCoordinates: false,
            },
        })
    }

    const shuffled = rng.shuffle(drafts)
    return {
        rows: shuffled.map((d) => d.row),
        truth: shuffled.map((d, i) => ({ row: i + 1, ...d.truth })),
        notInLmis,
    }
}

const csvCell = (value: string): string =>
    /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value

/** The list as the LMIS exports it: CSV with a header row, UTF-8, CRLF line ends. */
export const lmisFacilitiesCsv = (rows: readonly LmisFacilityRow[]): string =>
    [
        LMIS_CSV_HEADER.join(','),
        ...rows.map((r) =>
            [
                r.code,
                r.name,
                r.region,
                r.district,
                r.type,
                r.latitude,
                r.longitude,
                r.active ? 'TRUE' : 'FALSE',
            ]
                .map(csvCell)
                .join(',')
        ),
    ].join('\r\n') + '\r\n'
