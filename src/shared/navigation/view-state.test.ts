import { parseViewState, serializeViewState } from './view-state'
import type { ViewState } from './view-state'

describe('view state in the URL', () => {
    it('round-trips every field', () => {
        const state: ViewState = {
            page: 'view',
            area: 'mnh',
            pair: 'oxytocin',
            pe: '2025',
            ou: 'ImspTQPwCqd',
            grain: 'quarterly',
            drill: { period: '2025Q2', path: ['O6uvpzGd5pu', 'YuQRtpLP10I'] },
            highlight: 'DiszpKrYNg8',
        }
        expect(parseViewState(serializeViewState(state))).toEqual(state)
    })

    it('gives defaults for an empty or broken hash', () => {
        expect(parseViewState('')).toEqual({
            page: 'view',
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
            area: undefined,
            pair: undefined,
            ou: undefined,
            drill: undefined,
            highlight: undefined,
        })
        const broken = parseViewState('#/nowhere?ou=<script>&pe=%00&dpath=a,<b>,c')
        expect(broken.page).toBe('view')
        expect(broken.ou).toBeUndefined()
        expect(broken.pe).toBe('LAST_12_MONTHS')
        expect(broken.drill).toBeUndefined()
    })

    it('carries a combined org unit selection (ous) and drops items analytics would not take', () => {
        const state: ViewState = {
            page: 'view',
            pe: '202501_202503',
            grain: 'monthly',
            ous: [
                'USER_ORGUNIT_CHILDREN',
                'LEVEL-tTUf91fCytl',
                'OU_GROUP-CXw2yu5fodb',
                'ImspTQPwCqd',
                'LEVEL-3',
            ],
        }
        expect(parseViewState(serializeViewState(state))).toEqual(state)
        expect(
            parseViewState('#/view?ous=USER_ORGUNIT,<b>,LEVEL-,OU_GROUP-x,ImspTQPwCqd,ImspTQPwCqd')
                .ous
        ).toEqual(['USER_ORGUNIT', 'ImspTQPwCqd'])
        expect(parseViewState('#/view?ous=,,nothing').ous).toBeUndefined()
    })

    it('keeps the default period out of the URL', () => {
        expect(serializeViewState({ page: 'alerts', pe: 'LAST_12_MONTHS', grain: 'monthly' })).toBe(
            '#/alerts'
        )
    })
})

describe('the alert scan settings in the URL', () => {
    it('round-trips the scan of the Alerts page', () => {
        const state: ViewState = {
            page: 'alerts',
            area: 'mnh',
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
            scan: {
                root: 'ImspTQPwCqd',
                end: '202506',
                baseline: 12,
                test: 6,
                levels: [2, 3, 4],
                run: true,
            },
        }
        const hash = serializeViewState(state)
        expect(hash).toBe(
            '#/alerts?area=mnh&root=ImspTQPwCqd&end=202506&base=12&test=6&lv=2%2C3%2C4&run=1'
        )
        expect(parseViewState(hash)).toEqual(state)
    })

    it('leaves out what has the wrong shape, and says "no scan" when nothing is left', () => {
        expect(
            parseViewState('#/alerts?root=<b>&end=2025-06&base=-3&test=x&lv=0,a,3,3,2&run=yes').scan
        ).toEqual({ levels: [2, 3] })
        expect(parseViewState('#/alerts?end=202513').scan).toBeUndefined()
        expect(parseViewState('#/alerts?end=202500&base=1000').scan).toBeUndefined()
        expect(parseViewState('#/alerts?area=mnh').scan).toBeUndefined()
        expect(parseViewState('#/alerts').scan).toBeUndefined()
    })

    it('belongs to the scan pages only: the view neither reads nor writes it', () => {
        expect(parseViewState('#/view?end=202506&run=1').scan).toBeUndefined()
        expect(
            serializeViewState({
                page: 'view',
                pe: 'LAST_12_MONTHS',
                grain: 'monthly',
                scan: { end: '202506', run: true },
            })
        ).toBe('#/view')
        expect(parseViewState('#/quality?end=202506').scan).toEqual({ end: '202506' })
    })
})

describe("the Data quality page's choices in the URL", () => {
    it('round-trips the level and the month shown', () => {
        const state: ViewState = {
            page: 'quality',
            pe: 'LAST_12_MONTHS',
            grain: 'monthly',
            area: 'mnh',
            scan: { root: 'ImspTQPwCqd', levels: [2, 4] },
            quality: { level: 4, period: '202605' },
        }
        const hash = serializeViewState(state)
        expect(hash).toBe('#/quality?area=mnh&root=ImspTQPwCqd&lv=2%2C4&qlv=4&qpe=202605')
        expect(parseViewState(hash)).toEqual(state)
    })

    it('leaves out what has the wrong shape, and belongs to the Data quality page only', () => {
        expect(parseViewState('#/quality?qlv=x&qpe=2026-05').quality).toBeUndefined()
        expect(parseViewState('#/quality?qlv=3&qpe=2026-05').quality).toEqual({ level: 3 })
        expect(parseViewState('#/alerts?qlv=3&qpe=202605').quality).toBeUndefined()
        expect(
            serializeViewState({
                page: 'view',
                pe: 'LAST_12_MONTHS',
                grain: 'monthly',
                quality: { level: 3 },
            })
        ).toBe('#/view')
    })
})
