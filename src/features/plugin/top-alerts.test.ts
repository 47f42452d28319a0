import { describe, expect, it } from 'vitest'
import { parseViewState, serializeViewState } from '../../shared/navigation'
import { scanFromUrl } from '../alerts/scan-url'
import { appLink } from './item-settings'
import { alertItemLevels, itemAlertsPageState, itemScanEnd } from './top-alerts'

describe('alertItemLevels', () => {
    it('scans the org unit and two levels below it, a facility alone', () => {
        expect(alertItemLevels(1, 4)).toEqual([1, 2, 3])
        expect(alertItemLevels(3, 4)).toEqual([3, 4])
        expect(alertItemLevels(4, 4)).toEqual([4])
    })
})

describe('itemScanEnd', () => {
    it('ends the scan at the dashboard period when it ends before the last month due', () => {
        expect(itemScanEnd('202610', '202512')).toBe('202512')
        expect(itemScanEnd('202610', '202609')).toBe('202609')
    })
    it('never scans months not yet due: a period reaching into them ends at the last month due', () => {
        expect(itemScanEnd('202610', '202612')).toBe('202610')
        expect(itemScanEnd('202610', '202610')).toBe('202610')
        expect(itemScanEnd('202610')).toBe('202610')
    })
})

describe('itemAlertsPageState', () => {
    it('opens the Alerts page on the item\u2019s scan, run on opening', () => {
        const state = itemAlertsPageState({
            areaId: 'mnh',
            orgUnitId: 'ImspTQPwCqd',
            levels: [2, 3, 4],
            end: '202512',
            baselineMonths: 12,
            testMonths: 6,
        })
        expect(appLink(state)).toBe(
            'index.html#/alerts?area=mnh&root=ImspTQPwCqd&end=202512&base=12&test=6&lv=2%2C3%2C4&run=1'
        )
        expect(scanFromUrl(parseViewState(serializeViewState(state)), ['mnh'])).toEqual({
            settings: {
                areaId: 'mnh',
                rootId: 'ImspTQPwCqd',
                end: '202512',
                levels: [2, 3, 4],
                baselineMonths: 12,
                testMonths: 6,
            },
            run: true,
        })
    })
})
