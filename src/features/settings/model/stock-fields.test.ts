import { parseConfig } from '../../../domain/config'
import { loadCalendarSupport } from '../../../domain/periods'
import { draftToJson, jsonToDraft, pairDxIds, pairGroupSetIds, type DraftPair } from './draft'
import { duplicatePair } from './edits'
import { indexIssues, pairMessages, validateDraft } from './issues'
import { groupRows, offsetOf, setGroupOffset, windowLabel } from './reporting-groups'
import { pairWarnings } from './warnings'

const GROUP_SET = 'OugsLmisGr1'
const [A, B, C] = ['OugLmisGrpA', 'OugLmisGrpB', 'OugLmisGrpC']

const storedPair = {
    id: 'oxytocin',
    name: 'Oxytocin ↔ deliveries',
    commodity: { name: 'Oxytocin 10 IU' },
    hmis: { items: [{ id: 'yPWqSV8Kl9U' }] },
    lmis: {
        consumption: ['UMFJpVTgDTe', 'bS2wtYvvxT0'],
        stockOnHand: 'TqVOorZ8DXe',
        stockedOut: ['FlagMonthly', 'FlagQuarter'],
        reportingGroups: {
            groupSet: GROUP_SET,
            groups: [
                { id: A, monthOffset: 0 },
                { id: B, monthOffset: 1, note: 'R&R in May' },
                { id: C, monthOffset: -1 },
            ],
            source: 'eLMIS',
        },
    },
    thresholds: { zScore: 3.5, monthsOfStock: [2, 4] },
}
const stored = {
    version: 1,
    programAreas: [{ id: 'maternal-health', name: 'Maternal health', pairs: [storedPair] }],
}

const firstPair = (json: unknown): DraftPair => {
    const pair = jsonToDraft(json).areas[0]?.pairs[0]
    if (!pair) throw new Error('no pair')
    return pair
}

const withPair = (pair: DraftPair) => ({
    areas: [
        { key: 'a', autoId: false, id: 'maternal-health', name: 'Maternal health', pairs: [pair] },
    ],
})

describe('the stock fields of a pair in the editor', () => {
    it('reads the stocked-out flag, the reporting groups and the min–max into fields', () => {
        const pair = firstPair(stored)
        expect(pair.stockedOut).toEqual(['FlagMonthly', 'FlagQuarter'])
        expect(pair.reportingGroups?.groupSet).toBe(GROUP_SET)
        expect(pair.reportingGroups?.groups.map((g) => [g.id, g.monthOffset])).toEqual([
            [A, '0'],
            [B, '1'],
            [C, '-1'],
        ])
        expect([pair.monthsOfStockMin, pair.monthsOfStockMax]).toEqual(['2', '4'])
        // known fields are fields, not unknown extras kept aside
        expect(pair.nestedExtra?.lmis).toBeUndefined()
        expect(pair.nestedExtra?.thresholds).toBeUndefined()
        expect(pairDxIds(pair)).toContain('FlagQuarter')
        expect(pairGroupSetIds(pair)).toEqual([GROUP_SET])
    })

    it('round-trips them unchanged, unknown fields of the groups included', () => {
        const json = draftToJson(jsonToDraft(stored))
        expect(json).toEqual(stored)
        expect(parseConfig(json).errors).toEqual([])
    })

    it('saves what is typed and chosen', () => {
        const pair = firstPair(stored)
        pair.stockedOut = ['FlagMonthly']
        pair.monthsOfStockMin = '1,5'
        pair.monthsOfStockMax = '3'
        pair.reportingGroups = setGroupOffset(
            setGroupOffset(
                pair.reportingGroups as NonNullable<DraftPair['reportingGroups']>,
                C,
                null
            ),
            B,
            2
        )
        const json = draftToJson(withPair(pair)) as typeof stored
        const saved = json.programAreas[0]?.pairs[0] as unknown as typeof storedPair
        expect(saved.lmis.stockedOut).toBe('FlagMonthly')
        expect(saved.thresholds.monthsOfStock).toEqual([1.5, 3])
        expect(saved.lmis.reportingGroups.groups).toEqual([
            { id: A, monthOffset: 0 },
            { id: B, monthOffset: 2, note: 'R&R in May' },
        ])
        expect(validateDraft(withPair(pair))).toEqual([])
    })

    it('leaves absent fields absent', () => {
        const pair = firstPair(stored)
        pair.stockedOut = []
        pair.reportingGroups = null
        pair.monthsOfStockMin = ''
        pair.monthsOfStockMax = ''
        const saved = (draftToJson(withPair(pair)) as typeof stored).programAreas[0]
            ?.pairs[0] as unknown as Record<string, Record<string, unknown>>
        expect(saved.lmis).not.toHaveProperty('stockedOut')
        expect(saved.lmis).not.toHaveProperty('reportingGroups')
        expect(saved.thresholds).toEqual({ zScore: 3.5 })
    })

    it('says what is wrong next to each field, in words', () => {
        const pair = firstPair(stored)
        pair.monthsOfStockMin = '6'
        pair.monthsOfStockMax = '3'
        pair.stockedOut = ['FlagMonthly', 'FlagMonthly']
        pair.reportingGroups = {
            groupSet: GROUP_SET,
            groups: [
                { id: A, monthOffset: '3' },
                { id: A, monthOffset: '0' },
            ],
        }
        const index = indexIssues(validateDraft(withPair(pair)))
        const messages = (field: Parameters<typeof pairMessages>[3]) =>
            pairMessages(index, 0, 0, field)
        expect(messages('thresholds.monthsOfStock')).toEqual([
            'The low value must not be above the high value',
        ])
        expect(messages('lmis.stockedOut')).toEqual(['This data item is listed twice'])
        expect(messages('lmis.reportingGroups')).toEqual([
            'The window must be the calendar quarter or shifted by at most 2 months',
            'This group is listed twice',
        ])
        pair.reportingGroups = { groupSet: GROUP_SET, groups: [] }
        pair.monthsOfStockMin = 'two'
        const again = indexIssues(validateDraft(withPair(pair)))
        expect(pairMessages(again, 0, 0, 'lmis.reportingGroups')).toEqual([
            'Give at least one group its reporting window, or remove the group set',
        ])
        // the minimum is wrong, not the maximum
        expect(pairMessages(again, 0, 0, 'thresholds.monthsOfStock.low')).toEqual([
            'Wrong type – expected a number',
        ])
        expect(pairMessages(again, 0, 0, 'thresholds.monthsOfStock.high')).toEqual([])
        expect(pairMessages(again, 0, 0, 'thresholds.monthsOfStock')).toEqual([])
    })

    it('warns about a flag not summed and groups not in the set', () => {
        const pair = firstPair(stored)
        const lookup = {
            items: new Map([
                [
                    'FlagMonthly',
                    {
                        id: 'FlagMonthly',
                        type: 'dataElements' as const,
                        name: 'Oxytocin stocked out',
                        aggregationType: 'AVERAGE',
                        dataSets: [],
                        periodTypes: [],
                    },
                ],
                [
                    GROUP_SET,
                    {
                        id: GROUP_SET,
                        type: 'organisationUnitGroupSets' as const,
                        name: 'LMIS reporting group',
                        dataSets: [],
                        periodTypes: [],
                        groups: [
                            { id: A, name: 'Group A' },
                            { id: B, name: 'Group B' },
                        ],
                    },
                ],
            ]),
            checked: new Set(['FlagMonthly', 'FlagQuarter', GROUP_SET]),
        }
        const warnings = pairWarnings(pair, lookup)
        const of = (field: string) => warnings.filter((w) => w.field === field).map((w) => w.code)
        expect(of('lmis.stockedOut')).toEqual(['flagNotSum', 'missing'])
        expect(of('lmis.reportingGroups')).toEqual(['groupNotInSet'])
        expect(groupRows(pair.reportingGroups!, lookup.items.get(GROUP_SET)?.groups)).toEqual([
            { id: A, name: 'Group A', monthOffset: '0', inSet: true },
            { id: B, name: 'Group B', monthOffset: '1', inSet: true },
            { id: C, name: C, monthOffset: '-1', inSet: false },
        ])
    })

    it('copies them with a duplicated pair, not shared', () => {
        const draft = jsonToDraft(stored)
        const key = draft.areas[0]?.pairs[0]?.key as string
        const { draft: next } = duplicatePair(draft, key, 'Copy')
        const [source, copy] = next.areas[0]?.pairs ?? []
        expect(copy?.reportingGroups).toEqual(source?.reportingGroups)
        expect(copy?.reportingGroups).not.toBe(source?.reportingGroups)
        expect(copy?.stockedOut).not.toBe(source?.stockedOut)
        expect(copy?.monthsOfStockMax).toBe('4')
    })
})

describe('the reporting windows', () => {
    it('names the months a report stored in the first quarter covers', () => {
        expect(windowLabel(0, 2025)).toBe('January–March')
        expect(windowLabel(1, 2025)).toBe('February–April')
        expect(windowLabel(-1, 2025)).toBe('December–February')
        expect(windowLabel(1, 2025, { locale: 'fr' })).toBe('février–avril')
    })

    it('names them in the instance calendar', async () => {
        await loadCalendarSupport('nepali')
        const nepali = windowLabel(1, 2080, { calendar: 'nepali', locale: 'en' })
        expect(nepali).not.toMatch(/\d/)
        expect(nepali).not.toBe('February–April')
        expect(nepali).toMatch(/^\S+–\S+$/)
    })

    it('reads only the offsets the editor offers', () => {
        expect(offsetOf('1')).toBe(1)
        expect(offsetOf('-2')).toBe(-2)
        expect(offsetOf('+1')).toBe(1)
        expect(offsetOf('3')).toBeNull()
        expect(offsetOf('1.5')).toBeNull()
        expect(offsetOf('')).toBeNull()
    })
})
