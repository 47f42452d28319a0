import { loadEntry } from '../../data/datastore-entry'
import { MemoryDataStore } from '../../data/memory-datastore'
import { loadItemSettings, saveItemSettings } from './item-settings-store'

const settings = { area: 'mnh', pair: 'oxytocin', pe: 'LAST_12_MONTHS', grain: 'monthly' as const }
const KEY = 'dashboard-item-abc'

describe('dashboard item settings in the dataStore', () => {
    it('reads an item not set up yet as such, then saves it and reads it back', async () => {
        const store = new MemoryDataStore()
        store.set('triangulate', 'config', {})
        const engine = store.engine('admin')
        const empty = await loadItemSettings(engine, KEY)
        expect(empty).toMatchObject({ entry: { exists: false }, settings: null })
        const saved = await saveItemSettings(engine, KEY, empty.entry, settings)
        expect(saved.status).toBe('saved')
        expect((await loadItemSettings(engine, KEY)).settings).toEqual(settings)
    })

    it('keeps fields it does not know, and tells the second of two simultaneous editors', async () => {
        const store = new MemoryDataStore()
        store.set('triangulate', KEY, { ...settings, note: 'for the DHMT' })
        const a = store.engine('a')
        const b = store.engine('b')
        const [readA, readB] = await Promise.all([
            loadItemSettings(a, KEY),
            loadItemSettings(b, KEY),
        ])
        expect(readA.settings).toMatchObject({ note: 'for the DHMT' })
        const [resultA, resultB] = await Promise.all([
            saveItemSettings(a, KEY, readA.entry, { ...readA.settings!, pe: '2024' }),
            saveItemSettings(b, KEY, readB.entry, { ...readB.settings!, grain: 'quarterly' }),
        ])
        expect([resultA.status, resultB.status].sort()).toEqual(['conflict', 'saved'])
        const stored = (await loadEntry(a, 'triangulate', KEY)).value
        expect(stored).toMatchObject({ note: 'for the DHMT' })
    })
})
