/** @vitest-environment jsdom */
import { cleanup, render, screen, within } from '@testing-library/react'
import React from 'react'
import type {
    Candidate,
    DhisFacility,
    LmisFacility,
    MatchResult,
} from '../../domain/facilities/match'
import { resolveRows, rowsByDhisId } from '../../domain/facilities/review'
import { ReviewTable } from './ReviewTable'

afterEach(cleanup)

const DHIS: DhisFacility[] = [
    { id: 'FacilityAAA', name: 'Kijie Health Post', path: '/Root/FacilityAAA' },
    { id: 'FacilityBBB', name: 'Kijie Dispensary', path: '/Root/FacilityBBB' },
]
const LMIS: LmisFacility[] = [
    { code: 'L1', name: 'Kijie HP', active: true },
    { code: 'L2', name: 'Kijie Health Post (new)', active: true },
]
const candidate = (dhis: number, score: number): Candidate => ({
    dhis,
    score,
    strength: score,
    reasons: [{ kind: 'nameSimilar', value: score }],
})
// Row 0 matched to the health post on its own; row 1 wants the same one, and is to review
const RESULT: MatchResult = {
    proposals: [
        { status: 'matched', candidates: [candidate(0, 0.95)], dhis: 0, flags: [] },
        {
            status: 'uncertain',
            candidates: [candidate(0, 0.9), candidate(1, 0.6)],
            dhis: null,
            flags: ['duplicate'],
        },
    ],
    dhisToLmis: new Map([[0, 0]]),
}

describe('the review table', () => {
    it('says which row holds a candidate already, which choosing it here would take it from', () => {
        const rows = resolveRows(LMIS, DHIS, RESULT, {})
        render(
            <ReviewTable
                rows={[rows[1]!]}
                dhis={DHIS}
                dhisById={new Map(DHIS.map((f) => [f.id, f]))}
                heldBy={rowsByDhisId(rows)}
                focus={0}
                setFocus={() => undefined}
                decide={() => undefined}
                canEdit
            />
        )
        const row = screen.getByText('Kijie Health Post (new)').closest('tr') as HTMLElement
        expect(within(row).getByText('Same facility as another row')).toBeTruthy()
        // Only the health post, held by row 0, says so; the dispensary is free
        expect(
            Array.from(row.querySelectorAll('[data-test="facility-held-by"]')).map(
                (e) => e.textContent
            )
        ).toEqual(['Matched to “Kijie HP” now – choosing it here takes it from that row'])
    })
})
