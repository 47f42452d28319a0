import { describe, expect, it } from 'vitest'
import { parseViewState, serializeViewState } from '../../shared/navigation'
import { DEFAULT_BASELINE_MONTHS, DEFAULT_TEST_MONTHS } from './scan-plan'
import { END_CHOICES, scanEnd, scanEndChoices, scanFromUrl, withScanSettings } from './scan-url'

const AREAS = ['mnh', 'child']

describe('scanFromUrl', () => {
    it('reads the scan a link asks for', () => {
        expect(
            scanFromUrl(
                parseViewState(
                    '#/alerts?area=mnh&root=ImspTQPwCqd&end=202506&base=24&test=3&lv=2,3&run=1'
                ),
                AREAS
            )
        ).toEqual({
            settings: {
                areaId: 'mnh',
                rootId: 'ImspTQPwCqd',
                end: '202506',
                baselineMonths: 24,
                testMonths: 3,
                levels: [2, 3],
            },
            run: true,
        })
    })

    it('takes the default for what the page does not offer: an unknown area, window or month', () => {
        expect(
            scanFromUrl(parseViewState('#/alerts?area=gone&end=202506&base=7&test=5'), AREAS)
        ).toEqual({
            settings: {
                areaId: null,
                end: '202506',
                baselineMonths: DEFAULT_BASELINE_MONTHS,
                testMonths: DEFAULT_TEST_MONTHS,
                levels: [],
            },
            run: false,
        })
    })

    it('is null without any scan setting: the page keeps the session\u2019s settings', () => {
        expect(scanFromUrl(parseViewState('#/alerts?area=mnh'), AREAS)).toBeNull()
        expect(scanFromUrl(parseViewState('#/alerts'), AREAS)).toBeNull()
    })
})

describe('scanEnd', () => {
    it('ends at the chosen month, never after the last month due', () => {
        expect(scanEnd('202610', '202512')).toBe('202512')
        expect(scanEnd('202610', '202611')).toBe('202610')
        expect(scanEnd('202610', undefined)).toBe('202610')
        expect(scanEnd('202610', '2025W3')).toBe('202610')
    })
})

describe('scanEndChoices', () => {
    it('offers the last months up to the last month due, newest first, and an older chosen one', () => {
        const months = scanEndChoices('202602')
        expect(months).toHaveLength(END_CHOICES)
        expect(months.slice(0, 3)).toEqual(['202602', '202601', '202512'])
        expect(scanEndChoices('202602', '202512')).toEqual(months)
        expect(scanEndChoices('202602', '201912').slice(-2)).toEqual([
            months[months.length - 1],
            '201912',
        ])
        expect(scanEndChoices('202602', '202703')).toEqual(months)
    })
})

describe('withScanSettings', () => {
    it('writes every setting out, and the link reads back the same scan', () => {
        const settings = {
            areaId: 'child',
            rootId: 'ImspTQPwCqd',
            end: '202411',
            levels: [4, 3],
            baselineMonths: 6,
            testMonths: 12,
        }
        const state = withScanSettings(
            { page: 'alerts', pe: 'LAST_12_MONTHS', grain: 'monthly' },
            settings,
            { run: true }
        )
        const hash = serializeViewState(state)
        expect(hash).toContain('area=child')
        expect(hash).toContain('run=1')
        expect(scanFromUrl(parseViewState(hash), AREAS)).toEqual({
            settings: { ...settings, levels: [3, 4] },
            run: true,
        })
        // All program areas: no area in the link, and the scan is still there
        const all = serializeViewState(withScanSettings(state, { ...settings, areaId: null }))
        expect(all).not.toContain('area=')
        expect(all).not.toContain('run=')
        expect(scanFromUrl(parseViewState(all), AREAS)?.settings.areaId).toBeNull()
    })
})
