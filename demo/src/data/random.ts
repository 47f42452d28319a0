/**
 * Seeded pseudo-random numbers for the country generator.
 *
 * The generator must give the same country for the same seed on every machine, so it never uses
 * `Math.random`. `Rng` wraps sfc32 (small fast counter, 128-bit state, passes PractRand) seeded
 * through splitmix32, and adds the distributions the simulation needs: normal, gamma, Poisson,
 * binomial and negative binomial (Poisson–gamma mixture).
 */

const splitmix32 = (seed: number): (() => number) => {
    let state = seed >>> 0
    return () => {
        state = (state + 0x9e3779b9) >>> 0
        let z = state
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
        return (z ^ (z >>> 16)) >>> 0
    }
}

/** 32-bit string hash (FNV-1a followed by a murmur3 finaliser). */
export const hashString = (text: string, seed = 0): number => {
    let h = (0x811c9dc5 ^ seed) >>> 0
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i)
        h = Math.imul(h, 0x01000193) >>> 0
    }
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b) >>> 0
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35) >>> 0
    h ^= h >>> 16
    return h >>> 0
}

export class Rng {
    private a: number
    private b: number
    private c: number
    private d: number
    /** A second normal deviate from the Box–Muller pair, or NaN */
    private spareNormal = Number.NaN

    constructor(seed: number) {
        const init = splitmix32(seed)
        this.a = init()
        this.b = init()
        this.c = init()
        this.d = init()
        for (let i = 0; i < 12; i++) this.nextUint32()
    }

    /** An independent generator derived from this one's seed stream and a label. */
    fork(label: string): Rng {
        return new Rng((this.nextUint32() ^ hashString(label)) >>> 0)
    }

    nextUint32(): number {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
        this.d = (this.d + 1) >>> 0
        this.a = this.b ^ (this.b >>> 9)
        this.b = (this.c + (this.c << 3)) >>> 0
        this.c = (this.c << 21) | (this.c >>> 11)
        this.c = (this.c + t) >>> 0
        return t
    }

    /** Uniform in [0, 1) */
    next(): number {
        return this.nextUint32() / 4294967296
    }

    /** Uniform in [min, max) */
    uniform(min: number, max: number): number {
        return min + (max - min) * this.next()
    }

    /** Integer in [0, n) */
    int(n: number): number {
        return Math.floor(this.next() * n)
    }

    /** Integer in [min, max] */
    intBetween(min: number, max: number): number {
        return min + this.int(max - min + 1)
    }

    chance(p: number): boolean {
        return this.next() < p
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new RangeError('pick from an empty list')
        return items[this.int(items.length)] as T
    }

    /** Fisher–Yates shuffle of a copy */
    shuffle<T>(items: readonly T[]): T[] {
        const out = items.slice()
        for (let i = out.length - 1; i > 0; i--) {
            const j = this.int(i + 1)
            const tmp = out[i] as T
            out[i] = out[j] as T
            out[j] = tmp
        }
        return out
    }

    /** `k` distinct items, in random order */
    sample<T>(items: readonly T[], k: number): T[] {
        return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)))
    }

    /** Index drawn with probability proportional to `weights` */
    weightedIndex(weights: readonly number[]): number {
        let total = 0
        for (const w of weights) total += w
        let r = this.next() * total
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i] as number
            if (r < 0) return i
        }
        return weights.length - 1
    }

    /** Standard normal (Box–Muller) */
    normal(): number {
        if (!Number.isNaN(this.spareNormal)) {
            const z = this.spareNormal
            this.spareNormal = Number.NaN
            return z
        }
        let u = this.next()
        while (u <= 1e-12) u = this.next()
        const v = this.next()
        const r = Math.sqrt(-2 * Math.log(u))
        this.spareNormal = r * Math.sin(2 * Math.PI * v)
        return r * Math.cos(2 * Math.PI * v)
    }

    /** exp(N(mu, sigma)) */
    logNormal(mu: number, sigma: number): number {
        return Math.exp(mu + sigma * this.normal())
    }

    /** Gamma(shape, scale = 1) by Marsaglia & Tsang; shape > 0 */
    gamma(shape: number): number {
        if (shape < 1) {
            const u = this.next()
            return this.gamma(shape + 1) * Math.pow(u <= 0 ? 1e-12 : u, 1 / shape)
        }
        const d = shape - 1 / 3
        const c = 1 / Math.sqrt(9 * d)
        for (;;) {
            let x: number
            let v: number
            do {
                x = this.normal()
                v = 1 + c * x
            } while (v <= 0)
            v = v * v * v
            const u = this.next()
            if (u < 1 - 0.0331 * x * x * x * x) return d * v
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
        }
    }

    /**
     * Poisson(lambda): inversion by sequential search below 20, rounded normal approximation
     * above (the error there is far below the simulated over-dispersion).
     */
    poisson(lambda: number): number {
        if (!(lambda > 0)) return 0
        if (lambda < 20) {
            let p = Math.exp(-lambda)
            let cumulative = p
            const u = this.next()
            let k = 0
            while (u > cumulative && k < 200) {
                k++
                p *= lambda / k
                cumulative += p
            }
            return k
        }
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()))
    }

    /** Negative binomial with mean `mean` and shape `k` (variance mean + mean²/k) */
    negBinomial(mean: number, k: number): number {
        if (!(mean > 0)) return 0
        return this.poisson((mean * this.gamma(k)) / k)
    }

    /** Binomial(n, p): inversion for small n, normal or Poisson approximation for large n */
    binomial(n: number, p: number): number {
        if (n <= 0 || p <= 0) return 0
        if (p >= 1) return n
        if (p > 0.5) return n - this.binomial(n, 1 - p)
        if (n < 40) {
            // Sequential search on the CDF (BINV): expected n·p iterations, one uniform
            const q = 1 - p
            const s = p / q
            const a = (n + 1) * s
            let r = Math.pow(q, n)
            let u = this.next()
            let x = 0
            while (u > r && x < n) {
                u -= r
                x++
                r *= a / x - s
            }
            return x
        }
        const mean = n * p
        const variance = mean * (1 - p)
        if (variance < 9) {
            // Poisson approximation for rare events, bounded by n
            return Math.min(n, this.poisson(mean))
        }
        return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(variance) * this.normal())))
    }
}
