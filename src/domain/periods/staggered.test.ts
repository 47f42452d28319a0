import { alignStaggered, groupWindow, reportQuarterOf, staggeredRequestQuarters } from './staggered'

describe('staggered reporting groups', () => {
    it('knows the months a group’s report covers', () => {
        expect(groupWindow('2026Q1', 0)).toEqual(['202601', '202602', '202603'])
        expect(groupWindow('2026Q1', 1)).toEqual(['202602', '202603', '202604'])
        expect(groupWindow('2026Q1', -1)).toEqual(['202512', '202601', '202602'])
        expect(reportQuarterOf('202604', 1)).toBe('2026Q1')
        expect(reportQuarterOf('202512', -1)).toBe('2026Q1')
        expect(staggeredRequestQuarters(['2026Q1', '2026Q2'])).toEqual([
            '2025Q4',
            '2026Q1',
            '2026Q2',
            '2026Q3',
        ])
    })
    const groups = [
        { monthOffset: 0, values: { '2026Q1': 30, '2026Q2': 60 } },
        { monthOffset: 1, values: { '2025Q4': 3, '2026Q1': 300, '2026Q2': 600 } },
        { monthOffset: -1, values: { '2026Q1': 3000, '2026Q2': 6000 } },
    ]
    it('places each report on its own months and sums the groups (hand-computed)', () => {
        const points = alignStaggered({
            grain: 'monthly',
            periods: ['202601', '202603', '202604'],
            groups,
        })
        // January: A Q1 ÷ 3 + B 2025Q4 ÷ 3 (Nov–Jan) + C Q1 ÷ 3 (Dec–Feb)
        expect(points[0]?.value).toBeCloseTo(10 + 1 + 1000)
        // March: A Q1 + B Q1 (Feb–Apr) + C Q2 (Mar–May)
        expect(points[1]?.value).toBeCloseTo(10 + 100 + 2000)
        // April: A Q2 + B Q1 + C Q2
        expect(points[2]?.value).toBeCloseTo(20 + 100 + 2000)
        expect(points[2]).toMatchObject({ estimated: true, reason: 'GROUP_WINDOWS' })
    })
    it('rebuilds a calendar quarter from the shifted reports', () => {
        const [q1] = alignStaggered({ grain: 'quarterly', periods: ['2026Q1'], groups })
        // A: 30; B: Jan from 2025Q4 (1) + Feb, Mar from Q1 (200); C: Jan, Feb from Q1 (2000) + Mar from Q2 (2000)
        expect(q1?.value).toBeCloseTo(30 + 1 + 200 + 2000 + 2000)
    })
    it('shows no value rather than a lower one when a group’s report is not in', () => {
        const [june] = alignStaggered({ grain: 'monthly', periods: ['202606'], groups })
        // B's report covering June is 2026Q2 (May–Jul): in; C's (Jun–Aug) is 2026Q3: not in
        expect(june).toMatchObject({ value: null, partial: true, missingPeriods: ['2026Q3'] })
    })
})
