/**
 * The facility matcher on the demo country's LMIS list, scored against the list's ground truth:
 * the list goes through the same CSV reading as an import in the app, the DHIS2 side is what the
 * app fetches (code, name, path, geometry).
 */
import { facilityPoint } from '../../demo/src/data/facility-geometry'
import { FACILITY_LEVEL } from '../../demo/src/data/hierarchy'
import {
    generateLmisFacilities,
    lmisFacilitiesCsv,
    type LmisTruthRow,
} from '../../demo/src/data/lmis-facilities'
import type { DemoDb } from '../../demo/src/data/model'
import { guessColumns, parseCsv, readFacilities } from '../../src/domain/facilities/csv'
import {
    matchFacilities,
    type DhisArea,
    type DhisFacility,
    type MatchResult,
} from '../../src/domain/facilities/match'

export interface MatchingEvaluation {
    rows: number
    dhisFacilities: number
    /** Rows that are a DHIS2 facility (ground truth) */
    matchable: number
    automatic: number
    correct: number
    precision: number
    recall: number
    uncertain: number
    unmatched: number
    /** Rows whose right facility is among the uncertain row's candidates */
    uncertainWithTruth: number
    wrongDistrict: { total: number; flagged: number }
    closed: { total: number; flagged: number }
    /** Automatic matches that are wrong, for inspection */
    errors: Array<{
        row: number
        name: string
        proposed: string
        truth: string | null
        variant: string
    }>
    /** Matchable rows not matched automatically, by variant */
    missedByVariant: Record<string, number>
    milliseconds: number
}

export const dhisSide = (db: DemoDb): { dhis: DhisFacility[]; areas: DhisArea[] } => ({
    dhis: db.facilities.map((f) => ({
        id: f.id,
        name: f.name,
        code: f.code,
        path: f.path,
        coordinates: facilityPoint(f.path),
    })),
    areas: db.orgUnits
        .filter((o) => o.level > 1 && o.level < FACILITY_LEVEL)
        .map((o) => ({ id: o.id, name: o.name, level: o.level })),
})

export const evaluateMatching = (db: DemoDb): MatchingEvaluation => {
    const list = generateLmisFacilities(db)
    const parsed = parseCsv(lmisFacilitiesCsv(list.rows))
    if (!('table' in parsed)) throw new Error(`CSV not read: ${JSON.stringify(parsed.problem)}`)
    const read = readFacilities(parsed.table, guessColumns(parsed.table.header))
    if (!('facilities' in read)) throw new Error(`rows refused: ${JSON.stringify(read.problems)}`)
    const { dhis, areas } = dhisSide(db)
    const started = performance.now()
    const result: MatchResult = matchFacilities(read.facilities, dhis, areas)
    const milliseconds = performance.now() - started

    const truth: LmisTruthRow[] = list.truth
    let automatic = 0
    let correct = 0
    let uncertain = 0
    let unmatched = 0
    let uncertainWithTruth = 0
    const wrongDistrict = { total: 0, flagged: 0 }
    const closed = { total: 0, flagged: 0 }
    const errors: MatchingEvaluation['errors'] = []
    const missedByVariant: Record<string, number> = {}
    result.proposals.forEach((p, i) => {
        const t = truth[i] as LmisTruthRow
        const proposed = p.dhis === null ? null : (dhis[p.dhis]?.id ?? null)
        if (p.status === 'matched') {
            automatic++
            if (proposed === t.dhisId) correct++
            else
                errors.push({
                    row: t.row,
                    name: read.facilities[i]?.name ?? '',
                    proposed: dhis[p.dhis as number]?.name ?? '',
                    truth: t.dhisId ? (db.orgUnitById.get(t.dhisId)?.name ?? null) : null,
                    variant: t.variant,
                })
        } else if (p.status === 'uncertain') {
            uncertain++
            if (p.candidates.some((c) => dhis[c.dhis]?.id === t.dhisId)) uncertainWithTruth++
        } else unmatched++
        if (t.dhisId && !(p.status === 'matched' && proposed === t.dhisId)) {
            const key = `${t.variant}${t.wrongDistrict ? '+wrongDistrict' : ''}`
            missedByVariant[key] = (missedByVariant[key] ?? 0) + 1
        }
        if (t.wrongDistrict) {
            wrongDistrict.total++
            // Flagged: said to be in another district, or at least not matched without a look
            if (p.flags.includes('districtDiffers') || p.status !== 'matched')
                wrongDistrict.flagged++
        }
        if (t.closed) {
            closed.total++
            if (p.flags.includes('closed')) closed.flagged++
        }
    })
    const matchable = truth.filter((t) => t.dhisId !== null).length
    return {
        rows: truth.length,
        dhisFacilities: dhis.length,
        matchable,
        automatic,
        correct,
        precision: automatic === 0 ? 1 : correct / automatic,
        recall: matchable === 0 ? 1 : correct / matchable,
        uncertain,
        unmatched,
        uncertainWithTruth,
        wrongDistrict,
        closed,
        errors,
        missedByVariant,
        milliseconds,
    }
}
