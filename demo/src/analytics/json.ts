/**
 * A JSON writer that keeps key order exactly as given. Plain JS objects cannot: integer-like keys
 * such as the period ids `2024` or `202401` always come first. DHIS2's `metaData.items` is a Java
 * HashMap whose order the demo reproduces, so it is written from an entry list.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject

/** An object as an ordered list of entries; `undefined` values are omitted (Jackson NON_NULL). */
export class JsonObject {
    constructor(readonly entries: [string, JsonValue | undefined][]) {}
}

export const obj = (entries: [string, JsonValue | undefined][]): JsonObject =>
    new JsonObject(entries)

const write = (value: JsonValue, out: string[]): void => {
    if (value === null) {
        out.push('null')
    } else if (typeof value === 'string') {
        out.push(JSON.stringify(value))
    } else if (typeof value === 'number' || typeof value === 'boolean') {
        out.push(JSON.stringify(value))
    } else if (Array.isArray(value)) {
        out.push('[')
        value.forEach((v, i) => {
            if (i > 0) out.push(',')
            write(v, out)
        })
        out.push(']')
    } else {
        out.push('{')
        let first = true
        for (const [key, v] of value.entries) {
            if (v === undefined) continue
            if (!first) out.push(',')
            first = false
            out.push(JSON.stringify(key), ':')
            write(v, out)
        }
        out.push('}')
    }
}

export const stringify = (value: JsonValue): string => {
    const out: string[] = []
    write(value, out)
    return out.join('')
}
