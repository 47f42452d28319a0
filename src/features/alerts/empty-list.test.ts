import { emptyListMessage } from './empty-list'
import type { LevelScanData } from './scan-data'

const level = (facilityLevel: boolean): LevelScanData => ({
    level: facilityLevel ? 4 : 3,
    facilityLevel,
    orgUnits: [],
    series: [],
    reports: {},
})

describe('an empty list of alerts', () => {
    it('says the filters hide them when there are alerts', () => {
        expect(emptyListMessage({ levels: [level(false)] }, 3)).toBe(
            'No alert matches these filters.'
        )
    })
    it('says where else to look when no facility was scanned', () => {
        expect(emptyListMessage({ levels: [level(false)] }, 0)).toMatch(
            /facility level is scanned too/
        )
        expect(emptyListMessage({ levels: [level(false), level(true)] }, 0)).toBe(
            'The detectors found nothing unusual with these thresholds.'
        )
    })
})
