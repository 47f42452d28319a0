import { matchFacilities, type DhisArea, type DhisFacility, type LmisFacility } from './match'

const areas: DhisArea[] = [
    { id: 'R1', name: 'Kilimani Region', level: 2 },
    { id: 'D1', name: 'Kilosa District', level: 3 },
    { id: 'D2', name: 'Gairo District', level: 3 },
]
const dhis: DhisFacility[] = [
    {
        id: 'F1',
        name: 'Kibaoni Dispensary',
        code: 'HF1',
        path: '/N/R1/D1/F1',
        coordinates: [30, -6],
    },
    { id: 'F2', name: 'Mwanzi Health Centre', code: 'HF2', path: '/N/R1/D1/F2' },
    { id: 'F3', name: 'Mwanza Health Centre', code: 'HF3', path: '/N/R1/D1/F3' },
    { id: 'F4', name: 'Lukunde Dispensary', code: 'HF4', path: '/N/R1/D2/F4' },
    { id: 'F5', name: 'Kibaoni II Dispensary', code: 'HF5', path: '/N/R1/D2/F5' },
]
const row = (r: Partial<LmisFacility>): LmisFacility => ({ code: '', name: '', active: true, ...r })
const run = (rows: LmisFacility[]) => matchFacilities(rows, dhis, areas).proposals

describe('matchFacilities', () => {
    it('matches by code first, with the code as a reason', () => {
        const [p] = run([row({ code: 'HF1', name: 'Kibaoni Disp.' })])
        expect(p?.status).toBe('matched')
        expect(p?.dhis).toBe(0)
        expect(p?.candidates[0]?.score).toBe(1)
        expect(p?.candidates[0]?.reasons.map((r) => r.kind)).toContain('code')
    })

    it('matches a differently written name within its district', () => {
        const [p] = run([row({ name: 'ZAHANATI YA LUKUNDE', district: 'Gairo' })])
        expect(p?.status).toBe('matched')
        expect(p?.dhis).toBe(3)
        expect(p?.candidates[0]?.reasons.map((r) => r.kind)).toEqual(
            expect.arrayContaining(['nameExact', 'sameDistrict'])
        )
    })

    it('leaves near-identical candidates for a person', () => {
        const [p] = run([row({ name: 'Mwanzo Health Centre', district: 'Kilosa' })])
        expect(p?.status).toBe('uncertain')
        expect(p?.candidates.map((c) => c.dhis).sort()).toEqual([1, 2])
    })

    it('does not take "Kibaoni II" for "Kibaoni"', () => {
        const [p] = run([row({ name: 'Kibaoni Dispensary', district: 'Gairo' })])
        expect(p?.dhis === 4).toBe(false)
    })

    it('flags a facility listed in another district and does not match it automatically', () => {
        const [p] = run([row({ name: 'Lukunde Dispensary', district: 'Kilosa' })])
        expect(p?.status).toBe('uncertain')
        expect(p?.flags).toContain('districtDiffers')
        expect(p?.candidates[0]?.dhis).toBe(3)
    })

    it('does not trust a code whose name and place disagree', () => {
        const [p] = run([row({ code: 'HF4', name: 'Mwanzi Health Centre', district: 'Kilosa' })])
        expect(p?.dhis).toBe(1)
        expect(p?.candidates.find((c) => c.dhis === 3)?.reasons.map((r) => r.kind)).toContain(
            'codeNameDiffers'
        )
    })

    it('gives one DHIS2 facility to one row only, and flags the rivals', () => {
        const proposals = run([
            row({ code: 'HF2', name: 'Mwanzi Health Centre', district: 'Kilosa' }),
            row({ code: 'L9', name: 'Mwanzi Dispensary', district: 'Kilosa' }),
        ])
        expect(proposals[0]?.status).toBe('matched')
        expect(proposals[1]?.status).not.toBe('matched')
        expect(proposals[1]?.flags).toContain('duplicate')
    })

    it('recognises swapped coordinates and flags closed facilities', () => {
        const [p] = run([
            row({ name: 'Kibaoni Dispensary', coordinates: [-6.0001, 30.0002], active: false }),
        ])
        expect(p?.candidates[0]?.dhis).toBe(0)
        expect(p?.flags).toEqual(expect.arrayContaining(['coordinatesSwapped', 'closed']))
    })

    it('leaves a row with no similar facility unmatched', () => {
        const [p] = run([row({ name: 'Totally Different Clinic', district: 'Kilosa' })])
        expect(p?.status).toBe('unmatched')
        expect(p?.dhis).toBeNull()
    })
})
