/**
 * What the starter mapping looks for: the 13 UN life-saving commodities, the HMIS services each is
 * compared with, the LMIS roles (consumption, stock on hand...), with the words and abbreviations
 * used for them in English and French DHIS2 instances, and default tips and ratios from clinical
 * practice (see /work/shared/notes/domain.md: ratios only where a pair has a consistent dose per
 * case — not misoprostol, injectable antibiotics, resuscitation devices or amoxicillin).
 *
 * Aliases are matched on normalised, stemmed tokens (`normalize.ts`). A weight below 1 marks a
 * weaker clue: an abbreviation typical of codes (`OXY`, `CONS`), a word shared with other things.
 */
import i18n from '@dhis2/d2-i18n'
import type { LmisMeasure } from '../../../domain/config'
import { stem } from './normalize'

export interface Alias {
    phrase: string
    weight: number
    /** Only in codes (`LMIS_EC_CONS`): too short or ambiguous in names */
    codeOnly?: boolean
}

const alias = (phrase: string, weight = 1, codeOnly = false): Alias => ({
    phrase,
    weight,
    ...(codeOnly ? { codeOnly } : {}),
})
const words = (weight: number, ...phrases: string[]): Alias[] =>
    phrases.map((phrase) => alias(phrase, weight))
const codes = (weight: number, ...phrases: string[]): Alias[] =>
    phrases.map((phrase) => alias(phrase, weight, true))

// LMIS roles ---------------------------------------------------------------------------------

export const ROLE_ALIASES: Record<LmisMeasure, Alias[]> = {
    consumption: [
        ...words(1, 'consumption', 'consumed', 'dispensed', 'quantity dispensed', 'quantity used'),
        ...words(1, 'consommation', 'consomme', 'quantite consommee', 'quantite utilisee'),
        ...words(1, 'quantite dispensee', 'quantite distribuee', 'sorties', 'matumizi'),
        ...words(0.85, 'issued', 'used', 'utilise', 'distribue'),
        ...codes(0.85, 'cons', 'consump', 'conso', 'disp'),
    ],
    stockOnHand: [
        ...words(1, 'stock on hand', 'soh', 'closing balance', 'ending balance', 'closing stock'),
        ...words(1, 'balance on hand', 'physical count', 'stock disponible', 'stock final'),
        ...words(1, 'stock disponible utilisable', 'sdu', 'stock de fin', 'stock physique'),
        ...words(1, 'solde', 'stock en fin de mois', 'akiba iliyopo', 'usable stock'),
        ...words(0.85, 'stock level', 'niveau de stock', 'stock actuel', 'current stock'),
    ],
    stockoutDays: [
        ...words(1, 'stockout days', 'stock out days', 'days out of stock', 'days stocked out'),
        ...words(1, 'stockout day', 'days of stockout', 'days of stock out', 'stockout duration'),
        ...words(1, 'jours de rupture', 'nombre de jours de rupture', 'jours rupture'),
        ...words(1, 'jours de rupture de stock', 'siku bila dawa'),
        ...words(0.85, 'rupture', 'stockout', 'stock out'),
        ...codes(0.85, 'sod', 'jr', 'sodays'),
    ],
    losses: [
        ...words(1, 'losses', 'loss', 'losses and adjustments', 'adjustments', 'wastage'),
        ...words(1, 'pertes', 'perte', 'ajustements', 'pertes et ajustements', 'ajustement'),
        ...words(0.85, 'expired', 'damaged', 'perimes', 'avaries', 'upotevu'),
        ...codes(0.85, 'adj', 'ajust'),
    ],
    received: [
        ...words(1, 'received', 'receipts', 'quantity received', 'receipt', 'recu', 'recus'),
        ...words(1, 'quantite recue', 'reception', 'receptions', 'entrees', 'imepokelewa'),
        ...codes(0.85, 'recv', 'rec', 'rcv', 'recd'),
    ],
}

/** Words that say a data element is LMIS (so not an HMIS service count) */
export const LMIS_MARKERS: Alias[] = [
    ...words(1, 'lmis', 'sigl', 'logistics', 'logistique', 'stock', 'eslmis', 'elmis'),
    ...words(1, 'r r', 'rr', 'requisition', 'reapprovisionnement'),
]

/** Words of a different quantity than the roles: average or opening stock, orders, targets */
export const LMIS_NEGATIVE: Alias[] = words(
    1,
    'amc',
    'cmm',
    'average',
    'moyenne',
    'months of stock',
    'mois de stock',
    'mos',
    'opening balance',
    'beginning balance',
    'stock initial',
    'stock de debut',
    'requested',
    'ordered',
    'order',
    'commande',
    'quantite commandee',
    'besoin',
    'needed',
    'forecast',
    'prevision',
    'maximum',
    'minimum',
    'max',
    'min',
    'expected',
    'attendu'
)

/** Words of HMIS data that are not the service count itself (deaths, referrals, rates) */
export const HMIS_NEGATIVE: Alias[] = words(
    1,
    'death',
    'deaths',
    'deces',
    'died',
    'dead',
    'mortality',
    'mortalite',
    'referred',
    'referral',
    'refere',
    'reference',
    'rate',
    'taux',
    'percent',
    'pourcentage',
    'proportion',
    'target',
    'cible',
    'population',
    'expected',
    'attendu',
    'removed',
    'removal',
    'retrait',
    'complication',
    'stillbirth',
    'mort ne'
)

/** Words that carry no meaning for matching (left out when measuring how much of a name matched) */
export const STOPWORDS = new Set(
    [
        'hmis',
        'lmis',
        'sigl',
        'snis',
        'dhis',
        'r',
        'rr',
        'q',
        'de',
        'du',
        'des',
        'd',
        'la',
        'le',
        'les',
        'l',
        'of',
        'the',
        'and',
        'et',
        'a',
        'au',
        'aux',
        'in',
        'en',
        'with',
        'avec',
        'for',
        'pour',
        'per',
        'par',
        'by',
        'case',
        'cases',
        'cas',
        'number',
        'nombre',
        'nb',
        'no',
        'num',
        'total',
        'client',
        'clients',
        'cliente',
        'clientes',
        'new',
        'nouveau',
        'nouveaux',
        'nouvelle',
        'nouvelles',
        'patient',
        'patients',
        'women',
        'woman',
        'femme',
        'femmes',
        'child',
        'children',
        'enfant',
        'enfants',
        'treated',
        'traite',
        'traites',
        'managed',
        'seen',
        'vu',
        'vus',
        'report',
        'rapport',
        'monthly',
        'mensuel',
        'quarterly',
        'trimestriel',
        'mg',
        'g',
        'ml',
        'iu',
        'ui',
        'mcg',
        'ug',
        'dt',
        'tab',
        'tablet',
        'tablets',
        'comprime',
        'comprimes',
        'ampoule',
        'ampoules',
        'amp',
        'vial',
        'vials',
        'flacon',
        'sachet',
        'sachets',
        'pack',
        'packs',
        'piece',
        'pieces',
        'unit',
        'units',
        'unite',
        'unites',
        'boite',
        'box',
        'inj',
        'injection',
        'gel',
        'solution',
        'fp',
        'pf',
    ].map(stem)
)

// HMIS services ------------------------------------------------------------------------------

export type ServiceKey =
    | 'deliveries'
    | 'pph'
    | 'preEclampsia'
    | 'neonatalSepsis'
    | 'pretermBirths'
    | 'liveBirths'
    | 'asphyxia'
    | 'pneumonia'
    | 'diarrhoea'
    | 'fpImplants'
    | 'fpFemaleCondoms'
    | 'fpEmergencyContraception'

export type QualifierKey = 'facility' | 'community' | 'under5'

export const QUALIFIER_ALIASES: Record<QualifierKey, Alias[]> = {
    facility: [
        ...words(1, 'facility', 'health facility', 'in facility', 'institutional', 'formation'),
        ...words(1, 'formation sanitaire', 'fosa', 'etablissement', 'au centre', 'kituoni'),
        ...words(0.85, 'hospital', 'health centre', 'health center', 'structure'),
    ],
    community: [
        ...words(1, 'community', 'home', 'at home', 'communautaire', 'domicile', 'a domicile'),
        ...words(1, 'communaute', 'nyumbani', 'jamii'),
    ],
    under5: [
        ...words(1, 'under 5', 'under five', 'u5', 'under5', 'moins de 5 ans', 'moins de cinq ans'),
        ...words(1, '0 59 months', '0 59 mois', '0 4 years', '0 4 ans', '0 5 ans', '0 5 years'),
        ...words(1, 'chini ya miaka 5', 'under 5 years', 'under 5y'),
    ],
}

/** Opposite qualifiers: a facility count is not a community count */
export const OPPOSITE_QUALIFIER: Partial<Record<QualifierKey, QualifierKey>> = {
    facility: 'community',
    community: 'facility',
}

const IMPLANT_ALIASES = [
    ...words(1, 'implant', 'implants', 'jadelle', 'implanon', 'sino implant', 'levoplant'),
    ...words(1, 'etonogestrel', 'vipandikizi', 'kipandikizi'),
    ...codes(0.7, 'impl'),
]
const FEMALE_CONDOM_ALIASES = [
    ...words(1, 'female condom', 'female condoms', 'preservatif feminin', 'femidom', 'fc2'),
    ...words(1, 'preservatifs feminins', 'kondomu ya kike', 'condom feminin'),
    ...codes(0.7, 'fcond', 'fc'),
]
const EMERGENCY_CONTRACEPTION_ALIASES = [
    ...words(1, 'emergency contraception', 'emergency contraceptive', 'emergency contraceptives'),
    ...words(1, 'contraception d urgence', 'pilule du lendemain', 'postinor', 'levonorgestrel 1 5'),
    ...words(1, 'lng 1 5', 'contraceptif d urgence', 'uzazi wa mpango wa dharura'),
    ...codes(0.7, 'ec', 'cu'),
]

export const SERVICE_ALIASES: Record<ServiceKey, Alias[]> = {
    deliveries: [
        ...words(1, 'deliveries', 'delivery', 'births attended', 'accouchement', 'accouchements'),
        ...words(1, 'assisted deliveries', 'accouchements assistes', 'waliojifungua', 'kujifungua'),
        ...words(0.85, 'birth', 'births', 'naissance', 'naissances'),
        ...codes(0.85, 'deliv', 'acc'),
    ],
    pph: [
        ...words(1, 'postpartum haemorrhage', 'postpartum hemorrhage', 'post partum haemorrhage'),
        ...words(1, 'post partum hemorrhage', 'pph', 'hpp', 'hemorragie du post partum'),
        ...words(
            1,
            'hemorragie post partum',
            'hemorragies du post partum',
            'hemorragie postpartum'
        ),
        ...words(1, 'kutokwa damu baada ya kujifungua'),
        ...words(0.85, 'haemorrhage', 'hemorrhage', 'hemorragie', 'hemorragies'),
    ],
    preEclampsia: [
        ...words(1, 'pre eclampsia', 'preeclampsia', 'eclampsia', 'pre eclampsie', 'eclampsie'),
        ...words(
            1,
            'preeclampsie',
            'severe pre eclampsia',
            'pre eclampsie severe',
            'kifafa cha mimba'
        ),
        ...codes(0.85, 'pe e', 'pee', 'eclamp'),
    ],
    neonatalSepsis: [
        ...words(1, 'neonatal sepsis', 'newborn sepsis', 'psbi', 'sepsis neonatal', 'sepsis'),
        ...words(1, 'possible serious bacterial infection', 'septicemie neonatale', 'septicemie'),
        ...words(1, 'infection bacterienne grave', 'infection neonatale', 'neonatal infection'),
        ...codes(0.85, 'neo sepsis', 'nsepsis'),
    ],
    pretermBirths: [
        ...words(1, 'preterm', 'pre term', 'premature', 'prematurity', 'prematurite'),
        ...words(1, 'prematures', 'naissances prematurees', 'accouchement premature', 'njiti'),
        ...words(1, 'threatened preterm labour', 'menace d accouchement premature'),
    ],
    liveBirths: [
        ...words(1, 'live births', 'live birth', 'naissances vivantes', 'naissance vivante'),
        ...words(1, 'nes vivants', 'ne vivant', 'born alive', 'vizazi hai'),
    ],
    asphyxia: [
        ...words(1, 'asphyxia', 'asphyxie', 'birth asphyxia', 'not breathing', 'resuscitated'),
        ...words(1, 'reanime', 'reanimes', 'asphyxie neonatale', 'hawapumui'),
    ],
    pneumonia: [
        ...words(1, 'pneumonia', 'pneumonie', 'pneumonies', 'nimonia', 'homa ya mapafu'),
        ...words(0.85, 'ari', 'ira', 'acute respiratory infection', 'infection respiratoire aigue'),
    ],
    diarrhoea: [
        ...words(1, 'diarrhoea', 'diarrhea', 'diarrhee', 'diarrhees', 'diarrhoeal', 'kuhara'),
        ...words(1, 'diarrheal', 'maladie diarrheique', 'maladies diarrheiques'),
    ],
    fpImplants: IMPLANT_ALIASES,
    fpFemaleCondoms: FEMALE_CONDOM_ALIASES,
    fpEmergencyContraception: EMERGENCY_CONTRACEPTION_ALIASES,
}

// Commodities --------------------------------------------------------------------------------

export type SuggestCommodityKey =
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

export type ProgramAreaKey = 'maternal-newborn-health' | 'child-health' | 'family-planning'

export interface ServiceRef {
    service: ServiceKey
    /** Prefer (or require) counts with this qualifier, e.g. facility deliveries */
    qualifier?: QualifierKey
    requireQualifier?: boolean
}

export interface CommodityDefinition {
    key: SuggestCommodityKey
    /** Id of the suggested pair */
    pairId: string
    programArea: ProgramAreaKey
    aliases: Alias[]
    services: ServiceRef[]
    /** Equipment: availability matters, not consumption (no consumption item suggested) */
    noConsumption?: boolean
    /** Consumption per case: only with a consistent dose per case */
    ratio?: { low: number; high: number }
    /** Default tips, plain text per locale */
    tips: Record<string, string>
}

export const COMMODITY_DEFINITIONS: CommodityDefinition[] = [
    {
        key: 'oxytocin',
        pairId: 'oxytocin',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(1, 'oxytocin', 'oxytocine', 'ocytocine', 'syntocinon', 'pitocin'),
            ...codes(0.85, 'oxy', 'oxt', 'ocy'),
        ],
        services: [{ service: 'deliveries', qualifier: 'facility' }, { service: 'pph' }],
        ratio: { low: 0.8, high: 1.5 },
        tips: {
            en: 'Oxytocin is given at every facility birth (active management of the third stage of labour) and more for PPH: consumption should follow facility deliveries.',
            fr: "L'ocytocine est administrée à chaque accouchement en établissement (GATPA) et davantage en cas d'HPP : la consommation doit suivre les accouchements en établissement.",
            sw: 'Oxytocin hutolewa kila mama anapojifungua kituoni (AMTSL) na zaidi kwa PPH: matumizi yanapaswa kufuata idadi ya waliojifungua kituoni.',
        },
    },
    {
        key: 'misoprostol',
        pairId: 'misoprostol',
        programArea: 'maternal-newborn-health',
        aliases: [...words(1, 'misoprostol', 'cytotec'), ...codes(0.85, 'miso', 'mis')],
        services: [
            { service: 'pph' },
            { service: 'deliveries', qualifier: 'community', requireQualifier: true },
        ],
        tips: {
            en: 'No fixed dose per PPH case (used both to prevent PPH at home births and to treat it): compare the trends side by side, not a ratio.',
            fr: "Pas de dose fixe par cas d'HPP (utilisé pour prévenir l'HPP lors des accouchements à domicile et pour la traiter) : comparez les tendances côte à côte, pas un ratio.",
            sw: 'Hakuna dozi maalum kwa kila mgonjwa wa PPH (hutumika kuzuia PPH kwa wanaojifungulia nyumbani na pia kuitibu): linganisha mienendo kando kwa kando, si uwiano.',
        },
    },
    {
        key: 'magnesiumSulfate',
        pairId: 'magnesium-sulfate',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(1, 'magnesium sulfate', 'magnesium sulphate', 'sulfate de magnesium'),
            ...words(1, 'sulphate de magnesium', 'mgso4', 'mg so4', 'salfeti ya magnesiamu'),
            ...words(0.85, 'magnesium'),
        ],
        services: [{ service: 'preEclampsia' }],
        ratio: { low: 5, high: 12 },
        tips: {
            en: 'Pritchard or Zuspan regimen: about 6 to 9 ampoules of 5 g per case of severe pre-eclampsia or eclampsia.',
            fr: 'Protocole de Pritchard ou de Zuspan : environ 6 à 9 ampoules de 5 g par cas de pré-éclampsie sévère ou d’éclampsie.',
            sw: 'Mpangilio wa Pritchard au Zuspan: takriban ampuli 6 hadi 9 za gramu 5 kwa kila mgonjwa wa pre-eclampsia kali au eclampsia.',
        },
    },
    {
        key: 'injectableAntibiotics',
        pairId: 'injectable-antibiotics',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(
                1,
                'injectable antibiotic',
                'injectable antibiotics',
                'antibiotique injectable'
            ),
            ...words(1, 'gentamicin', 'gentamicine', 'gentamycin', 'ampicillin', 'ampicilline'),
            ...words(1, 'benzylpenicillin', 'benzylpenicilline', 'procaine benzylpenicillin'),
            ...words(1, 'ceftriaxone', 'penicilline procaine'),
            ...codes(0.85, 'gent', 'genta', 'ampi'),
        ],
        services: [{ service: 'neonatalSepsis' }],
        tips: {
            en: 'Injectable antibiotics substitute for each other and also treat adults: no ratio; watch their availability next to neonatal sepsis cases.',
            fr: 'Les antibiotiques injectables se substituent les uns aux autres et traitent aussi des adultes : pas de ratio ; surveillez leur disponibilité à côté des cas de septicémie néonatale.',
            sw: 'Antibiotiki za sindano hubadilishana na pia hutibu watu wazima: hakuna uwiano; fuatilia upatikanaji wake kando ya wagonjwa wa sepsis ya watoto wachanga.',
        },
    },
    {
        key: 'antenatalCorticosteroids',
        pairId: 'antenatal-corticosteroids',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(1, 'antenatal corticosteroid', 'antenatal corticosteroids', 'dexamethasone'),
            ...words(1, 'betamethasone', 'corticosteroides antenatals', 'corticoides antenatals'),
            ...words(1, 'dexamethazone', 'corticotherapie antenatale'),
            ...codes(0.85, 'dexa', 'dex', 'acs', 'beta'),
        ],
        services: [{ service: 'pretermBirths' }],
        ratio: { low: 1, high: 5 },
        tips: {
            en: 'Dexamethasone 6 mg IM, four doses per course, for women at risk of preterm birth between 24 and 34 weeks; not every preterm birth gets a course.',
            fr: 'Dexaméthasone 6 mg IM, quatre doses par cure, pour les femmes à risque d’accouchement prématuré entre 24 et 34 semaines ; toutes les naissances prématurées ne reçoivent pas de cure.',
            sw: 'Dexamethasone mg 6 IM, dozi nne kwa kozi moja, kwa wanawake walio hatarini kujifungua kabla ya wakati kati ya wiki 24 na 34; si kila mzazi wa njiti hupata kozi.',
        },
    },
    {
        key: 'chlorhexidine',
        pairId: 'chlorhexidine',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(1, 'chlorhexidine', 'chlorhexidine digluconate', 'chlorexidine'),
            ...codes(0.85, 'chx', 'chlx'),
        ],
        services: [{ service: 'liveBirths' }],
        ratio: { low: 0.7, high: 1.3 },
        tips: {
            en: 'One tube of 7.1% chlorhexidine gel per newborn for cord care: consumption should follow live births.',
            fr: 'Un tube de gel de chlorhexidine à 7,1 % par nouveau-né pour les soins du cordon : la consommation doit suivre les naissances vivantes.',
            sw: 'Tyubu moja ya jeli ya chlorhexidine 7.1% kwa kila mtoto mchanga kwa utunzaji wa kitovu: matumizi yanapaswa kufuata vizazi hai.',
        },
    },
    {
        key: 'resuscitationDevices',
        pairId: 'resuscitation-devices',
        programArea: 'maternal-newborn-health',
        aliases: [
            ...words(1, 'resuscitation bag', 'bag and mask', 'bag mask', 'ambu bag', 'ambu'),
            ...words(1, 'resuscitation device', 'resuscitation devices', 'newborn resuscitation'),
            ...words(1, 'ballon de reanimation', 'ballon masque', 'ballon et masque'),
            ...words(1, 'dispositif de reanimation', 'reanimation neonatale', 'bag valve mask'),
            ...codes(0.85, 'resus', 'bvm'),
        ],
        services: [{ service: 'asphyxia' }],
        noConsumption: true,
        tips: {
            en: 'Equipment, not a consumable: what matters is that a working bag and mask is available wherever births happen (stock on hand above zero).',
            fr: 'Équipement, pas un consommable : l’important est qu’un ballon et un masque fonctionnels soient disponibles partout où ont lieu des accouchements (stock disponible supérieur à zéro).',
            sw: 'Ni kifaa, si bidhaa inayotumika na kuisha: muhimu ni kuwepo kwa mfuko na barakoa vinavyofanya kazi popote watoto wanapozaliwa (akiba iliyopo zaidi ya sifuri).',
        },
    },
    {
        key: 'amoxicillin',
        pairId: 'amoxicillin',
        programArea: 'child-health',
        aliases: [
            ...words(1, 'amoxicillin', 'amoxicilline', 'amoxycillin', 'amoxil'),
            ...codes(0.85, 'amox', 'amx'),
        ],
        services: [{ service: 'pneumonia', qualifier: 'under5' }],
        tips: {
            en: 'Amoxicillin treats many conditions besides pneumonia: no ratio; compare the trends and stockouts.',
            fr: 'L’amoxicilline traite de nombreuses affections en plus de la pneumonie : pas de ratio ; comparez les tendances et les ruptures.',
            sw: 'Amoxicillin hutibu magonjwa mengi mbali na nimonia: hakuna uwiano; linganisha mienendo na ukosefu wa dawa.',
        },
    },
    {
        key: 'ors',
        pairId: 'ors',
        programArea: 'child-health',
        aliases: [
            ...words(1, 'oral rehydration salts', 'oral rehydration salt', 'ors', 'sro'),
            ...words(1, 'sels de rehydratation orale', 'sel de rehydratation orale', 'oralite'),
            ...words(0.85, 'rehydration', 'rehydratation'),
        ],
        services: [{ service: 'diarrhoea', qualifier: 'under5' }],
        ratio: { low: 1.5, high: 3 },
        tips: {
            en: 'About two sachets per diarrhoea case; ORS and zinc should move together.',
            fr: 'Environ deux sachets par cas de diarrhée ; SRO et zinc doivent évoluer ensemble.',
            sw: 'Takriban paketi mbili kwa kila mgonjwa wa kuhara; ORS na zinki zinapaswa kwenda pamoja.',
        },
    },
    {
        key: 'zinc',
        pairId: 'zinc',
        programArea: 'child-health',
        aliases: [...words(1, 'zinc', 'zinc sulfate', 'sulfate de zinc', 'zinki')],
        services: [{ service: 'diarrhoea', qualifier: 'under5' }],
        ratio: { low: 0.6, high: 1.3 },
        tips: {
            en: 'One 10-day course of zinc per diarrhoea case; zinc and ORS should move together.',
            fr: 'Une cure de zinc de 10 jours par cas de diarrhée ; zinc et SRO doivent évoluer ensemble.',
            sw: 'Kozi moja ya zinki ya siku 10 kwa kila mgonjwa wa kuhara; zinki na ORS zinapaswa kwenda pamoja.',
        },
    },
    {
        key: 'femaleCondoms',
        pairId: 'female-condoms',
        programArea: 'family-planning',
        aliases: FEMALE_CONDOM_ALIASES,
        services: [{ service: 'fpFemaleCondoms' }],
        ratio: { low: 5, high: 15 },
        tips: {
            en: 'About ten female condoms per client visit; watch the share of facilities stocked out.',
            fr: 'Environ dix préservatifs féminins par visite ; surveillez la part des établissements en rupture.',
            sw: 'Takriban kondomu kumi za kike kwa kila mteja; fuatilia asilimia ya vituo visivyo na bidhaa.',
        },
    },
    {
        key: 'implants',
        pairId: 'implants',
        programArea: 'family-planning',
        aliases: IMPLANT_ALIASES,
        services: [{ service: 'fpImplants' }],
        ratio: { low: 0.8, high: 1.2 },
        tips: {
            en: 'One implant per new implant client; watch the share of facilities stocked out.',
            fr: 'Un implant par nouvelle cliente implant ; surveillez la part des établissements en rupture.',
            sw: 'Kipandikizi kimoja kwa kila mteja mpya wa kipandikizi; fuatilia asilimia ya vituo visivyo na bidhaa.',
        },
    },
    {
        key: 'emergencyContraception',
        pairId: 'emergency-contraception',
        programArea: 'family-planning',
        aliases: EMERGENCY_CONTRACEPTION_ALIASES,
        services: [{ service: 'fpEmergencyContraception' }],
        ratio: { low: 0.8, high: 1.3 },
        tips: {
            en: 'One levonorgestrel 1.5 mg tablet per client; watch the share of facilities stocked out.',
            fr: 'Un comprimé de lévonorgestrel 1,5 mg par cliente ; surveillez la part des établissements en rupture.',
            sw: 'Kidonge kimoja cha levonorgestrel mg 1.5 kwa kila mteja; fuatilia asilimia ya vituo visivyo na bidhaa.',
        },
    },
]

// Translated names ---------------------------------------------------------------------------

/** Name of a suggested pair, in the admin's language (stored as written). */
export const suggestedPairName = (key: SuggestCommodityKey): string => {
    switch (key) {
        case 'oxytocin':
            return i18n.t('Oxytocin – deliveries and PPH')
        case 'misoprostol':
            return i18n.t('Misoprostol – PPH and community births')
        case 'magnesiumSulfate':
            return i18n.t('Magnesium sulfate – severe pre-eclampsia/eclampsia')
        case 'injectableAntibiotics':
            return i18n.t('Injectable antibiotics – neonatal sepsis')
        case 'antenatalCorticosteroids':
            return i18n.t('Antenatal corticosteroids – preterm births')
        case 'chlorhexidine':
            return i18n.t('Chlorhexidine – live births')
        case 'resuscitationDevices':
            return i18n.t('Resuscitation devices – neonatal asphyxia')
        case 'amoxicillin':
            return i18n.t('Amoxicillin – pneumonia under 5')
        case 'ors':
            return i18n.t('ORS – diarrhoea under 5')
        case 'zinc':
            return i18n.t('Zinc – diarrhoea under 5')
        case 'femaleCondoms':
            return i18n.t('Female condoms – FP clients')
        case 'implants':
            return i18n.t('Implants – FP clients')
        case 'emergencyContraception':
            return i18n.t('Emergency contraception – FP clients')
    }
}

/** Commodity name of a suggested pair. */
export const suggestedCommodityName = (key: SuggestCommodityKey): string => {
    switch (key) {
        case 'oxytocin':
            return i18n.t('Oxytocin injection')
        case 'misoprostol':
            return i18n.t('Misoprostol tablets')
        case 'magnesiumSulfate':
            return i18n.t('Magnesium sulfate injection')
        case 'injectableAntibiotics':
            return i18n.t('Injectable antibiotics')
        case 'antenatalCorticosteroids':
            return i18n.t('Antenatal corticosteroids')
        case 'chlorhexidine':
            return i18n.t('Chlorhexidine gel')
        case 'resuscitationDevices':
            return i18n.t('Resuscitation devices')
        case 'amoxicillin':
            return i18n.t('Amoxicillin tablets')
        case 'ors':
            return i18n.t('Oral rehydration salts')
        case 'zinc':
            return i18n.t('Zinc tablets')
        case 'femaleCondoms':
            return i18n.t('Female condoms')
        case 'implants':
            return i18n.t('Contraceptive implants')
        case 'emergencyContraception':
            return i18n.t('Emergency contraception')
    }
}

/** Label of a suggested ratio (consumption per case). */
export const suggestedRatioLabel = (key: SuggestCommodityKey): string => {
    switch (key) {
        case 'oxytocin':
            return i18n.t('Oxytocin doses per facility delivery')
        case 'magnesiumSulfate':
            return i18n.t('Ampoules per severe pre-eclampsia/eclampsia case')
        case 'antenatalCorticosteroids':
            return i18n.t('Doses per preterm birth')
        case 'chlorhexidine':
            return i18n.t('Tubes per live birth')
        case 'ors':
            return i18n.t('Sachets per diarrhoea case')
        case 'zinc':
            return i18n.t('Courses per diarrhoea case')
        case 'femaleCondoms':
            return i18n.t('Pieces per client')
        case 'implants':
            return i18n.t('Implants per client')
        case 'emergencyContraception':
            return i18n.t('Tablets per client')
        default:
            return i18n.t('Consumption per case')
    }
}

export const programAreaName = (key: ProgramAreaKey): string => {
    switch (key) {
        case 'maternal-newborn-health':
            return i18n.t('Maternal and newborn health')
        case 'child-health':
            return i18n.t('Child health')
        case 'family-planning':
            return i18n.t('Family planning')
    }
}

/** Label of an HMIS service a commodity is compared with. */
export const serviceLabel = (ref: ServiceRef): string => {
    switch (ref.service) {
        case 'deliveries':
            return ref.qualifier === 'community'
                ? i18n.t('Community births')
                : ref.qualifier === 'facility'
                  ? i18n.t('Facility deliveries')
                  : i18n.t('Deliveries')
        case 'pph':
            return i18n.t('PPH cases')
        case 'preEclampsia':
            return i18n.t('Severe pre-eclampsia/eclampsia cases')
        case 'neonatalSepsis':
            return i18n.t('Neonatal sepsis/PSBI cases')
        case 'pretermBirths':
            return i18n.t('Preterm births')
        case 'liveBirths':
            return i18n.t('Live births')
        case 'asphyxia':
            return i18n.t('Neonates with asphyxia')
        case 'pneumonia':
            return i18n.t('Pneumonia cases under 5')
        case 'diarrhoea':
            return i18n.t('Diarrhoea cases under 5')
        case 'fpImplants':
            return i18n.t('FP clients – implants')
        case 'fpFemaleCondoms':
            return i18n.t('FP clients – female condoms')
        case 'fpEmergencyContraception':
            return i18n.t('FP clients – emergency contraception')
    }
}
