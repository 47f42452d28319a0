/**
 * Runs the facility matcher off the main thread. A thin wrapper: the logic is
 * `src/domain/facilities/match.ts`, tested there.
 */
import { matchFacilities } from '../../domain/facilities/match'
import type { MatchRequest, MatchResponse } from './run-match'

const scope = self as unknown as {
    onmessage: ((event: MessageEvent<MatchRequest>) => void) | null
    postMessage: (message: MatchResponse) => void
}

scope.onmessage = (event) => {
    try {
        const { lmis, dhis, areas } = event.data
        const started = performance.now()
        const result = matchFacilities(lmis, dhis, areas)
        scope.postMessage({
            ok: true,
            proposals: result.proposals,
            milliseconds: performance.now() - started,
        })
    } catch (error) {
        scope.postMessage({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
        })
    }
}
