import { describe, expect, it } from 'vitest'
import { alertItemLevels, itemScanEnd } from './top-alerts'

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
