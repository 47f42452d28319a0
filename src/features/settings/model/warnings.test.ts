import type { MetadataItem, MetadataLookup } from '../api/metadata'
import { emptyPair } from './draft'
import { pairWarnings, warningsFor } from './warnings'

const monthly = { id: 'dsMonthly01', name: 'LMIS Monthly', periodType: 'Monthly' }
const weekly = { id: 'dsWeekly001', name: 'HMIS Weekly', periodType: 'Weekly' }
const item = (id: string, extra: Partial<MetadataItem> = {}): MetadataItem => ({
    id,
    type: 'dataElements',
    name: `Item ${id}`,
    aggregationType: 'SUM',
    dataSets: [monthly],
    periodTypes: ['Monthly'],
    ...extra,
})
const lookupOf = (items: MetadataItem[], checked: string[]): MetadataLookup => ({
    items: new Map(items.map((i) => [i.id, i])),
    checked: new Set(checked),
})

describe('warnings from the server metadata', () => {
    it('says nothing before the lookup answers', () => {
        const pair = emptyPair('p')
        pair.hmisItems = [{ id: 'gone0000001' }]
        expect(pairWarnings(pair, undefined)).toEqual([])
    })

    it('flags items that no longer exist, without dropping them', () => {
        const pair = emptyPair('p')
        pair.hmisItems = [{ id: 'gone0000001', name: 'Old deliveries' }]
        pair.lmis.consumption = ['gone0000002']
        pair.lmisDataSets = ['goneDataSet']
        const warnings = pairWarnings(
            pair,
            lookupOf([], ['gone0000001', 'gone0000002', 'goneDataSet'])
        )
        expect(warnings.map((w) => [w.field, w.code, w.id])).toEqual([
            ['hmis.items', 'missing', 'gone0000001'],
            ['lmis.consumption', 'missing', 'gone0000002'],
            ['lmis.dataSet', 'missing', 'goneDataSet'],
        ])
        expect(warningsFor(warnings, 'hmis.items')[0]).toContain('Old deliveries (gone0000001)')
        expect(pair.hmisItems).toHaveLength(1)
    })

    it('warns about stock on hand not aggregated with LAST', () => {
        const pair = emptyPair('p')
        pair.lmis.stockOnHand = ['soh00000001', 'soh00000002', 'soh00000003']
        const warnings = pairWarnings(
            pair,
            lookupOf(
                [
                    item('soh00000001', { aggregationType: 'SUM' }),
                    item('soh00000002', { aggregationType: 'LAST' }),
                    item('soh00000003', { aggregationType: 'LAST_AVERAGE_ORG_UNIT' }),
                ],
                ['soh00000001', 'soh00000002', 'soh00000003']
            )
        )
        expect(warnings.map((w) => [w.code, w.id])).toEqual([['sohNotLast', 'soh00000001']])
    })

    it('warns about LMIS items in no data set or outside the pair data sets', () => {
        const pair = emptyPair('p')
        pair.lmis.consumption = ['cons0000001', 'cons0000002']
        pair.lmis.received = ['recv0000001']
        pair.lmisDataSets = ['dsMonthly01']
        const other = { id: 'dsOther0001', name: 'Other', periodType: 'Monthly' }
        const warnings = pairWarnings(
            pair,
            lookupOf(
                [
                    item('cons0000001', { dataSets: [], periodTypes: [] }),
                    item('cons0000002', { dataSets: [other] }),
                    item('recv0000001', { aggregationType: 'LAST' }),
                    item('dsMonthly01', { type: 'dataSets', dataSets: [monthly] }),
                ],
                ['cons0000001', 'cons0000002', 'recv0000001', 'dsMonthly01']
            )
        )
        expect(warnings.map((w) => [w.field, w.code, w.id])).toEqual([
            ['lmis.consumption', 'noDataSet', 'cons0000001'],
            ['lmis.consumption', 'notInPairDataSets', 'cons0000002'],
            ['lmis.received', 'flowAggregatedAsLast', 'recv0000001'],
        ])
    })

    it('warns about period types the view cannot align', () => {
        const pair = emptyPair('p')
        pair.hmisItems = [{ id: 'hmis0000001' }]
        pair.lmis.consumption = ['cons0000001']
        const lookup = lookupOf(
            [
                item('hmis0000001', { dataSets: [weekly], periodTypes: ['Weekly'] }),
                item('cons0000001'),
                {
                    ...item('dsWeekly001'),
                    type: 'dataSets',
                    name: 'HMIS Weekly',
                    dataSets: [weekly],
                    periodTypes: ['Weekly'],
                },
            ],
            ['hmis0000001', 'cons0000001', 'dsWeekly001']
        )
        const fromItems = pairWarnings(pair, lookup)
        expect(fromItems.map((w) => [w.field, w.code])).toEqual([['hmis.items', 'periodType']])
        expect(fromItems[0]?.message).toContain('Weekly')
        pair.hmisDataSets = ['dsWeekly001']
        expect(pairWarnings(pair, lookup).map((w) => [w.field, w.code])).toEqual([
            ['hmis.dataSet', 'periodType'],
        ])
    })
})
