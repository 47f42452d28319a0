import { analyticsHeader } from '../../api/analytics/test-headers'
/**
 * Test fixtures of the alert scan: a small mapping, its metadata, and analytics tables built from
 * value functions. Used by the `*.test.ts` files beside it only.
 */
import { parseAnalyticsResponse, type AnalyticsTable } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import type { DataSetInfo, ItemInfo } from '../triangulation/pair-model'
import type { MetadataMaps } from './scan-plan'

export const DE = {
    deliveries: 'Deliveries1',
    diarrhoea: 'Diarrhoea01',
    oxyM: 'OxyConsMon1',
    oxyQ: 'OxyConsQua1',
    oxySoh: 'OxySohMon01',
    orsM: 'OrsConsMon1',
    zincM: 'ZincConsMo1',
}
export const DS = { hmis: 'HmisDataSe1', lmisM: 'LmisMonthl1', lmisQ: 'LmisQuarte1' }
export const OU = { root: 'RootUnit001', region: 'RegionUnit1', a: 'DistrictA01', b: 'DistrictB01' }

export const oxytocin: Pair = {
    id: 'oxytocin-deliveries',
    name: 'Oxytocin ↔ Deliveries',
    commodity: { name: 'Oxytocin' },
    hmis: { items: [{ id: DE.deliveries, name: 'Deliveries' }], dataSet: DS.hmis },
    lmis: {
        consumption: [DE.oxyM, DE.oxyQ],
        stockOnHand: DE.oxySoh,
        dataSet: [DS.lmisM, DS.lmisQ],
    },
}
export const ors: Pair = {
    id: 'ors-diarrhoea',
    name: 'ORS ↔ Diarrhoea',
    commodity: { name: 'ORS' },
    hmis: { items: [{ id: DE.diarrhoea, name: 'Diarrhoea cases' }], dataSet: DS.hmis },
    lmis: { consumption: DE.orsM, dataSet: DS.lmisM },
}
export const zinc: Pair = {
    id: 'zinc-diarrhoea',
    name: 'Zinc ↔ Diarrhoea',
    commodity: { name: 'Zinc' },
    hmis: { items: [{ id: DE.diarrhoea, name: 'Diarrhoea cases' }], dataSet: DS.hmis },
    lmis: { consumption: DE.zincM, dataSet: DS.lmisM },
}

const item = (id: string, periodType: 'MONTHLY' | 'QUARTERLY'): [string, ItemInfo] => [
    id,
    { id, name: id, periodType },
]

export const metadata: MetadataMaps = {
    items: new Map<string, ItemInfo>([
        item(DE.deliveries, 'MONTHLY'),
        item(DE.diarrhoea, 'MONTHLY'),
        item(DE.oxyM, 'MONTHLY'),
        item(DE.oxyQ, 'QUARTERLY'),
        item(DE.oxySoh, 'MONTHLY'),
        item(DE.orsM, 'MONTHLY'),
        item(DE.zincM, 'MONTHLY'),
    ]),
    dataSets: new Map<string, DataSetInfo>([
        [DS.hmis, { id: DS.hmis, name: 'HMIS', periodType: 'MONTHLY' }],
        [DS.lmisM, { id: DS.lmisM, name: 'LMIS monthly', periodType: 'MONTHLY' }],
        [DS.lmisQ, { id: DS.lmisQ, name: 'LMIS quarterly', periodType: 'QUARTERLY' }],
    ]),
}

/** A table of `dx`, `pe`, `ou` rows with the scan's metadata (names, hierarchy) */
export const table = (
    rows: readonly (readonly [string, string, string, number | null])[],
    orgUnits: readonly string[] = [OU.a, OU.b]
): AnalyticsTable =>
    parseAnalyticsResponse({
        headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
        metaData: {
            items: {
                [OU.a]: { name: 'District A' },
                [OU.b]: { name: 'District <b>' },
            },
            dimensions: { dx: [], pe: [], ou: [...orgUnits] },
            ouHierarchy: Object.fromEntries(orgUnits.map((ou) => [ou, `${OU.root}/${OU.region}`])),
            ouNameHierarchy: Object.fromEntries(
                orgUnits.map((ou) => [ou, `/Country/Region/${ou === OU.a ? 'District A' : 'B'}`])
            ),
        },
        rows: rows
            .filter(([, , , v]) => v !== null)
            .map(([dx, pe, ou, v]) => [dx, pe, ou, String(v)]),
    })

/** Rows of one item at one org unit from a function of the period index */
export const rowsOf = (
    dx: string,
    ou: string,
    periods: readonly string[],
    value: (index: number, period: string) => number | null
): [string, string, string, number | null][] => periods.map((pe, i) => [dx, pe, ou, value(i, pe)])
