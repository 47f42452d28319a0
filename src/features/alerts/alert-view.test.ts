import { describeAlert, detectOutliers } from '../../domain/alerts'
import type { Config } from '../../domain/config'
import { parseViewState, serializeViewState } from '../../shared/navigation'
import {
    alertNames,
    alertViewState,
    areaOfPairs,
    entryPairName,
    orgUnitViewState,
    selectionContaining,
    serviceName,
} from './alert-view'
import type { ScanAlert } from './scan-alerts'
import { formatThreshold, parseThreshold } from './scan-settings'
import { OU, ors, oxytocin } from './test-fixtures'

const config: Config = {
    version: 1,
    programAreas: [
        { id: 'mnh', name: 'Maternal health', pairs: [oxytocin] },
        { id: 'child', name: 'Child health', pairs: [ors] },
    ],
}

const spike = (): ScanAlert => {
    const values = [100, 101, 99, 100, 102, 98, 1000]
    const [alert] = detectOutliers({
        pairId: oxytocin.id,
        orgUnitId: 'Facility001',
        periods: ['202601', '202602', '202603', '202604', '202605', '202606', '202607'],
        values,
        series: 'hmis',
    })
    if (!alert) throw new Error('no alert')
    return { alert, pairIds: [oxytocin.id], level: 4 }
}

describe('selectionContaining', () => {
    it('uses the last 12 months, the last 4 quarters, or the year', () => {
        expect(selectionContaining('202610', '202610')).toBe('LAST_12_MONTHS')
        expect(selectionContaining('202511', '202610')).toBe('LAST_12_MONTHS')
        expect(selectionContaining('202510', '202610')).toBe('2025')
        expect(selectionContaining('2026Q3', '202610')).toBe('LAST_4_QUARTERS')
        expect(selectionContaining('2025Q4', '202610')).toBe('LAST_4_QUARTERS')
        expect(selectionContaining('2025Q3', '202610')).toBe('2025')
        expect(selectionContaining('2026Q3', '202609')).toBe('LAST_4_QUARTERS')
    })
})

describe('alertViewState', () => {
    it('opens the view drilled to the period across the parent’s children, highlighted', () => {
        const state = alertViewState({
            scanAlert: spike(),
            areaId: 'mnh',
            orgUnit: { id: 'Facility001', ancestors: [OU.root, OU.region, OU.a] },
            roots: [OU.root],
            lastMonth: '202610',
        })
        expect(state).toEqual({
            page: 'view',
            area: 'mnh',
            pair: oxytocin.id,
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
            ou: OU.root,
            drill: { period: '202607', path: [OU.region, OU.a] },
            highlight: 'Facility001',
        })
        // the URL keeps it all
        expect(parseViewState(serializeViewState(state))).toEqual(state)
    })

    it('drills from the root for its children, and opens a root’s trend', () => {
        const child = orgUnitViewState({
            orgUnitId: OU.region,
            ancestors: [OU.root],
            period: '2026Q2',
            areaId: 'mnh',
            pairId: undefined,
            roots: [OU.root],
            lastMonth: '202610',
        })
        expect(child).toMatchObject({
            ou: OU.root,
            grain: 'quarterly',
            pe: 'LAST_4_QUARTERS',
            drill: { period: '2026Q2', path: [] },
            highlight: OU.region,
        })
        const root = orgUnitViewState({
            orgUnitId: OU.root,
            ancestors: [],
            period: '202605',
            areaId: 'mnh',
            pairId: oxytocin.id,
            roots: [OU.root],
            lastMonth: '202610',
        })
        expect(root).toEqual({
            page: 'view',
            area: 'mnh',
            pair: oxytocin.id,
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
            ou: OU.root,
        })
    })

    it('starts at the user’s own root when paths start above it', () => {
        const state = orgUnitViewState({
            orgUnitId: 'Facility001',
            ancestors: [OU.root, OU.region, OU.a],
            period: '202605',
            areaId: undefined,
            pairId: undefined,
            roots: [OU.region],
            lastMonth: '202610',
        })
        expect(state).toMatchObject({ ou: OU.region, drill: { path: [OU.a] } })
    })
})

describe('alert names', () => {
    it('names the pair, its commodity and service, the org unit and the period', () => {
        const names = alertNames(
            spike(),
            oxytocin,
            {
                id: 'Facility001',
                name: 'Kakua <Health> Centre',
                level: 4,
                ancestors: [],
                ancestorNames: [],
            },
            {},
            (id) => `period ${id}`
        )
        expect(names).toEqual({
            pair: 'Oxytocin ↔ Deliveries',
            commodity: 'Oxytocin',
            service: 'Deliveries',
            orgUnit: 'Kakua <Health> Centre',
            period: 'period 202607',
        })
        expect(describeAlert(spike().alert, names)).toContain('Kakua <Health> Centre')
        const shared = { ...spike(), pairIds: [oxytocin.id, ors.id, 'zinc'] }
        expect(alertNames(shared, oxytocin, undefined, {}, (id) => id)).toMatchObject({
            pair: 'Oxytocin ↔ Deliveries and 2 other pairs',
            orgUnit: 'Facility001',
        })
        expect(serviceName({ ...ors, hmis: { items: [{ id: 'X0000000001' }] } }, {})).toBe(ors.name)
        expect(
            serviceName(
                { ...ors, hmis: { items: [{ id: 'X0000000001' }] } },
                {
                    X0000000001: 'Cases',
                }
            )
        ).toBe('Cases')
        expect(areaOfPairs(config).get(ors.id)).toBe('child')
    })
})

describe('parseThreshold', () => {
    it('accepts numbers within bounds only', () => {
        expect(parseThreshold('3.5', 0.5)).toBe(3.5)
        expect(parseThreshold(' ', 0.5)).toBeUndefined()
        expect(parseThreshold('0', 0.5)).toBeUndefined()
        expect(parseThreshold('120', 0, 100)).toBeUndefined()
        expect(parseThreshold('abc', 0)).toBeUndefined()
    })
})

describe('formatThreshold', () => {
    it("writes a threshold as the user's language does", () => {
        expect(formatThreshold(3.5, 'fr')).toBe('3,5')
        expect(formatThreshold(3.5, 'en')).toBe('3.5')
        expect(formatThreshold(3.5, 'sw')).toBe('3.5')
        expect(formatThreshold(80, 'fr')).toBe('80')
        expect(formatThreshold(3.5, '')).toBe('3.5')
        expect(formatThreshold(3.5, 'not a locale!')).toBe('3.5')
    })
})

describe('entryPairName', () => {
    it("names the entry's own pair, and how many others its findings concern", () => {
        expect(entryPairName({ pairId: oxytocin.id, pairIds: [oxytocin.id] }, oxytocin)).toBe(
            oxytocin.name
        )
        expect(
            entryPairName(
                { pairId: oxytocin.id, pairIds: [oxytocin.id, ors.id, 'other', ors.id] },
                oxytocin
            )
        ).toBe(`${oxytocin.name} and 2 other pairs`)
        expect(entryPairName({ pairId: 'gone', pairIds: ['gone'] }, undefined)).toBe('gone')
    })

    it('keeps names as text', () => {
        expect(entryPairName({ pairId: 'p', pairIds: ['p', 'q'] }, { name: '<b>A & B</b>' })).toBe(
            '<b>A & B</b> and 1 other pairs'
        )
    })
})
