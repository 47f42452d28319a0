/**
 * Proposes which DHIS2 facility each row of an LMIS facility list is.
 *
 * Order of evidence (as in the pilots and openhie/facility-recon): the code (LMIS code equal to the
 * org unit's code, or to its value of the chosen attribute), then the name normalised
 * (`normalise.ts`) within the district/region the list gives, then distance where both sides have
 * coordinates. Every proposal carries a score in [0, 1] and the reasons for it. A row is matched
 * automatically only when its best candidate is strong, clearly better than its second, and no
 * other row wants the same facility as much; one DHIS2 facility goes to at most one row. Anything
 * else is left "uncertain" with its candidates for a person to decide.
 */
import { normaliseAreaName, normaliseFacilityName, type FacilityKind } from './normalise'
import {
    comparable,
    distanceKm,
    levenshteinRatio,
    nameSimilarity,
    type ComparableName,
} from './similarity'

export interface LmisFacility {
    code: string
    name: string
    region?: string
    district?: string
    type?: string
    /** [longitude, latitude] */
    coordinates?: [number, number]
    /** false when the list marks the facility closed/inactive */
    active: boolean
}

export interface DhisFacility {
    id: string
    name: string
    code?: string
    /** `/root/.../id` */
    path: string
    /** Value of the LMIS-code attribute, when one is chosen */
    attributeValue?: string
    /** [longitude, latitude] */
    coordinates?: [number, number]
    /** ISO date; a facility with one is closed */
    closedDate?: string
}

/** A region, district (any level above facilities) of DHIS2 */
export interface DhisArea {
    id: string
    name: string
    level: number
}

export type ReasonKind =
    | 'code'
    | 'attribute'
    | 'codeNameDiffers'
    | 'nameExact'
    | 'nameSimilar'
    | 'sameDistrict'
    | 'otherDistrict'
    | 'otherRegion'
    | 'typeDiffers'
    | 'near'
    | 'far'
    | 'coordinatesSwapped'

export interface Reason {
    kind: ReasonKind
    /** Name similarity (0–1) or distance (km), depending on the kind */
    value?: number
}

export interface Candidate {
    /** Index into the DHIS2 facilities */
    dhis: number
    /** 0–1: 1 only for a code/attribute agreeing with the name; names and places alone ≤ 0.97 */
    score: number
    /** The evidence before it is held to 0–1 (ranks candidates of equal score) */
    strength: number
    reasons: Reason[]
}

export type ProposalStatus = 'matched' | 'uncertain' | 'unmatched'

export type Flag =
    /** The list's district/region is not the matched facility's */
    | 'districtDiffers'
    /** The list marks the facility closed */
    | 'closed'
    /** Another row of the list wants the same DHIS2 facility */
    | 'duplicate'
    /** Latitude and longitude appear swapped in the list */
    | 'coordinatesSwapped'
    /** The list's district or region name is not a DHIS2 area */
    | 'unknownArea'

export interface Proposal {
    status: ProposalStatus
    /** Best first, at most `MAX_CANDIDATES` */
    candidates: Candidate[]
    /** The proposed DHIS2 facility (index), for `matched` */
    dhis: number | null
    flags: Flag[]
}

export interface MatchResult {
    proposals: Proposal[]
    /** DHIS2 facility index → LMIS row index, for the automatic matches */
    dhisToLmis: Map<number, number>
}

export interface MatchOptions {
    /** Lowest score matched automatically */
    autoScore?: number
    /** Lowest score shown as a candidate */
    reviewScore?: number
    /** Lead the best candidate needs over the next (of the row, and over other rows for it) */
    margin?: number
}

export const MAX_CANDIDATES = 5
const AUTO = 0.9
const REVIEW = 0.6
const MARGIN = 0.08
/** Highest score from names and places alone: a code agreeing with the name always ranks above */
const NAME_CAP = 0.97
/** Tokens shared by more facilities than this are no use to find candidates */
const MAX_TOKEN_POSTINGS = 40

const KIND_OF_TYPE = (type: string | undefined): FacilityKind | null =>
    type ? normaliseFacilityName(type).kind : null

interface PreparedDhis {
    tokens: string[]
    key: string
    name: ComparableName
    kind: FacilityKind | null
    ancestors: Set<string>
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
}

/** Resolves a list's area name to DHIS2 areas (exact normalised name, else a close spelling). */
const areaResolver = (areas: readonly DhisArea[]) => {
    const byKey = new Map<string, DhisArea[]>()
    for (const area of areas) push(byKey, normaliseAreaName(area.name), area)
    const keys = [...byKey.keys()]
    const cache = new Map<string, DhisArea[]>()
    return (name: string | undefined): DhisArea[] | null => {
        if (!name || !name.trim()) return null
        const key = normaliseAreaName(name)
        const hit = cache.get(key)
        if (hit) return hit
        let found = byKey.get(key) ?? []
        if (found.length === 0) {
            let best = 0
            for (const k of keys) {
                const r = levenshteinRatio(k, key)
                if (r > best && r >= 0.85) {
                    best = r
                    found = byKey.get(k) ?? []
                }
            }
        }
        cache.set(key, found)
        return found
    }
}

/** Matches an LMIS facility list to DHIS2 facilities. Pure; 6,000 × 6,000 in well under a second. */
export const matchFacilities = (
    lmis: readonly LmisFacility[],
    dhis: readonly DhisFacility[],
    areas: readonly DhisArea[],
    options: MatchOptions = {}
): MatchResult => {
    const autoScore = options.autoScore ?? AUTO
    const reviewScore = options.reviewScore ?? REVIEW
    const margin = options.margin ?? MARGIN

    const prepared: PreparedDhis[] = dhis.map((f) => {
        const n = normaliseFacilityName(f.name)
        return {
            tokens: n.tokens,
            key: n.key,
            name: comparable(n.tokens),
            kind: n.kind,
            ancestors: new Set(f.path.split('/').filter(Boolean)),
        }
    })
    const byCode = new Map<string, number[]>()
    const byAttribute = new Map<string, number[]>()
    const byKey = new Map<string, number[]>()
    const byToken = new Map<string, number[]>()
    const byArea = new Map<string, number[]>()
    dhis.forEach((f, i) => {
        const p = prepared[i] as PreparedDhis
        if (f.code) push(byCode, f.code.trim().toUpperCase(), i)
        if (f.attributeValue) push(byAttribute, f.attributeValue.trim().toUpperCase(), i)
        push(byKey, p.key, i)
        for (const t of new Set(p.tokens)) push(byToken, t, i)
        for (const a of p.ancestors) push(byArea, a, i)
    })
    const resolve = areaResolver(areas)

    const proposals: Proposal[] = lmis.map((row) => {
        const n = normaliseFacilityName(row.name)
        const rowName = comparable(n.tokens)
        const kind = KIND_OF_TYPE(row.type) ?? n.kind
        const flags: Flag[] = []
        if (!row.active) flags.push('closed')

        // The list's areas: the district (deepest match), within the region when both are given
        const regions = resolve(row.region)
        let districts = resolve(row.district)
        if (districts && regions && regions.length > 0) {
            const inRegion = districts.filter((d) =>
                regions.some((r) =>
                    (byArea.get(d.id) ?? []).some((i) => prepared[i]?.ancestors.has(r.id))
                )
            )
            if (inRegion.length > 0) districts = inRegion
        }
        const deepest = (list: DhisArea[] | null): DhisArea | null =>
            list && list.length > 0 ? list.reduce((a, b) => (b.level > a.level ? b : a)) : null
        const shallowest = (list: DhisArea[] | null): DhisArea | null =>
            list && list.length > 0 ? list.reduce((a, b) => (b.level < a.level ? b : a)) : null
        const district = deepest(districts)
        const region = shallowest(regions)
        if ((districts && !district) || (regions && !region)) flags.push('unknownArea')

        // Candidates: same code/attribute, facilities of the area, the same name anywhere, rare
        // shared words anywhere
        const pool = new Set<number>()
        const code = row.code.trim().toUpperCase()
        const codeHits = new Set(code ? (byCode.get(code) ?? []) : [])
        const attrHits = new Set(code ? (byAttribute.get(code) ?? []) : [])
        for (const i of codeHits) pool.add(i)
        for (const i of attrHits) pool.add(i)
        const area = district ?? region
        if (area) for (const i of byArea.get(area.id) ?? []) pool.add(i)
        for (const i of byKey.get(n.key) ?? []) pool.add(i)
        for (const t of n.tokens) {
            const postings = byToken.get(t)
            if (postings && postings.length <= MAX_TOKEN_POSTINGS)
                for (const i of postings) pool.add(i)
        }

        const candidates: Candidate[] = []
        let swappedSeen = false
        for (const i of pool) {
            const f = dhis[i] as DhisFacility
            const p = prepared[i] as PreparedDhis
            const byId = codeHits.has(i) || attrHits.has(i)
            // Bonuses add at most 0.1: a name further off can never be shown
            const sim = nameSimilarity(rowName, p.name, byId ? 0 : reviewScore - 0.1)
            if (!byId && sim < reviewScore - 0.1) continue
            const reasons: Reason[] = []
            let score = sim
            if (sim === 1) reasons.push({ kind: 'nameExact' })
            else reasons.push({ kind: 'nameSimilar', value: round(sim) })

            let distance: number | null = null
            if (row.coordinates && f.coordinates) {
                distance = distanceKm(row.coordinates, f.coordinates)
                const swapped = distanceKm([row.coordinates[1], row.coordinates[0]], f.coordinates)
                if (distance > 5 && swapped <= 1) {
                    distance = swapped
                    swappedSeen = true
                    reasons.push({ kind: 'coordinatesSwapped' })
                }
            }

            if (byId) {
                reasons.unshift({ kind: codeHits.has(i) ? 'code' : 'attribute' })
                // A code is strong evidence, unless the names and places disagree (a typing error)
                const agrees = sim >= 0.5 || (distance !== null && distance <= 2)
                if (agrees) score = 1
                else {
                    score = 0.75
                    reasons.push({ kind: 'codeNameDiffers' })
                }
            }
            if (district) {
                if (p.ancestors.has(district.id)) {
                    if (!byId) score += 0.05
                    reasons.push({ kind: 'sameDistrict' })
                } else {
                    score -= 0.15
                    reasons.push({ kind: 'otherDistrict' })
                }
            }
            if (region && !p.ancestors.has(region.id)) {
                score -= 0.1
                reasons.push({ kind: 'otherRegion' })
            }
            if (kind && p.kind && kind !== p.kind && !byId) {
                score -= 0.06
                reasons.push({ kind: 'typeDiffers' })
            }
            if (distance !== null) {
                if (distance <= 1) {
                    if (!byId) score += 0.05
                    reasons.push({ kind: 'near', value: round(distance) })
                } else if (distance > 25) {
                    score -= 0.1
                    reasons.push({ kind: 'far', value: Math.round(distance) })
                }
            }
            const strength = round(score)
            // Names alone never reach a code's certainty
            score = round(Math.max(0, Math.min(byId ? 1 : NAME_CAP, score)))
            if (score >= reviewScore || byId) candidates.push({ dhis: i, score, strength, reasons })
        }
        candidates.sort((a, b) => b.strength - a.strength || a.dhis - b.dhis)
        if (swappedSeen && candidates[0]?.reasons.some((r) => r.kind === 'coordinatesSwapped')) {
            flags.push('coordinatesSwapped')
        }
        return {
            status: 'unmatched' as ProposalStatus,
            candidates: candidates.slice(0, MAX_CANDIDATES),
            dhis: null,
            flags,
        }
    })

    // How much each DHIS2 facility is wanted: the best and second-best rows' scores
    const wantedBy = new Map<number, number[]>()
    proposals.forEach((p, row) => {
        for (const c of p.candidates) push(wantedBy, c.dhis, row)
    })
    const candidateOf = (row: number, i: number): Candidate | undefined =>
        proposals[row]?.candidates.find((c) => c.dhis === i)
    const strengthOf = (row: number, i: number): number => candidateOf(row, i)?.strength ?? 0

    // Automatic matches: strong, clearly the row's best, clearly the facility's best row
    const order = proposals
        .map((p, row) => ({ row, best: p.candidates[0] }))
        .filter((x): x is { row: number; best: Candidate } => x.best !== undefined)
        .sort((a, b) => b.best.strength - a.best.strength || a.row - b.row)
    const dhisToLmis = new Map<number, number>()
    for (const { row, best } of order) {
        const proposal = proposals[row] as Proposal
        // A code (or attribute) agreeing with the name outranks every name-only candidate
        const bestById = isIdMatch(best)
        const second =
            proposal.candidates.slice(1).find((c) => !bestById || isIdMatch(c))?.strength ?? 0
        const rivals = (wantedBy.get(best.dhis) ?? []).filter((r) => r !== row)
        const rival = Math.max(
            0,
            ...rivals
                .filter((r) => !bestById || isIdMatch(candidateOf(r, best.dhis)))
                .map((r) => strengthOf(r, best.dhis))
        )
        if (rivals.some((r) => proposals[r]?.candidates[0]?.dhis === best.dhis)) {
            if (!proposal.flags.includes('duplicate')) proposal.flags.push('duplicate')
        }
        const districtDiffers = best.reasons.some(
            (r) => r.kind === 'otherDistrict' || r.kind === 'otherRegion'
        )
        if (districtDiffers && best.score >= reviewScore) proposal.flags.push('districtDiffers')
        const strong =
            best.score >= autoScore &&
            best.strength - second >= margin &&
            best.strength - rival >= margin &&
            !districtDiffers &&
            !best.reasons.some((r) => r.kind === 'codeNameDiffers')
        if (strong && !dhisToLmis.has(best.dhis)) {
            dhisToLmis.set(best.dhis, row)
            proposal.status = 'matched'
            proposal.dhis = best.dhis
        } else {
            proposal.status = best.score >= reviewScore ? 'uncertain' : 'unmatched'
        }
    }
    return { proposals, dhisToLmis }
}

const isIdMatch = (c: Candidate | undefined): boolean =>
    c !== undefined &&
    c.reasons.some((r) => r.kind === 'code' || r.kind === 'attribute') &&
    !c.reasons.some((r) => r.kind === 'codeNameDiffers')

const round = (x: number): number => Math.round(x * 1000) / 1000
