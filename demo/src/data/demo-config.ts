/**
 * The demo country's Triangulate configuration, seeded into the dataStore at
 * `triangulate/config` when it is missing (see `main.ts`).
 *
 * One pair per UN life-saving commodity (13), grouped in four program areas. Each pair links the
 * commodity's LMIS data elements to the HMIS operands of the service it is used for
 * (`commodityCatalogue()`):
 * - LMIS measures are lists `[monthly element, quarterly R&R element]`: part of the facilities
 *   report monthly, the others quarterly, each in its own data set with its own data elements, so
 *   the view adds the two up; both LMIS data sets are listed for reporting rates.
 * - HMIS items: the catalogue's operands, the primary one (the ratio's denominator) first.
 * - A consumption-per-case ratio only where the catalogue says a consistent dose per case exists
 *   (not misoprostol, injectable antibiotics, amoxicillin, resuscitation devices), with the
 *   catalogue's expected band, also used as `thresholds.ratioBand`.
 * - Resuscitation devices are equipment: the pair has no consumption measure, only availability
 *   (stock on hand, stockout days) and movements.
 * - Tips in English, French and Swahili, plain text, from clinical practice (WHO recommendations,
 *   the HMIS/LMIS pilots in /work/shared/notes/domain.md).
 *
 * The result is plain JSON (`unknown`): the app validates it with its own schema
 * (`demo-config.test.ts` runs `parseConfig` on it).
 */
import {
    DATA_SETS,
    LMIS_GROUP_OFFSET,
    commodityCatalogue,
    dataSetId,
    metadataUid,
    type CommodityCatalogueEntry,
    type CommodityKey,
    type LmisMeasure as CatalogueMeasure,
} from './catalogue'
import type { DemoDb } from './model'

/** The app's LMIS measure names and the catalogue's measures they read. */
const MEASURES = [
    ['consumption', 'consumption'],
    ['stockOnHand', 'stockOnHand'],
    ['stockoutDays', 'stockoutDays'],
    ['losses', 'lossesAdjustments'],
    ['received', 'quantityReceived'],
] as const satisfies readonly (readonly [string, CatalogueMeasure])[]

/** Default alert thresholds of the demo pairs: WHO's moderate outlier z-score, a halving. */
export const DEMO_THRESHOLDS = { zScore: 3.5, minDropPercent: 50 } as const

interface Tips {
    en: string
    fr: string
    sw: string
}

interface PairDef {
    commodity: CommodityKey
    /** Pair id (slug) */
    id: string
    /** The service named in the pair's name, e.g. `Deliveries` */
    service: string
    /** Label of the consumption-per-case ratio, when the catalogue gives one */
    ratioLabel?: string
    /** Omit consumption (equipment) */
    noConsumption?: boolean
    tips: Tips
}

interface ProgramAreaDef {
    id: string
    name: string
    pairs: PairDef[]
}

const PROGRAM_AREAS: ProgramAreaDef[] = [
    {
        id: 'maternal-health',
        name: 'Maternal health',
        pairs: [
            {
                commodity: 'oxytocin',
                id: 'oxytocin-deliveries',
                service: 'Deliveries',
                ratioLabel: 'Ampoules per facility delivery',
                tips: {
                    en: 'Oxytocin 10 IU is given to every woman right after birth (active management of the third stage of labour, AMTSL), and more is used to treat postpartum haemorrhage (PPH). Consumption should track facility deliveries: about one ampoule per birth, a little more where PPH is treated.\nConsumption well below deliveries suggests births without AMTSL, a stockout or another uterotonic used instead; well above suggests wastage, unrecorded losses or over-reporting. Oxytocin needs the cold chain (2–8 °C): check losses too.',
                    fr: "L'ocytocine 10 UI est administrée à chaque femme juste après la naissance (gestion active de la troisième période de l'accouchement, GATPA), et davantage pour traiter l'hémorragie du post-partum (HPP). La consommation doit suivre les accouchements en établissement : environ une ampoule par naissance, un peu plus là où l'HPP est traitée.\nUne consommation nettement inférieure aux accouchements évoque des naissances sans GATPA, une rupture de stock ou un autre utérotonique utilisé à la place ; nettement supérieure, du gaspillage, des pertes non enregistrées ou une surdéclaration. L'ocytocine exige la chaîne du froid (2–8 °C) : vérifiez aussi les pertes.",
                    sw: 'Oxytocin 10 IU hutolewa kwa kila mama mara baada ya kujifungua (usimamizi hai wa hatua ya tatu ya uchungu, AMTSL), na zaidi hutumika kutibu kutokwa na damu nyingi baada ya kujifungua (PPH). Matumizi yanapaswa kufuata idadi ya wanaojifungua kituoni: takriban ampuli moja kwa kila uzazi, zaidi kidogo pale PPH inapotibiwa.\nMatumizi yaliyo chini sana ya idadi ya wanaojifungua yanaashiria uzazi bila AMTSL, kuisha kwa dawa au dawa nyingine kutumika badala yake; yaliyo juu sana yanaashiria upotevu, hasara zisizorekodiwa au kuripoti kupita kiasi. Oxytocin inahitaji mnyororo baridi (2–8 °C): angalia pia hasara.',
                },
            },
            {
                commodity: 'misoprostol',
                id: 'misoprostol-pph',
                service: 'PPH cases',
                tips: {
                    en: 'No fixed dose per PPH case, so no ratio: misoprostol is used both to prevent PPH (600 mcg by mouth right after birth, mainly for home and community births without oxytocin) and to treat it (800 mcg under the tongue). Compare trends side by side with PPH cases and community births.\nCommunity births rising while misoprostol consumption stays flat may mean women miss prevention at home.',
                    fr: "Pas de dose fixe par cas d'HPP, donc pas de ratio : le misoprostol sert à prévenir l'HPP (600 mcg par voie orale juste après la naissance, surtout pour les accouchements à domicile et communautaires sans ocytocine) et à la traiter (800 mcg par voie sublinguale). Comparez les tendances côte à côte avec les cas d'HPP et les accouchements communautaires.\nDes accouchements communautaires en hausse avec une consommation de misoprostol stable peuvent signifier que des femmes ne reçoivent pas la prévention à domicile.",
                    sw: 'Hakuna dozi maalum kwa kila mgonjwa wa PPH, kwa hiyo hakuna uwiano: misoprostol hutumika kuzuia PPH (mcg 600 kwa mdomo mara baada ya kujifungua, hasa kwa wanaojifungua nyumbani na katika jamii bila oxytocin) na pia kuitibu (mcg 800 chini ya ulimi). Linganisha mienendo sambamba na wagonjwa wa PPH na wanaojifungua katika jamii.\nIdadi ya wanaojifungua katika jamii ikiongezeka huku matumizi ya misoprostol yakibaki vilevile, huenda wanawake wanakosa kinga nyumbani.',
                },
            },
            {
                commodity: 'magnesiumSulfate',
                id: 'magnesium-sulfate-eclampsia',
                service: 'Severe pre-eclampsia / eclampsia',
                ratioLabel: 'Ampoules (5 g) per case',
                tips: {
                    en: 'Magnesium sulfate is the first-line drug to prevent and treat eclamptic seizures. A full Pritchard or Zuspan regimen (loading dose, then 24 hours of maintenance) takes about 6 to 9 ampoules of 5 g per case, hence the expected band of 5 to 12.\nFar fewer ampoules per case may mean incomplete regimens, or women referred after the loading dose; far more may mean cases missing from the HMIS.',
                    fr: "Le sulfate de magnésium est le traitement de première intention pour prévenir et traiter les convulsions de l'éclampsie. Un protocole complet de Pritchard ou de Zuspan (dose de charge puis 24 heures d'entretien) demande environ 6 à 9 ampoules de 5 g par cas, d'où la fourchette attendue de 5 à 12.\nBeaucoup moins d'ampoules par cas peut signifier des protocoles incomplets ou des femmes référées après la dose de charge ; beaucoup plus, des cas absents du SNIS.",
                    sw: 'Magnesium sulfate ni dawa ya kwanza ya kuzuia na kutibu degedege la kifafa cha mimba. Tiba kamili ya Pritchard au Zuspan (dozi ya kuanzia, kisha saa 24 za dozi ya kuendeleza) huhitaji takriban ampuli 6 hadi 9 za g 5 kwa kila mgonjwa, ndiyo maana kiwango kinachotarajiwa ni 5 hadi 12.\nAmpuli chache sana kwa kila mgonjwa zinaweza kumaanisha tiba pungufu, au wanawake waliopewa rufaa baada ya dozi ya kuanzia; nyingi sana zinaweza kumaanisha wagonjwa wasiorekodiwa kwenye HMIS.',
                },
            },
        ],
    },
    {
        id: 'newborn-health',
        name: 'Newborn health',
        pairs: [
            {
                commodity: 'injectableAntibiotics',
                id: 'gentamicin-neonatal-sepsis',
                service: 'Neonatal sepsis / PSBI',
                tips: {
                    en: 'Injectable gentamicin, with ampicillin or benzylpenicillin, treats newborn sepsis and possible serious bacterial infection (PSBI): 7 days in hospital, or 2 days of injections with oral amoxicillin in simplified outpatient regimens. It is also used for older children and adults, and other antibiotics can replace it, so consumption does not follow newborn cases: no ratio.\nWatch for stockouts while sepsis cases keep coming.',
                    fr: "La gentamicine injectable, associée à l'ampicilline ou à la benzylpénicilline, traite le sepsis néonatal et l'infection bactérienne grave possible (IBGP) : 7 jours à l'hôpital, ou 2 jours d'injections avec de l'amoxicilline orale dans les schémas ambulatoires simplifiés. Elle sert aussi pour les enfants plus âgés et les adultes, et d'autres antibiotiques peuvent la remplacer : la consommation ne suit donc pas les cas néonatals, pas de ratio.\nSurveillez les ruptures de stock alors que les cas de sepsis continuent.",
                    sw: 'Gentamicin ya sindano, pamoja na ampicillin au benzylpenicillin, hutibu maambukizi ya damu kwa watoto wachanga na maambukizi makali ya bakteria yanayowezekana (PSBI): siku 7 hospitalini, au siku 2 za sindano pamoja na amoxicillin ya kumeza katika tiba rahisi za nje. Pia hutumika kwa watoto wakubwa na watu wazima, na dawa nyingine zinaweza kuchukua nafasi yake, kwa hiyo matumizi hayafuati idadi ya watoto wachanga wagonjwa: hakuna uwiano.\nFuatilia kuisha kwa dawa wakati wagonjwa wa maambukizi ya damu wanaendelea kuja.',
                },
            },
            {
                commodity: 'antenatalCorticosteroids',
                id: 'dexamethasone-preterm-births',
                service: 'Preterm births',
                ratioLabel: 'Ampoules per preterm birth',
                tips: {
                    en: 'Antenatal corticosteroids (dexamethasone 6 mg IM, four doses 12 hours apart) are given to women at risk of imminent preterm birth between 24 and 34 weeks, when gestational age can be assessed and the preterm newborn can be cared for. Not every preterm birth gets a course, and some women treated deliver at term, hence the wide expected band (1 to 5 ampoules per preterm birth).\nDexamethasone also has other uses: a high ratio is not always an error.',
                    fr: "Les corticoïdes anténatals (dexaméthasone 6 mg IM, quatre doses à 12 heures d'intervalle) sont donnés aux femmes à risque d'accouchement prématuré imminent entre 24 et 34 semaines, quand l'âge gestationnel peut être évalué et le nouveau-né prématuré pris en charge. Toutes les naissances prématurées ne reçoivent pas de cure, et certaines femmes traitées accouchent à terme, d'où la large fourchette attendue (1 à 5 ampoules par naissance prématurée).\nLa dexaméthasone a aussi d'autres usages : un ratio élevé n'est pas toujours une erreur.",
                    sw: 'Dawa za corticosteroid kabla ya kujifungua (dexamethasone mg 6 kwa sindano ya misuli, dozi nne kila baada ya saa 12) hutolewa kwa wanawake walio hatarini kujifungua kabla ya wakati kati ya wiki 24 na 34, pale umri wa mimba unapoweza kukadiriwa na mtoto njiti anaweza kuhudumiwa. Si kila uzazi wa kabla ya wakati hupata tiba hii, na baadhi ya wanawake waliotibiwa hujifungua kwa wakati, ndiyo maana kiwango kinachotarajiwa ni kipana (ampuli 1 hadi 5 kwa kila uzazi wa kabla ya wakati).\nDexamethasone ina matumizi mengine pia: uwiano wa juu si kosa kila mara.',
                },
            },
            {
                commodity: 'chlorhexidine',
                id: 'chlorhexidine-live-births',
                service: 'Live births',
                ratioLabel: 'Tubes per live birth',
                tips: {
                    en: 'Chlorhexidine digluconate 7.1% gel (4% chlorhexidine) is applied to the umbilical cord stump after birth where newborn cord infections are common: one tube per newborn, so consumption should follow live births (0.7 to 1.3 tubes per birth).\nLow use may mean the practice is not applied at every birth; tubes handed to mothers for home births raise consumption above facility births.',
                    fr: "Le gel de digluconate de chlorhexidine à 7,1 % (4 % de chlorhexidine) est appliqué sur le moignon du cordon ombilical après la naissance là où les infections du cordon sont fréquentes : un tube par nouveau-né, la consommation doit donc suivre les naissances vivantes (0,7 à 1,3 tube par naissance).\nUne faible utilisation peut signifier que la pratique n'est pas appliquée à chaque naissance ; les tubes remis aux mères pour les accouchements à domicile font dépasser la consommation par rapport aux naissances en établissement.",
                    sw: 'Jeli ya chlorhexidine digluconate 7.1% (chlorhexidine 4%) hupakwa kwenye kitovu cha mtoto baada ya kuzaliwa pale ambapo maambukizi ya kitovu ni ya kawaida: tyubu moja kwa kila mtoto mchanga, kwa hiyo matumizi yanapaswa kufuata idadi ya watoto waliozaliwa hai (tyubu 0.7 hadi 1.3 kwa kila mtoto).\nMatumizi madogo yanaweza kumaanisha utaratibu huu haufuatwi kila uzazi; tyubu wanazopewa akina mama kwa ajili ya kujifungulia nyumbani huongeza matumizi juu ya idadi ya wanaozaliwa kituoni.',
                },
            },
            {
                commodity: 'resuscitationDevices',
                id: 'resuscitation-devices-asphyxia',
                service: 'Neonatal asphyxia',
                noConsumption: true,
                tips: {
                    en: 'A newborn resuscitation bag and mask is equipment, reused for many babies: consumption does not track cases, so it is left out here. What matters is availability: every delivery room needs a working bag with masks in newborn sizes at every birth.\nLook at stock on hand and stockout days in the facilities that report asphyxia cases.',
                    fr: "Le ballon et masque de réanimation néonatale est un équipement, réutilisé pour de nombreux bébés : la consommation ne suit pas les cas, elle est donc laissée de côté ici. Ce qui compte, c'est la disponibilité : chaque salle d'accouchement doit disposer, à chaque naissance, d'un ballon fonctionnel avec des masques de taille néonatale.\nRegardez le stock disponible et les jours de rupture dans les établissements qui déclarent des cas d'asphyxie.",
                    sw: 'Mfuko na barakoa ya kumsaidia mtoto mchanga kupumua ni kifaa, kinachotumika tena kwa watoto wengi: matumizi hayafuati idadi ya wagonjwa, kwa hiyo hayajawekwa hapa. Kinachojalisha ni upatikanaji: kila chumba cha kujifungulia kinahitaji mfuko unaofanya kazi na barakoa za ukubwa wa watoto wachanga wakati wa kila uzazi.\nAngalia akiba iliyopo na siku za kukosa kifaa katika vituo vinavyoripoti watoto wenye tatizo la kushindwa kupumua.',
                },
            },
        ],
    },
    {
        id: 'child-health',
        name: 'Child health',
        pairs: [
            {
                commodity: 'amoxicillin',
                id: 'amoxicillin-pneumonia',
                service: 'Pneumonia under 5',
                tips: {
                    en: 'Amoxicillin dispersible tablets are the first-line treatment of pneumonia in children under five (usually 5 days, about one pack per course), but they also treat ear, throat and other infections, in children and adults. Consumption therefore runs above pneumonia cases and moves with other uses: no ratio.\nLook for stockouts, or consumption falling, while pneumonia cases stay stable.',
                    fr: "Les comprimés dispersibles d'amoxicilline sont le traitement de première intention de la pneumonie chez l'enfant de moins de cinq ans (en général 5 jours, environ une boîte par traitement), mais ils traitent aussi les infections de l'oreille, de la gorge et d'autres, chez l'enfant comme chez l'adulte. La consommation dépasse donc les cas de pneumonie et varie avec les autres usages : pas de ratio.\nCherchez les ruptures de stock, ou une consommation en baisse alors que les cas de pneumonie restent stables.",
                    sw: 'Vidonge vya amoxicillin vinavyoyeyuka ni tiba ya kwanza ya nimonia kwa watoto walio chini ya miaka mitano (kwa kawaida siku 5, takriban pakiti moja kwa kila tiba), lakini pia hutibu maambukizi ya sikio, koo na mengine, kwa watoto na watu wazima. Kwa hiyo matumizi huzidi idadi ya wagonjwa wa nimonia na hubadilika kutokana na matumizi mengine: hakuna uwiano.\nTafuta kuisha kwa dawa, au matumizi yanayopungua, wakati wagonjwa wa nimonia hawabadiliki.',
                },
            },
            {
                commodity: 'ors',
                id: 'ors-diarrhoea',
                service: 'Diarrhoea under 5',
                ratioLabel: 'Sachets per diarrhoea case',
                tips: {
                    en: 'Every child with diarrhoea should get ORS (about two sachets per case, 1.5 to 3 expected) together with zinc. ORS and zinc should move together: if one falls while the other does not, look for a stockout of the one that fell, or for children getting incomplete treatment.',
                    fr: "Chaque enfant atteint de diarrhée devrait recevoir des SRO (environ deux sachets par cas, 1,5 à 3 attendus) avec du zinc. Les SRO et le zinc devraient évoluer ensemble : si l'un baisse et pas l'autre, cherchez une rupture de stock de celui qui baisse, ou des enfants au traitement incomplet.",
                    sw: 'Kila mtoto anayeharisha anapaswa kupewa ORS (takriban pakiti mbili kwa kila mgonjwa, 1.5 hadi 3 zinatarajiwa) pamoja na zinki. ORS na zinki zinapaswa kwenda pamoja: kimoja kikipungua na kingine kisipungue, tafuta kuisha kwa kile kilichopungua, au watoto wanaopata tiba pungufu.',
                },
            },
            {
                commodity: 'zinc',
                id: 'zinc-diarrhoea',
                service: 'Diarrhoea under 5',
                ratioLabel: 'Packs per diarrhoea case',
                tips: {
                    en: 'Zinc 20 mg once a day for 10 to 14 days (10 mg for infants under 6 months), one pack of 10 tablets per case, for every child with diarrhoea, together with ORS. Zinc and ORS should move together: zinc falling while ORS holds often means a zinc stockout, or children treated with ORS alone.',
                    fr: 'Zinc 20 mg une fois par jour pendant 10 à 14 jours (10 mg avant 6 mois), une boîte de 10 comprimés par cas, pour chaque enfant atteint de diarrhée, avec des SRO. Le zinc et les SRO devraient évoluer ensemble : un zinc en baisse alors que les SRO se maintiennent signale souvent une rupture de zinc, ou des enfants traités aux seuls SRO.',
                    sw: 'Zinki mg 20 mara moja kwa siku kwa siku 10 hadi 14 (mg 10 kwa watoto chini ya miezi 6), pakiti moja ya vidonge 10 kwa kila mgonjwa, kwa kila mtoto anayeharisha, pamoja na ORS. Zinki na ORS zinapaswa kwenda pamoja: zinki ikipungua huku ORS ikibaki vilevile mara nyingi humaanisha zinki imeisha, au watoto wanatibiwa kwa ORS peke yake.',
                },
            },
        ],
    },
    {
        id: 'family-planning',
        name: 'Family planning',
        pairs: [
            {
                commodity: 'femaleCondoms',
                id: 'female-condoms-fp-clients',
                service: 'FP clients: female condoms',
                ratioLabel: 'Pieces per client',
                tips: {
                    en: 'Female condoms are handed out at each visit, about ten per client (5 to 15 expected). HIV prevention programmes may distribute them too, which raises consumption above family planning clients.\nWatch the share of facilities stocked out: a stockout turns clients away or makes them switch methods.',
                    fr: 'Les préservatifs féminins sont remis à chaque visite, une dizaine par cliente (5 à 15 attendus). Les programmes de prévention du VIH peuvent aussi en distribuer, ce qui fait dépasser la consommation par rapport aux clientes de planification familiale.\nSurveillez la part des établissements en rupture : une rupture renvoie les clientes ou les fait changer de méthode.',
                    sw: 'Kondomu za kike hutolewa kila ziara, takriban kumi kwa kila mteja (5 hadi 15 zinatarajiwa). Programu za kuzuia VVU zinaweza pia kuzigawa, jambo linaloongeza matumizi juu ya idadi ya wateja wa uzazi wa mpango.\nFuatilia sehemu ya vituo vilivyoishiwa: kuishiwa huwarudisha wateja au huwafanya wabadili njia.',
                },
            },
            {
                commodity: 'implants',
                id: 'implants-fp-clients',
                service: 'FP clients: implants',
                ratioLabel: 'Sets per client',
                tips: {
                    en: 'One implant set per insertion, so consumption should match implant clients closely (0.8 to 1.2 sets per client). A gap suggests insertions not recorded, stock passed on to other sites, or losses.\nInsertion needs a trained provider and supplies: insertions falling while stock is available may point to staffing rather than supply.',
                    fr: "Un jeu d'implant par insertion : la consommation doit donc suivre de près les clientes d'implants (0,8 à 1,2 jeu par cliente). Un écart évoque des insertions non enregistrées, du stock transféré vers d'autres sites ou des pertes.\nL'insertion exige un prestataire formé et du matériel : des insertions en baisse alors que le stock est disponible peuvent relever du personnel plutôt que de l'approvisionnement.",
                    sw: 'Seti moja ya kipandikizi kwa kila uwekaji, kwa hiyo matumizi yanapaswa kulingana kwa karibu na wateja wa vipandikizi (seti 0.8 hadi 1.2 kwa kila mteja). Tofauti inaashiria uwekaji usiorekodiwa, akiba iliyopelekwa vituo vingine, au hasara.\nUwekaji unahitaji mtoa huduma aliyefunzwa na vifaa: uwekaji ukipungua huku akiba ipo, huenda tatizo ni watumishi na si upatikanaji wa bidhaa.',
                },
            },
            {
                commodity: 'emergencyContraception',
                id: 'emergency-contraception-fp-clients',
                service: 'FP clients: emergency contraception',
                ratioLabel: 'Tablets per client',
                tips: {
                    en: 'One levonorgestrel 1.5 mg tablet per client, taken as soon as possible and within 72 hours (up to 120) after unprotected sex, so consumption should follow clients (0.8 to 1.3 per client). Pharmacies and outreach also give it out, and those clients are not in the facility HMIS counts.',
                    fr: "Un comprimé de lévonorgestrel 1,5 mg par cliente, à prendre le plus tôt possible et dans les 72 heures (jusqu'à 120) après un rapport non protégé : la consommation doit donc suivre les clientes (0,8 à 1,3 par cliente). Les pharmacies et les activités avancées en distribuent aussi, et ces clientes ne figurent pas dans les chiffres SNIS des établissements.",
                    sw: 'Kidonge kimoja cha levonorgestrel mg 1.5 kwa kila mteja, kinachomezwa mapema iwezekanavyo ndani ya saa 72 (hadi 120) baada ya kujamiiana bila kinga, kwa hiyo matumizi yanapaswa kufuata idadi ya wateja (0.8 hadi 1.3 kwa kila mteja). Maduka ya dawa na huduma za mkoba pia hukitoa, na wateja hao hawamo katika takwimu za HMIS za vituo.',
                },
            },
        ],
    },
]

const dataSetIdOf = (db: DemoDb, key: keyof typeof DATA_SETS): string =>
    db.dataSets.find((ds) => ds.code === DATA_SETS[key].code)?.id ?? dataSetId(key)

const lmisOf = (
    entry: CommodityCatalogueEntry,
    def: PairDef,
    dataSets: string[]
): Record<string, string[]> => {
    const lmis: Record<string, string[]> = {}
    for (const [measure, catalogueMeasure] of MEASURES) {
        if (measure === 'consumption' && def.noConsumption) continue
        lmis[measure] = [
            entry.lmis.monthly[catalogueMeasure].id,
            entry.lmis.quarterly[catalogueMeasure].id,
        ]
    }
    lmis.dataSet = dataSets
    return lmis
}

/**
 * What the demo's LMIS offers for stock status, written into the seeded mapping by
 * `seed-config.ts` as the app's fields `lmis.stockedOut` and `lmis.reportingGroups` (the mapping
 * editor edits both):
 *
 * - `stockedOut`: per pair, the LMIS's own stocked-out flag `[monthly, quarterly R&R]` (data
 *   elements `LMIS_<code>_SO` / `LMIS_<code>_SO_Q`, "<commodity> - Stocked out (0/1)",
 *   aggregation SUM, zero significant): SUM over facilities = facilities stocked out in a month,
 *   COUNT = facilities that reported, MAX_SUM_ORG_UNIT over a quarter = facilities stocked out at
 *   some time in it.
 * - `lmisReportingGroups`: the org unit group set "LMIS reporting group" and, per quarterly group,
 *   the months by which the R&R window stored in a calendar quarter is shifted from that quarter
 *   (`LMIS_GROUP_OFFSET`: A 0 = Jan–Mar in Q1; B +1 = Feb–Apr in Q1; C −1 = Dec–Feb in Q1). DHIS2
 *   stores a quarterly data set's values in the quarter period, so the window is not visible in
 *   the data; the group "LMIS monthly reporting" has no window (monthly reports). This is how an
 *   LMIS→DHIS2 push stores an R&R (in the calendar quarter holding most of its three months), and
 *   what the app's `monthOffset` means (`src/domain/periods/staggered.ts`).
 */
export interface DemoLmisExtras {
    stockedOut: Record<string, [string, string]>
    lmisReportingGroups: { groupSet: string; windows: Record<string, number> }
}

export const demoLmisExtras = (): DemoLmisExtras => {
    const catalogue = new Map(commodityCatalogue().map((entry) => [entry.key, entry]))
    const stockedOut: Record<string, [string, string]> = {}
    for (const area of PROGRAM_AREAS) {
        for (const def of area.pairs) {
            const entry = catalogue.get(def.commodity)
            if (!entry) throw new RangeError(`Unknown commodity ${def.commodity}`)
            stockedOut[def.id] = [
                entry.lmis.monthly.stockedOut.id,
                entry.lmis.quarterly.stockedOut.id,
            ]
        }
    }
    const windows: Record<string, number> = {}
    for (const group of ['A', 'B', 'C'] as const) {
        windows[metadataUid('oug', `LMIS_GROUP_${group}`)] = LMIS_GROUP_OFFSET[group]
    }
    return {
        stockedOut,
        lmisReportingGroups: { groupSet: metadataUid('ougs', 'OUGS_LMIS_GROUP'), windows },
    }
}

/**
 * The demo's `triangulate/config` document (version 1) as plain JSON. Ids come from the catalogue
 * (stable across seeds and country sizes); data set ids are read from `db` when present.
 */
export const buildDemoConfig = (db: DemoDb): unknown => {
    const catalogue = new Map(commodityCatalogue().map((entry) => [entry.key, entry]))
    const hmisDataSet = dataSetIdOf(db, 'hmis')
    const lmisDataSets = [dataSetIdOf(db, 'lmisMonthly'), dataSetIdOf(db, 'lmisQuarterly')]

    return {
        version: 1,
        programAreas: PROGRAM_AREAS.map((area) => ({
            id: area.id,
            name: area.name,
            pairs: area.pairs.map((def) => {
                const entry = catalogue.get(def.commodity)
                if (!entry) throw new RangeError(`Unknown commodity ${def.commodity}`)
                const { ratio } = entry
                // the ratio's denominator first: the view divides consumption by the first item
                const hmis = ratio.meaningful
                    ? [
                          ...entry.hmis.slice(ratio.denominator, ratio.denominator + 1),
                          ...entry.hmis.filter((_, index) => index !== ratio.denominator),
                      ]
                    : entry.hmis
                const withRatio = ratio.meaningful && !def.noConsumption
                return {
                    id: def.id,
                    name: `${entry.shortName} ↔ ${def.service}`,
                    commodity: { name: entry.name },
                    hmis: {
                        items: hmis.map((item) => ({
                            id: item.dimensionItem,
                            kind: item.categoryOptionCombo
                                ? 'DATA_ELEMENT_OPERAND'
                                : 'DATA_ELEMENT',
                            name: item.label,
                        })),
                        dataSet: hmisDataSet,
                    },
                    lmis: lmisOf(entry, def, lmisDataSets),
                    ...(withRatio
                        ? {
                              ratio: {
                                  ...(def.ratioLabel ? { label: def.ratioLabel } : {}),
                                  expectedLow: ratio.expectedBand[0],
                                  expectedHigh: ratio.expectedBand[1],
                              },
                          }
                        : {}),
                    tips: { ...def.tips },
                    thresholds: {
                        ...DEMO_THRESHOLDS,
                        ...(withRatio ? { ratioBand: [...ratio.expectedBand] } : {}),
                    },
                }
            }),
        })),
    }
}
