/**
 * DHIS2's `fields=` filter for JSON responses (metadata, `/api/me`, ...).
 *
 * Syntax (DHIS2 Web API, "Metadata field filter"):
 * - comma separated property names: `id,name`
 * - nested selection with `[...]` or `(...)`: `organisationUnits[id,name]`, `a[b[c]]`
 * - all properties: `*` or the preset `:all`; other presets `:identifiable`, `:nameable`, `:owner`,
 *   `:persisted`, `:simple`
 * - exclusion: `!name` (also inside a nested selection)
 * - transformers after a field: `~rename(newName)`, `~size`, `~isEmpty`, `~isNotEmpty`,
 *   `~pluck` / `~pluck(field)`, `~keyBy` / `~keyBy(field)`; the legacy `::rename(x)` form too
 *
 * As in DHIS2, a property that holds another identifiable object (one with an `id`) or a collection
 * of them, selected without a nested selection (by name or through `*`), is rendered as a reference:
 * `{ "id": "..." }`. Plain nested objects (settings, sharing, access) are rendered whole. Unknown
 * properties are ignored.
 */

export interface FieldTransformer {
    name: string
    args: string[]
}

export interface FieldSpec {
    /** Property name, `*` or a preset such as `:all` */
    name: string
    exclude: boolean
    /** Nested selection, `null` when none was given */
    children: FieldSpec[] | null
    transformers: FieldTransformer[]
}

type JsonObject = Record<string, unknown>

const isPlainObject = (value: unknown): value is JsonObject =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)

const isIdentifiable = (value: unknown): value is JsonObject & { id: string } =>
    isPlainObject(value) && typeof value.id === 'string'

/** Splits on commas that are not inside brackets or parentheses. */
const splitTopLevel = (text: string): string[] => {
    const out: string[] = []
    let depth = 0
    let current = ''
    for (const ch of text) {
        if (ch === '[' || ch === '(') depth++
        if (ch === ']' || ch === ')') depth = Math.max(0, depth - 1)
        if (ch === ',' && depth === 0) {
            out.push(current)
            current = ''
        } else {
            current += ch
        }
    }
    out.push(current)
    return out.map((s) => s.trim()).filter((s) => s.length > 0)
}

/** Index of the bracket closing the one at `open`, or the end of the string. */
const closingIndex = (text: string, open: number): number => {
    let depth = 0
    for (let i = open; i < text.length; i++) {
        const ch = text[i]
        if (ch === '[' || ch === '(') depth++
        if (ch === ']' || ch === ')') {
            depth--
            if (depth === 0) return i
        }
    }
    return text.length
}

const parseTransformers = (text: string): FieldTransformer[] => {
    const out: FieldTransformer[] = []
    // "~rename(x)~size" or "::rename(x)"
    const normalised = text.replace(/::/g, '~')
    for (const part of normalised.split('~')) {
        const trimmed = part.trim()
        if (!trimmed) continue
        const open = trimmed.indexOf('(')
        if (open < 0) {
            out.push({ name: trimmed, args: [] })
        } else {
            const close = trimmed.lastIndexOf(')')
            const inner = trimmed.slice(open + 1, close < 0 ? undefined : close)
            out.push({
                name: trimmed.slice(0, open),
                args: inner
                    .split(/[;,]/)
                    .map((a) => a.trim())
                    .filter((a) => a.length > 0),
            })
        }
    }
    return out
}

const parseOne = (item: string): FieldSpec => {
    let text = item
    let exclude = false
    if (text.startsWith('!')) {
        exclude = true
        text = text.slice(1)
    }
    // name ends at the first '[', '(', '~' or '::' (presets start with ':' themselves)
    let end = text.length
    for (let i = 0; i < text.length; i++) {
        const ch = text[i]
        if (ch === '[' || ch === '(' || ch === '~') {
            end = i
            break
        }
        if (ch === ':' && text[i + 1] === ':' && i > 0) {
            end = i
            break
        }
    }
    const name = text.slice(0, end).trim()
    let remainder = text.slice(end)
    let children: FieldSpec[] | null = null
    if (remainder.startsWith('[') || remainder.startsWith('(')) {
        const close = closingIndex(remainder, 0)
        children = parseFields(remainder.slice(1, close))
        remainder = remainder.slice(close + 1)
    }
    return { name, exclude, children, transformers: parseTransformers(remainder) }
}

/**
 * Parses one or more `fields` parameter values (DHIS2 joins repeated `fields=` parameters).
 */
export const parseFields = (input: string | string[] | null | undefined): FieldSpec[] => {
    const texts = input == null ? [] : Array.isArray(input) ? input : [input]
    return texts.flatMap((t) => splitTopLevel(t)).map(parseOne)
}

const IDENTIFIABLE = ['id', 'name', 'code', 'created', 'lastUpdated', 'createdBy', 'lastUpdatedBy']
const NAMEABLE = [...IDENTIFIABLE, 'shortName', 'description']
const ALL_PRESETS = new Set(['*', ':all', ':owner', ':persisted'])

const isSimple = (value: unknown): boolean =>
    value === null || ['string', 'number', 'boolean'].includes(typeof value)

/** A property value selected without a nested selection. */
const shallow = (value: unknown): unknown => {
    if (isIdentifiable(value)) return { id: value.id }
    if (Array.isArray(value)) return value.map((v) => (isIdentifiable(v) ? { id: v.id } : v))
    return value
}

const applyTransformers = (
    key: string,
    value: unknown,
    transformers: FieldTransformer[]
): [string, unknown] => {
    let outKey = key
    let out = value
    for (const t of transformers) {
        switch (t.name) {
            case 'rename':
                if (t.args[0]) outKey = t.args[0]
                break
            case 'size':
                out = Array.isArray(out)
                    ? out.length
                    : typeof out === 'string'
                      ? out.length
                      : isPlainObject(out)
                        ? Object.keys(out).length
                        : 0
                break
            case 'isEmpty':
            case 'isNotEmpty': {
                const empty =
                    out == null ||
                    (Array.isArray(out) && out.length === 0) ||
                    (typeof out === 'string' && out.length === 0) ||
                    (isPlainObject(out) && Object.keys(out).length === 0)
                out = t.name === 'isEmpty' ? empty : !empty
                break
            }
            case 'pluck': {
                const field = t.args[0] ?? 'id'
                if (Array.isArray(out)) {
                    out = out.map((v) => (isPlainObject(v) ? v[field] : v))
                }
                break
            }
            case 'keyBy': {
                const field = t.args[0] ?? 'id'
                if (Array.isArray(out)) {
                    const keyed: JsonObject = {}
                    for (const v of out) {
                        if (isPlainObject(v) && v[field] != null) keyed[String(v[field])] = v
                    }
                    out = keyed
                }
                break
            }
            default:
                break
        }
    }
    return [outKey, out]
}

const filterObject = (obj: JsonObject, specs: FieldSpec[]): JsonObject => {
    const includes = specs.filter((s) => !s.exclude)
    const excluded = new Set(specs.filter((s) => s.exclude).map((s) => s.name))
    const explicit = new Map<string, FieldSpec>()
    const order: string[] = []
    const add = (key: string): void => {
        if (!order.includes(key)) order.push(key)
    }
    for (const spec of includes) {
        if (ALL_PRESETS.has(spec.name)) {
            Object.keys(obj).forEach(add)
        } else if (spec.name === ':identifiable') {
            IDENTIFIABLE.forEach(add)
        } else if (spec.name === ':nameable') {
            NAMEABLE.forEach(add)
        } else if (spec.name === ':simple') {
            Object.keys(obj)
                .filter((k) => isSimple(obj[k]))
                .forEach(add)
        } else if (spec.name.length > 0) {
            const previous = explicit.get(spec.name)
            explicit.set(
                spec.name,
                previous && previous.children && spec.children
                    ? { ...spec, children: [...previous.children, ...spec.children] }
                    : spec
            )
            add(spec.name)
        }
    }
    const out: JsonObject = {}
    for (const key of order) {
        if (excluded.has(key)) continue
        if (!Object.prototype.hasOwnProperty.call(obj, key)) continue
        const value = obj[key]
        if (value === undefined) continue
        const spec = explicit.get(key)
        const transformers = spec?.transformers ?? []
        const needsFull = transformers.some((t) => t.name === 'pluck' || t.name === 'keyBy')
        const selected = spec?.children
            ? filterFields(value, spec.children)
            : needsFull
              ? value
              : shallow(value)
        const [outKey, outValue] = applyTransformers(key, selected, transformers)
        out[outKey] = outValue
    }
    return out
}

/**
 * Applies parsed field specs to a value: objects are filtered, arrays are filtered element-wise,
 * anything else is returned as is. An empty spec list returns the value unchanged.
 */
export const filterFields = (value: unknown, specs: FieldSpec[]): unknown => {
    if (specs.length === 0) return value
    if (Array.isArray(value)) return value.map((v) => filterFields(v, specs))
    if (!isPlainObject(value)) return value
    return filterObject(value, specs)
}

/** `parseFields` + `filterFields`; `defaultFields` applies when no `fields` were given. */
export const selectFields = (
    value: unknown,
    fields: string | string[] | null | undefined,
    defaultFields = '*'
): unknown => {
    const given = parseFields(fields)
    return filterFields(value, given.length > 0 ? given : parseFields(defaultFields))
}
