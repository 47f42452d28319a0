/**
 * Small re-implementations of the Java library behaviour that shapes DHIS2's analytics output:
 * `Double.toString` (row values are `String.valueOf(Double)`, see `JacksonRowDataSerializer`),
 * Apache Commons Math `Precision.round` (used by `MathUtils.getRounded`), `java.util.HashMap`
 * iteration order (the order of `metaData.items`, `metaData.dimensions` and of data element rows)
 * and `String.compareToIgnoreCase` (org unit sorting).
 */

/** Java `String.hashCode()` as a signed 32-bit integer. */
export const javaStringHash = (s: string): number => {
    let h = 0
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
    return h
}

/** Bucket of a key in a `java.util.HashMap` table of the given power-of-two capacity. */
export const javaBucket = (hash: number, capacity: number): number =>
    (hash ^ (hash >>> 16)) & (capacity - 1)

/** Table capacity of a HashMap that grew by single insertions to `size` entries (load factor 0.75). */
export const javaHashMapCapacity = (size: number): number => {
    let capacity = 16
    while (size > capacity * 0.75) capacity *= 2
    return capacity
}

/** Table capacity of `new HashSet<>(collection)` / `new HashMap<>(map)` for a source of `size`. */
export const javaCopyCapacity = (size: number): number => {
    const wanted = Math.max(Math.floor(size / 0.75) + 1, 16)
    let capacity = 1
    while (capacity < wanted) capacity *= 2
    return capacity
}

/**
 * Iteration order of a `java.util.HashMap` whose (distinct) keys were inserted in the given order:
 * by bucket, and in insertion order within a bucket (resizes keep the relative order of entries).
 * Returns indices into `keys`. A counting sort, so linear in keys + capacity.
 */
export const javaHashOrder = (
    keys: readonly string[],
    capacity = javaHashMapCapacity(keys.length)
): Int32Array => javaHashOrderOfHashes(Int32Array.from(keys, javaStringHash), capacity)

/** Java hash of the strings joined with a one-character separator, without building the string. */
export const javaHashOfJoined = (
    parts: readonly string[],
    count: number,
    separator: number
): number => {
    let h = 0
    for (let p = 0; p < count; p++) {
        if (p > 0) h = (Math.imul(31, h) + separator) | 0
        const s = parts[p] as string
        for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
    }
    return h
}

/** HashMap iteration order of entries given by their key hashes (insertion order within a bucket). */
export const javaHashOrderOfHashes = (
    hashes: Int32Array,
    capacity = javaHashMapCapacity(hashes.length)
): Int32Array => {
    const n = hashes.length
    const buckets = new Int32Array(n)
    const counts = new Int32Array(capacity + 1)
    for (let i = 0; i < n; i++) {
        const b = javaBucket(hashes[i] as number, capacity)
        buckets[i] = b
        counts[b + 1] = (counts[b + 1] as number) + 1
    }
    for (let b = 0; b < capacity; b++)
        counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number)
    const order = new Int32Array(n)
    for (let i = 0; i < n; i++) {
        const b = buckets[i] as number
        order[counts[b] as number] = i
        counts[b] = (counts[b] as number) + 1
    }
    return order
}

/** Keys of a HashMap in Java iteration order (keys must be distinct). */
export const javaHashOrderedKeys = (keys: readonly string[], capacity?: number): string[] =>
    Array.from(javaHashOrder(keys, capacity), (i) => keys[i] as string)

/** Shortest round-trip decimal digits and the decimal exponent of the first digit. */
const decimalDigits = (value: number): { negative: boolean; digits: string; exponent: number } => {
    const text = Math.abs(value).toExponential()
    const e = text.indexOf('e')
    const mantissa = text.slice(0, e)
    return {
        negative: value < 0 || Object.is(value, -0),
        digits: mantissa.replace('.', ''),
        exponent: Number(text.slice(e + 1)),
    }
}

/**
 * Java `Double.toString(double)`: plain notation with at least one fraction digit for magnitudes in
 * [10⁻³, 10⁷) (`671.0`, `97.9`), computerized scientific notation otherwise (`1.2345678E7`,
 * `1.0E-4`). Uses the shortest round-trip digits, as JDK 19+ does.
 */
export const javaDoubleToString = (value: number): string => {
    const abs = Math.abs(value)
    if (abs >= 1e-3 && abs < 1e7) {
        // JS prints this range in plain notation with the same shortest digits; Java adds ".0"
        const text = String(value)
        return Number.isInteger(value) ? `${text}.0` : text
    }
    if (Number.isNaN(value)) return 'NaN'
    if (value === Infinity) return 'Infinity'
    if (value === -Infinity) return '-Infinity'
    if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
    const { negative, digits, exponent } = decimalDigits(value)
    const sign = negative ? '-' : ''
    if (abs >= 1e-3 && abs < 1e7) {
        if (exponent >= 0) {
            const intPart =
                digits.length > exponent + 1
                    ? digits.slice(0, exponent + 1)
                    : digits.padEnd(exponent + 1, '0')
            const frac = digits.length > exponent + 1 ? digits.slice(exponent + 1) : '0'
            return `${sign}${intPart}.${frac}`
        }
        return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
    }
    const frac = digits.length > 1 ? digits.slice(1) : '0'
    return `${sign}${digits[0]}.${frac}E${exponent}`
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

/**
 * Apache Commons Math `Precision.round(x, scale)`: `new BigDecimal(Double.toString(x))
 * .setScale(scale, HALF_UP).doubleValue()`, keeping the sign of a result that rounds to zero.
 */
export const precisionRound = (value: number, scale: number): number => {
    if (!Number.isFinite(value) || value === 0) return value
    if (Number.isInteger(value) && Math.abs(value) < 9007199254740992) return value
    // Fast path: away from a decimal tie, binary rounding of value × 10^scale gives the same result
    const factor = POWERS_OF_TEN[scale]
    if (factor !== undefined) {
        const scaled = Math.abs(value) * factor
        if (scaled < 1e15) {
            const fraction = scaled - Math.floor(scaled)
            if (Math.abs(fraction - 0.5) > 1e-6) {
                const result = Math.round(scaled) / factor
                if (result === 0) return value < 0 ? -0 : 0
                return value < 0 ? -result : result
            }
        }
    }
    const { negative, digits, exponent } = decimalDigits(value)
    // Number of significant digits kept: those before the decimal point plus `scale` after it
    const keep = exponent + 1 + scale
    let rounded: number
    if (keep >= digits.length) {
        rounded = Math.abs(value)
    } else if (keep < 0) {
        rounded = 0
    } else {
        const roundUp = (digits.charCodeAt(keep) as number) >= 53 // first dropped digit >= '5'
        const kept = BigInt(keep === 0 ? '0' : digits.slice(0, keep)) + (roundUp ? 1n : 0n)
        rounded = Number(`${kept}e${exponent + 1 - keep}`)
    }
    if (rounded === 0) return negative ? -0 : 0
    return negative ? -rounded : rounded
}

/**
 * Java `String.compareToIgnoreCase`: compares char by char after `Character.toUpperCase` then
 * `Character.toLowerCase`, then by length.
 */
export const compareToIgnoreCase = (a: string, b: string): number => {
    const n = Math.min(a.length, b.length)
    for (let i = 0; i < n; i++) {
        let c1 = a.charAt(i)
        let c2 = b.charAt(i)
        if (c1 !== c2) {
            c1 = c1.toUpperCase()
            c2 = c2.toUpperCase()
            if (c1 !== c2) {
                c1 = c1.toLowerCase()
                c2 = c2.toLowerCase()
                if (c1 !== c2) return c1.charCodeAt(0) - c2.charCodeAt(0)
            }
        }
    }
    return a.length - b.length
}

/** Java `String.compareTo` (UTF-16 code unit order). */
export const compareJavaStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
