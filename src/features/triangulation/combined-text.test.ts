import { combinedOrgUnitsName, combinedOrgUnitsText } from './combined-text'

describe('a dashboard item summing several org units, in words', () => {
    it('names the filter and the org units DHIS2 summed', () => {
        const text = combinedOrgUnitsText('User sub-units, Level “District”', [
            'Bo',
            'Bombali',
            'Bonthe',
            'Kailahun',
            'Kambia',
            'Kenema',
        ])
        // The filter's own names keep their quotes; no quotes around them (never “… “District””)
        expect(text).toContain('Dashboard filter User sub-units, Level “District” – the sum')
        expect(text).toContain('the sum of 6 org units')
        expect(text).toContain('Bo, Bombali, Bonthe, Kailahun and 2 more')
        expect(combinedOrgUnitsText('X', ['Bo', 'Bombali'])).toContain('Bo, Bombali')
        // The tooltip lists more
        expect(
            combinedOrgUnitsText('X', ['Bo', 'Bombali', 'Bonthe', 'Kailahun', 'Kambia'], 40)
        ).toContain('Kailahun, Kambia')
    })

    it('gives a short name for titles and files', () => {
        expect(combinedOrgUnitsName(['Bo'])).toBe('Bo')
        expect(combinedOrgUnitsName(['Bo', 'Bombali'])).toBe('Bo, Bombali')
        expect(combinedOrgUnitsName(['Bo', 'Bombali', 'Bonthe'])).toBe('3 org units')
    })
})
