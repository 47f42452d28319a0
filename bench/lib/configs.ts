/**
 * Mappings of 1, 10, 40 pairs for the requests-per-view figure: the demo's pairs replicated with
 * new ids into one program area, validated with the app's own `parseConfig` before they are
 * stored.
 */
import { parseConfig } from '../../src/domain/config'

export const BENCH_AREA = 'bench-area'

type Json = Record<string, unknown>

const pairsOf = (config: unknown): Json[] => {
    const areas = (config as { programAreas?: { pairs?: Json[] }[] }).programAreas ?? []
    return areas.flatMap((area) => area.pairs ?? [])
}

/** `count` pairs in one program area, copies of the demo config's pairs with new ids and names. */
export const benchConfig = (demoConfig: unknown, count: number): unknown => {
    const source = pairsOf(demoConfig)
    if (source.length === 0) throw new Error('The demo configuration has no pairs to replicate')
    const pairs = Array.from({ length: count }, (_, i) => {
        const original = source[i % source.length] as Json
        const copy = Math.floor(i / source.length)
        return {
            ...structuredClone(original),
            id: `${String(original.id)}-b${i + 1}`,
            name: copy === 0 ? original.name : `${String(original.name)} (${copy + 1})`,
        }
    })
    const config = {
        version: (demoConfig as { version?: number }).version ?? 1,
        programAreas: [{ id: BENCH_AREA, name: `Bench: ${count} pairs`, pairs }],
    }
    const parsed = parseConfig(config)
    const kept = parsed.pairResults.filter((p) => p.ok).length
    if (!parsed.config || parsed.errors.length > 0 || kept !== count) {
        throw new Error(
            `The ${count}-pair bench configuration is not valid (${kept}/${count} pairs kept): ` +
                JSON.stringify(parsed.errors.slice(0, 5))
        )
    }
    return config
}

/** The program area with the most pairs, and its pair count. */
export const largestArea = (config: unknown): { id: string; pairs: number } => {
    const areas = (config as { programAreas?: { id: string; pairs?: unknown[] }[] }).programAreas
    const best = [...(areas ?? [])].sort(
        (a, b) => (b.pairs?.length ?? 0) - (a.pairs?.length ?? 0)
    )[0]
    if (!best) throw new Error('The demo configuration has no program area')
    return { id: best.id, pairs: best.pairs?.length ?? 0 }
}

/** The program area the app opens on (the first one), and its pair count. */
export const defaultArea = (config: unknown): { id: string; pairs: number } => {
    const areas = (config as { programAreas?: { id: string; pairs?: unknown[] }[] }).programAreas
    const first = areas?.[0]
    if (!first) throw new Error('The demo configuration has no program area')
    return { id: first.id, pairs: first.pairs?.length ?? 0 }
}
