import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/domain/config'
import { generateCountry } from './data/generate'
import { buildSeedConfig } from './seed-config'

describe('the seeded configuration', () => {
    it('names each pair’s stocked-out flags and the staggered groups, and the app reads them', () => {
        const db = generateCountry({ facilities: 60, seed: 42, endPeriod: '202611' })
        const result = parseConfig(buildSeedConfig(db))
        expect(result.errors).toEqual([])
        expect(result.pairResults.every((r) => r.ok !== false)).toBe(true)
        const pair = result.config?.programAreas[0]?.pairs[0]
        expect(pair?.lmis.stockedOut).toHaveLength(2)
        expect(pair?.lmis.reportingGroups?.groups.map((g) => g.monthOffset).sort()).toEqual([
            -1, 0, 1,
        ])
    })
})
