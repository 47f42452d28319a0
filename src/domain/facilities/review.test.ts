import { matchFacilities, type DhisFacility, type LmisFacility } from './match'
import {
    buildMapping,
    mappingCsvRows,
    matchesFilter,
    matchesSearch,
    progressOf,
    resolveRows,
    unmatchedDhis,
    mappingGaps,
    parseMapping,
} from './review'

const dhis: DhisFacility[] = [
    { id: 'F1', name: 'Kibaoni Dispensary', code: 'HF1', path: '/N/R/D/F1' },
    { id: 'F2', name: 'Mwanzi Health Centre', code: 'HF2', path: '/N/R/D/F2' },
    { id: 'F3', name: 'Mwanza Health Centre', code: 'HF3', path: '/N/R/D/F3' },
    { id: 'F4', name: 'Usa Health Post', code: 'HF4', path: '/N/R/D/F4' },
]
const areas = [{ id: 'D', name: 'Kilosa District', level: 3 }]
const lmis: LmisFacility[] = [
    { code: 'HF1', name: 'Kibaoni Disp.', active: true },
    { code: 'L2', name: 'Mwanzo Health Centre', district: 'Kilosa', active: true },
    { code: 'L3', name: 'Totally New Clinic', district: 'Kilosa', active: false },
]
const result = matchFacilities(lmis, dhis, areas)

describe('review of the proposals', () => {
    it('applies decisions over the automatic proposals', () => {
        const before = resolveRows(lmis, dhis, result, {})
        expect(before.map((r) => [r.dhisId, r.how, r.open])).toEqual([
            ['F1', 'code', false],
            [null, null, true],
            [null, null, false],
        ])
        expect(progressOf(before)).toEqual({ total: 3, matched: 1, open: 1, decided: 0 })
        const after = resolveRows(lmis, dhis, result, {
            1: { kind: 'accept', dhisId: 'F2' },
            0: { kind: 'reject' },
        })
        expect(after.map((r) => [r.dhisId, r.how, r.open])).toEqual([
            [null, null, false],
            ['F2', 'reviewed', false],
            [null, null, false],
        ])
        expect(unmatchedDhis(after, dhis).map((f) => f.id)).toEqual(['F1', 'F3', 'F4'])
    })

    it('takes a facility chosen for one row away from the automatic match of another', () => {
        const rows = resolveRows(lmis, dhis, result, { 1: { kind: 'accept', dhisId: 'F1' } })
        expect(rows[0]?.dhisId).toBeNull()
        expect(rows[1]?.dhisId).toBe('F1')
    })

    it('filters and searches (accents and case ignored)', () => {
        const rows = resolveRows(lmis, dhis, result, {})
        expect(rows.filter((r) => matchesFilter(r, 'uncertain')).map((r) => r.index)).toEqual([1])
        expect(rows.filter((r) => matchesFilter(r, 'unmatchedLmis')).map((r) => r.index)).toEqual([
            2,
        ])
        expect(rows.filter((r) => matchesFilter(r, 'flagged')).map((r) => r.index)).toEqual([2])
        expect(rows.filter((r) => matchesSearch(r, 'KÍBAONI')).map((r) => r.index)).toEqual([0])
    })

    it('builds the saved mapping and its CSV', () => {
        const rows = resolveRows(lmis, dhis, result, { 1: { kind: 'accept', dhisId: 'F2' } })
        const mapping = buildMapping(
            rows,
            dhis,
            { fileName: 'list.csv' },
            new Date('2026-01-02T03:04:05Z')
        )
        expect(mapping.reviewedAt).toBe('2026-01-02T03:04:05.000Z')
        expect(mapping.unmatchedLmis).toEqual([
            { code: 'L3', name: 'Totally New Clinic', active: false },
        ])
        expect(mappingCsvRows(mapping)).toEqual([
            ['dhis2_uid', 'dhis2_code', 'dhis2_path', 'lmis_code', 'lmis_name', 'matched_by'],
            ['F1', 'HF1', '/N/R/D/F1', 'HF1', 'Kibaoni Disp.', 'code'],
            ['F2', 'HF2', '/N/R/D/F2', 'L2', 'Mwanzo Health Centre', 'reviewed'],
        ])
    })
})

describe('mappingGaps', () => {
    const rows = resolveRows(lmis, dhis, result, { 1: { kind: 'accept', dhisId: 'F2' } })
    const mapping = buildMapping(
        rows,
        dhis,
        { fileName: 'l.csv' },
        new Date('2026-03-01T00:00:00Z')
    )

    it('lists what the review left unmatched and what changed in DHIS2 since', () => {
        const gaps = mappingGaps(mapping, [
            { id: 'F1', name: 'Kibaoni Dispensary', openingDate: '1990-01-01T00:00:00.000' },
            { id: 'F2', name: 'Mwanzi Health Centre', openingDate: '1990-01-01T00:00:00.000' },
            {
                id: 'F3',
                name: 'Mwanza Health Centre',
                openingDate: '1990-01-01T00:00:00.000',
                closedDate: '2026-04-01T00:00:00.000',
            },
            { id: 'F9', name: 'New Dispensary', openingDate: '2026-05-01T00:00:00.000' },
        ])
        expect(gaps.unmatchedLmis.map((f) => f.code)).toEqual(['L3'])
        expect(gaps.dhisWithoutLmis.map((f) => f.id)).toEqual([])
        expect(gaps.openedSince.map((f) => f.id)).toEqual(['F9'])
        expect(gaps.closedSince).toEqual([
            { id: 'F3', name: 'Mwanza Health Centre' },
            { id: 'F4', name: 'F4' },
        ])
    })

    it('reads only a stored mapping', () => {
        expect(parseMapping(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping)
        expect(parseMapping({ entries: [] })).toBeNull()
        expect(parseMapping(null)).toBeNull()
    })
})
