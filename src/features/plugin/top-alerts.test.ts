import { describe, expect, it } from 'vitest'
import { alertItemLevels } from './top-alerts'

describe('alertItemLevels', () => {
    it('scans the org unit and two levels below it, a facility alone', () => {
        expect(alertItemLevels(1, 4)).toEqual([1, 2, 3])
        expect(alertItemLevels(3, 4)).toEqual([3, 4])
        expect(alertItemLevels(4, 4)).toEqual([4])
    })
})
