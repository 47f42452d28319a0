/**
 * The admin's review of the proposals: decisions per LMIS row, what each row ends up mapped to,
 * the filters of the review screen, the mapping as saved in the dataStore and exported as CSV.
 */
import type { Candidate, DhisFacility, Flag, LmisFacility, MatchResult, Proposal } from './match'

export type Decision =
    /** This DHIS2 facility (an automatic proposal accepted, or a candidate chosen) */
    | { kind: 'accept'; dhisId: string }
    /** The row is no DHIS2 facility */
    | { kind: 'reject' }

/** Decisions by LMIS row index */
export type Decisions = Record<number, Decision>

export type HowMatched = 'code' | 'attribute' | 'name' | 'reviewed'

export interface ResolvedRow {
    index: number
    lmis: LmisFacility
    proposal: Proposal
    decision: Decision | undefined
    /** The DHIS2 facility the row is mapped to now (automatic or decided), else null */
    dhisId: string | null
    how: HowMatched | null
    /** Waits for a person: uncertain and not decided */
    open: boolean
}

const howOf = (candidate: Candidate | undefined): HowMatched => {
    if (candidate?.reasons.some((r) => r.kind === 'code')) return 'code'
    if (candidate?.reasons.some((r) => r.kind === 'attribute')) return 'attribute'
    return 'name'
}

/** Each row with the proposal and the decision applied; a facility decided for one row is taken from the automatic match of another. */
export const resolveRows = (
    lmis: readonly LmisFacility[],
    dhis: readonly DhisFacility[],
    result: MatchResult,
    decisions: Decisions
): ResolvedRow[] => {
    const decidedIds = new Set(
        Object.values(decisions).flatMap((d) => (d.kind === 'accept' ? [d.dhisId] : []))
    )
    return lmis.map((row, index) => {
        const proposal = result.proposals[index] as Proposal
        const decision = decisions[index]
        let dhisId: string | null = null
        let how: HowMatched | null = null
        if (decision?.kind === 'accept') {
            dhisId = decision.dhisId
            const auto = proposal.dhis !== null ? dhis[proposal.dhis]?.id : undefined
            how = auto === dhisId ? howOf(proposal.candidates[0]) : 'reviewed'
        } else if (!decision && proposal.status === 'matched' && proposal.dhis !== null) {
            const id = dhis[proposal.dhis]?.id ?? null
            // Someone chose this facility for another row: this automatic match gives way
            if (id && !decidedIds.has(id)) {
                dhisId = id
                how = howOf(proposal.candidates[0])
            }
        }
        return {
            index,
            lmis: row,
            proposal,
            decision,
            dhisId,
            how,
            open: !decision && proposal.status === 'uncertain',
        }
    })
}

export type ReviewFilter =
    'all' | 'matched' | 'uncertain' | 'unmatchedLmis' | 'duplicates' | 'flagged'

export const REVIEW_FILTERS: readonly ReviewFilter[] = [
    'all',
    'uncertain',
    'matched',
    'unmatchedLmis',
    'duplicates',
    'flagged',
]

const FLAGS_TO_REVIEW: readonly Flag[] = [
    'districtDiffers',
    'closed',
    'coordinatesSwapped',
    'unknownArea',
]

export const matchesFilter = (row: ResolvedRow, filter: ReviewFilter): boolean => {
    switch (filter) {
        case 'all':
            return true
        case 'matched':
            return row.dhisId !== null
        case 'uncertain':
            return row.open
        case 'unmatchedLmis':
            return row.dhisId === null && !row.open
        case 'duplicates':
            return row.proposal.flags.includes('duplicate')
        case 'flagged':
            return row.proposal.flags.some((f) => FLAGS_TO_REVIEW.includes(f))
    }
}

/** Case- and accent-insensitive search in the row's code, name, district and region */
export const matchesSearch = (row: ResolvedRow, search: string): boolean => {
    const q = fold(search)
    if (!q) return true
    return [row.lmis.code, row.lmis.name, row.lmis.district ?? '', row.lmis.region ?? ''].some(
        (text) => fold(text).includes(q)
    )
}

const fold = (text: string): string =>
    text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .trim()

/** DHIS2 facilities no row is mapped to */
/** The row each DHIS2 facility is matched to now (automatic or decided), by the facility's id */
export const rowsByDhisId = (rows: readonly ResolvedRow[]): Map<string, ResolvedRow> =>
    new Map(rows.flatMap((r) => (r.dhisId ? [[r.dhisId, r] as const] : [])))

export const unmatchedDhis = (
    rows: readonly ResolvedRow[],
    dhis: readonly DhisFacility[]
): DhisFacility[] => {
    const used = rowsByDhisId(rows)
    return dhis.filter((f) => !used.has(f.id))
}

export interface ReviewProgress {
    total: number
    matched: number
    open: number
    decided: number
}

export const progressOf = (rows: readonly ResolvedRow[]): ReviewProgress => ({
    total: rows.length,
    matched: rows.filter((r) => r.dhisId !== null).length,
    open: rows.filter((r) => r.open).length,
    decided: rows.filter((r) => r.decision !== undefined).length,
})

// --- The saved mapping ----------------------------------------------------------------------

export const FACILITY_MAPPING_KEY = 'facility-mapping'

export interface FacilityMappingEntry {
    lmisCode: string
    lmisName: string
    dhisId: string
    dhisCode: string
    dhisPath: string
    how: HowMatched
}

export interface FacilityMapping {
    schemaVersion: 1
    reviewedAt: string
    source: { fileName: string; rows: number }
    entries: FacilityMappingEntry[]
    /** LMIS facilities with no DHIS2 facility */
    unmatchedLmis: Array<{ code: string; name: string; active: boolean }>
    /** The DHIS2 facilities that existed at the review (to tell new and closed ones later) */
    dhisFacilityIds: string[]
}

export const buildMapping = (
    rows: readonly ResolvedRow[],
    dhis: readonly DhisFacility[],
    source: { fileName: string },
    now: Date
): FacilityMapping => {
    const byId = new Map(dhis.map((f) => [f.id, f]))
    return {
        schemaVersion: 1,
        reviewedAt: now.toISOString(),
        source: { fileName: source.fileName, rows: rows.length },
        entries: rows.flatMap((r) => {
            const f = r.dhisId ? byId.get(r.dhisId) : undefined
            return f && r.how
                ? [
                      {
                          lmisCode: r.lmis.code,
                          lmisName: r.lmis.name,
                          dhisId: f.id,
                          dhisCode: f.code ?? '',
                          dhisPath: f.path,
                          how: r.how,
                      },
                  ]
                : []
        }),
        unmatchedLmis: rows
            .filter((r) => r.dhisId === null)
            .map((r) => ({ code: r.lmis.code, name: r.lmis.name, active: r.lmis.active })),
        dhisFacilityIds: dhis.map((f) => f.id),
    }
}

/** The rows of the CSV for the integration layer (header first) */
export const mappingCsvRows = (mapping: FacilityMapping): string[][] => [
    ['dhis2_uid', 'dhis2_code', 'dhis2_path', 'lmis_code', 'lmis_name', 'matched_by'],
    ...mapping.entries.map((e) => [
        e.dhisId,
        e.dhisCode,
        e.dhisPath,
        e.lmisCode,
        e.lmisName,
        e.how,
    ]),
]

// --- Gaps since the last review (data quality page) -----------------------------------------

/** A DHIS2 facility as the data quality page reads it now */
export interface CurrentFacility {
    id: string
    name: string
    code?: string
    openingDate?: string
    closedDate?: string
}

export interface MappingGaps {
    reviewedAt: string
    unmatchedLmis: FacilityMapping['unmatchedLmis']
    /** DHIS2 facilities (open now) that no LMIS facility is mapped to */
    dhisWithoutLmis: CurrentFacility[]
    /** DHIS2 facilities that did not exist at the review, or opened since */
    openedSince: CurrentFacility[]
    /** Facilities of the review that are gone from DHIS2 or closed since */
    closedSince: Array<{ id: string; name: string }>
}

const isBefore = (a: string | undefined, b: string): boolean => a !== undefined && a < b

/** What changed in DHIS2 since the mapping was reviewed, and what the review left unmatched. */
export const mappingGaps = (
    mapping: FacilityMapping,
    current: readonly CurrentFacility[]
): MappingGaps => {
    const known = new Set(mapping.dhisFacilityIds)
    const mapped = new Set(mapping.entries.map((e) => e.dhisId))
    const byId = new Map(current.map((f) => [f.id, f]))
    const isOpen = (f: CurrentFacility) => !f.closedDate
    const nameOfEntry = new Map(mapping.entries.map((e) => [e.dhisId, e.lmisName]))
    return {
        reviewedAt: mapping.reviewedAt,
        unmatchedLmis: mapping.unmatchedLmis,
        dhisWithoutLmis: current.filter((f) => isOpen(f) && known.has(f.id) && !mapped.has(f.id)),
        openedSince: current.filter(
            (f) =>
                isOpen(f) &&
                (!known.has(f.id) || !isBefore(f.openingDate, mapping.reviewedAt.slice(0, 10)))
        ),
        closedSince: mapping.dhisFacilityIds.flatMap((id) => {
            const f = byId.get(id)
            if (f && isOpen(f)) return []
            return [{ id, name: f?.name ?? nameOfEntry.get(id) ?? id }]
        }),
    }
}

/** The stored mapping, if the value is one (the dataStore holds what anyone wrote) */
export const parseMapping = (value: unknown): FacilityMapping | null => {
    const v = value as Partial<FacilityMapping> | null
    return typeof v === 'object' &&
        v !== null &&
        v.schemaVersion === 1 &&
        typeof v.reviewedAt === 'string' &&
        Array.isArray(v.entries) &&
        Array.isArray(v.unmatchedLmis) &&
        Array.isArray(v.dhisFacilityIds)
        ? (v as FacilityMapping)
        : null
}
