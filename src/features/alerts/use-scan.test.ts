/** @vitest-environment jsdom */
import { planScan, scanWindow } from './scan-plan'
import { DE, OU, metadata, ors, oxytocin } from './test-fixtures'
import { scanBatchesQuery, scanPlans, type ScanInput } from './use-scan'

type Engine = Parameters<typeof scanBatchesQuery>[0]

/** An engine answering the children of the root and a count per region and level */
const fakeEngine = (children: string[], perRegion: Record<number, number>) => {
    const asked: unknown[] = []
    const engine = {
        query: (query: Record<string, { params: { filter: string | string[] } }>) => {
            asked.push(query)
            if ('children' in query) {
                return Promise.resolve({
                    children: { organisationUnits: children.map((id) => ({ id })) },
                })
            }
            const answer = Object.fromEntries(
                Object.entries(query).map(([key, { params }]) => {
                    const level = Number(/level:eq:(\d+)/.exec(String(params.filter))?.[1])
                    return [key, { pager: { total: perRegion[level] ?? 0 } }]
                })
            )
            return Promise.resolve(answer)
        },
    } as unknown as Engine
    return { engine, asked }
}

const input = (facilities: number): ScanInput => ({
    pairs: [oxytocin, ors],
    metadata,
    roots: [OU.root],
    levels: [
        { level: 3, orgUnits: 60 },
        { level: 4, orgUnits: facilities },
    ],
    maxLevel: 4,
    window: scanWindow('202610', 12, 6),
})

describe('a scan by batches', () => {
    it('is not asked for a scan small enough to go in one go', () => {
        const { engine } = fakeEngine([], {})
        expect(scanBatchesQuery(engine, input(1500)).enabled).toBe(false)
        expect(scanBatchesQuery(engine, null).enabled).toBe(false)
    })

    it("plans every batch's requests with its own sizes, and the panel counts them all", async () => {
        const regions = ['RegionUnitA', 'RegionUnitB', 'RegionUnitC', 'RegionUnitD']
        const { engine, asked } = fakeEngine(regions, { 3: 15, 4: 1000 })
        const query = scanBatchesQuery(engine, input(4000))
        expect(query.enabled).toBe(true)
        const batches = await query.queryFn({})
        expect(asked).toHaveLength(2)
        expect(batches?.map((b) => b.roots)).toEqual([
            ['RegionUnitA'],
            ['RegionUnitB'],
            ['RegionUnitC'],
            ['RegionUnitD'],
        ])
        const whole = planScan({ ...input(4000), roots: [OU.root] })
        const plans = scanPlans(input(4000), whole, batches ?? null)
        expect(plans).toHaveLength(4)
        // each region's org units are asked under that region only
        plans.forEach((plan, b) => {
            expect(plan.length).toBeGreaterThan(0)
            for (const request of plan) {
                const text = JSON.stringify(request.query)
                regions.forEach((region, r) => expect(text.includes(region)).toBe(r === b))
            }
        })
    })

    it('goes in one go when the root has one child', async () => {
        const { engine } = fakeEngine(['RegionUnitA'], { 3: 60, 4: 4000 })
        const batches = await scanBatchesQuery(engine, input(4000)).queryFn({})
        expect(batches).toBeNull()
        const whole = planScan({ ...input(4000) })
        expect(scanPlans(input(4000), whole, null)).toEqual([whole])
    })

    it('asks the levels above the facilities by staggered group in every batch, as in one go', () => {
        const staggered = {
            ...oxytocin,
            lmis: {
                ...oxytocin.lmis,
                reportingGroups: {
                    groupSet: 'GroupSet001',
                    groups: [
                        { id: 'GroupA00001', monthOffset: 0 },
                        { id: 'GroupB00001', monthOffset: 1 },
                    ],
                },
            },
        }
        const scan = { ...input(4000), pairs: [staggered, ors] }
        const whole = planScan({ ...scan, facilityLevel: 4 })
        const grouped = (plan: readonly { level: number; groupSet?: string; dx: string[] }[]) =>
            plan.filter((r) => r.groupSet).map((r) => [r.level, r.groupSet, r.dx])
        expect(grouped(whole)).toEqual([[3, 'GroupSet001', [DE.oxyQ]]])
        const batches = ['RegionUnitA', 'RegionUnitB'].map((id) => ({
            roots: [id],
            levels: [
                { level: 3, orgUnits: 30 },
                { level: 4, orgUnits: 2000 },
            ],
        }))
        for (const plan of scanPlans(scan, whole, batches)) {
            expect(grouped(plan)).toEqual([[3, 'GroupSet001', [DE.oxyQ]]])
        }
    })
})
