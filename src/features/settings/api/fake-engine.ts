/**
 * A stand-in for the app-runtime data engine in tests: answers `query` and `mutate` from a
 * function of (resource, params/type, data), and records the calls.
 */
import type { DataEngine } from '../../../data/engine'

export interface EngineCall {
    kind: 'query' | 'mutate'
    resource: string
    id?: string
    type?: string
    params?: Record<string, unknown>
    data?: unknown
}

export const httpError = (status: number, message = 'error') =>
    Object.assign(new Error(message), {
        type: status === 403 ? 'access' : 'unknown',
        details: { httpStatusCode: status, message },
    })

export const fakeEngine = (answer: (call: EngineCall) => unknown) => {
    const calls: EngineCall[] = []
    const run = async (call: EngineCall) => {
        calls.push(call)
        const result = answer(call)
        if (result instanceof Error) throw result
        return result
    }
    const engine = {
        query: async (
            query: Record<string, { resource: string; params?: Record<string, unknown> }>
        ) => {
            const out: Record<string, unknown> = {}
            for (const [name, q] of Object.entries(query)) {
                out[name] = await run({ kind: 'query', resource: q.resource, params: q.params })
            }
            return out
        },
        mutate: async (mutation: { resource: string; id?: string; type: string; data?: unknown }) =>
            run({
                kind: 'mutate',
                resource: mutation.resource,
                id: mutation.id,
                type: mutation.type,
                data: mutation.data,
            }),
    }
    return { engine: engine as unknown as DataEngine, calls }
}
