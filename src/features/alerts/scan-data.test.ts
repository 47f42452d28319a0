import { analyticsHeader } from '../../api/analytics/test-headers'
import { parseAnalyticsResponse } from '../../api/analytics'
import { ScanTableMerger, mergeTables } from './merge-tables'
import {
    ScanStatuses,
    buildScanData,
    pairDataSetIds,
    pairOrgUnitSeries,
    scanOrgUnits,
} from './scan-data'
import { scanWindow } from './scan-plan'
import { runScanLevels, runScanRequests } from './scan-run'
import { DE, DS, OU, metadata, ors, oxytocin, rowsOf, table, zinc } from './test-fixtures'
import {
    mergeScanData,
    windowCases,
    windowPeriods,
    windowQuarterPeriods,
    type ScanData,
} from './scan-data'
import type { ScanRequest } from './scan-plan'

const window = scanWindow('202412', 6, 6)
const { months, quarters } = window

describe('mergeTables', () => {
    const monthly = table([
        [DE.deliveries, '202401', OU.a, 10],
        [DE.deliveries, '202401', OU.b, 20],
    ])
    const quarterly = table([
        [DE.oxyQ, '2024Q1', OU.a, 30],
        [DE.deliveries, '202401', OU.a, 99],
    ])
    const merged = mergeTables([monthly, quarterly])

    it('reads every table’s values, the first one winning', () => {
        expect(merged.value(DE.deliveries, '202401', OU.a)).toBe(10)
        expect(merged.value(DE.deliveries, '202401', OU.b)).toBe(20)
        expect(merged.value(DE.oxyQ, '2024Q1', OU.a)).toBe(30)
        expect(merged.value(DE.oxyQ, '2024Q1', OU.b)).toBeNull()
        expect(merged.value(DE.deliveries, '202402', OU.a)).toBeNull()
    })

    it('merges names, org units and hierarchies', () => {
        expect(merged.itemName(OU.b)).toBe('District <b>')
        expect(merged.itemIds('ou')).toEqual([OU.a, OU.b])
        expect(merged.ouHierarchy[OU.a]).toEqual([OU.root, OU.region])
        expect(merged.ouNameHierarchy[OU.a]).toEqual(['Country', 'Region', 'District A'])
    })

    it('keeps only the values: a table added later shows through, its cells known before do not', () => {
        const merger = new ScanTableMerger()
        const read = merger.table()
        merger.add(monthly)
        expect(read.value(DE.deliveries, '202401', OU.b)).toBe(20)
        expect(read.value(DE.oxyQ, '2024Q1', OU.a)).toBeNull()
        merger.add(quarterly)
        expect(read.value(DE.oxyQ, '2024Q1', OU.a)).toBe(30)
        expect(read.value(DE.deliveries, '202401', OU.a)).toBe(10)
        expect(Object.keys(read)).not.toContain('rows')
    })

    it("folds a response's cells as it would its rows", () => {
        const grouped = parseAnalyticsResponse({
            headers: ['ou', 'GroupSet001', 'dx', 'value', 'pe'].map(analyticsHeader),
            rows: [
                [OU.a, 'GroupA00001', DE.oxyQ, '30', '2026Q1'],
                [OU.a, null, DE.oxyQ, '90', '2026Q1'],
                [OU.b, 'GroupA00001', DE.oxyQ, '', '2026Q1'],
                [OU.a, 'GroupA00001', DE.oxyQ, '31', '2026Q1'],
            ],
        })
        // The same table without its cells: folded from its rows
        expect(grouped.cells).toBeDefined()
        const withoutCells = {
            dimensions: grouped.dimensions,
            rows: grouped.rows,
            items: grouped.items,
            dimensionItems: grouped.dimensionItems,
            ouHierarchy: grouped.ouHierarchy,
            ouNameHierarchy: grouped.ouNameHierarchy,
        } as unknown as typeof grouped
        const fromCells = mergeTables([grouped])
        const fromRows = mergeTables([withoutCells])
        for (const read of [fromCells, fromRows]) {
            expect(read.value(DE.oxyQ, '2026Q1', OU.a)).toBe(90)
            expect(read.value(DE.oxyQ, '2026Q1', OU.a, { GroupSet001: 'GroupA00001' })).toBe(30)
            expect(read.value(DE.oxyQ, '2026Q1', OU.b, { GroupSet001: 'GroupA00001' })).toBeNull()
            expect(read.itemIds('ou')).toEqual([OU.a, OU.b])
            expect(read.itemIds('GroupSet001')).toEqual(['GroupA00001'])
        }
    })

    it("gives an item's values at an org unit by period, as value() reads them", () => {
        const byPeriod = merged.periodValues?.(DE.deliveries, OU.a)
        expect(byPeriod?.get('202401')).toBe(10)
        expect(byPeriod?.get('202402')).toBeUndefined()
        expect(merged.periodValues?.(DE.oxyQ, OU.b)).toBeUndefined()
    })

    it('lists the org units of a table without metaData after one with, from the metaData', () => {
        const bare = parseAnalyticsResponse({
            headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
            rows: [[DE.deliveries, '202403', 'DistrictC01', '1']],
        })
        const read = mergeTables([monthly, bare])
        expect(read.itemIds('ou')).toEqual([OU.a, OU.b])
        expect(read.value(DE.deliveries, '202403', 'DistrictC01')).toBe(1)
    })

    it('lists the org units of rows in first-seen order when the response has no metaData', () => {
        const bare = parseAnalyticsResponse({
            headers: ['dx', 'pe', 'ou', 'value'].map(analyticsHeader),
            rows: [
                [DE.deliveries, '202401', OU.b, '1'],
                [DE.deliveries, '202401', OU.a, '2'],
                [DE.deliveries, '202402', OU.b, ''],
            ],
        })
        const read = mergeTables([bare])
        expect(read.itemIds('ou')).toEqual([OU.b, OU.a])
        expect(read.itemIds('pe')).toEqual(['202401', '202402'])
        expect(read.value(DE.deliveries, '202402', OU.b)).toBeNull()
        expect(read.itemName(OU.a)).toBeUndefined()
    })
})

describe('pairOrgUnitSeries', () => {
    const rows = [
        ...rowsOf(DE.deliveries, OU.a, months, (i) => 100 + i),
        ...rowsOf(DE.oxyM, OU.a, months, (i) => (i === 3 ? null : 90 + i)),
        ...rowsOf(DE.oxySoh, OU.a, months, () => 50),
        ...rowsOf(DE.deliveries, OU.b, months, () => 40),
        ...rowsOf(DE.oxyQ, OU.b, quarters, (i) => 300 + i),
    ]
    const merged = mergeTables([table(rows)])

    it('aligns cases and LMIS measures to the months', () => {
        const series = pairOrgUnitSeries(
            oxytocin,
            merged,
            metadata,
            windowPeriods(window),
            OU.a,
            windowQuarterPeriods(window)
        )
        expect(series.casesItem).toBe(DE.deliveries)
        expect(series.cases).toEqual(months.map((_, i) => 100 + i))
        expect(series.consumption?.[3]).toBeNull()
        expect(series.consumption?.[4]).toBe(94)
        expect(series.stockOnHand).toEqual(months.map(() => 50))
        expect(series.stockoutDays).toBeNull()
        expect(series.hmisValues.every(Boolean)).toBe(true)
        expect(series.lmisValues.every(Boolean)).toBe(true)
        // monthly consumption: no quarterly comparison
        expect(series.quarterly).toBeNull()
    })

    it('compares consumption reported by quarter with cases by quarter', () => {
        const series = pairOrgUnitSeries(
            oxytocin,
            merged,
            metadata,
            windowPeriods(window),
            OU.b,
            windowQuarterPeriods(window)
        )
        expect(series.consumption?.[0]).toBeCloseTo(300 / 3)
        expect(series.quarterly?.consumption).toEqual([300, 301, 302, 303])
        expect(series.quarterly?.cases).toEqual([120, 120, 120, 120])
    })
})

describe('ScanStatuses', () => {
    it('gives every org unit the status it would have on its own', () => {
        const rows = [
            ...rowsOf(DE.deliveries, OU.a, months, (i) => 100 + i),
            ...rowsOf(DE.oxyM, OU.a, months, () => 90),
            ...rowsOf(DE.deliveries, OU.b, months.slice(0, 8), () => 40),
            ...rowsOf(DE.oxyQ, OU.b, quarters.slice(0, 2), (i) => 300 + i),
        ]
        const merged = mergeTables([table(rows)])
        const periods = windowPeriods(window)
        const quarterPeriods = windowQuarterPeriods(window)
        const shared = new ScanStatuses(metadata, periods)
        for (const pair of [oxytocin, zinc, ors]) {
            for (const ou of [OU.a, OU.b]) {
                const at = [
                    pair,
                    merged,
                    metadata,
                    periods,
                    ou,
                    quarterPeriods,
                    null,
                    null,
                ] as const
                expect(pairOrgUnitSeries(...at, shared)).toEqual(pairOrgUnitSeries(...at))
            }
        }
        // Computed once per pair and grain
        expect(shared.of(oxytocin, periods)).toBe(shared.of(oxytocin, periods))
        expect(shared.currentMonth).toBe('202501')
    })
})

describe('the current quarter in a scan', () => {
    it('is not compared while it is not over: its partial report is no fall', () => {
        // Scanned up to November 2024: the fourth quarter is not over (one group in, say)
        const open = scanWindow('202411', 6, 5)
        const merged = mergeTables([
            table([
                ...rowsOf(DE.deliveries, OU.b, open.months, () => 40),
                ...rowsOf(DE.oxyQ, OU.b, open.quarters, (i) => (i === 3 ? 100 : 300 + i)),
            ]),
        ])
        const series = pairOrgUnitSeries(
            oxytocin,
            merged,
            metadata,
            windowPeriods(open),
            OU.b,
            windowQuarterPeriods(open)
        )
        expect(series.quarterly?.consumption).toEqual([300, 301, 302, null])
        expect(series.consumption?.slice(-2)).toEqual([null, null])
        expect(series.consumption?.[8]).toBeCloseTo(302 / 3)
    })
})

describe('scanOrgUnits', () => {
    it('names org units and their ancestors below the data-view roots', () => {
        const units = scanOrgUnits(table([]), 3, [OU.root])
        expect(units[0]).toEqual({
            id: OU.a,
            name: 'District A',
            level: 3,
            ancestors: [OU.root, OU.region],
            ancestorNames: ['Country', 'Region'],
        })
        // a user whose root is the region: paths start there
        const below = scanOrgUnits(table([]), 3, [OU.region])
        expect(below[0]?.ancestors).toEqual([OU.region])
        expect(below[0]?.ancestorNames).toEqual(['Region'])
    })
})

describe('buildScanData', () => {
    const rows = [
        ...rowsOf(DE.deliveries, OU.a, months, () => 100),
        ...rowsOf(`${DS.hmis}.ACTUAL_REPORTS`, OU.a, months, () => 9),
        ...rowsOf(`${DS.hmis}.EXPECTED_REPORTS`, OU.a, months, () => 10),
        ...rowsOf(`${DS.lmisQ}.ACTUAL_REPORTS`, OU.a, quarters, () => 4),
    ]
    const input = {
        pairs: [oxytocin, ors, zinc],
        metadata,
        window,
        roots: [OU.root],
        levels: [{ level: 3, facilityLevel: false, table: mergeTables([table(rows)]) }],
    }

    it('gives every pair at every org unit, and report counts by data set', async () => {
        const progress: [number, number][] = []
        const scan = await buildScanData(input, {
            batch: 1,
            onProgress: (done, total) => progress.push([done, total]),
        })
        expect(progress[0]).toEqual([0, 2])
        expect(progress).toContainEqual([1, 2])
        expect(progress[progress.length - 1]).toEqual([2, 2])
        const [level] = scan.levels
        expect(level?.orgUnits.map((u) => u.id)).toEqual([OU.a, OU.b])
        expect(level?.series).toHaveLength(6)
        expect(level?.reports[OU.a]?.[DS.hmis]?.actual).toEqual(months.map(() => 9))
        expect(level?.reports[OU.a]?.[DS.lmisQ]?.actual).toEqual(quarters.map(() => 4))
        expect(level?.reports[OU.b]?.[DS.hmis]?.actual).toEqual(months.map(() => null))
        expect(scan.dataSets.map((ds) => ds.id)).toEqual([DS.hmis, DS.lmisM, DS.lmisQ])
        expect(scan.itemNames[DE.diarrhoea]).toBe('Diarrhoea cases')
    })

    it('hands on its pieces as they are built, which put together are the scan', async () => {
        for (const pieceSize of [1, 2, 250]) {
            const pieces: ScanData[] = []
            const scan = await buildScanData(input, {
                onPiece: (piece) => pieces.push(piece),
                pieceSize,
            })
            expect(pieces).toHaveLength(pieceSize === 1 ? 2 : 1)
            expect(pieces.every((p) => p.levels.length === 1)).toBe(true)
            expect(pieces[0]?.levels[0]?.orgUnits.length).toBe(Math.min(pieceSize, 2))
            expect(mergeScanData(pieces)).toEqual(scan)
        }
    })

    it('stops when the signal aborts', async () => {
        const controller = new AbortController()
        controller.abort()
        await expect(buildScanData(input, { signal: controller.signal })).rejects.toBeDefined()
    })

    it('lists the data sets of the pairs once', () => {
        expect(pairDataSetIds([oxytocin, ors])).toEqual([DS.hmis, DS.lmisM, DS.lmisQ])
    })
})

describe('runScanRequests', () => {
    const request = (level: number, n: number): ScanRequest => ({
        level,
        periodType: 'MONTHLY',
        dx: [`Item${n}`],
        pe: ['202401'],
        estimatedRows: 1,
        query: {
            resource: 'analytics',
            params: { dimension: [`dx:Item${n}`], displayProperty: 'NAME' },
        },
    })
    const requests = [request(3, 1), request(3, 2), request(4, 3), request(4, 4), request(4, 5)]

    it('runs a few at a time and keeps the plan’s order', async () => {
        let inFlight = 0
        let most = 0
        const progress: number[] = []
        const tables = await runScanRequests(
            requests,
            async (query) => {
                inFlight += 1
                most = Math.max(most, inFlight)
                await new Promise((resolve) => setTimeout(resolve, 5))
                inFlight -= 1
                return table([[query.params.dimension[0]?.slice(3) ?? '', '202401', OU.a, 1]])
            },
            { concurrency: 2, onProgress: (done) => progress.push(done) }
        )
        expect(most).toBe(2)
        expect(progress).toEqual([0, 1, 2, 3, 4, 5])
        expect(tables.map((t) => t.rows[0]?.dims.dx)).toEqual([
            'Item1',
            'Item2',
            'Item3',
            'Item4',
            'Item5',
        ])
    })

    it('stops at a failure or when cancelled', async () => {
        await expect(
            runScanRequests(requests, async () => {
                throw new Error('E7128')
            })
        ).rejects.toThrow('E7128')
        const controller = new AbortController()
        let calls = 0
        await expect(
            runScanRequests(
                requests,
                async () => {
                    calls += 1
                    controller.abort()
                    return table([])
                },
                { signal: controller.signal, concurrency: 1 }
            )
        ).rejects.toBeDefined()
        expect(calls).toBe(1)
    })
})

describe('runScanLevels', () => {
    const request = (level: number, n: number, groupSet?: string): ScanRequest => ({
        level,
        periodType: 'QUARTERLY',
        dx: [`Item${n}`],
        pe: ['2024Q1'],
        estimatedRows: 1,
        ...(groupSet ? { groupSet } : {}),
        query: {
            resource: 'analytics',
            params: { dimension: [`dx:Item${n}`], displayProperty: 'NAME' },
        },
    })
    const grouped = (value: number) =>
        parseAnalyticsResponse({
            headers: ['dx', 'pe', 'ou', 'GroupSet001', 'value'].map(analyticsHeader),
            metaData: { items: {}, dimensions: { ou: [OU.a] } },
            rows: [[DE.oxyQ, '2024Q1', OU.a, 'GroupA00001', String(value)]],
        })
    // Requests 1 and 2 ask for the same cell: the plan's first wins, whichever answers first
    const requests = [
        request(3, 1),
        request(3, 2),
        request(3, 3, 'GroupSet001'),
        request(4, 4),
        request(4, 5, 'GroupSet001'),
    ]
    const answer = (n: number) =>
        n === 3 || n === 5
            ? grouped(n * 10)
            : table([[DE.deliveries, '2024Q1', n === 4 ? OU.b : OU.a, n]])

    it('merges each level’s tables in plan order, whatever order they come in', async () => {
        const levels = await runScanLevels(
            requests,
            async (query) => {
                const n = Number(query.params.dimension[0]?.slice(7))
                // the first request answers last
                await new Promise((resolve) => setTimeout(resolve, n === 1 ? 20 : 1))
                return answer(n)
            },
            4,
            { concurrency: 3 }
        )
        expect(levels.map((l) => [l.level, l.facilityLevel, l.groupSet])).toEqual([
            [3, false, 'GroupSet001'],
            [4, true, 'GroupSet001'],
        ])
        const [district, facility] = levels
        expect(district?.table.value(DE.deliveries, '2024Q1', OU.a)).toBe(1)
        expect(
            district?.groupTable?.value(DE.oxyQ, '2024Q1', OU.a, { GroupSet001: 'GroupA00001' })
        ).toBe(30)
        // group tables are not read at the facility level
        expect(facility?.groupTable).toBeNull()
        expect(facility?.table.value(DE.deliveries, '2024Q1', OU.b)).toBe(4)
        expect(facility?.table.itemIds('ou')).toEqual([OU.a, OU.b])
    })

    it('gives the same values as merging all the tables at the end', async () => {
        const tables = await runScanRequests(requests, async (query) =>
            answer(Number(query.params.dimension[0]?.slice(7)))
        )
        const [district] = await runScanLevels(
            requests,
            async (query) => answer(Number(query.params.dimension[0]?.slice(7))),
            4
        )
        const merged = mergeTables([tables[0], tables[1]].filter((t) => t !== undefined))
        expect(district?.table.value(DE.deliveries, '2024Q1', OU.a)).toBe(
            merged.value(DE.deliveries, '2024Q1', OU.a)
        )
    })

    it('stops at a failure', async () => {
        await expect(
            runScanLevels(
                requests,
                async () => {
                    throw new Error('E7128')
                },
                4
            )
        ).rejects.toThrow('E7128')
    })
})

describe('windowCases', () => {
    // A scan whose months start in May: 2025Q2 is only partly in it
    const months = ['202505', '202506', '202507', '202508', '202509', '202510']
    const quarters = ['2025Q2', '2025Q3', '2025Q4']
    const cases = {
        id: 'cases',
        name: 'Cases',
        points: months.map((period, i) => ({
            period,
            value: 10 * (i + 1),
            estimated: false,
            partial: false,
            sourcePeriods: [period],
            missingPeriods: [],
            reason: null,
        })),
    }

    it('sums the cases of the months a shifted report covers', () => {
        // group B (+1): 2025Q3's report covers August–October
        expect(windowCases(cases, months, quarters, 1)?.[1]).toBe(40 + 50 + 60)
        // group C (−1): June–August
        expect(windowCases(cases, months, quarters, -1)?.[1]).toBe(20 + 30 + 40)
    })

    it('compares the same calendar quarters for every group', () => {
        // B's report stored in 2025Q2 covers May–July, all in the scan, but the calendar
        // quarter is not: compared for no group, or B would get one more baseline quarter
        for (const offset of [-1, 0, 1]) {
            expect(windowCases(cases, months, quarters, offset)?.[0]).toBeNull()
        }
        // 2025Q4: a window reaching past the scan's months has no cases
        expect(windowCases(cases, months, quarters, 1)?.[2]).toBeNull()
    })
})

describe('mergeTables with a group set dimension', () => {
    it('keeps each group’s cells apart', () => {
        const grouped = parseAnalyticsResponse({
            headers: ['dx', 'pe', 'ou', 'GroupSet001', 'value'].map(analyticsHeader),
            metaData: {
                items: {},
                dimensions: {
                    dx: [],
                    pe: [],
                    ou: [OU.a],
                    GroupSet001: ['GroupA00001', 'GroupB00001'],
                },
            },
            rows: [
                [DE.oxyQ, '2026Q1', OU.a, 'GroupA00001', '30'],
                [DE.oxyQ, '2026Q1', OU.a, 'GroupB00001', '60'],
                [DE.oxyQ, '2026Q1', OU.a, null, '90'],
            ],
        })
        const merged = mergeTables([grouped])
        // A row without a group is the org unit's own value
        expect(merged.value(DE.oxyQ, '2026Q1', OU.a)).toBe(90)
        expect(merged.periodValues?.(DE.oxyQ, OU.a)?.get('2026Q1')).toBe(90)
        expect(merged.value(DE.oxyQ, '2026Q1', OU.a, { GroupSet001: 'GroupA00001' })).toBe(30)
        expect(merged.value(DE.oxyQ, '2026Q1', OU.a, { GroupSet001: 'GroupB00001' })).toBe(60)
        expect(merged.value(DE.oxyQ, '2026Q1', OU.a, { GroupSet001: 'GroupC00001' })).toBeNull()
    })
})

describe('mergeScanData', () => {
    const unit = (id: string) => ({
        id,
        name: id,
        level: 4,
        ancestors: ['root', 'region'],
        ancestorNames: ['Root', 'Region'],
    })
    const part = (level: number, ids: string[], names: Record<string, string>): ScanData => ({
        window,
        dataSets: [],
        itemNames: names,
        levels: [
            {
                level,
                facilityLevel: level === 4,
                orgUnits: ids.map(unit),
                series: ids.map(
                    (id) => ({ orgUnitId: id, pairId: 'p' }) as ScanData['levels'][0]['series'][0]
                ),
                reports: Object.fromEntries(
                    ids.map((id) => [id, { ds: { actual: [1], expected: [1] } }])
                ),
            },
        ],
    })
    it('puts the parts together level by level, each org unit once', () => {
        const merged = mergeScanData([
            part(4, ['a', 'b'], { x: 'X' }),
            part(4, ['b', 'c'], { y: 'Y' }),
            part(3, ['d'], {}),
        ])
        expect(merged?.levels.map((l) => l.level)).toEqual([3, 4])
        const facilities = merged?.levels[1]
        expect(facilities?.orgUnits.map((u) => u.id)).toEqual(['a', 'b', 'c'])
        expect(facilities?.series.map((s) => s.orgUnitId)).toEqual(['a', 'b', 'c'])
        expect(Object.keys(facilities?.reports ?? {})).toEqual(['a', 'b', 'c'])
        expect(merged?.itemNames).toEqual({ x: 'X', y: 'Y' })
        expect(mergeScanData([])).toBeNull()
    })
})
