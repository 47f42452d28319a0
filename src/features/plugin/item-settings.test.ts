import { serializeViewState } from '../../shared/navigation'
import { appLink, itemKey, itemSettingsSchema, itemViewState } from './item-settings'

const settings = { area: 'mnh', pair: 'oxytocin', pe: 'LAST_12_MONTHS', grain: 'monthly' as const }

describe('dashboard item settings', () => {
    it('validate what is stored', () => {
        expect(itemSettingsSchema.safeParse(settings).success).toBe(true)
        expect(itemSettingsSchema.safeParse({ ...settings, grain: 'weekly' }).success).toBe(false)
        expect(itemSettingsSchema.safeParse({ area: 'mnh' }).success).toBe(false)
    })

    it('key each item safely', () => {
        expect(itemKey('QT4iG1y6qUc')).toBe('dashboard-item-QT4iG1y6qUc')
        expect(itemKey('a/b c')).toBe('dashboard-item-a_b_c')
    })

    it('follow the dashboard filters when given', () => {
        expect(itemViewState(settings, undefined)).toMatchObject({
            pe: 'LAST_12_MONTHS',
            ou: undefined,
        })
        const filtered = itemViewState({ ...settings, ou: 'ROOT' }, { pe: '2024', ou: 'REGION' })
        expect(filtered).toMatchObject({ pe: '2024', ou: 'REGION', pair: 'oxytocin' })
        expect(itemViewState(settings, { pe: 'THIS_YEAR', grain: 'quarterly' })).toMatchObject({
            pe: 'THIS_YEAR',
            grain: 'quarterly',
        })
    })

    it('link to the same view in the app', () => {
        expect(appLink(serializeViewState(itemViewState(settings, undefined)))).toBe(
            'index.html#/view?area=mnh&pair=oxytocin'
        )
    })
})
