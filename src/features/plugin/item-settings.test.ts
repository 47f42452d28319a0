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

describe('items showing the top alerts', () => {
    it('keeps older items on their pair and opens the alerts page of the area for alert items', async () => {
        const { itemAppState, itemSettingsSchema, showsAlerts } = await import('./item-settings')
        const base = { area: 'mnh', pair: 'oxy', pe: 'LAST_12_MONTHS', grain: 'monthly' as const }
        expect(showsAlerts(itemSettingsSchema.parse(base))).toBe(false)
        const alerts = itemSettingsSchema.parse({ ...base, show: 'alerts' })
        expect(showsAlerts(alerts)).toBe(true)
        const view = {
            page: 'view' as const,
            area: 'mnh',
            pair: 'oxy',
            pe: 'LAST_12_MONTHS',
            grain: 'monthly' as const,
            ou: 'OU1',
        }
        expect(itemAppState(alerts, view)).toEqual({ ...view, page: 'alerts', pair: undefined })
        expect(itemAppState(itemSettingsSchema.parse(base), view)).toBe(view)
        expect(itemSettingsSchema.safeParse({ ...base, show: 'everything' }).success).toBe(false)
    })
})
