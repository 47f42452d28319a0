import { describe, expect, it } from 'vitest'
import { idsOf, listPairs, parseConfig } from '../../../src/domain/config'
import { COMMODITIES, DATA_SETS } from './catalogue'
import { buildDemoConfig, demoLmisExtras } from './demo-config'
import { generateCountry } from './generate'

const db = generateCountry({ facilities: 40, seed: 7, endPeriod: '202506' })
const stored = buildDemoConfig(db)
const parsed = parseConfig(stored)

describe('buildDemoConfig', () => {
    it('is a valid configuration for the app', () => {
        expect(parsed.errors).toEqual([])
        expect(parsed.migratedFrom).toBeNull()
        expect(parsed.pairResults.every((result) => result.ok)).toBe(true)
        // the schema keeps nothing out: what is stored is what the app reads
        expect(parsed.config).toEqual(stored)
    })

    it('is plain JSON', () => {
        expect(JSON.parse(JSON.stringify(stored))).toEqual(stored)
    })

    it('pairs each of the 13 commodities, in four program areas', () => {
        const config = parsed.config!
        const pairs = listPairs(config)
        expect(pairs.length).toBeGreaterThanOrEqual(13)
        expect(config.programAreas.map((area) => area.name)).toEqual([
            'Maternal health',
            'Newborn health',
            'Child health',
            'Family planning',
        ])
        expect(new Set(pairs.map(({ pair }) => pair.commodity.name))).toEqual(
            new Set(COMMODITIES.map((c) => c.name))
        )
        const oxytocin = pairs.find(({ pair }) => pair.id === 'oxytocin-deliveries')?.pair
        expect(oxytocin?.name).toBe('Oxytocin ↔ Deliveries')
        expect(oxytocin?.thresholds).toEqual({
            zScore: 3.5,
            minDropPercent: 50,
            ratioBand: [0.8, 1.5],
        })
    })

    it('refers only to data items and data sets of the demo database', () => {
        const dataElements = new Set(db.dataElements.map((de) => de.id))
        const optionCombos = new Set(db.categoryOptionCombos.map((coc) => coc.id))
        const dataSets = new Set(db.dataSets.map((ds) => ds.id))
        const dxExists = (dx: string): boolean => {
            const [de, coc] = dx.split('.')
            return (
                dataElements.has(de!) &&
                (coc === undefined || (optionCombos.has(coc) && db.series.has(dx)))
            )
        }
        for (const { pair } of listPairs(parsed.config!)) {
            for (const item of pair.hmis.items) expect(dxExists(item.id), item.id).toBe(true)
            for (const measure of [
                'consumption',
                'stockOnHand',
                'stockoutDays',
                'losses',
                'received',
            ] as const) {
                for (const id of idsOf(pair.lmis[measure])) expect(dxExists(id), id).toBe(true)
            }
            for (const id of [...idsOf(pair.hmis.dataSet), ...idsOf(pair.lmis.dataSet)])
                expect(dataSets.has(id), id).toBe(true)
        }
    })

    it('lists the monthly and quarterly LMIS elements and data sets together', () => {
        const monthly = db.dataSets.find((ds) => ds.code === DATA_SETS.lmisMonthly.code)!
        const quarterly = db.dataSets.find((ds) => ds.code === DATA_SETS.lmisQuarterly.code)!
        for (const { pair } of listPairs(parsed.config!)) {
            expect(idsOf(pair.lmis.dataSet)).toEqual([monthly.id, quarterly.id])
            const stock = idsOf(pair.lmis.stockOnHand)
            expect(stock).toHaveLength(2)
            const periodTypes = stock.map(
                (id) => [...db.series.values()].find((s) => s.dataElementId === id)?.periodType
            )
            expect(periodTypes).toEqual(['Monthly', 'Quarterly'])
        }
    })

    it('offers a ratio only where a dose per case is consistent', () => {
        const pairs = listPairs(parsed.config!).map(({ pair }) => pair)
        const withoutRatio = pairs.filter((pair) => pair.ratio === undefined).map((p) => p.id)
        expect(withoutRatio.sort()).toEqual([
            'amoxicillin-pneumonia',
            'gentamicin-neonatal-sepsis',
            'misoprostol-pph',
            'resuscitation-devices-asphyxia',
        ])
        for (const pair of pairs) {
            expect(pair.thresholds?.ratioBand === undefined).toBe(pair.ratio === undefined)
        }
        const resuscitation = pairs.find((p) => p.id === 'resuscitation-devices-asphyxia')!
        expect(resuscitation.lmis.consumption).toBeUndefined()
        expect(resuscitation.lmis.stockOnHand).toBeDefined()
    })

    it('has tips in English, French and Swahili', () => {
        for (const { pair } of listPairs(parsed.config!)) {
            expect(Object.keys(pair.tips ?? {}).sort()).toEqual(['en', 'fr', 'sw'])
            for (const tip of Object.values(pair.tips ?? {})) {
                expect(tip.length).toBeGreaterThan(80)
                expect(tip).not.toMatch(/[<>]/)
            }
        }
    })
})

describe('demoLmisExtras', () => {
    const extras = demoLmisExtras()

    it('names a stocked-out flag (SUM, 0/1, monthly and R&R) for every pair', () => {
        const pairs = listPairs(parsed.config!).map(({ pair }) => pair.id)
        expect(Object.keys(extras.stockedOut).sort()).toEqual([...pairs].sort())
        for (const [monthly, quarterly] of Object.values(extras.stockedOut)) {
            const m = db.dataElements.find((de) => de.id === monthly)!
            const q = db.dataElements.find((de) => de.id === quarterly)!
            expect(m.name).toMatch(/ - Stocked out \(0\/1\)$/)
            expect([m.aggregationType, q.aggregationType]).toEqual(['SUM', 'SUM'])
            expect(m.zeroIsSignificant && q.zeroIsSignificant).toBe(true)
            const sets = (id: string) => db.dataSets.filter((ds) => ds.dataElementIds.includes(id))
            expect(sets(monthly).map((ds) => ds.code)).toEqual([DATA_SETS.lmisMonthly.code])
            expect(sets(quarterly).map((ds) => ds.code)).toEqual([DATA_SETS.lmisQuarterly.code])
        }
    })

    it('gives the R&R window shift of each quarterly reporting group of the group set', () => {
        const set = db.organisationUnitGroupSets?.find(
            (s) => s.id === extras.lmisReportingGroups.groupSet
        )
        expect(set?.name).toBe('LMIS reporting group')
        const byCode = new Map(
            (db.organisationUnitGroups ?? []).map((g) => [g.id, g.code] as const)
        )
        const windows = Object.entries(extras.lmisReportingGroups.windows).map(([id, offset]) => [
            byCode.get(id),
            offset,
        ])
        expect(windows).toEqual([
            ['LMIS_GROUP_A', 0],
            ['LMIS_GROUP_B', 1],
            ['LMIS_GROUP_C', -1],
        ])
        for (const id of Object.keys(extras.lmisReportingGroups.windows))
            expect(set?.organisationUnitGroupIds).toContain(id)
    })

    it("survives the app's config parser, which keeps fields it does not know", () => {
        const withExtras = {
            ...(stored as object),
            lmisReportingGroups: extras.lmisReportingGroups,
        }
        expect(parseConfig(withExtras).config).toHaveProperty(
            'lmisReportingGroups',
            extras.lmisReportingGroups
        )
    })
})
