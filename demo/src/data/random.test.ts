import { describe, expect, it } from 'vitest'
import { Rng, hashString } from './random'
import { UidRegistry, isValidUid, uidFor } from './uid'

describe('Rng', () => {
    it('is deterministic per seed', () => {
        const a = new Rng(42)
        const b = new Rng(42)
        const c = new Rng(43)
        const xs = Array.from({ length: 5 }, () => a.next())
        expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
        expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
        for (const x of xs) {
            expect(x).toBeGreaterThanOrEqual(0)
            expect(x).toBeLessThan(1)
        }
    })

    it('draws Poisson, binomial and negative binomial counts with the right means', () => {
        const rng = new Rng(7)
        const mean = (f: () => number, n = 20000) => {
            let t = 0
            for (let i = 0; i < n; i++) t += f()
            return t / n
        }
        expect(mean(() => rng.poisson(3))).toBeCloseTo(3, 1)
        expect(mean(() => rng.poisson(80))).toBeCloseTo(80, 0)
        expect(mean(() => rng.binomial(20, 0.1))).toBeCloseTo(2, 1)
        expect(mean(() => rng.binomial(200, 0.9))).toBeCloseTo(180, 0)
        expect(mean(() => rng.negBinomial(10, 5))).toBeCloseTo(10, 0)
        for (let i = 0; i < 1000; i++) {
            const k = rng.binomial(12, 0.3)
            expect(k).toBeGreaterThanOrEqual(0)
            expect(k).toBeLessThanOrEqual(12)
        }
        expect(rng.poisson(0)).toBe(0)
    })
})

describe('uids', () => {
    it('derives valid, stable, distinct DHIS2 UIDs from keys', () => {
        expect(uidFor('de:LMIS_OXY_CONS')).toBe(uidFor('de:LMIS_OXY_CONS'))
        const uids = Array.from({ length: 20000 }, (_, i) => uidFor(`ou:1:HF${i}`))
        expect(uids.every(isValidUid)).toBe(true)
        expect(new Set(uids).size).toBe(20000)
        expect(hashString('a')).not.toBe(hashString('b'))
    })

    it('refuses collisions', () => {
        const registry = new UidRegistry()
        registry.allocate('a', 'HllvX50cXC0')
        expect(registry.allocate('a', 'HllvX50cXC0')).toBe('HllvX50cXC0')
        expect(() => registry.allocate('b', 'HllvX50cXC0')).toThrow('UID collision')
    })
})
