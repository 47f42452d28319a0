/**
 * Matching in a Web Worker (`match.worker.ts`, bundled by the platform's Vite build from the
 * `new Worker(new URL(...), { type: 'module' })` pattern), or in the page where workers are not
 * available (tests in jsdom).
 */
import {
    matchFacilities,
    type DhisArea,
    type DhisFacility,
    type LmisFacility,
    type MatchResult,
    type Proposal,
} from '../../domain/facilities/match'

export interface MatchRequest {
    lmis: LmisFacility[]
    dhis: DhisFacility[]
    areas: DhisArea[]
}

export type MatchResponse =
    { ok: true; proposals: Proposal[]; milliseconds: number } | { ok: false; message: string }

export interface TimedMatch {
    result: MatchResult
    milliseconds: number
}

const fromProposals = (proposals: Proposal[]): MatchResult => {
    const dhisToLmis = new Map<number, number>()
    proposals.forEach((p, row) => {
        if (p.status === 'matched' && p.dhis !== null) dhisToLmis.set(p.dhis, row)
    })
    return { proposals, dhisToLmis }
}

export const runMatch = (request: MatchRequest): Promise<TimedMatch> => {
    if (typeof Worker === 'undefined') {
        const started = performance.now()
        const result = matchFacilities(request.lmis, request.dhis, request.areas)
        return Promise.resolve({ result, milliseconds: performance.now() - started })
    }
    return new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./match.worker.ts', import.meta.url), {
            type: 'module',
        })
        worker.onmessage = (event: MessageEvent<MatchResponse>) => {
            worker.terminate()
            const data = event.data
            if (data.ok) {
                resolve({ result: fromProposals(data.proposals), milliseconds: data.milliseconds })
            } else reject(new Error(data.message))
        }
        worker.onerror = (event) => {
            worker.terminate()
            reject(new Error(event.message || 'The matching worker failed'))
        }
        worker.postMessage(request)
    })
}
