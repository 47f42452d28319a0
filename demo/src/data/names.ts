/**
 * Place and facility names for the fictional demo country.
 *
 * Realistic rather than pretty: Swahili-like names in the regions that write their forms in
 * English ("Kibaoni Dispensary"), French and Wolof-like names in the francophone regions
 * ("Poste de Santé de Keur Momar", "Centre de Santé d'Oussouye"), accents, apostrophes, and a few
 * deliberately awkward names (`AWKWARD_FACILITY_NAMES`) so the app's escaping, sorting and search
 * are exercised for real.
 */
import type { FacilityType } from './catalogue'
import type { Rng } from './random'

export type Language = 'fr' | 'sw'

/** Names that must appear in every generated country (as region or district names). */
export const REQUIRED_PLACE_NAMES = ['Thiès', 'Ziguinchor', 'Kédougou'] as const

/** Facility names that must appear exactly once, with their language and type. */
export const AWKWARD_FACILITY_NAMES = {
    island: "Centre de Santé de l'Île",
    ndjamenaRoad: "N'Djamena Road Dispensary",
    injection: 'Kasulu <img src=x onerror=alert(1)> Health Post',
} as const

export const INJECTION_MARKUP = '<img src=x onerror=alert(1)>'

/** Region names in the order they are used; the first ones alternate languages. */
export const REGION_NAMES: { name: string; lang: Language }[] = [
    { name: 'Thiès', lang: 'fr' },
    { name: 'Kilimani', lang: 'sw' },
    { name: 'Ziguinchor', lang: 'fr' },
    { name: 'Mwambao', lang: 'sw' },
    { name: 'Kédougou', lang: 'fr' },
    { name: 'Nyanda za Juu', lang: 'sw' },
    { name: 'Sédhiou', lang: 'fr' },
    { name: 'Ziwani', lang: 'sw' },
    { name: 'Haut-Fleuve', lang: 'fr' },
    { name: 'Usambara', lang: 'sw' },
    { name: "Côte-d'Ébène", lang: 'fr' },
    { name: 'Pwani Kaskazini', lang: 'sw' },
    { name: 'Kaffrine', lang: 'fr' },
    { name: 'Ruvuma Magharibi', lang: 'sw' },
    { name: 'Matam', lang: 'fr' },
    { name: 'Ulanga', lang: 'sw' },
    { name: 'Bas-Saloum', lang: 'fr' },
    { name: 'Kisiwani', lang: 'sw' },
    { name: 'Ferlo', lang: 'fr' },
    { name: 'Ugogo', lang: 'sw' },
    { name: 'Niayes', lang: 'fr' },
    { name: 'Milimani', lang: 'sw' },
    { name: 'Boundou', lang: 'fr' },
    { name: 'Bonde la Ufa', lang: 'sw' },
    { name: 'Casamance-Orientale', lang: 'fr' },
    { name: 'Kigoma Kusini', lang: 'sw' },
    { name: 'Sine', lang: 'fr' },
    { name: 'Rufiji', lang: 'sw' },
    { name: 'Djolof', lang: 'fr' },
    { name: 'Mbeya Mashariki', lang: 'sw' },
]

const DISTRICT_NAMES: Record<Language, string[]> = {
    fr: [
        'Oussouye',
        'Bignona',
        'Mbour',
        'Tivaouane',
        'Saraya',
        'Salémata',
        'Goudomp',
        'Bounkiling',
        'Podor',
        'Kanel',
        'Ranérou',
        'Linguère',
        'Dahra',
        'Kébémer',
        'Mékhé',
        'Joal-Fadiouth',
        'Popenguine',
        'Nganda',
        'Birkelane',
        'Malem-Hodar',
        'Koungheul',
        'Gossas',
        'Foundiougne',
        'Sokone',
        'Niakhar',
        'Diofior',
        'Guinguinéo',
        'Thiadiaye',
        'Khombole',
        'Pout',
        'Mboro',
        'Darou Mousty',
        'Mbacké',
        'Bambey',
        'Diourbel',
        'Touba',
        'Koumpentoum',
        'Goudiry',
        'Bakel',
        'Dianké Makha',
        'Maka Coulibantang',
        'Vélingara',
        'Médina Yoro Foulah',
        'Pakour',
        'Kolda',
        'Diouloulou',
        'Thionck-Essyl',
        'Cap Skirring',
        "Keur M'Baye",
        'Ndoffane',
        'Nioro du Rip',
        'Kahone',
        'Guédiawaye',
        'Rufisque',
        'Sangalkam',
        'Bargny',
        'Diamniadio',
        'Sébikotane',
        'Yène',
        'Ndiaganiao',
        'Fissel',
        'Sandiara',
        'Séssène',
        'Loul Sessène',
        'Passy',
        'Karang',
        'Toubacouta',
        'Djilor',
        'Niodior',
        'Bassoul',
        'Dionewar',
        'Mbam',
        'Ndiédieng',
        'Latmingué',
        'Keur Socé',
        'Médina Sabakh',
        'Wack Ngouna',
        'Paoskoto',
        'Porokhane',
        "N'Gouye",
        'Lambaye',
        'Ngoye',
        'Baba Garage',
        'Gawane',
        'Ndindy',
        'Taïba Ndiaye',
        'Méouane',
        'Notto',
        'Cayar',
        'Fandène',
        'Ndiass',
        'Sindia',
        'Nguékhokh',
        'Saly',
        'Somone',
        'Ngaparou',
        'Dakhar',
        'Pire Goureye',
        'Thilmakha',
        'Ndande',
    ],
    sw: [
        'Kasulu',
        'Kibondo',
        'Kakonko',
        'Uvinza',
        'Buhigwe',
        'Kigoma Vijijini',
        'Mpanda',
        'Mlele',
        'Nsimbo',
        'Sumbawanga',
        'Nkasi',
        'Kalambo',
        'Mbozi',
        'Ileje',
        'Momba',
        'Songwe',
        'Chunya',
        'Rungwe',
        'Kyela',
        'Mbarali',
        'Makete',
        'Ludewa',
        "Wanging'ombe",
        'Njombe Mjini',
        'Mufindi',
        'Kilolo',
        'Iringa Vijijini',
        'Mafinga',
        'Kilombero',
        'Malinyi',
        'Ifakara',
        'Mvomero',
        'Gairo',
        'Kilosa',
        'Morogoro Vijijini',
        'Bagamoyo',
        'Chalinze',
        'Kibaha',
        'Kisarawe',
        'Mkuranga',
        'Kibiti',
        'Mafia',
        'Kilwa',
        'Liwale',
        'Nachingwea',
        'Ruangwa',
        'Lindi Mjini',
        'Mtama',
        'Newala',
        'Tandahimba',
        'Masasi',
        'Nanyumbu',
        'Mtwara Vijijini',
        'Namtumbo',
        'Tunduru',
        'Mbinga',
        'Nyasa',
        'Songea Vijijini',
        'Madaba',
        'Kondoa',
        'Chemba',
        'Bahi',
        'Chamwino',
        'Kongwa',
        'Mpwapwa',
        'Manyoni',
        'Ikungi',
        'Mkalama',
        'Iramba',
        'Singida Vijijini',
        'Igunga',
        'Nzega',
        'Uyui',
        'Sikonge',
        'Kaliua',
        'Urambo',
        'Bukombe',
        'Mbogwe',
        "Nyang'hwale",
        'Chato',
        'Geita Vijijini',
        'Ukerewe',
        'Ilemela',
        'Magu',
        'Kwimba',
        'Sengerema',
        'Misungwi',
        'Bunda',
        'Serengeti',
        'Tarime',
        'Rorya',
        'Butiama',
        'Muleba',
        'Karagwe',
        'Kyerwa',
        'Ngara',
        'Biharamulo',
        'Missenyi',
        'Handeni',
        'Kilindi',
        'Lushoto',
        'Korogwe',
        'Muheza',
        'Pangani',
        'Mkinga',
    ],
}

const SW_START = [
    'Ki',
    'Ma',
    'Mwa',
    'Nya',
    'Bu',
    'Ka',
    'Mbu',
    'Chi',
    'Ru',
    'Lu',
    'Ngo',
    'Mi',
    'I',
    'U',
    'Ku',
    'Msa',
    'Kwa',
    'Ba',
]
const SW_MIDDLE = [
    'la',
    'ku',
    'nga',
    'mbe',
    'ta',
    'si',
    'wa',
    'ro',
    'li',
    'he',
    'nzi',
    'ba',
    'ji',
    'to',
    'ndu',
    'ge',
    'sa',
    'ko',
]
const SW_END = ['ni', 'we', 'ra', 'mba', 'ge', 'ko', 'di', 'sa', 'ndo', 'ma', 'nde', 'ya', 'la']
const SW_QUALIFIER = ['Juu', 'Chini', 'Mjini', 'Mashariki', 'Magharibi', 'Kati', 'Mpya']

const FR_START = [
    'Ndi',
    'Tha',
    'Kou',
    'Dia',
    'Gué',
    'Mbo',
    'Ndo',
    'Ngo',
    'Thié',
    'Ka',
    'Da',
    'Fa',
    'Sé',
    'Ba',
    'Kël',
    'Sa',
    'Tou',
    'Ngué',
    "N'Di",
    "N'Go",
]
const FR_MIDDLE = ['ra', 'ou', 'né', 'ba', 'kho', 'lé', 'ma', 'ga', 'di', 'bè', 'yo', 'ssa', '']
const FR_END = [
    'ne',
    'ye',
    'ba',
    'ra',
    'mane',
    'kha',
    'gane',
    'dième',
    'roukh',
    'bène',
    'toul',
    'rène',
    'kounda',
    'yène',
]
const FR_PREFIXED = ['Keur', 'Sare', 'Médina', 'Darou', 'Thiaroye', 'Ndiaye', 'Sinthiou']
const WOLOF_PERSON = [
    'Momar',
    'Mbaye',
    'Samba',
    'Alassane',
    'Madické',
    'Yoba',
    'Birame',
    'Daouda',
    'Ousmane',
    'Coumba',
    'Fatou',
    'Modou',
    'Ibrahima',
    'Aïssatou',
    "N'Diaye",
]
const FR_SAINTS = ['Sainte-Anne', 'Saint-Joseph', 'Saint-Louis-Bas', 'Notre-Dame-des-Eaux']

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** A plausible village / ward name in the given language */
export const placeName = (rng: Rng, lang: Language): string => {
    if (lang === 'sw') {
        let name = rng.pick(SW_START) + rng.pick(SW_MIDDLE)
        if (rng.chance(0.6)) name += rng.pick(SW_END)
        name = capitalise(name)
        if (rng.chance(0.12)) name += ' ' + rng.pick(SW_QUALIFIER)
        return name
    }
    const r = rng.next()
    if (r < 0.22) return `${rng.pick(FR_PREFIXED)} ${rng.pick(WOLOF_PERSON)}`
    if (r < 0.25) return rng.pick(FR_SAINTS)
    for (;;) {
        const name = capitalise(rng.pick(FR_START) + rng.pick(FR_MIDDLE) + rng.pick(FR_END))
        // Avoid vowel clashes such as "Tououroukh" or "N'Gooukha"
        if (!/(ou|o|a|é)\1|oou|aou/i.test(name.slice(1))) return name
    }
}

/** French "de" with elision: "de Thiès", "d'Oussouye", "de l'Île" */
export const frOf = (place: string): string =>
    /^[AEIOUYÉÈÊÎÏÔaeiouyéèêîïô]/.test(place) && !/^Y[aeiouéèêô]/.test(place)
        ? `d'${place}`
        : `de ${place}`

const FR_TYPE: Record<FacilityType, string> = {
    Hospital: 'Hôpital',
    'Health Centre': 'Centre de Santé',
    Dispensary: 'Poste de Santé',
    'Health Post': 'Case de Santé',
}

const SW_TYPE: Record<FacilityType, string> = {
    Hospital: 'Hospital',
    'Health Centre': 'Health Centre',
    Dispensary: 'Dispensary',
    'Health Post': 'Health Post',
}

const SHORT_TYPE: Record<Language, Record<FacilityType, string>> = {
    fr: { Hospital: 'Hôp.', 'Health Centre': 'CS', Dispensary: 'PS', 'Health Post': 'Case' },
    sw: { Hospital: 'Hosp.', 'Health Centre': 'HC', Dispensary: 'Disp.', 'Health Post': 'HP' },
}

export interface FacilityNaming {
    name: string
    shortName: string
}

/** Name and short name (≤ 50 characters, as DHIS2 requires) of a facility */
export const facilityName = (
    type: FacilityType,
    place: string,
    lang: Language,
    qualifier?: 'district' | 'regional'
): FacilityNaming => {
    let name: string
    let shortName: string
    if (lang === 'fr') {
        if (type === 'Hospital' && qualifier === 'regional') {
            name = `Hôpital Régional ${frOf(place)}`
            shortName = `HR ${frOf(place)}`
        } else if (type === 'Hospital' && qualifier === 'district') {
            name = `Hôpital de District ${frOf(place)}`
            shortName = `HD ${frOf(place)}`
        } else {
            name = `${FR_TYPE[type]} ${frOf(place)}`
            shortName = `${SHORT_TYPE.fr[type]} ${frOf(place)}`
        }
    } else {
        if (type === 'Hospital' && qualifier === 'regional') {
            name = `${place} Regional Referral Hospital`
            shortName = `${place} RRH`
        } else if (type === 'Hospital' && qualifier === 'district') {
            name = `${place} District Hospital`
            shortName = `${place} DH`
        } else {
            name = `${place} ${SW_TYPE[type]}`
            shortName = `${place} ${SHORT_TYPE.sw[type]}`
        }
    }
    return { name, shortName: truncateShortName(shortName) }
}

export const truncateShortName = (s: string): string => (s.length <= 50 ? s : s.slice(0, 50).trim())

/** District names for a language, in a seeded order, after the required names not yet used */
export const districtNamePool = (rng: Rng, lang: Language, requiredFirst: string[]): string[] => {
    const base = rng.shuffle(DISTRICT_NAMES[lang])
    return [...requiredFirst, ...base.filter((n) => !requiredFirst.includes(n))]
}

/** Short name of an admin unit: DHIS2 requires ≤ 50 characters */
export const adminShortName = (name: string): string => truncateShortName(name)
