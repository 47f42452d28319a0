import { buildDemoConfig } from '../../../../demo/src/data/demo-config'
import { generateCountry } from '../../../../demo/src/data/generate'
import type { DemoDb } from '../../../../demo/src/data/model'
import { idsOf, listPairs, parseConfig, type Pair } from '../../../domain/config'
import { evaluateSuggestions } from './evaluate'
import { suggestPairs, type SuggestCandidate } from './match'
import { normalizeText, tokenize } from './normalize'

/** The demo's data elements as `dataElements?fields=...` returns them, as candidates. */
const candidatesOf = (db: DemoDb): SuggestCandidate[] => {
    const combos = new Map(db.categoryCombos.map((cc) => [cc.id, cc]))
    const cocs = new Map(db.categoryOptionCombos.map((coc) => [coc.id, coc]))
    return db.dataElements.map((de) => {
        const combo = combos.get(de.categoryComboId)
        return {
            id: de.id,
            code: de.code,
            name: de.name,
            shortName: de.shortName,
            formName: de.formName,
            aggregationType: de.aggregationType,
            dataSets: db.dataSets
                .filter((ds) => ds.dataElementIds.includes(de.id))
                .map((ds) => ({ id: ds.id, periodType: ds.periodType })),
            categoryOptionCombos:
                combo && !combo.isDefault
                    ? combo.categoryOptionComboIds.map((id) => ({
                          id,
                          name: cocs.get(id)?.name ?? id,
                      }))
                    : [],
        }
    })
}

describe('normalisation', () => {
    it('removes accents, case and separators, reads <5 as under 5', () => {
        expect(normalizeText('Hémorragie du Post-Partum (HPP) <5')).toBe(
            'hemorragie du post partum hpp under5'
        )
        expect(tokenize('LMIS_OXY_CONS_Q')).toEqual(['lmi', 'oxy', 'con', 'q'])
        expect(tokenize('Accouchements assistés')).toEqual(tokenize('accouchement assiste'))
    })
})

describe('suggestPairs on the demo DHIS2 metadata', () => {
    const db = generateCountry({ facilities: 60, seed: 1, endPeriod: '202412' })
    const truth = parseConfig(buildDemoConfig(db))
    const truthPairs = listPairs(truth.config ?? { version: 1, programAreas: [] }).map(
        (entry) => entry.pair
    )
    const result = suggestPairs(candidatesOf(db))
    const suggested = result.suggestions.map((suggestion) => suggestion.pair)
    const evaluation = evaluateSuggestions(suggested, truthPairs)

    it('finds every true pair of the demo configuration', () => {
        console.log(
            `[suggest] pairs found: ${evaluation.found}/${evaluation.truePairs} (exact: ${evaluation.exact}/${evaluation.truePairs}); HMIS items ${evaluation.hmisItems.found}/${evaluation.hmisItems.total}, LMIS items ${evaluation.lmisItems.found}/${evaluation.lmisItems.total}; suggestions matching no true pair: ${evaluation.unmatchedSuggestions.length}`
        )
        for (const pair of evaluation.pairs.filter((p) => !p.exact)) {
            console.log(`[suggest] not exact: ${pair.truth}`, pair)
        }
        expect(truth.errors).toEqual([])
        expect(evaluation.truePairs).toBe(13)
        expect(evaluation.found).toBe(13)
        expect(evaluation.exact).toBe(13)
        expect(evaluation.unmatchedSuggestions).toEqual([])
        expect(result.notFound).toEqual([])
    })

    it('puts the monthly and the quarterly LMIS element of a measure in the list', () => {
        const oxytocin = result.suggestions.find((s) => s.commodity === 'oxytocin')
        const code = (id: string) => db.dataElements.find((de) => de.id === id)?.code
        expect(idsOf(oxytocin?.pair.lmis.consumption).map(code)).toEqual([
            'LMIS_OXY_CONS',
            'LMIS_OXY_CONS_Q',
        ])
        expect(idsOf(oxytocin?.pair.lmis.stockOnHand).map(code)).toEqual([
            'LMIS_OXY_SOH',
            'LMIS_OXY_SOH_Q',
        ])
        expect(oxytocin?.lmis.consumption.map((item) => item.periodTypes)).toEqual([
            ['Monthly'],
            ['Quarterly'],
        ])
        expect(idsOf(oxytocin?.pair.lmis.dataSet)).toHaveLength(2)
    })

    it('picks the facility deliveries for oxytocin and community births for misoprostol', () => {
        const byKey = (key: string) => result.suggestions.find((s) => s.commodity === key)
        const facility = db.categoryOptionCombos.find((coc) => coc.name === 'Facility')?.id
        const community = db.categoryOptionCombos.find((coc) => coc.name === 'Community')?.id
        const oxytocinHmis = byKey('oxytocin')?.pair.hmis.items.map((item) => item.id) ?? []
        expect(oxytocinHmis[0]).toMatch(new RegExp(`\\.${facility}$`))
        const misoprostolHmis = byKey('misoprostol')?.pair.hmis.items.map((item) => item.id)
        expect(misoprostolHmis?.some((id) => id.endsWith(`.${community}`))).toBe(true)
    })

    it('gives valid pairs, with a ratio only where a dose per case exists', () => {
        for (const suggestion of result.suggestions) {
            const parsed = parseConfig({
                version: 1,
                programAreas: [{ id: 'x', name: 'x', pairs: [suggestion.pair] }],
            })
            expect(parsed.errors).toEqual([])
            expect(suggestion.complete).toBe(true)
            expect(suggestion.score).toBeGreaterThan(0.8)
        }
        const withRatio = (key: string): Pair['ratio'] =>
            result.suggestions.find((s) => s.commodity === key)?.pair.ratio
        expect(withRatio('misoprostol')).toBeUndefined()
        expect(withRatio('amoxicillin')).toBeUndefined()
        expect(withRatio('injectableAntibiotics')).toBeUndefined()
        expect(withRatio('oxytocin')).toBeDefined()
        const tips = result.suggestions.find((s) => s.commodity === 'misoprostol')?.pair.tips
        expect(Object.keys(tips ?? {})).toEqual(['en', 'fr', 'sw'])
    })
})

describe('suggestPairs on French names', () => {
    const de = (
        id: string,
        name: string,
        dataSet: string,
        extra: Partial<SuggestCandidate> = {}
    ): SuggestCandidate => ({
        id,
        name,
        dataSets: [{ id: dataSet, periodType: 'Monthly' }],
        ...extra,
    })
    const candidates: SuggestCandidate[] = [
        de('a0000000001', 'SIGL - Ocytocine 10 UI - Quantité consommée', 'dsSIGL00001'),
        de('a0000000002', 'SIGL - Ocytocine 10 UI - Stock disponible utilisable', 'dsSIGL00001'),
        de('a0000000003', 'SIGL - Ocytocine 10 UI - Nombre de jours de rupture', 'dsSIGL00001'),
        de('a0000000004', 'SIGL - Ocytocine 10 UI - Pertes et ajustements', 'dsSIGL00001'),
        de('a0000000005', 'SIGL - Ocytocine 10 UI - Quantité reçue', 'dsSIGL00001'),
        de('a0000000006', 'SIGL - Ocytocine 10 UI - CMM', 'dsSIGL00001'),
        de('a0000000007', 'SIGL - Misoprostol 200 mcg - Consommation', 'dsSIGL00001'),
        de('a0000000008', 'SIGL - Sulfate de magnésium 50% - Consommation', 'dsSIGL00001'),
        de('a0000000009', 'SIGL - SRO sachet - Consommation', 'dsSIGL00001'),
        de('a0000000010', 'SIGL - Préservatif féminin - Consommation', 'dsSIGL00001'),
        de('a0000000011', 'SIGL - Implant (Jadelle) - Consommation', 'dsSIGL00001'),
        de('a0000000012', "SIGL - Contraception d'urgence - Consommation", 'dsSIGL00001'),
        de('b0000000001', 'Accouchements assistés', 'dsSNIS00001', {
            categoryOptionCombos: [
                { id: 'cFosa000001', name: 'Formation sanitaire' },
                { id: 'cDomicile01', name: 'Domicile' },
            ],
        }),
        de('b0000000002', 'Hémorragie du post-partum (HPP)', 'dsSNIS00001'),
        de('b0000000003', 'Décès maternels par HPP', 'dsSNIS00001'),
        de('b0000000004', 'Pré-éclampsie sévère / éclampsie', 'dsSNIS00001'),
        de('b0000000005', 'Diarrhée chez les enfants de moins de 5 ans', 'dsSNIS00001'),
        de('b0000000006', 'Diarrhée (tous âges)', 'dsSNIS00001'),
        de('b0000000007', 'PF - Nouvelles utilisatrices implant', 'dsSNIS00001'),
        de('b0000000008', 'PF - Préservatif féminin distribué aux clientes', 'dsSNIS00001'),
        de('b0000000009', "PF - Clientes contraception d'urgence", 'dsSNIS00001'),
    ]
    const result = suggestPairs(candidates)
    const byKey = (key: string) => result.suggestions.find((s) => s.commodity === key)

    it('matches roles and services written in French', () => {
        const oxytocin = byKey('oxytocin')
        expect(oxytocin?.pair.lmis).toMatchObject({
            consumption: 'a0000000001',
            stockOnHand: 'a0000000002',
            stockoutDays: 'a0000000003',
            losses: 'a0000000004',
            received: 'a0000000005',
        })
        expect(oxytocin?.pair.hmis.items.map((item) => item.id)).toEqual([
            'b0000000001.cFosa000001',
            'b0000000002',
        ])
        expect(byKey('misoprostol')?.pair.hmis.items.map((item) => item.id)).toEqual([
            'b0000000002',
            'b0000000001.cDomicile01',
        ])
        expect(byKey('magnesiumSulfate')?.pair.hmis.items.map((item) => item.id)).toEqual([
            'b0000000004',
        ])
        expect(byKey('ors')?.pair.hmis.items.map((item) => item.id)).toEqual(['b0000000005'])
        expect(byKey('implants')?.pair.hmis.items.map((item) => item.id)).toEqual(['b0000000007'])
        expect(byKey('emergencyContraception')?.pair.lmis.consumption).toBe('a0000000012')
        expect(byKey('femaleCondoms')?.pair.lmis.consumption).toBe('a0000000010')
    })

    it('reports what it could not find', () => {
        expect(byKey('misoprostol')?.missingLmis).toEqual([
            'stockOnHand',
            'stockoutDays',
            'losses',
            'received',
        ])
        expect(result.notFound).toEqual(
            expect.arrayContaining(['amoxicillin', 'chlorhexidine', 'resuscitationDevices'])
        )
        // Zinc: the HMIS side exists, no LMIS data: offered incomplete, for the admin to finish
        expect(byKey('zinc')?.complete).toBe(false)
        expect(byKey('zinc')?.missingLmis).toHaveLength(5)
    })
})

describe('evaluateSuggestions', () => {
    const pair = (name: string, hmis: string[], consumption: string[]) => ({
        name,
        hmis: { items: hmis.map((id) => ({ id })) },
        lmis: { consumption },
    })
    it('counts found and exact pairs', () => {
        const truth = [
            pair('A', ['h1'], ['l1', 'l2']),
            pair('B', ['h2'], ['l3']),
            pair('C', ['h3'], ['l4']),
        ]
        const suggested = [
            pair('a', ['h1'], ['l1', 'l2']),
            pair('b', ['h9'], ['l3']),
            pair('z', ['h7'], ['l8']),
        ]
        const evaluation = evaluateSuggestions(suggested, truth)
        expect(evaluation.found).toBe(1)
        expect(evaluation.exact).toBe(1)
        expect(evaluation.pairs[1]).toMatchObject({
            suggestion: 'b',
            found: false,
            hmisMissing: ['h2'],
        })
        expect(evaluation.pairs[2]).toMatchObject({ suggestion: null, found: false })
        expect(evaluation.unmatchedSuggestions).toEqual(['z'])
        expect(evaluation.lmisItems).toEqual({ found: 3, total: 4 })
    })
})
