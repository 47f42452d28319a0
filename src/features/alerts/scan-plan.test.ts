import {
    chunkItems,
    dxPeriodType,
    facilityOffsetsOf,
    lastCompleteMonth,
    lastDueMonth,
    planScan,
    batchRoots,
    scanPairs,
    scanWindow,
} from './scan-plan'
import { DE, DS, OU, metadata, ors, oxytocin, zinc } from './test-fixtures'

describe('scan periods', () => {
    it('ends with the last complete month, or the one before early in a month', () => {
        expect(lastCompleteMonth('2026-11-26')).toBe('202610')
        expect(lastDueMonth('2026-11-26')).toBe('202610')
        expect(lastDueMonth('2026-11-16')).toBe('202610')
        expect(lastDueMonth('2026-11-15')).toBe('202609')
        expect(lastDueMonth('2026-01-03')).toBe('202511')
    })

    it('covers the baseline then the tested months, with their quarters', () => {
        const window = scanWindow('202610', 12, 6)
        expect(window.months).toHaveLength(18)
        expect(window.months[0]).toBe('202505')
        expect(window.months[17]).toBe('202610')
        expect(window.quarters).toEqual([
            '2025Q2',
            '2025Q3',
            '2025Q4',
            '2026Q1',
            '2026Q2',
            '2026Q3',
            '2026Q4',
        ])
        expect(window).toMatchObject({ baselineMonths: 12, testMonths: 6 })
    })

    it('scans one program area or all', () => {
        const areas = [
            { id: 'mnh', pairs: [oxytocin] },
            { id: 'child', pairs: [ors, zinc] },
        ]
        expect(scanPairs(areas, null).map((p) => p.id)).toEqual([oxytocin.id, ors.id, zinc.id])
        expect(scanPairs(areas, 'child').map((p) => p.id)).toEqual([ors.id, zinc.id])
    })
})

describe('dxPeriodType', () => {
    it('reads items and report counts at their own period type', () => {
        expect(dxPeriodType(DE.oxyQ, metadata)).toBe('QUARTERLY')
        expect(dxPeriodType(DE.oxyM, metadata)).toBe('MONTHLY')
        expect(dxPeriodType(`${DS.lmisQ}.ACTUAL_REPORTS`, metadata)).toBe('QUARTERLY')
        expect(dxPeriodType(`${DS.hmis}.EXPECTED_REPORTS`, metadata)).toBe('MONTHLY')
        expect(dxPeriodType('Unknown0001', metadata)).toBe('MONTHLY')
    })
})

describe('chunkItems', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `Item${String(i).padStart(7, '0')}`)

    it('keeps one chunk when everything fits', () => {
        expect(chunkItems(ids, 100, 10_000)).toEqual([ids])
        expect(chunkItems([], 5, 100)).toEqual([])
    })

    it('splits into the fewest chunks of nearly equal size', () => {
        const chunks = chunkItems(ids, 4, 10_000)
        expect(chunks.map((c) => c.length)).toEqual([4, 3, 3])
        expect(chunks.flat()).toEqual(ids)
    })

    it('splits by URL length too (each id and its encoded separator)', () => {
        const chunks = chunkItems(ids, 100, 3 * 14)
        expect(chunks.every((c) => c.length <= 3)).toBe(true)
        expect(chunks.flat()).toEqual(ids)
    })
})

describe('planScan', () => {
    const window = scanWindow('202610', 12, 6)
    const pairs = [oxytocin, ors, zinc]

    it('makes one request per period type and level, whatever the number of pairs', () => {
        const requests = planScan({
            pairs,
            metadata,
            roots: [OU.root],
            levels: [
                { level: 3, orgUnits: 20 },
                { level: 4, orgUnits: 30 },
            ],
            window,
        })
        expect(requests.map((r) => [r.level, r.periodType])).toEqual([
            [3, 'MONTHLY'],
            [3, 'QUARTERLY'],
            [4, 'MONTHLY'],
            [4, 'QUARTERLY'],
        ])
        const [monthly, quarterly] = requests
        expect(monthly?.dx).toEqual(
            [
                DE.deliveries,
                DE.diarrhoea,
                DE.oxyM,
                DE.oxySoh,
                DE.orsM,
                DE.zincM,
                `${DS.hmis}.ACTUAL_REPORTS`,
                `${DS.hmis}.EXPECTED_REPORTS`,
                `${DS.lmisM}.ACTUAL_REPORTS`,
                `${DS.lmisM}.EXPECTED_REPORTS`,
            ].sort()
        )
        expect(monthly?.pe).toEqual(window.months)
        expect(quarterly?.dx).toEqual(
            [DE.oxyQ, `${DS.lmisQ}.ACTUAL_REPORTS`, `${DS.lmisQ}.EXPECTED_REPORTS`].sort()
        )
        expect(quarterly?.pe).toEqual(window.quarters)
        expect(monthly?.estimatedRows).toBe(10 * 18 * 20)
        expect(monthly?.query).toEqual({
            resource: 'analytics',
            params: {
                dimension: [
                    `dx:${monthly?.dx.join(';')}`,
                    `pe:${window.months.join(';')}`,
                    `ou:${OU.root};LEVEL-3`,
                ],
                displayProperty: 'NAME',
                hierarchyMeta: true,
                showHierarchy: true,
            },
        })
    })

    it('scans several data-view roots in the same request', () => {
        const [request] = planScan({
            pairs,
            metadata,
            roots: [OU.root, OU.region],
            levels: [{ level: 3, orgUnits: 20 }],
            window,
        })
        expect(request?.query.params.dimension[2]).toBe(`ou:${OU.root};LEVEL-3;${OU.region}`)
    })

    it('splits dx when the rows would pass the limit, never per org unit', () => {
        const requests = planScan({
            pairs,
            metadata,
            roots: [OU.root],
            levels: [{ level: 4, orgUnits: 1000 }],
            window,
            limits: { maxRows: 60_000 },
        })
        const monthly = requests.filter((r) => r.periodType === 'MONTHLY')
        // 10 items × 18 months × 1000 org units = 180,000 rows; 3 items make 54,000
        expect(monthly.map((r) => r.dx.length)).toEqual([3, 3, 2, 2])
        expect(monthly.every((r) => r.estimatedRows <= 60_000)).toBe(true)
        expect(monthly.every((r) => r.query.params.dimension[2] === `ou:${OU.root};LEVEL-4`)).toBe(
            true
        )
        expect(new Set(monthly.flatMap((r) => r.dx)).size).toBe(10)
    })

    it('splits the periods only when one item over all of them is too many rows', () => {
        const requests = planScan({
            pairs: [ors],
            metadata,
            roots: [OU.root],
            levels: [{ level: 4, orgUnits: 10_000 }],
            window,
            limits: { maxRows: 50_000 },
        })
        expect(requests.every((r) => r.estimatedRows <= 50_000)).toBe(true)
        expect(requests.every((r) => r.pe.length <= 5 && r.dx.length === 1)).toBe(true)
        const cells = new Set(
            requests.flatMap((r) => r.dx.flatMap((dx) => r.pe.map((pe) => dx + pe)))
        )
        expect(cells.size).toBe(6 * 18)
    })

    it('asks nothing without roots or known items', () => {
        const levels = [{ level: 3, orgUnits: 5 }]
        expect(planScan({ pairs, metadata, roots: [], levels, window })).toEqual([])
        expect(
            planScan({
                pairs,
                metadata: { items: new Map(), dataSets: new Map() },
                roots: [OU.root],
                levels,
                window,
            })
        ).toEqual([])
    })
})

describe('staggered groups of the scan', () => {
    it('maps each facility to its group’s window shift', () => {
        const offsets = new Map([
            ['groupAaaaaa', 0],
            ['groupBbbbbb', 1],
        ])
        const out = facilityOffsetsOf(offsets, [
            { id: 'groupAaaaaa', organisationUnits: [{ id: 'f1' }] },
            { id: 'groupBbbbbb', organisationUnits: [{ id: 'f2' }, { id: 'f3' }] },
            { id: 'otherGroup1', organisationUnits: [{ id: 'f4' }] },
        ])
        expect([...out]).toEqual([
            ['f1', 0],
            ['f2', 1],
            ['f3', 1],
        ])
    })
})

describe('staggered groups at aggregate levels', () => {
    const window = scanWindow('202610', 12, 6)
    const groups = {
        groupSet: 'GroupSet001',
        groups: [
            { id: 'GroupA00001', monthOffset: 0 },
            { id: 'GroupB00001', monthOffset: 1 },
        ],
    }
    const staggered = { ...oxytocin, lmis: { ...oxytocin.lmis, reportingGroups: groups } }

    it('adds one request with the group set as a dimension per level above the facilities', () => {
        const requests = planScan({
            pairs: [staggered, ors],
            metadata,
            roots: [OU.root],
            levels: [
                { level: 3, orgUnits: 20 },
                { level: 4, orgUnits: 30 },
            ],
            window,
            facilityLevel: 4,
        })
        const grouped = requests.filter((r) => r.groupSet)
        expect(grouped).toHaveLength(1)
        const [request] = grouped
        expect(request).toMatchObject({ level: 3, groupSet: 'GroupSet001', dx: [DE.oxyQ] })
        // a quarter on each side: a shifted window reaches into the neighbouring quarter
        expect(request?.pe[0]).toBe('2025Q1')
        expect(request?.pe[request.pe.length - 1]).toBe('2027Q1')
        expect(request?.query.params.dimension).toContain('GroupSet001:GroupA00001;GroupB00001')
        expect(request?.estimatedRows).toBe(1 * request!.pe.length * 20 * 2)
    })

    it('asks nothing by group without groups, or without the facility level', () => {
        const base = {
            metadata,
            roots: [OU.root],
            levels: [{ level: 3, orgUnits: 20 }],
            window,
        }
        expect(
            planScan({ ...base, pairs: [oxytocin], facilityLevel: 4 }).some((r) => r.groupSet)
        ).toBe(false)
        expect(planScan({ ...base, pairs: [staggered] }).some((r) => r.groupSet)).toBe(false)
    })
})

describe('batchRoots', () => {
    const child = (id: string, facilities: number, districts = 0) => ({
        id,
        orgUnits: { 3: districts, 4: facilities },
    })

    it('groups consecutive children up to the size, each batch with its own counts', () => {
        const children = [
            child('A', 600, 5),
            child('B', 700, 6),
            child('C', 400, 3),
            child('D', 1600, 9),
        ]
        expect(batchRoots(children, [4], 1500)).toEqual([
            { roots: ['A', 'B'], levels: [{ level: 4, orgUnits: 1300 }] },
            { roots: ['C'], levels: [{ level: 4, orgUnits: 400 }] },
            // larger than a batch: alone
            { roots: ['D'], levels: [{ level: 4, orgUnits: 1600 }] },
        ])
        // Every scanned level counts towards the size
        expect(batchRoots(children.slice(0, 2), [3, 4], 1305).map((b) => b.roots)).toEqual([
            ['A'],
            ['B'],
        ])
        expect(batchRoots(children.slice(0, 2), [3, 4], 1311)[0]?.levels).toEqual([
            { level: 3, orgUnits: 11 },
            { level: 4, orgUnits: 1300 },
        ])
        expect(batchRoots([], [4], 1500)).toEqual([])
    })

    it('plans a batch of a few regions in far fewer requests than with the country size', () => {
        const window = scanWindow('202610', 12, 6)
        const plan = (orgUnits: number) =>
            planScan({
                pairs: [oxytocin, ors, zinc],
                metadata,
                roots: [OU.region, OU.a],
                levels: [{ level: 4, orgUnits }],
                window,
                limits: { maxRows: 2000 },
            })
        expect(plan(20).length).toBeLessThan(plan(200).length)
        // Metadata with the level's first request only
        const requests = plan(20)
        expect(requests[0]?.query.params).toMatchObject({
            hierarchyMeta: true,
            showHierarchy: true,
        })
        expect(requests[0]?.query.params.skipMeta).toBeUndefined()
        expect(requests[0]?.query.params.dimension).toContain(`ou:${OU.region};LEVEL-4;${OU.a}`)
        for (const request of requests.slice(1)) {
            expect(request.query.params.skipMeta).toBe(true)
            expect(request.query.params.hierarchyMeta).toBeUndefined()
        }
    })
})
