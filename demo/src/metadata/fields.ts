/**
 * DHIS2's `fields=` parameter over the demo's metadata schemas.
 *
 * Syntax (DHIS2 Web API, "Metadata field filter"): `id,name`; nested selections with `[...]` (or
 * `(...)`): `children[id,displayName]`; `*` / `:all` for every property; presets `:identifiable`
 * (id, name, code, created, lastUpdated) and `:nameable` (+ shortName, description); `:owner` and
 * `:persisted` are treated as `:all`; exclusion with `!name`; transformers `~rename(x)`, `~size`,
 * `~isEmpty`, `~isNotEmpty`, `~pluck` / `~pluck(field)` / `~pluck[field]`.
 *
 * As in DHIS2, a reference or a collection of references selected without a nested selection
 * (by name or through `*`) renders as `{ "id": ... }`; unknown properties are ignored; null
 * properties are left out.
 *
 * (The platform engineer's `demo/src/http/fields.ts` implements the same syntax over plain JSON
 * objects; this one works lazily over schemas so that 6,000 org units stay cheap.)
 */
import type { PropDef, Scalar, Schema, SchemaRegistry } from './schema'

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

export type Json = Scalar | null | Json[] | { [key: string]: Json }

/** Splits on commas outside brackets and parentheses */
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

/** Index of the bracket closing the one at `open` */
const closingBracket = (text: string, open: number): number => {
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

const parseField = (raw: string): FieldSpec => {
    let text = raw
    let exclude = false
    if (text.startsWith('!')) {
        exclude = true
        text = text.slice(1)
    }
    // name, then transformers (~name(args)), then an optional nested selection
    let i = 0
    while (i < text.length && !'[(~'.includes(text[i] as string)) i++
    const name = text.slice(0, i)
    const transformers: FieldTransformer[] = []
    let children: FieldSpec[] | null = null
    while (i < text.length) {
        const ch = text[i]
        if (ch === '~') {
            let j = i + 1
            while (j < text.length && /\w/.test(text[j] as string)) j++
            const tName = text.slice(i + 1, j)
            let args: string[] = []
            if (text[j] === '(') {
                const end = closingBracket(text, j)
                args = text
                    .slice(j + 1, end)
                    .split(/[;,]/)
                    .map((a) => a.trim())
                    .filter(Boolean)
                j = end + 1
            }
            transformers.push({ name: tName, args })
            i = j
        } else if (ch === '[' || ch === '(') {
            const end = closingBracket(text, i)
            children = parseFields(text.slice(i + 1, end))
            i = end + 1
        } else {
            i++
        }
    }
    return { name, exclude, children, transformers }
}

/** Parses a `fields` parameter (several `fields` parameters are joined with commas) */
export const parseFields = (text: string): FieldSpec[] => splitTopLevel(text).map(parseField)

export const DEFAULT_LIST_FIELDS = 'id,displayName'
export const DEFAULT_OBJECT_FIELDS = '*'

const PRESETS: Record<string, string[]> = {
    identifiable: ['id', 'name', 'code', 'created', 'lastUpdated', 'lastUpdatedBy'],
    nameable: ['id', 'name', 'shortName', 'code', 'description', 'created', 'lastUpdated'],
}

/** Output key of a selected field: its `~rename` target, or the property name */
const outputKey = (spec: FieldSpec): string => {
    const rename = spec.transformers.filter((t) => t.name === 'rename' && t.args[0]).at(-1)
    return rename?.args[0] ?? spec.name
}

/**
 * The fields a selection renders, in output order: property name and the spec that selected it
 * (null when selected by `*` or a preset). Keyed by output name, so one property may be selected
 * twice under different names (`children[id],children~size~rename(childCount)`).
 */
const resolveSelection = (
    schema: Schema,
    specs: FieldSpec[]
): { name: string; spec: FieldSpec | null }[] => {
    const included = new Map<string, { name: string; spec: FieldSpec | null }>()
    const excluded = new Set<string>()
    const addAll = (names: string[]) => {
        for (const n of names) {
            if (schema.props[n] && !included.has(n)) included.set(n, { name: n, spec: null })
        }
    }
    for (const spec of specs) {
        if (spec.exclude) {
            excluded.add(spec.name)
            continue
        }
        if (spec.name === '*' || spec.name === ':all') {
            addAll(Object.keys(schema.props))
        } else if (spec.name.startsWith(':')) {
            const preset = spec.name.slice(1)
            addAll(PRESETS[preset] ?? Object.keys(schema.props))
        } else if (schema.props[spec.name]) {
            included.set(outputKey(spec), { name: spec.name, spec })
        }
    }
    return [...included.values()].filter(({ name }) => !excluded.has(name))
}

const idOnly = (o: object): Json => {
    const id = (o as { id?: unknown }).id
    return typeof id === 'string' ? { id } : {}
}

/** Renders one object with a field selection */
export const renderObject = (
    registry: SchemaRegistry,
    schema: Schema,
    obj: object,
    specs: FieldSpec[]
): { [key: string]: Json } => {
    const out: { [key: string]: Json } = {}
    for (const { name, spec } of resolveSelection(schema, specs)) {
        const prop = schema.props[name] as PropDef<object>
        // `~pluck(field)` needs that field on the items even without a nested selection
        const pluckField = spec?.transformers.find((t) => t.name === 'pluck')?.args[0]
        const children = spec?.children ?? (pluckField ? parseFields(pluckField) : null)
        let value = renderProp(registry, prop, obj, children)
        if (value === undefined) continue
        let key = name
        for (const t of spec?.transformers ?? []) {
            const applied = applyTransformer(t, value)
            if (applied.rename !== undefined) key = applied.rename
            else value = applied.value
        }
        out[key] = value
    }
    return out
}

const renderProp = (
    registry: SchemaRegistry,
    prop: PropDef<object>,
    obj: object,
    children: FieldSpec[] | null
): Json | undefined => {
    switch (prop.kind) {
        case 'value': {
            const v = prop.get(obj)
            return v === null || v === undefined ? undefined : v
        }
        case 'ref': {
            const target = prop.get(obj)
            if (!target) return undefined
            const schema = registry[prop.type]
            return children && schema
                ? renderObject(registry, schema, target, children)
                : idOnly(target)
        }
        case 'refs': {
            const schema = registry[prop.type]
            return prop
                .get(obj)
                .map((t) =>
                    children && schema ? renderObject(registry, schema, t, children) : idOnly(t)
                )
        }
        case 'embedded': {
            const schema = registry[prop.type]
            if (!schema) return []
            const selection = children ?? [
                { name: '*', exclude: false, children: null, transformers: [] },
            ]
            return prop.get(obj).map((t) => renderObject(registry, schema, t, selection))
        }
    }
}

const applyTransformer = (t: FieldTransformer, value: Json): { value: Json; rename?: string } => {
    switch (t.name) {
        case 'rename':
            return t.args[0] ? { value, rename: t.args[0] } : { value }
        case 'size':
            if (Array.isArray(value) || typeof value === 'string') return { value: value.length }
            return { value }
        case 'isEmpty':
            if (Array.isArray(value) || typeof value === 'string') {
                return { value: value.length === 0 }
            }
            return { value: value === null }
        case 'isNotEmpty':
            if (Array.isArray(value) || typeof value === 'string') {
                return { value: value.length > 0 }
            }
            return { value: value !== null }
        case 'pluck': {
            if (!Array.isArray(value)) return { value }
            // DHIS2: by default the first field of each item (normally the id)
            return {
                value: value.map((item) => {
                    if (item === null || typeof item !== 'object' || Array.isArray(item))
                        return item
                    const field = t.args[0] ?? Object.keys(item)[0]
                    return field === undefined ? null : (item[field] ?? null)
                }),
            }
        }
        default:
            return { value }
    }
}
