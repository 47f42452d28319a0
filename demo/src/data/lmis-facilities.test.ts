import { describe, expect, it } from 'vitest'
import { generateCountry } from './generate'
import { generateLmisFacilities, lmisFacilitiesCsv, LMIS_CSV_HEADER } from './lmis-facilities'

describe('the demo LMIS facility list', () => {
    const db = generateCountry({ facilities: 600, seed: 42 })
    const list = generateLmisFacilities(db)

    it('is the same for the same country', () => {
        expect(generateLmisFacilities(db)).toEqual(list)
    })

    it('has the discrepancies real lists have, each in its ground truth', () => {
        const variants = new Set(list.truth.map((t) => t.variant))
        for (const v of ['same', 'abbreviated', 'caseAndPunctuation', 'spelling', 'new']) {
            expect(variants).toContain(v)
        }
        expect(list.truth.some((t) => t.wrongDistrict)).toBe(true)
        expect(list.truth.some((t) => t.closed)).toBe(true)
        expect(list.truth.some((t) => t.swappedCoordinates)).toBe(true)
        const codeKinds = new Set(list.truth.map((t) => t.codeKind))
        for (const kind of ['dhis2', 'lmis', 'missing'] as const) expect(codeKinds).toContain(kind)
        expect(list.notInLmis.length).toBeGreaterThan(0)
    })

    it('points each matched row at one DHIS2 facility, once', () => {
        const ids = list.truth.flatMap((t) => (t.dhisId ? [t.dhisId] : []))
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) expect(db.orgUnitById.get(id)?.level).toBe(4)
        expect(ids.length + list.notInLmis.length).toBe(db.facilities.length)
    })

    it('writes CSV with the eLMIS header and one line per row', () => {
        const lines = lmisFacilitiesCsv(list.rows).trimEnd().split('\r\n')
        expect(lines[0]).toBe(LMIS_CSV_HEADER.join(','))
        expect(lines).toHaveLength(list.rows.length + 1)
    })
})
