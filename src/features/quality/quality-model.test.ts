import type { PairOrgUnitSeries, ReportCountSeries, ScanData } from '../alerts/scan-data'
import { scanWindow } from '../alerts/scan-plan'
import { DS, OU, metadata, ors, oxytocin } from '../alerts/test-fixtures'
import {
    completenessRows,
    isLow,
    masterListGaps,
    periodMonths,
    reportsOver,
    sortCompleteness,
    systemDataSets,
    testedMonths,
    type CompletenessRow,
} from './quality-model'

// Tested months: 2024-09 to 2024-11; 2024Q4 is not over
const window = scanWindow('202411', 3, 3)
const { months, quarters } = window
const dataSets = [...metadata.dataSets.values()]
const counts = (actual: number[], expected: number[]): ReportCountSeries => ({ actual, expected })
const same = (length: number, value: number) => Array.from({ length }, () => value)

const unit = (id: string, name: string) => ({
    id,
    name,
    level: 4,
    ancestors: [OU.root, OU.region],
    ancestorNames: ['Country', 'Region'],
})

const series = (
    orgUnitId: string,
    hmis: boolean,
    lmis: boolean,
    pairId = ors.id
): PairOrgUnitSeries => ({
    pairId,
    orgUnitId,
    casesItem: null,
    cases: null,
    consumption: null,
    stockOnHand: null,
    stockoutDays: null,
    hmisValues: months.map(() => hmis),
    lmisValues: months.map(() => lmis),
    quarterly: null,
})

const scan: ScanData = {
    window,
    dataSets,
    itemNames: {},
    levels: [
        {
            level: 4,
            facilityLevel: true,
            orgUnits: [
                unit('Both0000001', 'Both'),
                unit('HmisOnly001', 'HMIS only'),
                unit('LmisOnly001', 'LMIS only'),
                unit('Quarterly01', 'Quarterly reporter'),
            ],
            series: [
                series('Both0000001', true, true),
                series('HmisOnly001', true, false),
                series('LmisOnly001', false, true),
                series('Quarterly01', true, false),
            ],
            reports: {
                Both0000001: {
                    [DS.hmis]: counts([1, 1, 1, 1, 1, 0], same(6, 1)),
                    [DS.lmisM]: counts([1, 1, 1, 1, 1, 1], same(6, 1)),
                },
                HmisOnly001: { [DS.hmis]: counts(same(6, 1), same(6, 1)) },
                LmisOnly001: { [DS.lmisM]: counts(same(6, 1), same(6, 1)) },
                Quarterly01: {
                    [DS.hmis]: counts(same(6, 1), same(6, 1)),
                    // Q2 and Q3 reported, Q4 expected but not due
                    [DS.lmisQ]: counts([1, 1, 0], [1, 1, 1]),
                },
            },
        },
    ],
}

describe('periods', () => {
    it('covers one tested month or all of them', () => {
        expect(quarters).toEqual(['2024Q2', '2024Q3', '2024Q4'])
        expect(testedMonths(scan)).toEqual(['202409', '202410', '202411'])
        expect(periodMonths(scan, null)).toEqual(['202409', '202410', '202411'])
        expect(periodMonths(scan, '202410')).toEqual(['202410'])
        expect(periodMonths(scan, '202406')).toEqual([])
    })
})

describe('completeness', () => {
    it('sums reports of each system’s data sets; quarterly ones for quarters that are over', () => {
        expect(systemDataSets(scan, [oxytocin, ors])).toEqual({
            hmis: [DS.hmis],
            lmis: [DS.lmisM, DS.lmisQ],
        })
        const rows = completenessRows(scan, 4, [oxytocin, ors], null)
        const both = rows.find((r) => r.orgUnit.id === 'Both0000001')
        expect(both?.hmis).toEqual({ actual: 2, expected: 3, rate: 66.7 })
        expect(both?.lmis).toEqual({ actual: 3, expected: 3, rate: 100 })
        const quarterly = rows.find((r) => r.orgUnit.id === 'Quarterly01')
        // 2024Q3 ends in the tested months; 2024Q4 is not over
        expect(quarterly?.lmis).toEqual({ actual: 1, expected: 1, rate: 100 })
        const october = completenessRows(scan, 4, [oxytocin, ors], '202410')
        expect(october.find((r) => r.orgUnit.id === 'Quarterly01')?.lmis.rate).toBeNull()
        expect(completenessRows(scan, 3, [ors], null)).toEqual([])
        expect(reportsOver(scan, undefined, [DS.hmis], months)).toEqual({
            actual: 0,
            expected: 0,
            rate: null,
        })
    })

    it('sorts by name or rate, org units without a rate last', () => {
        const row = (name: string, hmis: number | null): CompletenessRow => ({
            orgUnit: unit(name, name),
            hmis: { actual: 0, expected: 0, rate: hmis },
            lmis: { actual: 0, expected: 0, rate: null },
        })
        const rows = [row('b', 90), row('a', null), row('c', 40), row('d', 90)]
        const names = (list: CompletenessRow[]) => list.map((r) => r.orgUnit.name)
        expect(names(sortCompleteness(rows, 'hmis', 'asc'))).toEqual(['c', 'b', 'd', 'a'])
        expect(names(sortCompleteness(rows, 'hmis', 'desc'))).toEqual(['b', 'd', 'c', 'a'])
        expect(names(sortCompleteness(rows, 'name', 'desc'))).toEqual(['d', 'c', 'b', 'a'])
        expect(isLow(79.9, 80)).toBe(true)
        expect(isLow(80, 80)).toBe(false)
        expect(isLow(null, 80)).toBe(false)
    })
})

describe('masterListGaps', () => {
    it('lists org units with data in one system and none in the other', () => {
        const gaps = masterListGaps(scan, 4, [oxytocin, ors], null)
        expect(gaps.map((g) => [g.orgUnit.id, g.type, g.hmisMonths, g.lmisMonths])).toEqual([
            ['HmisOnly001', 'hmisWithoutLmis', 3, 0],
            ['LmisOnly001', 'lmisWithoutHmis', 0, 3],
        ])
        expect(gaps[0]?.pairIds).toEqual([ors.id])
    })

    it('does not count a quarterly report that is not due yet as missing', () => {
        const november = masterListGaps(scan, 4, [oxytocin, ors], '202411')
        expect(november.map((g) => g.orgUnit.id)).toEqual(['HmisOnly001', 'LmisOnly001'])
    })
})
