/**
 * DHIS2's `fields=` parameter (Web API, "Metadata field filter"), for every JSON response that
 * takes one: the metadata endpoints (over the demo's schemas, see `renderObject`) and plain JSON
 * objects such as `/api/me`, `/api/system/info` and dataStore values (see `filterFields`).
 *
 * Syntax:
 * - comma separated property names: `id,name`; several `fields` parameters are joined
 * - nested selection with `[...]` or `(...)`: `organisationUnits[id,name]`, `a[b[c]]`
 * - all properties: `*` or the preset `:all`; `:owner` and `:persisted` are treated as `:all`;
 *   `:identifiable` (id, name, code, created, lastUpdated, lastUpdatedBy), `:nameable` (id, name,
 *   shortName, code, description, created, lastUpdated) and `:simple` (properties holding a
 *   string, number, boolean or null); an unknown preset selects nothing, as in DHIS2
 * - exclusion: `!name` (also inside a nested selection)
 * - transformers after a field, before or after its nested selection, started with `~`, `|` or
 *   the legacy `::`; arguments separated by `;` or `,`:
 *   - `~rename(newName)`
 *   - `~size`: length of an array or a string (numbers stay as they are)
 *   - `~isEmpty`, `~isNotEmpty`: whether an array is empty
 *   - `~pluck` / `~pluck(field)`: an array of objects becomes the array of their `field` (by
 *     default `id`, or the first property of items without one: `kids~pluck[name]`); items
 *     without that field are kept as they are
 *   - `~keyBy` / `~keyBy(field)`: an array of objects becomes an object keyed by their `field`
 *     (default `id`); items sharing a key are gathered in an array
 *   On a metadata collection without a nested selection, `~pluck(field)` and `~keyBy(field)`
 *   render the items' `id` and `field`; on plain JSON they see the items whole.
 *
 * As in DHIS2, a property that holds another identifiable object or a collection of them,
 * selected without a nested selection (by name or through a preset), renders as a reference
 * `{ "id": ... }`; other nested objects (settings, sharing, embedded objects such as
 * `dataSetElements`) are rendered whole. Unknown properties are ignored. A property selected
 * explicitly replaces its selection by a preset (`*,name~rename(label)` has `label`, no `name`);
 * one property may be selected twice under different names
 * (`children[id],children~size~rename(childCount)`).
 *
 * Metadata objects are rendered lazily from their schema (only the selected properties are
 * computed, so that 6,000 org units stay cheap) and leave out null properties; plain JSON keeps
 * its nulls.
 */
import type { PropDef, Schema, SchemaRegistry } from '../metadata/schema'
import { hasOwn, ownValue, setOwn } from './ownKeys'

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

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

type JsonObject = Record<string, unknown>

/** `fields` of a metadata list (`/api/dataElements`) when none are given */
export const DEFAULT_LIST_FIELDS = 'id,displayName'
/** `fields` of one metadata object (`/api/dataElements/<id>`) when none are given */
export const DEFAULT_OBJECT_FIELDS = '*'

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** Splits on commas that are not inside brackets or parentheses */
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

/** Index of the bracket closing the one at `open`, or the end of the string */
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

/** Length of the transformer marker at `i` (`~`, `|` or `::`), 0 when there is none */
const transformerMarker = (text: string, i: number): number => {
    const ch = text[i]
    if (ch === '~' || ch === '|') return 1
    if (ch === ':' && text[i + 1] === ':') return 2
    return 0
}

const parseField = (raw: string): FieldSpec => {
    let text = raw
    let exclude = false
    if (text.startsWith('!')) {
        exclude = true
        text = text.slice(1)
    }
    // the name ends at a nested selection or a transformer (presets start with ':' themselves)
    let i = 0
    while (
        i < text.length &&
        text[i] !== '[' &&
        text[i] !== '(' &&
        transformerMarker(text, i) === 0
    ) {
        i++
    }
    const name = text.slice(0, i).trim()
    const transformers: FieldTransformer[] = []
    let children: FieldSpec[] | null = null
    // then transformers (`~name(args)`) and a nested selection, in either order
    while (i < text.length) {
        const ch = text[i]
        const marker = transformerMarker(text, i)
        if (marker > 0) {
            let j = i + marker
            while (j < text.length && /\w/.test(text[j] as string)) j++
            const tName = text.slice(i + marker, j)
            let args: string[] = []
            if (text[j] === '(') {
                const end = closingBracket(text, j)
                args = text
                    .slice(j + 1, end)
                    .split(/[;,]/)
                    .map((a) => a.trim())
                    .filter((a) => a.length > 0)
                j = end + 1
            }
            if (tName) transformers.push({ name: tName, args })
            i = j
        } else if (ch === '[' || ch === '(') {
            const end = closingBracket(text, i)
            const nested = parseFields(text.slice(i + 1, end))
            children = children ? [...children, ...nested] : nested
            i = end + 1
        } else {
            i++
        }
    }
    return { name, exclude, children, transformers }
}

/** Parses one or more `fields` parameter values (DHIS2 joins repeated `fields` parameters) */
export const parseFields = (input: string | readonly string[] | null | undefined): FieldSpec[] => {
    const texts: readonly string[] =
        input == null ? [] : typeof input === 'string' ? [input] : input
    return texts.flatMap(splitTopLevel).map(parseField)
}

// ---------------------------------------------------------------------------------------------
// Selection: which properties a list of specs renders, under which names
// ---------------------------------------------------------------------------------------------

const IDENTIFIABLE = ['id', 'name', 'code', 'created', 'lastUpdated', 'lastUpdatedBy']
const NAMEABLE = ['id', 'name', 'shortName', 'code', 'description', 'created', 'lastUpdated']
const ALL_PRESETS = new Set(['*', ':all', ':owner', ':persisted'])

interface Selected {
    /** Output name */
    key: string
    /** Property name */
    name: string
    /** The spec that selected it, null when selected by a preset */
    spec: FieldSpec | null
}

/** What a selection needs to know about the object (or schema) it applies to */
interface Properties {
    /** Property names, in output order */
    names: readonly string[]
    has: (name: string) => boolean
    /** Whether a property holds a simple value (`:simple`) */
    isSimple: (name: string) => boolean
}

/** Output name of a selected field: its (last) `~rename` target, or the property name */
const outputKey = (spec: FieldSpec): string => {
    const rename = spec.transformers.filter((t) => t.name === 'rename' && t.args[0]).at(-1)
    return rename?.args[0] ?? spec.name
}

/**
 * The fields a selection renders, in output order, one per output name. `a[b],a[c]` merges into
 * `a[b,c]`; a property named explicitly takes the place of its selection through a preset.
 */
const resolveSelection = (props: Properties, specs: FieldSpec[]): Selected[] => {
    const selected: Selected[] = []
    const excluded = new Set<string>()
    const explicit = new Set<string>()
    const addAll = (names: readonly string[]): void => {
        for (const n of names) {
            if (props.has(n) && !selected.some((s) => s.key === n)) {
                selected.push({ key: n, name: n, spec: null })
            }
        }
    }
    for (const spec of specs) {
        if (spec.exclude) {
            excluded.add(spec.name)
        } else if (ALL_PRESETS.has(spec.name)) {
            addAll(props.names)
        } else if (spec.name === ':identifiable') {
            addAll(IDENTIFIABLE)
        } else if (spec.name === ':nameable') {
            addAll(NAMEABLE)
        } else if (spec.name === ':simple') {
            addAll(props.names.filter(props.isSimple))
        } else if (spec.name.startsWith(':')) {
            // an unknown preset selects nothing, as in DHIS2
        } else if (spec.name.length > 0 && props.has(spec.name)) {
            const key = outputKey(spec)
            explicit.add(spec.name)
            const same = selected.findIndex((s) => s.key === key)
            const previous = selected[same]?.spec
            if (previous?.name === spec.name && previous.children && spec.children) {
                const children = [...previous.children, ...spec.children]
                selected[same] = { key, name: spec.name, spec: { ...spec, children } }
                continue
            }
            const entry = { key, name: spec.name, spec }
            const at =
                same >= 0
                    ? same
                    : selected.findIndex((s) => s.spec === null && s.name === spec.name)
            if (at >= 0) selected[at] = entry
            else selected.push(entry)
        }
    }
    return selected.filter(
        ({ name, spec }) => !excluded.has(name) && (spec !== null || !explicit.has(name))
    )
}

// ---------------------------------------------------------------------------------------------
// Transformers
// ---------------------------------------------------------------------------------------------

const isPlainObject = (value: unknown): value is JsonObject =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)

/** The field `~pluck` takes from an item: its argument, else `id`, else the item's first field */
const pluckField = (t: FieldTransformer, item: JsonObject): string | undefined =>
    t.args[0] ?? (hasOwn(item, 'id') ? 'id' : Object.keys(item)[0])

/** Applies the transformers other than `~rename` (which only names the output) */
const applyTransformers = (value: unknown, transformers: FieldTransformer[]): unknown => {
    let out = value
    for (const t of transformers) {
        switch (t.name) {
            case 'size':
                if (Array.isArray(out) || typeof out === 'string') out = out.length
                break
            case 'isEmpty':
                if (Array.isArray(out)) out = out.length === 0
                break
            case 'isNotEmpty':
                if (Array.isArray(out)) out = out.length > 0
                break
            case 'pluck':
                if (Array.isArray(out)) {
                    out = out.map((item) => {
                        if (!isPlainObject(item)) return item
                        const field = pluckField(t, item)
                        const picked = field === undefined ? undefined : ownValue(item, field)
                        return picked !== undefined ? picked : item
                    })
                }
                break
            case 'keyBy':
                if (Array.isArray(out)) {
                    const field = t.args[0] ?? 'id'
                    const keyed: JsonObject = {}
                    for (const item of out) {
                        // as Jackson's `asText()`: only strings, numbers and booleans give a key
                        const keyValue = isPlainObject(item) ? ownValue(item, field) : undefined
                        if (!['string', 'number', 'boolean'].includes(typeof keyValue)) continue
                        const key = String(keyValue)
                        if (!key) continue
                        const existing = ownValue(keyed, key)
                        if (existing === undefined) setOwn(keyed, key, item)
                        else if (Array.isArray(existing)) existing.push(item)
                        else setOwn(keyed, key, [existing, item])
                    }
                    out = keyed
                }
                break
            default:
                break
        }
    }
    return out
}

/** Fields `~pluck(field)` and `~keyBy(field)` need on the items of an unselected collection */
const impliedChildren = (transformers: FieldTransformer[]): FieldSpec[] | null => {
    const names: string[] = []
    for (const t of transformers) {
        const field = t.args[0]
        if ((t.name === 'pluck' || t.name === 'keyBy') && field) names.push('id', field)
    }
    return names.length > 0 ? parseFields([...new Set(names)].join(',')) : null
}

// ---------------------------------------------------------------------------------------------
// Plain JSON objects (`/api/me`, dataStore values, ...)
// ---------------------------------------------------------------------------------------------

const isIdentifiable = (value: unknown): value is JsonObject & { id: string } =>
    isPlainObject(value) && typeof value.id === 'string'

const isSimpleValue = (value: unknown): boolean =>
    value === null || ['string', 'number', 'boolean'].includes(typeof value)

/** A property value selected without a nested selection */
const shallow = (value: unknown): unknown => {
    if (isIdentifiable(value)) return { id: value.id }
    if (Array.isArray(value)) return value.map((v) => (isIdentifiable(v) ? { id: v.id } : v))
    return value
}

const filterObject = (obj: JsonObject, specs: FieldSpec[]): JsonObject => {
    const has = (name: string): boolean => ownValue(obj, name) !== undefined
    const selection = resolveSelection(
        { names: Object.keys(obj).filter(has), has, isSimple: (n) => isSimpleValue(obj[n]) },
        specs
    )
    const out: JsonObject = {}
    for (const { key, name, spec } of selection) {
        const value = ownValue(obj, name)
        const transformers = spec?.transformers ?? []
        // `~pluck` and `~keyBy` look into the items, which stay whole
        const needsItems = transformers.some((t) => t.name === 'pluck' || t.name === 'keyBy')
        const selected = spec?.children
            ? filterFields(value, spec.children)
            : needsItems
              ? value
              : shallow(value)
        setOwn(out, key, applyTransformers(selected, transformers))
    }
    return out
}

/**
 * Applies parsed field specs to a plain JSON value: objects are filtered, arrays are filtered
 * element-wise, anything else is returned as is. An empty spec list returns the value unchanged.
 */
export const filterFields = (value: unknown, specs: FieldSpec[]): unknown => {
    if (specs.length === 0) return value
    if (Array.isArray(value)) return value.map((v) => filterFields(v, specs))
    if (!isPlainObject(value)) return value
    return filterObject(value, specs)
}

/** `parseFields` + `filterFields`; `defaultFields` applies when no `fields` were given */
export const selectFields = (
    value: unknown,
    fields: string | readonly string[] | null | undefined,
    defaultFields = '*'
): unknown => {
    const given = parseFields(fields)
    return filterFields(value, given.length > 0 ? given : parseFields(defaultFields))
}

// ---------------------------------------------------------------------------------------------
// Metadata objects, over their schemas
// ---------------------------------------------------------------------------------------------

const ALL: FieldSpec[] = [{ name: '*', exclude: false, children: null, transformers: [] }]

const idOnly = (o: object): Json => {
    const id = (o as { id?: unknown }).id
    return typeof id === 'string' ? { id } : {}
}

/** Renders one metadata object with a field selection */
export const renderObject = (
    registry: SchemaRegistry,
    schema: Schema,
    obj: object,
    specs: FieldSpec[]
): { [key: string]: Json } => {
    const props = schema.props as Record<string, PropDef<object> | undefined>
    const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(props, name)
    const isSimple = (name: string): boolean => {
        const prop = has(name) ? props[name] : undefined
        return prop?.kind === 'value' && !Array.isArray(prop.get(obj))
    }
    const selection = resolveSelection({ names: Object.keys(props), has, isSimple }, specs)
    const out: { [key: string]: Json } = {}
    for (const { key, name, spec } of selection) {
        const prop = has(name) ? props[name] : undefined
        if (!prop) continue
        const transformers = spec?.transformers ?? []
        const children = spec?.children ?? impliedChildren(transformers)
        const value = renderProp(registry, prop, obj, children)
        if (value === undefined) continue
        setOwn(out, key, applyTransformers(value, transformers))
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
            return prop.get(obj).map((t) => renderObject(registry, schema, t, children ?? ALL))
        }
    }
}
