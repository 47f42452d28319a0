/**
 * DHIS2's metadata object filter (`filter=property:operator:value`, `rootJunction`) and `order`,
 * evaluated in memory over the demo's schemas.
 *
 * Operators (DHIS2 Web API, "Metadata object filter"): eq, !eq, ieq, ne, like, !like, $like,
 * !$like, like$, !like$, ilike, !ilike, $ilike, !$ilike, ilike$, !ilike$, gt, ge, lt, le, null,
 * !null, empty, !empty, token, !token, in, !in. Paths may traverse references and collections
 * (`parent.id`, `dataSetElements.dataSet.id`, `ancestors.id`): a filter matches when any reached
 * value matches (negated operators: when none does). On a collection itself, eq/ne/gt/ge/lt/le
 * compare its size and null/empty test emptiness. `identifiable:token:a b` matches objects whose
 * id, code, name or short name contain every token.
 */
import { hasOwn } from '../http/ownKeys'
import type { PropDef, Scalar, Schema, SchemaRegistry } from './schema'

export class MetadataQueryError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly errorCode?: string
    ) {
        super(message)
    }
}

export interface Filter {
    path: string[]
    operator: string
    value: string
}

const OPERATORS = new Set([
    'eq',
    '!eq',
    'ieq',
    '!ieq',
    'ne',
    'neq',
    'like',
    '!like',
    '$like',
    '!$like',
    'like$',
    '!like$',
    'ilike',
    '!ilike',
    '$ilike',
    '!$ilike',
    'ilike$',
    '!ilike$',
    'gt',
    'ge',
    'lt',
    'le',
    'null',
    '!null',
    'empty',
    '!empty',
    'token',
    '!token',
    'in',
    '!in',
])

const NEGATED = new Set([
    '!eq',
    '!ieq',
    'ne',
    'neq',
    '!like',
    '!$like',
    '!like$',
    '!ilike',
    '!$ilike',
    '!ilike$',
    '!token',
    '!in',
])

/** Parses `property:operator:value` (the value may contain colons) */
export const parseFilter = (raw: string): Filter => {
    const first = raw.indexOf(':')
    if (first < 0) throw new MetadataQueryError(400, `Invalid filter: ${raw}`)
    const path = raw.slice(0, first)
    const rest = raw.slice(first + 1)
    const second = rest.indexOf(':')
    const operator = second < 0 ? rest : rest.slice(0, second)
    const value = second < 0 ? '' : rest.slice(second + 1)
    if (!OPERATORS.has(operator)) {
        throw new MetadataQueryError(400, `\`${operator}\` is not a valid operator.`)
    }
    return { path: path.split('.'), operator, value }
}

/** Throws DHIS2's "Unknown path property" for paths the schema does not have */
export const validateFilter = (registry: SchemaRegistry, schema: Schema, filter: Filter): void => {
    if (filter.path.length === 1 && filter.path[0] === 'identifiable') return
    let current: Schema | undefined = schema
    for (let i = 0; i < filter.path.length; i++) {
        const segment = filter.path[i] as string
        const prop = propOf(current, segment)
        if (!prop) {
            throw new MetadataQueryError(
                400,
                `Unknown path property: ${filter.path.join('.')}`,
                'E1003'
            )
        }
        current = prop.kind === 'value' ? undefined : registry[prop.type]
        if (prop.kind === 'value' && i < filter.path.length - 1) {
            throw new MetadataQueryError(
                400,
                'Simple type was found before finished parsing path expression, please check your path string.'
            )
        }
    }
}

/** A schema's own property definition (a client's `constructor` or `__proto__` is no property) */
const propOf = (schema: Schema | undefined, name: string): PropDef<object> | undefined =>
    schema && hasOwn(schema.props, name) ? schema.props[name] : undefined

type Candidate = Scalar | null

/** Values reached by a path, and whether the path ends on a collection (with its sizes) */
const resolve = (
    registry: SchemaRegistry,
    schema: Schema,
    obj: object,
    path: string[]
): { values: Candidate[]; collectionSizes: number[] | null } => {
    let objects: object[] = [obj]
    let current: Schema | undefined = schema
    for (let i = 0; i < path.length; i++) {
        const prop = propOf(current, path[i] as string)
        if (!prop) return { values: [], collectionSizes: null }
        const last = i === path.length - 1
        if (prop.kind === 'value') {
            const values: Candidate[] = []
            let sizes: number[] | null = null
            for (const o of objects) {
                const v = prop.get(o)
                if (Array.isArray(v)) {
                    values.push(...v)
                    sizes = [...(sizes ?? []), v.length]
                } else {
                    values.push(v ?? null)
                }
            }
            return { values, collectionSizes: sizes }
        }
        if (prop.kind === 'ref') {
            const next = objects.map((o) => prop.get(o))
            if (last) {
                return {
                    values: next.map((t) => (t ? ((t as { id?: string }).id ?? null) : null)),
                    collectionSizes: null,
                }
            }
            objects = next.filter((t): t is object => !!t)
        } else {
            const lists = objects.map((o) => prop.get(o))
            if (last) {
                return {
                    values: lists.flat().map((t) => (t as { id?: string }).id ?? null),
                    collectionSizes: lists.map((l) => l.length),
                }
            }
            objects = lists.flat()
        }
        current = registry[prop.type]
    }
    return { values: [], collectionSizes: null }
}

const tokens = (text: string): string[] =>
    text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length > 0)

const parseList = (value: string): string[] => {
    const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
    return inner.split(',').map((s) => s.trim())
}

const coerce = (candidate: Scalar, value: string): Scalar => {
    if (typeof candidate === 'number') return Number(value)
    if (typeof candidate === 'boolean') return value.toLowerCase() === 'true'
    return value
}

const compare = (a: Scalar, b: Scalar): number => {
    if (typeof a === 'number' && typeof b === 'number') return a - b
    const x = String(a)
    const y = String(b)
    return x < y ? -1 : x > y ? 1 : 0
}

/** Does one value satisfy the (non-negated form of the) operator? */
const matchOne = (operator: string, candidate: Candidate, value: string): boolean => {
    if (candidate === null) return false
    const text = String(candidate)
    switch (operator.replace(/^!/, '')) {
        case 'eq':
        case 'ne':
        case 'neq':
            return candidate === coerce(candidate, value)
        case 'ieq':
            return text.toLowerCase() === value.toLowerCase()
        case 'like':
            return text.includes(value)
        case '$like':
            return text.startsWith(value)
        case 'like$':
            return text.endsWith(value)
        case 'ilike':
            return text.toLowerCase().includes(value.toLowerCase())
        case '$ilike':
            return text.toLowerCase().startsWith(value.toLowerCase())
        case 'ilike$':
            return text.toLowerCase().endsWith(value.toLowerCase())
        case 'gt':
            return compare(candidate, coerce(candidate, value)) > 0
        case 'ge':
            return compare(candidate, coerce(candidate, value)) >= 0
        case 'lt':
            return compare(candidate, coerce(candidate, value)) < 0
        case 'le':
            return compare(candidate, coerce(candidate, value)) <= 0
        case 'token': {
            const lower = text.toLowerCase()
            return tokens(value).every((t) => lower.includes(t))
        }
        case 'in':
            return parseList(value).some((v) => candidate === coerce(candidate, v))
        default:
            return false
    }
}

const SIZE_OPERATORS = new Set(['eq', '!eq', 'ne', 'neq', 'gt', 'ge', 'lt', 'le'])

export const evaluateFilter = (
    registry: SchemaRegistry,
    schema: Schema,
    obj: object,
    filter: Filter
): boolean => {
    const { operator, value } = filter
    if (filter.path.length === 1 && filter.path[0] === 'identifiable') {
        const o = obj as { id?: string; code?: string; name?: string; shortName?: string }
        const fields = [o.id, o.code, o.name, o.shortName]
            .filter((f): f is string => typeof f === 'string')
            .map((f) => f.toLowerCase())
        const all = tokens(value).every((t) => fields.some((f) => f.includes(t)))
        return operator.startsWith('!') ? !all : all
    }
    const { values, collectionSizes } = resolve(registry, schema, obj, filter.path)
    const nonNull = values.filter((v) => v !== null)
    if (operator === 'null' || operator === 'empty') return nonNull.length === 0
    if (operator === '!null' || operator === '!empty') return nonNull.length > 0
    if (collectionSizes && SIZE_OPERATORS.has(operator) && /^-?\d+$/.test(value)) {
        const size = collectionSizes.reduce((a, b) => a + b, 0)
        const n = Number(value)
        switch (operator) {
            case 'eq':
                return size === n
            case '!eq':
            case 'ne':
            case 'neq':
                return size !== n
            case 'gt':
                return size > n
            case 'ge':
                return size >= n
            case 'lt':
                return size < n
            case 'le':
                return size <= n
        }
    }
    const any = nonNull.some((v) => matchOne(operator, v, value))
    return NEGATED.has(operator) ? !any : any
}

/** All filters with AND (default) or OR (`rootJunction=OR`) */
export const matchesFilters = (
    registry: SchemaRegistry,
    schema: Schema,
    obj: object,
    filters: Filter[],
    rootJunction: 'AND' | 'OR'
): boolean => {
    if (filters.length === 0) return true
    return rootJunction === 'OR'
        ? filters.some((f) => evaluateFilter(registry, schema, obj, f))
        : filters.every((f) => evaluateFilter(registry, schema, obj, f))
}

// ---------------------------------------------------------------------------------------------
// order=
// ---------------------------------------------------------------------------------------------

export interface Order {
    property: string
    direction: 'asc' | 'desc' | 'iasc' | 'idesc'
}

/** `name:asc,level:desc` → orders on simple properties of the schema (others are ignored) */
export const parseOrders = (schema: Schema, params: string[]): Order[] => {
    const out: Order[] = []
    for (const part of params.flatMap((p) => p.split(','))) {
        const [property = '', dir = 'asc'] = part.trim().split(':')
        const prop = propOf(schema, property)
        if (!prop || prop.kind !== 'value') continue
        const direction = dir.toLowerCase()
        if (
            direction === 'asc' ||
            direction === 'desc' ||
            direction === 'iasc' ||
            direction === 'idesc'
        ) {
            out.push({ property, direction })
        }
    }
    return out
}

/** DHIS2's default list order: name (case-insensitive), then id */
export const defaultOrders = (schema: Schema): Order[] =>
    schema.props.name
        ? [
              { property: 'name', direction: 'iasc' },
              { property: 'id', direction: 'asc' },
          ]
        : schema.props.id
          ? [{ property: 'id', direction: 'asc' }]
          : []

const caseInsensitive = new Intl.Collator('en', { sensitivity: 'accent' })
const caseSensitive = new Intl.Collator('en', { sensitivity: 'variant', caseFirst: 'upper' })

export const sortObjects = <T extends object>(schema: Schema, items: T[], orders: Order[]): T[] => {
    if (orders.length === 0) return items
    const getters = orders.map((o) => {
        const prop = schema.props[o.property] as PropDef<object>
        return { order: o, get: prop.kind === 'value' ? prop.get : () => null }
    })
    const keyed = items.map((item) => ({
        item,
        keys: getters.map((g) => {
            const v = g.get(item)
            return Array.isArray(v) ? null : (v ?? null)
        }),
    }))
    keyed.sort((a, b) => {
        for (let i = 0; i < getters.length; i++) {
            const { direction } = (getters[i] as { order: Order }).order
            const x = a.keys[i] ?? null
            const y = b.keys[i] ?? null
            let c: number
            if (x === null || y === null) {
                // nulls last, as PostgreSQL sorts ascending
                c = x === null ? (y === null ? 0 : 1) : -1
            } else if (typeof x === 'string' && typeof y === 'string') {
                c = (direction.startsWith('i') ? caseInsensitive : caseSensitive).compare(x, y)
            } else {
                c = compare(x, y)
            }
            if (c !== 0) return direction.endsWith('desc') ? -c : c
        }
        return 0
    })
    return keyed.map((k) => k.item)
}
