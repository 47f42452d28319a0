import { analyticsHeader } from '../../api/analytics/test-headers'
/**
 * Test fixtures of the alert scan: a small mapping, its metadata, and analytics tables built from
 * value functions. Used by the `*.test.ts` files beside it only.
 */
import { parseAnalyticsResponse, type AnalyticsTable } from '../../api/analytics'
import type { Pair } from '../../domain/config'
import type { DataSetInfo, ItemInfo } from '../triangulation/pair-model'
import type { MetadataMaps, ScanWindow } from './scan-plan'
import type {
    LevelScanData,
    PairOrgUnitSeries,
    ReportCountSeries,
    ScanData,
    ScanOrgUnit,
    Series,
} from './scan-data'

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

/** A seeded pseudo-random number in [0, 1) (mulberry32) */
const random = (seed: number) => {
    let state = seed >>> 0
    return () => {
        state = (state + 0x6d2b79f5) >>> 0
        let t = state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

/**
 * A small country scanned at levels 2 (regions), 3 (districts) and 4 (facilities), as a national
 * facility scan's batches of regions give it: one `ScanData` per batch (`batches`: the regions of
 * each, by index), each with its regions, their districts and facilities. Facilities' counts are
 * noisy, with seeded spikes, collapses, stockouts, missing reports, missing consumption, copied
 * values and quarterly consumption; districts and regions hold their sums.
 */
export const nationalScanParts = (
    window: ScanWindow,
    {
        regions = 4,
        districts = 2,
        facilities = 3,
        batches = [[0, 1], [2], [3]],
        seed = 7,
    }: {
        regions?: number
        districts?: number
        facilities?: number
        batches?: readonly (readonly number[])[]
        seed?: number
    } = {}
): ScanData[] => {
    const next = random(seed)
    const { months, quarters } = window
    const pairs = [oxytocin, ors, zinc]
    const dataSets = [...metadata.dataSets.values()]
    const blank = (length: number) => Array.from({ length }, () => 0)
    interface Unit {
        unit: ScanOrgUnit
        series: PairOrgUnitSeries[]
        reports: Record<string, ReportCountSeries>
    }
    const sumOf = (a: Series | null, b: Series | null): Series | null =>
        a && b
            ? a.map((v, i) => (v === null && b[i] === null ? null : (v ?? 0) + (b[i] ?? 0)))
            : (a ?? b)
    const reportsOf = (ids: string[], missing: (i: number) => boolean) =>
        Object.fromEntries(
            ids.map((id) => {
                const periods = id === DS.lmisQ ? quarters : months
                return [
                    id,
                    {
                        actual: periods.map((_, i) => (missing(i) && id === DS.hmis ? 0 : 1)),
                        expected: periods.map(() => 1),
                    },
                ]
            })
        )
    const facility = (id: string, ancestors: string[], names: string[], region: number): Unit => {
        const kind = Math.floor(next() * 10)
        const at = months.length - 1 - Math.floor(next() * 4)
        const size = 20 + Math.floor(next() * 80)
        const noisy = () => months.map(() => Math.max(0, Math.round(size * (0.8 + next() * 0.4))))
        const series = pairs.map((pair, p): PairOrgUnitSeries => {
            const cases = noisy()
            let consumption: Series | null = cases.map((c) => Math.round(c * (1.8 + next() * 0.4)))
            let stockOnHand: Series | null = months.map(() => 100 + Math.floor(next() * 50))
            let stockoutDays: Series | null = months.map(() => 0)
            if (kind === 1 && p === 0) cases[at] = (cases[at] ?? 0) * 4
            if (kind === 2) consumption[at] = Math.round((consumption[at] ?? 0) * 0.1)
            if (kind === 3 && p === 1) {
                stockOnHand[at] = 0
                stockoutDays[at] = 20
                consumption[at] = 0
            }
            // a whole region's zinc tripled in a month (a region's spike)
            if (region % 2 === 1 && p === 2) {
                const m = months.length - 2
                consumption[m] = (consumption[m] ?? 0) * 3
            }
            if (kind === 4 && p === 2) consumption = null
            if (kind === 5 && p === 1) cases.fill(cases[0] ?? 0, months.length - 8)
            if (kind === 6 && p === 0) {
                stockOnHand = null
                stockoutDays = null
            }
            const quarterly =
                kind === 7 && pair.id === oxytocin.id
                    ? {
                          cases: quarters.map((_, q) =>
                              cases.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0)
                          ),
                          consumption: quarters.map((_, q) =>
                              (consumption ?? [])
                                  .slice(q * 3, q * 3 + 3)
                                  .reduce<number>((a, b) => a + (b ?? 0), 0)
                          ),
                      }
                    : null
            return {
                pairId: pair.id,
                orgUnitId: id,
                casesItem: pair.hmis.items[0]?.id ?? null,
                cases,
                consumption,
                stockOnHand,
                stockoutDays,
                hmisValues: months.map(() => true),
                lmisValues: months.map(() => consumption !== null),
                quarterly,
            }
        })
        return {
            unit: { id, name: id, level: 4, ancestors, ancestorNames: names },
            series,
            reports: reportsOf([DS.hmis, DS.lmisM, DS.lmisQ], (i) => kind === 8 && i >= at),
        }
    }
    /** An org unit above facilities: the sums of its children */
    const total = (
        id: string,
        level: number,
        ancestors: string[],
        names: string[],
        children: Unit[]
    ): Unit => ({
        unit: { id, name: id, level, ancestors, ancestorNames: names },
        series: pairs.map((pair, p) => {
            const of = children.map((c) => c.series[p] as PairOrgUnitSeries)
            const sum = (pick: (s: PairOrgUnitSeries) => Series | null) =>
                of.map(pick).reduce<Series | null>((a, b) => sumOf(a, b), null)
            return {
                pairId: pair.id,
                orgUnitId: id,
                casesItem: pair.hmis.items[0]?.id ?? null,
                cases: sum((s) => s.cases),
                consumption: sum((s) => s.consumption),
                stockOnHand: sum((s) => s.stockOnHand),
                stockoutDays: sum((s) => s.stockoutDays),
                hmisValues: months.map((_, i) => of.some((s) => s.hmisValues[i])),
                lmisValues: months.map((_, i) => of.some((s) => s.lmisValues[i])),
                quarterly: null,
            }
        }),
        reports: Object.fromEntries(
            [DS.hmis, DS.lmisM, DS.lmisQ].map((ds) => {
                const length = ds === DS.lmisQ ? quarters.length : months.length
                const add = (key: 'actual' | 'expected') =>
                    children.reduce<number[]>(
                        (sums, c) => sums.map((v, i) => v + (c.reports[ds]?.[key][i] ?? 0)),
                        blank(length)
                    )
                return [ds, { actual: add('actual'), expected: add('expected') }]
            })
        ),
    })
    const tree = Array.from({ length: regions }, (_, r) => {
        const region = `Region${String(r).padStart(5, '0')}`
        const districtUnits = Array.from({ length: districts }, (_, d) => {
            const district = `Distr${r}x${String(d).padStart(4, '0')}`
            const units = Array.from({ length: facilities }, (_, f) =>
                facility(
                    `Facil${r}x${d}x${String(f).padStart(2, '0')}`,
                    [OU.root, region, district],
                    ['Country', region, district],
                    r
                )
            )
            return {
                district: total(district, 3, [OU.root, region], ['Country', region], units),
                units,
            }
        })
        return {
            region: total(
                region,
                2,
                [OU.root],
                ['Country'],
                districtUnits.map((d) => d.district)
            ),
            districts: districtUnits,
        }
    })
    const levelOf = (level: number, units: Unit[]): LevelScanData => ({
        level,
        facilityLevel: level === 4,
        orgUnits: units.map((u) => u.unit),
        series: units.flatMap((u) => u.series),
        reports: Object.fromEntries(units.map((u) => [u.unit.id, u.reports])),
    })
    return batches.map((indexes) => {
        const chosen = indexes.map((i) => tree[i]).filter((r) => r !== undefined)
        return {
            window,
            dataSets,
            itemNames: { [DE.deliveries]: 'Deliveries', [DE.diarrhoea]: 'Diarrhoea cases' },
            levels: [
                levelOf(
                    2,
                    chosen.map((r) => r.region)
                ),
                levelOf(
                    3,
                    chosen.flatMap((r) => r.districts.map((d) => d.district))
                ),
                levelOf(
                    4,
                    chosen.flatMap((r) => r.districts.flatMap((d) => d.units))
                ),
            ],
        }
    })
}
