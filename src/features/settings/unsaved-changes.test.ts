import { confirmLeavingSettings, hasUnsavedChanges, setUnsavedChanges } from './unsaved-changes'

describe('unsaved changes', () => {
    afterEach(() => setUnsavedChanges(false))

    it('lets the navigation leave freely when everything is saved', () => {
        const confirm = vi.fn(() => false)
        expect(hasUnsavedChanges()).toBe(false)
        expect(confirmLeavingSettings(confirm)).toBe(true)
        expect(confirm).not.toHaveBeenCalled()
    })

    it('asks before leaving with unsaved changes', () => {
        setUnsavedChanges(true)
        expect(hasUnsavedChanges()).toBe(true)
        expect(confirmLeavingSettings(() => false)).toBe(false)
        const confirm = vi.fn((_message: string) => true)
        expect(confirmLeavingSettings(confirm)).toBe(true)
        expect(confirm.mock.calls[0]?.[0]).toMatch(/not saved/)
    })
})
