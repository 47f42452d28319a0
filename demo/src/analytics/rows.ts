/**
 * Columnar storage of result rows (typed arrays, no per-row objects) and their rendering to the
 * JSON bytes DHIS2 would send: dimension item ids, then the value and, with `includeNumDen`, the
 * numerator, denominator, factor, multiplier and divisor columns (`String.valueOf` of the Java
 * values, `""` for nulls).
 */
import { javaDoubleToString, javaStringHash } from './java'

export const enum RowKind {
    /** Data element / operand: numerator columns empty */
    Data = 0,
    /** Indicator: numerator, denominator, factor (Double), multiplier, divisor (Integer) */
    Indicator = 1,
    /** Reporting rate: actual, target (Double), 100 (Integer), then two empty columns */
    ReportingRate = 2,
}

/** Item ids of one row column, with what is needed to hash keys that join them. */
export class LabelTable {
    readonly labels: string[] = []
    /** Per code: Java hash of the key label, `31^(length + 1)` and `'-' × 31^length + hash` */
    hash = new Int32Array(16)
    pow = new Int32Array(16)
    add = new Int32Array(16)
    /** The label used in the hash key, when it differs from the one shown (reporting rates) */
    private readonly codeOf = new Map<string, number>()

    code(label: string, keyLabel: string = label): number {
        const cacheKey = keyLabel === label ? label : `${label}\u0000${keyLabel}`
        let code = this.codeOf.get(cacheKey)
        if (code === undefined) {
            code = this.labels.length
            if (code === this.hash.length) {
                const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
                    const b = new Int32Array(a.length * 2)
                    b.set(a)
                    return b
                }
                this.hash = grow(this.hash)
                this.pow = grow(this.pow)
                this.add = grow(this.add)
            }
            this.labels.push(label)
            let pow = 1
            for (let i = 0; i < keyLabel.length; i++) pow = Math.imul(pow, 31)
            const hash = javaStringHash(keyLabel)
            this.hash[code] = hash
            this.add[code] = (Math.imul(45, pow) + hash) | 0
            this.pow[code] = Math.imul(pow, 31)
            this.codeOf.set(cacheKey, code)
        }
        return code
    }
}

export class RowSet {
    count = 0
    codes: Int32Array
    values: Float64Array
    kinds: Uint8Array
    /** Four numbers per row: numerator, denominator, factor, multiplier (indicators) or actual, target */
    extra: Float64Array
    hashes: Int32Array

    constructor(
        readonly width: number,
        readonly tables: LabelTable[]
    ) {
        const capacity = 1024
        this.codes = new Int32Array(capacity * Math.max(width, 1))
        this.values = new Float64Array(capacity)
        this.kinds = new Uint8Array(capacity)
        this.extra = new Float64Array(capacity * 4)
        this.hashes = new Int32Array(capacity)
    }

    private grow(): void {
        const capacity = this.values.length * 2
        const grown = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
            const b = new (a.constructor as new (n: number) => T)(size)
            b.set(a)
            return b
        }
        this.codes = grown(this.codes, capacity * Math.max(this.width, 1))
        this.values = grown(this.values, capacity)
        this.kinds = grown(this.kinds, capacity)
        this.extra = grown(this.extra, capacity * 4)
        this.hashes = grown(this.hashes, capacity)
    }

    /** Adds a row whose dimension codes were written to `codes` (one per column, in order). */
    push(codes: Int32Array, value: number, kind: RowKind, e0 = 0, e1 = 0, e2 = 0, e3 = 0): number {
        if (this.count === this.values.length) this.grow()
        const r = this.count++
        const w = this.width
        let h = 0
        for (let c = 0; c < w; c++) {
            const code = codes[c] as number
            this.codes[r * w + c] = code
            const table = this.tables[c] as LabelTable
            // hash(a + "-" + b) = hash(a) × 31^(1 + |b|) + ('-' × 31^|b| + hash(b)); the first has no "-"
            h =
                c === 0
                    ? (table.hash[code] as number)
                    : (Math.imul(h, table.pow[code] as number) + (table.add[code] as number)) | 0
        }
        this.hashes[r] = h | 0
        this.values[r] = value
        this.kinds[r] = kind
        this.extra[r * 4] = e0
        this.extra[r * 4 + 1] = e1
        this.extra[r * 4 + 2] = e2
        this.extra[r * 4 + 3] = e3
        return r
    }

    label(r: number, c: number): string {
        return (this.tables[c] as LabelTable).labels[
            this.codes[r * this.width + c] as number
        ] as string
    }

    /** The cells of a row as DHIS2 renders them. */
    cells(r: number, includeNumDen: boolean): string[] {
        const cells: string[] = []
        for (let c = 0; c < this.width; c++) cells.push(this.label(r, c))
        cells.push(javaDoubleToString(this.values[r] as number))
        if (includeNumDen) cells.push(...this.numDen(r))
        return cells
    }

    numDen(r: number): string[] {
        const e = this.extra
        switch (this.kinds[r] as RowKind) {
            case RowKind.Indicator:
                return [
                    javaDoubleToString(e[r * 4] as number),
                    javaDoubleToString(e[r * 4 + 1] as number),
                    javaDoubleToString(e[r * 4 + 2] as number),
                    String(e[r * 4 + 3]),
                    '1',
                ]
            case RowKind.ReportingRate:
                return [
                    javaDoubleToString(e[r * 4] as number),
                    javaDoubleToString(e[r * 4 + 1] as number),
                    '100',
                    '',
                    '',
                ]
            default:
                return ['', '', '', '', '']
        }
    }
}

/** Growable byte buffer for ASCII-heavy JSON (a plain Uint8Array: faster element access than Buffer). */
export class ByteWriter {
    private buf: Uint8Array
    private pos = 0

    /** Direct access for tight loops: reserve, write into `buffer` from `position`, set `position`. */
    get buffer(): Uint8Array {
        return this.buf
    }

    get position(): number {
        return this.pos
    }

    set position(pos: number) {
        this.pos = pos
    }

    reserve(n: number): void {
        if (this.pos + n > this.buf.length) this.ensure(n)
    }

    constructor(capacity = 1 << 16) {
        this.buf = new Uint8Array(capacity)
    }

    private ensure(n: number): void {
        if (this.pos + n <= this.buf.length) return
        let size = this.buf.length * 2
        while (size < this.pos + n) size *= 2
        const next = new Uint8Array(size)
        next.set(this.buf.subarray(0, this.pos))
        this.buf = next
    }

    /** Writes a string known to be ASCII without escapes. */
    ascii(text: string): void {
        const n = text.length
        if (this.pos + n > this.buf.length) this.ensure(n)
        const buf = this.buf
        let pos = this.pos
        for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i)
        this.pos = pos
    }

    /** Writes any string (UTF-8). */
    text(text: string): void {
        this.bytes(Buffer.from(text, 'utf8'))
    }

    bytes(bytes: Uint8Array): void {
        const n = bytes.length
        if (this.pos + n > this.buf.length) this.ensure(n)
        const buf = this.buf
        let pos = this.pos
        if (n > 64) {
            buf.set(bytes, pos)
            pos += n
        } else {
            for (let i = 0; i < n; i++) buf[pos++] = bytes[i] as number
        }
        this.pos = pos
    }

    result(): Buffer {
        return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos)
    }
}

const isPlainAscii = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return false
    }
    return true
}

/** Writes `[[...],[...]]` for the rows in the given order. */
export const writeRows = (
    out: ByteWriter,
    rows: RowSet,
    order: ArrayLike<number>,
    includeNumDen: boolean
): void => {
    const encode = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'))
    // Per column: each label's JSON string literal followed by ","
    const quoted = rows.tables.map((t) =>
        t.labels.map((l) => encode(`${isPlainAscii(l) ? `"${l}"` : JSON.stringify(l)},`))
    )
    let maxLabels = 0
    for (const column of quoted) for (const b of column) maxLabels = Math.max(maxLabels, b.length)
    maxLabels *= rows.width
    const emptyNumDen = encode(',"","","","",""')
    const w = rows.width
    const codes = rows.codes
    const values = rows.values
    const kinds = rows.kinds
    // Data rows are bounded: labels, a value of at most 32 characters, the empty numerator columns
    out.reserve(order.length * (maxLabels + 32 + 4 + emptyNumDen.length) + 2)
    const buf = out.buffer
    let pos = out.position
    buf[pos++] = 91 // [
    for (let i = 0; i < order.length; i++) {
        const r = order[i] as number
        if (i > 0) buf[pos++] = 44 // ,
        buf[pos++] = 91
        for (let c = 0; c < w; c++) {
            const bytes = (quoted[c] as Uint8Array[])[codes[r * w + c] as number] as Uint8Array
            for (let k = 0; k < bytes.length; k++) buf[pos++] = bytes[k] as number
        }
        buf[pos++] = 34 // "
        const v = values[r] as number
        if (Number.isInteger(v) && v > -1e7 && v < 1e7 && !(v === 0 && 1 / v < 0)) {
            // Java renders integral doubles as "123.0": write the digits directly
            let n = v
            if (n < 0) {
                buf[pos++] = 45 // -
                n = -n
            }
            const start = pos
            do {
                buf[pos++] = 48 + (n % 10)
                n = Math.floor(n / 10)
            } while (n > 0)
            for (let a = start, b = pos - 1; a < b; a++, b--) {
                const t = buf[a] as number
                buf[a] = buf[b] as number
                buf[b] = t
            }
            buf[pos++] = 46 // .
            buf[pos++] = 48 // 0
        } else {
            const text = javaDoubleToString(v)
            for (let k = 0; k < text.length; k++) buf[pos++] = text.charCodeAt(k)
        }
        buf[pos++] = 34
        if (includeNumDen) {
            if ((kinds[r] as RowKind) === RowKind.Data) {
                for (let k = 0; k < emptyNumDen.length; k++) buf[pos++] = emptyNumDen[k] as number
            } else {
                out.position = pos
                for (const cell of rows.numDen(r)) out.ascii(`,"${cell}"`)
                pos = out.position
                // numDen may have grown the buffer: re-reserve for the remaining rows
                out.reserve((order.length - i) * (maxLabels + 32 + 4 + 128) + 2)
                if (out.buffer !== buf)
                    return writeRemaining(out, rows, order, includeNumDen, i, quoted)
            }
        }
        buf[pos++] = 93 // ]
    }
    buf[pos++] = 93
    out.position = pos
}

/** Slow path after the buffer grew in the middle of a row (indicator / reporting rate columns). */
const writeRemaining = (
    out: ByteWriter,
    rows: RowSet,
    order: ArrayLike<number>,
    includeNumDen: boolean,
    current: number,
    quoted: Uint8Array[][]
): void => {
    out.ascii(']')
    for (let i = current + 1; i < order.length; i++) {
        const r = order[i] as number
        out.ascii(',[')
        for (let c = 0; c < rows.width; c++) {
            out.bytes(
                (quoted[c] as Uint8Array[])[rows.codes[r * rows.width + c] as number] as Uint8Array
            )
        }
        out.ascii(`"${javaDoubleToString(rows.values[r] as number)}"`)
        if (includeNumDen) for (const cell of rows.numDen(r)) out.ascii(`,"${cell}"`)
        out.ascii(']')
    }
    out.ascii(']')
}
