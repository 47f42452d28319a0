import { CONFIG_MIGRATIONS, detectConfigVersion, migrateConfig, parseConfig } from './index'

const pair = {
    id: 'ors-diarrhoea',
    name: 'ORS and diarrhoea',
    commodity: { name: 'ORS' },
    hmis: { items: [{ id: 'fbfJHSPpUQD' }] },
    lmis: { consumption: 'cYeuwXTCPkU' },
}

describe('config migrations', () => {
    it('has one migration per version step, in order', () => {
        CONFIG_MIGRATIONS.forEach((migration, index) => {
            expect(migration.from).toBe(index)
            expect(migration.to).toBe(index + 1)
        })
    })

    it('detects version 0 from a config without a version field', () => {
        expect(detectConfigVersion({ pairs: [] })).toBe(0)
        expect(detectConfigVersion({ version: 1 })).toBe(1)
        expect(detectConfigVersion({ version: 1.5 })).toBeNull()
        expect(detectConfigVersion({ version: -1 })).toBeNull()
    })

    it('moves version 0 pairs into one default program area', () => {
        const result = migrateConfig({ pairs: [pair], extra: 'kept' })
        expect(result).toEqual({
            ok: true,
            fromVersion: 0,
            migrated: true,
            config: {
                extra: 'kept',
                version: 1,
                programAreas: [{ id: 'default', name: 'All commodities', pairs: [pair] }],
            },
        })
    })

    it('reads a version 0 config through parseConfig', () => {
        const result = parseConfig({ pairs: [pair, { id: 'broken' }] })
        expect(result.migratedFrom).toBe(0)
        expect(result.config).toEqual({
            version: 1,
            programAreas: [{ id: 'default', name: 'All commodities', pairs: [pair] }],
        })
        expect(result.pairResults.map((entry) => entry.ok)).toEqual([true, false])
        expect(
            result.errors.every((issue) => issue.path.startsWith('programAreas[0].pairs[1]'))
        ).toBe(true)
    })

    it('migrates a version 0 config without pairs to an empty default area', () => {
        const result = parseConfig({ version: 0 })
        expect(result.config?.programAreas).toEqual([
            { id: 'default', name: 'All commodities', pairs: [] },
        ])
        expect(result.errors).toEqual([])
    })

    it('leaves an invalid version 0 pair list for validation to report', () => {
        const result = parseConfig({ pairs: 'oops' })
        expect(result.errors.map((issue) => issue.code)).toEqual(['config.pairsNotAList'])
    })

    it('does not migrate a current config', () => {
        const config = { version: 1, programAreas: [] }
        expect(migrateConfig(config)).toEqual({ ok: true, config, fromVersion: 1, migrated: false })
    })

    it('runs custom migration chains step by step and stops at a gap', () => {
        const chain = [
            {
                from: 0,
                to: 1,
                description: '',
                migrate: (c: Record<string, unknown>) => ({ ...c, a: 1, version: 1 }),
            },
            {
                from: 1,
                to: 2,
                description: '',
                migrate: (c: Record<string, unknown>) => ({ ...c, b: 2, version: 2 }),
            },
        ]
        expect(migrateConfig({}, chain, 2)).toMatchObject({
            ok: true,
            config: { a: 1, b: 2, version: 2 },
        })
        expect(migrateConfig({}, [chain[1]!], 2)).toMatchObject({ ok: false })
    })
})
